"""Tests of dashboard.ui.controls: the controls come from the field table and keep the URL in step."""
from __future__ import annotations

import pandas as pd
from dash import no_update

from dashboard.query import FIELDS, ViewState
from dashboard.ui import ids
from dashboard.ui.controls import CONTROLS, project_options, real_toggle, sync_url


def test_url_fills_controls(projects):
    """A URL sets the controls; bad values come back as defaults."""
    values = [None] * len(CONTROLS)
    out = sync_url("?cur=KRW&country=JP&tab=map&basis=bogus", values, ids.URL)
    assert out[0] is no_update
    shown = dict(zip(CONTROLS, out[1:]))
    assert shown[(ids.CURRENCY, "value")] == "KRW" and shown[(ids.COUNTRY, "value")] == ["JP"]
    assert shown[(ids.BASIS, "value")] == "announcement" and shown[(ids.TABS, "active_tab")] == "map"


def test_controls_write_url(projects):
    """Changing a control writes the whole state into the URL."""
    values = ViewState(currency="JPY", log=True, statuses=("operating",)).to_controls()
    out = sync_url("", values, ids.CURRENCY)
    assert out[0] == "?cur=JPY&status=operating&log=1" and all(v is no_update for v in out[1:])


def test_real_toggle_disabled_outside_usd():
    """Constant prices are USD-only: the switch and year are disabled with a note for other currencies."""
    assert real_toggle("USD") == (False, False, "")
    disabled, year_disabled, note = real_toggle("JPY")
    assert disabled and year_disabled and note == "Constant prices use US CPI and apply to USD only; JPY amounts are nominal."


def test_project_options_follow_frame(projects):
    """The compare picker and the filters list every project, country and company of the frame."""
    options, countries, companies = project_options(projects)
    assert len(options) == len(projects) and set(countries) == set(projects["country"].dropna())
    extra = pd.concat([projects, projects.iloc[[0]].assign(id="new-one", country="VN", company="New Co", company_ids=None)],
                      ignore_index=True)
    options2, countries2, companies2 = project_options(extra)
    assert len(options2) == len(projects) + 1 and "VN" in countries2
    assert {"label": "New Co", "value": "New Co", "search": "New Co"} in companies2


def test_company_options_offer_groups_then_companies_by_id(projects):
    """The company filter offers each group with two or more companies in the data (SoftBank Group and its
    subsidiaries), then every company by id, each searchable by all its names and aliases."""
    from dashboard.data.companies import company_groups
    from dashboard.ui.controls import company_options

    opts = company_options(projects)
    by_value = {o["value"]: o for o in opts}
    groups = [o for o in opts if o["value"].startswith("group:")]
    assert opts[: len(groups)] == groups and len(groups) >= 10
    soft = by_value["group:softbank"]
    assert soft["label"] == "SoftBank Group — whole group (4 companies)"
    assert soft["title"] == "IDC Frontier Inc., SB Energy, SoftBank Corp., SoftBank Group"
    assert all(n in soft["search"] for n in ("SBG", "소프트뱅크", "SB Energy", "IDCフロンティア"))
    assert by_value["softbank-corp"]["label"] == "SoftBank Corp." and "ソフトバンク" in by_value["softbank-corp"]["search"]
    ids = set(projects["company_ids"].dropna().str.split(";").explode())
    assert {o["value"] for o in opts if not o["value"].startswith("group:")} == ids
    # a one-company group is not offered as a group
    assert all(len(company_groups()[o["value"][6:]]) > 1 for o in groups)


def test_every_field_has_its_control_in_the_page(projects):
    """Each row of the field table has a component with that id and property in the page (and nothing is left out)."""
    from dashboard.ui.app import create_app

    found = {}

    def walk(c):
        cid = getattr(c, "id", None)
        if isinstance(cid, str):
            found[cid] = c
        kids = getattr(c, "children", None)
        for k in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(k)

    walk(create_app(load=lambda: projects).layout())
    assert CONTROLS == tuple(f.control for f in FIELDS)
    for cid, prop in CONTROLS:
        assert cid in found, cid
        assert prop in found[cid].available_properties, (cid, prop)


def test_controls_echoing_a_link_leave_it_as_written():
    """A control that only echoes the link's state (settling on mount) does not rewrite ?cur=CYP or ?company=soft,
    so the link notice stays; a real change writes the canonical query."""
    from dash import no_update

    from dashboard.query import FIELDS

    for search in ("?cur=CYP", "?company=soft", "?country=Japan&tab=map"):
        shown = ViewState.from_query(search, currencies=("USD", "KRW")).to_controls()
        out = sync_url(search, shown, "ctl-dates", currencies=("USD", "KRW"), company_names=())
        assert all(o is no_update for o in out), search
    changed = ViewState.from_query("?company=soft").replace(currency="KRW").to_controls()
    out = sync_url("?company=soft", changed, "ctl-currency", currencies=("USD", "KRW"), company_names=())
    assert out[0] == "?cur=KRW&company=sb-openai-japan&company=softbank-corp&company=softbank-group"
    assert len(out) == len(FIELDS) + 1


def test_dropdowns_dropping_values_they_do_not_offer_keep_the_link(projects):
    """?country=XX&compare=no-such-id: the country and compare dropdowns drop the values they do not offer (one, then
    the other); that is an echo, so the link (and its notice) stays; removing an offered value rewrites the link."""
    from dash import no_update

    from dashboard.ui.controls import offered_picks

    offered = offered_picks(projects)
    search = "?country=XX&country=JP&compare=stargate-project&compare=no-such-id&tab=compare"
    linked = ViewState.from_query(search)
    pruned_country = linked.replace(countries=("JP",))
    for state in (pruned_country, pruned_country.replace(compare=("stargate-project",))):
        out = sync_url(search, state.to_controls(), "ctl-country", company_names=(), offered=offered)
        assert all(o is no_update for o in out), state
    out = sync_url(search, linked.replace(countries=()).to_controls(), "ctl-country", company_names=(), offered=offered)
    assert out[0] == "?compare=stargate-project&compare=no-such-id&tab=compare"
    assert offered_picks(projects) is offered and "JP" in offered["countries"] and "XX" not in offered["countries"]
