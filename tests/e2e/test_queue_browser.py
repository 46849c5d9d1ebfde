"""End-to-end test of the "Review queue" in headless Chromium: candidates from the news site
with their sentence highlighted and their suggested link, filters, accept (the record reaches
the grid, the charts' summary and the CSV export), merge and reject."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.e2e.waits import by_id, until
from tests.helpers import free_port

pytestmark = pytest.mark.browser

# written for this test: a plant that is not in the dataset
NEW_ARTICLE = ("2025. 6. 10. Samsung Electronics will invest $9 billion to build an advanced packaging plant "
               "in Cheonan, the company said.\n")


def _pid(kind: str, cid: int) -> str:
    return json.dumps({"id": cid, "type": kind}, separators=(",", ":"))


def _click(driver, el) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", el)


def _cards(driver) -> list[str]:
    return [e.get_attribute("id") for e in driver.find_elements("css selector", "#queue-list .card")]


def _grid_rows(driver) -> list[dict]:
    return driver.execute_script(
        "let a; try { a = window.dash_ag_grid.getApi('grid'); } catch (e) { return []; }"
        "const out = []; a.forEachNode(n => out.push(n.data)); return out;")


def test_review_queue_accept_merge_reject(dash_duo, news_site, tmp_path):
    """Queue cards show the highlighted figure and the link; accept/merge/reject work and an accepted record shows everywhere."""
    from selenium.webdriver.support.ui import Select

    from dashboard.app import create_app
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store
    from dashboard.intake.ingest import ingest

    base, root = news_site
    db = tmp_path / "store.sqlite"
    (root / "extra").mkdir(exist_ok=True)
    (root / "extra" / "samsung-cheonan.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    queue = Queue(Store(db))
    ingest([f"{base}/en/sk-hynix-indiana.html", f"{base}/en/acme-datacenter.html"], queue)

    dash_duo.start_server(create_app(db=str(db)), port=free_port())
    drv = dash_duo.driver
    drv.get(dash_duo.server_url.rstrip("/") + "/?tab=queue")
    until(lambda: len(_cards(drv)) == 3, 20, "3 candidate cards")
    # read one more article from the view itself
    by_id(drv, "queue-source").send_keys(f"{base}/extra/samsung-cheonan.txt")
    _click(drv, by_id(drv, "btn-queue-ingest"))
    dash_duo.wait_for_contains_text("#queue-message", "1 article read, 0 already read; 1 new candidate", timeout=30)
    until(lambda: len(_cards(drv)) == 4, 20, "4 candidate cards")
    by_text = {c["text"]: c["id"] for c in queue.list()}
    sk, acme, new = by_text["$3.87 billion"], by_text["$25 billion"], by_text["$9 billion"]
    mark = until(lambda: drv.find_element("css selector", f"#queue-sentence-{sk} mark"), what="the highlighted figure")
    assert mark.text == "$3.87 billion"
    assert by_id(drv, f"queue-link-{sk}").text == "sk-hynix-west-lafayette-packaging"
    assert "none" in by_id(drv, f"queue-link-{new}").text
    # filter: only the new ones
    Select(by_id(drv, "queue-link")).select_by_value("new")
    until(lambda: len(_cards(drv)) == 3 and f"queue-card-{sk}" not in _cards(drv), what="only new candidates")
    Select(by_id(drv, "queue-link")).select_by_value("all")
    until(lambda: len(_cards(drv)) == 4, what="all candidates again")

    # accept the new plant: a prefilled user record, in the grid, the summary and the export
    summary_before = by_id(drv, "summary").text
    _click(drv, by_id(drv, _pid("queue-accept", new)))
    dash_duo.wait_for_contains_text("#queue-message", f"Accepted candidate {new} as", timeout=15)
    (rid,) = Store(db).ids()
    row = until(lambda: next((r for r in _grid_rows(drv) if r["id"] == rid), None), what="the accepted record in the grid")
    assert row["amount_reported"] == "$9 billion" and row["origin"] == "user" and row["announced"] == "2025-06-10"
    until(lambda: by_id(drv, "summary").text != summary_before, what="the summary to count the new record")
    _click(drv, by_id(drv, "btn-download"))
    files = until(lambda: list(Path(dash_duo.download_path).glob("*.csv")), what="the CSV")
    with files[0].open(encoding="utf-8") as fh:
        assert {r["id"]: r for r in csv.DictReader(fh)}[rid]["amount_reported"] == "$9 billion"

    # merge the SK hynix figure into its suggested project, reject the other
    until(lambda: f"queue-card-{new}" not in _cards(drv), what="the accepted card gone from the pending list")
    _click(drv, by_id(drv, _pid("queue-merge", sk)))
    dash_duo.wait_for_contains_text("#queue-message", f"Merged candidate {sk} into sk-hynix-west-lafayette-packaging")
    _click(drv, by_id(drv, _pid("queue-reject", acme)))
    dash_duo.wait_for_contains_text("#queue-message", f"Rejected candidate {acme}")
    status = {c["id"]: c["status"] for c in queue.list()}
    assert (status[new], status[sk], status[acme]) == ("accepted", "merged", "rejected")
    assert queue.project_sources("sk-hynix-west-lafayette-packaging")[0]["source_url"] == f"{base}/en/sk-hynix-indiana.html"
    # the merged article shows in the grid ("More sources", its URL as the tooltip) and in the export
    row = until(lambda: next((r for r in _grid_rows(drv) if r["id"] == "sk-hynix-west-lafayette-packaging"
                              and r["further_sources"] == 1), None), 20, "the merged source in the grid")
    assert row["further_source_urls"] == f"{base}/en/sk-hynix-indiana.html"
    for f in Path(dash_duo.download_path).glob("*.csv"):
        f.unlink()
    _click(drv, by_id(drv, "btn-download"))
    files = until(lambda: list(Path(dash_duo.download_path).glob("*.csv")), what="the second CSV")
    with files[0].open(encoding="utf-8") as fh:
        exported = {r["id"]: r for r in csv.DictReader(fh)}
    sk_row = exported["sk-hynix-west-lafayette-packaging"]
    assert (sk_row["further_sources"], sk_row["further_source_urls"]) == ("1", f"{base}/en/sk-hynix-indiana.html")
    assert exported[rid]["further_sources"] == "0"
    Select(by_id(drv, "queue-status")).select_by_value("rejected")
    until(lambda: _cards(drv) == [f"queue-card-{acme}"], what="the rejected filter")
    assert dash_duo.get_logs() == []
