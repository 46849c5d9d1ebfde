"""CSV export of exactly what the grid shows, with the provenance of every number.

Rows come from the selected frame (:func:`dashboard.query.select`) in the
order given (the grid's displayed order); columns are the grid's plus the
provenance columns. Text cells that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a
leading ``'`` (OWASP "CSV injection").

>>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-5 bn"), neutralise("Samsung")
('\\'=HYPERLINK("http://x")', "'-5 bn", 'Samsung')
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

__all__ = ["EXPORT_COLUMNS", "PROVENANCE_COLUMNS", "export_frame", "to_csv", "export_filename", "neutralise"]

PROVENANCE_COLUMNS = (
    "amount_reported",
    "amount_value",
    "amount_low",
    "amount_high",
    "amount_bound",
    "currency",
    "converted_value",
    "converted_currency",
    "fx_rate",
    "fx_rate_date",
    "fx_source",
    "fx_basis",
    "source_url",
)
EXPORT_COLUMNS = (
    "id",
    "project",
    "company",
    "company_ids",
    "country",
    "city",
    "category",
    "scope",
    "funding",
    "status",
    "status_as_of",
    "announced",
    "parent_id",
    "relation",
    "in_total",
    *PROVENANCE_COLUMNS,
    "deflator",
    "real_year",
    "source_publisher",
    "last_verified",
    "origin",
)
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would read as a formula."""
    return "'" + text if text.startswith(_DANGEROUS) else text


def export_frame(selected: pd.DataFrame, ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The export table: rows of ``selected`` (in the order of ``ids`` when
    given: the grid's displayed ids), export columns present in the frame,
    dates as ISO text and dangerous text cells neutralised.

    >>> sel = pd.DataFrame({"id": ["a", "b"], "project": ["=cmd", "B"], "amount_value": [1.0, 2.0]})
    >>> export_frame(sel, ["b", "a"])[["id", "project"]].values.tolist()
    [['b', 'B'], ['a', "'=cmd"]]
    """
    data = selected
    if ids is not None:
        pos = pd.Index(selected["id"].astype(str)).get_indexer([str(i) for i in ids])
        data = selected.iloc[pos[pos >= 0]]
    cols = [c for c in EXPORT_COLUMNS if c in data.columns]
    out = data[cols].copy()
    for col in cols:
        s = out[col]
        if pd.api.types.is_datetime64_any_dtype(s):
            out[col] = s.dt.strftime("%Y-%m-%d")
        elif s.dtype == object or pd.api.types.is_string_dtype(s):
            out[col] = s.map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return out.reset_index(drop=True)


def to_csv(selected: pd.DataFrame, ids: Sequence[str] | None = None) -> str:
    """CSV text of :func:`export_frame` (UTF-8, header row, ``\\n`` line ends).

    >>> print(to_csv(pd.DataFrame({"id": ["a"], "amount_value": [4e10]})), end="")
    id,amount_value
    a,40000000000.0
    """
    return export_frame(selected, ids).to_csv(index=False, lineterminator="\n")


def export_filename(currency: str, basis: str, *, real_year: int | None = None, today: dt.date | None = None) -> str:
    """A file name that says the currency and rate basis.

    >>> export_filename("KRW", "annual", today=dt.date(2026, 11, 23))
    'semidash-projects-KRW-annual-2026-11-23.csv'
    >>> export_filename("USD", "latest", real_year=2025, today=dt.date(2026, 11, 23))
    'semidash-projects-USD-latest-real2025-2026-11-23.csv'
    """
    day = (today or dt.date.today()).isoformat()
    real = f"-real{real_year}" if real_year else ""
    return f"semidash-projects-{currency}-{basis}{real}-{day}.csv"
