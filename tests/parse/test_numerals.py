"""Tests for dashboard.parse.numerals: folding and reading numeral runs."""
from __future__ import annotations

import pytest

from dashboard.parse.numerals import RUN_RE, fold, read_run


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
    """Decimals are exact fractions, so 1.1 x 1000 is exactly 1100."""
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
    assert [m.group() for m in RUN_RE.finditer(text)] == runs


def test_fold_keeps_length_and_maps_full_width():
    """Full-width digits and signs fold one for one; parentheses stay."""
    src = "４００億ドル（約６・２兆円）＄５"
    out = fold(src)
    assert len(out) == len(src)
    assert out == "400億ドル（約6・2兆円）$5"
