"""Tests of dashboard.ui.serving against a real gunicorn on 127.0.0.1, with raw HTTP:
malformed callback bodies are a 4xx (never a 500), answers are compressed and cached."""
from __future__ import annotations

import json

import pytest

from tests.servers import callback_body, find_callback, gunicorn_missing, start_gunicorn

pytestmark = [pytest.mark.slow]

JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    reason = gunicorn_missing()
    if reason:
        pytest.skip(reason)
    tmp = tmp_path_factory.mktemp("serving")
    env = {"SEMIDASH_DB": str(tmp / "store.sqlite"), "SEMIDASH_FX_DIR": str(tmp / "fx"), "SEMIDASH_CACHE_URL": ""}
    with start_gunicorn(env, workers=1) as app:
        yield app


def _download_body(server, rows) -> bytes:
    dep = find_callback(server.deps(), "btn-download", "n_clicks")
    return callback_body(dep, {("btn-download", "n_clicks"): 1, ("url", "search"): "?cur=KRW",
                               ("grid", "virtualRowData"): rows}, "btn-download.n_clicks")


def test_download_with_bad_rows_is_400(server):
    """The crafted grid download of the issue (virtualRowData [5]) is a 400 naming the property; a real one is a 200."""
    status, body, _ = server.request("POST", "/_dash-update-component", _download_body(server, [5]), JSON)
    assert status == 400 and b"grid.virtualRowData has a value of the wrong type" in body
    status, body, _ = server.request("POST", "/_dash-update-component", _download_body(server, None), JSON)
    assert status == 200 and "text/csv" in json.loads(body)["response"]["download"]["data"]["type"]


def _malformed(server) -> dict[str, bytes]:
    # the views callback: the URL is its first input (of three)
    views = find_callback(server.deps(), "url", "search", ".summary.children")
    good = json.loads(callback_body(views, {("url", "search"): "?cur=JPY"}, "url.search"))
    return {
        "not json": b"{this is not json",
        "binary": b"\xff\xfe\x00garbage",
        "empty": b"",
        "array": b"[5]",
        "number": b"5",
        "no output": json.dumps({**good, "output": None}).encode(),
        "unknown callback": json.dumps({**good, "output": "nope.children"}).encode(),
        "outputs a string": json.dumps({**good, "outputs": "x"}).encode(),
        "inputs missing": json.dumps({k: v for k, v in good.items() if k != "inputs"}).encode(),
        "inputs ints": json.dumps({**good, "inputs": [1, 2]}).encode(),
        "inputs too few": json.dumps({**good, "inputs": good["inputs"][:1]}).encode(),
        "state a dict": json.dumps({**good, "state": {"a": 1}}).encode(),
        "search a number": json.dumps({**good, "inputs": [{**good["inputs"][0], "value": 5}, *good["inputs"][1:]]}).encode(),
        "changed ids not strings": json.dumps({**good, "changedPropIds": [1]}).encode(),
        "virtualRowData [5]": _download_body(server, [5]),
        "virtualRowData a string": _download_body(server, "x"),
    }


def test_malformed_bodies_are_4xx_never_500(server):
    """Every malformed body gets a 4xx with a JSON message, and the server logs no traceback."""
    statuses = {}
    for name, body in _malformed(server).items():
        status, answer, _ = server.request("POST", "/_dash-update-component", body, JSON)
        statuses[name] = status
        assert 400 <= status < 500, (name, status, answer[:300])
        assert json.loads(answer)["error"], name
    assert "Traceback" not in server.log.read_text(errors="replace")
    assert set(statuses.values()) == {400}


def test_oversized_body_is_413(server):
    """A callback body over the limit is refused before it is read into a callback."""
    import http.client

    size = 13 * 1024 * 1024
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.putrequest("POST", "/_dash-update-component")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(size))
    conn.endheaders(b'{"output": "' + b"x" * 65536)  # the server answers without reading the rest
    response = conn.getresponse()
    assert response.status == 413 and b"callback body over" in response.read()
    conn.close()


def test_answers_are_compressed_and_cached(server):
    """The grid's answer comes brotli-compressed when asked, several times smaller, and the same again."""
    grid = find_callback(server.deps(), "url", "search", ".grid.rowData")
    body = callback_body(grid, {("url", "search"): "?cur=TWD"}, "url.search")
    _, plain, _ = server.request("POST", "/_dash-update-component", body, JSON)
    status, packed, headers = server.request("POST", "/_dash-update-component", body, {**JSON, "Accept-Encoding": "br"})
    assert status == 200 and headers.get("content-encoding") == "br"
    import brotli

    assert brotli.decompress(packed) == plain and len(packed) * 4 < len(plain)



def test_plotly_js_is_compressed_once_and_revalidated_without_compressing(tmp_path, monkeypatch):
    """plotly.js (4.8 MB) is brotli-compressed on the first request only; a browser revalidating it with the
    compressed copy's ETag gets a bodiless 304 that Dash answers itself (nothing is read or compressed again)."""
    import brotli
    import flask_compress.flask_compress as fc

    from dashboard.ui.app import create_app

    monkeypatch.setenv("SEMIDASH_DB", str(tmp_path / "store.sqlite"))
    monkeypatch.setenv("SEMIDASH_CACHE_URL", "")
    calls = []
    real = fc._compress_data
    monkeypatch.setattr(fc, "_compress_data", lambda app, data, algorithm: calls.append(len(data)) or real(app, data, algorithm))
    client = create_app().server.test_client()
    path = "/_dash-component-suites/plotly/package_data/plotly.min.js"
    first = client.get(path, headers={"Accept-Encoding": "br"})
    tag = first.headers["ETag"]
    assert first.status_code == 200 and tag.endswith(':br"') and len(brotli.decompress(first.data)) > 3_000_000
    again = client.get(path, headers={"Accept-Encoding": "br"})
    assert again.status_code == 200 and again.data == first.data
    check = client.get(path, headers={"Accept-Encoding": "br", "If-None-Match": tag})
    assert check.status_code == 304 and check.data == b""
    assert len([n for n in calls if n > 3_000_000]) == 1  # the first request only
    other = client.get(path, headers={"Accept-Encoding": "br", "If-None-Match": '"another-tag:br"'})
    assert other.status_code == 200 and other.data == first.data
