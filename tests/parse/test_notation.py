"""Tests for dashboard.parse.notation: format_amount and its round trip through the parser."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.parse import format_amount, parse_amount
from dashboard.parse.notation import NOTATIONS


@pytest.mark.parametrize(
    ("value", "currency", "notation", "text"),
    [
        (3.918e11, "KRW", "ko", "3,918억원"),
        (2.5e12, "KRW", "ko", "2조5000억원"),
        (1.2e11, "USD", "ko", "1,200억달러"),
        (4e10, "JPY", "ko", "400억엔"),
        (1.1e12, "JPY", "ja", "1兆1,000億円"),
        (4e10, "USD", "ja", "400億ドル"),
        (1.2e12, "CNY", "zh-CN", "1.2万亿元"),
        (5e10, "USD", "zh-CN", "500亿美元"),
        (1.42e12, "TWD", "zh-TW", "新台幣1.42兆元"),
        (1.5e9, "USD", "en", "US$1.5 billion"),
        (5e11, "USD", "en-short", "$500bn"),
        (1e10, "EUR", "en-short", "€10bn"),
        (9.1e11, "INR", "en-IN", "Rs 91,000 crore"),
        (1.26e12, "INR", "en-IN", "Rs 1.26 lakh crore"),
        (1500, "USD", "plain", "1,500 USD"),
        (5e9, "SAR", "en", "SAR 5 billion"),
    ],
)
def test_format_amount_examples(value, currency, notation, text):
    """Each notation writes the amount the way that press writes it."""
    assert format_amount(value, currency, notation=notation) == text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1.0, "USD", "xx"), r"unknown notation 'xx'; valid: ko, ja"),
        ((-1.0, "USD", "en"), r"amount must be finite and >= 0, got -1.0"),
        ((float("nan"), "USD", "en"), r"amount must be finite"),
    ],
)
def test_format_amount_errors(args, message):
    """Bad notations and values raise ValueError naming the input and the valid choices."""
    value, currency, notation = args
    with pytest.raises(ValueError, match=message):
        format_amount(value, currency, notation=notation)


_CURRENCIES = st.sampled_from(["KRW", "JPY", "USD", "CNY", "EUR", "TWD", "HKD", "GBP", "INR", "SGD", "AUD", "CAD"])
# values as people write them: up to 6 significant digits at any scale from 1 to 1e15
_VALUES = st.builds(lambda m, e: m * 10**e, st.integers(1, 999_999), st.integers(0, 9))


@settings(max_examples=400, deadline=None)
@given(_VALUES, _CURRENCIES, st.sampled_from(NOTATIONS))
def test_format_then_parse_round_trips(value, currency, notation):
    """parse_amount(format_amount(x)) gives back x and the currency, for every notation."""
    text = format_amount(value, currency, notation=notation)
    locale = "zh-TW" if notation == "zh-TW" else None
    fig = parse_amount(text, locale=locale)
    assert fig.currency == currency, text
    assert fig.value == pytest.approx(value, rel=1e-9), text


@settings(max_examples=100, deadline=None)
@given(st.floats(min_value=0.01, max_value=1e15, allow_nan=False), _CURRENCIES, st.sampled_from(NOTATIONS))
def test_round_trip_of_arbitrary_floats(value, currency, notation):
    """Any float round-trips to 12 significant digits."""
    fig = parse_amount(format_amount(value, currency, notation=notation), locale="zh-TW" if notation == "zh-TW" else None)
    assert fig.value == pytest.approx(value, rel=1e-9)


@pytest.mark.parametrize(("locale", "value", "currency"), [("ko_KR", 4e10, "JPY"), ("en_US", 1.5e9, "USD"), ("ja_JP", 2e11, "JPY")])
def test_parser_reads_babel_compact_output(locale, value, currency):
    """The compact amounts babel writes ("JP¥400억", "$1.5B") parse back."""
    from babel.numbers import format_compact_currency

    text = format_compact_currency(value, currency, locale=locale, fraction_digits=1)
    fig = parse_amount(text.replace("\xa0", " "))
    assert (fig.value, fig.currency) == (value, currency), text
