"""Tests of dashboard.present.charts.breakdown on fig.data and axes, without a browser."""
from __future__ import annotations

import pytest

from dashboard.present.charts import breakdown_nodes, make_breakdown, total_once
from dashboard.query import ViewState, select


def test_breakdown_counts_umbrella_once(krw):
    """A plan and its site are not added: the site sits inside the plan, and (dataset v2's in_total) the
    site's amount is what counts, so the plan's box and the country are the site's amount."""
    nodes = breakdown_nodes(krw).set_index("id")
    site = krw.set_index("id").loc["site", "converted_value"]
    assert nodes.loc["project:site", "parent"] == "project:plan"
    assert nodes.loc["project:plan", "value"] == pytest.approx(site)
    assert nodes.loc["country:US", "value"] == pytest.approx(site)
    assert total_once(krw) == pytest.approx(nodes.loc[nodes.parent == "", "value"].sum())
    fig = make_breakdown(krw, "KRW")
    assert fig.data[0].branchvalues == "total"


def test_breakdown_child_larger_than_parent(small):
    """When the parts add up to more than the plan's own figure, the plan's box is the sum of its parts."""
    small.loc[small.id == "site", "amount_value"] = 9e11
    nodes = breakdown_nodes(select(small.drop(columns="in_total"), ViewState())).set_index("id")
    assert nodes.loc["project:plan", "value"] == pytest.approx(9e11)


def test_revised_plan_is_not_drawn_inside_the_plan_it_supersedes(projects):
    """Apple's $600B plan (which supersedes the $500B one through parent_id) is a box of Apple's own, and the
    superseded $500B plan is not drawn (it is not in the total); the boxes add up to the header total."""
    sel = select(projects, ViewState(companies=("apple",)))
    nodes = breakdown_nodes(sel).set_index("id")
    assert nodes.loc["project:apple-us-600b-plan", "parent"].startswith("company:")
    assert "project:apple-us-500b-plan" not in nodes.index
    assert nodes.loc[nodes["parent"] == "", "value"].sum() == pytest.approx(total_once(sel))
    # a site of a superseded plan sits in the revised plan (TSMC Arizona: the $40B plan's sites are the $65B plan's)
    tsmc = select(projects, ViewState(companies=("tsmc",)))
    t_nodes = breakdown_nodes(tsmc).set_index("id")
    assert "project:tsmc-arizona-second-fab-40b" not in t_nodes.index


def test_project_box_text_is_short_and_the_hover_whole(projects):
    """Project boxes carry at most 32 characters (so the label fits more boxes); the hover has the whole name;
    company boxes ("Joint: …") keep their whole label."""
    fig = make_breakdown(select(projects, ViewState()), "USD")
    t = fig.data[0]
    level = dict(zip(t.ids, breakdown_nodes(select(projects, ViewState())[lambda d: d["converted_value"] > 0])["level"]))
    from html import unescape

    for node, label, (amount, whole) in zip(t.ids, t.labels, t.customdata):
        label, whole = unescape(label), unescape(whole)
        if level[node] == "project":
            assert len(label) <= 32 and (label == whole or label.endswith("…") and whole.startswith(label[:-1]))
        else:
            assert label == whole
    assert "%{customdata[1]}" in t.hovertemplate
