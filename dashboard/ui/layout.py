"""The page: header, controls beside the views (one tab per view of
:data:`dashboard.query.VIEWS`), the grid and the download button."""
from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.query import VIEWS, ViewState
from dashboard.ui import ids
from dashboard.ui.controls import create_controls
from dashboard.ui.views import VIEW_MODULES
from dashboard.ui.views.article import create_article_view, create_record_modals
from dashboard.ui.views.grid import create_grid
from dashboard.ui.views.queue import create_queue_view

#: what a graph shows until its view's callback answers: no axes (plotly's default -1…6 axes meant nothing), one quiet word
PLACEHOLDER: dict = {
    "data": [],
    "layout": {
        "height": 320, "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "xaxis": {"visible": False}, "yaxis": {"visible": False},
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
        "annotations": [{"text": "Loading…", "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper",
                         "font": {"size": 14, "color": "#9ca3af"}}],
        "meta": {"placeholder": True},
    },
}


def graph(name: str, topojson_url: str) -> dcc.Graph:
    """A graph of one view: offline base maps, PNG download from the toolbar;
    :data:`PLACEHOLDER` until its figure arrives."""
    return dcc.Graph(
        id=ids.GRAPH[name],
        figure=PLACEHOLDER,
        config={
            "topojsonURL": topojson_url,
            "displaylogo": False,
            "responsive": True,
            "toImageButtonOptions": {"format": "png", "filename": f"semidash-{name}", "scale": 2},
        },
        style={"minHeight": "320px"},
    )


def create_layout(
    *,
    topojson_url: str,
    currencies: Sequence[str],
    countries: Sequence[str],
    companies: Sequence[str],
    categories: Sequence[str],
    statuses: Sequence[str],
    project_options: Sequence[dict],
    rate_bounds: tuple[str | None, str | None] = (None, None),
) -> dbc.Container:
    """The whole page (the URL fills the controls once it has loaded)."""
    tabs = []
    for view in VIEWS:
        if not view.shows_selection:  # the review queue and the article intake, at the right end
            body = create_queue_view() if view.name == "queue" else create_article_view()
            right = "ms-auto" if not any(not v.shows_selection for v in VIEWS[:VIEWS.index(view)]) else ""
            tabs.append(dbc.Tab(body, label=view.label, tab_id=view.name, tab_class_name=right))
            continue
        create = getattr(VIEW_MODULES[view.name], "create", None)
        body = graph(view.name, topojson_url)
        if create is not None:
            body = create(body, project_options=project_options)
        tabs.append(dbc.Tab(dcc.Loading(body, type="dot", delay_show=400), label=view.label, tab_id=view.name))
    return dbc.Container(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.GRID_KEY),
            dcc.Store(id=ids.DATA_REV, data=""),
            create_record_modals(),
            dcc.Download(id=ids.DOWNLOAD),
            dcc.Store(id=ids.VIEWPORT),
            dcc.Store(id=ids.VIEWS_DONE),
            html.Div(
                [
                    html.H4("semidash", className="mb-0 fw-bold"),
                    html.Span("Semiconductor and AI-infrastructure investment, on one scale", className="text-secondary ms-3 tagline"),
                    html.Span(id=ids.SUMMARY, className="ms-lg-auto small text-secondary summary"),
                ],
                className="d-flex flex-wrap align-items-baseline column-gap-3 py-3 page-header",
            ),
            dbc.Button("Currency and filters", id=ids.CONTROLS_TOGGLE, color="secondary", outline=True, size="sm",
                       className="d-lg-none w-100 mb-2 controls-toggle", n_clicks=0),
            dbc.Row(
                [
                    dbc.Col(dbc.Collapse(create_controls(currencies=currencies, countries=countries, companies=companies,
                                                         categories=categories, statuses=statuses, rate_bounds=rate_bounds),
                                         id=ids.CONTROLS_COLLAPSE, is_open=False, className="controls-collapse mb-2"), lg=3),
                    dbc.Col(
                        [
                            html.Div(id=ids.NOTICE, role="status"),
                            dbc.Tabs(tabs, id=ids.TABS, active_tab=ViewState().tab, className="mb-2"),
                            html.P(id=ids.VIEW_NOTE, className="small text-secondary mb-1 view-note"),
                            dbc.Card(
                                dbc.CardBody(
                                    [
                                        html.Div(
                                            [
                                                html.H6("Projects", className="mb-0 fw-semibold"),
                                                html.Span(id=ids.GRID_NOTE, className="small text-secondary ms-3"),
                                                html.Span(id=ids.GRID_ROW_NOTE, className="small text-secondary ms-auto me-2 text-truncate"),
                                                dbc.Button("Edit", id=ids.GRID_EDIT, color="secondary", outline=True, size="sm", disabled=True,
                                                           className="me-1", title="edit the selected record (your own records only)"),
                                                dbc.Button("Delete", id=ids.GRID_DELETE, color="danger", outline=True, size="sm", disabled=True,
                                                           className="me-2", title="delete the selected record (your own records only)"),
                                                dbc.ButtonGroup([
                                                    dbc.Button("CSV", id=ids.DOWNLOAD_BUTTON, color="primary", size="sm",
                                                               title="download the rows shown as CSV (UTF-8)"),
                                                    dbc.Button("CSV for Excel", id=ids.DOWNLOAD_CSV_BOM, color="primary", outline=True, size="sm",
                                                               title="CSV with a UTF-8 byte-order mark: Excel shows Korean and Japanese text right"),
                                                    dbc.Button("XLSX", id=ids.DOWNLOAD_XLSX, color="primary", size="sm",
                                                               title="the rows shown as an Excel workbook, with an About sheet (rates, total)"),
                                                ], size="sm", className="download-buttons"),
                                            ],
                                            className="d-flex flex-wrap align-items-center row-gap-1 mb-2 grid-header",
                                        ),
                                        create_grid(),
                                    ]
                                ),
                                className="shadow-sm mt-3 mb-4",
                            ),
                        ],
                        lg=9,
                    ),
                ],
                className="page-row",
            ),
        ],
        fluid=True,
        className="px-2 px-md-4",
    )
