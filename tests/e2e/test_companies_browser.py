"""Browser tests (headless Chromium) of companies by id and group, superseded plans, cancelled projects
in the total, joint projects in the breakdown, and the record form's duplicate warning."""
from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.keys import Keys

from tests.e2e.test_article_browser import _el, _js_click, _open_article_tab, _store_ids, dom_id, fill_record
from tests.e2e.waits import element, until
from tests.helpers import free_port

pytestmark = pytest.mark.browser


def _app(projects):
    from dashboard.app import create_app

    return create_app(load=lambda: projects)


def _grid_rows(driver) -> list[dict]:
    return driver.execute_script(
        "let a; try { a = window.dash_ag_grid.getApi('grid'); } catch (e) { return []; }"
        "const out = []; a.forEachNode(n => out.push(n.data)); return out;")


def _search_company(dash_duo, typed: str) -> list[str]:
    """The company filter's options after typing ``typed`` (waits until the list has settled on a match)."""
    if not dash_duo.find_elements(".dash-dropdown-search"):  # open it (a click on an open menu closes it)
        dash_duo.wait_for_element("#ctl-company", timeout=15).click()
    box = element(dash_duo.driver, ".dash-dropdown-search")
    box.send_keys(*([Keys.BACKSPACE] * len(box.get_attribute("value") or "")), typed)
    until(lambda: box.get_attribute("value") == typed, 5, f"the search box holding {typed!r}")
    return until(lambda: [o.text for o in dash_duo.find_elements(".dash-dropdown-option")], 10, f"options for {typed!r}")


def _softbank_group_rows(projects) -> set[str]:
    from dashboard.data.companies import company_groups

    group = set(company_groups()["softbank"])
    return {i for i, ids in zip(projects["id"], projects["company_ids"].fillna("").str.split(";")) if group & set(ids)}


def test_company_filter_offers_groups_and_searches_any_case(dash_duo, projects):
    """Typing softbank, SOFTBANK or sbg finds the SoftBank group and its companies; picking the group selects
    SoftBank Group and its subsidiaries (the URL holds group:softbank, the grid every such row, joint ones too)."""
    wanted = _softbank_group_rows(projects)
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.wait_for_element("#graph-ranking .main-svg", timeout=60)
    for typed in ("softbank", "SOFTBANK", "SoftBank"):
        options = _search_company(dash_duo, typed)
        assert "SoftBank Group — whole group (4 companies)" in options, (typed, options)
        assert {"SoftBank Corp.", "SoftBank Group"} <= set(options), (typed, options)
    # an alias, lower case: SBG is SoftBank Group (and the group holds it)
    options = _search_company(dash_duo, "sbg")
    assert "SoftBank Group" in options and "SoftBank Group — whole group (4 companies)" in options
    assert "SoftBank Corp." not in options  # its names hold no "sbg"
    _search_company(dash_duo, "softbank")
    group = until(lambda: next(o for o in dash_duo.find_elements(".dash-dropdown-option")
                               if o.text.startswith("SoftBank Group — whole group")), 10, "the group option")
    group.click()
    until(lambda: parse_qs(urlparse(dash_duo.driver.current_url).query).get("company") == ["group:softbank"], 10,
          "company=group:softbank in the URL")
    dash_duo.wait_for_contains_text("#summary", f"{len(wanted)} projects", timeout=15)
    rows = until(lambda: {r["id"] for r in _grid_rows(dash_duo.driver)} == wanted and _grid_rows(dash_duo.driver), 15,
                 "the grid holding the SoftBank group's rows")
    companies = {n.strip() for r in rows for n in r["company"].split(";")}
    assert {"SoftBank Group", "SoftBank Corp.", "SB Energy", "IDC Frontier Inc."} <= companies
    assert "stargate-project" in wanted  # joint: OpenAI, SoftBank Group, Oracle, MGX
    assert dash_duo.get_logs() == []


def test_company_link_in_any_case_and_by_name(dash_duo, projects):
    """?company=SOFTBANK and ?company=SoftBank Group (a link written with names) open the group and the company;
    ?company=sofbank is ignored and said in the link notice, which stays."""
    wanted = _softbank_group_rows(projects)
    sbg = {i for i, ids in zip(projects["id"], projects["company_ids"].fillna("").str.split(";")) if "softbank-group" in ids}
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?company=SOFTBANK")
    dash_duo.wait_for_contains_text("#summary", f"{len(wanted)} projects", timeout=60)
    dash_duo.wait_for_contains_text("#ctl-company", "SoftBank Group — whole group (4 companies)", timeout=10)
    dash_duo.driver.get(dash_duo.server_url + "/?company=SoftBank%20Group")
    dash_duo.wait_for_contains_text("#summary", f"{len(sbg)} projects", timeout=60)
    until(lambda: {r["id"] for r in _grid_rows(dash_duo.driver)} == sbg, 15, "the grid holding SoftBank Group's rows")
    # a typo is said, and the notice stays once every callback has run (the link is not rewritten under it)
    dash_duo.driver.get(dash_duo.server_url + "/?company=sofbank")
    dash_duo.wait_for_contains_text("#summary", f"{len(projects)} projects", timeout=60)
    until(lambda: len(_grid_rows(dash_duo.driver)) == len(projects), 15, "the grid's rows")
    notice = until(lambda: dash_duo.find_element(".link-notice").text, 15, "the link notice")
    assert "company=sofbank ignored: no company goes by it" in notice
    assert dash_duo.driver.current_url.endswith("/?company=sofbank")
    assert "company=sofbank ignored" in dash_duo.find_element(".link-notice").text
    assert dash_duo.get_logs() == []


def test_superseded_plan_is_marked_in_ranking_grid_and_csv(dash_duo, projects):
    """Apple's $500B plan is drawn next to the $600B one, labelled superseded with a hatched bar; the grid names the
    plan that replaced it; the CSV has superseded_by and in_total; the summary counts Apple's plan once."""
    from dashboard.present.format import format_amount
    from dashboard.query import ViewState, select

    sel = select(projects, ViewState(companies=("apple",)))
    total = format_amount(sel.loc[sel["in_total"], "converted_value"].sum(), "USD")
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?company=apple")
    dash_duo.wait_for_element("#graph-ranking .barlayer .point", timeout=60)
    texts = until(lambda: [t.text for t in dash_duo.find_elements("#graph-ranking .barlayer text")], 10, "bar labels")
    assert "$500B · superseded" in texts and "$600B" in texts
    assert dash_duo.find_elements("#graph-ranking .barlayer .point path[style*='url(']")  # the hatch pattern fill
    dash_duo.wait_for_contains_text("#graph-ranking", "Hatched: superseded by a later plan", timeout=10)
    dash_duo.wait_for_contains_text("#summary", f"total {total}", timeout=10)
    rows = until(lambda: {r["id"]: r for r in _grid_rows(dash_duo.driver)}.get("apple-us-500b-plan")
                 and {r["id"]: r for r in _grid_rows(dash_duo.driver)}, 15, "the grid rows")
    assert rows["apple-us-500b-plan"]["superseded_by"].startswith("Apple US investment commitment raised to $600 billion")
    assert rows["apple-us-600b-plan"]["superseded_by"] is None
    headers = [h.text for h in dash_duo.find_elements("#grid .ag-header-cell-text")]
    assert "Superseded by" in headers
    # the CSV the grid downloads
    from dashboard.ui.views.grid import export_download

    out = {r["id"]: r for r in csv.DictReader(io.StringIO(export_download(projects, "?company=apple", None)["content"]))}
    assert out["apple-us-500b-plan"]["superseded_by"] == "apple-us-600b-plan"
    assert dash_duo.get_logs() == []


def test_cancelled_projects_in_the_total_are_said_and_can_be_left_out(dash_duo, projects):
    """The header says the total includes N cancelled projects ($X); its link picks every other status, and the total
    then drops by that amount and the note goes."""
    from dashboard.present.charts import total_once
    from dashboard.present.format import format_amount
    from dashboard.query import ViewState, select
    from dashboard.ui.views import cancelled_in_total, without_cancelled

    n, amount = cancelled_in_total(select(projects, ViewState()))
    after = format_amount(total_once(select(projects, without_cancelled(ViewState()))), "USD")
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.wait_for_contains_text("#summary", f"includes {n} cancelled projects ({format_amount(amount, 'USD')})",
                                    timeout=60)
    _js_click(dash_duo.driver, dash_duo.find_element(".leave-out-cancelled"))
    until(lambda: "cancelled" not in parse_qs(urlparse(dash_duo.driver.current_url).query).get("status", ["cancelled"])
          and len(parse_qs(urlparse(dash_duo.driver.current_url).query)["status"]) >= 5, 10, "the statuses in the URL")
    dash_duo.wait_for_contains_text("#summary", f"total {after}", timeout=15)
    assert "cancelled" not in dash_duo.find_element("#summary").text
    from dashboard.data.schema import STATUSES

    dash_duo.wait_for_contains_text("#ctl-status", f"{len(STATUSES) - 1} selected", timeout=10)  # the filter shows them
    assert dash_duo.get_logs() == []


def test_breakdown_shows_joint_projects_once_for_a_partner(dash_duo, projects):
    """Filtered by Oracle, the breakdown holds Oracle's joint projects in "Joint: …" boxes and the note says how
    joint projects are counted."""
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?tab=breakdown&company=oracle")
    dash_duo.wait_for_element("#graph-breakdown .treemap", timeout=60)
    dash_duo.wait_for_contains_text("#view-note", "counted once, in a box of all partners", timeout=15)
    labels = until(lambda: [t.text for t in dash_duo.find_elements("#graph-breakdown .treemap text") if t.text], 10,
                   "treemap labels")
    assert any(t.startswith("Joint:") and "Oracle" in t for t in labels), labels
    assert dash_duo.get_logs() == []


def test_record_form_warns_of_a_duplicate(dash_duo, tmp_path):
    """Typing a curated record's company (any case), amount and date warns before saving; after a save, the same
    values warn with the stored record's id; other values do not warn."""
    from dashboard.app import create_app

    db = tmp_path / "store.sqlite"
    dash_duo.start_server(create_app(db=str(db)), port=free_port())
    drv = dash_duo.driver
    _open_article_tab(drv, dash_duo.server_url)
    fill_record(drv, company="apple", amount_reported="$500 billion", announced="2025-02-24")
    warn = until(lambda: drv.find_element("css selector", "#record-dup .duplicate-warning").text, 15, "the duplicate warning")
    assert "Possible duplicate: apple-us-500b-plan" in warn and "Saving adds another record" in warn
    fill_record(drv, announced="2025-02-25")
    until(lambda: not drv.find_elements("css selector", "#record-dup .duplicate-warning"), 10, "the warning to go")
    # a record of our own (a made-up company), saved once, then typed again
    fill_record(drv, project="Midori test fab", company="Midori Denshi (fictional)", country="jp", category="fab",
                amount_reported="約5,000億円", announced="2024-06-01", source_url="https://example.org/midori")
    until(lambda: not drv.find_elements("css selector", "#record-dup .duplicate-warning"), 10, "no warning before saving")
    _js_click(drv, _el(drv, "btn-record-save"))
    dash_duo.wait_for_contains_text("#record-message", "Saved as", timeout=15)
    (new_id,) = _store_ids(db)
    warn = until(lambda: drv.find_element("css selector", "#record-dup .duplicate-warning").text, 15,
                 "the warning right after saving")
    assert new_id in warn
    fill_record(drv, company="MIDORI DENSHI (FICTIONAL)")
    until(lambda: new_id in drv.find_element("css selector", "#record-dup .duplicate-warning").text, 10,
          "the warning for the same company in capitals")
    assert _el(drv, dom_id("new", "company")).get_attribute("value") == "MIDORI DENSHI (FICTIONAL)"
