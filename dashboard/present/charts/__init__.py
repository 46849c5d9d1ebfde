"""Pure figure builders: each takes the selected frame (see
:func:`dashboard.query.select`) and the target currency and returns a
``plotly.graph_objects.Figure``. No Dash imports here; the look comes from one
template (:mod:`dashboard.present.charts.theme`).
"""
from __future__ import annotations

from dashboard.present.charts.breakdown import breakdown_nodes, make_breakdown, total_once
from dashboard.present.charts.compare import compare_table, make_compare, ratio_lines
from dashboard.present.charts.map import make_map
from dashboard.present.charts.quantities import make_quantities, quantities_table
from dashboard.present.charts.ranking import make_ranking
from dashboard.present.charts.theme import TEMPLATE, empty_figure, register
from dashboard.present.charts.timeline import make_timeline

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
