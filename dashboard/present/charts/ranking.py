"""Ranking: horizontal bars of converted amounts, largest on top.

A plan that a later plan replaced (``superseded_by``: Apple's $500 billion,
raised to $600 billion) keeps its bar, so the history stays visible, but the
bar is hatched and pale, its label says ``superseded``, and its hover names
the plan that replaced it; only the replacement is in the header total.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from dashboard.present.charts import objects as go

from collections.abc import Mapping

from dashboard.present.charts._common import esc, label as _label, amount_bars, axis_title, real_year_of, short
from dashboard.present.charts.theme import empty_figure, register
from dashboard.present.format import axis_ticks


COLOR = "#2563eb"
#: a superseded plan's bar: pale, hatched
SUPERSEDED_COLOR = "#a5b4fc"


def make_ranking(df: pd.DataFrame, currency: str, *, log: bool = False, top: int = 25,
                 names: Mapping[str, str] | None = None) -> go.Figure:
    """Top ``top`` projects by converted amount as horizontal bars.

    Each bar is labelled with the converted amount in the reader's notation
    and the figure as reported (``400억엔``) is in the hover.

    >>> df = pd.DataFrame({"project": ["A", "B"], "company": ["x", "y"], "country": ["KR", "JP"],
    ...     "announced": ["2024", "2025"], "amount_reported": ["1조원", "400億円"], "currency": ["KRW", "JPY"],
    ...     "converted_value": [1e12, 3.6e11], "converted_currency": ["KRW", "KRW"]})
    >>> fig = make_ranking(df, "KRW")
    >>> list(fig.data[0].text), list(fig.layout.yaxis.ticktext)
    (['3,600억원', '1조원'], ['B', 'A'])

    With a ``superseded_by`` column, superseded plans are marked (``names``
    maps ids to project names for the hover, e.g. the whole data's):

    >>> fig = make_ranking(df.assign(id=["a", "b"], superseded_by=[None, "a"]), "KRW", names={"a": "A"})
    >>> list(fig.data[0].text), list(fig.data[0].marker.pattern.shape), fig.data[0].hovertext[0].split("<br>")[-1]
    (['3,600억원 · superseded', '1조원'], ['/', ''], 'Superseded by A: not in the total (the plan that replaced it is)')
    """
    register()
    data = df.iloc[top_positions(df["converted_value"].to_numpy(dtype="float64"), top, positive=log)]
    if data.empty:
        return empty_figure("No converted amounts to rank")
    data = data.iloc[::-1]  # plotly draws the first bar at the bottom
    n = len(data)
    pos = np.arange(n)
    values = data["converted_value"].to_numpy(dtype="float64")
    bars = amount_bars(data, values, pos, currency, color=COLOR)
    old = data["superseded_by"].notna().to_numpy() if "superseded_by" in data else np.zeros(n, dtype=bool)
    if old.any():
        by = data["superseded_by"].astype(object).where(data["superseded_by"].notna(), "").astype(str)
        shown = by.map(lambda i: (names or {}).get(i, i))
        bars.marker = dict(color=np.where(old, SUPERSEDED_COLOR, COLOR).tolist(),
                           pattern=dict(shape=np.where(old, "/", "").tolist(), fgcolor=COLOR, solidity=0.25))
        bars.text = [t + " · superseded" if o else t for t, o in zip(bars.text, old)]
        bars.hovertext = [h + (f"<br>Superseded by {s}: not in the total (the plan that replaced it is)" if o else "")
                          for h, o, s in zip(bars.hovertext, old, esc(shown))]
    fig = go.Figure(bars)
    ticks = axis_ticks(values, currency, log=log)
    label = _label(data["project"]).to_numpy()
    fig.update_layout(
        template="semidash",
        title=f"Largest projects in {currency}" + (f" (top {top})" if len(df) > top else ""),
        height=max(320, 110 + 26 * n),
        bargap=0.25,
        showlegend=False,
    )
    fig.update_yaxes(tickvals=pos, ticktext=list(label), range=[-0.6, n - 0.4])
    fig.update_xaxes(type="log" if log else "linear", title=axis_title(currency, real_year_of(data)), **ticks)
    if not log:
        fig.update_xaxes(range=[0, values.max() * (1.3 if old.any() else 1.18)])
    if old.any():
        fig.add_annotation(text="Hatched: superseded by a later plan (not in the total)",
                           xref="paper", yref="paper", x=1, y=1, yanchor="bottom", showarrow=False,
                           font=dict(size=11, color="#475569"), xanchor="right")  # right-aligned: fits a phone too
    return fig


def top_positions(values: np.ndarray, top: int, *, positive: bool = False) -> np.ndarray:
    """Positions of the ``top`` largest known ``values`` (above zero with
    ``positive``), largest first, ties in their order: ``DataFrame.nlargest``
    (keep="first") without copying the frame's rows first.

    >>> top_positions(np.array([1.0, np.nan, 5.0, 3.0, 5.0]), 2).tolist()
    [2, 4]
    """
    ok = ~np.isnan(values) & ((values > 0) if positive else True)
    idx = np.flatnonzero(ok)
    if len(idx) > top:  # only the candidates at or above the top-th value are sorted
        vals = values[idx]
        cut = np.partition(vals, len(vals) - top)[len(vals) - top]
        idx = idx[vals >= cut]
    return idx[np.argsort(-values[idx], kind="stable")][:top]
