"""A team deployment for real: two gunicorn instances on one PostgreSQL store and one Redis cache.

Each test starts its own throwaway servers on 127.0.0.1 (tests/pg.py, tests/servers.py).
"""
from __future__ import annotations

import json
import uuid

import pytest

from tests import pg
from tests.servers import callback_body, find_callback, gunicorn_missing, redis_missing, start_gunicorn, start_redis

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def redis_server():
    reason = redis_missing() or gunicorn_missing()
    if reason:
        pytest.skip(reason)
    with start_redis() as server:
        yield server


def _grid_rows(app, search: str) -> list[dict]:
    dep = find_callback(app.deps(), "url", "search", ".grid.rowData")
    status, body, _ = app.request("POST", "/_dash-update-component", callback_body(dep, {("url", "search"): search}, "url.search"),
                                  {"Content-Type": "application/json"})
    assert status == 200, body[:500]
    return json.loads(body)["response"]["grid"]["rowData"]


def _save_record(app, record: dict[str, str]) -> dict:
    """Press "Save record" in the article form of ``app`` with ``record`` typed in (the browser's request)."""
    dep = find_callback(app.deps(), "btn-record-save", "n_clicks")
    values = {("btn-record-save", "n_clicks"): 1}
    for s in dep["state"]:
        field = json.loads(s["id"])["field"]
        values[(s["id"], s["property"])] = record.get(field, "")
    status, body, _ = app.request("POST", "/_dash-update-component", callback_body(dep, values, "btn-record-save.n_clicks"),
                                  {"Content-Type": "application/json"})
    assert status == 200, body[:500]
    return json.loads(body)["response"]


@pytest.mark.pg
@pytest.mark.redis
def test_record_saved_in_one_instance_shows_in_the_other(pg_cluster, redis_server, record, tmp_path):
    """Two instances (2 workers each) on one PostgreSQL and one Redis: a record saved through A's
    form is in B's grid at once, and B answers a request A already answered from the shared cache."""
    name = f"team_{uuid.uuid4().hex[:10]}"
    url = pg_cluster.create_database(name)
    # the bundled data are small enough that converting beats reading a shared copy: share them anyway, to test it
    env = {"SEMIDASH_DB": url, "SEMIDASH_CACHE_URL": redis_server.url, "SEMIDASH_FX_DIR": str(tmp_path / "fx"),
           "SEMIDASH_SHARE_CONVERSIONS_FROM_ROWS": "0"}
    word = f"teamtest{uuid.uuid4().hex[:6]}"
    record = {**record, "project": f"{record['project']} {word}"}
    try:
        with start_gunicorn(env) as a, start_gunicorn(env) as b:
            assert _grid_rows(b, f"?q={word}") == []
            assert _grid_rows(a, f"?q={word}") == []
            response = _save_record(a, record)
            assert "data-rev" in response, response  # the save wrote the data revision: it was stored
            rows_b = _grid_rows(b, f"?q={word}&cur=JPY")
            assert [r["project"] for r in rows_b] == [record["project"]]
            assert rows_b[0]["origin"] == "user"
            # the same request on A, then on B: B's answer comes from Redis (a cache hit), identical to A's
            rows_a = _grid_rows(a, "?cur=KRW&basis=annual&country=JP")
            client = redis_server.client()
            hits = client.info("stats")["keyspace_hits"]
            rows_b = _grid_rows(b, "?cur=KRW&basis=annual&country=JP")
            assert rows_b == rows_a and any(r["project"] == record["project"] for r in rows_b)
            assert client.info("stats")["keyspace_hits"] > hits
            keys = [k.decode() for k in client.keys("semidash:*")]
            assert any(k.startswith("semidash:resp:") for k in keys)
            assert any(k.startswith("semidash:conv:") for k in keys)  # converted frames are shared too
    finally:
        pg_cluster.drop_database(name)


@pytest.mark.redis
def test_unreachable_redis_is_a_miss_not_an_error(record, tmp_path):
    """With the cache URL pointing at a port where nothing listens, the views still answer (200)."""
    reason = gunicorn_missing()
    if reason:
        pytest.skip(reason)
    dead = f"redis://127.0.0.1:{pg.free_port()}/0"
    env = {"SEMIDASH_DB": str(tmp_path / "store.sqlite"), "SEMIDASH_CACHE_URL": dead, "SEMIDASH_FX_DIR": str(tmp_path / "fx")}
    with start_gunicorn(env, workers=1) as app:
        rows = _grid_rows(app, "?cur=USD&country=JP")
        assert rows and all(r["country"] == "JP" for r in rows)
        assert "unavailable" in app.log.read_text(errors="replace")


def test_embedded_default_needs_nothing_started(tmp_path, monkeypatch):
    """No cache URL: an in-process cache, a SQLite store; the app answers a grid request."""
    monkeypatch.delenv("SEMIDASH_CACHE_URL", raising=False)
    monkeypatch.delenv("SEMIDASH_REDIS_URL", raising=False)
    from dashboard.ui.app import create_app

    app = create_app(db=str(tmp_path / "store.sqlite"))
    assert app.semidash_cache.where == "in-process" and app.semidash_store.is_sqlite
    client = app.server.test_client()
    dep = find_callback(client.get("/_dash-dependencies").get_json(), "url", "search", ".grid.rowData")
    first = client.post("/_dash-update-component", data=callback_body(dep, {("url", "search"): "?cur=EUR"}, "url.search"),
                        content_type="application/json")
    again = client.post("/_dash-update-component", data=callback_body(dep, {("url", "search"): "?cur=EUR"}, "url.search"),
                        content_type="application/json")
    assert first.status_code == again.status_code == 200 and first.data == again.data
    assert first.get_json()["response"]["grid"]["rowData"][0]["converted_label"].startswith("€")
