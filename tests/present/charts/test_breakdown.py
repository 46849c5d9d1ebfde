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
