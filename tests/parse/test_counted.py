"""Tests for dashboard.parse.counted: GPUs and wafers named elsewhere in the sentence."""
from __future__ import annotations

import pytest

from dashboard.parse import extract_figures
from dashboard.parse.counted import sentence_start, wafer_period


def _read(text):
    return [(f.value, f.unit) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a GPU word earlier in the sentence, the count far from it
        ("GPU 배분 계획은 국가 AI 센터에 40,000장, 통신사에 30,000장 이상이다.", [(40000.0, "gpu"), (30000.0, "gpu")]),
        ("국내 GPU 보유량이 기존 3만 2천 개에서 12만 개 이상으로 늘어난다.", [(32000.0, "gpu"), (120000.0, "gpu")]),
        ("고성능 GPU(3만2000개)를 들여온다.", [(32000.0, "gpu")]),
        ("AI 칩 20만 개 수출이 허용됐다.", [(200000.0, "gpu")]),
        ("ブラックウェル」が8万個搭載される。", [(80000.0, "gpu")]),
        # a GPU word right after the counter, a few words between, any value from 2 up
        ("18만대 이상의 GPU를 공급한다.", [(180000.0, "gpu")]),
        ("120만개의 최신 엔비디아 'H200' AI 칩을 넣는다.", [(1200000.0, "gpu")]),
        ("最多4万台の Blackwell AI チップを載せる。", [(40000.0, "gpu")]),
        ("系统由8块芯片组成。", [(8.0, "gpu")]),
        # "chips" as the counter needs a GPU word earlier (any value)
        ("Each rack of Nvidia GB300 servers holds 36 chips.", [(36.0, "gpu")]),
    ],
)
def test_gpus_named_in_the_sentence(text, expected):
    """A count with a GPU counter is accelerators when a GPU word stands in the sentence."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "청주 M15와 M16 2개 라인을 합친 규모다.",  # a fab name, not a GPU count
        "一块芯片上集成了两种功能。",  # "a single chip"
        "The plant packs 500 chips an hour.",  # chips without any GPU word
        "GPU 가격이 오르자 회사는 직원 300명을 뽑았다. 이어 3,000개 부품을 샀다.",  # another sentence
    ],
)
def test_no_gpu_count_without_a_gpu_word_in_reach(text):
    """Without a GPU word in the same sentence (or with a tiny value far from it) nothing is a GPU count."""
    assert all(u != "gpu" for _, u in _read(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("웨이퍼 월 생산량은 작년 11만장에서 올해 15만장으로 늘었다.", [(110000.0, "wafer / month"), (150000.0, "wafer / month")]),
        ("한 달에 약 4만장 생산을 목표로 한다.", [(40000.0, "wafer / month")]),
        ("매달 6천5백개의 웨이퍼를 만든다.", [(6500.0, "wafer / month")]),
        ("月産能力を現在の4000枚から6000枚へ引き上げる。", [(4000.0, "wafer / month"), (6000.0, "wafer / month")]),
        ("月に3万2,000枚(300ミリウエハー換算)生産する。", [(32000.0, "wafer / month")]),
        ("每月产量可达80万片。", [(800000.0, "wafer / month")]),
        ("每年將增加300,000片晶圓的生產能力。", [(300000.0, "wafer / year")]),
        ("8라인 생산 규모를 3만5천장으로 키운다.", [(35000.0, "wafer")]),
        ("日本の生産能力は同181万4,000枚だった。", [(1814000.0, "wafer")]),
    ],
)
def test_wafers_named_in_the_sentence(text, expected):
    """Wafer/output words make 장/枚/片 counts wafers; a month/year word before gives the period."""
    assert _read(text) == expected


def test_a_date_month_is_no_period():
    """"3월 생산" and "3月に" are dates, not "per month"."""
    assert wafer_period("3월 생산량은 웨이퍼 4만장", 12) is None
    assert wafer_period("3月に4万枚のウエハー", 4) is None


def test_sentence_start_stops_at_the_sentence_end():
    """The look-back window starts after the last sentence end."""
    text = "GPU를 샀다. 부품 3만 개"
    assert sentence_start(text, text.index("3"), 80) == text.index("부")
