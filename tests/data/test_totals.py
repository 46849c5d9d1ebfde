"""Tests for dashboard.data.totals: in_total counts each amount once, on nested and overlapping rows."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.data import load_projects
from dashboard.data.totals import containers, in_total

ROWS = [
    # id, parent_id, relation, scope, amount_value
    # a company plan with two sites (one without an amount) and a grant funding one site
    ("plan", None, None, "company_plan", 200.0),
    ("site-a", "plan", "part_of", "site", 15.0),
    ("site-b", "plan", "part_of", "site", 100.0),
    ("site-c", "plan", "part_of", "site", None),
    ("grant-a", "site-a", "funds", "site", 6.0),
    # a grant that funds a fab with a reported cost
    ("fab", None, None, "site", 17.0),
    ("fab-grant", "fab", "funds", "site", 4.7),
    # a grant for a project whose cost nobody reported: the grant is the only figure
    ("lab", None, None, "site", None),
    ("lab-grant", "lab", "funds", "site", 0.4),
    # a superseded plan: its site moves to the revision, which then drops for the site
    ("old-plan", None, None, "company_plan", 40.0),
    ("new-plan", "old-plan", "supersedes", "company_plan", 65.0),
    ("old-site", "old-plan", "part_of", "site", 12.0),
    ("new-plan-grant", "new-plan", "funds", "site", 6.6),
    # a revised plan with no sites: it counts, the old one does not
    ("pledge-2025", None, None, "company_plan", 500.0),
    ("pledge-2026", "pledge-2025", "supersedes", "company_plan", 600.0),
    # a company_capex row overlapping sites (no links): never in
    ("capex-2025", None, None, "company_capex", 40.0),
    # a programme with sites (three levels), and a grant inside it
    ("programme", None, None, "programme", 622.0),
    ("cluster", "programme", "part_of", "site", 120.0),
    ("fab-1", "cluster", "part_of", "site", 31.0),
    ("cluster-2", "programme", "part_of", "site", 360.0),
    # a container whose children have no amounts: the container counts
    ("box", None, None, "programme", 50.0),
    ("box-1", "box", "part_of", "site", None),
    ("box-2", "box", "part_of", "site", None),
    # a site without an amount inside nothing
    ("bare", None, None, "site", None),
]
EXPECTED_IN = {"site-a", "site-b", "fab", "lab-grant", "old-site", "pledge-2026", "fab-1", "cluster-2", "box"}


def _frame(rows=ROWS) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "parent_id", "relation", "scope", "amount_value"])


def test_hand_made_frame_counts_the_expected_rows():
    """Sites over their plan, fabs over their grants, revisions over old plans, never capex, boxes without parts."""
    df = _frame()
    flags = in_total(df)
    assert set(df.loc[flags, "id"]) == EXPECTED_IN
    # 15 + 100 + 17 + 0.4 + 12 + 600 + 31 + 360 + 50
    assert df.loc[flags, "amount_value"].sum() == pytest.approx(1185.4)


def test_supersedes_moves_children_and_container_to_the_revision():
    """The revised row takes the superseded row's container and children."""
    df = _frame()
    pos, kind, superseded = containers(df)
    ids = df["id"].tolist()
    assert ids[pos[ids.index("old-site")]] == "new-plan" and kind[ids.index("old-site")] == "part_of"
    assert superseded[ids.index("old-plan")] and superseded[ids.index("pledge-2025")]
    assert not superseded[ids.index("new-plan")]


def test_revision_inherits_the_superseded_rows_place_in_a_plan():
    """A revised site inside a plan stays inside it: the plan drops for it, the old site is out."""
    df = _frame([("plan", None, None, "company_plan", 600.0), ("site", "plan", "part_of", "site", 10.0),
                 ("site-v2", "site", "supersedes", "site", 27.0)])
    assert in_total(df).tolist() == [False, False, True]


def _ancestors(df: pd.DataFrame) -> list[set[int]]:
    pos, _, _ = containers(df)
    out = []
    for i in range(len(df)):
        seen, j = set(), pos[i]
        while j >= 0 and j not in seen:
            seen.add(j)
            j = pos[j]
        out.append(seen)
    return out


def _assert_each_amount_once(df: pd.DataFrame) -> None:
    flags = in_total(df).to_numpy()
    anc = _ancestors(df)
    # no counted row lies inside another counted row: every tree's sum holds each amount once
    for i in np.flatnonzero(flags):
        assert not (anc[i] & set(np.flatnonzero(flags))), df["id"].iloc[i]
    # counted rows carry an amount, are never capex, never superseded
    _, _, superseded = containers(df)
    assert not (flags & df["amount_value"].isna().to_numpy()).any()
    assert not (flags & (df["scope"] == "company_capex").to_numpy()).any()
    assert not (flags & superseded).any()


def test_hand_made_frame_counts_each_amount_once():
    """On the hand-made frame no counted row contains another."""
    _assert_each_amount_once(_frame())


def test_shipped_data_counts_each_amount_once():
    """On the bundled dataset, for every tree, no counted row contains another; named cases come out right."""
    df = load_projects(include_user=False)
    _assert_each_amount_once(df)
    flags = df.set_index("id")["in_total"]
    assert not flags["stargate-project"] and flags["stargate-abilene"]          # programme with sites
    assert not flags["micron-us-200b-plan"] and flags["micron-clay-ny-megafab"]  # company plan with sites
    assert not flags["tsmc-arizona-chips-award"] and not flags["samsung-taylor-chips-award"]  # grants funding costed projects
    assert not flags["tsmc-arizona-second-fab-40b"]                              # superseded plan
    assert not df.loc[df["scope"] == "company_capex", "in_total"].any()          # capex never


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_random_forests_count_each_amount_once(data):
    """On random forests of part_of/funds/supersedes links, counted rows never nest, and every candidate is represented."""
    n = data.draw(st.integers(1, 14))
    rows = []
    for i in range(n):
        parent = data.draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        rel = data.draw(st.sampled_from(["part_of", "funds", "supersedes"])) if parent is not None else None
        scope = data.draw(st.sampled_from(["site", "programme", "company_plan", "company_capex", "fund"]))
        amount = data.draw(st.one_of(st.none(), st.floats(1, 100)))
        rows.append((f"r{i}", None if parent is None else f"r{parent}", rel, scope, amount))
    df = _frame(rows)
    _assert_each_amount_once(df)
