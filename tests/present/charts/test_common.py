"""Tests of dashboard.present.charts._common: the label and hover-text helpers give, row for row,
what the earlier Series-operation versions (kept here as the reference) gave."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.present.charts._common import esc, hover_text, label, rate_text, short
from dashboard.present.format import format_amounts, rate_date_labels, rate_labels
from dashboard.query import ViewState, select


# ---------------------------------------------------------------- the reference (pandas Series operations)
def ref_esc(s):
    return (s.astype(object).fillna("").astype(str).str.replace("&", "&amp;", regex=False)
            .str.replace("<", "&lt;", regex=False).str.replace(">", "&gt;", regex=False))


def ref_short(s, width=42):
    s = s.astype(object).fillna("").astype(str)
    return s.where(~(s.str.len() > width), s.str.slice(0, width - 1) + "…")


def ref_rate_text(df):
    n = len(df)
    if n == 0:
        return pd.Series([], dtype=object)
    rate = df["fx_rate"].to_numpy(dtype="float64") if "fx_rate" in df else np.full(n, np.nan)
    lab = pd.Series(rate_labels(df["currency"], rate, df["converted_currency"]), index=df.index, dtype=object)
    date = (pd.Series(rate_date_labels(df["fx_rate_date"], df["fx_basis"] if "fx_basis" in df else ""), index=df.index)
            if "fx_rate_date" in df else "")
    src = df["fx_source"].astype(object).fillna("").astype(str) if "fx_source" in df else ""
    text = lab + np.where(date.str.startswith("annual"), " as the ", " on ") + date + " (" + src + ")" if "fx_rate_date" in df else lab
    return text.where(~np.isnan(rate), "")


def ref_hover_text(df, currency):
    conv = pd.Series(format_amounts(df["converted_value"], currency), index=df.index, dtype=object)
    approx = np.where(df["amount_approx"].fillna(False).to_numpy(dtype=bool), "≈ ", "") if "amount_approx" in df else ""
    reported = df["amount_reported"].astype(object).fillna("").astype(str)
    text = ("<b>" + ref_esc(df["project"]) + "</b><br>" + ref_esc(df["company"]) + " · "
            + df["country"].astype(object).fillna("").astype(str) + " · " + df["announced"].astype(object).fillna("").astype(str)
            + "<br>Reported: " + approx + ref_esc(reported) + "<br>Converted: " + conv)
    rt = ref_rate_text(df)
    return text + np.where(rt != "", "<br>Rate: " + rt, "")


QUERIES = ["cur=USD", "cur=KRW&basis=annual", "cur=JPY&basis=fixed&asof=2021-06-01", "cur=USD&real=1&year=2015",
           "cur=TWD&country=TW", "cur=EUR&basis=latest&q=samsung", "cur=CNY&q=no-such-project-anywhere"]


@pytest.mark.parametrize("query", QUERIES)
def test_hover_and_rate_text_equal_the_reference_on_the_real_data(projects, query):
    """Every row's hover and rate text is the reference's, on the real projects in several currencies and bases."""
    state = ViewState.from_query(query)
    sel = select(projects, state)
    for part in (sel, sel.head(25), sel.iloc[::-1]):
        assert hover_text(part, state.currency).tolist() == ref_hover_text(part, state.currency).tolist()
        assert list(hover_text(part, state.currency).index) == list(part.index)
        assert rate_text(part).tolist() == ref_rate_text(part).tolist()


def test_missing_values_and_markup(krw):
    """Missing text, HTML in names, an approximate figure, a row without a rate, no rate columns at all."""
    df = krw.copy()
    df.loc[df.index[0], "project"] = '<a href="x">A & B</a>'
    df.loc[df.index[1], "company"] = None
    df.loc[df.index[2], "fx_rate"] = np.nan
    df["amount_approx"] = pd.array([True, None, False, True][: len(df)], dtype="boolean")
    for frame in (df, df.drop(columns=["fx_source"]), df.drop(columns=["fx_rate_date", "fx_basis"]), df.iloc[:0]):
        assert hover_text(frame, "KRW").tolist() == ref_hover_text(frame, "KRW").tolist()
        assert rate_text(frame).tolist() == ref_rate_text(frame).tolist()
    names = pd.Series(['<b>x</b> & a very long name that goes on past the width', None, 3.5, "plain"])
    for width in (5, 12, 42):
        assert short(names, width).tolist() == ref_short(names, width).tolist()
        assert label(names, width).tolist() == ref_esc(ref_short(names, width)).tolist()
    assert esc(names).tolist() == ref_esc(names).tolist()
