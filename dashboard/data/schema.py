"""The projects table: its columns, allowed values and the pandera schema.

Rows are checked as text (the CSV as written, or a user's record turned into
strings), so one schema serves the curated file, an imported CSV and a single
record from ``semidash add``. :func:`check_frame` runs the schema lazily and
turns every failure into one line that names the place, the column and the
value::

    PATH:LINE: column 'announced': '2025-13-45' is not a real date; write YYYY-MM-DD, ...

>>> frame = text_frame([{"id": "x", "project": "P", "company_ids": "intel",
...     "country": "JP", "category": "fab", "scope": "site", "status": "announced",
...     "status_as_of": "2025-03", "last_verified": "2026-12-01",
...     "announced": "2025-13", "source_url": "https://example.org/a"}], index=[2])
>>> check_frame(frame, where=lambda line: f"f.csv:{line}", company_ids={"intel"})
["f.csv:2: column 'announced': '2025-13' is not a real date; write YYYY-MM-DD, YYYY-MM or YYYY"]
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Callable, Collection, Iterable

import numpy as np
import pandas as pd

from dashboard.dates import period_start
from dashboard.errors import ParseError

__all__ = [
    "CATEGORIES",
    "STATUSES",
    "SCOPES",
    "FUNDING",
    "RELATIONS",
    "BOUNDS",
    "COORD_PRECISIONS",
    "COLUMNS",
    "USER_COLUMNS",
    "REQUIRED",
    "REQUIRED_USER",
    "LOCALES",
    "locale_of",
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
    "materials", "programme",
)
"""Allowed values of ``category`` (what is built or bought)."""

STATUSES: tuple[str, ...] = (
    "announced", "approved", "signed", "under_construction", "operating", "delayed", "suspended",
    "cancelled", "completed", "enacted",
)
"""Allowed values of ``status``, true on the date ``status_as_of``: projects are
announced, approved (a permit, a subsidy decision), signed (a contract or an
award agreement), under construction, operating, delayed, suspended, cancelled
or completed (a deal closed, a plant finished); a law is enacted."""

SCOPES: tuple[str, ...] = ("site", "programme", "company_plan", "company_capex", "fund")
"""Allowed values of ``scope``: what the amount covers (one facility or campus; a
public programme or a multi-site plan; a company's multi-year pledge; one
company-year of capital spending; a fund's capital)."""

FUNDING: tuple[str, ...] = ("private", "public_grant", "public_loan", "tax_credit", "public_private", "equity")
"""Allowed values of ``funding``: whose money the amount is."""

RELATIONS: tuple[str, ...] = ("part_of", "funds", "supersedes")
"""Allowed values of ``relation`` (how a row stands to its ``parent_id``): a site
inside a plan or programme; a grant, loan or tax credit that funds the parent
project; a revised plan that replaces the parent."""

COORD_PRECISIONS: tuple[str, ...] = ("site", "city", "region", "country")
"""Allowed values of ``coord_precision``: what ``lat``/``lon`` point at."""

BOUNDS: tuple[str, ...] = ("exact", "approx", "lower", "upper", "range")
"""Values of ``amount_bound`` (computed at load from ``amount_reported``)."""

COLUMNS: tuple[str, ...] = (
    "id", "project", "company_ids", "country", "city", "lat", "lon", "coord_precision", "category",
    "scope", "funding", "status", "status_as_of", "status_source_url", "announced", "amount_reported",
    "period_end_year", "gpus", "power_mw", "wafers_per_month", "parent_id", "relation", "source_url",
    "source_publisher", "last_verified", "notes",
)
"""Columns of the curated ``projects.csv`` in file order."""

USER_COLUMNS: tuple[str, ...] = (*COLUMNS, "company")
"""Columns of a user's record: the curated ones plus ``company``, free-text
names (``;``-separated) for companies that are not in ``companies.csv``."""

REQUIRED: tuple[str, ...] = (
    "id", "project", "company_ids", "country", "category", "scope", "status", "status_as_of",
    "announced", "source_url", "last_verified",
)
"""Columns that may not be empty in the curated file."""

REQUIRED_USER: tuple[str, ...] = (
    "id", "project", "country", "category", "scope", "status", "status_as_of", "announced", "source_url",
)
"""Columns that may not be empty in a user's record (``company_ids`` or
``company`` must name at least one company; ``last_verified`` may be empty)."""

TYPED_COLUMNS: tuple[str, ...] = (
    "id", "project", "company", "company_ids", "country", "city", "lat", "lon", "coord_precision",
    "category", "scope", "funding", "status", "status_as_of", "status_as_of_date", "status_source_url",
    "announced", "announced_date", "amount_reported", "amount_value", "amount_low", "amount_high",
    "amount_bound", "currency", "amount_approx", "in_total", "superseded_by", "period_end_year", "gpus", "power_mw",
    "wafers_per_month", "parent_id", "relation", "source_url", "source_publisher", "last_verified",
    "last_verified_date", "notes", "origin",
)
"""Columns of the frame returned by ``load_projects``, in order. ``company`` is
the display names of ``company_ids`` (``"SoftBank Group; OpenAI"``); ``superseded_by``
the id of the row that replaces a superseded plan (computed at load, like ``in_total``)."""

LOCALES: dict[str, str] = {"TW": "zh-TW", "HK": "zh-HK", "MO": "zh-HK", "CN": "zh-CN"}
"""Locale passed to ``parse_reported`` by country, where it settles a sign:
a bare ``元`` is TWD in Taiwan, HKD in Hong Kong; ``¥`` is CNY in China."""


def locale_of(country: object) -> str | None:
    """The parsing locale of a row's country (``None``: the parser's default).

    >>> locale_of("TW"), locale_of("JP")
    ('zh-TW', None)
    """
    return LOCALES.get(country) if isinstance(country, str) else None


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
def parse_money(text: str, locale: str | None = None):
    """Parse ``text`` with ``dashboard.parse.parse_reported``; return the Reported or the error.

    The result is cached, so validation and typing parse each distinct text once.
    A figure that is not money becomes a :class:`ParseError`.

    >>> r = parse_money("$60 billion to $65 billion")
    >>> r.value, r.high, r.bound
    (60000000000.0, 65000000000.0, 'range')
    >>> parse_money("3000億元", "zh-TW").currency
    'TWD'
    """
    from dashboard.parse import parse_reported

    try:
        fig = parse_reported(text, locale=locale)
    except ParseError as exc:
        return exc
    if fig.kind != "money":
        return ParseError(text, f"this is a {fig.unit} quantity, not an amount of money")
    if not (np.isfinite(fig.low) and np.isfinite(fig.high)) or fig.low < 0:
        return ParseError(text, "the amount is negative or not finite")
    return fig


def _money(df: pd.DataFrame) -> pd.Series:
    text, country = df["amount_reported"], df["country"]
    ok = [not isinstance(parse_money(t, locale_of(c)), Exception) if isinstance(t, str) else True
          for t, c in zip(text, country)]
    return pd.Series(ok, index=df.index, dtype=bool)


def _companies_known(known: frozenset[str]) -> Callable[[pd.Series], pd.Series]:
    def check(s: pd.Series) -> pd.Series:
        return s.isna() | s.map(lambda t: all(c.strip() in known for c in t.split(";") if c.strip())
                                if isinstance(t, str) else True).astype(bool)

    return check


def _id_list(s: pd.Series) -> pd.Series:
    pat = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:;[a-z0-9]+(?:-[a-z0-9]+)*)*$"
    return s.isna() | s.str.replace(" ", "", regex=False).str.fullmatch(pat).fillna(False).astype(bool)


# --- row checks across columns (report on one column) -------------------------


def _parent_exists(known: frozenset[str]) -> Callable[[pd.DataFrame], pd.Series]:
    def check(df: pd.DataFrame) -> pd.Series:
        targets = set(df["id"].dropna()) | known
        return df["parent_id"].isna() | df["parent_id"].isin(targets)

    return check


def _parent_not_self(df: pd.DataFrame) -> pd.Series:
    return df["parent_id"].isna() | (df["parent_id"] != df["id"])


def _relation_with_parent(df: pd.DataFrame) -> pd.Series:
    return df["parent_id"].isna() == df["relation"].isna()


def _no_cycle(df: pd.DataFrame) -> pd.Series:
    # a row that names itself is reported by parent_self, not here
    parent = {i: p for i, p in zip(df["id"], df["parent_id"]) if p != i}
    ok = []
    for rid in df["id"]:
        seen, cur = {rid}, parent.get(rid)
        while isinstance(cur, str) and cur in parent and cur not in seen:
            seen.add(cur)
            cur = parent.get(cur)
        ok.append(not (isinstance(cur, str) and cur in seen and cur in parent))
    return pd.Series(ok, index=df.index, dtype=bool)


def _some_company(df: pd.DataFrame) -> pd.Series:
    if "company" not in df:
        return df["company_ids"].notna()
    return df["company_ids"].notna() | df["company"].notna()


def _lat_lon_pair(df: pd.DataFrame) -> pd.Series:
    return df["lat"].isna() == df["lon"].isna()


def _end_after_start(df: pd.DataFrame) -> pd.Series:
    # only compares cells that are valid on their own (those get their own message)
    # a company-year of capex is often reported after the year ends: not checked
    end = _numbers(df["period_end_year"]).where(_year(df["period_end_year"]))
    start = period_start(df["announced"]).dt.year
    return end.isna() | start.isna() | (end >= start) | (df["scope"] == "company_capex")


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
    "scope": "is not a scope; valid: " + ", ".join(SCOPES),
    "funding": "is not a funding kind; valid: " + ", ".join(FUNDING),
    "relation": "is not a relation; valid: " + ", ".join(RELATIONS),
    "coord_precision": "is not a coordinate precision; valid: " + ", ".join(COORD_PRECISIONS),
    "id_list": "is not a list of ids separated by ';' (e.g. 'softbank-group;openai')",
    "company_known": "names a company_id that is not in companies.csv",
    "relation_pair": "parent_id and relation must be given together",
    "parent_cycle": "makes a cycle of parent_id links",
    "some_company": "is empty; a value is required (a company name, or its id in company_ids)",
    "reserved": "is already taken",
    "parent_exists": "refers to no existing id",
    "parent_self": "refers to the row itself",
    "lat_lon_pair": "lat and lon must be given together",
    "end_after_start": "is before the year announced (allowed for scope company_capex only)",
}
_REPORT_ON: dict[str, str] = {
    "parent_exists": "parent_id",
    "parent_self": "parent_id",
    "parent_cycle": "parent_id",
    "relation_pair": ("parent_id", "relation"),  # whichever of the two is given
    "some_company": "id",  # both company columns are empty; reported as company_ids

    "money": "amount_reported",
    "lat_lon_pair": "lat",
    "end_after_start": "period_end_year",
}


def build_schema(
    *, known_ids: Collection[str] = (), reserved_ids: Collection[str] = (),
    company_ids: Collection[str] | None = None, user: bool = False,
):
    """The pandera schema for a text frame of projects.

    ``known_ids`` are further valid ``parent_id`` targets besides the frame's own
    ids (curated ids when checking user records); ``reserved_ids`` may not be
    used as ``id`` (curated and already stored ids when adding user records);
    ``company_ids`` are the valid entries of ``company_ids`` (``None``: only
    their form is checked); ``user`` checks a user's record (:data:`REQUIRED_USER`,
    the free-text ``company`` column).

    >>> build_schema().columns["category"].nullable, build_schema(user=True).columns["last_verified"].nullable
    (False, True)
    """
    known_c = None if company_ids is None else frozenset(company_ids)
    return _build_schema(frozenset(known_ids), frozenset(reserved_ids), known_c, bool(user))


@functools.lru_cache(maxsize=16)
def _build_schema(known: frozenset[str], reserved: frozenset[str], companies: frozenset[str] | None, user: bool):
    import pandera.pandas as pa

    C = pa.Check
    required = REQUIRED_USER if user else REQUIRED

    def col(name: str, *checks) -> pa.Column:
        return pa.Column(str, nullable=name not in required, checks=list(checks), required=True, name=name)

    def dated(name: str) -> pa.Column:
        return col(name, C(_real_date, name="date", error="date"), C(_not_future, name="not_future", error="not_future"))

    def one_of(name: str, values: tuple[str, ...]) -> pa.Column:
        return col(name, C.isin(values, name=name if name != "status" else "status", error=name))

    id_checks = [C.str_matches(ID_PATTERN, name="slug", error="slug")]
    if reserved:
        id_checks.append(C(_reserved(reserved), name="reserved", error="reserved"))
    company_checks = [C(_id_list, name="id_list", error="id_list")]
    if companies is not None:
        company_checks.append(C(_companies_known(companies), name="company_known", error="company_known"))
    url = C.str_matches(_URL_PATTERN, name="url", error="url")
    columns = {
        "id": pa.Column(str, nullable=False, unique=True, report_duplicates="exclude_first",
                        checks=id_checks, name="id"),
        "project": col("project"),
        "company_ids": col("company_ids", *company_checks),
        "country": col("country", C.isin(sorted(country_codes()), name="country", error="country")),
        "city": col("city"),
        "lat": col("lat", C(_in_range(-90, 90), name="lat", error="lat")),
        "lon": col("lon", C(_in_range(-180, 180), name="lon", error="lon")),
        "coord_precision": one_of("coord_precision", COORD_PRECISIONS),
        "category": one_of("category", CATEGORIES),
        "scope": one_of("scope", SCOPES),
        "funding": one_of("funding", FUNDING),
        "status": one_of("status", STATUSES),
        "status_as_of": dated("status_as_of"),
        "status_source_url": col("status_source_url", url),
        "announced": dated("announced"),
        "amount_reported": col("amount_reported"),
        "period_end_year": col("period_end_year", C(_year, name="year", error="year")),
        "gpus": col("gpus", C(_whole_non_negative, name="whole", error="whole")),
        "power_mw": col("power_mw", C(_non_negative, name="non_negative", error="non_negative")),
        "wafers_per_month": col("wafers_per_month", C(_non_negative, name="non_negative", error="non_negative")),
        "parent_id": col("parent_id"),
        "relation": one_of("relation", RELATIONS),
        "source_url": col("source_url", url),
        "source_publisher": col("source_publisher"),
        "last_verified": dated("last_verified"),
        "notes": col("notes"),
    }
    if user:
        columns["company"] = col("company")
    frame_checks = [
        C(_money, name="money", error="money"),
        C(_parent_exists(known), name="parent_exists", error="parent_exists"),
        C(_parent_not_self, name="parent_self", error="parent_self"),
        C(_no_cycle, name="parent_cycle", error="parent_cycle"),
        C(_relation_with_parent, name="relation_pair", error="relation_pair"),
        C(_lat_lon_pair, name="lat_lon_pair", error="lat_lon_pair"),
        C(_end_after_start, name="end_after_start", error="end_after_start"),
    ]
    if user:
        frame_checks.append(C(_some_company, name="some_company", error="some_company"))
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
    company_ids: Collection[str] | None = None,
    user: bool = False,
) -> list[str]:
    """Check a text frame (one row per record, every column of :data:`COLUMNS`;
    with ``user``, of :data:`USER_COLUMNS`).

    ``company_ids``: the valid company ids (``None``: their form only), see
    :func:`build_schema`.

    ``where(index_label)`` gives the place of a row, e.g. ``"PATH:LINE"``;
    ``reserved_reason`` says why a reserved id cannot be used (a text, or a
    function of the id). Returns
    every problem as ``"{where}: column '{name}': {value!r} {message}"``, sorted by
    row then column; an empty list means the frame is valid.
    """
    from pandera.errors import SchemaErrors

    cols = USER_COLUMNS if user else COLUMNS
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise ValueError(f"check_frame needs every column; missing: {', '.join(missing)}")
    frame = frame[list(cols)]
    schema = build_schema(known_ids=known_ids, reserved_ids=reserved_ids, company_ids=company_ids, user=user)
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return []

    order = {c: i for i, c in enumerate(cols)}
    positions = {label: i for i, label in enumerate(frame.index)}
    first_seen: dict[str, object] = {}
    for label, value in frame["id"].dropna().items():
        first_seen.setdefault(value, label)
    found: list[tuple[int, int, str]] = []
    seen: set[tuple[object, str, str]] = set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
        column = case.column
        on = _REPORT_ON.get(check)
        if isinstance(on, tuple):
            label0 = case.index
            given = [c for c in on if label0 in frame.index and isinstance(frame.at[label0, c], str)]
            on = given[0] if given else on[0]
        if on is not None and column != on:
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
            err = parse_money(value, locale_of(frame.at[label, "country"]))
            reason = getattr(err, "reason", str(err))
            message = f"is not an amount of money ({reason})"
        elif check == "company_known":
            unknown = [c.strip() for c in str(value).split(";") if c.strip() and c.strip() not in company_ids]
            hints = []
            for c in unknown:
                close = difflib.get_close_matches(c, sorted(company_ids), n=3, cutoff=0.6)
                hints.append(f"{c!r}" + (f" (closest: {', '.join(close)})" if close else ""))
            message = (f"names company_id(s) not in companies.csv: {', '.join(hints)}; "
                       "add the company there or use an id it lists")
        elif check == "reserved":
            message = reserved_reason(value) if callable(reserved_reason) else reserved_reason
        elif check == "not_future":
            message = f"is after today ({dt.date.today().isoformat()})"
        if check == "not_nullable":
            text = f"{where(label)}: column '{column}': {message}"
        elif check == "some_company":  # only in a user's record, whose form has the company field
            text = f"{where(label)}: column 'company': {message}"
            column = "company"
        elif check == "relation_pair":
            text = (f"{where(label)}: column 'relation': {_show(frame.at[label, 'relation'])} with parent_id "
                    f"{_show(frame.at[label, 'parent_id'])}: {message}")
            column = "relation"
        elif check == "lat_lon_pair":
            text = (f"{where(label)}: column 'lat': {_show(value)} with lon "
                    f"{_show(frame.at[label, 'lon'])}: {message}")
        else:
            text = f"{where(label)}: column '{column}': {_show(value)} {message}"
        found.append((positions[label], order[column], text))
    found.sort()
    return [text for _, _, text in found]


def text_frame(records: Iterable[dict], index: Iterable | None = None, *,
               columns: Iterable[str] = COLUMNS) -> pd.DataFrame:
    """Build a text frame with every column of ``columns`` (default :data:`COLUMNS`) from plain records.

    Values become stripped strings; ``None``, NaN and blank strings become missing.

    >>> text_frame([{"id": "a", "gpus": 100000, "lat": 34.5}]).loc[0, ["gpus", "lat", "city"]].tolist()
    ['100000', '34.5', nan]
    """
    columns = tuple(columns)
    rows = []
    for rec in records:
        row = {}
        for c in columns:
            v = rec.get(c)
            if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
                row[c] = None
            else:
                if isinstance(v, bool):
                    v = str(v).lower()
                s = str(v).strip()
                row[c] = s or None
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(columns), index=None if index is None else list(index))
    return frame.astype("str").where(frame.notna())
