"""Tests of dashboard.ui.views and its view modules, called directly on the real projects."""
from __future__ import annotations

import csv
import io

import pytest
from dash import no_update

from dashboard.present.charts.objects import Figure
from dashboard.query import SELECTION_VIEWS as TABS
from dashboard.query import ViewState
from dashboard.ui.views import view_outputs
from dashboard.ui.views.grid import export_download


def test_views_build_only_active_tab(projects):
    """The main callback builds the active view only, and a summary of the selection."""
    for tab in TABS:
        out = view_outputs(projects, f"?tab={tab}&cur=KRW&compare=stargate-project&compare=samsung-yokohama-apl")
        figs = dict(zip(TABS, out[: len(TABS)]))
        assert isinstance(figs[tab], Figure) and all(f is no_update for t, f in figs.items() if t != tab)
        assert out[-3][0].startswith(f"{len(projects)} projects") and "조원" in out[-3][0]
        assert out[-2] == []  # no link notice, no error
        if tab == "compare":
            assert "Stargate" in str(out[len(TABS)]) and "~" in str(out[len(TABS) + 1])


def test_quantities_view_renders_for_every_country(projects):
    """The Quantities view draws (no error) for each country of the data, also where no GPU figure is known (TW)."""
    for country in sorted(projects["country"].dropna().unique()):
        out = view_outputs(projects, f"?tab=quantities&country={country}")
        fig = out[TABS.index("quantities")]
        assert isinstance(fig, Figure) and out[-2] == [], (country, out[-2])
        fig.to_json()  # replayed on plotly's graph objects, which validate every property
    # a country with quantities but no GPU figure (TW in the 1.x data) gets "not known" panels, not an error
    q = projects[["gpus", "power_mw", "wafers_per_month"]].notna()
    by = q.groupby(projects["country"]).any()
    partial = sorted(by[by.any(axis=1) & ~by["gpus"]].index)
    assert partial
    fig = view_outputs(projects, f"?tab=quantities&country={partial[0]}")[TABS.index("quantities")]
    assert any(a.text == "not known" for a in fig.layout.annotations)


def test_dead_currency_in_link_falls_back_with_a_notice(projects):
    """?cur=CYP shows USD numbers and a notice saying CYP was ignored; a failing view shows an error, not old numbers."""
    from dashboard.ui.controls import currencies_for

    offered = currencies_for(projects)
    assert "CYP" not in offered and {"USD", "KRW", "TWD", "JPY"} <= set(offered)
    out = view_outputs(projects, "?cur=CYP", currencies=offered)
    assert "$" in out[-3][0] and "cur=CYP ignored" in str(out[-2])
    broken = projects.drop(columns=["amount_value"])
    out = view_outputs(broken, "?tab=ranking&cur=KRW", currencies=offered)
    assert out[-3] == "—" and "could not be drawn" in str(out[-2])
    assert out[0].layout.annotations[0].text.startswith("This view could not be drawn")


def test_every_view_says_what_it_leaves_out(projects):
    """The map names the projects without a site and their amount; other views say what they cannot draw."""
    out = view_outputs(projects, "?tab=map")
    located = projects["lat"].notna() & projects["lon"].notna()
    n = int((~located).sum())
    national = int(((projects["coord_precision"] == "country") & located).sum()) if "coord_precision" in projects else 0
    assert n or national
    if n:
        assert out[-1].startswith(f"{n} projects without a site are not on the map: $"), out[-1]
    if national:
        assert f"{national} projects without a single site ($" in out[-1] and "shown at country level" in out[-1], out[-1]
    assert "not on the map" not in view_outputs(projects, "?tab=map&q=samsung-yokohama-apl")[-1]
    sited = projects.copy()
    sited.loc[sited.index[:3], ["lat", "lon"]] = None
    note = view_outputs(sited, "?tab=map")[-1]
    assert note.startswith("3 projects without a site are not on the map: $"), note
    q = view_outputs(projects, "?tab=quantities")[-1]
    assert "with no GPU, power or wafer figure" in q
    assert "Only the largest 25" in view_outputs(projects, "?tab=ranking")[-1]
    # the review queue and the article form chart no projects: no sentence about what they "do not show"
    assert [view_outputs(projects, f"?tab={tab}")[-1] for tab in ("queue", "article")] == ["", ""]


def test_compare_shows_quantities_and_ratios_at_one_rate_date(projects):
    """A GPU-only project shows its GPUs and MW in compare; ratios at one rate date are the same in USD and KRW and say
    which date; the per-announcement option says it differs."""
    i, n = TABS.index("compare"), len(TABS)
    picks = "&compare=softbank-openai-sakai-ai-dc&compare=samsung-yokohama-apl&compare=stargate-project&tab=compare"
    usd = view_outputs(projects, "?cur=USD" + picks)
    krw = view_outputs(projects, "?cur=KRW" + picks)
    table = str(usd[n])
    assert "100,000 GPUs · 150 MW" in table and "no amount" in table
    fig = usd[i]
    assert any("no amount · 100,000 GPUs" in t for t in fig.data[0].text)
    ratios_usd = [li.children for li in usd[n + 1]]
    ratios_krw = [li.children for li in krw[n + 1]]
    assert ratios_usd == ratios_krw and any("has no amount to compare; it is 100,000 GPUs" in r for r in ratios_usd)
    assert "one rate date" in usd[n + 2] and "same in every display currency" in usd[n + 2]
    each = view_outputs(projects, "?cur=KRW&ratios=each" + picks)
    assert "each project's own rate" in each[n + 2]


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
    summary = view_outputs(projects, search)[-3][0]  # the summary, then the notice and the view note
    assert f"total {format_amount(total, 'USD')} (each amount once)" in summary
    data = export_download(projects, search, None)
    rows = list(csv.DictReader(io.StringIO(data["content"])))
    rebuilt = sum(float(r["converted_value"]) for r in rows if r["in_total"] == "True" and r["converted_value"])
    assert rebuilt == pytest.approx(total, rel=1e-9)


def test_summary_says_how_much_of_the_total_is_cancelled(projects):
    """The header total holds cancelled projects (the data's in_total is status-blind) and says how many and how
    much, with a link that picks every other status; with that link the note goes and the total drops by that much."""
    from dash import dcc

    from dashboard.present.charts import total_once
    from dashboard.present.format import format_amount
    from dashboard.query import select
    from dashboard.ui.views import cancelled_in_total

    sel = select(projects, ViewState())
    rows = sel[(sel["status"] == "cancelled") & sel["in_total"] & sel["converted_value"].notna()]
    assert len(rows) >= 3  # Intel Magdeburg, Wolfspeed Saarland, ... (dataset 2.0.0)
    assert cancelled_in_total(sel) == (len(rows), pytest.approx(rows["converted_value"].sum()))
    summary = view_outputs(projects, "")[-3]
    note = summary[1]
    amount = format_amount(rows["converted_value"].sum(), "USD")
    assert note.children[0] == f" · includes {len(rows)} cancelled projects ({amount}) "
    link = note.children[1]
    assert isinstance(link, dcc.Link) and link.children == "leave them out"
    kept = ViewState.from_query(link.href)
    from dashboard.data.schema import STATUSES

    assert "cancelled" not in kept.statuses and len(kept.statuses) == len(STATUSES) - 1
    after = view_outputs(projects, link.href)[-3]
    assert len(after) == 1
    total_after = total_once(select(projects, kept))
    assert total_once(sel) - total_after == pytest.approx(rows["converted_value"].sum())
    assert f"total {format_amount(total_after, 'USD')}" in after[0]
    # a selection without cancelled projects says nothing about them
    assert len(view_outputs(projects, "?country=KR")[-3]) == 1
    assert cancelled_in_total(sel.iloc[:0]) == (0, 0.0)


def test_breakdown_counts_joint_projects_once_and_says_so(projects):
    """A joint project sits in one "Joint: …" box of all partners (never under each), the boxes add up to the
    header total, and the view note gives the number and the amount of joint projects; filtering by one partner
    keeps its joint projects in the boxes."""
    from dashboard.present.charts import breakdown_nodes, total_once
    from dashboard.query import select

    sel = select(projects, ViewState(tab="breakdown"))
    nodes = breakdown_nodes(sel[sel["converted_value"].notna() & (sel["converted_value"] > 0)]).set_index("id")
    assert nodes.loc[nodes["parent"] == "", "value"].sum() == pytest.approx(total_once(sel))
    up = "project:stargate-abilene"  # a site of the Stargate project: its box is inside the project's
    while nodes.loc[up, "level"] != "company":
        up = nodes.loc[up, "parent"]
    assert nodes.loc[up, "label"] == "Joint: OpenAI + SoftBank Group + Oracle + MGX"
    assert sum(nodes.index.str.startswith("project:stargate-abilene")) == 1  # once
    out = view_outputs(projects, "?tab=breakdown")
    joint = sel[sel["in_total"] & sel["converted_value"].gt(0) & sel["company"].str.contains(";", regex=False)]
    assert f"{len(joint)} projects of several companies" in out[-1] and "not under each partner" in out[-1]
    oracle = select(projects, ViewState.from_query("company=oracle"))
    o_nodes = breakdown_nodes(oracle[oracle["converted_value"].gt(0)])
    labels = set(o_nodes.loc[o_nodes["level"] == "company", "label"])
    assert "Oracle" in labels or any("Oracle" in l for l in labels)
    assert all("Oracle" in l for l in labels if l.startswith("Joint: "))
    assert "project:stargate-abilene" in set(o_nodes["id"])


def test_link_notice_names_a_company_word_that_picks_nothing(projects):
    """?company=sofbank (a typo) and ?company=group:nosuch are ignored and listed in the link notice; a good word is
    not; a company of companies.csv without a project in the selection's data says it picks no project."""
    out = view_outputs(projects, "?company=sofbank&company=group:nosuch&company=SBG")
    notice = str(out[-2])
    assert "company=sofbank ignored: no company goes by it" in notice and "company=group:nosuch ignored" in notice
    assert "SBG" not in notice and out[-3][0].startswith("6 projects")
    assert view_outputs(projects, "?company=SBG")[-2] == []
    unused = sorted(set(__import__("dashboard.data.companies", fromlist=["x"]).company_ids())
                    - set(projects["company_ids"].dropna().str.split(";").explode()))
    if unused:  # every company of companies.csv has a project in dataset 2.0.0; a user's frame may differ
        assert f"company={unused[0]} picks no project" in str(view_outputs(projects, f"?company={unused[0]}")[-2])
    small = projects[~projects["company_ids"].fillna("").str.contains("softbank-group")]
    assert "company=softbank-group picks no project" in str(view_outputs(small, "?company=SBG")[-2])


def test_one_project_is_one_project_not_one_projects(projects):
    """A selection of one project says "1 project" over the views and "1 row" over the grid."""
    from dashboard.ui.views.grid import grid_outputs

    counts = projects["country"].value_counts()
    alone = sorted(counts[counts == 1].index)[0]  # a country of one project
    assert view_outputs(projects, f"?country={alone}")[-3][0].startswith("1 project · ")
    assert grid_outputs(projects, f"?country={alone}", None)[1] == "1 row"
    assert grid_outputs(projects, "?country=JP", None)[1] == f"{counts['JP']} rows"


def test_link_values_that_pick_nothing_are_said(projects):
    """?country=XX (well formed, in no project) and a compare id no project has are listed in the link notice;
    codes and ids that exist are not."""
    out = view_outputs(projects, "?country=XX&country=JP&tab=compare&compare=stargate-project&compare=no-such-project")
    notice = str(out[-2])
    assert "country=XX picks no project: no project of the data is in XX" in notice
    assert "compare=no-such-project ignored: no project has this id" in notice
    assert "country=JP" not in notice and "compare=stargate-project" not in notice
    assert view_outputs(projects, "?country=JP&compare=stargate-project")[-2] == []


def test_quantities_note_says_what_the_per_unit_panels_divide(projects):
    """The Quantities note says per-GPU/per-MW values divide a project's whole amount (not unit prices)."""
    from dashboard.ui.views import view_outputs

    note = view_outputs(projects, "?tab=quantities&cur=KRW")[-1]
    assert "KRW per GPU, per MW and per wafer/month divide a project's whole amount by its count" in note
    assert "not unit prices" in note
