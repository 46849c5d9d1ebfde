"""The map view: sites of the selection, sized by amount (offline base maps)."""
from __future__ import annotations

from dashboard.present.charts import make_map

NAME = "map"


def render(df, selected, state) -> tuple:
    """``(figure,)`` of the view for the selected frame."""
    return (make_map(selected, state.currency),)
