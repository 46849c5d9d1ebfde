"""What each view leaves out of the selection, and why, in one sentence.

Every view draws only the rows it can (an amount to rank, a site to map, a
quantity to divide); :func:`left_out` says how many projects it left out and
how much money they hold, so no view is silently partial.

>>> df = pd.DataFrame({"id": ["a", "b", "c"], "parent_id": None, "converted_value": [5e9, 2e9, None],
...     "lat": [35.0, None, None], "lon": [139.0, None, None]})
>>> left_out("map", df, "USD")
'2 projects without a site are not on the map: $2B (1 without an amount).'
>>> left_out("ranking", df, "USD")
'1 project without an amount in USD is not ranked.'
>>> left_out("breakdown", df.assign(company=["A; B", "A", "B"]), "USD")
'1 project without an amount in USD is not in the boxes. 1 project of several companies ($5B) is counted once, in a box of all partners ("Joint: …"), not under each partner.'
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from dashboard.present.format import format_amount
from dashboard.present.charts._common import codes_of

__all__ = ["left_out"]

_QUANTITY_COLUMNS = ("gpus", "power_mw", "wafers_per_month")


def _projects(n: int) -> str:
    return f"{n:,} project{'s' if n != 1 else ''}"


def _money(rows: pd.DataFrame, currency: str) -> str:
    """The amount of ``rows`` counted once (``in_total`` rows when the data say which, else umbrella plans once)."""
    return _money_of(rows, np.ones(len(rows), dtype=bool), currency)


def _money_of(df: pd.DataFrame, rows: np.ndarray, currency: str) -> str:
    """:func:`_money` of the rows of ``df`` where ``rows`` (a boolean mask), without copying them out."""
    from dashboard.present.charts.breakdown import total_once

    if "in_total" in df:
        counted = rows & df["in_total"].fillna(False).to_numpy(dtype=bool)
        value = float(np.nansum(df["converted_value"].to_numpy(dtype="float64")[counted]))
    else:
        value = total_once(df[rows])
    return format_amount(value, currency) or "0"


def _has_amount(df: pd.DataFrame) -> np.ndarray:
    return df["converted_value"].notna().to_numpy() if "converted_value" in df else np.zeros(len(df), dtype=bool)


def left_out(view: str, df: pd.DataFrame, currency: str, *, log: bool = False, top: int | None = None,
             compare: Sequence[str] = ()) -> str:
    """One sentence: which of the selected rows ``df`` the ``view`` does not
    draw, and their amount (``""`` when it draws them all)."""
    n = len(df)
    if n == 0:
        return ""
    amount = _has_amount(df)
    if view == "map":
        located = (df["lat"].notna() & df["lon"].notna()).to_numpy() if "lat" in df else np.zeros(n, dtype=bool)
        parts = []
        missing = int((~located).sum())
        if missing:
            no_amount = int((~located & ~amount).sum())
            extra = f" ({no_amount:,} without an amount)" if no_amount else ""
            parts.append(f"{_projects(missing)} without a site {'is' if missing == 1 else 'are'} not on the map: "
                         f"{_money_of(df, ~located, currency)}{extra}.")
        if "coord_precision" in df:
            at_country = (df["coord_precision"] == "country").fillna(False).to_numpy(dtype=bool) & located
            national = int(at_country.sum())
            if national:
                parts.append(f"{_projects(national)} without a single site ({_money_of(df, at_country, currency)}) "
                             f"{'is' if national == 1 else 'are'} shown at country level (open circles).")
        return " ".join(parts)
    if view == "quantities":
        cols = [c for c in _QUANTITY_COLUMNS if c in df]
        known = df[cols].notna().any(axis=1).to_numpy() if cols else np.zeros(n, dtype=bool)
        missing = int((~known).sum())
        return (f"{_projects(missing)} with no GPU, power or wafer figure {'is' if missing == 1 else 'are'} not shown."
                if missing else "")
    if view == "compare":
        picked = df[df["id"].astype(str).isin([str(c) for c in compare])] if compare else df.iloc[:0]
        empty = picked[~_has_amount(picked)]
        return (f"{_projects(len(empty))} picked {'has' if len(empty) == 1 else 'have'} no amount: "
                "shown by their quantities instead." if len(empty) else "")
    usable = amount & ((df["converted_value"].to_numpy(dtype="float64") > 0) if log else True)
    if view == "timeline" and "announced_date" in df:
        usable &= df["announced_date"].notna().to_numpy()
    missing = int((~usable).sum())
    why = {"ranking": "is not ranked", "timeline": "is not on the timeline", "breakdown": "is not in the boxes"}.get(view, "is not shown")
    why = why if missing == 1 else why.replace("is ", "are ", 1)
    what = f"without an amount in {currency}" + (" above zero (log scale)" if log else "")
    if view == "timeline":
        what = f"without an amount in {currency} or an announcement date"
    parts = [f"{_projects(missing)} {what} {why}."] if missing else []
    if view == "breakdown" and "company" in df:
        codes, names = codes_of(df["company"], None, "")  # look for ";" once per distinct company, not per row
        several = np.array([";" in str(c) for c in names], dtype=bool)
        joint = usable & several[codes]
        if "in_total" in df:
            joint &= df["in_total"].fillna(False).to_numpy(dtype=bool)
        if joint.any():
            k = int(joint.sum())
            parts.append(f"{_projects(k)} of several companies ({_money_of(df, joint, currency)}) "
                         f"{'is' if k == 1 else 'are'} counted once, in a box of all partners (\"Joint: …\"), "
                         "not under each partner.")
    if view == "ranking" and top is not None and int(usable.sum()) > top:
        rest = usable.copy()  # the usable rows after the first ``top`` of them (the frame is sorted largest first)
        rest[np.flatnonzero(usable)[:top]] = False
        parts.append(f"Only the largest {top} are drawn; the other {_projects(int(rest.sum()))} hold {_money_of(df, rest, currency)}.")
    return " ".join(parts)
