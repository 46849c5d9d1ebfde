"""Tests of dashboard.present.export: the CSV equals the grid, with provenance, safely."""
from __future__ import annotations

import csv
import io

from dashboard.present.export import PROVENANCE_COLUMNS, export_filename, to_csv
from dashboard.query import ViewState, select


def test_rows_in_given_order_with_provenance(small):
    """The CSV holds the given ids in the given order and every provenance column."""
    sel = select(small, ViewState(currency="KRW"))
    rows = list(csv.DictReader(io.StringIO(to_csv(sel, ["lab", "plan"]))))
    assert [r["id"] for r in rows] == ["lab", "plan"]
    assert set(PROVENANCE_COLUMNS) <= set(rows[0])
    assert rows[0]["fx_rate_date"] == "2023-12-21" and rows[0]["converted_currency"] == "KRW"
    assert rows[0]["amount_reported"] == "400억엔" and rows[0]["currency"] == "JPY"


def test_formula_cells_are_neutralised(small):
    """Text beginning with = + - @ tab or CR gets a leading quote; numbers are untouched."""
    small.loc[0, "project"] = "=HYPERLINK(\"http://evil\")"
    small.loc[1, "city"] = "@SUM(A1)"
    small.loc[2, "company"] = "\tTab Corp"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(to_csv(select(small, ViewState()))))}
    assert rows["plan"]["project"].startswith("'=")
    assert rows["site"]["city"] == "'@SUM(A1)"
    assert rows["fab"]["company"] == "'\tTab Corp"
    assert float(rows["plan"]["amount_value"]) == 5e11


def test_filename_names_currency_and_basis():
    """The download's name says the currency and the rate basis."""
    assert export_filename("JPY", "annual").startswith("semidash-projects-JPY-annual-")
