"""The ranking view: the largest projects of the selection as bars."""
from __future__ import annotations

from dashboard.present.charts import make_ranking

NAME = "ranking"
#: bars drawn (the view note says how many more there are)
TOP = 25


def render(df, selected, state) -> tuple:
    """``(figure,)`` of the view for the selected frame."""
    from dashboard.ui.views.grid import replacement_names

    return (make_ranking(selected, state.currency, log=state.log, top=TOP, names=replacement_names(df, selected)),)
