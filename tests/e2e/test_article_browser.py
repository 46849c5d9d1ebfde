"""End-to-end tests of "Add from article" in headless Chromium: paste, highlight,
save, edit, delete, uploads in CP949 and Shift_JIS, concurrent saves, restart."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.helpers import free_port

from tests.e2e.waits import by_id, element, until

pytestmark = pytest.mark.browser

ARTICLE_KO = (Path(__file__).parent / "data" / "article_ko.txt").read_text(encoding="utf-8")
# written for these tests: a fictional company and plant (no real figures)
ARTICLE_JA = "［架空の記事・試験用］ミドリ電子は熊本に約5,000億円を投じて新工場を建てると発表した。月産4万枚を目指す。\n"
ARTICLE_KO_SHORT = "[가상 기사] 누리칩스는 평택에 약 5조원을 투자한다.\n"

MARKS = "#article-marked mark.fig"


def dom_id(form: str, field: str, kind: str = "rec-field") -> str:
    """The DOM id Dash gives a pattern-matching id (JSON, keys sorted, no spaces)."""
    return json.dumps({"field": field, "form": form, "type": kind}, sort_keys=True, separators=(",", ":"))


def _el(driver, element_id: str, timeout: float = 15.0):
    """The element of an id, waited for (through the DOM: selenium's id lookup cannot quote JSON ids)."""
    return by_id(driver, element_id, timeout)


def _js_click(driver, el) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el)


_wait = until


def _type(driver, element_id: str, text: str) -> None:
    el = _el(driver, element_id)
    el.clear()
    el.send_keys(text)


def _select(driver, element_id: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(_el(driver, element_id)).select_by_value(value)


def fill_record(driver, **values: str) -> None:
    """Type each value into the new-record form (category/status are selects)."""
    for field, value in values.items():
        if field in ("category", "status"):
            _select(driver, dom_id("new", field), value)
        else:
            _type(driver, dom_id("new", field), value)


def _grid_rows(driver) -> list[dict]:
    """The grid's row data ([] while the grid is not ready)."""
    return driver.execute_script(
        "let a; try { a = window.dash_ag_grid.getApi('grid'); } catch (e) { return []; }"
        "const out = []; a.forEachNode(n => out.push(n.data)); return out;")


def _store_ids(db: Path) -> set[str]:
    from dashboard.data.store import Store

    with Store(db) as s:
        return s.ids()


def _open_article_tab(driver, url: str) -> None:
    driver.get(url.rstrip("/") + "/?tab=article")
    _wait(lambda: driver.find_elements("id", "article-text"), 20, "the article view")


def test_paste_korean_article_save_edit_delete(dash_duo, tmp_path):
    """A pasted Korean article shows its 8 figures marked and audited; a saved figure reaches the grid and the CSV; it can be edited and deleted, curated rows cannot."""
    from dashboard.app import create_app

    db = tmp_path / "store.sqlite"
    dash_duo.start_server(create_app(db=str(db)), port=free_port())
    drv = dash_duo.driver
    _open_article_tab(drv, dash_duo.server_url)
    _el(drv, "article-text").send_keys(ARTICLE_KO)
    _type(drv, "article-date", "2024-03-15\n")
    marks = _wait(lambda: len(drv.find_elements("css selector", MARKS)) == 8 and drv.find_elements("css selector", MARKS),
                  what="8 marked figures")
    assert [m.text for m in marks][:3] == ["2,000억엔", "약 1조 8,000억원", "월 3만 장"]
    # the reported conversions are audited against the rate of the article date
    dash_duo.wait_for_contains_text("#fig-row-1", "reference 8.941 on 2024-03-15", timeout=10)
    assert "matches rates of 2024-01" in _el(drv, "fig-row-1").text
    assert "table-danger" in _el(drv, "fig-row-6").get_attribute("class")  # US$10억 said to be 1조 5,000억원: +12.8%
    assert "fig-flagged" in marks[6].get_attribute("class")
    # pick the GPU count in the text, then the amount with its button
    _js_click(drv, marks[3])
    _wait(lambda: _el(drv, dom_id("new", "gpus")).get_attribute("value") == "12000", what="gpus prefilled")
    _js_click(drv, _el(drv, json.dumps({"index": 0, "type": "fig-use"}, separators=(",", ":"))))
    _wait(lambda: _el(drv, dom_id("new", "amount_reported")).get_attribute("value") == "2,000억엔", what="amount prefilled")
    assert _el(drv, dom_id("new", "announced")).get_attribute("value") == "2024-03-15"
    _wait(lambda: "fig-picked" in drv.find_elements("css selector", MARKS)[0].get_attribute("class"), what="the pick marked")
    fill_record(drv, project="한빛반도체 구마모토 패키징 공장", company="Hanbit Semiconductor (fictional)", country="JP",
                city="Kumamoto", category="packaging", source_url="https://example.org/hanbit-kumamoto")
    _js_click(drv, _el(drv, "btn-record-save"))
    dash_duo.wait_for_contains_text("#record-message", "Saved as", timeout=10)
    (new_id,) = _store_ids(db)
    assert new_id.startswith("record-")
    # in the grid and in the summary at once (no reload)
    row = _wait(lambda: next((r for r in _grid_rows(drv) if r["id"] == new_id), None), what="the new row in the grid")
    assert row["amount_reported"] == "2,000억엔" and row["origin"] == "user" and row["converted_label"].startswith("$1.")
    dash_duo.wait_for_contains_text("#summary", " projects", timeout=5)
    # ... and in the CSV export
    _js_click(drv, _el(drv, "btn-download"))
    files = _wait(lambda: list(Path(dash_duo.download_path).glob("*.csv")), what="the CSV")
    with files[0].open(encoding="utf-8") as fh:
        exported = {r["id"]: r for r in csv.DictReader(fh)}
    assert exported[new_id]["amount_reported"] == "2,000억엔" and exported[new_id]["currency"] == "JPY"
    from dashboard.data.store import Store

    with Store(db) as store:
        assert store.get(new_id)["gpus"] == "12000"
    # a curated row cannot be edited or deleted
    api = "window.dash_ag_grid.getApi('grid')"
    drv.execute_script(f"{api}.forEachNode(n => {{ if (n.data.origin === 'curated' && !window._c) {{ window._c = 1; n.setSelected(true); }} }});")
    dash_duo.wait_for_contains_text("#grid-row-note", "curated (read-only)", timeout=5)
    assert not _el(drv, "btn-grid-edit").is_enabled() and not _el(drv, "btn-grid-delete").is_enabled()
    # the user's row can: edit the city, with validation
    drv.execute_script(f"{api}.getRowNode(arguments[0]).setSelected(true);", new_id)
    _wait(lambda: _el(drv, "btn-grid-edit").is_enabled(), what="edit enabled")
    _js_click(drv, _el(drv, "btn-grid-edit"))
    _wait(lambda: _el(drv, dom_id("edit", "project")).get_attribute("value") == "한빛반도체 구마모토 패키징 공장", what="edit form")
    _type(drv, dom_id("edit", "country"), "ZZ")
    _js_click(drv, _el(drv, "btn-edit-save"))
    dash_duo.wait_for_contains_text(f"#{_css(dom_id('edit', 'country', 'rec-feedback'))}", "ISO 3166-1", timeout=10)
    _type(drv, dom_id("edit", "country"), "JP")
    _type(drv, dom_id("edit", "city"), "Kikuyo")
    _js_click(drv, _el(drv, "btn-edit-save"))
    _wait(lambda: next((r for r in _grid_rows(drv) if r["id"] == new_id), {}).get("project") and
          _store_city(db, new_id) == "Kikuyo", what="the edit stored")
    # delete it
    drv.execute_script(f"{api}.getRowNode(arguments[0]).setSelected(true);", new_id)
    _wait(lambda: _el(drv, "btn-grid-delete").is_enabled(), what="delete enabled")
    _js_click(drv, _el(drv, "btn-grid-delete"))
    _wait(lambda: _el(drv, "btn-delete-confirm").is_displayed(), what="the delete dialog")
    _js_click(drv, _el(drv, "btn-delete-confirm"))
    _wait(lambda: not any(r["id"] == new_id for r in _grid_rows(drv)), what="the row gone from the grid")
    assert _store_ids(db) == set()
    assert dash_duo.get_logs() == []


def _css(element_id: str) -> str:
    """A CSS id selector for an id with JSON characters."""
    import re

    return re.sub(r'([{}":,\[\]])', r"\\\1", element_id)


def _store_city(db: Path, rid: str) -> str | None:
    from dashboard.data.store import Store

    with Store(db) as s:
        return s.get(rid)["city"]


def test_invalid_fields_show_errors_and_save_nothing(dash_duo, tmp_path):
    """Wrong and missing fields are marked next to their inputs with the schema's messages; the store stays empty."""
    from dashboard.app import create_app

    db = tmp_path / "store.sqlite"
    dash_duo.start_server(create_app(db=str(db)), port=free_port())
    drv = dash_duo.driver
    _open_article_tab(drv, dash_duo.server_url)
    fill_record(drv, project="누리칩스 평택", country="XX", announced="2024-02-30", amount_reported="5조 사과",
                source_url="not a url", category="fab")
    _js_click(drv, _el(drv, "btn-record-save"))
    dash_duo.wait_for_contains_text("#record-message", "Not saved", timeout=10)
    for field, text in (("country", "not an ISO 3166-1 alpha-2 country code"), ("announced", "not a real date"),
                        ("source_url", "not an http(s) URL"), ("company", "a value is required"),
                        ("amount_reported", "not an amount of money")):
        assert "is-invalid" in _el(drv, dom_id("new", field)).get_attribute("class"), field
        feedback = _el(drv, dom_id("new", field, "rec-feedback"))
        assert feedback.is_displayed() and text in feedback.text, (field, feedback.text)
    assert "is-invalid" not in _el(drv, dom_id("new", "project")).get_attribute("class")
    assert not db.exists() or _store_ids(db) == set()


@pytest.mark.parametrize("encoding, text, expect", [
    ("cp949", ARTICLE_KO_SHORT, ("cp949", "약 5조원")),
    ("shift_jis", ARTICLE_JA, ("cp932", "約5,000億円")),
], ids=["cp949", "shift_jis"])
def test_upload_decodes_legacy_encodings(dash_duo, tmp_path, encoding, text, expect):
    """A .txt upload in CP949 or Shift_JIS fills the text area correctly and its figures are found."""
    from dashboard.app import create_app

    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    dash_duo.start_server(create_app(db=str(tmp_path / "store.sqlite")), port=free_port())
    drv = dash_duo.driver
    _open_article_tab(drv, dash_duo.server_url)
    element(drv, "#article-upload input[type=file]", 20).send_keys(str(path))
    dash_duo.wait_for_contains_text("#article-upload-note", f"read as {expect[0]}", timeout=10)
    _wait(lambda: _el(drv, "article-text").get_attribute("value") == text.strip(), what="the decoded text in the text area")
    _wait(lambda: expect[1] in [m.text for m in drv.find_elements("css selector", MARKS)], what=f"{expect[1]} marked")
    assert dash_duo.get_logs() == []


def _chrome():
    """A second, independent headless Chromium (its own session and cookies)."""
    from selenium import webdriver

    from tests.conftest import pytest_setup_options

    opts = pytest_setup_options()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu"):
        opts.add_argument(arg)
    return webdriver.Chrome(options=opts)


def test_two_browsers_saving_at_once_lose_nothing(dash_duo, tmp_path):
    """Two browsers click save at the same moment while two more clients post saves to the app: every record is stored."""
    import requests

    from dashboard.app import create_app

    db = tmp_path / "store.sqlite"
    dash_duo.start_server(create_app(db=str(db)), port=free_port())
    second = _chrome()
    try:
        drivers = [dash_duo.driver, second]
        for k, drv in enumerate(drivers):
            _open_article_tab(drv, dash_duo.server_url)
            fill_record(drv, project=f"Browser {k} plant", company="Nuri Chips (fictional)", country="KR", category="fab",
                        announced="2025-06-01", amount_reported=f"{k + 1}조원", source_url=f"https://example.org/b{k}")
        barrier = threading.Barrier(len(drivers) + 2)
        errors: list[BaseException] = []

        def click(drv):
            barrier.wait()
            _js_click(drv, _el(drv, "btn-record-save"))

        def post(k):
            barrier.wait()
            try:
                r = requests.post(dash_duo.server_url.rstrip("/") + "/_dash-update-component",
                                  json=save_payload(dash_duo.server_url, project=f"Client {k} fab"), timeout=30)
                assert r.status_code == 200, r.text
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=click, args=(d,)) for d in drivers]
        threads += [threading.Thread(target=post, args=(k,)) for k in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        for drv in drivers:
            _wait(lambda d=drv: "Saved as" in _el(d, "record-message").text, 20, "each browser's confirmation")
        from dashboard.data.store import Store

        with Store(db) as s:
            projects = sorted(s.list()["project"])
        assert projects == ["Browser 0 plant", "Browser 1 plant", "Client 0 fab", "Client 1 fab"]
        # and the other browser sees the others' records with its next request
        second.refresh()
        _wait(lambda: len([r for r in _grid_rows(second) if r.get("origin") == "user"]) == 4, 20, "4 user rows")
    finally:
        second.quit()


def save_payload(server_url: str, **fields: str) -> dict:
    """The request Dash's renderer sends when the save button is clicked (from the app's own dependency list)."""
    import requests

    from dashboard.intake.figures import FORM_COLUMNS

    deps = requests.get(server_url.rstrip("/") + "/_dash-dependencies", timeout=10).json()
    cb = next(d for d in deps if any(i["id"] == "btn-record-save" for i in d["inputs"]))
    record = {"company": "Client Co (fictional)", "country": "KR", "category": "fab", "status": "announced",
              "announced": "2025-06-02", "amount_reported": "3,000억원", "source_url": "https://example.org/c", **fields}
    outputs = []
    for part in cb["output"].strip(".").split("..."):
        cid, prop = part.rsplit(".", 1)
        outputs.append({"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop.split("@")[0]})
    state = [{"id": json.loads(s["id"]) if s["id"].startswith("{") else s["id"], "property": s["property"],
              "value": record.get(json.loads(s["id"])["field"], "") if s["id"].startswith("{") else None}
             for s in cb["state"]]
    assert [s["id"]["field"] for s in state] == list(FORM_COLUMNS)
    return {"output": cb["output"], "outputs": outputs, "inputs": [{"id": "btn-record-save", "property": "n_clicks", "value": 1}],
            "changedPropIds": ["btn-record-save.n_clicks"], "state": state}


def _serve(db: Path) -> tuple[subprocess.Popen, str]:
    """``semidash serve`` in its own process on a free port, with ``SEMIDASH_DB=db``."""
    port = free_port()
    env = {**os.environ, "SEMIDASH_DB": str(db)}
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    import requests

    def up():
        try:
            return requests.get(url, timeout=1).status_code == 200
        except requests.ConnectionError:
            assert proc.poll() is None, proc.stderr.read().decode()
            return False

    _wait(up, 60, "semidash serve")
    return proc, url


def test_record_survives_server_restart(dash_duo, tmp_path):
    """A record saved through one `semidash serve` process is shown by a new process on the same store."""
    db = tmp_path / "store.sqlite"
    drv = dash_duo.driver
    proc, url = _serve(db)
    try:
        _open_article_tab(drv, url)
        _el(drv, "article-text").send_keys(ARTICLE_KO_SHORT)
        mark = _wait(lambda: drv.find_elements("css selector", MARKS), what="the marked figure")[0]
        _js_click(drv, mark)
        _wait(lambda: _el(drv, dom_id("new", "amount_reported")).get_attribute("value") == "약 5조원", what="prefill")
        fill_record(drv, project="누리칩스 평택 팹", company="Nuri Chips (fictional)", country="KR", category="fab",
                    announced="2025-05", source_url="https://example.org/nuri")
        _js_click(drv, _el(drv, "btn-record-save"))
        _wait(lambda: "Saved as" in _el(drv, "record-message").text, 15, "saved")
    finally:
        proc.terminate()
        proc.wait(10)
    proc, url = _serve(db)
    try:
        drv.get(url)
        rows = _wait(lambda: [r for r in _grid_rows(drv) if r.get("origin") == "user"], 20, "the stored row")
        assert [(r["project"], r["amount_reported"]) for r in rows] == [("누리칩스 평택 팹", "약 5조원")]
    finally:
        proc.terminate()
        proc.wait(10)
