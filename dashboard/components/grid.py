"""The dash-ag-grid of the selected projects."""
from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd

from dashboard import ids
from dashboard.formatting import format_amounts

# the grid never gets more rows than this (largest first); the note says so
GRID_MAX_ROWS = 5000

_TEXT = {"filter": "agTextColumnFilter"}
_NUM = {"filter": "agNumberColumnFilter", "type": "numericColumn"}

COLUMN_DEFS = [
    {"field": "project", "headerName": "Project", "pinned": "left", "minWidth": 240, **_TEXT},
    {"field": "converted_value", "headerName": "Converted", "minWidth": 130, "sort": "desc", **_NUM,
     "valueFormatter": {"function": "params.data ? params.data.converted_label : ''"}},
    {"field": "amount_reported", "headerName": "As reported", "minWidth": 140, **_TEXT},
    {"field": "company", "headerName": "Company", "minWidth": 170, **_TEXT},
    {"field": "country", "headerName": "Country", "width": 95, **_TEXT},
    {"field": "category", "headerName": "Category", "width": 120, **_TEXT},
    {"field": "status", "headerName": "Status", "width": 140, **_TEXT},
    {"field": "announced", "headerName": "Announced", "width": 120, **_TEXT},
    {"field": "fx_rate", "headerName": "Rate", "minWidth": 170, **_NUM,
     "valueFormatter": {"function": "params.data ? params.data.rate_label : ''"}},
    {"field": "fx_rate_date", "headerName": "Rate date", "width": 120, **_TEXT},
    {"field": "fx_source", "headerName": "Rate source", "minWidth": 140, **_TEXT},
    {"field": "source", "headerName": "Source", "minWidth": 200, "cellRenderer": "markdown", "linkTarget": "_blank", **_TEXT},
    {"field": "origin", "headerName": "Origin", "width": 100, **_TEXT,
     "cellClassRules": {"origin-user": "params.value === 'user'"}},
]


def _md_text(s: pd.Series) -> pd.Series:
    return s.astype(object).fillna("").astype(str).str.replace(r"([\[\]\(\)\\*_`<>])", r"\\\1", regex=True)


def grid_rows(selected: pd.DataFrame, currency: str, *, limit: int = GRID_MAX_ROWS) -> list[dict]:
    """Row dicts for the grid: the first ``limit`` rows of the selected frame,
    converted amounts and rates both as numbers (sorting) and as labels.

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
            "rate_label": [f"1 {c} = {r:,.6g} {t}" if r == r else "" for c, r, t in
                           zip(data["currency"].astype(object).fillna("").astype(str), rate.tolist(), data["converted_currency"].astype(object).fillna(currency).astype(str))],
            "fx_rate_date": pd.to_datetime(data["fx_rate_date"], errors="coerce").dt.strftime("%Y-%m-%d"),
            "fx_source": data["fx_source"],
            "source": ("[" + label + "](" + url.str.replace(")", "%29", regex=False) + ")").where(url != "", ""),
            "origin": data["origin"] if "origin" in data else "curated",
        }
    )
    out = out.astype(object).where(out.notna(), None)
    return out.to_dict("records")


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
