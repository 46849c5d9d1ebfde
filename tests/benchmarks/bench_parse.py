"""Benchmark of the figure parser (plain script, not collected by pytest).

Run: ``python tests/benchmarks/bench_parse.py``

Reports, on one core (CPU time of this process, median of 3 runs; wall time
too, which other processes on the machine inflate):
* ``extract_figures`` throughput (target >= 3 MB/s on news text) on
  (a) >= 1 MB of mixed ko/ja/zh/en text built from the sentences of
      ``tests/parse/parse_corpus.py`` (every sentence holds figures: far denser
      than news);
  (b) >= 1 MB of text at the density of real news (``news_text.py``: our own
      figure sentences, tempting non-figures and plain filler);
  (c) the real-text dev sentences of ``/work/devset/{ko_ja,zh_en}.jsonl`` concatenated,
      when that directory exists (read at run time; never part of the repository;
      read several times per run so that each run lasts about as long as the others);
      they were picked because they hold figures, so they are denser than news;
  (d) real news pages as stored (``/work/devset/pages_text/pages.jsonl``: whole page
      texts in ko/ja/zh/en at their natural density, kept outside the repository),
      one ``extract_figures`` call per page, as the article intake reads them;
  each with its numerals/KB and figures/KB;
* ``parse_amount`` calls per second over single expressions;
* price-parser (``price_parser.Price.fromstring``) on the same inputs, side by
  side: calls per second and how many inputs it reads right (value and
  currency), next to ours.
"""
from __future__ import annotations

import json
import math
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "parse"))
sys.path.insert(0, str(HERE))  # news_text beside this file, also when pytest imports it as tests.benchmarks.bench_parse

from news_text import news_text, sample_text  # noqa: E402
from parse_corpus import CORPUS  # noqa: E402

from dashboard.parse import extract_figures, parse_amount  # noqa: E402


# single expressions with their (value, currency): the common written forms
EXPRESSIONS: list[tuple[str, float, str]] = [
    ("400억엔", 4e10, "JPY"), ("約4千億円", 4e11, "JPY"), ("500亿美元", 5e10, "USD"),
    ("US$1.5bn", 1.5e9, "USD"), ("Rs 91,000 crore", 9.1e11, "INR"), ("NT$1.2 trillion", 1.2e12, "TWD"),
    ("$500 billion", 5e11, "USD"), ("2조5000억원", 2.5e12, "KRW"), ("1兆1,000億円", 1.1e12, "JPY"),
    ("３,４４０億元", 3.44e11, "CNY"), ("€10bn", 1e10, "EUR"), ("¥1 trillion", 1e12, "JPY"),
    ("RM1.2 billion", 1.2e9, "MYR"), ("₩3조", 3e12, "KRW"), ("$5m", 5e6, "USD"), ("$1,500,000", 1.5e6, "USD"),
    ("£250 million", 2.5e8, "GBP"), ("四千億円", 4e11, "JPY"), ("1.2万亿元", 1.2e12, "CNY"),
    ("약 3,620억원", 3.62e11, "KRW"), ("€1,234.50", 1234.5, "EUR"), ("$99", 99.0, "USD"),
]


def _mixed_text(min_bytes: int = 1_100_000, seed: int = 7) -> str:
    return sample_text([s for _, s, _ in CORPUS], min_bytes, seed)


DEVSET = "/work/devset"


def _dev_text() -> str | None:
    """The dev sentences of the real-text set, one a line, or None when it is absent."""
    # the two development files only: a held-out set kept beside them is never read here
    paths = [p for p in (f"{DEVSET}/ko_ja.jsonl", f"{DEVSET}/zh_en.jsonl") if Path(p).exists()]
    if not paths:
        return None
    lines = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    if row.get("split", "dev") == "dev":
                        lines.append(row["text"])
    return "\n".join(lines)


def _pages() -> list[str] | None:
    """Texts of the stored real news pages, or None when the file is absent."""
    path = Path(f"{DEVSET}/pages_text/pages.jsonl")
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _median_of(fn, repeat: int = 3) -> tuple[float, float]:
    """Median CPU seconds and median wall seconds of ``repeat`` runs."""
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(cpu), statistics.median(wall)


_NUMERAL = re.compile(r"[0-9０-９]+(?:[,.][0-9]+)*")


def _throughput_rows() -> list[tuple[str, str, str]]:
    texts = [("(a) corpus sentences, one string", _mixed_text()), ("(b) news-density text, one string", news_text())]
    dev = _dev_text()
    if dev is not None:
        texts.append(("(c) real dev sentences, one string", dev))
    rows = []
    for label, text in texts:
        extract_figures(text)  # warm the lazily compiled patterns for this text
        size = len(text.encode("utf-8"))
        kb, mb = size / 1024, size / 1e6
        passes = max(1, math.ceil(1_000_000 / size))  # a short text is read several times per run
        cpu, wall = _median_of(lambda: [extract_figures(text, strict=True) for _ in range(passes)])
        cpu, wall = cpu / passes, wall / passes
        n_fig = len(extract_figures(text))
        density = f"{len(_NUMERAL.findall(text)) / kb:.1f} numerals/KB, {n_fig / kb:.1f} figures/KB"
        rows.append((label, f"{mb / cpu:.2f} MB/s", f"{mb:.2f} MB, {density}; wall {mb / wall:.2f} MB/s"))
    pages = _pages()
    if pages:
        for page in pages:
            extract_figures(page)  # warm
        size = sum(len(p.encode("utf-8")) for p in pages)
        kb, mb = size / 1024, size / 1e6
        passes = max(1, math.ceil(1_000_000 / size))
        cpu, wall = _median_of(lambda: [extract_figures(p, strict=True) for _ in range(passes) for p in pages])
        cpu, wall = cpu / passes, wall / passes
        n_fig = sum(len(extract_figures(p)) for p in pages)
        n_num = sum(len(_NUMERAL.findall(p)) for p in pages)
        rows.append((f"(d) real news pages, one call per page ({len(pages)})", f"{mb / cpu:.2f} MB/s",
                     f"{mb:.2f} MB, {n_num / kb:.1f} numerals/KB, {n_fig / kb:.1f} figures/KB; wall {mb / wall:.2f} MB/s"))
    return rows


def _best_of(fn, repeat: int = 3) -> float:
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    """Run the benchmark and print a table."""
    from price_parser import Price

    text = _mixed_text()
    mb = len(text.encode("utf-8")) / 1e6
    extract_figures("warm up 1조원")
    rows = _throughput_rows()
    chunks = text.split("\n")
    t_chunks = _best_of(lambda: [extract_figures(c) for c in chunks])

    inputs = [e for e, _, _ in EXPRESSIONS] * 50
    t_ours = _best_of(lambda: [parse_amount(e) for e in inputs])
    t_pp = _best_of(lambda: [Price.fromstring(e) for e in inputs])

    def ours_ok(e, v, c):
        try:
            f = parse_amount(e)
        except Exception:  # noqa: BLE001
            return False
        return math.isclose(f.value, v, rel_tol=1e-9) and f.currency == c

    def pp_ok(e, v, c):
        p = Price.fromstring(e)
        return p.amount is not None and math.isclose(float(p.amount), v, rel_tol=1e-9)

    ours_right = sum(ours_ok(*x) for x in EXPRESSIONS)
    pp_right = sum(pp_ok(*x) for x in EXPRESSIONS)
    t_pp_text = _best_of(lambda: [Price.fromstring(c) for c in chunks], repeat=1)

    rows += [
        ("(a) corpus, one call per sentence", f"{mb / t_chunks:.2f} MB/s", f"{len(chunks)} calls, {t_chunks:.2f} s"),
        ("price-parser on the same sentences", f"{mb / t_pp_text:.2f} MB/s", "(one price per sentence at most)"),
        ("parse_amount", f"{len(inputs) / t_ours:,.0f} calls/s", f"right on {ours_right}/{len(EXPRESSIONS)} expressions"),
        ("price_parser.Price.fromstring", f"{len(inputs) / t_pp:,.0f} calls/s", f"right on {pp_right}/{len(EXPRESSIONS)} (value only)"),
    ]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    print(f"{'measure':<{w0}}  {'speed':>{w1}}  note")
    for a, b, c in rows:
        print(f"{a:<{w0}}  {b:>{w1}}  {c}")


if __name__ == "__main__":
    main()
