"""Adversarial-input benchmark of the figure parser (plain script, not collected by pytest).

Run: ``python tests/benchmarks/bench_adversarial.py [--quick]``

Each hostile input is built at several sizes; the table shows ms per KB at
every size, so linear growth reads as a flat row. The target is <= 10 ms/KB in
the worst case (issue 10), in CPU time of one core. Inputs: filler words repeated between a GPU word and
its count, long digit runs after counters, '一'×n, '1만억'×n, '$1 '×n (every
token a figure), unclosed parentheses after a figure, words that start a
restatement, dense 2 MB articles, and more.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "parse"))
sys.path.insert(0, str(HERE))  # news_text beside this file, also when pytest imports it as a package module

from news_text import sample_text  # noqa: E402
from parse_corpus import CORPUS  # noqa: E402

from dashboard.parse import extract_figures  # noqa: E402


def _dense(n: int) -> str:
    return sample_text([s for _, s, _ in CORPUS], n, n)


CASES = {
    "filler words after GPU": lambda n: "GPU " + "최신 " * n + "1만 장",
    "filler words, English": lambda n: "100,000 " + "Nvidia " * n + "GPUs",
    "digits after a counter": lambda n: "GPU 1" + "0" * n + "장",
    "digits after a currency": lambda n: "$" + "9" * n + " billion",
    "'一' x n": lambda n: "一" * n,
    "'一千' x n + 億円": lambda n: "一千" * n + "億円",
    "'1만억' x n": lambda n: "1만억" * n,
    "'$1 ' x n": lambda n: "$1 " * n,
    "'1조원(' + '약 ' x n": lambda n: "1조원(" + "약 " * n,
    "'1,000' x n": lambda n: "1" + ",000" * n,
    "'1조 ' + ' ' x n + 원": lambda n: "1조" + " " * n + "원",
    "'월 ' x n + 5만 장": lambda n: "월 " * n + "5만 장",
    "'1~' x n + 2조원": lambda n: "1~" * n + "2조원",
    "'(' x n + 1조원": lambda n: "(" * n + "1조원" + ")" * n,
    "'1.' x n": lambda n: "1." * n,
    "'about ' x n + $1bn": lambda n: "about " * n + "$1bn",
    "'between $1 and ' x n": lambda n: "between $1 and " * n + "$2",
    "'１０㎿' x n (normalised)": lambda n: "１０㎿" * n,
    "'5만 장, ' x n + GPU (carried counts)": lambda n: "5만 장, " * n + "6만 장의 GPU",
    "'3 data centers — 1 in Ab, ' x n": lambda n: "3 data centers — 1 in Ab, " * n,
    "'40,000 and ' x n + GPUs (lists)": lambda n: "40,000 and " * n + "50,000 GPUs",
    "'300 个' + '公司' x n + 員工 (staff after a name)": lambda n: "300 个" + "公司" * n + "員工",
    "'1,200 jobs, plus another ' x n (carried noun)": lambda n: "1,200 jobs, plus another " * n + "900",
    "'engineering and ' x n + jobs (job adjectives)": lambda n: "500 " + "engineering and " * n + "jobs",
    "'mostly top-tier ' x n + AI chips (adverbs, GPU adjectives)": lambda n: "500 " + "mostly of Nvidia's top-tier " * n + "AI chips",
    "'9 data centers and 8 under construction, ' x n (states)": lambda n: "9 data centers and 8 under construction, " * n,
    "'$10+ ' x n + billion, 'RM5bil ' x n": lambda n: "$10+ " * n + "billion " + "RM5bil " * n,
    "'100kW38' x n (footnotes after units)": lambda n: "20-100kW38の" * n,
    "'2拠点に' x n + データセンター": lambda n: "2拠点に" * n + "データセンター",
    "'3개의 ' + '기가와트급 ' x n (size classes)": lambda n: "3개의 " + "기가와트급 " * n + "데이터센터",
    "'5 billion baht, 3 billion, ' x n": lambda n: "5 billion baht, 3 billion, " * n,
    "'2,000-plus ' x n + workers, '$10-plus ' x n": lambda n: "2,000-plus " * n + "workers " + "$10-plus " * n + "billion",
    "'in 2000 GPUs of ' x n (year or count)": lambda n: "in 2000 GPUs of " * n + "were",
    "'赴上海' x n + 投資50億元 (destination)": lambda n: "台灣廠商" + "赴上海" * n + "投資50億元",
    "'万卡集群' x n + '3万片H100' (card classes)": lambda n: "万卡集群" * n + "采用3万片H100芯片",
    "'超万亿' x n, '个其他项目' x n": lambda n: "超万亿" * n + "数据中心" + "5个其他项目" * n,
    "'Rs 1,' + '25,' x n + '000 crore' (lakh groups)": lambda n: "Rs 1," + "25," * n + "000 crore",
    "'月產能為 30 萬' x n, 'a workforce of 900 ' x n": lambda n: "月產能為 30 萬" * n + "a workforce of 900 " * n,
    "'2조4.000억' x n (dot thousands)": lambda n: "2조4.000억" * n + "원",
    "'月產(chǎn)能' x n + 5万片 (pinyin readings)": lambda n: "月產(chǎn)能" * n + "5万片",
    "dense article": lambda n: _dense(n * 10),
}


def _time(text: str) -> float:
    """CPU seconds of this process (one core), best of 2: other processes on a
    shared machine inflate wall time, not the work done."""
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        extract_figures(text, strict=True)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    """Run every case at each size and print ms/KB; exit 1 if any exceeds 10 ms/KB."""
    quick = "--quick" in sys.argv
    sizes = (1_000, 10_000, 100_000) if quick else (1_000, 10_000, 100_000, 200_000)
    extract_figures("warm up 1조원")
    head = f"{'input':32}" + "".join(f"{'n=' + format(n, ','):>14}" for n in sizes) + "   worst ms/KB"
    print(head)
    worst_all = 0.0
    for name, build in CASES.items():
        cells, worst = [], 0.0
        for n in sizes:
            text = build(n)
            kb = len(text.encode("utf-8")) / 1024
            ms = _time(text) * 1000
            per = ms / kb
            worst = max(worst, per)
            cells.append(f"{per:9.3f} ms/KB")
        worst_all = max(worst_all, worst)
        print(f"{name:32}" + "".join(f"{c:>14}" for c in cells) + f"   {worst:8.3f}")
    big = _dense(2_000_000)
    mb = len(big.encode("utf-8")) / 1e6
    t = _time(big)
    print(f"\n2 MB dense article: {mb:.2f} MB in {t:.2f} s = {t * 1000 / (mb * 1e6 / 1024):.3f} ms/KB")
    worst_all = max(worst_all, t * 1000 / (mb * 1e6 / 1024))
    print(f"worst case: {worst_all:.3f} ms/KB (target <= 10)")
    sys.exit(0 if worst_all <= 10 else 1)


if __name__ == "__main__":
    main()
