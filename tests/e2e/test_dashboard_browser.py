"""End-to-end tests of the dashboard in headless Chromium (dash_duo)."""
from __future__ import annotations

import csv

import pytest

from tests.helpers import free_port

from tests.e2e.waits import downloaded, element, until

pytestmark = pytest.mark.browser

ROW0_CONVERTED = '.ag-center-cols-container .ag-row[row-index="0"] [col-id="converted_value"]'


def _app(projects):
    from dashboard.app import create_app

    return create_app(load=lambda: projects)


def _grid_ids(dash_duo) -> list[str]:
    """Ids of the rows the grid displays, in displayed order (after its sort and filters)."""
    return dash_duo.driver.execute_script(
        "const api = window.dash_ag_grid.getApi('grid'); const out = [];"
        "api.forEachNodeAfterFilterAndSort(n => out.push(n.data.id)); return out;"
    )


def _pick(dash_duo, selector: str, text: str) -> None:
    """Choose the option labelled ``text`` of a dcc.Dropdown by typing into its search box."""
    dash_duo.wait_for_element(selector, timeout=15).click()
    search = dash_duo.wait_for_element(".dash-dropdown-search", timeout=10)
    search.send_keys(text)
    option = until(lambda: next((o for o in dash_duo.find_elements(".dash-dropdown-option") if o.text == text), None),
                   10, f"option {text!r} in {selector}")
    option.click()
    element(dash_duo.driver, "h4").click()  # close the menu


def _click(dash_duo, selector: str) -> None:
    """Click an element (through the DOM: Dash's dev-tools badge may sit over the page corner)."""
    el = dash_duo.wait_for_element(selector, timeout=15)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el)


def _dash_prop(dash_duo, component_id: str, prop: str):
    """A component's property as the Dash renderer holds it: what a callback gets as its State
    (the grid's own API can be ahead of it: dash-ag-grid sends virtualRowData back after its events)."""
    return dash_duo.driver.execute_script(
        "const s = window.store.getState(); const path = s.paths.strs[arguments[0]];"
        "if (!path) return null; let node = s.layout; for (const k of path) node = node[k];"
        "return node && node.props ? node.props[arguments[1]] : null;", component_id, prop)


def _wait_grid(dash_duo):
    dash_duo.wait_for_element(ROW0_CONVERTED, timeout=60)


def test_page_loads_clean_and_offline(dash_duo, projects):
    """The page renders the ranking and the grid with no console error, and the map's base map comes from the app, not a CDN."""
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.wait_for_element("#graph-ranking .main-svg", timeout=60)
    _wait_grid(dash_duo)
    until(lambda: dash_duo.find_element("#summary").text.startswith(f"{len(projects)} projects"), 15, "the summary")
    dash_duo.wait_for_element("#tabs .nav-link:nth-child(1)", timeout=10)  # tabs are there
    dash_duo.driver.get(dash_duo.server_url + "/?tab=map")
    dash_duo.wait_for_element("#graph-map .geo .countries path", timeout=60)
    names = dash_duo.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert any(n.endswith("/assets/topojson/world_110m.json") for n in names), names
    assert not [n for n in names if "cdn.plot.ly" in n or not n.startswith(dash_duo.server_url)]
    assert dash_duo.get_logs() == []


def test_switch_to_krw_changes_grid(dash_duo, projects):
    """Choosing KRW in the currency control relabels the grid's converted column in 억/조원 and puts cur=KRW in the URL."""
    dash_duo.start_server(_app(projects), port=free_port())
    _wait_grid(dash_duo)
    before = until(lambda: dash_duo.find_element(ROW0_CONVERTED).text, 15, "the first row's converted amount")
    assert before.startswith("$"), before
    _pick(dash_duo, "#ctl-currency", "KRW")
    dash_duo.wait_for_contains_text(ROW0_CONVERTED, "조원", timeout=10)
    until(lambda: "cur=KRW" in dash_duo.driver.current_url, 10, "cur=KRW in the URL")
    assert dash_duo.get_logs() == []


def test_shared_url_restores_view(dash_duo, projects):
    """Opening a copied URL shows the same currency, filters, tab and scale."""
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?cur=JPY&country=KR&tab=timeline&log=1&bogus=1&basis=nope")
    dash_duo.wait_for_element("#graph-timeline .main-svg", timeout=60)
    dash_duo.wait_for_contains_text(ROW0_CONVERTED, "円", timeout=10)
    until(lambda: dash_duo.find_element("#ctl-currency").text.strip().startswith("JPY"), 10, "JPY in the currency control")
    active = dash_duo.wait_for_element("#tabs .nav-link.active", timeout=10)
    assert "active" in active.get_attribute("class")
    until(lambda: dash_duo.find_element("#tabs .nav-link.active").text == "Timeline", 10, "the Timeline tab active")
    countries = dash_duo.driver.execute_script(
        "const a = window.dash_ag_grid.getApi('grid'); const s = new Set(); a.forEachNode(n => s.add(n.data.country)); return [...s];")
    assert countries == ["KR"]
    until(lambda: dash_duo.find_element("#ctl-log").is_selected(), 10, "the log switch on")
    n_kr = int((projects["country"] == "KR").sum())
    until(lambda: dash_duo.find_element("#summary").text.startswith(f"{n_kr} projects"), 10, "the summary of KR")
    assert dash_duo.get_logs() == []


def test_download_equals_grid(dash_duo, projects):
    """After sorting and filtering the grid, the downloaded CSV holds exactly its rows, in its order, with provenance."""
    dash_duo.start_server(_app(projects), port=free_port())
    _wait_grid(dash_duo)
    # as a reader would with the header menus: sort by project name, then (once the sort has reached Dash's
    # state) filter the category column to "fab". Both at once is not what a reader can do, and it races:
    # dash-ag-grid re-applies its filterModel prop ({}) when the sort's columnState comes back, so under load
    # the filter set a millisecond after the sort was wiped (seen in CI: the grid stayed unfiltered).
    api = "const a = window.dash_ag_grid.getApi('grid');"
    dash_duo.driver.execute_script(api + "a.applyColumnState({state: [{colId: 'project', sort: 'asc'}], defaultState: {sort: null}});")
    names = dict(zip(projects["id"], projects["project"]))
    by_name = until(lambda: (ids := _grid_ids(dash_duo)) and len(ids) == len(projects)
                    and [names[i] for i in ids] == sorted(names.values()) and ids, 15, "the grid sorted by project")
    until(lambda: [r["id"] for r in _dash_prop(dash_duo, "grid", "virtualRowData") or []] == by_name, 15,
          "the sorted rows in Dash's state")
    dash_duo.driver.execute_script(
        api + "a.setColumnFilterModel('category', {filterType: 'text', type: 'equals', filter: 'fab'}).then(() => a.onFilterChanged());")
    shown = until(lambda: (ids := _grid_ids(dash_duo)) and 0 < len(ids) < len(projects) and ids, 15, "the filtered grid")
    assert 0 < len(shown) < len(projects)
    assert [names[i] for i in shown] == sorted(names[i] for i in shown)
    # the download reads grid.virtualRowData from Dash's state: wait until the grid has sent its sorted, filtered rows there
    until(lambda: [r["id"] for r in _dash_prop(dash_duo, "grid", "virtualRowData") or []] == shown, 15,
          "the grid's shown rows in Dash's state")
    _click(dash_duo, "#btn-download")
    csv_file = downloaded(dash_duo.download_path, "*.csv")
    assert csv_file.name.startswith("semidash-projects-USD-announcement-")
    with csv_file.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == shown
    assert {r["category"] for r in rows} == {"fab"}
    for col in ("amount_reported", "amount_value", "currency", "converted_value", "converted_currency", "fx_rate",
                "fx_rate_date", "fx_source", "fx_basis", "source_url"):
        assert col in rows[0]
    assert dash_duo.get_logs() == []


def test_compare_two_projects(dash_duo, projects):
    """Picking two projects shows them side by side with rates, rate dates and their ratio."""
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?tab=compare&cur=KRW")
    dash_duo.wait_for_element("#ctl-compare", timeout=60)
    for label in ("Stargate AI infrastructure project (OpenAI; SoftBank Group; Oracle; MGX)",
                  # dataset v2: the lab's companies are Samsung Electronics and its Japanese subsidiary
                  "Samsung Advanced Packaging Lab (APL), Minato Mirai (Samsung Electronics; Samsung Japan Corporation)"):
        _pick(dash_duo, "#ctl-compare", label)
    dash_duo.wait_for_element("#compare-table tbody tr:nth-child(2)", timeout=10)
    rows = [tr.text for tr in dash_duo.find_elements("#compare-table tbody tr")]
    assert "1 USD =" in rows[0] and "2025-01-21" in rows[0] and "조원" in rows[0]
    assert "1 JPY =" in rows[1] and "2023-12-21" in rows[1] and "400億円を上回る" in rows[1]  # v2: the Japanese source's wording
    dash_duo.wait_for_contains_text("#compare-ratios", "Stargate AI infrastructure project is ~", timeout=10)
    assert "compare=stargate-project" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []
