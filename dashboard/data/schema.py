"""The projects table: its columns, allowed values and the pandera schema.

Rows are checked as text (the CSV as written, or a user's record turned into
strings), so one schema serves the curated file, an imported CSV and a single
record from ``semidash add``. :func:`check_frame` runs the schema lazily and
turns every failure into one line that names the place, the column and the
value::

    PATH:LINE: column 'announced': '2025-13-45' is not a real date; write YYYY-MM-DD, ...

>>> frame = text_frame([{"id": "x", "project": "P", "company": "C",
...     "country": "JP", "category": "fab", "status": "planned",
...     "announced": "2025-13", "source_url": "https://example.org/a"}], index=[2])
>>> check_frame(frame, where=lambda line: f"f.csv:{line}")
["f.csv:2: column 'announced': '2025-13' is not a real date; write YYYY-MM-DD, YYYY-MM or YYYY"]
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection, Iterable

import numpy as np
import pandas as pd

from dashboard.dates import period_start
from dashboard.errors import ParseError

__all__ = [
    "CATEGORIES",
    "STATUSES",
    "COLUMNS",
    "REQUIRED",
    "TYPED_COLUMNS",
    "country_codes",
    "text_frame",
    "period_start",
    "ID_PATTERN",
    "build_schema",
    "check_frame",
    "parse_money",
]

CATEGORIES: tuple[str, ...] = (
    "fab", "packaging", "rnd", "datacenter", "acquisition", "subsidy", "fund", "equipment",
)
"""Allowed values of ``category``."""

STATUSES: tuple[str, ...] = (
    "announced", "planned", "under_construction", "operating", "completed", "delayed", "cancelled",
)
"""Allowed values of ``status``."""

COLUMNS: tuple[str, ...] = (
    "id", "project", "company", "country", "city", "lat", "lon", "category", "status",
    "announced", "amount_reported", "period_end_year", "gpus", "power_mw",
    "wafers_per_month", "parent_id", "source_url", "source_publisher", "notes",
)
"""Columns of the curated ``projects.csv`` in file order."""

REQUIRED: tuple[str, ...] = (
    "id", "project", "company", "country", "category", "status", "announced", "source_url",
)
"""Columns that may not be empty."""

TYPED_COLUMNS: tuple[str, ...] = (
    "id", "project", "company", "country", "city", "lat", "lon", "category", "status",
    "announced", "announced_date", "amount_reported", "amount_value", "currency",
    "amount_approx", "period_end_year", "gpus", "power_mw", "wafers_per_month",
    "parent_id", "source_url", "source_publisher", "notes", "origin",
)
"""Columns of the frame returned by ``load_projects``, in order."""

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Ids are lower-case ASCII slugs: ``samsung-yokohama-apl``."""

_DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
_URL_PATTERN = r"^https?://[^\s/?#@]+\.[^\s/?#@]+(?::\d+)?(?:[/?#]\S*)?$"
_YEAR_RANGE = (1950, 2100)


@functools.cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes (from pycountry) plus ``EU`` for EU-wide programmes.

    >>> {"KR", "JP", "TW", "EU"} <= country_codes(), "XK" in country_codes()
    (True, False)
    """
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries) | {"EU"}


# --- element checks (vectorised over a text column; empty cells pass) ---------


def _numbers(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce")


def _in_range(lo: float, hi: float) -> Callable[[pd.Series], pd.Series]:
    def check(s: pd.Series) -> pd.Series:
        return s.isna() | _numbers(s).between(lo, hi)

    return check


def _non_negative(s: pd.Series) -> pd.Series:
    v = _numbers(s)
    return s.isna() | (v.notna() & np.isfinite(v) & (v >= 0))


def _whole_non_negative(s: pd.Series) -> pd.Series:
    v = _numbers(s)
    return s.isna() | (v.notna() & np.isfinite(v) & (v >= 0) & (v == np.floor(v)))


def _real_date(s: pd.Series) -> pd.Series:
    ok = s.str.fullmatch(_DATE_PATTERN).fillna(False).astype(bool)
    return s.isna() | (ok & period_start(s).notna())


def _not_future(s: pd.Series) -> pd.Series:
    start = period_start(s)
    return s.isna() | start.isna() | (start <= pd.Timestamp(dt.date.today()))


def _year(s: pd.Series) -> pd.Series:
    ok = s.str.fullmatch(r"\d{4}").fillna(False).astype(bool)
    return s.isna() | (ok & _numbers(s).between(*_YEAR_RANGE))


@functools.lru_cache(maxsize=4096)
def parse_money(text: str):
    """Parse ``text`` with ``dashboard.parse.parse_amount``; return the Figure or the error.

    The result is cached, so validation and typing parse each distinct text once.
    A figure that is not money becomes a :class:`ParseError`.
    """
    from dashboard.parse import parse_amount

    try:
        fig = parse_amount(text)
    except ParseError as exc:
        return exc
    if fig.kind != "money":
        return ParseError(text, f"this is a {fig.unit} quantity, not an amount of money")
    if not np.isfinite(fig.value) or fig.value < 0:
        return ParseError(text, "the amount is negative or not finite")
    return fig


def _money(s: pd.Series) -> pd.Series:
    return s.isna() | s.map(lambda t: not isinstance(parse_money(t), Exception) if isinstance(t, str) else True).astype(bool)


# --- row checks across columns (report on one column) -------------------------


def _parent_exists(known: frozenset[str]) -> Callable[[pd.DataFrame], pd.Series]:
    def check(df: pd.DataFrame) -> pd.Series:
        targets = set(df["id"].dropna()) | known
        return df["parent_id"].isna() | df["parent_id"].isin(targets)

    return check


def _parent_not_self(df: pd.DataFrame) -> pd.Series:
    return df["parent_id"].isna() | (df["parent_id"] != df["id"])


def _lat_lon_pair(df: pd.DataFrame) -> pd.Series:
    return df["lat"].isna() == df["lon"].isna()


def _end_after_start(df: pd.DataFrame) -> pd.Series:
    # only compares cells that are valid on their own (those get their own message)
    end = _numbers(df["period_end_year"]).where(_year(df["period_end_year"]))
    start = period_start(df["announced"]).dt.year
    return end.isna() | start.isna() | (end >= start)


def _reserved(reserved: frozenset[str]) -> Callable[[pd.Series], pd.Series]:
    def check(s: pd.Series) -> pd.Series:
        return s.isna() | ~s.isin(reserved)

    return check


# message for each check, keyed by the pandera check name; cross-row checks also
# name the column they are reported on
_MESSAGES: dict[str, str] = {
    "not_nullable": "is empty; a value is required",
    "field_uniqueness": "is a duplicate id",
    "slug": "is not an id: use lower-case letters, digits and single hyphens (e.g. 'tsmc-arizona-fab21')",
    "country": "is not an ISO 3166-1 alpha-2 country code (e.g. KR, JP, US, TW, CN, DE; EU for EU-wide)",
    "category": "is not a category; valid: " + ", ".join(CATEGORIES),
    "status": "is not a status; valid: " + ", ".join(STATUSES),
    "date": "is not a real date; write YYYY-MM-DD, YYYY-MM or YYYY",
    "not_future": "is after today",
    "lat": "is not a latitude (a number from -90 to 90)",
    "lon": "is not a longitude (a number from -180 to 180)",
    "non_negative": "is not a non-negative number",
    "whole": "is not a non-negative whole number",
    "year": f"is not a year ({_YEAR_RANGE[0]} to {_YEAR_RANGE[1]}, four digits)",
    "url": "is not an http(s) URL",
    "money": "is not an amount of money",
    "reserved": "is already taken",
    "parent_exists": "refers to no existing id",
    "parent_self": "refers to the row itself",
    "lat_lon_pair": "lat and lon must be given together",
    "end_after_start": "is before the year announced",
}
_REPORT_ON: dict[str, str] = {
    "parent_exists": "parent_id",
    "parent_self": "parent_id",
    "lat_lon_pair": "lat",
    "end_after_start": "period_end_year",
}


def build_schema(
    *, known_ids: Collection[str] = (), reserved_ids: Collection[str] = ()
):
    """The pandera schema for a text frame of projects.

    ``known_ids`` are further valid ``parent_id`` targets besides the frame's own
    ids (curated ids when checking user records); ``reserved_ids`` may not be
    used as ``id`` (curated and already stored ids when adding user records).

    >>> build_schema().columns["category"].nullable
    False
    """
    return _build_schema(frozenset(known_ids), frozenset(reserved_ids))


@functools.lru_cache(maxsize=8)
def _build_schema(known: frozenset[str], reserved: frozenset[str]):
    import pandera.pandas as pa

    C = pa.Check

    def col(name: str, *checks) -> pa.Column:
        return pa.Column(str, nullable=name not in REQUIRED, checks=list(checks), required=True, name=name)

    id_checks = [C.str_matches(ID_PATTERN, name="slug", error="slug")]
    if reserved:
        id_checks.append(C(_reserved(reserved), name="reserved", error="reserved"))
    columns = {
        "id": pa.Column(str, nullable=False, unique=True, report_duplicates="exclude_first",
                        checks=id_checks, name="id"),
        "project": col("project"),
        "company": col("company"),
        "country": col("country", C.isin(sorted(country_codes()), name="country", error="country")),
        "city": col("city"),
        "lat": col("lat", C(_in_range(-90, 90), name="lat", error="lat")),
        "lon": col("lon", C(_in_range(-180, 180), name="lon", error="lon")),
        "category": col("category", C.isin(CATEGORIES, name="category", error="category")),
        "status": col("status", C.isin(STATUSES, name="status", error="status")),
        "announced": col("announced", C(_real_date, name="date", error="date"),
                         C(_not_future, name="not_future", error="not_future")),
        "amount_reported": col("amount_reported", C(_money, name="money", error="money")),
        "period_end_year": col("period_end_year", C(_year, name="year", error="year")),
        "gpus": col("gpus", C(_whole_non_negative, name="whole", error="whole")),
        "power_mw": col("power_mw", C(_non_negative, name="non_negative", error="non_negative")),
        "wafers_per_month": col("wafers_per_month", C(_non_negative, name="non_negative", error="non_negative")),
        "parent_id": col("parent_id"),
        "source_url": col("source_url", C.str_matches(_URL_PATTERN, name="url", error="url")),
        "source_publisher": col("source_publisher"),
        "notes": col("notes"),
    }
    frame_checks = [
        C(_parent_exists(known), name="parent_exists", error="parent_exists"),
        C(_parent_not_self, name="parent_self", error="parent_self"),
        C(_lat_lon_pair, name="lat_lon_pair", error="lat_lon_pair"),
        C(_end_after_start, name="end_after_start", error="end_after_start"),
    ]
    return pa.DataFrameSchema(columns, checks=frame_checks, strict=False, coerce=False)


def _show(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return "''"
    return repr(str(value))


def check_frame(
    frame: pd.DataFrame,
    *,
    where: Callable[[object], str],
    known_ids: Collection[str] = (),
    reserved_ids: Collection[str] = (),
    reserved_reason: str | Callable[[str], str] = "is already taken",
) -> list[str]:
    """Check a text frame (one row per record, every column of :data:`COLUMNS`).

    ``where(index_label)`` gives the place of a row, e.g. ``"PATH:LINE"``;
    ``reserved_reason`` says why a reserved id cannot be used (a text, or a
    function of the id). Returns
    every problem as ``"{where}: column '{name}': {value!r} {message}"``, sorted by
    row then column; an empty list means the frame is valid.
    """
    from pandera.errors import SchemaErrors

    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"check_frame needs every column; missing: {', '.join(missing)}")
    frame = frame[list(COLUMNS)]
    schema = build_schema(known_ids=known_ids, reserved_ids=reserved_ids)
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return []

    order = {c: i for i, c in enumerate(COLUMNS)}
    positions = {label: i for i, label in enumerate(frame.index)}
    first_seen: dict[str, object] = {}
    for label, value in frame["id"].dropna().items():
        first_seen.setdefault(value, label)
    found: list[tuple[int, int, str]] = []
    seen: set[tuple[object, str, str]] = set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
        column = case.column
        if check in _REPORT_ON and column != _REPORT_ON[check]:
            continue
        label = case.index
        if label is None or (isinstance(label, float) and np.isnan(label)):
            raise ValueError(f"unexpected schema failure: {check} on {column}: {case.failure_case}")
        key = (label, column, check)
        if key in seen:
            continue
        seen.add(key)
        value = frame.at[label, column]
        message = _MESSAGES.get(check, check)
        if check == "field_uniqueness":
            message = f"is a duplicate of the id at {where(first_seen[value])}"
        elif check == "money":
            err = parse_money(value)
            reason = getattr(err, "reason", str(err))
            message = f"is not an amount of money ({reason})"
        elif check == "reserved":
            message = reserved_reason(value) if callable(reserved_reason) else reserved_reason
        elif check == "not_future":
            message = f"is after today ({dt.date.today().isoformat()})"
        if check == "not_nullable":
            text = f"{where(label)}: column '{column}': {message}"
        elif check == "lat_lon_pair":
            text = (f"{where(label)}: column 'lat': {_show(value)} with lon "
                    f"{_show(frame.at[label, 'lon'])}: {message}")
        else:
            text = f"{where(label)}: column '{column}': {_show(value)} {message}"
        found.append((positions[label], order[column], text))
    found.sort()
    return [text for _, _, text in found]


def text_frame(records: Iterable[dict], index: Iterable | None = None) -> pd.DataFrame:
    """Build a text frame with every column of :data:`COLUMNS` from plain records.

    Values become stripped strings; ``None``, NaN and blank strings become missing.

    >>> text_frame([{"id": "a", "gpus": 100000, "lat": 34.5}]).loc[0, ["gpus", "lat", "city"]].tolist()
    ['100000', '34.5', nan]
    """
    rows = []
    for rec in records:
        row = {}
        for c in COLUMNS:
            v = rec.get(c)
            if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
                row[c] = None
            else:
                if isinstance(v, bool):
                    v = str(v).lower()
                s = str(v).strip()
                row[c] = s or None
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(COLUMNS), index=None if index is None else list(index))
    return frame.astype("str").where(frame.notna())
