"""Tests of dashboard.present.charts on fig.data and axes, without a browser."""
from __future__ import annotations

import numpy as np
import pytest

from dashboard.present.charts import (
    breakdown_nodes, compare_table, make_breakdown, make_compare, make_map, make_quantities, make_ranking,
    make_timeline, ratio_lines, total_once,
)
from dashboard.query import ViewState, select


@pytest.fixture()
def krw(small):
    """The small frame converted to KRW."""
    return select(small, ViewState(currency="KRW"))


def test_one_template_everywhere(krw):
    """Every figure uses the semidash template."""
    figs = [make_ranking(krw, "KRW"), make_timeline(krw, "KRW"), make_map(krw, "KRW"), make_breakdown(krw, "KRW"),
            make_compare(krw, ["lab", "fab"], "KRW"), make_quantities(krw, "KRW")]
    assert {f.layout.template.layout.font.family.split(",")[0] for f in figs} == {"Inter"}


def test_ranking_bars_and_labels(krw):
    """Ranking: largest on top, labelled in 억/조원, reported figure in the hover, log axis on request."""
    fig = make_ranking(krw, "KRW", log=True)
    bar = fig.data[0]
    assert list(fig.layout.yaxis.ticktext)[-1] == "Umbrella plan"  # top bar
    assert bar.text[0].endswith("억원") and bar.text[-1].endswith("조원")
    assert "400억엔" in bar.hovertext[0] and "1 JPY = " in bar.hovertext[0]
    assert fig.layout.xaxis.type == "log" and all("G" not in t for t in fig.layout.xaxis.ticktext)
    assert len(make_ranking(krw, "KRW", top=2).data[0].x) == 2


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


def test_map_points_and_sizes(krw):
    """Map: scattergeo bubbles for located projects only, area proportional to the amount."""
    fig = make_map(krw, "KRW")
    assert {t.type for t in fig.data} == {"scattergeo"}
    assert sum(len(t.lat) for t in fig.data) == 3
    sizes = np.concatenate([np.asarray(t.marker.size) for t in fig.data])
    located = krw[krw.lat.notna()]
    assert sorted(sizes.tolist()) == sorted(located["converted_value"].tolist())


def test_breakdown_counts_umbrella_once(krw):
    """A plan and its site are not added: the site sits inside the plan, the total counts the plan once."""
    nodes = breakdown_nodes(krw).set_index("id")
    plan = krw.set_index("id").loc["plan", "converted_value"]
    assert nodes.loc["project:site", "parent"] == "project:plan"
    assert nodes.loc["country:US", "value"] == pytest.approx(plan)
    assert total_once(krw) == pytest.approx(nodes.loc[nodes.parent == "", "value"].sum())
    fig = make_breakdown(krw, "KRW")
    assert fig.data[0].branchvalues == "total"


def test_breakdown_child_larger_than_parent(small):
    """When the parts add up to more than the plan's own figure, the plan's box is the sum of its parts."""
    small.loc[small.id == "site", "amount_value"] = 9e11
    nodes = breakdown_nodes(select(small, ViewState())).set_index("id")
    assert nodes.loc["project:plan", "value"] == pytest.approx(9e11)


def test_compare_table_and_ratios(krw):
    """Compare: figure as reported, converted value, rate with its date and source, and ratios."""
    table = compare_table(krw, ["plan", "lab"], "KRW")
    assert table["reported"].tolist() == ["US$500 billion", "400억엔"]
    assert table["rate"].iloc[1].startswith("1 JPY = ") and table["rate_date"].tolist() == ["2025-01-21", "2023-12-21"]
    assert table["rate_source"].str.contains("ECB").all()
    [line] = ratio_lines(krw, ["lab", "plan"])
    assert line.startswith("Umbrella plan is ~") and line.endswith("× 横浜ラボ")
    fig = make_compare(krw, ["plan", "lab"], "KRW")
    assert fig.layout.xaxis.type == "log" and len(fig.data[0].x) == 2


def test_quantities_per_unit(krw):
    """Quantities: GPUs, MW, wafers and the amount per GPU / MW where both are known."""
    fig = make_quantities(krw, "KRW")
    per_gpu = next(t for t in fig.data if t.name == "per GPU")
    plan = krw.set_index("id").loc["plan"]
    assert per_gpu.x[0] == pytest.approx(plan["converted_value"] / 4e5)
    assert next(t for t in fig.data if t.name == "wafers/month").text[0] == "800K"
