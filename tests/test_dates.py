"""Tests of dashboard.dates: one reader for every date the package takes as text."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.dates import parse_date, parse_date_or_none, period_start


@pytest.mark.parametrize("text, day", [("2025-04-02", dt.date(2025, 4, 2)), ("2025-04", dt.date(2025, 4, 1)),
                                       ("2025", dt.date(2025, 1, 1)), (" 2025-04-02T10:00:00 ", dt.date(2025, 4, 2))])
def test_periods_read_as_their_first_day(text, day):
    """YYYY-MM-DD, YYYY-MM and YYYY give the (first) day; a time after the date is ignored."""
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13", "25-04-02", "yesterday", "", "2025/04/02"])
def test_bad_dates_name_the_value_and_the_forms(text):
    """A bad date raises ValueError quoting it and listing what would do."""
    with pytest.raises(ValueError, match=r"is not YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_date(text)
    assert parse_date_or_none(text, periods=True) is None


def test_days_only():
    """periods=False (URLs, CLI options, the article date) takes whole days only."""
    assert parse_date("2025-04-02", periods=False) == dt.date(2025, 4, 2)
    with pytest.raises(ValueError, match=r"'2025-04' is not YYYY-MM-DD$"):
        parse_date("2025-04", periods=False)


def test_dates_and_timestamps_pass_through():
    """date, datetime and pandas Timestamp values give their day."""
    assert parse_date(dt.datetime(2025, 4, 5, 23, 59)) == dt.date(2025, 4, 5)
    assert parse_date(pd.Timestamp("2025-04-05 10:00")) == dt.date(2025, 4, 5)


def test_vector_form_agrees_with_the_scalar_form():
    """period_start(Series) gives the same day as parse_date for every form, NaT where parse_date refuses."""
    texts = ["2025", "2025-03", "2025-03-14", "2025-02-30", "2024-02-29"]
    got = period_start(pd.Series(texts))
    for text, day in zip(texts, got):
        expected = parse_date_or_none(text, periods=True)
        assert (pd.isna(day) and expected is None) or day.date() == expected
