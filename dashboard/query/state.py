"""What the reader asked to see: :class:`ViewState`, every control of the
dashboard, declared once.

Each field of :class:`ViewState` is one row of the table below: its type and
default, its URL key, how a URL value is read and written (a *codec*) and the
``(component id, property)`` of the control that shows it. Everything that
needs "the view's fields" reads this one table through :data:`FIELDS`: the URL
reader and writer here, the controls panel and the callback wiring of
:mod:`dashboard.ui`. Adding a control is adding one row.

A state round-trips through the URL query string (:meth:`ViewState.from_query`
/ :meth:`ViewState.to_query`); unknown keys are ignored and bad values fall
back to the defaults, so any pasted link opens a page.

>>> s = ViewState.from_query({"cur": "krw", "country": ["JP", "KR"], "log": "1", "zzz": "x"}, currencies=("USD", "KRW"))
>>> s.currency, s.countries, s.log
('KRW', ('JP', 'KR'), True)
>>> s.to_query()
'cur=KRW&country=JP&country=KR&log=1'
>>> ViewState.from_query({"cur": "XXX", "basis": "nope", "from": "2025-13-01"}) == ViewState()
True
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, urlencode

from dashboard.dates import parse_date_or_none
from dashboard.query.views import VIEW_NAMES

__all__ = [
    "ViewState", "Field", "FIELDS", "COLOR_BY", "COMPARE_RATES", "DEFAULT_REAL_YEAR", "MAX_COMPARE", "REAL_YEARS", "MAX_TEXT",
    "Allowed", "offered_currencies", "COVER_GRACE_DAYS", "match_names",
]

COLOR_BY = ("country", "category")
#: how compare's ratios are converted: every project at one rate date, or each at the display basis
COMPARE_RATES = ("one", "each")
DEFAULT_REAL_YEAR = 2025
#: years of US CPI data a constant-prices base year may take
REAL_YEARS = (1913, 2100)
MAX_COMPARE = 6
MAX_TEXT = 200


# ------------------------------------------------------------------ codecs
# A codec reads the URL values of one key (a list of strings, possibly empty)
# into a field value, or returns ``None`` for "use the default"; it writes a
# value back as a list of strings. ``allowed`` holds the valid choices that
# depend on the data (currencies, categories, statuses).

Allowed = Mapping[str, Iterable[str]]


def _canon(value: str, options: Iterable[str]) -> str | None:
    """``value`` as one of ``options``: itself, else the option it equals ignoring case
    (``category=FAB`` is ``fab``); ``None`` when it is none of them.

    >>> _canon("FAB", ("fab", "datacenter")), _canon("fab", ("fab",)), _canon("fabs", ("fab",))
    ('fab', 'fab', None)
    """
    opts = options if isinstance(options, (set, frozenset)) else set(options)
    if value in opts:
        return value
    folded = value.casefold()
    return next((o for o in opts if o.casefold() == folded), None)


@dataclasses.dataclass(frozen=True)
class Choice:
    """One value out of a set; ``options`` is a tuple, or the name of an entry of ``allowed``."""

    options: tuple[str, ...] | str
    upper: bool = False

    def read(self, vals: list[str], allowed: Allowed) -> str | None:
        v = vals[-1].strip() if vals else ""
        if self.upper:
            v = v.upper()
        opts = self.options if isinstance(self.options, tuple) else allowed[self.options]
        return _canon(v, opts) if v else None

    def write(self, value: str) -> list[str]:
        return [str(value)]


@dataclasses.dataclass(frozen=True)
class Many:
    """Several values (the key repeats: ``country=JP&country=KR``), in order, no repeats."""

    options: tuple[str, ...] | str | None = None
    pattern: str | None = None
    upper: bool = False
    limit: int | None = None

    def read(self, vals: list[str], allowed: Allowed) -> tuple[str, ...]:
        opts = None
        if self.options is not None:
            opts = set(self.options if isinstance(self.options, tuple) else allowed[self.options])
        out: list[str] = []
        for v in vals:
            v = v.strip()
            if not v or (self.pattern and not re.fullmatch(self.pattern, v)):
                continue
            v = v.upper() if self.upper else v
            if opts is not None:
                v = _canon(v, opts)
            if v is not None and v not in out:
                out.append(v)
        return tuple(out[: self.limit] if self.limit else out)

    def write(self, value: tuple[str, ...]) -> list[str]:
        return list(value)


@dataclasses.dataclass(frozen=True)
class Companies(Many):
    """Companies by token (:func:`dashboard.data.companies.company_token`): a
    ``company_id`` or ``group:ID``. Any name or alias of a company reads as its
    id, in any case, so a link written with names (``company=SoftBank Group``)
    keeps working; other text becomes every company whose name has a word
    starting with it (``soft``: SoftBank Group, SoftBank Corp., …), so the
    filter always shows what it picked. With ``allowed["company_names"]`` (the
    names of the data's companies that ``companies.csv`` does not hold, from a
    user's records), text naming one of them (any case) is that name, and text
    that picks nothing is dropped (the link notice says so); without it (no
    data at hand) such text is kept and matched as text."""

    def read(self, vals: list[str], allowed: Allowed) -> tuple[str, ...]:
        out: list[str] = []
        for v in vals:
            for tok in self.tokens(v, allowed):
                if tok not in out:
                    out.append(tok)
        return tuple(out)

    @staticmethod
    def tokens(value: str, allowed: Allowed) -> tuple[str, ...]:
        """The tokens one URL value stands for (``()``: it picks nothing)."""
        from dashboard.data.companies import CompanyMatcher, company_ids, company_token

        tok = company_token(value)
        if not tok or tok.startswith("group:") and tok[6:] in _groups() or tok in company_ids():
            return (tok,) if tok else ()
        free = allowed.get("company_names") if isinstance(allowed, Mapping) else None
        if free is not None:
            for name in free:
                if name.casefold() == tok.casefold():
                    return (name,)
        match = CompanyMatcher([tok])
        ids = tuple(sorted(c for c in company_ids() if match(c, "")))
        if ids:
            return ids
        return () if free is not None else (tok,)


def _groups() -> dict:
    from dashboard.data.companies import company_groups

    return company_groups()


@dataclasses.dataclass(frozen=True)
class Date:
    """A day written ``YYYY-MM-DD``."""

    def read(self, vals: list[str], allowed: Allowed) -> dt.date | None:
        return parse_date_or_none(vals[-1]) if vals else None

    def write(self, value: dt.date) -> list[str]:
        return [value.isoformat()]


@dataclasses.dataclass(frozen=True)
class Flag:
    """On/off: ``1``, ``true``, ``yes``, ``on`` are on, anything else off
    (``0``, ``false``, ``no``, ``off`` or empty quietly; other text with a link notice)."""

    ON = ("1", "true", "yes", "on")
    OFF = ("", "0", "false", "no", "off")

    def read(self, vals: list[str], allowed: Allowed) -> bool:
        return bool(vals) and vals[-1].strip().lower() in self.ON

    def write(self, value: bool) -> list[str]:
        return ["1" if value else "0"]


@dataclasses.dataclass(frozen=True)
class Year:
    """A whole year within ``span``."""

    span: tuple[int, int]

    def read(self, vals: list[str], allowed: Allowed) -> int | None:
        try:
            year = int(vals[-1].strip()) if vals else None
        except ValueError:
            return None
        return year if year is not None and self.span[0] <= year <= self.span[1] else None

    def write(self, value: int) -> list[str]:
        return [str(value)]


@dataclasses.dataclass(frozen=True)
class Text:
    """Free text, cut at ``limit`` characters."""

    limit: int

    def read(self, vals: list[str], allowed: Allowed) -> str:
        return vals[-1].strip()[: self.limit] if vals else ""

    def write(self, value: str) -> list[str]:
        return [value]


Codec = Choice | Many | Companies | Date | Flag | Year | Text


@dataclasses.dataclass(frozen=True)
class Field:
    """One row of the table: a field of :class:`ViewState` as URL key, codec and control."""

    name: str
    key: str
    default: Any
    codec: Codec
    control: tuple[str, str]

    def read(self, query: Mapping[str, list[str]], allowed: Allowed) -> Any:
        """The field's value in ``query`` (its default when absent or bad)."""
        value = self.codec.read(query.get(self.key, []), allowed)
        return self.default if value is None else value

    def to_control(self, value: Any) -> Any:
        """The value as its control holds it (lists for multi-selects, ISO text for dates)."""
        if isinstance(value, tuple):
            return list(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    def from_control(self, value: Any) -> list[str]:
        """A control's value as URL values, so it is read (and checked) exactly like a URL."""
        if value is None or value == "":
            return []
        if isinstance(value, (list, tuple)):
            return [str(v) for v in value]
        if isinstance(value, bool):
            return ["1" if value else "0"]
        if isinstance(value, float) and value.is_integer():
            return [str(int(value))]
        return [str(value)]


def _field(key: str, default: Any, codec: Codec, control: tuple[str, str]) -> Any:
    return dataclasses.field(default=default, metadata={"key": key, "codec": codec, "control": control})


def _bases() -> tuple[str, ...]:
    from dashboard.fx import BASES

    return BASES


@dataclasses.dataclass(frozen=True)
class ViewState:
    """Every control of the dashboard; hashable, so it can key caches.

    The class body is the field table: ``name: type = _field(URL key,
    default, codec, (control id, property))``.

    >>> ViewState(currency="JPY", basis="annual").to_query()
    'cur=JPY&basis=annual'
    """

    currency: str = _field("cur", "USD", Choice("currencies", upper=True), ("ctl-currency", "value"))
    basis: str = _field("basis", "announcement", Choice("bases"), ("ctl-basis", "value"))
    as_of: dt.date | None = _field("asof", None, Date(), ("ctl-as-of", "date"))
    real: bool = _field("real", False, Flag(), ("ctl-real", "value"))
    real_year: int = _field("year", DEFAULT_REAL_YEAR, Year(REAL_YEARS), ("ctl-real-year", "value"))
    countries: tuple[str, ...] = _field("country", (), Many(pattern=r"[A-Za-z]{2}", upper=True), ("ctl-country", "value"))
    companies: tuple[str, ...] = _field("company", (), Companies(), ("ctl-company", "value"))
    categories: tuple[str, ...] = _field("category", (), Many("categories"), ("ctl-category", "value"))
    statuses: tuple[str, ...] = _field("status", (), Many("statuses"), ("ctl-status", "value"))
    date_from: dt.date | None = _field("from", None, Date(), ("ctl-dates", "start_date"))
    date_to: dt.date | None = _field("to", None, Date(), ("ctl-dates", "end_date"))
    text: str = _field("q", "", Text(MAX_TEXT), ("ctl-text", "value"))
    log: bool = _field("log", False, Flag(), ("ctl-log", "value"))
    color_by: str = _field("color", "country", Choice(COLOR_BY), ("ctl-color-by", "value"))
    compare: tuple[str, ...] = _field("compare", (), Many(limit=MAX_COMPARE), ("ctl-compare", "value"))
    compare_rates: str = _field("ratios", "one", Choice(COMPARE_RATES), ("ctl-compare-rates", "value"))
    tab: str = _field("tab", "ranking", Choice(VIEW_NAMES), ("tabs", "active_tab"))

    # ------------------------------------------------------------------ URL
    @classmethod
    def from_query(
        cls,
        query: Mapping[str, str | Sequence[str]] | str,
        *,
        currencies: Iterable[str] | None = None,
        categories: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
        company_names: Iterable[str] | None = None,
    ) -> ViewState:
        """Read a state from a query mapping (``parse_qs`` style) or string.

        Each bad value falls back to its default on its own; unknown keys are
        ignored. ``currencies`` defaults to what the FX layer covers,
        ``categories`` and ``statuses`` to the data schema's.

        >>> ViewState.from_query("?cur=EUR&tab=map&real=1&year=2020", currencies=["EUR"]).tab
        'map'
        """
        return cls.read_query(query, currencies=currencies, categories=categories, statuses=statuses,
                              company_names=company_names)[0]

    @classmethod
    def read_query(
        cls,
        query: Mapping[str, str | Sequence[str]] | str,
        *,
        currencies: Iterable[str] | None = None,
        categories: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
        rate_bounds: tuple[dt.date | None, dt.date | None] = (None, None),
        company_names: Iterable[str] | None = None,
    ) -> tuple[ViewState, list[str]]:
        """:meth:`from_query` that also says what it ignored or corrected:
        one sentence per bad value, for the page's link notice.

        ``from`` after ``to`` is corrected (the two are swapped); ``asof``
        outside ``rate_bounds`` is kept but noted (the nearest published rate
        is used, and the rate columns say so).

        >>> s, notes = ViewState.read_query("cur=CYP&from=2025-01-01&to=2024-01-01&country=Japan", currencies=["USD", "KRW"])
        >>> s.currency, s.date_from.isoformat(), s.date_to.isoformat()
        ('USD', '2024-01-01', '2025-01-01')
        >>> for n in notes: print(n)
        cur=CYP ignored: not one of the currencies with rates for the whole data (USD, KRW); showing USD
        country=Japan ignored: a country is a two-letter code such as JP
        from=2025-01-01 is after to=2024-01-01: the two dates were swapped
        """
        if isinstance(query, str):
            query = parse_qs(query.lstrip("?"), keep_blank_values=False)
        q: dict[str, list[str]] = {}
        for key, val in query.items():
            vals = [val] if isinstance(val, str) else [str(v) for v in val if v is not None]
            q[str(key)] = vals
        allowed = _Allowed(currencies, categories, statuses, company_names)
        values = {f.name: f.read(q, allowed) for f in FIELDS}
        notes: list[str] = []
        for f in FIELDS:
            raw = [v for v in q.get(f.key, []) if v.strip()]
            if raw:
                notes.extend(_ignored(f, raw, values[f.name], allowed))
        lo, hi = values["date_from"], values["date_to"]
        if lo is not None and hi is not None and lo > hi:
            values["date_from"], values["date_to"] = hi, lo
            notes.append(f"from={lo.isoformat()} is after to={hi.isoformat()}: the two dates were swapped")
        first, last = rate_bounds
        as_of = values["as_of"]
        if as_of is not None and first is not None and as_of < first:
            notes.append(f"asof={as_of.isoformat()} is before the first rates ({first.isoformat()}): the first published rates are used")
        elif as_of is not None and last is not None and as_of > last:
            notes.append(f"asof={as_of.isoformat()} is after the last rates ({last.isoformat()}): the latest published rates are used")
        return cls(**values), notes

    @classmethod
    def from_controls(cls, values: Sequence[Any], *, currencies: Iterable[str] | None = None,
                      company_names: Iterable[str] | None = None) -> ViewState:
        """The state the controls show (values in :data:`FIELDS` order); read
        through the URL reader, so a bad control value falls back to its
        default exactly as a bad URL value does.

        >>> ViewState.from_controls([v for v in ViewState(currency="EUR", countries=("KR",)).to_controls()]).countries
        ('KR',)
        """
        return cls.from_query({f.key: f.from_control(v) for f, v in zip(FIELDS, values)}, currencies=currencies,
                              company_names=company_names)

    def to_controls(self) -> list[Any]:
        """The control values showing this state, in :data:`FIELDS` order."""
        return [f.to_control(getattr(self, f.name)) for f in FIELDS]

    def to_query(self) -> str:
        """The query string (no ``?``) holding every non-default value."""
        pairs: list[tuple[str, str]] = []
        for f in FIELDS:
            val = getattr(self, f.name)
            if val != f.default:
                pairs.extend((f.key, v) for v in f.codec.write(val))
        return urlencode(pairs)

    def replace(self, **changes: Any) -> ViewState:
        """A copy with some fields changed (lists become tuples).

        >>> ViewState().replace(countries=["KR"]).countries
        ('KR',)
        """
        for k, v in list(changes.items()):
            if isinstance(v, list):
                changes[k] = tuple(v)
        return dataclasses.replace(self, **changes)


_HINTS = {"countries": "a country is a two-letter code such as JP", "date_from": "a date is written YYYY-MM-DD",
          "date_to": "a date is written YYYY-MM-DD", "as_of": "a date is written YYYY-MM-DD"}


def _ignored(f: Field, raw: list[str], value: Any, allowed: Allowed) -> list[str]:
    """Sentences for the URL values of field ``f`` that its codec did not take."""
    codec = f.codec
    shown = ", ".join(raw)
    if isinstance(codec, Choice):
        if value == f.default and f.codec.read(raw, allowed) is None:
            opts = codec.options if isinstance(codec.options, tuple) else allowed[codec.options]
            what = ("not one of the currencies with rates for the whole data" if codec.options == "currencies"
                    else "not one of")
            listed = ", ".join(opts) if len(opts) <= 12 else ", ".join(opts[:12]) + ", …"
            return [f"{f.key}={raw[-1]} ignored: {what} ({listed}); showing {f.default}"]
        return []
    if isinstance(codec, Companies):
        bad = [v for v in raw if not codec.tokens(v, allowed)]
        return [f"{f.key}={v} ignored: no company goes by it or has it in a name (ids, names and aliases "
                "in any case, groups as group:ID)" for v in bad]
    if isinstance(codec, Flag):
        v = raw[-1].strip().lower() if raw else ""
        if v in Flag.ON or v in Flag.OFF:
            return []
        return [f"{f.key}={raw[-1]} ignored: a switch is written {f.key}=1 (on) or {f.key}=0 (off); showing it off"]
    if isinstance(codec, Many):
        kept = set(value)
        opts = None if codec.options is None else (codec.options if isinstance(codec.options, tuple) else allowed[codec.options])

        def norm_of(v: str) -> str:
            v = v.strip().upper() if codec.upper else v.strip()
            return (_canon(v, opts) or v) if opts is not None else v

        norm = {norm_of(v): v.strip() for v in reversed(raw)}
        if codec.limit and len(value) == codec.limit and len(norm) > codec.limit:
            return [f"{f.key}: only the first {codec.limit} are kept ({len(norm) - codec.limit} more ignored)"]
        bad = [shown_as for v, shown_as in reversed(norm.items()) if v not in kept]
        if not bad:
            return []
        why = _HINTS.get(f.name, "unknown value" + ("s" if len(bad) > 1 else ""))
        return [f"{f.key}={', '.join(bad)} ignored: {why}"]
    if isinstance(codec, Date) and value is None:
        return [f"{f.key}={raw[-1]} ignored: {_HINTS[f.name]}"]
    if isinstance(codec, Year) and value == f.default and codec.read(raw, allowed) is None:
        return [f"{f.key}={raw[-1]} ignored: a year from {codec.span[0]} to {codec.span[1]}; using {f.default}"]
    return []


def match_names(wanted: Iterable[str], names: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(matched names, wanted words that matched nothing)``: each wanted text
    matches, case- and accent-blind, every name that contains it (``softbank``
    finds ``SoftBank Corp.`` and ``SoftBank Group``); an exact name matches itself only.

    >>> match_names(["softbank", "tsmc", "nobody"], ["SoftBank Corp.", "SoftBank Group", "TSMC", "Sharp"])
    (('SoftBank Corp.', 'SoftBank Group', 'TSMC'), ('nobody',))
    """
    import unicodedata

    def fold(text: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch)).strip()

    pool = list(dict.fromkeys(names))
    folded = [fold(n) for n in pool]
    out: list[str] = []
    missing: list[str] = []
    for w in wanted:
        if w in pool:
            hits = [w]
        else:
            key = fold(w)
            hits = [n for n, f in zip(pool, folded) if key and key in f]
        if not hits:
            missing.append(w)
        out.extend(h for h in hits if h not in out)
    return tuple(out), tuple(missing)


#: a currency whose rates start this many days after the earliest announcement still covers
#: the data (the first days of a year are holidays; the nearest rate is used and marked)
COVER_GRACE_DAYS = 7


def offered_currencies(start: dt.date | None = None, end: dt.date | None = None) -> tuple[str, ...]:
    """The currencies the dashboard offers: those whose rates cover ``start``
    (the earliest announcement, give or take :data:`COVER_GRACE_DAYS`) to
    ``end`` (the latest), so no currency ends up converted at rates years
    away (the euro's predecessors, a suspended RUB). Without dates, every
    currency the FX layer converts.

    >>> c = offered_currencies(dt.date(2019, 1, 1), dt.date(2026, 2, 11))
    >>> {"USD", "KRW", "JPY", "TWD", "CNY"} <= set(c), {"CYP", "RUB", "HRK", "BGN"} & set(c)
    (True, set())
    """
    from dashboard.fx import available_currencies

    if start is None or end is None:
        return tuple(available_currencies())
    start = min(start + dt.timedelta(days=COVER_GRACE_DAYS), end)
    return tuple(available_currencies(covering=(start, end)))


class _Allowed(Mapping):
    """The data-dependent choices, looked up only when a query uses them."""

    def __init__(self, currencies, categories, statuses, company_names=None) -> None:
        self._given: dict[str, Iterable[str] | None] = {
            "currencies": currencies, "categories": categories, "statuses": statuses}
        self._names = None if company_names is None else tuple(company_names)
        self._lookup: dict[str, Callable[[], Iterable[str]]] = {
            "currencies": _available_currencies, "categories": _categories, "statuses": _statuses, "bases": _bases}
        self._cache: dict[str, tuple[str, ...]] = {}

    def __getitem__(self, name: str) -> tuple[str, ...] | None:
        if name == "company_names":  # None: not known (no data at hand)
            return self._names
        if name not in self._cache:
            given = self._given.get(name)
            vals = tuple(given) if given is not None else tuple(self._lookup[name]())
            self._cache[name] = tuple(v.upper() for v in vals) if name == "currencies" else vals
        return self._cache[name]

    def __iter__(self):
        return iter(self._lookup)

    def __len__(self) -> int:
        return len(self._lookup)


def _available_currencies() -> tuple[str, ...]:
    from dashboard.fx import available_currencies

    return tuple(available_currencies())


def _categories() -> tuple[str, ...]:
    from dashboard.data.schema import CATEGORIES

    return CATEGORIES


def _statuses() -> tuple[str, ...]:
    from dashboard.data.schema import STATUSES

    return STATUSES


#: the field table, in declaration order
FIELDS: tuple[Field, ...] = tuple(
    Field(f.name, f.metadata["key"], f.default, f.metadata["codec"], f.metadata["control"])
    for f in dataclasses.fields(ViewState)
)
