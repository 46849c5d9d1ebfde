"""The quantities view: GPUs, MW and wafers per month of the selection."""
from __future__ import annotations

from dashboard.present.charts import make_quantities

NAME = "quantities"


def render(df, selected, state) -> tuple:
    """``(figure,)`` of the view for the selected frame."""
    return (make_quantities(selected, state.currency, log=state.log),)
