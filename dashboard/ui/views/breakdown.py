"""The breakdown view: the selection by country, company and category (umbrella plans once)."""
from __future__ import annotations

from dashboard.present.charts import make_breakdown
from dashboard.query import container_links

NAME = "breakdown"


def render(df, selected, state) -> tuple:
    """``(figure,)`` of the view for the selected frame."""
    # the parent links of the loaded frame, carried over to the selection (not every id looked up again)
    return (make_breakdown(selected, state.currency, links=container_links(df, selected)),)
