"""The compare view: 2–6 picked projects side by side, with the rate behind
each number and the ratios between them. The picked projects are the
``compare`` field of the view state, so they are in the URL too."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.present.charts import compare_table, make_compare, ratio_lines
from dashboard.query import ViewState
from dashboard.query.selection import convert_rows
from dashboard.ui import ids

NAME = "compare"
#: outputs of this view beyond its graph
EXTRA_OUTPUTS: tuple[tuple[str, str], ...] = ((ids.COMPARE_TABLE, "children"), (ids.COMPARE_RATIOS, "children"),
                                              (ids.COMPARE_RATE_NOTE, "children"))


def create(graph: Any, project_options: Sequence[dict] = (), **_: Any) -> html.Div:
    """The compare tab: a picker of 2–6 projects, the bars, the table and the ratios."""
    return html.Div(
        [
            dcc.Dropdown(id=ids.COMPARE, options=list(project_options), value=list(ViewState().compare), multi=True,
                         placeholder="Pick 2 to 6 projects to compare…", className="mb-2"),
            graph,
            html.Div(id=ids.COMPARE_TABLE, className="mt-2 table-responsive"),
            dbc.RadioItems(id=ids.COMPARE_RATES, value=ViewState().compare_rates, inline=True, className="small mt-2",
                           options=[{"label": "Ratios at one rate date (they do not change with the currency)", "value": "one"},
                                    {"label": "Ratios at each project's own rate (the display basis)", "value": "each"}]),
            html.P(id=ids.COMPARE_RATE_NOTE, className="small text-secondary mb-1 compare-rate-note"),
            html.Ul(id=ids.COMPARE_RATIOS, className="mt-1"),
        ]
    )


def ratio_frame(df, state: ViewState):
    """The frame the ratios are computed from, and the sentence saying how:
    with ``compare_rates="one"`` every project is converted at the rates of one
    day (the as-of date, else the last day with rates), so a ratio is the same
    in every display currency; with ``"each"`` at the display basis."""
    from dashboard.query.bases import BASIS_PHRASES
    from dashboard.query.selection import conversion_settings

    if state.compare_rates == "each":
        return convert_rows(df, state.compare, state), (f"Ratios use each project's own rate ({BASIS_PHRASES[state.basis]}): "
                                    "between projects in different currencies they can change with the display currency.")
    fixed = state.replace(basis="fixed", real=False)
    day = conversion_settings(fixed)[2]
    return convert_rows(df, state.compare, fixed), (f"Ratios use one rate date for every project: the rates of {day.isoformat()}, "
                                "so they are the same in every display currency.")


def compare_children(converted, state: ViewState, ratio_source=None, rate_note: str = "") -> tuple[Any, ...]:
    """Figure, table, ratio list and the ratios' rate note of the compare view
    (``converted`` holds the picks or the whole converted frame: picks ignore the filters)."""
    fig = make_compare(converted, state.compare, state.currency, log=True if state.log else None)
    if not state.compare:
        return fig, html.P("No projects picked yet.", className="text-secondary small"), [], ""
    table = compare_table(converted, state.compare, state.currency)
    labels = ("Project", "As reported", f"In {state.currency}", "Quantities", "Rate", "Rate date", "Rate source", "Basis")
    header = html.Thead(html.Tr([html.Th(h) for h in labels]))

    def cell(label: str, value: Any, **kw: Any) -> html.Td:
        # data-label: on a phone each row is a card and every cell says what it is (semidash.css)
        return html.Td(value, **{"data-label": label}, **kw)

    body = html.Tbody([
        html.Tr([
            cell(labels[0], html.A(r.project, href=r.source_url, target="_blank", rel="noopener") if r.source_url else r.project),
            cell(labels[1], r.reported), cell(labels[2], r.converted or "no amount", className="fw-semibold"),
            cell(labels[3], r.quantities), cell(labels[4], r.rate), cell(labels[5], r.rate_date),
            cell(labels[6], r.rate_source), cell(labels[7], r.basis),
        ], **{"data-id": r.id})
        for r in table.itertuples()
    ])
    ratios = [html.Li(line) for line in ratio_lines(converted if ratio_source is None else ratio_source, state.compare)]
    return fig, dbc.Table([header, body], bordered=False, hover=True, size="sm", className="compare-table"), ratios, rate_note


def render(df, selected, state: ViewState) -> tuple:
    """``(figure, table, ratios, rate note)`` of the view. Only the picked rows
    are converted (:func:`~dashboard.query.selection.convert_rows`), at the
    display basis and for the ratios, whatever the size of the data."""
    source, note = ratio_frame(df, state) if state.compare else (None, "")
    return compare_children(convert_rows(df, state.compare, state), state, source, note)
