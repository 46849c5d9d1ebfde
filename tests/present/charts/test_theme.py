"""Tests of dashboard.present.charts.theme on fig.data and axes, without a browser."""
from __future__ import annotations

from dashboard.present.charts import make_breakdown, make_compare, make_map, make_quantities, make_ranking, make_timeline


def test_one_template_everywhere(krw):
    """Every figure uses the semidash template."""
    figs = [make_ranking(krw, "KRW"), make_timeline(krw, "KRW"), make_map(krw, "KRW"), make_breakdown(krw, "KRW"),
            make_compare(krw, ["lab", "fab"], "KRW"), make_quantities(krw, "KRW")]
    assert {f.layout.template.layout.font.family.split(",")[0] for f in figs} == {"Inter"}


def test_template_keeps_only_used_trace_types():
    """The template keeps plotly_white's defaults for the trace types semidash draws, and only those."""
    import plotly.io as pio

    from dashboard.present.charts.theme import TRACE_TYPES, register

    data = pio.templates[register()].to_plotly_json()["data"]
    assert {"bar", "scatter", "scattergeo"} <= set(data) <= set(TRACE_TYPES)
    assert "surface" not in data and data["bar"] == pio.templates["plotly_white"].to_plotly_json()["data"]["bar"]
