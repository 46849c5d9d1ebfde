"""Tests of dashboard.ui.views and its view modules (and the URL <-> controls sync of dashboard.ui.controls), called directly on the real projects."""
from __future__ import annotations

import csv
import io

import plotly.graph_objects as go
import pytest
from dash import no_update

from dashboard.ui import ids
from dashboard.query import SELECTION_VIEWS as TABS
from dashboard.query import ViewState
from dashboard.ui.controls import CONTROLS, sync_url
from dashboard.ui.views import view_outputs
from dashboard.ui.views.grid import export_download, grid_outputs


def test_url_fills_controls(projects):
    """A URL sets the controls; bad values come back as defaults."""
    values = [None] * len(CONTROLS)
    out = sync_url("?cur=KRW&country=JP&tab=map&basis=bogus", values, ids.URL)
    assert out[0] is no_update
    shown = dict(zip(CONTROLS, out[1:]))
    assert shown[(ids.CURRENCY, "value")] == "KRW" and shown[(ids.COUNTRY, "value")] == ["JP"]
    assert shown[(ids.BASIS, "value")] == "announcement" and shown[(ids.TABS, "active_tab")] == "map"


def test_controls_write_url(projects):
    """Changing a control writes the whole state into the URL."""
    values = ViewState(currency="JPY", log=True, statuses=("operating",)).to_controls()
    out = sync_url("", values, ids.CURRENCY)
    assert out[0] == "?cur=JPY&status=operating&log=1" and all(v is no_update for v in out[1:])


def test_views_build_only_active_tab(projects):
    """The main callback builds the active view only, and a summary of the selection."""
    for tab in TABS:
        out = view_outputs(projects, f"?tab={tab}&cur=KRW&compare=stargate-project&compare=samsung-yokohama-apl")
        figs = dict(zip(TABS, out[: len(TABS)]))
        assert isinstance(figs[tab], go.Figure) and all(f is no_update for t, f in figs.items() if t != tab)
        assert out[-1].startswith(f"{len(projects)} projects") and "조원" in out[-1]
        if tab == "compare":
            assert "Stargate" in str(out[len(TABS)]) and "~" in str(out[len(TABS) + 1])


def test_grid_follows_currency_and_skips_tab_changes(projects):
    """The grid's converted column changes with the currency; a tab switch does not resend rows."""
    rows, note, key = grid_outputs(projects, "?cur=USD", None)
    assert rows[0]["converted_label"].startswith("$") and note == f"{len(projects)} rows"
    rows_krw, _, key_krw = grid_outputs(projects, "?cur=KRW", key)
    assert rows_krw[0]["converted_label"].endswith("원") and key_krw != key
    assert grid_outputs(projects, "?cur=KRW&tab=map", key_krw) == [no_update] * 3


def test_export_is_the_grid(projects):
    """The download has the grid's rows in the grid's order and a name with currency and basis."""
    rows, _, _ = grid_outputs(projects, "?cur=EUR&country=KR", None)
    shown = list(reversed(rows))
    data = export_download(projects, "?cur=EUR&country=KR&basis=annual", shown)
    got = [r["id"] for r in csv.DictReader(io.StringIO(data["content"]))]
    assert got == [r["id"] for r in shown]
    assert data["filename"].startswith("semidash-projects-EUR-annual-")


def test_header_total_is_the_sum_over_in_total_rows_of_the_export(projects):
    """The summary's total is the in_total rows' converted sum, and the CSV (which carries in_total) rebuilds it."""
    from dashboard.present.charts import total_once
    from dashboard.present.format import format_amount
    from dashboard.query.selection import select

    search = "?cur=USD&country=US"
    state = ViewState.from_query(search)
    selected = select(projects, state)
    total = total_once(selected)
    assert total == selected.loc[selected["in_total"], "converted_value"].sum()
    # the plan that contains its sites is not added on top of them
    assert not selected.set_index("id").loc["micron-us-200b-plan", "in_total"]
    summary = view_outputs(projects, search)[-1]
    assert f"total {format_amount(total, 'USD')} (each amount once)" in summary
    data = export_download(projects, search, None)
    rows = list(csv.DictReader(io.StringIO(data["content"])))
    rebuilt = sum(float(r["converted_value"]) for r in rows if r["in_total"] == "True" and r["converted_value"])
    assert rebuilt == pytest.approx(total, rel=1e-9)
