"""Tests of dashboard.ui.app (and its WSGI entry dashboard.app): the factory, offline base maps, the server object."""
from __future__ import annotations

import pytest

from tests.helpers import free_port

from dashboard.ui import ids


def _graphs(component, out):
    if getattr(component, "id", None) in ids.GRAPH.values():
        out.append(component)
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        _graphs(child, out)
    return out


def test_topojson_served_under_prefix(projects):
    """Every graph points plotly at the app's own /assets/topojson/, under the path prefix."""
    from dashboard.app import create_app

    app = create_app(load=lambda: projects, requests_pathname_prefix="/semi/", routes_pathname_prefix="/semi/")
    graphs = _graphs(app.layout(), [])
    assert len(graphs) == len(ids.GRAPH)
    assert {g.config["topojsonURL"] for g in graphs} == {"/semi/assets/topojson/"}
    resp = app.server.test_client().get("/semi/assets/topojson/world_110m.json")
    assert resp.status_code == 200 and resp.get_json()["type"] == "Topology"


def test_module_server_is_flask():
    """dashboard.app:server is the Flask app gunicorn serves."""
    from dashboard.app import server

    assert server.test_client().get("/_dash-dependencies").status_code == 200


def test_source_follows_the_store(tmp_path):
    """The app's frame is reused while the store is unchanged and reloaded after an add, an edit and a delete."""
    from dashboard.app import ProjectSource
    from dashboard.data.store import Store

    db = tmp_path / "store.sqlite"
    source = ProjectSource(db=str(db))
    first = source.frame()
    assert source.frame() is first and (first["origin"] == "user").sum() == 0 and source.revision() == "(0, None)"
    with Store(db) as store:
        rid = store.add({"project": "Test fab", "company": "Test Co", "country": "KR", "category": "fab", "status": "announced",
                         "announced": "2025-05", "amount_reported": "약 5조원", "source_url": "https://example.org/t"})
        second = source.frame()
        assert second is not first and second.loc[second["origin"] == "user", "amount_value"].tolist() == [5e12]
        assert source.frame() is second
        store.update(rid, {"city": "Pyeongtaek"})
        assert source.frame().loc[lambda d: d["id"] == rid, "city"].tolist() == ["Pyeongtaek"]
        store.delete(rid)
    assert (source.frame()["origin"] == "user").sum() == 0


def test_importing_builds_nothing(tmp_path):
    """`import dashboard.app` (and dashboard.ui.app) builds no app and imports no Dash."""
    import subprocess
    import sys

    code = ("import sys, dashboard.app, dashboard.ui.app as ui\n"
            "assert ui._app is None, 'an app was built at import'\n"
            "print(sorted(m for m in ('dash', 'flask') if m in sys.modules))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"


def test_one_store_per_app(tmp_path, monkeypatch):
    """create_app opens one Store, shared by the views' data source and the article intake."""
    from dashboard.data import store as store_module
    from dashboard.ui.app import create_app

    made = []
    original = store_module.Store.__init__

    def counting(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(store_module.Store, "__init__", counting)
    app = create_app(db=str(tmp_path / "one.sqlite"))
    app.layout()  # the first page load reads the data through the same store
    assert made == [app.semidash_store]


def test_one_app_per_process():
    """get_app() and dashboard.app.server give the same app and server every time."""
    import dashboard.app
    from dashboard.ui.app import create_server, get_app

    assert get_app() is get_app()
    assert dashboard.app.server is create_server() is get_app().server


@pytest.mark.slow
@pytest.mark.parametrize("target", ["dashboard.app:server", "dashboard.ui.app:create_server()"])
def test_gunicorn_serves_the_dashboard(target, tmp_path):
    """A real gunicorn on 127.0.0.1 serves the page and its layout from the documented entry points."""
    import os
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    gunicorn = Path(sys.executable).with_name("gunicorn")
    port = free_port()
    env = {**os.environ, "SEMIDASH_DB": str(tmp_path / "store.sqlite")}
    proc = subprocess.Popen([str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "120", target],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as resp:
                    page = resp.read().decode()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"gunicorn did not serve: {proc.stdout.read().decode()[-2000:]}") from None
                time.sleep(0.5)
        assert "<title>semidash</title>" in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=60) as resp:
            assert resp.status == 200 and b"ctl-currency" in resp.read()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_graphs_start_with_a_quiet_placeholder(projects):
    """Before its callback answers, every view's graph has a figure with hidden axes and "Loading…" (not plotly's default axes)."""
    from dashboard.query import SELECTION_VIEWS
    from dashboard.ui import ids
    from dashboard.ui.app import create_app

    app = create_app(load=lambda: projects)
    layout = app.layout() if callable(app.layout) else app.layout
    wanted = set(ids.GRAPH.values())
    graphs = {g.id: g for g in layout._traverse() if isinstance(getattr(g, "id", None), str) and g.id in wanted}
    assert set(graphs) == {ids.GRAPH[v] for v in SELECTION_VIEWS}
    for g in graphs.values():
        fig = g.figure
        assert fig["data"] == [] and fig["layout"]["xaxis"]["visible"] is False and fig["layout"]["yaxis"]["visible"] is False
        assert [a["text"] for a in fig["layout"]["annotations"]] == ["Loading…"]
