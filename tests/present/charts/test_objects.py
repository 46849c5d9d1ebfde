"""Tests of dashboard.present.charts.objects: figures built as dicts are, in JSON, exactly the
figures plotly's validated graph objects build from the same calls, for every view."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as pgo
import pytest
from plotly.io.json import to_json_plotly
from plotly.subplots import make_subplots as plotly_subplots

from dashboard.present.charts import objects as go
from dashboard.present.charts.theme import compact, empty_figure
from dashboard.query import ViewState, select
from dashboard.ui.views import VIEW_MODULES

# states over every field of the view state: filters, an empty selection, both scales, both colourings,
# every basis (a fixed day, constant prices), several currencies
STATES = [
    "cur=KRW", "cur=USD&log=1", "cur=JPY&country=JP&country=KR", "cur=EUR&category=fab&category=rnd",
    "cur=USD&q=samsung", "cur=TWD&color=category", "cur=USD&country=TW&status=operating", "cur=CNY&from=2026-01-01",
    "cur=USD&q=no-such-project-anywhere", "cur=INR&basis=fixed&asof=2020-03-02", "cur=USD&basis=annual&real=1&year=2010",
    "cur=GBP&basis=latest&to=2022-12-31&log=1", "cur=USD&company=Intel Corporation", "cur=SGD&country=IN&color=category",
]
PICKS = "&compare=stargate-project&compare=samsung-yokohama-apl&compare=tsmc-arizona"


def as_sent(fig) -> dict:
    """The figure as the browser receives it: plotly's JSON encoder (the one Dash uses), read back."""
    return json.loads(to_json_plotly(go.json_ready(fig) if isinstance(fig, (go.Figure, go.Trace)) else fig))


def both(fig: go.Figure, phone: bool = False) -> tuple[dict, dict]:
    """(this module's figure, plotly's figure from the same calls), as sent; on a phone both compacted."""
    reference = fig.replay()
    assert isinstance(reference, pgo.Figure)
    if phone:
        reference, fig = compact(reference), compact(fig)
    return as_sent(fig), as_sent(reference)


@pytest.mark.parametrize("tab", list(VIEW_MODULES))
def test_every_view_equals_plotlys_figure(projects, tab):
    """For every view, every state and both screen sizes the figure sent is the one plotly's graph objects
    build (same properties, values, typed arrays and template), and no call needed plotly to build it."""
    before = sum(go.fallbacks.values())
    module = VIEW_MODULES[tab]
    for query in STATES:
        state = ViewState.from_query(f"tab={tab}&{query}" + (PICKS if tab == "compare" else ""))
        for phone in (False, True):
            fig = module.render(projects, select(projects, state), state)[0]
            mine, plotly_own = both(fig, phone)
            assert mine == plotly_own, (tab, query, phone)
            assert mine["data"] or mine["layout"]["annotations"], (tab, query)  # something is drawn or said
    assert sum(go.fallbacks.values()) == before, dict(go.fallbacks)


def test_compare_with_a_project_known_by_quantities_only(projects):
    """Compare sets bar properties after building the trace (``bars.x = ...``): the answer still equals plotly's."""
    converted = select(projects, ViewState())
    gpu_only = converted[converted["converted_value"].isna() & converted["gpus"].notna()]["id"].iloc[0]
    state = ViewState.from_query(f"tab=compare&compare={gpu_only}&compare=stargate-project")
    fig = VIEW_MODULES["compare"].render(projects, select(projects, state), state)[0]
    mine, plotly_own = both(fig)
    assert mine == plotly_own and "no amount" in mine["data"][0]["text"][0]


def test_the_error_figure_equals_plotlys():
    """The figure a failed view shows is the same as plotly's."""
    mine, plotly_own = both(empty_figure("This view could not be drawn"))
    assert mine == plotly_own and mine["layout"]["annotations"][0]["text"] == "This view could not be drawn"


def test_plotlys_update_rules():
    """Magic underscores, dicts merged on update, a title as text, None removing a property, the default template."""
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], marker_line_width=2, marker=dict(size=5)))
    fig.update_layout(title="T", margin=dict(l=1), legend_title_text="", title_font_size=20)
    fig.update_layout(margin=dict(r=2), showlegend=True)
    fig.update_layout(showlegend=None)
    fig.update_xaxes(title="X", range=[0, 3]).update_yaxes(type="log")
    fig.add_annotation(text="note", x=1, y=1, showarrow=False).update_annotations(font_size=9)
    mine = fig.to_plotly_json()
    assert mine["data"][0]["marker"] == {"line": {"width": 2}, "size": 5}
    assert mine["layout"]["title"] == {"text": "T", "font": {"size": 20}} and mine["layout"]["margin"] == {"l": 1, "r": 2}
    assert "showlegend" not in mine["layout"] and mine["layout"]["xaxis"]["title"] == {"text": "X"}
    assert mine["layout"]["template"] == pgo.Figure().to_plotly_json()["layout"]["template"]  # plotly's default
    assert as_sent(fig) == as_sent(fig.replay())


def test_numeric_arrays_are_typed_like_plotlys():
    """numpy arrays go out as plotly's typed arrays (64-bit integers narrowed), object and date arrays as lists,
    the ``range`` key as a plain list."""
    values = {
        "x": np.array([1.5, np.nan, 3.0]), "y": np.arange(3), "customdata": np.array(["a", None, "c"], dtype=object),
        "ids": pd.Series(["p", "q", "r"]),
    }
    fig = go.Figure(go.Scatter(**values, text=pd.Series([1e12, 3e15, 2.0]).astype("int64").to_numpy().astype(str)))
    fig.add_trace(go.Scatter(x=pd.to_datetime(["2024-01-02", "2025-03-04", "2026-05-06"]).to_numpy(), y=np.array([2**40, 1, 2])))
    fig.update_xaxes(range=np.array([0.5, 2.5]))
    mine = fig.to_plotly_json()
    assert mine["data"][0]["y"]["dtype"] == "i1" and mine["data"][0]["x"]["dtype"] == "f8"
    assert mine["data"][1]["y"] == [2**40, 1, 2]  # does not fit 32 bits: a plain list, as plotly writes it
    assert mine["layout"]["xaxis"]["range"] == [0.5, 2.5] and mine["data"][0]["customdata"] == ["a", None, "c"]
    assert as_sent(fig) == as_sent(fig.replay())


def test_subplots_place_traces_and_axes_like_plotly():
    """make_subplots: titles, domains, a trace on row 2 col 2, axes updated per cell, like plotly's."""
    kwargs = dict(rows=2, cols=2, subplot_titles=["a", "b", "c", "d"], horizontal_spacing=0.3)
    mine = go.make_subplots(**kwargs)
    theirs = plotly_subplots(**kwargs)
    for fig in (mine, theirs):
        bar = (go if fig is mine else pgo).Bar(x=[1, 2], y=["p", "q"], orientation="h")
        fig.add_trace(bar, row=2, col=2)
        fig.update_xaxes(visible=False, row=1, col=2).update_yaxes(showticklabels=False, row=2)
        fig.add_annotation(text="not known", xref="x2 domain", yref="y2 domain", x=0.5, y=0.5, showarrow=False)
    assert as_sent(mine) == as_sent(theirs)
    assert mine.to_plotly_json()["data"][0]["xaxis"] == "x4"


def test_calls_not_reproduced_go_on_with_plotly():
    """A call the module does not reproduce replays the figure on plotly and goes on there: the result is plotly's."""
    fig = go.Figure(go.Bar(x=[1, 2], y=[3, 4]), layout=dict(template="none"))
    fig.update_layout(dict(title="kept?"), overwrite=True)
    fig.update_traces(marker_color="red", selector=dict(type="bar"))
    assert any("overwrite" in k for k in go.fallbacks)
    theirs = pgo.Figure(pgo.Bar(x=[1, 2], y=[3, 4]), layout=dict(template="none"))
    theirs.update_layout(dict(title="kept?"), overwrite=True)
    theirs.update_traces(marker_color="red", selector=dict(type="bar"))
    assert as_sent(fig) == as_sent(theirs)


def test_reading_a_figure_is_answered_by_plotly():
    """``fig.data``/``fig.layout`` are plotly's objects (validated); probes of JSON encoders do not replay."""
    fig = go.Figure(go.Bar(x=np.array([1.0, 2.0]), y=["a", "b"], orientation="h"))
    for probe in ("tolist", "to_pydatetime", "__array__", "_repr_html_x"):
        assert not hasattr(fig, probe)
    assert fig._go is None  # nothing replayed yet
    assert fig.data[0].x.tolist() == [1.0, 2.0] and isinstance(fig.layout, pgo.Layout)
    with pytest.raises(ValueError):
        go.Figure(go.Bar(nonsense=1)).data  # plotly's validation still speaks when the figure is read


def test_setting_a_trace_property_replaces_it():
    """``trace.x = ...`` replaces the property, as on a graph object, in both the dict and the replay."""
    bar = go.Bar(x=[1, 2], marker=dict(color="red", line_width=1))
    bar.x = [5, 6]
    bar.marker = dict(color="blue")
    assert bar.to_plotly_json()["x"] == [5, 6] and bar.to_plotly_json()["marker"] == {"color": "blue"}
    assert list(bar.x) == [5, 6] and bar.marker.line.width is None  # read from the replayed plotly trace
    with pytest.raises(AttributeError, match="no property 'nonsense'"):
        bar.nonsense = 1


def test_validating_switch_sends_plotlys_own_figure(monkeypatch):
    """With SEMIDASH_VALIDATE_FIGURES=1 the callback outputs are plotly figures again."""
    fig = go.Figure(go.Bar(x=[1]), layout=dict(template="none"))
    monkeypatch.setenv(go.VALIDATE_ENV, "1")
    assert isinstance(go.json_ready(fig), pgo.Figure)
    monkeypatch.delenv(go.VALIDATE_ENV)
    assert isinstance(go.json_ready(fig), dict)


def test_json_ready_keeps_dash_components_as_dash_sends_them():
    """Dash components (and lists of them) become the JSON Dash itself would write."""
    from dash import html

    component = [html.Li("a <b>"), html.Span(["x", html.B("y")], className="c")]
    assert go.json_ready(component) == json.loads(to_json_plotly(component))
    assert go.json_ready("text") == "text" and go.json_ready([]) == []
