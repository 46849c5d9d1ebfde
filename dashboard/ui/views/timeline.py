"""The timeline view: amounts by announcement date, coloured by country or category."""
from __future__ import annotations

from dashboard.present.charts import make_timeline

NAME = "timeline"


def render(df, selected, state) -> tuple:
    """``(figure,)`` of the view for the selected frame."""
    return (make_timeline(selected, state.currency, color_by=state.color_by, log=state.log),)
