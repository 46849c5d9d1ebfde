"""The callbacks, thin: the URL holds the state; one callback keeps controls
and URL in step, one computes the selected frame and the active view from the
URL, one fills the grid, one writes the CSV.

The work is done by plain functions taking the loaded frame, so tests call
them directly; :func:`register_callbacks` only wires them to an app.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.components.grid import GRID_MAX_ROWS, grid_rows
from dashboard.export import export_filename, to_csv
from dashboard.figures import (
    compare_table,
    make_breakdown,
    make_compare,
    make_map,
    make_quantities,
    make_ranking,
    make_timeline,
    ratio_lines,
    total_once,
)
from dashboard.formatting import format_amount
from dashboard.view import TABS, ViewState, conversion_settings, convert, select

# (component id, property) of every control, in ViewState order
CONTROLS: tuple[tuple[str, str], ...] = (
    (ids.CURRENCY, "value"),
    (ids.BASIS, "value"),
    (ids.AS_OF, "date"),
    (ids.REAL, "value"),
    (ids.REAL_YEAR, "value"),
    (ids.COUNTRY, "value"),
    (ids.COMPANY, "value"),
    (ids.CATEGORY, "value"),
    (ids.STATUS, "value"),
    (ids.DATES, "start_date"),
    (ids.DATES, "end_date"),
    (ids.TEXT, "value"),
    (ids.LOG, "value"),
    (ids.COLOR_BY, "value"),
    (ids.COMPARE, "value"),
    (ids.TABS, "active_tab"),
)
VIEW_OUTPUTS = tuple(ids.GRAPH[t] for t in TABS)


def controls_from_state(state: ViewState) -> list[Any]:
    """Control values showing ``state`` (in :data:`CONTROLS` order)."""
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return [
        state.currency, state.basis, iso(state.as_of), state.real, state.real_year,
        list(state.countries), list(state.companies), list(state.categories), list(state.statuses),
        iso(state.date_from), iso(state.date_to), state.text, state.log, state.color_by, list(state.compare), state.tab,
    ]


def state_from_controls(values: Sequence[Any], *, currencies: Sequence[str] | None = None) -> ViewState:
    """The state the controls show; goes through the URL reader, so a bad
    control value falls back to its default exactly as a bad URL value does."""
    (cur, basis, as_of, real, year, country, company, category, status, d0, d1, text, log, color, compare, tab) = values
    many = lambda v: [str(x) for x in (v or [])]  # noqa: E731
    query: dict[str, Any] = {
        "cur": cur or "", "basis": basis or "", "asof": as_of or "", "real": "1" if real else "0",
        "year": "" if year is None else str(int(year)) if isinstance(year, (int, float)) else str(year),
        "country": many(country), "company": many(company), "category": many(category), "status": many(status),
        "from": d0 or "", "to": d1 or "", "q": text or "", "log": "1" if log else "0", "color": color or "",
        "compare": many(compare), "tab": tab or "",
    }
    return ViewState.from_query(query, currencies=currencies)


def sync_url(search: str | None, values: Sequence[Any], triggered: str | None, *, currencies: Sequence[str] | None = None) -> list[Any]:
    """Keep the URL and the controls in step.

    When the URL changed (page load, back button, pasted link) the controls
    take its state; when a control changed, the URL takes theirs. Returns the
    new search string followed by the control values (``no_update`` where
    nothing changes).
    """
    if triggered == ids.URL or triggered is None:
        state = ViewState.from_query(search or "", currencies=currencies)
        shown = controls_from_state(state)
        return [no_update] + [new if new != old else no_update for new, old in zip(shown, values)]
    state = state_from_controls(values, currencies=currencies)
    query = state.to_query()
    new_search = f"?{query}" if query else ""
    return [new_search if new_search != (search or "") else no_update] + [no_update] * len(values)


def summary_text(selected: pd.DataFrame, state: ViewState) -> str:
    """One line over the views: how many projects and their total, once."""
    n = len(selected)
    with_amount = int(selected["converted_value"].notna().sum())
    total = format_amount(total_once(selected), state.currency)
    basis = {"announcement": "rates of the announcement day", "fixed": "rates of one date", "annual": "annual average rates",
             "latest": "latest rates"}[state.basis]
    real_year = conversion_settings(state)[3]
    real = f", constant {real_year} US dollars" if real_year else ""
    return f"{n} projects · {with_amount} with an amount · total {total or '0'} (umbrella plans once) · {basis}{real}"


def compare_children(converted: pd.DataFrame, state: ViewState) -> tuple[Any, Any, Any]:
    """Figure, table and ratio list of the compare view."""
    fig = make_compare(converted, state.compare, state.currency, log=True if state.log else None)
    if not state.compare:
        return fig, html.P("No projects picked yet.", className="text-secondary small"), []
    table = compare_table(converted, state.compare, state.currency)
    header = html.Thead(html.Tr([html.Th(h) for h in ("Project", "As reported", f"In {state.currency}", "Rate", "Rate date", "Rate source", "Basis")]))
    body = html.Tbody([
        html.Tr([
            html.Td(html.A(r.project, href=r.source_url, target="_blank", rel="noopener") if r.source_url else r.project),
            html.Td(r.reported), html.Td(r.converted, className="fw-semibold"), html.Td(r.rate),
            html.Td(r.rate_date), html.Td(r.rate_source), html.Td(r.basis),
        ], **{"data-id": r.id})
        for r in table.itertuples()
    ])
    ratios = [html.Li(line) for line in ratio_lines(converted, state.compare)]
    return fig, dbc.Table([header, body], bordered=False, hover=True, size="sm", className="compare-table"), ratios


def view_outputs(df: pd.DataFrame, search: str | None, *, currencies: Sequence[str] | None = None) -> list[Any]:
    """The main filter→figures step: select once, build the active view.

    Returns, in order: one figure per tab of :data:`dashboard.view.TABS`
    (``no_update`` for tabs not shown, they are built when opened), the
    compare table, the compare ratios and the summary line.
    """
    state = ViewState.from_query(search or "", currencies=currencies)
    selected = select(df, state)
    figs: dict[str, Any] = dict.fromkeys(TABS, no_update)
    table = ratios = no_update
    cur = state.currency
    if state.tab == "ranking":
        figs["ranking"] = make_ranking(selected, cur, log=state.log)
    elif state.tab == "timeline":
        figs["timeline"] = make_timeline(selected, cur, color_by=state.color_by, log=state.log)
    elif state.tab == "map":
        figs["map"] = make_map(selected, cur)
    elif state.tab == "breakdown":
        figs["breakdown"] = make_breakdown(selected, cur)
    elif state.tab == "quantities":
        figs["quantities"] = make_quantities(selected, cur, log=state.log)
    elif state.tab == "compare":
        figs["compare"], table, ratios = compare_children(convert(df, state), state)
    return [figs[t] for t in TABS] + [table, ratios, summary_text(selected, state)]


def grid_key(state: ViewState) -> str:
    """The part of the state the grid depends on (not tab, scale, colours, compare)."""
    return state.replace(tab="ranking", log=False, color_by="country", compare=()).to_query()


def grid_outputs(df: pd.DataFrame, search: str | None, old_key: str | None, *, currencies: Sequence[str] | None = None,
                 data_rev: str = "") -> list[Any]:
    """Rows of the grid, the note under it and the grid key (all ``no_update``
    when only the tab or the look changed; ``data_rev``, the store's revision,
    is part of the key, so a saved record always reaches the grid)."""
    state = ViewState.from_query(search or "", currencies=currencies)
    key = grid_key(state) + (f"#{data_rev}" if data_rev else "")
    if key == old_key:
        return [no_update, no_update, no_update]
    selected = select(df, state)
    rows = grid_rows(selected, state.currency)
    note = (f"largest {GRID_MAX_ROWS:,} of {len(selected):,} shown; narrow the filters to see the rest"
            if len(selected) > GRID_MAX_ROWS else f"{len(selected):,} rows")
    return [rows, note, key]


def export_download(df: pd.DataFrame, search: str | None, shown_rows: list[dict] | None, *, currencies: Sequence[str] | None = None) -> dict:
    """``dcc.Download`` data: the CSV of the grid's displayed rows in their
    displayed order (all selected rows the grid holds when it reports none)."""
    state = ViewState.from_query(search or "", currencies=currencies)
    selected = select(df, state)
    if shown_rows is None:
        row_ids = selected["id"].astype(str).iloc[:GRID_MAX_ROWS].tolist()
    else:
        row_ids = [str(r["id"]) for r in shown_rows if r and "id" in r]
    name = export_filename(state.currency, state.basis, real_year=state.real_year if state.real else None)
    return dcc.send_string(to_csv(selected, row_ids), name, type="text/csv")


def register_callbacks(app, frame: Callable[[], pd.DataFrame], currencies: Callable[[], Sequence[str]],
                       revision: Callable[[], str] = lambda: "") -> None:
    """Wire the functions above to ``app``; ``frame()`` gives the projects
    (current with the user's store), ``revision()`` the store's revision.

    The views and the grid also listen to the data revision store
    (:data:`dashboard.ids.DATA_REV`), which every save, edit and delete writes,
    so a change shows at once in the browser that made it; other browsers see
    it with their next request, since ``frame()`` follows the store."""
    control_inputs = [Input(c, p) for c, p in CONTROLS]

    @app.callback(Output(ids.URL, "search"), *[Output(c, p) for c, p in CONTROLS], Input(ids.URL, "search"), *control_inputs)
    def _sync(search, *values):
        return sync_url(search, values, ctx.triggered_id, currencies=currencies())

    @app.callback(*[Output(g, "figure") for g in VIEW_OUTPUTS], Output(ids.COMPARE_TABLE, "children"),
                  Output(ids.COMPARE_RATIOS, "children"), Output(ids.SUMMARY, "children"), Input(ids.URL, "search"),
                  Input(ids.DATA_REV, "data"))
    def _views(search, _rev):
        return view_outputs(frame(), search, currencies=currencies())

    @app.callback(Output(ids.GRID, "rowData"), Output(ids.GRID_NOTE, "children"), Output(ids.GRID_KEY, "data"),
                  Input(ids.URL, "search"), Input(ids.DATA_REV, "data"), State(ids.GRID_KEY, "data"))
    def _grid(search, _rev, key):
        df = frame()
        return grid_outputs(df, search, key, currencies=currencies(), data_rev=revision())

    @app.callback(Output(ids.DOWNLOAD, "data"), Input(ids.DOWNLOAD_BUTTON, "n_clicks"), State(ids.URL, "search"),
                  State(ids.GRID, "virtualRowData"), prevent_initial_call=True)
    def _download(_clicks, search, shown):
        return export_download(frame(), search, shown, currencies=currencies())
