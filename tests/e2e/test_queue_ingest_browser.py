"""The dashboard's "read into the queue" action as a Dash background callback, in headless Chromium:
embedded (a diskcache manager, nothing to start) and for a team (a Celery manager on a real
redis-server, with a real Celery worker started as `celery -A dashboard.ui.worker worker`). Both read
the local news site's feed from a real HTTP server on 127.0.0.1 and show its candidates."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.e2e.waits import by_id, until
from tests.helpers import free_port
from tests.intake.news_site import EXPECTED, PAGES
from tests.servers import redis_missing, start_redis

pytestmark = pytest.mark.browser

#: candidates the feed gives (the Taylor figure is in two articles: one candidate, two sources)
N_CANDIDATES = sum(len({t for t, _ in figs}) for figs in EXPECTED.values()) - 1


def _cards(driver) -> list[str]:
    return [e.get_attribute("id") for e in driver.find_elements("css selector", "#queue-list .card")]


def _read_feed(dash_duo, feed: str) -> None:
    """Type the feed into the URL box, press the button, see it disabled while the job runs, then the summary."""
    drv = dash_duo.driver
    drv.get(dash_duo.server_url.rstrip("/") + "/?tab=queue")
    until(lambda: by_id(drv, "queue-list") is not None and _cards(drv) == [], 20, "the empty queue")
    by_id(drv, "queue-source").send_keys(feed)
    button = by_id(drv, "btn-queue-ingest")
    drv.execute_script("arguments[0].click();", button)
    dash_duo.wait_for_contains_text(
        "#queue-message", f"{len(PAGES)} articles read, 0 already read; {N_CANDIDATES} new candidates", timeout=90)
    until(lambda: len(_cards(drv)) == N_CANDIDATES, 30, f"{N_CANDIDATES} candidate cards")
    until(lambda: button.is_enabled() and button.text == "Read into the queue", 10, "the button back")
    # the same feed again adds nothing
    drv.execute_script("arguments[0].click();", button)
    dash_duo.wait_for_contains_text("#queue-message", f"0 articles read, {len(PAGES)} already read; 0 new", timeout=90)
    assert len(_cards(drv)) == N_CANDIDATES


def _texts(db) -> dict:
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store

    with Store(db) as store:
        return {r["text"]: r["matched_id"] for r in Queue(store).list(limit=None)}


def test_embedded_background_ingest_reads_a_feed(dash_duo, news_site, tmp_path, monkeypatch):
    """Without a broker the job runs in a child process of the server (diskcache manager)."""
    from dashboard.app import create_app
    from dashboard.ui.views.queue import background_manager

    monkeypatch.delenv("SEMIDASH_BROKER", raising=False)
    assert type(background_manager()).__name__ == "DiskcacheManager"
    base, _ = news_site
    db = tmp_path / "store.sqlite"
    dash_duo.start_server(create_app(db=str(db)), port=free_port())
    _read_feed(dash_duo, f"{base}/feed.xml")
    texts = _texts(db)
    assert len(texts) == N_CANDIDATES and texts["400억엔"] == "samsung-yokohama-apl"
    assert dash_duo.get_logs() == []


@pytest.mark.redis
@pytest.mark.slow
def test_team_background_ingest_runs_on_a_celery_worker(dash_duo, news_site, tmp_path, monkeypatch):
    """With $SEMIDASH_BROKER the job goes through Redis to a Celery worker process, which writes to the shared store."""
    reason = redis_missing()
    if reason:
        pytest.skip(reason)
    base, _ = news_site
    db = tmp_path / "team.sqlite"
    with start_redis() as redis:
        env = {**os.environ, "SEMIDASH_BROKER": redis.url, "SEMIDASH_DB": str(db)}
        exe = os.path.join(os.path.dirname(sys.executable), "celery")
        log = (tmp_path / "worker.log").open("wb")
        worker = subprocess.Popen([exe, "-A", "dashboard.ui.worker", "worker", "--concurrency", "1", "--loglevel",
                                   "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
                                  env=env, stdout=log, stderr=subprocess.STDOUT, cwd=str(tmp_path))
        try:
            monkeypatch.setenv("SEMIDASH_BROKER", redis.url)
            from dashboard.app import create_app
            from dashboard.intake.tasks import app as celery_app, configure

            configure(redis.url)  # the pings below go to this test's broker, not an earlier one
            from dashboard.ui.views.queue import background_manager

            assert type(background_manager()).__name__ == "CeleryManager"
            deadline = time.time() + 90
            while not celery_app.control.ping(timeout=1.0):
                assert worker.poll() is None and time.time() < deadline, (tmp_path / "worker.log").read_text()[-3000:]
            dash_duo.start_server(create_app(db=str(db)), port=free_port())
            _read_feed(dash_duo, f"{base}/feed.xml")
            # the worker did the reading: its log names the dashboard's background task
            assert "background_callback_" in (tmp_path / "worker.log").read_text()
            texts = _texts(db)
            assert len(texts) == N_CANDIDATES and texts["400억엔"] == "samsung-yokohama-apl"
        finally:
            worker.terminate()
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                worker.kill()
            log.close()
