"""Tests for dashboard.parse.patterns: every pattern is built from the vocabulary, scans fast, and cannot backtrack."""
from __future__ import annotations

import time

import pytest

from dashboard.parse import patterns


def test_built_once_and_shared():
    """get() builds the namespace once."""
    assert patterns.get() is patterns.get()


@pytest.mark.parametrize(
    ("text", "group"),
    [(" GW", "power"), ("억원", None), (" data centre projects", "datacenter"), ("개 IDC", "datacenter"),
     ("つの新データセンター", "datacenter"), ("以上のデータセンター", "datacenter"), (" \"Superchips\"", "gpu"),
     (" Nvidia H100/H200 chips", "gpu"), (" advanced H200s", "gpu"), ("ha", "area"), ("kw", "power"),
     ("メガ(メガは100万)ワット", "power"), ("개 이상의 일자리", "jobs"), (" high tech jobs", "jobs")],
)
def test_unit_groups(text, group):
    """The unit pattern names the kind of what follows a number."""
    m = patterns.get().unit.match(text)
    assert (m.lastgroup if m else None) == group


@pytest.mark.parametrize(("text", "runs"), [("十點三九億", ["十點三九億"]), ("GPU2000基", ["2000"]), ("H100", []), ("2025年", ["2025"])])
def test_numeral_runs(text, runs):
    """The numeral pattern: kanji decimals after 十, a count glued to GPU before a counter, no model numbers."""
    assert [m.group() for m in patterns.get().run.finditer(text)] == runs


def test_foundry_and_pounds_of_are_no_money():
    """파운드리 (foundry) and "pounds of steel" are no currency words."""
    u = patterns.get().unit
    assert u.match("파운드리") is None
    assert u.match(" pounds of steel") is None
    assert u.match(" pounds").lastgroup == "money_en"


def test_scanning_is_linear_and_fast():
    """The numeral scan handles 1 MB without numerals in well under a second (a leading lookahead)."""
    text = "가나다라 abc 漢字かな " * 60_000
    t0 = time.process_time()
    assert list(patterns.get().run.finditer(text)) == []
    assert time.process_time() - t0 < 1.0
