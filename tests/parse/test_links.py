"""Tests for dashboard.parse.links: ranges, restatements in parentheses, declared currencies."""
from __future__ import annotations

import pytest

from dashboard.parse import extract_figures


RESTATEMENTS = [
    ("1000억엔(약 9800억원)", [(1e11, "JPY"), (9.8e11, "KRW")]),
    ("400億円（約3600億ウォン）", [(4e10, "JPY"), (3.6e11, "KRW")]),
    ("$500 billion (about 700조원)", [(5e11, "USD"), (7e14, "KRW")]),
    ("150억 달러(한화 약 20조7000억원)", [(1.5e10, "USD"), (2.07e13, "KRW")]),
    ("1兆円（約9兆ウォン、約67億ドル）", [(1e12, "JPY"), (9e12, "KRW"), (6.7e9, "USD")]),
    ("人民币1000亿元（约合140亿美元）", [(1e11, "CNY"), (1.4e10, "USD")]),
    ("10 trillion won ($7.2 billion)", [(1e13, "KRW"), (7.2e9, "USD")]),
]


@pytest.mark.parametrize(("text", "expected"), RESTATEMENTS)
def test_restatement_links(text, expected):
    """A figure in parentheses right after another restates it; the link goes both ways."""
    figs = extract_figures(text)
    assert [(f.value, f.unit) for f in figs] == [pytest.approx(e) if False else e for e in expected]
    outer = figs[0]
    assert outer.restates is None
    assert all(f.restates is outer for f in figs[1:])
    assert outer.restated_by == tuple(figs[1:])


@pytest.mark.parametrize(
    "text",
    [
        "1조원을 투자한다(2028년 완공 예정, 총 3조원)",
        "1조원 (2조원과 별도)",
        "1조원. (약 2조원)\n",
        "10만 개의 GPU(약 1조원)",
    ],
)
def test_not_a_restatement(text):
    """Parentheses holding other text, or a different kind of figure, are not restatements."""
    figs = extract_figures(text)
    assert len(figs) == 2
    assert figs[1].restates is None


def test_zh_tw_yuan_restated_in_nt_dollars_is_cny():
    """In zh-TW, a 元 amount restated in 新台幣 is renminbi."""
    outer, inner = extract_figures("大基金三期規模3,440億元（約新台幣1.42兆元）", locale="zh-TW")
    assert (outer.currency, inner.currency, inner.restates is outer) == ("CNY", "TWD", True)


RANGES = [
    ("200억~300억 달러", [(2e10, "USD", "lower"), (3e10, "USD", "upper")]),
    ("1~2조원", [(1e12, "KRW", "lower"), (2e12, "KRW", "upper")]),
    ("$10-20 billion", [(1e10, "USD", "lower"), (2e10, "USD", "upper")]),
    ("100亿至200亿美元", [(1e10, "USD", "lower"), (2e10, "USD", "upper")]),
    ("100億～200億円", [(1e10, "JPY", "lower"), (2e10, "JPY", "upper")]),
    ("3~4GW", [(3000, "MW", "lower"), (4000, "MW", "upper")]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges_give_two_bounded_figures(text, expected):
    """A range gives both ends; the low end borrows the unit and the scale."""
    figs = extract_figures(text)
    assert [(f.value, f.unit, f.bound) for f in figs] == expected


def test_year_before_a_dash_is_not_a_range():
    """"2024-5 billion" style clashes do not make a year an amount."""
    assert [f.value for f in extract_figures("2024-$5 billion")] == [5e9]


def test_full_ranges_and_changes():
    """Both ends written in full make a range; 'from X to Y' is a change."""
    figs = extract_figures("capex of $70 billion-$72 billion")
    assert [(f.value, f.bound) for f in figs] == [(7e10, "lower"), (7.2e10, "upper")]
    figs = extract_figures("between $3 billion and $4 billion")
    assert [f.bound for f in figs] == ["lower", "upper"]
    figs = extract_figures("Revenue rose from $3.2 billion to $4.1 billion.")
    assert [(f.value, f.bound) for f in figs] == [(3.2e9, None), (4.1e9, None)]
    figs = extract_figures("单价约1.2万至1.5万美元")
    assert [(f.value, f.approx, f.bound) for f in figs] == [(12000, True, "lower"), (15000, True, "upper")]
    assert [f.value for f in extract_figures("3조∼4조원")] == [3e12, 4e12]
