"""Tests of dashboard.query.views: the tabs declared once drive the ui's tabs, graphs and outputs."""
from __future__ import annotations

from dashboard.query import SELECTION_VIEWS, VIEW_NAMES, VIEWS


def test_names_are_unique_and_labelled():
    """Each view has one name and a label; the review queue and the article intake are the views that are not charts of the selection."""
    assert len(set(VIEW_NAMES)) == len(VIEWS) and all(v.label for v in VIEWS)
    assert [v.name for v in VIEWS if not v.shows_selection] == ["queue", "article"]


def test_ui_is_built_from_the_table(projects):
    """The page has one tab per view, with the table's labels, and one graph per chart view."""
    from dashboard.ui import ids
    from dashboard.ui.app import create_app

    page = create_app(load=lambda: projects).layout()
    tabs = []

    def walk(c):
        if type(c).__name__ == "Tab":
            tabs.append((c.tab_id, c.label))
        kids = getattr(c, "children", None)
        for k in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(k)

    walk(page)
    assert tabs == [(v.name, v.label) for v in VIEWS]
    assert tuple(ids.GRAPH) == SELECTION_VIEWS
