"""Reading the day of a record or of a basis (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, dates, Timestamps).

Below :mod:`dashboard.fx.rates` and :mod:`dashboard.fx.conversion`, which both use it.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

__all__ = ["parse_day"]


def parse_day(value) -> np.datetime64:
    """A day from a date, datetime, Timestamp or ``YYYY[-MM[-DD]]`` text (first day of the period).

    >>> str(parse_day("2025-04")), str(parse_day(dt.date(2025, 4, 5)))
    ('2025-04-01', '2025-04-05')
    """
    if isinstance(value, np.datetime64):
        return value.astype("datetime64[D]")
    if isinstance(value, (dt.date, pd.Timestamp)):
        return np.datetime64(pd.Timestamp(value).date().isoformat(), "D")
    text = str(value).strip()
    try:
        if len(text) == 4 and text.isdigit():
            return np.datetime64(f"{text}-01-01", "D")
        if len(text) == 7 and text[4] == "-":
            return np.datetime64(f"{text}-01", "D")
        return np.datetime64(dt.date.fromisoformat(text[:10]).isoformat(), "D")
    except ValueError:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None
