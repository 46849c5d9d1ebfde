"""Tests of dashboard.present.charts.timeline on fig.data and axes, without a browser."""
from __future__ import annotations

import pytest

from dashboard.present.charts import make_timeline


def test_timeline_groups_and_aggregates(krw):
    """Timeline: one trace per country; with a low point cap, monthly totals per group."""
    fig = make_timeline(krw, "KRW")
    assert sorted(t.name for t in fig.data) == ["JP", "KR", "US"]
    us = next(t for t in fig.data if t.name == "US")
    assert sorted(us.y.tolist()) == sorted(krw.loc[krw.country == "US", "converted_value"].tolist())
    agg = make_timeline(krw, "KRW", max_points=1, color_by="category")
    assert "monthly totals" in agg.layout.title.text
    assert {t.name for t in agg.data} == {"datacenter", "fab", "rnd"}
    with pytest.raises(ValueError, match="color_by must be 'country' or 'category'"):
        make_timeline(krw, "KRW", color_by="size")


def test_log_timeline_of_many_projects_draws_month_totals(krw):
    """On a log axis with more projects than max_points the month totals are drawn (no read-only mask error)."""
    from dashboard.present.charts import make_timeline

    fig = make_timeline(krw, "KRW", log=True, max_points=1)
    assert fig.layout.yaxis.type == "log" and "(monthly totals)" in fig.layout.title.text
    assert sum(len(t.y) for t in fig.data) >= 1
