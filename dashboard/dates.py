"""The one date reader of semidash: ``YYYY-MM-DD``, and for periods ``YYYY-MM``
or ``YYYY`` (meaning their first day).

Every place that reads a date from text (URL keys, CLI options, the article
date, announcement periods of the data) goes through :func:`parse_date`, its
lenient form :func:`parse_date_or_none`, or the vectorised
:func:`period_start`, so they all accept and refuse the same things.
Standard library only (the vector form imports pandas when called).

>>> parse_date("2025-04-02"), parse_date("2025-04"), parse_date("2025")
(datetime.date(2025, 4, 2), datetime.date(2025, 4, 1), datetime.date(2025, 1, 1))
>>> parse_date("2025-04", periods=False)
Traceback (most recent call last):
...
ValueError: date '2025-04' is not YYYY-MM-DD
>>> parse_date_or_none("2025-02-30") is None
True
"""
from __future__ import annotations

import datetime as dt
import re

__all__ = ["parse_date", "parse_date_or_none", "period_start", "DAY_FORMAT", "PERIOD_FORMATS"]

DAY_FORMAT = "YYYY-MM-DD"
PERIOD_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


def parse_date(value: object, *, periods: bool = True) -> dt.date:
    """A day from a date, a datetime (or pandas Timestamp) or text.

    Text is ``YYYY-MM-DD`` (anything after the tenth character, such as a
    time, is ignored); with ``periods`` also ``YYYY-MM`` and ``YYYY``, read as
    the first day of the period. Raises ``ValueError`` naming the value and
    the accepted forms.

    >>> parse_date(dt.datetime(2025, 4, 5, 13, 0)), parse_date("2025-04-05T13:00:00")
    (datetime.date(2025, 4, 5), datetime.date(2025, 4, 5))
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp (NaT has no date)
        return value.to_pydatetime().date()
    text = str(value).strip()
    forms = PERIOD_FORMATS if periods else DAY_FORMAT
    try:
        if m := _DAY.fullmatch(text[:10]):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if periods and (m := _MONTH.fullmatch(text)):
            return dt.date(int(m[1]), int(m[2]), 1)
        if periods and _YEAR.fullmatch(text):
            return dt.date(int(text), 1, 1)
    except ValueError:
        pass
    raise ValueError(f"date {text!r} is not {forms}")


def parse_date_or_none(value: object, *, periods: bool = False) -> dt.date | None:
    """:func:`parse_date`, or ``None`` for an empty or bad value (links, form fields).

    >>> parse_date_or_none(""), parse_date_or_none("yesterday"), parse_date_or_none("2025-04-02")
    (None, None, datetime.date(2025, 4, 2))
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_date(value, periods=periods)
    except (ValueError, AttributeError):
        return None


def period_start(announced):
    """First day of each ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` text of a pandas Series (NaT if not a date).

    >>> import pandas as pd
    >>> period_start(pd.Series(["2025", "2025-03", "2025-03-14", "2025-02-30"])).dt.strftime("%Y-%m-%d").tolist()
    ['2025-01-01', '2025-03-01', '2025-03-14', nan]
    """
    import pandas as pd

    text = announced.astype("str")
    filled = text.where(text.str.len() != 4, text + "-01-01")
    filled = filled.where(filled.str.len() != 7, filled + "-01")
    return pd.to_datetime(filled, format="%Y-%m-%d", errors="coerce")
