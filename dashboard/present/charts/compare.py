"""Compare: 2–6 chosen projects side by side in the target currency, with
the figure as reported, the rate used (value, date, source) and the ratios
between them."""
from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
import pandas as pd
from dashboard.present.charts import objects as go

from dashboard.present.charts._common import label as _label, amount_bars, axis_title, real_year_of, short
from dashboard.present.charts.theme import empty_figure, register
from dashboard.present.format import axis_ticks, format_amounts, format_ratio, rate_date_labels, rate_labels

def _picked(df: pd.DataFrame, ids: Sequence[str]) -> pd.DataFrame:
    """Rows of ``df`` with the given ids, in the order given (unknown ids skipped)."""
    pos = pd.Index(df["id"].astype(str)).get_indexer([str(i) for i in ids])
    return df.iloc[pos[pos >= 0]]


_QUANTITIES = (("gpus", "GPUs"), ("power_mw", "MW"), ("wafers_per_month", "wafers/month"))


def quantity_text(df: pd.DataFrame) -> pd.Series:
    """``100,000 GPUs · 150 MW`` per row (``""`` where no quantity is known).

    >>> quantity_text(pd.DataFrame({"gpus": [1e5, None], "power_mw": [150.0, None]})).tolist()
    ['100,000 GPUs · 150 MW', '']
    """
    out = pd.Series([""] * len(df), index=df.index, dtype=object)
    for col, unit in _QUANTITIES:
        if col not in df:
            continue
        vals = pd.to_numeric(df[col], errors="coerce")
        part = vals.map(lambda v: f"{v:,.0f} {unit}" if v == v and float(v).is_integer() else (f"{v:,.1f} {unit}" if v == v else ""))
        out = np.where((out != "") & (part != ""), out + " · " + part, out + part)
        out = pd.Series(out, index=df.index, dtype=object)
    return out


def compare_table(df: pd.DataFrame, ids: Sequence[str], currency: str) -> pd.DataFrame:
    """One row per picked project: name, figure as reported, converted value,
    rate, rate date, rate source, basis and source link.

    >>> df = pd.DataFrame({"id": ["a"], "project": ["Lab"], "company": ["S"], "amount_reported": ["400억엔"],
    ...     "amount_approx": [False], "currency": ["JPY"], "converted_value": [2.7e8], "converted_currency": ["USD"],
    ...     "fx_rate": [0.00675], "fx_rate_date": [pd.Timestamp("2023-12-21")], "fx_source": ["ECB"],
    ...     "fx_basis": ["announcement"], "source_url": ["https://example.org"]})
    >>> compare_table(df, ["a"], "USD").iloc[0][["reported", "converted", "rate", "rate_date"]].tolist()
    ['400억엔', '$270M', '1 JPY = 0.00675 USD', '2023-12-21']
    """
    data = _picked(df, ids)
    approx = np.where(data["amount_approx"].fillna(False).to_numpy(dtype=bool), "≈ ", "") if "amount_approx" in data else ""
    out = pd.DataFrame(
        {
            "id": data["id"].astype(str),
            "project": data["project"].astype(str),
            "company": data["company"].astype(object).fillna("").astype(str),
            "reported": approx + data["amount_reported"].astype(object).fillna("").astype(str),
            "converted": format_amounts(data["converted_value"], currency),
            "converted_value": data["converted_value"].to_numpy(dtype="float64"),
            "rate": rate_labels(data["currency"], data["fx_rate"].to_numpy(dtype="float64"),
                                data["converted_currency"].astype(object).fillna(currency)),
            "rate_date": rate_date_labels(data["fx_rate_date"], data["fx_basis"] if "fx_basis" in data else ""),
            "rate_source": data["fx_source"].astype(object).fillna("").astype(str),
            "basis": data["fx_basis"].astype(object).fillna("").astype(str),
            "quantities": quantity_text(data),
            "source_url": data["source_url"].astype(object).fillna("").astype(str),
        }
    )
    return out.reset_index(drop=True)


def ratio_lines(df: pd.DataFrame, ids: Sequence[str], *, width: int = 48) -> list[str]:
    """Pairwise ratios of the picked projects' converted values, larger first.

    >>> df = pd.DataFrame({"id": ["lab", "sg"], "project": ["Yokohama lab", "Stargate"], "converted_value": [2.7e8, 5e11]})
    >>> ratio_lines(df, ["lab", "sg"])
    ['Stargate is ~1,900× Yokohama lab']
    """
    data = _picked(df, ids)
    names = short(data["project"], width).tolist()
    vals = data["converted_value"].to_numpy(dtype="float64").tolist()
    qty = dict(zip(names, quantity_text(data).tolist()))
    items = sorted(zip(names, vals), key=lambda t: -(t[1] if t[1] == t[1] else -np.inf))
    lines = [f"{n} has no amount to compare" + (f"; it is {qty[n]}" if qty.get(n) else "")
             for n, v in items if not (v == v and v > 0)]
    known = [(n, v) for n, v in items if v == v and v > 0]
    for (a, va), (b, vb) in combinations(known, 2):
        r = va / vb
        lines.append(f"{a} is about the same as {b}" if r < 1.05 else f"{a} is {format_ratio(r)} {b}")
    for col, unit in _QUANTITIES:  # the same quantity on both sides compares too (GPUs to GPUs)
        if col not in data:
            continue
        q = [(n, v) for n, v in zip(names, pd.to_numeric(data[col], errors="coerce").tolist()) if v == v and v > 0]
        for (a, va), (b, vb) in combinations(sorted(q, key=lambda t: -t[1]), 2):
            r = va / vb
            lines.append(f"{a} has {'about as many' if r < 1.05 else format_ratio(r) + ' the'} {unit} of {b}")
    return lines


def make_compare(df: pd.DataFrame, ids: Sequence[str], currency: str, *, log: bool | None = None) -> go.Figure:
    """Bars of the picked projects' converted values in the order picked;
    the value axis goes logarithmic by itself when they differ over 50-fold.

    >>> df = pd.DataFrame({"id": ["a", "b"], "project": ["A", "B"], "company": "x", "country": "US", "announced": "2025",
    ...     "amount_reported": "", "currency": "USD", "converted_value": [1e9, 1e12], "converted_currency": "USD"})
    >>> fig = make_compare(df, ["a", "b"], "USD")
    >>> list(fig.data[0].text), fig.layout.xaxis.type
    (['$1B', '$1T'], 'log')
    """
    register()
    data = _picked(df, ids)
    if len(data) == 0:
        return empty_figure("Pick 2 to 6 projects to compare")
    values = data["converted_value"].to_numpy(dtype="float64")
    pos_vals = values[np.isfinite(values) & (values > 0)]
    if log is None:
        log = bool(pos_vals.size >= 2 and pos_vals.max() / pos_vals.min() > 50)
    n = len(data)
    ypos = np.arange(n)[::-1]
    bars = amount_bars(data, values, ypos, currency, color="#7c3aed")
    qty = quantity_text(data).to_numpy(dtype=object)
    missing = ~np.isfinite(values)
    if missing.any():  # a project known by its GPUs/MW/wafers only: say so where its bar would be
        base = float(10 ** (np.log10(pos_vals.min()) - 0.3)) if (log and pos_vals.size) else 0.0  # the axis start
        bars.x = np.where(missing, base, values)
        bars.text = [f"no amount · {q}" if m and q else ("no amount" if m else t)
                     for m, q, t in zip(missing.tolist(), qty.tolist(), list(bars.text))]
    fig = go.Figure(bars)
    fig.update_layout(template="semidash", title=f"Side by side in {currency}", height=140 + 48 * n, showlegend=False)
    fig.update_yaxes(tickvals=ypos, ticktext=list(_label(data["project"], 40)), range=[-0.6, n - 0.4])
    fig.update_xaxes(type="log" if log else "linear", title=axis_title(currency, real_year_of(data)), **axis_ticks(pos_vals if log else values, currency, log=log))
    if not pos_vals.size:  # only projects known by their quantities: no money axis to draw (it went -1…1)
        fig.update_xaxes(type="linear", range=[0, 1], showticklabels=False, showgrid=False, zeroline=False, tickvals=[],
                         title=f"no amount in {currency}: quantities shown")
    elif not log:
        fig.update_xaxes(range=[0, pos_vals.max() * 1.2])
    elif log and pos_vals.size:
        fig.update_xaxes(range=[np.log10(pos_vals.min()) - 0.3, np.log10(pos_vals.max()) + 0.5])
    return fig
