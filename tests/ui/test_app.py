"""Tests of dashboard.ui.app (and its WSGI entry dashboard.app): the factory, offline base maps, the server object."""
from __future__ import annotations

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


def test_grid_key_changes_with_data_revision(projects):
    """The grid resends its rows when the data revision changes, even for the same view."""
    from dash import no_update

    from dashboard.ui.views.grid import grid_outputs

    rows, _, key = grid_outputs(projects, "?cur=USD", None, data_rev="(0, None)")
    assert grid_outputs(projects, "?cur=USD&tab=map", key, data_rev="(0, None)") == [no_update] * 3
    again = grid_outputs(projects, "?cur=USD", key, data_rev="(1, '2026-11-23')")
    assert again[0] == rows and again[2] != key
    assert all("origin" in r for r in rows)
