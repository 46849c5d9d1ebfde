"""Tests of dashboard.ui.views.grid: the grid's rows and its CSV download, called directly on the real projects."""
from __future__ import annotations

import csv
import io

from dash import no_update

from dashboard.query import ViewState, select
from dashboard.ui.views.grid import export_download, grid_outputs


def test_grid_follows_currency_and_skips_tab_changes(projects):
    """The grid's converted column changes with the currency; a tab switch does not resend rows."""
    rows, note, key = grid_outputs(projects, "?cur=USD", None)
    assert rows[0]["converted_label"].startswith("$") and note == f"{len(projects)} rows"
    rows_krw, _, key_krw = grid_outputs(projects, "?cur=KRW", key)
    assert rows_krw[0]["converted_label"].endswith("원") and key_krw != key
    assert grid_outputs(projects, "?cur=KRW&tab=map", key_krw) == [no_update] * 3


def test_export_is_the_grid(projects):
    """The download has the grid's rows in the grid's order and a name with currency and basis."""
    rows, _, _ = grid_outputs(projects, "?cur=EUR&country=KR", None)
    shown = list(reversed(rows))
    data = export_download(projects, "?cur=EUR&country=KR&basis=annual", shown)
    got = [r["id"] for r in csv.DictReader(io.StringIO(data["content"]))]
    assert got == [r["id"] for r in shown]
    assert data["filename"].startswith("semidash-projects-EUR-annual-")


def test_grid_key_changes_with_data_revision(projects):
    """The grid resends its rows when the data revision changes, even for the same view."""

    rows, _, key = grid_outputs(projects, "?cur=USD", None, data_rev="(0, None)")
    assert grid_outputs(projects, "?cur=USD&tab=map", key, data_rev="(0, None)") == [no_update] * 3
    again = grid_outputs(projects, "?cur=USD", key, data_rev="(1, '2026-11-23')")
    assert again[0] == rows and again[2] != key
    assert all("origin" in r for r in rows)


def test_download_neutralises_payloads_csv_and_xlsx(projects):
    """The dashboard's CSV, CSV-for-Excel and XLSX downloads make every formula payload harmless."""
    import base64

    import openpyxl

    from tests.payloads import PAYLOADS, assert_csv_safe

    frame = projects.iloc[: len(PAYLOADS)].copy()
    frame["id"] = [f"p{i}" for i in range(len(frame))]
    for col in ("project", "company", "notes"):
        frame[col] = list(PAYLOADS)
    for bom in (False, True):
        data = export_download(frame, "?", None, bom=bom)
        assert data["content"].startswith("\ufeff") == bom
        assert data["filename"].endswith("-excel.csv" if bom else ".csv") and data["filename"].count("-excel") == int(bom)
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(data["content"].lstrip("\ufeff"), newline=""))}
        for i, text in enumerate(PAYLOADS):
            for col in ("project", "company", "notes"):
                assert_csv_safe(rows[f"p{i}"][col], text)
    data = export_download(frame, "?cur=KRW", None, fmt="xlsx")
    assert data["filename"].endswith(".xlsx") and "-KRW-" in data["filename"]
    wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(data["content"])))
    ws = wb["Projects"]
    header = [c.value for c in ws[1]]
    cells = [ws.cell(row=r, column=header.index("notes") + 1) for r in range(2, ws.max_row + 1)]
    assert sorted(c.value for c in cells) == sorted(PAYLOADS) and {c.data_type for c in cells} == {"s"}
    about = {r[0].value: r[1].value for r in wb["About"].iter_rows()}
    assert about["Currency"] == "KRW" and about["Rows"] == len(PAYLOADS)


def test_annual_basis_shows_the_year_average_not_a_day(projects):
    """On the annual basis the grid's rate date reads "annual 2024 average", never a day."""
    rows, _, _ = grid_outputs(projects, "?basis=annual&cur=KRW", None)
    dated = [r["fx_rate_date"] for r in rows if r["fx_rate_date"]]
    assert dated and all(d.startswith("annual ") and d.endswith(" average") for d in dated)


def test_grid_and_export_mark_superseded_plans(projects):
    """The grid names the plan that replaced a superseded one; the CSV carries superseded_by (the id) beside in_total."""
    import csv
    import io

    from dashboard.ui.views.grid import export_download, grid_outputs

    rows, _, _ = grid_outputs(projects, "?company=apple", None)
    by_id = {r["id"]: r for r in rows}
    assert by_id["apple-us-500b-plan"]["superseded_by"] == "Apple US investment commitment raised to $600 billion (American Manufacturing Program)"
    assert by_id["apple-us-600b-plan"]["superseded_by"] is None
    sent = export_download(projects, "?company=apple", None)
    out = {r["id"]: r for r in csv.DictReader(io.StringIO(sent["content"]))}
    assert (out["apple-us-500b-plan"]["superseded_by"], out["apple-us-500b-plan"]["in_total"]) == ("apple-us-600b-plan", "False")
    assert (out["apple-us-600b-plan"]["superseded_by"], out["apple-us-600b-plan"]["in_total"]) == ("", "True")


def test_rows_from_the_conversion_cache_equal_rows_built_from_the_selection(projects):
    """The grid's rows, taken from the rows built once per conversion, are exactly grid_rows of the selection,
    for filters, searches, bases, currencies and an empty selection."""
    from dashboard.ui.views.grid import cached_grid_rows, grid_rows, replacement_names

    for query in ("cur=KRW", "cur=KRW&country=JP", "cur=JPY&q=samsung&basis=annual", "cur=USD&real=1&year=2012",
                  "cur=EUR&basis=fixed&asof=2019-05-06&category=fab", "cur=USD&q=no-such-project-anywhere",
                  "cur=TWD&from=2025-01-01&status=announced"):
        state = ViewState.from_query(query)
        selected = select(projects, state)
        names = replacement_names(projects, selected)
        assert cached_grid_rows(projects, state, selected) == grid_rows(selected, state.currency, names=names), query
