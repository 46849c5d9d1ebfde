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

from dashboard.present.charts import empty_figure, total_once
from dashboard.present.charts.notes import left_out
from dashboard.present.charts.objects import json_ready
from dashboard.present.charts.theme import PHONE_WIDTH, compact
from dashboard.present.format import format_amount
from dashboard.query import SELECTION_VIEWS, ViewState
from dashboard.query.bases import BASIS_PHRASES
from dashboard.query.selection import conversion_settings, convert_rows, free_company_names, select
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
    return (f"{n} project{'' if n == 1 else 's'} · {with_amount} with an amount · total {total or '0'} (each amount once) · "
            f"{BASIS_PHRASES[state.basis]}{real}")


#: the status whose amounts the total still holds, and says so (the dataset's rule is status-blind)
CANCELLED = "cancelled"


def cancelled_in_total(selected: pd.DataFrame) -> tuple[int, float]:
    """``(count, amount)`` of the cancelled projects the header total holds (``in_total`` rows with an amount).

    >>> cancelled_in_total(pd.DataFrame({"status": ["cancelled", "cancelled", "operating"], "in_total": [True, False, True],
    ...                                  "converted_value": [3e9, 9e9, 1e9]}))
    (1, 3000000000.0)
    """
    if "status" not in selected or len(selected) == 0:
        return 0, 0.0
    rows = (selected["status"] == CANCELLED).fillna(False).to_numpy(dtype=bool).copy()
    if "in_total" in selected:
        rows &= selected["in_total"].fillna(False).to_numpy(dtype=bool)
    rows &= selected["converted_value"].notna().to_numpy()
    return int(rows.sum()), float(selected["converted_value"].to_numpy(dtype="float64")[rows].sum())


def without_cancelled(state: ViewState) -> ViewState:
    """The state with every status but cancelled picked (the link "leave them out").

    >>> "cancelled" in without_cancelled(ViewState()).statuses, without_cancelled(ViewState(statuses=("cancelled", "operating"))).statuses
    (False, ('operating',))
    """
    from dashboard.data.schema import STATUSES

    kept = state.statuses or STATUSES
    return state.replace(statuses=tuple(s for s in kept if s != CANCELLED))


def summary_children(selected: pd.DataFrame, state: ViewState) -> list[Any]:
    """The summary line, then, when the total holds cancelled projects, how many
    and how much, with a link that leaves them out (the total stays the sum of
    ``in_total`` rows, as in the export; it never drops them unsaid)."""
    from dash import dcc, html

    text = summary_text(selected, state)
    n, amount = cancelled_in_total(selected)
    if not n:
        return [text]
    money = format_amount(amount, state.currency) or "0"
    return [text, html.Span([f" · includes {n} cancelled project{'s' if n != 1 else ''} ({money}) ",
                             dcc.Link("leave them out", href="?" + without_cancelled(state).to_query(),
                                    className="leave-out-cancelled")],
                            className="cancelled-note text-danger-emphasis")]


def company_notes(df: pd.DataFrame, state: ViewState) -> list[str]:
    """A sentence per company word of the link that picks no project (so an
    empty view is never a silent typo): ``company=sofbank picks no project …``."""
    from dashboard.query.selection import company_mask

    return [f"company={tok} picks no project: no company goes by it or has it in a name "
            "(the filter takes ids, names and aliases in any case, and groups as group:ID)"
            for tok in state.companies if not company_mask(df, (tok,)).any()]


def pick_notes(df: pd.DataFrame, state: ViewState) -> list[str]:
    """A sentence per country code and per compared id of the link that no
    project has (a well-formed ``country=XX`` otherwise empties every view
    without a word, and a mistyped ``compare=`` id vanishes).

    >>> frame = pd.DataFrame({"id": ["a", "b"], "country": ["JP", "KR"]})
    >>> pick_notes(frame, ViewState(countries=("JP", "XX"), compare=("a", "zz")))
    ['country=XX picks no project: no project of the data is in XX', 'compare=zz ignored: no project has this id']
    """
    from dashboard.query.selection import known_picks

    known = known_picks(df)  # once per frame, not a pass over a million ids per callback
    return ([f"country={c} picks no project: no project of the data is in {c}"
             for c in state.countries if c not in known["countries"]]
            + [f"compare={c} ignored: no project has this id" for c in state.compare if c not in known["compare"]])


def _rate_bounds() -> tuple:
    from dashboard.fx import bounds

    return bounds("USD")


def notice_children(notes: Sequence[str], error: str | None = None) -> list[Any]:
    """The notice over the tabs: a red line for an error, a small list of the
    link's ignored or corrected values (empty when all is well)."""
    import dash_bootstrap_components as dbc
    from dash import html

    out: list[Any] = []
    if error:
        out.append(dbc.Alert(error, color="danger", className="py-2 mb-2 small view-error"))
    if notes:
        out.append(dbc.Alert([html.Span("From the link: ", className="fw-semibold"),
                              html.Ul([html.Li(n) for n in notes], className="mb-0 ps-3")],
                             color="warning", className="py-2 mb-2 small link-notice", dismissable=True))
    return out


def view_outputs(df: pd.DataFrame, search: str | None, *, currencies: Sequence[str] | None = None,
                 viewport: float | None = None) -> list[Any]:
    """The main filter→figures step: select once, build the active view.

    Returns, in :data:`VIEW_OUTPUTS` order, one figure per view of
    :data:`dashboard.query.SELECTION_VIEWS` (``no_update`` for views not
    shown), the views' extra outputs (the compare table and ratios), then the
    summary line, the notice (ignored link values, errors) and the sentence
    saying what the active view leaves out.

    ``viewport`` is the window's width in CSS pixels: below
    :data:`~dashboard.present.charts.theme.PHONE_WIDTH` the figure is
    :func:`~dashboard.present.charts.theme.compact`.

    A view that fails never leaves the last numbers on screen: its graph says
    what went wrong, the summary is blanked and the notice says it in red.
    """
    state, notes = ViewState.read_query(search or "", currencies=currencies, rate_bounds=_rate_bounds(),
                                        company_names=free_company_names(df))
    notes = [*notes, *company_notes(df, state), *pick_notes(df, state)]
    values: dict[tuple[str, str], Any] = dict.fromkeys(VIEW_OUTPUTS, no_update)
    module = VIEW_MODULES.get(state.tab)
    outs = ((ids.GRAPH[module.NAME], "figure"), *getattr(module, "EXTRA_OUTPUTS", ())) if module is not None else ()
    try:
        selected = select(df, state)
        if module is not None:
            rendered = list(module.render(df, selected, state))
            if viewport is not None and viewport < PHONE_WIDTH:
                rendered[0] = compact(rendered[0])
            values.update(zip(outs, rendered))
        summary = summary_children(selected, state)
        # the review queue and the article intake chart nothing: no sentence about projects they "leave out"
        note = "" if module is None else left_out(
            state.tab, selected if state.tab != "compare" else convert_rows(df, state.compare, state), state.currency,
            log=state.log, top=getattr(module, "TOP", None), compare=state.compare)
        error = None
    except Exception as exc:  # noqa: BLE001 - shown to the reader, never a silent 500 with stale numbers
        import logging

        logging.getLogger(__name__).exception("view %s failed for %r", state.tab, search)
        error = f"The {state.tab} view could not be drawn ({type(exc).__name__}: {exc}). Nothing shown is left over from before."
        if module is not None:
            values.update(zip(outs, [empty_figure("This view could not be drawn; see the message above"),
                                     *([None] * (len(outs) - 1))]))
        summary, note = "—", ""
    return [values[o] for o in VIEW_OUTPUTS] + [summary, notice_children(notes, error), note]


def register_view_callbacks(app, frame: Callable[[], pd.DataFrame], currencies: Callable[[], Sequence[str]]) -> None:
    """Wire :func:`view_outputs` to ``app``; ``frame()`` gives the projects
    (current with the user's store). The views also listen to the data
    revision store (:data:`dashboard.ui.ids.DATA_REV`), which every save, edit
    and delete writes, so a change shows at once in the browser that made it."""

    @app.callback(*[Output(i, p) for i, p in VIEW_OUTPUTS], Output(ids.SUMMARY, "children"),
                  Output(ids.NOTICE, "children"), Output(ids.VIEW_NOTE, "children"), Output(ids.VIEWS_DONE, "data"),
                  Input(ids.URL, "search"), Input(ids.DATA_REV, "data"), Input(ids.VIEWPORT, "data"))
    def _views(search, rev, viewport):
        # VIEWS_DONE starts the grid's callback once the chart is on its way (the grid is below the chart)
        outputs = view_outputs(frame(), search, currencies=currencies(), viewport=viewport)
        # figures and components as plain JSON: Dash then encodes the answer in one orjson pass
        return [*(v if v is no_update else json_ready(v) for v in outputs), f"{search or ''}#{rev or ''}"]
