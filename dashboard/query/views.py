"""The views of the dashboard (its tabs), declared once: name, label, and
whether the view shows the selection.

The name is the URL's ``tab`` value and the tab's id; the label is what the
tab says. :mod:`dashboard.ui` builds the tabs, the graph ids and the
callback outputs from this table.

>>> [v.name for v in VIEWS if v.shows_selection][:3]
['ranking', 'timeline', 'map']
>>> LABELS["quantities"]
'GPUs · MW · wafers'
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["View", "VIEWS", "VIEW_NAMES", "SELECTION_VIEWS", "LABELS"]


@dataclass(frozen=True)
class View:
    """One tab: ``name`` (URL ``tab=`` value and tab id), ``label``, and
    ``shows_selection`` (a chart of the selected projects, rebuilt with the
    filters) or not (the article intake)."""

    name: str
    label: str
    shows_selection: bool = True


VIEWS: tuple[View, ...] = (
    View("ranking", "Ranking"),
    View("timeline", "Timeline"),
    View("map", "Map"),
    View("breakdown", "Breakdown"),
    View("compare", "Compare"),
    View("quantities", "GPUs · MW · wafers"),
    View("queue", "Review queue", shows_selection=False),
    View("article", "＋ Add from article", shows_selection=False),
)
VIEW_NAMES: tuple[str, ...] = tuple(v.name for v in VIEWS)
#: the views that chart the selection, in tab order
SELECTION_VIEWS: tuple[str, ...] = tuple(v.name for v in VIEWS if v.shows_selection)
LABELS: dict[str, str] = {v.name: v.label for v in VIEWS}
