"""The controls panel (every field of the view state in one card) and the
callbacks that keep the controls, the URL and the options in step.

The controls, their ids, their properties and their defaults all come from
the field table :data:`dashboard.query.FIELDS`: :data:`CONTROLS` is that
table's ``(component id, property)`` column, and the URL callback reads and
writes through :class:`~dashboard.query.ViewState`.
"""
from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, State, ctx, dcc, html, no_update

from dashboard.query import COLOR_BY, FIELDS, ViewState
from dashboard.query.bases import basis_options
from dashboard.query.state import REAL_YEARS
from dashboard.ui import ids

#: (component id, property) of every control, in field-table order
CONTROLS: tuple[tuple[str, str], ...] = tuple(f.control for f in FIELDS)
_DEFAULT = ViewState()


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
                dcc.Dropdown(id=ids.CURRENCY, options=list(currencies), value=_DEFAULT.currency, clearable=False),
                _label("Exchange rate"),
                dcc.Dropdown(id=ids.BASIS, options=basis_options(), value=_DEFAULT.basis, clearable=False, searchable=False),
                _label("As of (fixed date / latest)"),
                dcc.DatePickerSingle(id=ids.AS_OF, date=None, min_date_allowed=lo, max_date_allowed=hi, display_format="YYYY-MM-DD",
                                     placeholder="latest available", clearable=True, className="w-100"),
                dbc.Row(
                    [
                        dbc.Col(dbc.Switch(id=ids.REAL, label="Constant prices", value=False, className="mt-2",
                                           label_id="ctl-real-label"), width=7),
                        dbc.Col(dbc.Input(id=ids.REAL_YEAR, type="number", min=REAL_YEARS[0], max=REAL_YEARS[1], step=1, value=_DEFAULT.real_year,
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
                dbc.RadioItems(id=ids.COLOR_BY, options=[{"label": c, "value": c} for c in COLOR_BY],
                               value=_DEFAULT.color_by, inline=True, className="small"),
                dbc.Button("Reset", id=ids.RESET, color="secondary", outline=True, size="sm", className="mt-3 w-100", href="?"),
            ]
        ),
        className="shadow-sm",
    )


def sync_url(search: str | None, values: Sequence[Any], triggered: str | None, *, currencies: Sequence[str] | None = None,
             company_names: Sequence[str] | None = None, offered: Mapping[str, Container[str]] | None = None) -> list[Any]:
    """Keep the URL and the controls in step.

    When the URL changed (page load, back button, pasted link) the controls
    take its state; when a control changed the state, the URL takes theirs (a
    control that only echoes the link's state leaves the link as written, so
    ``?cur=CYP`` keeps its notice). Returns the
    new search string followed by the control values (``no_update`` where
    nothing changes).

    ``offered`` maps a state field (``countries``, ``compare``) to the values
    its dropdown offers: a dropdown drops a linked value it does not offer
    (``country=XX``, a mistyped ``compare=`` id), and that is an echo of the
    link too, so the link and its notice naming the value stay.
    """
    if triggered == ids.URL or triggered is None:
        state = ViewState.from_query(search or "", currencies=currencies, company_names=company_names)
        shown = state.to_controls()
        return [no_update] + [new if new != old else no_update for new, old in zip(shown, values)]
    state = ViewState.from_controls(values, currencies=currencies, company_names=company_names)
    linked = ViewState.from_query(search or "", currencies=currencies, company_names=company_names)
    echo = state  # the controls' state with each field a dropdown pruned (values it does not offer) read as the link's
    for field, allowed in (offered or {}).items():
        if getattr(state, field) == tuple(v for v in getattr(linked, field) if v in allowed):
            echo = echo.replace(**{field: getattr(linked, field)})
    if echo == linked:
        # the controls only echo the link (a control settling on mount): keep the link as written, so its
        # notice of ignored or corrected values stays until the reader changes something
        return [no_update] * (len(values) + 1)
    query = state.to_query()
    new_search = f"?{query}" if query else ""
    return [new_search if new_search != (search or "") else no_update] + [no_update] * len(values)


def real_toggle(currency: str | None) -> tuple[bool, bool, str]:
    """``(switch disabled, year disabled, note)``: constant prices are constant
    US dollars (US CPI), so they apply only when the target currency is USD.

    >>> real_toggle("USD")
    (False, False, '')
    >>> real_toggle("KRW")[2]
    'Constant prices use US CPI and apply to USD only; KRW amounts are nominal.'
    """
    if (currency or "USD") == "USD":
        return False, False, ""
    return True, True, f"Constant prices use US CPI and apply to USD only; {currency} amounts are nominal."


def company_options(df) -> list[dict]:
    """Options of the company filter for the projects ``df``: first each group
    with two or more companies in the data (picking it picks all of them), then
    each company by its ``company_id``, then names that a user's record holds
    without an id. Each option's ``search`` holds every name and alias, so the
    search box finds ``softbank``, ``SBG`` or ``소프트뱅크`` in any case.

    >>> import pandas as pd
    >>> opts = company_options(pd.DataFrame({"company_ids": ["softbank-group;openai", "softbank-corp", None],
    ...                                      "company": ["SoftBank Group; OpenAI", "SoftBank Corp.", "Acme Fabs"]}))
    >>> [o["value"] for o in opts]
    ['group:softbank', 'openai', 'softbank-corp', 'softbank-group', 'Acme Fabs']
    >>> opts[0]["label"]
    'SoftBank Group — whole group (2 companies)'
    """
    from dashboard.data.companies import NAME_COLUMNS, company_groups, group_label, load_companies

    table = load_companies()
    ids_col = df["company_ids"] if "company_ids" in df else df["company"].iloc[:0]
    present = set(ids_col.dropna().astype(str).str.split(";").explode().str.strip()) & set(table.index)

    def names_of(cid: str) -> str:
        row = table.loc[cid]
        return " ".join(str(row[c]).replace(";", " ") for c in NAME_COLUMNS if isinstance(row[c], str))

    out: list[dict] = []
    for gid, members in company_groups().items():
        held = [m for m in members if m in present]
        if len(held) < 2:
            continue
        member_names = ", ".join(str(table.at[m, "name_en"]) for m in held)
        out.append({"label": f"{group_label(gid)} — whole group ({len(held)} companies)",
                    "value": f"group:{gid}", "title": member_names,
                    "search": f"{group_label(gid)} group {gid} " + " ".join(names_of(m) for m in held)})
    out.sort(key=lambda o: o["label"].casefold())
    companies = sorted(present, key=lambda c: str(table.at[c, "name_en"]).casefold())
    out.extend({"label": str(table.at[c, "name_en"]), "value": c, "search": f"{names_of(c)} {c}"} for c in companies)
    # a user's record may name a company that companies.csv does not hold
    if "company" in df:
        unknown = df["company"][ids_col.reindex(df.index).isna() | (ids_col.reindex(df.index).astype(str) == "")]
        from dashboard.query import company_names

        out.extend({"label": n, "value": n, "search": n} for n in company_names(unknown))
    return out


def project_options(df) -> tuple[list[dict], list[str], list[dict]]:
    """Options of the compare picker, the country and the company filters for ``df``."""
    options = [{"label": f"{p} ({c})", "value": i} for i, p, c in
               zip(df["id"].astype(str), df["project"].astype(str), df["company"].fillna("").astype(str))]
    return options, sorted(df["country"].dropna().astype(str).unique()), company_options(df)


_offered: list = [None, ()]
def offered_picks(df) -> dict[str, frozenset[str]]:
    """The values the country filter and the compare picker offer for ``df``
    (:func:`project_options`), once per loaded frame."""
    from dashboard.query.selection import known_picks

    return known_picks(df)


def currencies_for(df) -> tuple[str, ...]:
    """The currencies offered for the projects ``df``: those whose rates cover
    every announcement (:func:`dashboard.query.state.offered_currencies`),
    computed once per loaded frame (the views ask on every callback)."""
    if _offered[0] is df:
        return _offered[1]
    from dashboard.query.state import offered_currencies

    dates = df["announced_date"].dropna() if "announced_date" in df else ()
    if len(dates):
        result = offered_currencies(dates.min().date(), dates.max().date())
    else:
        result = offered_currencies()
    _offered[:] = [df, result]
    return result


def register_control_callbacks(app, frame: Callable[[], Any], currencies: Callable[[], Sequence[str]]) -> None:
    """Wire the controls: URL <-> controls, the constant-prices switch, and
    the options that follow the data (after a record is saved or deleted)."""

    @app.callback(Output(ids.URL, "search"), *[Output(c, p) for c, p in CONTROLS], Input(ids.URL, "search"),
                  *[Input(c, p) for c, p in CONTROLS])
    def _sync(search, *values):
        from dashboard.query.selection import free_company_names

        df = frame()
        return sync_url(search, values, ctx.triggered_id, currencies=currencies(), company_names=free_company_names(df),
                        offered=offered_picks(df))

    @app.callback(Output(ids.CONTROLS_COLLAPSE, "is_open"), Input(ids.CONTROLS_TOGGLE, "n_clicks"),
                  State(ids.CONTROLS_COLLAPSE, "is_open"), prevent_initial_call=True)
    def _toggle(_n, is_open):
        return not is_open

    # the window's width, once per page load (phones get compact figures)
    app.clientside_callback("function(_) { return window.innerWidth; }", Output(ids.VIEWPORT, "data"),
                            Input(ids.URL, "pathname"))

    @app.callback(Output(ids.REAL, "disabled"), Output(ids.REAL_YEAR, "disabled"), Output(ids.REAL_NOTE, "children"),
                  Input(ids.CURRENCY, "value"))
    def _real(currency):
        return real_toggle(currency)

    @app.callback(Output(ids.COMPARE, "options"), Output(ids.COUNTRY, "options"), Output(ids.COMPANY, "options"),
                  Input(ids.DATA_REV, "data"), prevent_initial_call=True)
    def _options(_rev):
        return project_options(frame())
