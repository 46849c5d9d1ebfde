"""Timeline: announced date against converted amount, bubbles coloured by group."""
from __future__ import annotations

import numpy as np
import pandas as pd
from dashboard.present.charts import objects as go

from dashboard.present.charts._common import axis_title, bubbles, hover_text, real_year_of
from dashboard.present.charts.theme import empty_figure, group_color, register
from dashboard.present.format import axis_ticks, format_amounts

MAX_GROUPS = 10


def _group_order(groups: pd.Series, values: pd.Series) -> list[str]:
    totals = values.groupby(groups, sort=False).sum().sort_values(ascending=False)
    return [str(g) for g in totals.index]


def make_timeline(
    df: pd.DataFrame,
    currency: str,
    *,
    color_by: str = "country",
    log: bool = False,
    max_points: int = 4000,
) -> go.Figure:
    """Bubbles at (announced date, converted amount), area ~ amount, one
    trace (legend entry) per ``color_by`` value; the smallest groups beyond
    the tenth are pooled as ``other``.

    With more than ``max_points`` projects the bubbles become month totals
    per group (the hover says how many projects each holds).

    >>> df = pd.DataFrame({"project": ["A", "B", "C"], "company": "x", "country": ["KR", "JP", "KR"],
    ...     "category": "fab", "announced": ["2024", "2025-03", "2025-05-02"], "amount_reported": "",
    ...     "announced_date": pd.to_datetime(["2024-01-01", "2025-03-01", "2025-05-02"]),
    ...     "currency": "USD", "converted_value": [3e9, 1e9, 2e9], "converted_currency": "USD"})
    >>> fig = make_timeline(df, "USD")
    >>> [t.name for t in fig.data], fig.data[0].y.tolist()
    (['KR', 'JP'], [3000000000.0, 2000000000.0])
    """
    register()
    if color_by not in ("country", "category"):
        raise ValueError(f"color_by must be 'country' or 'category', not {color_by!r}")
    keep = (df["converted_value"].notna() & df["announced_date"].notna()).to_numpy()
    if log:
        keep = keep & (df["converted_value"] > 0).to_numpy()  # not &=: to_numpy() may give a read-only view
    if keep.sum() > max_points:  # month totals need only these columns: the other columns' rows are not copied
        df = df[[c for c in dict.fromkeys((color_by, "converted_value", "announced_date", "real_year")) if c in df]]
    data = df[keep]
    if data.empty:
        return empty_figure("No dated, converted amounts to plot")
    groups = data[color_by].astype(object).fillna("unknown").astype(str)
    order = _group_order(groups, data["converted_value"])
    if len(order) > MAX_GROUPS:
        keep = set(order[: MAX_GROUPS - 1])
        groups = groups.where(groups.isin(keep), "other")
        order = order[: MAX_GROUPS - 1] + ["other"]
    aggregated = len(data) > max_points
    if aggregated:
        month = data["announced_date"].dt.to_period("M").dt.to_timestamp()
        agg = (
            pd.DataFrame({"g": groups.to_numpy(), "m": month.to_numpy(), "v": data["converted_value"].to_numpy()})
            .groupby(["g", "m"], sort=False)["v"]
            .agg(["sum", "size"])
            .reset_index()
        )
        x_all, y_all, g_all = agg["m"], agg["sum"].to_numpy(), agg["g"]
        text_all = (
            "<b>" + agg["g"].astype(str) + "</b>, " + agg["m"].dt.strftime("%Y-%m") + "<br>"
            + agg["size"].astype(str) + " projects<br>Total: "
            + pd.Series(format_amounts(y_all, currency), index=agg.index)
        )
    else:
        x_all, y_all, g_all = data["announced_date"], data["converted_value"].to_numpy(), groups
        text_all = hover_text(data, currency)
    y_all = np.asarray(y_all, dtype="float64")
    vmax = float(np.nanmax(y_all)) if len(y_all) else 1.0
    sizeref = 2.0 * vmax / (46.0**2) if vmax > 0 else 1.0
    g_arr = np.asarray(g_all, dtype=object)
    x_arr = np.asarray(x_all)
    text_arr = np.asarray(text_all, dtype=object)
    traces = []
    for g in order:
        sel = g_arr == g
        if not sel.any():
            continue
        traces.append(bubbles(go.Scatter, sel, np.clip(y_all, 0, None), text_arr, sizeref=sizeref, opacity=0.72,
                              line_width=0.5, x=x_arr[sel], y=y_all[sel], name=g, color=group_color(color_by, g)))
    fig = go.Figure(traces)
    fig.update_layout(
        template="semidash",
        title="Announcements over time" + (" (monthly totals)" if aggregated else ""),
        height=520,
        legend_title_text=color_by,
    )
    fig.update_xaxes(title="Announced")
    fig.update_yaxes(type="log" if log else "linear", title=axis_title(currency, real_year_of(data)), **axis_ticks(y_all, currency, log=log))
    return fig
