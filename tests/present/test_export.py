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


def _payload_frame(small):
    """``small`` converted, with the payloads in every text column a user can write (one payload per row and column)."""
    from tests.payloads import PAYLOADS, UNTOUCHED

    texts = list(PAYLOADS + UNTOUCHED)
    sel = select(small, ViewState()).reset_index(drop=True)
    import pandas as pd

    sel = pd.concat([sel] * (len(texts) // len(sel) + 1), ignore_index=True).iloc[: len(texts)].copy()
    sel["id"] = [f"r{i}" for i in range(len(sel))]
    for col in ("project", "company", "city", "notes", "amount_reported", "source_publisher"):
        sel[col] = texts
    sel["amount_value"] = [-5.0] * len(sel)
    return sel, texts


def test_csv_neutralises_every_payload_and_keeps_text_readable(small):
    """Each of 35+ formula payloads in every text column is harmless in the CSV (also after ; or ,),
    reads back as itself minus the added apostrophes, plain numbers and harmless text are untouched,
    and numeric columns stay numbers (-5 stays -5)."""
    from tests.payloads import PAYLOADS, UNTOUCHED, assert_csv_safe

    assert len(PAYLOADS) >= 30
    sel, texts = _payload_frame(small)
    rows = list(csv.DictReader(io.StringIO(to_csv(sel), newline="")))
    assert len(rows) == len(texts)
    for row, text in zip(rows, texts):
        for col in ("project", "company", "city", "notes", "amount_reported", "source_publisher"):
            assert_csv_safe(row[col], text)
            if text in UNTOUCHED:
                assert row[col] == text
        assert float(row["amount_value"]) == -5.0 and row["amount_value"] == "-5.0"
    assert rows[0]["project"] == "'=1+1" and next(r for r in rows if r["id"] == f"r{texts.index('Acme; =1+1')}")["project"] == "Acme; '=1+1"


def test_xlsx_writes_payloads_as_text_cells_never_formulas(small):
    """In the XLSX every payload is a string cell holding exactly the text (quote-prefixed where it starts like a
    formula), the sheet has no formula element, numbers are numeric cells and an About sheet gives the total."""
    import zipfile

    import openpyxl

    from dashboard.present.export import provenance_rows, to_xlsx
    from tests.payloads import formula_start

    sel, texts = _payload_frame(small)
    data = to_xlsx(sel, about=provenance_rows(sel, currency="USD", basis="announcement"))
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Projects"]
    header = [c.value for c in ws[1]]
    for r, text in enumerate(texts, start=2):
        for col in ("project", "company", "notes"):
            cell = ws.cell(row=r, column=header.index(col) + 1)
            assert (cell.value, cell.data_type) == (text, "s"), (text, cell.value)
            if formula_start(text):
                assert cell.quotePrefix, text
        amount = ws.cell(row=r, column=header.index("amount_value") + 1)
        assert amount.data_type == "n" and amount.value == -5
    about = {row[0].value: row[1].value for row in wb["About"].iter_rows()}
    assert about["Currency"] == "USD" and about["Rows"] == len(texts)


def test_header_total_is_the_sum_over_in_total_rows(projects):
    """The dashboard's header total equals the sum of converted_value over the exported in_total rows,
    in USD and in KRW, for all rows and for a filter."""
    from dashboard.present.charts import total_once

    for query in ("", "cur=KRW", "country=US", "category=datacenter&cur=JPY"):
        state = ViewState.from_query(query)
        sel = select(projects, state)
        rows = list(csv.DictReader(io.StringIO(to_csv(sel))))
        rebuilt = sum(float(r["converted_value"]) for r in rows if r["in_total"] == "True" and r["converted_value"])
        assert abs(rebuilt - total_once(sel)) <= 1e-6 * max(1.0, total_once(sel)), query
        for col in ("parent_id", "in_total", "gpus", "power_mw", "wafers_per_month", "lat", "lon", "notes", "fx_rate"):
            assert col in rows[0], col


def test_csv_bom_option():
    """The Excel option starts the CSV with a UTF-8 byte-order mark; the default has none."""
    import pandas as pd

    frame = pd.DataFrame({"id": ["a"], "project": ["삼성"]})
    assert to_csv(frame, bom=True).startswith("\ufeffid,") and to_csv(frame).startswith("id,")
