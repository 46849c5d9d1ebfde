"""Export of exactly what the grid shows, with the provenance of every number:
CSV (optionally with a UTF-8 BOM for Excel) and XLSX (typed cells and an
"About" sheet saying where every number comes from).

Rows come from the selected frame (:func:`dashboard.query.select`) in the
order given (the grid's displayed order). Columns: the record (names, place,
coordinates, parent plan, scope, quantities, notes), the figure as reported,
the conversion (rate, rate date, rate source, basis) and ``in_total``, so that
the header total of the dashboard is the sum of ``converted_value`` over the
rows whose ``in_total`` is true.

Spreadsheet formulas (OWASP "CSV injection"). A spreadsheet runs a cell as a
formula when it starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return
(and their full-width forms), and splits a CSV cell again at ``;`` or ``,`` on
import, so a trigger right after one of those is a cell start too. The rules:

* numeric columns are written as numbers and never touched (``-5`` stays ``-5``);
* in CSV text cells, a ``'`` goes right before each trigger that starts the
  cell or follows ``;``/``,`` (spaces allowed in between), unless what follows
  is a plain number (``-5``, ``+81``, ``-3.5%``), which no spreadsheet runs;
  ``-Plus`` becomes ``'-Plus`` and ``Acme;=1+1`` becomes ``Acme;'=1+1``: the
  text stays readable and only gains the apostrophe;
* in XLSX every text value is a string cell (never a formula, with Excel's
  own "quote prefix" flag where it starts with a trigger, so editing the cell
  keeps it text): the text is written exactly as it is, ``-Plus`` and all.

>>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-5 bn"), neutralise("Samsung"), neutralise("-5")
('\\'=HYPERLINK("http://x")', "'-5 bn", 'Samsung', '-5')
>>> neutralise("Acme; =1+1"), neutralise("Intel, -3%"), neutralise("@Home")
("Acme; '=1+1", 'Intel, -3%', "'@Home")
"""
from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = ["EXPORT_COLUMNS", "PROVENANCE_COLUMNS", "NUMERIC_COLUMNS", "export_frame", "to_csv", "to_xlsx",
           "export_filename", "neutralise", "needs_quote", "provenance_rows", "in_total_mask"]

PROVENANCE_COLUMNS = (
    "amount_reported",
    "amount_value",
    "amount_low",
    "amount_high",
    "amount_bound",
    "currency",
    "converted_value",
    "converted_currency",
    "fx_rate",
    "fx_rate_date",
    "fx_source",
    "fx_basis",
    "source_url",
)
EXPORT_COLUMNS = (
    "id",
    "project",
    "company",
    "company_ids",
    "country",
    "city",
    "lat",
    "lon",
    "coord_precision",
    "category",
    "scope",
    "funding",
    "status",
    "status_as_of",
    "announced",
    "parent_id",
    "relation",
    "in_total",
    "superseded_by",
    *PROVENANCE_COLUMNS,
    "deflator",
    "real_year",
    "gpus",
    "power_mw",
    "wafers_per_month",
    "period_end_year",
    "source_publisher",
    "further_sources",
    "further_source_urls",
    "last_verified",
    "notes",
    "origin",
)
#: columns written as numbers (CSV: plain numerals; XLSX: numeric cells)
NUMERIC_COLUMNS = ("lat", "lon", "amount_value", "amount_low", "amount_high", "converted_value", "fx_rate", "deflator",
                   "real_year", "gpus", "power_mw", "wafers_per_month", "period_end_year")
_DATE_COLUMNS = ("fx_rate_date",)

_TRIGGERS = "=+\\-@\t\r\uff1d\uff0b\uff0d\uff20"
# a trigger at the start of the cell or after ; or , (spaces between allowed), then the rest of that segment
_TRIGGER = re.compile(rf"(^|[;,])([ \u00a0]*)([{_TRIGGERS}])([^;,]*)")
_PLAIN_NUMBER = re.compile(r"[+\-\uff0b\uff0d]?(?:\d[\d.]*|\.\d+)(?:[eE][+-]?\d+)?%?[ \u00a0]*")


def _fix(m: re.Match) -> str:
    sep, spaces, trigger, rest = m.groups()
    if _PLAIN_NUMBER.fullmatch(trigger + rest):
        return m.group(0)
    return f"{sep}{spaces}'{trigger}{rest}"


def neutralise(text: str) -> str:
    """``text`` with a ``'`` before every formula trigger a spreadsheet would
    see at a cell start (see the module's rules)."""
    return _TRIGGER.sub(_fix, text) if text else text


def needs_quote(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` (a whole cell) as a formula.

    >>> needs_quote("=1"), needs_quote("-Plus"), needs_quote("-5"), needs_quote("SoftBank")
    (True, True, False, False)
    """
    return bool(text) and neutralise(text) != text


def in_total_mask(frame: pd.DataFrame) -> np.ndarray:
    """Rows counted in the header total: the data's ``in_total`` when it has
    one, else the rows whose parent plan is not in the frame (umbrella plans
    count once)."""
    if "in_total" in frame:
        return frame["in_total"].fillna(False).to_numpy(dtype=bool)
    if "parent_id" not in frame:
        return np.ones(len(frame), dtype=bool)
    ids = set(frame["id"].astype(str))
    parent = frame["parent_id"].astype(object)
    return ~(parent.notna() & parent.astype(str).isin(ids)).to_numpy()


def export_frame(selected: pd.DataFrame, ids: Sequence[str] | None = None, *, csv_safe: bool = True) -> pd.DataFrame:
    """The export table: rows of ``selected`` (in the order of ``ids`` when
    given: the grid's displayed ids), export columns present in the frame,
    numbers as numbers, dates as ISO text and (``csv_safe``) formula
    triggers in text cells neutralised for CSV.

    >>> sel = pd.DataFrame({"id": ["a", "b"], "project": ["=cmd", "B"], "amount_value": [1.0, -2.0]})
    >>> export_frame(sel, ["b", "a"])[["id", "project", "amount_value"]].values.tolist()
    [['b', 'B', -2.0], ['a', "'=cmd", 1.0]]
    """
    data = selected
    if ids is not None:
        pos = pd.Index(selected["id"].astype(str)).get_indexer([str(i) for i in ids])
        data = selected.iloc[pos[pos >= 0]]
    cols = [c for c in EXPORT_COLUMNS if c in data.columns or c == "in_total"]
    out = pd.DataFrame(index=data.index)
    for col in cols:
        if col == "in_total":
            out[col] = in_total_mask(data)
            continue
        s = data[col]
        if col in NUMERIC_COLUMNS:
            out[col] = pd.to_numeric(s, errors="coerce").astype("float64")
        elif pd.api.types.is_datetime64_any_dtype(s):
            out[col] = s.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_bool_dtype(s):
            out[col] = s
        else:
            text = s.astype(object)
            fix = neutralise if csv_safe else (lambda v: v)
            out[col] = text.map(lambda v: fix(v) if isinstance(v, str) else v).where(text.notna(), None)
    return out.reset_index(drop=True)


def to_csv(selected: pd.DataFrame, ids: Sequence[str] | None = None, *, bom: bool = False) -> str:
    """CSV text of :func:`export_frame`: a header row and RFC 4180 ``\\r\\n``
    line ends (so a text holding a carriage return is quoted, never a row
    break); with ``bom`` it starts with a UTF-8 byte-order mark, so Excel
    reads Korean and Japanese text right when the file is opened by double-click.

    >>> to_csv(pd.DataFrame({"id": ["a"], "amount_value": [4e10]})).splitlines()
    ['id,in_total,amount_value', 'a,True,40000000000.0']
    """
    text = export_frame(selected, ids).to_csv(index=False, lineterminator="\r\n")
    return ("\ufeff" + text) if bom else text


def provenance_rows(selected: pd.DataFrame, *, currency: str, basis: str, basis_text: str = "",
                    as_of: dt.date | None = None, real_year: int | None = None, link: str = "",
                    generated: dt.datetime | None = None) -> list[tuple[str, object]]:
    """The "About" sheet: what the numbers are, how they were converted and
    the total the rows rebuild.

    Each rate source gets a row of its own with how many rows it converted
    (a source string can itself name two series, e.g. TWD through USD).

    >>> rows = provenance_rows(pd.DataFrame({"id": ["a", "b", "c"], "converted_value": [2.0, 1.0, 3.0],
    ...     "fx_source": ["ECB", "identity", "ECB"]}), currency="USD", basis="announcement")
    >>> dict(rows)["Total (sum of converted_value over in_total rows)"], dict(rows)["Rate sources"]
    (6.0, '2 (one row each below)')
    >>> [v for k, v in rows if k.startswith("Rate source ")]
    ['ECB: 2 rows', 'none (already in USD): 1 row']
    """
    mask = in_total_mask(selected)
    values = pd.to_numeric(selected.get("converted_value", pd.Series(dtype="float64")), errors="coerce")
    total = float(values[mask].fillna(0).sum()) if len(selected) else 0.0
    counts = (selected["fx_source"].dropna().astype(str).value_counts(sort=False) if "fx_source" in selected
              else pd.Series(dtype="int64"))
    sources = sorted(counts.items(), key=lambda kv: (kv[0] == "identity", -kv[1], kv[0]))
    when = (generated or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    from importlib.metadata import PackageNotFoundError, version

    try:
        __version__ = version("semidash")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        __version__ = "(source tree)"

    return [
        ("Exported by", f"semidash {__version__}"),
        ("Exported at (UTC)", when.isoformat()),
        ("Currency", currency),
        ("Rate basis", basis_text or basis),
        ("Rates as of", as_of.isoformat() if as_of else ""),
        ("Constant prices", f"{real_year} US dollars (US CPI)" if real_year else "no (nominal)"),
        ("Dashboard link (filters)", link),
        ("Rows", len(selected)),
        ("Rows with in_total", int(mask.sum())),
        ("Total (sum of converted_value over in_total rows)", total),
        ("Rate sources", f"{len(sources)} (one row each below)" if sources else "none"),
        *((f"Rate source {i}", f"{'none (already in ' + currency + ')' if src == 'identity' else src}: "
                               f"{n:,} row{'' if n == 1 else 's'}") for i, (src, n) in enumerate(sources, 1)),
        ("in_total", "true for the rows the dashboard's total adds up; a plan's parts or its umbrella are false, "
                     "so nothing is counted twice"),
        ("fx_rate", "units of the converted currency per unit of the reported currency, on fx_rate_date, from fx_source"),
        ("Formulas", "text is written as text cells, never as formulas; numbers as numbers"),
    ]


def to_xlsx(selected: pd.DataFrame, ids: Sequence[str] | None = None, *,
            about: Sequence[tuple[str, object]] | Mapping[str, object] = ()) -> bytes:
    """An XLSX workbook: sheet "Projects" (typed cells: numbers, dates,
    booleans, text as string cells, never formulas) and sheet "About" (the
    ``about`` rows, e.g. :func:`provenance_rows`).

    >>> import openpyxl
    >>> wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(pd.DataFrame({"id": ["=1+1"], "amount_value": [4e10]}))))
    >>> [(c.value, c.data_type) for c in wb["Projects"][2]]
    [('=1+1', 's'), (True, 'b'), (40000000000, 'n')]
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    frame = export_frame(selected, ids, csv_safe=False)
    wb = Workbook()
    ws = wb.active
    ws.title = "Projects"
    bold = Font(bold=True)
    ws.append(list(frame.columns))
    for cell in ws[1]:
        cell.font = bold
    columns = list(frame.columns)
    records = frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None)
    for r, record in enumerate(records, start=2):
        for c, (col, value) in enumerate(zip(columns, record), start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c)
            if col in _DATE_COLUMNS and isinstance(value, str):
                day = pd.to_datetime(value, errors="coerce")
                cell.value = day.date() if not pd.isna(day) else value
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, (bool, np.bool_)):
                cell.value = bool(value)
            elif isinstance(value, (int, float, np.integer, np.floating)):
                cell.value = float(value)
            else:
                text = str(value)
                cell.value = text
                cell.data_type = "s"  # never a formula, whatever it starts with
                if needs_quote(text):
                    cell.quotePrefix = True
    ws.freeze_panes = "C2"
    about_ws = wb.create_sheet("About")
    for key, value in (about.items() if isinstance(about, Mapping) else about):
        about_ws.append([key, None])
        cell = about_ws.cell(row=about_ws.max_row, column=2)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
        about_ws.cell(row=about_ws.max_row, column=1).font = bold
    about_ws.column_dimensions["A"].width = 48
    about_ws.column_dimensions["B"].width = 90
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def export_filename(currency: str, basis: str, *, real_year: int | None = None, today: dt.date | None = None,
                    ext: str = "csv") -> str:
    """A file name that says the currency and rate basis.

    >>> export_filename("KRW", "annual", today=dt.date(2026, 11, 23))
    'semidash-projects-KRW-annual-2026-11-23.csv'
    >>> export_filename("USD", "latest", real_year=2025, today=dt.date(2026, 11, 23), ext="xlsx")
    'semidash-projects-USD-latest-real2025-2026-11-23.xlsx'
    """
    day = (today or dt.date.today()).isoformat()
    real = f"-real{real_year}" if real_year else ""
    return f"semidash-projects-{currency}-{basis}{real}-{day}.{ext}"
