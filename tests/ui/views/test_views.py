"""Tests of dashboard.ui.views and its view modules, called directly on the real projects."""
from __future__ import annotations

import csv
import io

import plotly.graph_objects as go
import pytest
from dash import no_update

from dashboard.query import SELECTION_VIEWS as TABS
from dashboard.query import ViewState
from dashboard.ui.views import view_outputs
from dashboard.ui.views.grid import export_download


def test_views_build_only_active_tab(projects):
    """The main callback builds the active view only, and a summary of the selection."""
    for tab in TABS:
        out = view_outputs(projects, f"?tab={tab}&cur=KRW&compare=stargate-project&compare=samsung-yokohama-apl")
        figs = dict(zip(TABS, out[: len(TABS)]))
        assert isinstance(figs[tab], go.Figure) and all(f is no_update for t, f in figs.items() if t != tab)
        assert out[-1].startswith(f"{len(projects)} projects") and "조원" in out[-1]
        if tab == "compare":
            assert "Stargate" in str(out[len(TABS)]) and "~" in str(out[len(TABS) + 1])


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
