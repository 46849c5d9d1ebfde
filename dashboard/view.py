"""What the reader asked to see, and the one frame that shows it.

:class:`ViewState` holds every control of the dashboard and round-trips
through the URL query string (:meth:`ViewState.from_query` /
:meth:`ViewState.to_query`); unknown keys are ignored and bad values fall back
to the defaults, so any pasted link opens a page. :func:`select` turns the
loaded projects and a state into the one frame behind every chart, the grid
and the CSV export: converted (through :func:`dashboard.fx.convert_frame`),
filtered and sorted largest first.

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
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

__all__ = ["ViewState", "TABS", "OTHER_TABS", "BASES", "COLOR_BY", "filter_mask", "convert", "conversion_settings", "select", "company_names"]

BASES = ("announcement", "fixed", "annual", "latest")
TABS = ("ranking", "timeline", "map", "breakdown", "compare", "quantities")
#: tabs that are not a chart of the selection (the article intake); valid in the URL too
OTHER_TABS = ("article",)
COLOR_BY = ("country", "category")
DEFAULT_REAL_YEAR = 2025
MAX_COMPARE = 6

# query key -> field name; multi-valued keys repeat (country=JP&country=KR)
_KEYS = {
    "cur": "currency",
    "basis": "basis",
    "asof": "as_of",
    "real": "real",
    "year": "real_year",
    "country": "countries",
    "company": "companies",
    "category": "categories",
    "status": "statuses",
    "from": "date_from",
    "to": "date_to",
    "q": "text",
    "log": "log",
    "color": "color_by",
    "compare": "compare",
    "tab": "tab",
}
_FIELD_KEY = {v: k for k, v in _KEYS.items()}


def _available_currencies() -> tuple[str, ...]:
    from dashboard.fx import available_currencies

    return tuple(available_currencies())


@dataclasses.dataclass(frozen=True)
class ViewState:
    """Every control of the dashboard; hashable, so it can key caches.

    >>> ViewState(currency="JPY", basis="annual").to_query()
    'cur=JPY&basis=annual'
    """

    currency: str = "USD"
    basis: str = "announcement"
    as_of: dt.date | None = None
    real: bool = False
    real_year: int = DEFAULT_REAL_YEAR
    countries: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    log: bool = False
    color_by: str = "country"
    compare: tuple[str, ...] = ()
    tab: str = "ranking"

    # ------------------------------------------------------------------ URL
    @classmethod
    def from_query(
        cls,
        query: Mapping[str, str | Sequence[str]] | str,
        *,
        currencies: Iterable[str] | None = None,
        categories: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
    ) -> "ViewState":
        """Read a state from a query mapping (``parse_qs`` style) or string.

        Each bad value falls back to its default on its own; unknown keys are
        ignored. ``currencies`` defaults to what the FX layer covers.

        >>> ViewState.from_query("?cur=EUR&tab=map&real=1&year=2020", currencies=["EUR"]).tab
        'map'
        """
        if isinstance(query, str):
            query = parse_qs(query.lstrip("?"), keep_blank_values=False)
        q: dict[str, list[str]] = {}
        for key, val in query.items():
            vals = [val] if isinstance(val, str) else [str(v) for v in val]
            q[str(key)] = [v for v in vals if v is not None]
        d = cls()
        cur_ok = {c.upper() for c in (currencies if currencies is not None else _available_currencies())}
        from dashboard.data import CATEGORIES as _C, STATUSES as _S  # noqa: N811

        cat_ok = set(categories if categories is not None else _C)
        sta_ok = set(statuses if statuses is not None else _S)

        def one(key: str) -> str | None:
            vals = q.get(key)
            return vals[-1].strip() if vals else None

        def many(key: str) -> tuple[str, ...]:
            out: list[str] = []
            for v in q.get(key, []):
                v = v.strip()
                if v and v not in out:
                    out.append(v)
            return tuple(out)

        cur = (one("cur") or "").upper()
        basis = one("basis") or ""
        tab = one("tab") or ""
        color = one("color") or ""
        year = _int(one("year"))
        return cls(
            currency=cur if cur in cur_ok else d.currency,
            basis=basis if basis in BASES else d.basis,
            as_of=_date(one("asof")),
            real=_bool(one("real")),
            real_year=year if year is not None and 1913 <= year <= 2100 else d.real_year,
            countries=tuple(c.upper() for c in many("country") if re.fullmatch(r"[A-Za-z]{2}", c)),
            companies=many("company"),
            categories=tuple(c for c in many("category") if c in cat_ok),
            statuses=tuple(s for s in many("status") if s in sta_ok),
            date_from=_date(one("from")),
            date_to=_date(one("to")),
            text=(one("q") or "")[:200],
            log=_bool(one("log")),
            color_by=color if color in COLOR_BY else d.color_by,
            compare=many("compare")[:MAX_COMPARE],
            tab=tab if tab in TABS or tab in OTHER_TABS else d.tab,
        )

    def to_query(self) -> str:
        """The query string (no ``?``) holding every non-default value."""
        d = ViewState()
        pairs: list[tuple[str, str]] = []
        for f in dataclasses.fields(self):
            val = getattr(self, f.name)
            if val == getattr(d, f.name):
                continue
            key = _FIELD_KEY[f.name]
            if isinstance(val, tuple):
                pairs.extend((key, v) for v in val)
            elif isinstance(val, bool):
                pairs.append((key, "1" if val else "0"))
            elif isinstance(val, dt.date):
                pairs.append((key, val.isoformat()))
            else:
                pairs.append((key, str(val)))
        return urlencode(pairs)

    def replace(self, **changes: Any) -> "ViewState":
        """A copy with some fields changed (lists become tuples).

        >>> ViewState().replace(countries=["KR"]).countries
        ('KR',)
        """
        for k, v in list(changes.items()):
            if isinstance(v, list):
                changes[k] = tuple(v)
        return dataclasses.replace(self, **changes)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _bool(text: str | None) -> bool:
    return (text or "").lower() in ("1", "true", "yes", "on")


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- filtering
class _PerFrame:
    """Values cached per DataFrame object, dropped when the frame is collected
    (frames are unhashable, so they are keyed by ``id`` with a finaliser)."""

    def __init__(self) -> None:
        self._data: dict[int, Any] = {}

    def get(self, df: pd.DataFrame) -> Any:
        return self._data.get(id(df))

    def __setitem__(self, df: pd.DataFrame, value: Any) -> None:
        key = id(df)
        if key not in self._data:
            weakref.finalize(df, self._data.pop, key, None)
        self._data[key] = value


_haystacks = _PerFrame()
_TEXT_COLS = ("id", "project", "company", "country", "city", "category", "status", "amount_reported", "source_publisher", "notes")


def company_names(companies: pd.Series) -> list[str]:
    """The distinct company names in a company column (``"A; B"`` names two).

    >>> company_names(pd.Series(["SoftBank Corp.; Sharp", "Sharp", None]))
    ['Sharp', 'SoftBank Corp.']
    """
    parts = companies.dropna().astype(str).str.split(";").explode().str.strip()
    return sorted(set(parts[parts != ""]))


def _haystack(df: pd.DataFrame) -> pd.Series:
    hay = _haystacks.get(df)
    if hay is None:
        cols = [c for c in _TEXT_COLS if c in df.columns]
        hay = df[cols[0]].astype(object).fillna("").astype(str)
        for c in cols[1:]:
            hay = hay + "\n" + df[c].astype(object).fillna("").astype(str)
        hay = hay.str.lower()
        _haystacks[df] = hay
    return hay


def filter_mask(df: pd.DataFrame, state: ViewState) -> np.ndarray:
    """Boolean mask of the rows of ``df`` that pass the state's filters.

    Filters: country, company (any of a row's ``;``-separated names),
    category, status, announced date range (inclusive), free text (case-blind,
    over names, places, figure and notes).
    """
    mask = np.ones(len(df), dtype=bool)
    if state.countries:
        mask &= df["country"].isin(state.countries).to_numpy()
    if state.categories:
        mask &= df["category"].isin(state.categories).to_numpy()
    if state.statuses:
        mask &= df["status"].isin(state.statuses).to_numpy()
    if state.companies:
        names = "|".join(re.escape(c) for c in state.companies)
        pat = rf"(?:^|;)\s*(?:{names})\s*(?:;|$)"
        mask &= df["company"].astype(object).fillna("").astype(str).str.contains(pat, regex=True).to_numpy()
    if state.date_from is not None or state.date_to is not None:
        dates = df["announced_date"]
        if state.date_from is not None:
            mask &= (dates >= pd.Timestamp(state.date_from)).fillna(False).to_numpy(dtype=bool)
        if state.date_to is not None:
            mask &= (dates <= pd.Timestamp(state.date_to)).fillna(False).to_numpy(dtype=bool)
    text = state.text.strip().lower()
    if text:
        hay = _haystack(df)
        for word in text.split():
            mask &= hay.str.contains(word, regex=False).to_numpy()
    return mask


# --------------------------------------------------------------- conversion
_CONVERTED = _PerFrame()
_CACHE_SIZE = 4


def _last_rate_day() -> dt.date:
    from dashboard.fx import bounds

    return bounds("USD")[1]


def conversion_settings(state: ViewState) -> tuple[str, str, dt.date | None, int | None]:
    """``(to, basis, as_of, real_year)`` as passed to ``convert_frame``.

    ``as_of`` only matters for the fixed basis (default: the last day with
    rates); constant prices are constant US dollars, so ``real_year`` is used
    only when the target is USD.

    >>> conversion_settings(ViewState(currency="KRW", real=True, as_of=dt.date(2024, 1, 2)))
    ('KRW', 'announcement', None, None)
    >>> conversion_settings(ViewState(basis="fixed", as_of=dt.date(2024, 1, 2), real=True))
    ('USD', 'fixed', datetime.date(2024, 1, 2), 2025)
    """
    as_of = None
    if state.basis == "fixed":
        as_of = state.as_of or _last_rate_day()
    real_year = state.real_year if state.real and state.currency == "USD" else None
    return (state.currency, state.basis, as_of, real_year)


def convert(df: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """``df`` converted for the state's currency, basis, as-of date and base
    year, sorted largest converted value first (missing amounts last).

    Cached per frame and per :func:`conversion_settings` (a few entries), so
    changing a filter never converts again.
    """
    from dashboard.fx import convert_frame

    per_frame = _CONVERTED.get(df)
    if per_frame is None:
        per_frame = _CONVERTED[df] = OrderedDict()
    key = conversion_settings(state)
    hit = per_frame.get(key)
    if hit is not None:
        per_frame.move_to_end(key)
        return hit
    currency, basis, as_of, real_year = key
    # rows outside a currency's rate data use the nearest published rate; fx_basis says so
    out = convert_frame(df, currency, basis=basis, as_of=as_of, real_year=real_year, fallback="nearest")
    order = np.lexsort((out["project"].fillna("").to_numpy(dtype=str), -out["converted_value"].fillna(-np.inf).to_numpy()))
    out = out.iloc[order]
    per_frame[key] = out
    while len(per_frame) > _CACHE_SIZE:
        per_frame.popitem(last=False)
    return out


def select(df: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """The one frame behind charts, grid and export: converted, filtered, sorted.

    Rows are ordered by converted value, largest first; rows with no amount
    come last, by project name.
    """
    conv = convert(df, state)
    mask = filter_mask(df, state)
    # conv is a reordering of df: carry the mask over by position
    order = _order_of(df, conv)
    return conv[mask[order]]


def _order_of(df: pd.DataFrame, conv: pd.DataFrame) -> np.ndarray:
    """Positions in ``df`` of the rows of ``conv`` (same index, reordered)."""
    pos = _positions.get(conv)
    if pos is None:
        pos = df.index.get_indexer(conv.index)
        if (pos < 0).any():
            raise ValueError("converted frame does not have the index of the loaded frame")
        _positions[conv] = pos
    return pos


_positions = _PerFrame()
