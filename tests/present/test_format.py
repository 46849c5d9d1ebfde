"""Tests of dashboard.present.format: amounts as readers write them."""
from __future__ import annotations

import math

import pytest

from dashboard.present.format import axis_ticks, format_amount, format_amounts, format_ratio


@pytest.mark.parametrize("value,currency,text", [
    (3.918e11, "KRW", "3,918억원"), (7e14, "KRW", "700조원"), (1.25e13, "KRW", "12.5조원"), (5e7, "KRW", "5,000만원"),
    (4e10, "JPY", "400億円"), (2.26e12, "JPY", "2.26兆円"), (5e10, "CNY", "500亿元"),
    (3.9e9, "USD", "$3.9B"), (5e11, "USD", "$500B"), (1.5e12, "USD", "$1.5T"), (6.76e8, "USD", "$676M"),
    (2e9, "EUR", "€2B"), (1e10, "TWD", "NT$10B"), (-2e9, "USD", "-$2B"), (999.6e9, "USD", "$1T"),
])
def test_format_amount(value, currency, text):
    """Each currency uses its readers' units and never plotly's G."""
    assert format_amount(value, currency) == text


def test_missing_values_are_blank():
    """NaN and None format as empty text."""
    assert format_amounts([math.nan, 1e9], "USD") == ["", "$1B"]
    assert format_amount(None, "KRW") == ""


def test_axis_ticks_never_say_g():
    """Amount axes get explicit labels in B, not G."""
    t = axis_ticks([1e9, 9e10], "USD", log=True)
    assert t["ticktext"] == ["$1B", "$10B", "$100B"] and not any("G" in x for x in t["ticktext"])


def test_format_ratio():
    """Ratios read with two significant figures and a multiplication sign."""
    assert format_ratio(1812.0) == "~1,800×" and format_ratio(26.4) == "~26×"
