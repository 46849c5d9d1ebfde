"""Tests for dashboard.parse.numerals (reading runs) and the run pattern of dashboard.parse.patterns."""
from __future__ import annotations

import pytest

from dashboard.parse.numerals import MAX_VALUE, read_run
from dashboard.parse.patterns import get as patterns


@pytest.mark.parametrize(
    ("run", "value"),
    [
        ("2조5000억", 2.5e12),
        ("2조 5000억", 2.5e12),
        ("3천630억", 3.63e11),
        ("10조3360억", 10.336e12),
        ("1천200억", 1.2e11),
        ("5천억", 5e11),
        ("1억2천만", 1.2e8),
        ("1兆1,000億", 1.1e12),
        ("4千億", 4e11),
        ("四千億", 4e11),
        ("三千億", 3e11),
        ("一兆二千億", 1.2e12),
        ("两千亿", 2e11),
        ("十亿", 1e9),
        ("一百亿", 1e10),
        ("1.2万亿", 1.2e12),
        ("3,440億", 3.44e11),
        ("6・2兆", 6.2e12),
        ("620万", 6.2e6),
        ("1,000,000", 1e6),
        ("0.5", 0.5),
        ("천억", 1e11),
        ("二〇二六", 2026),
    ],
)
def test_read_run_values(run, value):
    """Each notation reads to the exact value."""
    assert float(read_run(run).value) == pytest.approx(value, rel=1e-12)


def test_read_run_is_exact():
    """Values are exact decimals, so 1.1 x 1000 is exactly 1100."""
    assert read_run("1.1").value * 1000 == 1100


def test_read_run_top_and_plain():
    """``top`` is the largest CJK multiplier and ``plain`` marks digit-only runs."""
    assert read_run("2조5000억").top == 10**12
    assert read_run("20").plain and read_run("20").top == 1
    assert not read_run("3천").plain


def test_read_run_rejects_non_numerals():
    """Text that is not a numeral raises ValueError naming it."""
    with pytest.raises(ValueError, match="not a numeral: 'abc'"):
        read_run("abc")


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("H200 B200 GB200 NVL72 FY2025", []),
        ("수천억원 数十億円 几百亿", []),
        ("2028년 4월", ["2028", "4"]),
        ("1.2.3", ["1.2"]),
        ("RM1.2 USD500", ["1.2", "500"]),
        ("100万千瓦", ["100万"]),
        ("100兆瓦", ["100"]),
    ],
)
def test_run_boundaries(text, runs):
    """Runs never start inside a word or model name, nor after a vagueness marker."""
    assert [m.group() for m in patterns().run.finditer(text)] == runs


@pytest.mark.parametrize("run", ["1" * 400, "1" + ",000" * 30, "9" * 25, "1만억" * 50, "一" * 40])
def test_absurd_numerals_are_marked_not_raised(run):
    """A numeral too long or too large is marked absurd (the reader drops it alone)."""
    r = read_run(run)
    assert r.absurd is True


def test_largest_sane_numeral_is_not_absurd():
    """Twenty-digit amounts (a big number of won) are still read."""
    r = read_run("12,345,678,901,234,567,890")
    assert r.absurd is False and r.value == 12345678901234567890 and r.value < MAX_VALUE
