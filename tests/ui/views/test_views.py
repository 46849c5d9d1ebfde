"""Tests of dashboard.ui.views and its view modules, called directly on the real projects."""
from __future__ import annotations


import plotly.graph_objects as go
from dash import no_update

from dashboard.query import SELECTION_VIEWS as TABS
from dashboard.ui.views import view_outputs


def test_views_build_only_active_tab(projects):
    """The main callback builds the active view only, and a summary of the selection."""
    for tab in TABS:
        out = view_outputs(projects, f"?tab={tab}&cur=KRW&compare=stargate-project&compare=samsung-yokohama-apl")
        figs = dict(zip(TABS, out[: len(TABS)]))
        assert isinstance(figs[tab], go.Figure) and all(f is no_update for t, f in figs.items() if t != tab)
        assert out[-1].startswith(f"{len(projects)} projects") and "조원" in out[-1]
        if tab == "compare":
            assert "Stargate" in str(out[len(TABS)]) and "~" in str(out[len(TABS) + 1])
