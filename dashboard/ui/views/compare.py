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
from dashboard.query.selection import convert
from dashboard.ui import ids

NAME = "compare"
#: outputs of this view beyond its graph
EXTRA_OUTPUTS: tuple[tuple[str, str], ...] = ((ids.COMPARE_TABLE, "children"), (ids.COMPARE_RATIOS, "children"))


def create(graph: Any, project_options: Sequence[dict] = (), **_: Any) -> html.Div:
    """The compare tab: a picker of 2–6 projects, the bars, the table and the ratios."""
    return html.Div(
        [
            dcc.Dropdown(id=ids.COMPARE, options=list(project_options), value=list(ViewState().compare), multi=True,
                         placeholder="Pick 2 to 6 projects to compare…", className="mb-2"),
            graph,
            html.Div(id=ids.COMPARE_TABLE, className="mt-2"),
            html.Ul(id=ids.COMPARE_RATIOS, className="mt-2"),
        ]
    )


def compare_children(converted, state: ViewState) -> tuple[Any, Any, Any]:
    """Figure, table and ratio list of the compare view (from the whole converted frame: picks ignore the filters)."""
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


def render(df, selected, state: ViewState) -> tuple:
    """``(figure, table, ratios)`` of the view."""
    return compare_children(convert(df, state), state)
