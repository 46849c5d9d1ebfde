"""The controls panel: every setting of the view in one card."""
from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.view import DEFAULT_REAL_YEAR

BASIS_OPTIONS = [
    {"label": "Rate on the announcement day", "value": "announcement"},
    {"label": "Fixed date (as of)", "value": "fixed"},
    {"label": "Average of the announcement year", "value": "annual"},
    {"label": "Latest rate", "value": "latest"},
]


def _label(text: str) -> html.Label:
    return html.Label(text, className="form-label small fw-semibold text-secondary mb-1 mt-2")


def _multi(id_: str, options: Sequence, placeholder: str) -> dcc.Dropdown:
    return dcc.Dropdown(id=id_, options=list(options), value=[], multi=True, placeholder=placeholder, className="small")


def create_controls(
    *,
    currencies: Sequence[str],
    countries: Sequence[str],
    companies: Sequence[str],
    categories: Sequence[str],
    statuses: Sequence[str],
    rate_bounds: tuple[str | None, str | None] = (None, None),
) -> dbc.Card:
    """The card of controls; values are filled from the URL by a callback."""
    lo, hi = rate_bounds
    return dbc.Card(
        dbc.CardBody(
            [
                _label("Show amounts in"),
                dcc.Dropdown(id=ids.CURRENCY, options=list(currencies), value="USD", clearable=False),
                _label("Exchange rate"),
                dcc.Dropdown(id=ids.BASIS, options=BASIS_OPTIONS, value="announcement", clearable=False, searchable=False),
                _label("As of (fixed date / latest)"),
                dcc.DatePickerSingle(id=ids.AS_OF, date=None, min_date_allowed=lo, max_date_allowed=hi, display_format="YYYY-MM-DD",
                                     placeholder="latest available", clearable=True, className="w-100"),
                dbc.Row(
                    [
                        dbc.Col(dbc.Switch(id=ids.REAL, label="Constant prices", value=False, className="mt-2",
                                           label_id="ctl-real-label"), width=7),
                        dbc.Col(dbc.Input(id=ids.REAL_YEAR, type="number", min=1913, max=2100, step=1, value=DEFAULT_REAL_YEAR,
                                          size="sm", debounce=True, className="mt-2"), width=5),
                    ],
                    className="g-1",
                ),
                dbc.Tooltip("Constant US dollars of the base year (US CPI). Applies when amounts are shown in USD.",
                            target="ctl-real-label", placement="right"),
                html.Div(id=ids.REAL_NOTE, className="small text-secondary real-note"),
                html.Hr(className="my-2"),
                _label("Country"),
                _multi(ids.COUNTRY, countries, "All countries"),
                _label("Company"),
                _multi(ids.COMPANY, companies, "All companies"),
                _label("Category"),
                _multi(ids.CATEGORY, categories, "All categories"),
                _label("Status"),
                _multi(ids.STATUS, [{"label": s.replace("_", " "), "value": s} for s in statuses], "Any status"),
                _label("Announced between"),
                dcc.DatePickerRange(id=ids.DATES, start_date=None, end_date=None, display_format="YYYY-MM-DD", clearable=True,
                                    start_date_placeholder_text="from", end_date_placeholder_text="to", className="w-100"),
                _label("Search"),
                dbc.Input(id=ids.TEXT, type="search", value="", placeholder="name, place, figure, note…", debounce=True, size="sm"),
                html.Hr(className="my-2"),
                dbc.Switch(id=ids.LOG, label="Logarithmic scale", value=False),
                _label("Colour timeline by"),
                dbc.RadioItems(id=ids.COLOR_BY, options=[{"label": "country", "value": "country"}, {"label": "category", "value": "category"}],
                               value="country", inline=True, className="small"),
                dbc.Button("Reset", id=ids.RESET, color="secondary", outline=True, size="sm", className="mt-3 w-100", href="?"),
            ]
        ),
        className="shadow-sm",
    )
