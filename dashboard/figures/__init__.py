"""Pure figure builders: each takes the selected frame (see
:func:`dashboard.view.select`) and the target currency and returns a
``plotly.graph_objects.Figure``. No Dash imports here; the look comes from one
template (:mod:`dashboard.figures.theme`).
"""
from __future__ import annotations

from dashboard.figures.breakdown import breakdown_nodes, make_breakdown, total_once
from dashboard.figures.compare import compare_table, make_compare, ratio_lines
from dashboard.figures.map import make_map
from dashboard.figures.quantities import make_quantities, quantities_table
from dashboard.figures.ranking import make_ranking
from dashboard.figures.theme import TEMPLATE, empty_figure, register
from dashboard.figures.timeline import make_timeline

register()

__all__ = [
    "TEMPLATE",
    "breakdown_nodes",
    "compare_table",
    "empty_figure",
    "make_breakdown",
    "make_compare",
    "make_map",
    "make_quantities",
    "make_ranking",
    "make_timeline",
    "quantities_table",
    "ratio_lines",
    "register",
    "total_once",
]
