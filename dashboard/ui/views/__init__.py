"""One module per view, each with what it renders; this package wires them.

Every view that shows the selection (:data:`dashboard.query.SELECTION_VIEWS`)
has a module here with ``NAME``, ``render(df, selected, state)`` returning
its graph's figure (and the values of its ``EXTRA_OUTPUTS``, if any), and
optionally ``create(graph, **context)`` for a tab that holds more than its
graph. :func:`view_outputs` selects the frame once and renders the active view
only; the other outputs stay ``no_update`` (built when their tab opens).
The grid (:mod:`~dashboard.ui.views.grid`) and the article intake
(:mod:`~dashboard.ui.views.article`) register their own callbacks.

The work is done by plain functions taking the loaded frame, so tests call
them directly; :func:`register_view_callbacks` only wires them to an app.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import pandas as pd
from dash import Input, Output, no_update

from dashboard.present.charts import total_once
from dashboard.present.format import format_amount
from dashboard.query import SELECTION_VIEWS, ViewState
from dashboard.query.bases import BASIS_PHRASES
from dashboard.query.selection import conversion_settings, select
from dashboard.ui import ids
from dashboard.ui.views import breakdown, compare, map, quantities, ranking, timeline

#: view name -> its module, in tab order
VIEW_MODULES: dict[str, ModuleType] = {m.NAME: m for m in (ranking, timeline, map, breakdown, compare, quantities)}
assert tuple(VIEW_MODULES) == SELECTION_VIEWS, "every view of dashboard.query.VIEWS that shows the selection needs a module"

#: (id, property) of every output of the views callback: one graph per view, then the views' extra outputs
VIEW_OUTPUTS: tuple[tuple[str, str], ...] = (
    *((ids.GRAPH[name], "figure") for name in SELECTION_VIEWS),
    *(out for m in VIEW_MODULES.values() for out in getattr(m, "EXTRA_OUTPUTS", ())),
)


def summary_text(selected: pd.DataFrame, state: ViewState) -> str:
    """One line over the views: how many projects and their total, each amount once (the ``in_total`` rows)."""
    n = len(selected)
    with_amount = int(selected["converted_value"].notna().sum())
    total = format_amount(total_once(selected), state.currency)
    real_year = conversion_settings(state)[3]
    real = f", constant {real_year} US dollars" if real_year else ""
    return (f"{n} projects · {with_amount} with an amount · total {total or '0'} (each amount once) · "
            f"{BASIS_PHRASES[state.basis]}{real}")


def view_outputs(df: pd.DataFrame, search: str | None, *, currencies: Sequence[str] | None = None) -> list[Any]:
    """The main filter→figures step: select once, build the active view.

    Returns, in :data:`VIEW_OUTPUTS` order, one figure per view of
    :data:`dashboard.query.SELECTION_VIEWS` (``no_update`` for views not
    shown), the views' extra outputs (the compare table and ratios), and last
    the summary line.
    """
    state = ViewState.from_query(search or "", currencies=currencies)
    selected = select(df, state)
    values: dict[tuple[str, str], Any] = dict.fromkeys(VIEW_OUTPUTS, no_update)
    module = VIEW_MODULES.get(state.tab)
    if module is not None:
        outs = ((ids.GRAPH[module.NAME], "figure"), *getattr(module, "EXTRA_OUTPUTS", ()))
        values.update(zip(outs, module.render(df, selected, state)))
    return [values[o] for o in VIEW_OUTPUTS] + [summary_text(selected, state)]


def register_view_callbacks(app, frame: Callable[[], pd.DataFrame], currencies: Callable[[], Sequence[str]]) -> None:
    """Wire :func:`view_outputs` to ``app``; ``frame()`` gives the projects
    (current with the user's store). The views also listen to the data
    revision store (:data:`dashboard.ui.ids.DATA_REV`), which every save, edit
    and delete writes, so a change shows at once in the browser that made it."""

    @app.callback(*[Output(i, p) for i, p in VIEW_OUTPUTS], Output(ids.SUMMARY, "children"), Input(ids.URL, "search"),
                  Input(ids.DATA_REV, "data"))
    def _views(search, _rev):
        return view_outputs(frame(), search, currencies=currencies())
