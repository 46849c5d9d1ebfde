"""Browser tests (headless Chromium) of what a newcomer's drive of the dashboard found: the compare table
on a phone, the page's sideways scroll at 390 px, the Quantities panels that draw only their largest
projects, the note under the tabs that chart nothing, and the duplicate warning for a curated joint project."""
from __future__ import annotations

import json

import pytest

from tests.e2e.waits import by_id, element, until
from tests.helpers import free_port

pytestmark = pytest.mark.browser

SAKAI = "softbank-openai-sakai-ai-dc"  # 100,000 GPUs, 150 MW, no amount


def _app(projects):
    from dashboard.app import create_app

    return create_app(load=lambda: projects)


def _phone(driver, width: int = 390, height: int = 844) -> None:
    """A phone's viewport (Chromium's windows are at least 500 px wide): overlay scrollbars, as on a phone."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    until(lambda: driver.execute_script("return document.documentElement.clientWidth") == width, 10, "the phone viewport")


def _sideways(driver) -> list:
    """[page scroll width, viewport width]: equal when nothing makes the page scroll sideways."""
    return driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")


def test_compare_table_reads_on_a_phone(dash_duo, projects):
    """At 390 px each picked project is a card whose lines say what they are (In JPY, Rate, Rate date…), all inside
    the screen: the table neither scrolls sideways nor pushes the page wider."""
    dash_duo.start_server(_app(projects), port=free_port())
    drv = dash_duo.driver
    drv.get(dash_duo.server_url + "/")
    _phone(drv)
    drv.get(dash_duo.server_url + f"/?tab=compare&cur=JPY&compare={SAKAI}&compare=stargate-project&compare=kddi-sakai-ai-dc")
    rows = until(lambda: len(dash_duo.find_elements("#compare-table tbody tr")) == 3 and
                 dash_duo.find_elements("#compare-table tbody tr"), 60, "the three compare rows")
    dash_duo.wait_for_element("#graph-compare .main-svg .barlayer", timeout=30)
    # each shown cell: [the label drawn before it (CSS ::before from data-label), its text, its top]
    cells = ("return [...document.querySelectorAll(`#compare-table tr[data-id='${arguments[0]}'] td`)]"
             ".filter(c => c.offsetParent).map(c => [getComputedStyle(c, '::before').display === 'none' ? '' :"
             " getComputedStyle(c, '::before').content.replace(/^\"|\"$/g, ''),"
             " c.innerText, Math.round(c.getBoundingClientRect().top)])")
    stargate = drv.execute_script(cells, "stargate-project")
    assert stargate[0][1] == "Stargate AI infrastructure project" and stargate[0][0] == ""
    assert [c[0] for c in stargate[1:]] == ["As reported", "In JPY", "Rate", "Rate date", "Rate source", "Basis"], stargate
    assert dict((c[0], c[1]) for c in stargate)["In JPY"].endswith("兆円")
    tops = [c[2] for c in stargate]
    assert tops == sorted(tops) and len(set(tops)) == len(tops), stargate  # one line each, top to bottom
    sakai = {c[0]: c[1] for c in drv.execute_script(cells, SAKAI)}
    assert sakai["In JPY"] == "no amount" and "100,000 GPUs" in sakai["Quantities"] and "Rate" not in sakai
    box = drv.execute_script("const t = document.querySelector('#compare-table table');"
                             "return [t.scrollWidth, t.parentElement.clientWidth, Math.max(...[...t.querySelectorAll('td')]"
                             ".map(c => c.getBoundingClientRect().right))]")
    assert box[0] <= box[1] and box[2] <= 390, box
    assert not drv.find_element("css selector", "#compare-table thead").is_displayed()
    assert _sideways(drv)[0] <= _sideways(drv)[1], _sideways(drv)
    assert dash_duo.get_logs() == []


def test_compare_of_gpu_only_projects_on_a_phone(dash_duo, projects):
    """Three projects known by their GPUs only, at 390 px: no money axis (it read -1…1 USD), every bar's
    "no amount · N GPUs" inside the screen."""
    picks = [i for i in (SAKAI, "xai-colossus", "nvidia-korea-260k-gpus")
             if projects.set_index("id").loc[i, ["amount_value"]].isna().all()]
    assert len(picks) == 3
    dash_duo.start_server(_app(projects), port=free_port())
    drv = dash_duo.driver
    drv.get(dash_duo.server_url + "/")
    _phone(drv)
    drv.get(dash_duo.server_url + "/?tab=compare&" + "&".join(f"compare={p}" for p in picks))
    texts = until(lambda: (t := drv.execute_script(
        "return [...document.querySelectorAll('#graph-compare .bartext')].map(e => [e.textContent,"
        " Math.round(e.getBoundingClientRect().right)])")) and len(t) == 3 and t, 60, "three bar labels")
    assert all(t[0].startswith("no amount · ") and "GPUs" in t[0] and t[1] <= 390 for t in texts), texts
    assert drv.execute_script("return [...document.querySelectorAll('#graph-compare .xtick text')].map(e => e.textContent)") == []
    assert "no amount in USD: quantities shown" in drv.find_element("css selector", "#graph-compare .xtitle").text
    assert _sideways(drv) == [390, 390]
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("tab", ["ranking", "map", "quantities", "article"])
def test_no_view_scrolls_the_page_sideways_on_a_phone(dash_duo, projects, tab):
    """At 390 px (overlay scrollbars, as on a phone) the page is exactly as wide as the screen on every kind of tab,
    with the controls folded and unfolded (the row's gutters used to stick out 4 px)."""
    dash_duo.start_server(_app(projects), port=free_port())
    drv = dash_duo.driver
    drv.get(dash_duo.server_url + "/")
    _phone(drv)
    drv.get(dash_duo.server_url + f"/?tab={tab}")
    element(drv, "#article-text" if tab == "article" else f"#graph-{tab} .main-svg", timeout=60)
    dash_duo.wait_for_element('.ag-center-cols-container .ag-row[row-index="0"]', timeout=60)
    assert _sideways(drv) == [390, 390]
    # every tab in sight, the open one too (a strip that scrolled inside itself hid four of the eight)
    tabs = drv.execute_script("return [...document.querySelectorAll('#tabs .nav-link')].map(a => { const r = a.getBoundingClientRect();"
                              " return [a.innerText, r.left >= 0 && r.right <= 390 && r.width > 0, a.classList.contains('active')]; })")
    assert len(tabs) == 8 and all(t[1] for t in tabs), tabs
    assert [t[0] for t in tabs if t[2]] == [{"article": "＋ Add from article", "quantities": "GPUs · MW · wafers"}.get(tab, tab.title())]
    drv.execute_script("document.getElementById('btn-controls').click()")
    until(lambda: element(drv, "#ctl-currency").is_displayed(), 10, "the controls opened")
    assert _sideways(drv) == [390, 390]
    assert dash_duo.get_logs() == []


def test_quantities_panels_say_they_show_the_top(dash_duo, projects):
    """The GPU panel draws the 10 largest of the projects with a GPU count and its title says "top 10 of N"."""
    n = int(projects["gpus"].notna().sum())
    assert n > 10
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?tab=quantities")
    until(lambda: any(t.text == f"GPUs: top 10 of {n}" for t in dash_duo.find_elements("#graph-quantities .annotation-text")),
          60, f"the title 'GPUs: top 10 of {n}'")
    bars = dash_duo.find_elements("#graph-quantities .barlayer .trace")[0].find_elements("css selector", ".point")
    assert len(bars) == 10
    assert dash_duo.get_logs() == []


def _field(form: str, name: str) -> str:
    return json.dumps({"field": name, "form": form, "type": "rec-field"}, sort_keys=True, separators=(",", ":"))


def test_article_tab_has_no_projects_note_and_warns_of_a_curated_duplicate(dash_duo, projects, tmp_path):
    """Under the article tab no sentence about projects "not shown"; typing one partner of the curated Samsung Yokohama
    project, its amount in Korean and its date warns of a duplicate before anything is saved."""
    from dashboard.app import create_app

    dash_duo.start_server(create_app(load=lambda: projects, db=str(tmp_path / "store.sqlite")), port=free_port())
    drv = dash_duo.driver
    drv.get(dash_duo.server_url + "/?tab=ranking")
    dash_duo.wait_for_contains_text("#view-note", "not ranked", timeout=60)
    drv.get(dash_duo.server_url + "/?tab=article")
    element(drv, "#article-text", timeout=60)
    dash_duo.wait_for_contains_text("#summary", "projects", timeout=30)
    until(lambda: drv.execute_script("return document.getElementById('view-note').innerText.trim() === ''"), 10,
          "an empty note under the article tab")
    row = projects.set_index("id").loc["samsung-yokohama-apl"]
    for name, value in (("company", "Samsung Electronics"), ("amount_reported", "400억엔 이상"), ("announced", row["announced"])):
        box = by_id(drv, _field("new", name))
        box.clear()
        box.send_keys(value)
    warning = until(lambda: drv.find_element("id", "record-dup").text, 15, "the duplicate warning")
    assert "Possible duplicate" in warning and "samsung-yokohama-apl" in warning and "already has" in warning
    assert dash_duo.get_logs() == []


def test_link_notice_names_a_country_and_a_compare_id_that_pick_nothing(dash_duo, projects):
    """?country=XX empties the views, and the notice says why; a compare id no project has is named too."""
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?tab=compare&country=XX&compare=stargate-project&compare=no-such-project")
    notice = until(lambda: dash_duo.find_element(".link-notice").text, 60, "the link notice")
    assert "country=XX picks no project: no project of the data is in XX" in notice
    assert "compare=no-such-project ignored: no project has this id" in notice
    dash_duo.wait_for_contains_text("#summary", "0 projects", timeout=10)
    assert dash_duo.get_logs() == []
