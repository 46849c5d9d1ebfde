"""The breakdown view: the selection by country, company and category (umbrella plans once)."""
from __future__ import annotations

from dashboard.present.charts import make_breakdown

NAME = "breakdown"


def render(df, selected, state) -> tuple:
    """``(figure,)`` of the view for the selected frame."""
    return (make_breakdown(selected, state.currency),)
