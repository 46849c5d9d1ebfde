"""Helpers shared by the figure builders (vectorised labels and hover text)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.present.format import format_amounts, rate_date_labels, rate_labels


def esc(s: pd.Series) -> pd.Series:
    """Escape plotly's pseudo-HTML in a text column."""
    return s.astype(object).fillna("").astype(str).str.replace("&", "&amp;", regex=False).str.replace("<", "&lt;", regex=False).str.replace(">", "&gt;", regex=False)


def short(s: pd.Series, width: int = 42) -> pd.Series:
    """Cut labels longer than ``width`` characters with an ellipsis."""
    s = s.astype(object).fillna("").astype(str)
    long = s.str.len() > width
    return s.where(~long, s.str.slice(0, width - 1) + "…")


def label(s: pd.Series, width: int = 42) -> pd.Series:
    """A user string as plotly text (tick labels, bar categories): cut at
    ``width`` characters, then escaped, so ``<a href=…>`` shows as text and
    never becomes a link or a style.

    >>> label(pd.Series(['<a href="x">A</a>', "Fab & Lab"]), 12).tolist()
    ['&lt;a href="x"…', 'Fab &amp; Lab']
    """
    return esc(short(s, width))


def rate_text(df: pd.DataFrame) -> pd.Series:
    """``1 JPY = 9.05 KRW on 2023-12-21 (ECB)`` per row; empty where no rate."""
    n = len(df)
    if n == 0:
        return pd.Series([], dtype=object)
    rate = df["fx_rate"].to_numpy(dtype="float64") if "fx_rate" in df else np.full(n, np.nan)
    label = pd.Series(rate_labels(df["currency"], rate, df["converted_currency"]), index=df.index, dtype=object)
    date = (pd.Series(rate_date_labels(df["fx_rate_date"], df["fx_basis"] if "fx_basis" in df else ""), index=df.index)
            if "fx_rate_date" in df else "")
    src = df["fx_source"].astype(object).fillna("").astype(str) if "fx_source" in df else ""
    text = label + np.where(date.str.startswith("annual"), " as the ", " on ") + date + " (" + src + ")" if "fx_rate_date" in df else label
    return text.where(~np.isnan(rate), "")


def hover_text(df: pd.DataFrame, currency: str) -> pd.Series:
    """Hover text per row: name, company, figure as reported, converted value, rate."""
    conv = pd.Series(format_amounts(df["converted_value"], currency), index=df.index, dtype=object)
    approx = np.where(df["amount_approx"].fillna(False).to_numpy(dtype=bool), "≈ ", "") if "amount_approx" in df else ""
    reported = df["amount_reported"].astype(object).fillna("").astype(str)
    text = (
        "<b>" + esc(df["project"]) + "</b><br>"
        + esc(df["company"]) + " · " + df["country"].astype(object).fillna("").astype(str) + " · " + df["announced"].astype(object).fillna("").astype(str)
        + "<br>Reported: " + approx + esc(reported)
        + "<br>Converted: " + conv
    )
    rt = rate_text(df)
    return text + np.where(rt != "", "<br>Rate: " + rt, "")


def bubble_spec(sel: np.ndarray, size: np.ndarray, text: np.ndarray, *, sizeref: float, opacity: float,
                line_width: float, color: str | None = None, symbol=None, **where) -> dict:
    """The properties of one trace of bubbles for the rows ``sel``, as a plain dict (for a figure built
    without per-element validation, see :func:`bubbles`): area proportional to ``size``, hover ``text``;
    ``where`` holds the positions (``x``/``y`` or ``lat``/``lon``) and the trace's ``name``; ``symbol`` is
    one marker symbol or one per row (e.g. open circles for country-level points)."""
    marker = dict(size=size[sel], sizemode="area", sizeref=sizeref, sizemin=5, opacity=opacity,
                  line=dict(width=line_width, color="white"))
    if color is not None:
        marker["color"] = color
    if symbol is not None:
        marker["symbol"] = symbol
    return dict(mode="markers", marker=marker, hovertext=text[sel], hovertemplate="%{hovertext}<extra></extra>", **where)


def bubbles(trace: type, sel: np.ndarray, size: np.ndarray, text: np.ndarray, *, sizeref: float, opacity: float,
            line_width: float, color: str | None = None, symbol=None, **where) -> go.Scatter | go.Scattergeo:
    """One trace of bubbles (``trace`` is ``go.Scatter`` or ``go.Scattergeo``) from :func:`bubble_spec`."""
    return trace(**bubble_spec(sel, size, text, sizeref=sizeref, opacity=opacity, line_width=line_width, color=color,
                               symbol=symbol, **where))


def axis_title(currency: str, real_year: int | None = None) -> str:
    """Amount-axis title, e.g. ``Amount (KRW, 2025 prices)``."""
    return f"Amount ({currency}{f', {real_year} prices' if real_year else ''})"


def real_year_of(df: pd.DataFrame) -> int | None:
    """The base year of a constant-price conversion, if the frame has one."""
    if "real_year" in df.columns and len(df):
        vals = pd.to_numeric(df["real_year"], errors="coerce").dropna()
        if len(vals):
            return int(vals.iloc[0])
    return None


def amount_bars(data: pd.DataFrame, values: np.ndarray, pos: np.ndarray, currency: str, *, color: str) -> go.Bar:
    """Horizontal bars of converted ``values`` at ``pos``, labelled in the reader's
    notation, with the per-row hover (figure as reported, converted value, rate)."""
    return go.Bar(
        x=values,
        y=pos,
        orientation="h",
        text=format_amounts(values, currency),
        textposition="outside",
        cliponaxis=False,
        hovertext=list(hover_text(data, currency)),
        hovertemplate="%{hovertext}<extra></extra>",
        marker=dict(color=color),
        customdata=data["id"].to_numpy() if "id" in data else None,
    )
