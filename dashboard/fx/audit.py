"""Audit the currency conversions an article reports.

For every money figure that restates another money figure in a different
currency ("400억엔(약 3,620억원)") compute the implied rate, the reference rate
of the article's date (the last one published on or before it), the relative
deviation, a flag beyond ``tolerance``, and when the implied rate was last the
market rate: the most recent calendar month before the article's month whose
average rate is within ``match_tolerance`` of it ("matches rates of 2023-12").
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from dashboard.fx.conversion import _pair_record, _row_spans, pair_rates, parse_day
from dashboard.fx.rates import RateTable, get_table

__all__ = ["audit_conversions", "AUDIT_COLUMNS"]

AUDIT_COLUMNS = [
    "original",
    "original_value",
    "original_currency",
    "reported",
    "reported_value",
    "reported_currency",
    "implied_rate",
    "reference_rate",
    "rate_date",
    "deviation",
    "flagged",
    "matches",
    "source",
    "origin",
]


def _monthly(table: RateTable, fc: int, tc: int) -> pd.Series:
    """Monthly averages (index 'YYYY-MM') of the daily cross rate fc -> tc (memoised on the table)."""

    def compute() -> pd.Series:
        ratio = table.values[:, tc] / table.values[:, fc]
        ok = ~np.isnan(ratio)
        months = table.dates[ok].astype("datetime64[M]").astype(str)
        return pd.Series(ratio[ok]).groupby(months).mean()

    return table.cache.get(("monthly", fc, tc), compute)


def audit_conversions(
    text_or_figures: str | Iterable,
    date,
    *,
    tolerance: float = 0.03,
    locale: str | None = None,
    match_tolerance: float | None = None,
    fallback: str | None = None,
) -> pd.DataFrame:
    """One row per restated money figure in another currency (columns :data:`AUDIT_COLUMNS`).

    ``date`` is the article's date. ``deviation = implied / reference - 1``;
    ``flagged`` when ``|deviation| > tolerance``. ``matches`` is the latest month
    before the article's month whose average rate is within ``match_tolerance``
    (default ``tolerance / 3``) of the implied rate, or ``None``. ``source``
    is the reference rate's source text, ``origin`` the ids of its
    :class:`~dashboard.fx.sources.Origin` objects (``+``-joined).
    """
    if isinstance(text_or_figures, str):
        from dashboard.parse import extract_figures

        figures = extract_figures(text_or_figures, locale=locale)
    else:
        figures = list(text_or_figures)
    if match_tolerance is None:
        match_tolerance = tolerance / 3
    table = get_table()
    day = parse_day(date)
    article_month = str(day.astype("datetime64[M]"))
    rows = []
    for fig in figures:
        orig = getattr(fig, "restates", None)
        if orig is None or fig.kind != "money" or orig.kind != "money":
            continue
        if fig.currency == orig.currency or not orig.value:
            continue
        fc, tc = table.col(orig.currency), table.col(fig.currency)
        implied = fig.value / orig.value
        res = pair_rates(
            table,
            np.array([fc]),
            np.array([tc]),
            np.array([day.astype(np.int64)]),
            fallback=fallback,
            where=lambda k: f"figure {fig.text!r}",
        )
        ref = float(res["rate"][0])
        monthly = _monthly(table, fc, tc)
        before = monthly[monthly.index < article_month]
        close = before[np.abs(before.to_numpy() / implied - 1) <= match_tolerance]
        source, origin_ids = _pair_record(table, fc, tc, _row_spans(table, fc, tc, res["rate_day"][:1], "announcement"))
        rows.append(
            {
                "original": orig.text,
                "original_value": orig.value,
                "original_currency": orig.currency,
                "reported": fig.text,
                "reported_value": fig.value,
                "reported_currency": fig.currency,
                "implied_rate": implied,
                "reference_rate": ref,
                "rate_date": np.datetime64(int(res["rate_day"][0]), "D").astype(object),
                "deviation": implied / ref - 1,
                "flagged": bool(abs(implied / ref - 1) > tolerance),
                "matches": close.index[-1] if len(close) else None,
                "source": source,
                "origin": "+".join(origin_ids),
            }
        )
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)
