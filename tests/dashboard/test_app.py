"""Tests of dashboard.app: the factory, offline base maps, the gunicorn server object."""
from __future__ import annotations

from dashboard import ids


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
