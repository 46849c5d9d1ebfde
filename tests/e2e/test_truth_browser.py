"""Browser tests (headless Chromium) of the cases where the dashboard used to be silent or untrue:
dead currencies, link notices, what the map leaves out, the Quantities view, the XLSX download,
and user strings rendered by plotly."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.e2e.waits import element, until
from tests.helpers import free_port

pytestmark = pytest.mark.browser


def _app(projects):
    from dashboard.app import create_app

    return create_app(load=lambda: projects)


def _options(dash_duo, selector: str, typed: str) -> list[str]:
    """The options a dcc.Dropdown lists after typing ``typed`` into its search box (waits for at least one)."""
    dash_duo.wait_for_element(selector, timeout=15).click()
    element(dash_duo.driver, ".dash-dropdown-search").send_keys(typed)
    return until(lambda: [o.text for o in dash_duo.find_elements(".dash-dropdown-option")], 10, f"options of {selector}")


def test_dead_currency_is_not_offered_and_a_link_to_it_says_so(dash_duo, projects):
    """The currency menu lists no currency without current rates (CYP, HRK, RUB…); ?cur=CYP shows USD with a notice."""
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.wait_for_element("#graph-ranking .main-svg", timeout=60)
    offered = _options(dash_duo, "#ctl-currency", "")
    assert {"USD", "KRW", "JPY", "TWD", "EUR"} <= set(offered)
    assert not {"CYP", "EEK", "LTL", "LVL", "MTL", "ROL", "SIT", "SKK", "TRL", "RUB", "HRK"} & set(offered)
    dash_duo.driver.get(dash_duo.server_url + "/?cur=CYP")
    notice = until(lambda: dash_duo.find_element(".link-notice").text, 15, "the link notice")
    assert "cur=CYP ignored" in notice and "showing USD" in notice
    dash_duo.wait_for_contains_text("#summary", "total $", timeout=10)
    assert dash_duo.get_logs() == []


def test_link_notice_lists_corrected_values(dash_duo, projects):
    """from after to is swapped and said; an unknown category and a bad asof are listed as ignored."""
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?from=2025-06-01&to=2024-01-01&category=casino&asof=1990-01-01&basis=fixed")
    notice = until(lambda: dash_duo.find_element(".link-notice").text, 15, "the link notice")
    assert "the two dates were swapped" in notice and "category=casino ignored" in notice
    assert "asof=1990-01-01 is before the first rates" in notice
    values = ("return [...document.getElementById('ctl-dates').closest('.dash-datepicker, div').parentElement"
              ".querySelectorAll('input.dash-datepicker-input')].map(i => i.value)")
    dates = until(lambda: dash_duo.driver.execute_script(values) == ["2024-01-01", "2025-06-01"], 10,
                  "the date range control showing the swapped dates")
    assert dates


def test_map_says_what_it_leaves_out(dash_duo, projects):
    """The map tab says how many projects have no site and how much money they hold, and which are at country level."""
    frame = projects.copy()
    frame.loc[frame.index[:4], ["lat", "lon"]] = None  # records without coordinates (e.g. saved from an article)
    national = int(((frame["coord_precision"] == "country") & frame["lat"].notna()).sum())
    dash_duo.start_server(_app(frame), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?tab=map")
    dash_duo.wait_for_element("#graph-map .geo .countries path", timeout=60)
    dash_duo.wait_for_contains_text("#view-note", "4 projects without a site are not on the map: $", timeout=10)
    dash_duo.wait_for_contains_text("#view-note", f"{national} projects without a single site ($", timeout=10)
    assert "open circles" in dash_duo.find_element("#view-note").text
    assert dash_duo.get_logs() == []


def test_quantities_view_renders_without_gpu_figures(dash_duo, projects):
    """?tab=quantities&country=TW, and a country with quantities but no GPU figure, draw their panels, no server error."""
    by = projects[["gpus", "power_mw", "wafers_per_month"]].notna().groupby(projects["country"]).any()
    partial = sorted(by[by.any(axis=1) & ~by["gpus"]].index)[0]
    dash_duo.start_server(_app(projects), port=free_port())
    for country, expect_not_known in (("TW", bool((~by.loc["TW"]).any()) if "TW" in by.index else False), (partial, True)):
        dash_duo.driver.get(dash_duo.server_url + f"/?tab=quantities&country={country}")
        dash_duo.wait_for_element("#graph-quantities .main-svg .barlayer .trace", timeout=60)
        dash_duo.wait_for_contains_text("#summary", "projects", timeout=10)
        texts = until(lambda: [t.text for t in dash_duo.find_elements("#graph-quantities .annotation-text")], 10, "panel titles")
        assert "GPUs" in texts and (not expect_not_known or "not known" in texts), (country, texts)
        assert not dash_duo.find_elements(".view-error")
    assert dash_duo.get_logs() == []


def test_xlsx_download_is_the_grid(dash_duo, projects):
    """The XLSX button downloads a workbook with the grid's rows, typed numbers and an About sheet with the total."""
    import openpyxl

    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?cur=KRW&country=KR")
    dash_duo.wait_for_contains_text('.ag-center-cols-container .ag-row[row-index="0"] [col-id="converted_value"]', "원",
                                    timeout=60)
    shown = dash_duo.driver.execute_script(
        "const a = window.dash_ag_grid.getApi('grid'), out = []; a.forEachNodeAfterFilterAndSort(n => out.push(n.data.id)); return out;")
    button = dash_duo.wait_for_element("#btn-download-xlsx", timeout=10)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button)
    folder = Path(dash_duo.download_path)
    files = until(lambda: [f for f in folder.glob("*.xlsx") if f.stat().st_size > 0], 15, "the downloaded XLSX")
    assert files[0].name.startswith("semidash-projects-KRW-announcement-")
    wb = until(lambda: openpyxl.load_workbook(io.BytesIO(files[0].read_bytes())), 10, "a complete workbook")
    ws = wb["Projects"]
    header = [c.value for c in ws[1]]
    assert [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)] == shown
    col = header.index("converted_value") + 1
    assert all(ws.cell(row=r, column=col).data_type == "n" for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=col).value is not None)
    about = {r[0].value: r[1].value for r in wb["About"].iter_rows()}
    assert about["Currency"] == "KRW" and about["Rows"] == len(shown)
    assert dash_duo.get_logs() == []


HTML_PROJECT = '<a href="http://evil.example/" id="injected">Evil link</a>'
HTML_STYLED = '<span style="font-size:60px;color:red">Styled name</span>'


def test_html_in_user_strings_stays_text_in_charts(dash_duo, projects):
    """Project, company and notes holding HTML show as text in the ranking and compare axes: no link, no style."""
    frame = projects.copy()
    top = frame["converted_value"].idxmax() if "converted_value" in frame else None
    order = frame.assign(_v=frame["amount_value"].fillna(0)).sort_values("_v", ascending=False).index
    a, b = order[0], order[1]
    frame.loc[a, "project"] = HTML_PROJECT
    frame.loc[b, "project"] = HTML_STYLED
    frame.loc[[a, b], "company"] = '<b style="color:red">Bold Co</b>'
    frame.loc[[a, b], "notes"] = '<img src=x onerror="document.title=\'pwned\'">'
    del top
    ids = frame.loc[[a, b], "id"].tolist()
    dash_duo.start_server(_app(frame), port=free_port())
    for url, graph in (("/", "#graph-ranking"), (f"/?tab=compare&compare={ids[0]}&compare={ids[1]}", "#graph-compare")):
        dash_duo.driver.get(dash_duo.server_url + url)
        # wait for the projects' own tick labels: before the figure arrives the graph may show a
        # placeholder's axis (numbers), which is not what this test is about
        ticks = until(lambda: (ts := [t.text for t in dash_duo.find_elements(f"{graph} .ytick text")])
                      and any(t.startswith('<a href="http://evil.example/"') for t in ts) and ts,
                      30, f"{graph} tick labels with the injected link as text")
        assert any(t.startswith("<span style=") for t in ticks), ticks
        assert not dash_duo.find_elements(f"{graph} svg a"), "an injected link became an element"
        sizes = dash_duo.driver.execute_script(
            "return [...document.querySelectorAll(arguments[0] + ' .ytick text, ' + arguments[0] + ' .ytick tspan')]"
            ".map(e => getComputedStyle(e).fontSize)", graph)
        assert "60px" not in sizes, sizes
    assert dash_duo.driver.title != "pwned"
    assert dash_duo.get_logs() == []


def test_compare_with_a_gpu_only_project(dash_duo, projects):
    """Compare shows the 100,000-GPU Sakai data centre by its GPUs and MW, and says the ratios use one rate date."""
    dash_duo.start_server(_app(projects), port=free_port())
    dash_duo.driver.get(dash_duo.server_url + "/?tab=compare&cur=JPY&compare=softbank-openai-sakai-ai-dc&compare=stargate-project")
    row = until(lambda: next((tr.text for tr in dash_duo.find_elements("#compare-table tbody tr")
                              if tr.get_attribute("data-id") == "softbank-openai-sakai-ai-dc"), None), 20, "the Sakai row")
    assert "100,000 GPUs · 150 MW" in row and "no amount" in row
    until(lambda: any("no amount · 100,000 GPUs" in t.text for t in dash_duo.find_elements("#graph-compare .bartext")), 10,
          "the Sakai bar labelled with its GPUs")
    dash_duo.wait_for_contains_text("#compare-rate-note", "one rate date", timeout=10)
    dash_duo.wait_for_contains_text("#compare-ratios", "it is 100,000 GPUs", timeout=10)
    assert dash_duo.get_logs() == []


def test_phone_layout_at_390px(dash_duo, projects):
    """At 390 px the controls fold behind a button, the chart is on the first screen with short labels,
    nothing scrolls sideways, and the button opens the controls."""
    dash_duo.start_server(_app(projects), port=free_port())
    drv = dash_duo.driver
    drv.set_window_size(390, 844)
    drv.get(dash_duo.server_url + "/")
    until(lambda: drv.execute_script("return window.innerWidth") <= 400, 10, "a phone-sized window")
    dash_duo.wait_for_element("#graph-ranking .main-svg .ytick", timeout=60)
    dash_duo.wait_for_element('.ag-center-cols-container .ag-row[row-index="0"]', timeout=60)
    # the projects' labels, not the numbers of the empty axes a dcc.Graph shows before its figure arrives
    ticks = until(lambda: (ts := [t.text for t in dash_duo.find_elements("#graph-ranking .ytick text")])
                  and any(any(c.isalpha() for c in t) for t in ts) and ts, 30, "the projects' tick labels")
    assert max(len(t) for t in ticks) <= 20, ticks
    assert not element(drv, "#ctl-currency").is_displayed()
    toggle = element(drv, "#btn-controls")
    assert toggle.is_displayed()
    top = drv.execute_script("return document.getElementById('graph-ranking').getBoundingClientRect().top")
    assert top < 400, f"the chart starts {top} px down"
    widths = drv.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    toggle.click()
    until(lambda: element(drv, "#ctl-currency").is_displayed(), 10, "the controls opened by the button")
    widths = drv.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    assert dash_duo.get_logs() == []
