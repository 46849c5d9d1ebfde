"""The grid view: the dash-ag-grid of the selected projects under the
charts, and its CSV download (exactly the grid's rows, in the grid's order)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import dash_ag_grid as dag
import pandas as pd
from dash import Input, Output, State, ctx, dcc, no_update

from dashboard.present.export import export_filename, provenance_rows, to_csv, to_xlsx
from dashboard.query import ViewState
from dashboard.query.bases import BASIS_PHRASES
from dashboard.query.selection import conversion_settings, free_company_names, rows_by_id, select

from dashboard.ui import ids
from dashboard.present.format import format_amounts, rate_date_labels, rate_labels

# the grid never gets more rows than this (largest first); the note says so
GRID_MAX_ROWS = 5000

_TEXT = {"filter": "agTextColumnFilter"}
_NUM = {"filter": "agNumberColumnFilter", "type": "numericColumn"}

COLUMN_DEFS = [
    {"field": "project", "headerName": "Project", "pinned": "left", "minWidth": 240, **_TEXT,
     "cellClassRules": {"superseded": "params.data && params.data.superseded_by"}},
    {"field": "converted_value", "headerName": "Converted", "minWidth": 130, "sort": "desc", **_NUM,
     "valueFormatter": {"function": "params.data ? params.data.converted_label : ''"}},
    {"field": "amount_reported", "headerName": "As reported", "minWidth": 140, **_TEXT},
    {"field": "company", "headerName": "Company", "minWidth": 170, **_TEXT},
    {"field": "country", "headerName": "Country", "width": 95, **_TEXT},
    {"field": "category", "headerName": "Category", "width": 120, **_TEXT},
    {"field": "status", "headerName": "Status", "width": 140, **_TEXT},
    {"field": "superseded_by", "headerName": "Superseded by", "minWidth": 180, **_TEXT,
     "headerTooltip": "A later plan replaced this one: it is kept for the record and not counted in the total"},
    {"field": "announced", "headerName": "Announced", "width": 120, **_TEXT},
    {"field": "fx_rate", "headerName": "Rate", "minWidth": 170, **_NUM,
     "valueFormatter": {"function": "params.data ? params.data.rate_label : ''"}},
    {"field": "fx_rate_date", "headerName": "Rate date", "width": 120, **_TEXT},
    {"field": "fx_source", "headerName": "Rate source", "minWidth": 140, **_TEXT},
    {"field": "source", "headerName": "Source", "minWidth": 200, "cellRenderer": "markdown", "linkTarget": "_blank", **_TEXT},
    {"field": "further_sources", "headerName": "More sources", "width": 120, "tooltipField": "further_source_urls",
     **_NUM},
    {"field": "origin", "headerName": "Origin", "width": 100, **_TEXT,
     "cellClassRules": {"origin-user": "params.value === 'user'"}},
]


def _md_text(s: pd.Series) -> pd.Series:
    return s.astype(object).fillna("").astype(str).str.replace(r"([\[\]\(\)\\*_`<>])", r"\\\1", regex=True)


def grid_rows(selected: pd.DataFrame, currency: str, *, limit: int = GRID_MAX_ROWS,
              names: dict[str, str] | None = None) -> list[dict]:
    """Row dicts for the grid: the first ``limit`` rows of the selected frame,
    converted amounts and rates both as numbers (sorting) and as labels; a
    superseded plan's ``superseded_by`` is the project that replaced it
    (its name from ``names``, id -> project, else its id).

    >>> sel = pd.DataFrame({"id": ["a"], "project": ["Lab"], "company": ["S"], "country": ["JP"], "category": ["rnd"],
    ...     "status": ["announced"], "announced": ["2023-12-21"], "amount_reported": ["400억엔"], "currency": ["JPY"],
    ...     "converted_value": [3.6e11], "converted_currency": ["KRW"], "fx_rate": [9.0], "fx_rate_date": [pd.Timestamp("2023-12-21")],
    ...     "fx_source": ["ECB"], "source_url": ["https://example.org/a"], "source_publisher": ["Dong-A"]})
    >>> row = grid_rows(sel, "KRW")[0]
    >>> row["converted_label"], row["rate_label"], row["fx_rate_date"], row["source"]
    ('3,600억원', '1 JPY = 9 KRW', '2023-12-21', '[Dong-A](https://example.org/a)')
    """
    data = selected.iloc[:limit]
    rate = data["fx_rate"].to_numpy(dtype="float64")
    publisher = data["source_publisher"].astype(object).fillna("").astype(str)
    url = data["source_url"].astype(object).fillna("").astype(str)
    label = _md_text(publisher.where(publisher != "", url.str.replace(r"^https?://([^/]+).*$", r"\1", regex=True)))
    out = pd.DataFrame(
        {
            "id": data["id"].astype(str),
            "project": data["project"],
            "company": data["company"],
            "country": data["country"],
            "category": data["category"],
            "status": data["status"],
            "announced": data["announced"],
            "amount_reported": data["amount_reported"],
            "converted_value": data["converted_value"].astype("float64"),
            "converted_label": format_amounts(data["converted_value"], currency),
            "fx_rate": rate,
            "rate_label": rate_labels(data["currency"], rate, data["converted_currency"].astype(object).fillna(currency)),
            "fx_rate_date": rate_date_labels(data["fx_rate_date"], data["fx_basis"] if "fx_basis" in data else ""),
            "fx_source": data["fx_source"],
            "source": ("[" + label + "](" + url.str.replace(")", "%29", regex=False) + ")").where(url != "", ""),
            "origin": data["origin"] if "origin" in data else "curated",
            "superseded_by": (data["superseded_by"].map(lambda i: (names or {}).get(i, i)) if "superseded_by" in data
                              else None),
            # articles merged into the project from the review queue (queue merge)
            "further_sources": data["further_sources"] if "further_sources" in data else 0,
            "further_source_urls": data["further_source_urls"] if "further_source_urls" in data else "",
        }
    )
    out = out.astype(object).where(out.notna(), None)
    return out.to_dict("records")


def replacement_names(df: pd.DataFrame, selected: pd.DataFrame) -> dict[str, str]:
    """id -> project name of the plans that replace the superseded rows of ``selected`` (looked up in all of ``df``)."""
    if "superseded_by" not in selected:
        return {}
    wanted = selected["superseded_by"].dropna().unique()
    if not len(wanted):
        return {}
    rows = rows_by_id(df, list(wanted))  # a hash look-up per id, not a pass over the frame
    return dict(zip(rows["id"].astype(str), rows["project"].astype(str)))


#: frames up to this many rows keep the grid rows they have built, per conversion
ROW_CACHE_MAX = 200_000
_row_cache: dict[int, list] = {}


def cached_grid_rows(df: pd.DataFrame, state: ViewState, selected: pd.DataFrame) -> list[dict]:
    """:func:`grid_rows` of ``selected`` (``select(df, state)``), keeping each row once built, per
    conversion: a row depends only on itself and the currency, so another filter on the same
    conversion builds only the rows not built yet (they go away with the conversion)."""
    from dashboard.query.selection import convert

    conv = convert(df, state)  # cached: the frame select() filtered
    if len(conv) > ROW_CACHE_MAX:
        return grid_rows(selected, state.currency, names=replacement_names(df, selected))
    key = id(conv)
    rows = _row_cache.get(key)
    if rows is None:
        import weakref

        rows = _row_cache[key] = [None] * len(conv)
        weakref.finalize(conv, _row_cache.pop, key, None)
    pos = conv.index.get_indexer(selected.index[:GRID_MAX_ROWS]).tolist()
    missing = [i for i in pos if rows[i] is None]
    if missing:
        part = conv.iloc[missing]
        for i, row in zip(missing, grid_rows(part, state.currency, limit=len(missing), names=replacement_names(df, part))):
            rows[i] = row
    return [dict(rows[i]) for i in pos]


def create_grid() -> dag.AgGrid:
    """The grid component (rows come from a callback)."""
    return dag.AgGrid(
        id=ids.GRID,
        columnDefs=COLUMN_DEFS,
        rowData=[],
        defaultColDef={"sortable": True, "resizable": True, "floatingFilter": True, "filter": True},
        dashGridOptions={"animateRows": False, "pagination": False, "suppressColumnVirtualisation": True,
                         # one row at a time, by clicking it: Edit/Delete act on it (the user's own records only)
                         "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True}},
        getRowId="params.data.id",
        columnSize="autoSize",
        style={"height": "460px", "width": "100%"},
    )


def grid_key(state: ViewState) -> str:
    """The part of the state the grid depends on (not tab, scale, colours, compare)."""
    return state.replace(tab="ranking", log=False, color_by="country", compare=(), compare_rates="one").to_query()


def grid_outputs(df: pd.DataFrame, search: str | None, old_key: str | None, *, currencies: Sequence[str] | None = None,
                 data_rev: str = "") -> list[Any]:
    """Rows of the grid, the note under it and the grid key (all ``no_update``
    when only the tab or the look changed; ``data_rev``, the store's revision,
    is part of the key, so a saved record always reaches the grid)."""
    state = ViewState.from_query(search or "", currencies=currencies, company_names=free_company_names(df))
    key = grid_key(state) + (f"#{data_rev}" if data_rev else "")
    if key == old_key:
        return [no_update, no_update, no_update]
    try:
        selected = select(df, state)
        rows = cached_grid_rows(df, state, selected)
    except Exception as exc:  # noqa: BLE001 - never leave the last currency's rows under a new label
        import logging

        logging.getLogger(__name__).exception("grid failed for %r", search)
        return [[], f"the rows could not be converted ({type(exc).__name__}); nothing is shown", None]
    note = (f"largest {GRID_MAX_ROWS:,} of {len(selected):,} shown; narrow the filters to see the rest"
            if len(selected) > GRID_MAX_ROWS else f"{len(selected):,} row{'' if len(selected) == 1 else 's'}")
    return [rows, note, key]


def export_download(df: pd.DataFrame, search: str | None, shown_rows: list[dict] | None, *, currencies: Sequence[str] | None = None,
                    fmt: str = "csv", bom: bool = False) -> dict:
    """``dcc.Download`` data: the grid's displayed rows in their displayed
    order (all selected rows the grid holds when it reports none), as CSV
    (``bom``: with a UTF-8 byte-order mark, so Excel opens Korean and Japanese text right) or as
    XLSX (typed cells and an "About" sheet with the rates and the total)."""
    state = ViewState.from_query(search or "", currencies=currencies, company_names=free_company_names(df))
    selected = select(df, state)
    if shown_rows is None:
        row_ids = selected["id"].astype(str).iloc[:GRID_MAX_ROWS].tolist()
    else:
        row_ids = [str(r["id"]) for r in shown_rows if isinstance(r, dict) and "id" in r]
    name = export_filename(state.currency, state.basis, real_year=state.real_year if state.real else None, ext=fmt)
    if fmt == "xlsx":
        rows = export_rows(selected, row_ids)
        _, _, as_of, real_year = conversion_settings(state)
        about = provenance_rows(rows, currency=state.currency, basis=state.basis, basis_text=BASIS_PHRASES[state.basis],
                                as_of=as_of, real_year=real_year, link="?" + state.to_query())
        return dcc.send_bytes(to_xlsx(rows, about=about), name,
                              type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if bom:  # its own name: downloading both CSVs never gives "…(1).csv" for two different files
        name = name.removesuffix(".csv") + "-excel.csv"
    return dcc.send_string(to_csv(selected, row_ids, bom=bom), name, type="text/csv")


def export_rows(selected: pd.DataFrame, row_ids: Sequence[str]) -> pd.DataFrame:
    """The rows of ``selected`` with ``row_ids``, in that order."""
    pos = pd.Index(selected["id"].astype(str)).get_indexer(list(row_ids))
    return selected.iloc[pos[pos >= 0]]


def register_grid_callbacks(app, frame: Callable[[], pd.DataFrame], currencies: Callable[[], Sequence[str]],
                            revision: Callable[[], str] = lambda: "") -> None:
    """Wire the grid and its CSV download; ``revision()`` is the store's revision."""

    @app.callback(Output(ids.GRID, "rowData"), Output(ids.GRID_NOTE, "children"), Output(ids.GRID_KEY, "data"),
                  Input(ids.VIEWS_DONE, "data"), State(ids.URL, "search"), State(ids.GRID_KEY, "data"))
    def _grid(_views_done, search, key):  # after the views callback: the chart paints first
        df = frame()
        return grid_outputs(df, search, key, currencies=currencies(), data_rev=revision())

    @app.callback(Output(ids.DOWNLOAD, "data"), Input(ids.DOWNLOAD_BUTTON, "n_clicks"), Input(ids.DOWNLOAD_XLSX, "n_clicks"),
                  Input(ids.DOWNLOAD_CSV_BOM, "n_clicks"), State(ids.URL, "search"), State(ids.GRID, "virtualRowData"),
                  prevent_initial_call=True)
    def _download(_csv, _xlsx, _bom, search, shown):
        fmt = "xlsx" if ctx.triggered_id == ids.DOWNLOAD_XLSX else "csv"
        return export_download(frame(), search, shown if isinstance(shown, list) else None, currencies=currencies(), fmt=fmt,
                               bom=ctx.triggered_id == ids.DOWNLOAD_CSV_BOM)
