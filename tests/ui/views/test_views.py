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
        assert out[-3].startswith(f"{len(projects)} projects") and "조원" in out[-3]
        assert out[-2] == []  # no link notice, no error
        if tab == "compare":
            assert "Stargate" in str(out[len(TABS)]) and "~" in str(out[len(TABS) + 1])


def test_quantities_view_renders_for_every_country(projects):
    """The Quantities view draws (no error) for each country of the data, also where no GPU figure is known (TW)."""
    for country in sorted(projects["country"].dropna().unique()):
        out = view_outputs(projects, f"?tab=quantities&country={country}")
        fig = out[TABS.index("quantities")]
        assert isinstance(fig, go.Figure) and out[-2] == [], (country, out[-2])
        fig.to_json()  # plotly validates every property on the way out
    tw = view_outputs(projects, "?tab=quantities&country=TW")[TABS.index("quantities")]
    assert any(a.text == "not known" for a in tw.layout.annotations)


def test_dead_currency_in_link_falls_back_with_a_notice(projects):
    """?cur=CYP shows USD numbers and a notice saying CYP was ignored; a failing view shows an error, not old numbers."""
    from dashboard.ui.controls import currencies_for

    offered = currencies_for(projects)
    assert "CYP" not in offered and {"USD", "KRW", "TWD", "JPY"} <= set(offered)
    out = view_outputs(projects, "?cur=CYP", currencies=offered)
    assert "$" in out[-3] and "cur=CYP ignored" in str(out[-2])
    broken = projects.drop(columns=["amount_value"])
    out = view_outputs(broken, "?tab=ranking&cur=KRW", currencies=offered)
    assert out[-3] == "—" and "could not be drawn" in str(out[-2])
    assert out[0].layout.annotations[0].text.startswith("This view could not be drawn")


def test_every_view_says_what_it_leaves_out(projects):
    """The map names the projects without a site and their amount; other views say what they cannot draw."""
    out = view_outputs(projects, "?tab=map")
    located = projects["lat"].notna() & projects["lon"].notna()
    n = int((~located).sum())
    assert n and out[-1].startswith(f"{n} projects without a site are not on the map: $"), out[-1]
    assert "not on the map" not in view_outputs(projects, "?tab=map&q=samsung-yokohama-apl")[-1]
    q = view_outputs(projects, "?tab=quantities")[-1]
    assert "with no GPU, power or wafer figure" in q
    assert "Only the largest 25" in view_outputs(projects, "?tab=ranking")[-1]


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
