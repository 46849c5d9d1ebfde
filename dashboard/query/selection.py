"""The one frame behind every chart, the grid and the CSV export.

:func:`select` turns the loaded projects and a :class:`~dashboard.query.state.ViewState`
into that frame: converted (through :func:`dashboard.fx.convert_frame`),
filtered and sorted largest first. Conversions are cached per loaded frame and
per :func:`conversion_settings`, and keyed on the FX layer's rates revision, so
a change of the rate data (``fx update``, ``reset_cache()``) is never answered
from an old conversion.

Across processes (gunicorn workers, several app instances), a shared cache
(:func:`use_shared_cache`: anything with ``get(key)`` / ``set(key, value)``,
e.g. Flask-Caching on Redis) keeps the converted frames of frames that have a
content key (:func:`set_frame_key`, the store's data revision): one worker
converts, the others read the frame. Keys hold the frame key, the conversion
settings and :func:`rates_key`.
"""
from __future__ import annotations

import datetime as dt
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from dashboard.query.state import ViewState

__all__ = ["filter_mask", "company_mask", "free_company_names", "convert", "conversion_settings", "select", "rows_by_id",
           "convert_rows", "company_names", "rates_token", "rates_key",
           "use_shared_cache", "set_frame_key"]


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


_company_pairs = _PerFrame()
_free_names = _PerFrame()


_picks = _PerFrame()


def known_picks(df: pd.DataFrame) -> dict[str, frozenset[str]]:
    """The country codes and project ids of ``df`` (what the country filter and
    the compare picker can offer), found once per frame.

    >>> sorted(known_picks(pd.DataFrame({"id": ["a", "b"], "country": ["JP", None]}))["countries"])
    ['JP']
    """
    hit = _picks.get(df)
    if hit is None:
        hit = {"countries": frozenset(df["country"].dropna().astype(str).unique()) if "country" in df else frozenset(),
               "compare": frozenset(df["id"].astype(str)) if "id" in df else frozenset()}
        _picks[df] = hit
    return hit


def free_company_names(df: pd.DataFrame) -> tuple[str, ...]:
    """Names of companies in ``df`` that no ``company_ids`` hold (a user's
    record naming a company outside ``companies.csv``), once per frame: the
    company filter offers them and links may name them.

    >>> free_company_names(pd.DataFrame({"company_ids": ["tsmc", None], "company": ["TSMC", "Acme Fabs; Beta"]}))
    ('Acme Fabs', 'Beta')
    """
    hit = _free_names.get(df)
    if hit is None:
        if "company" not in df:
            hit = ()
        else:
            ids = df["company_ids"].astype(object).fillna("").astype(str) if "company_ids" in df else pd.Series("", index=df.index)
            hit = tuple(company_names(df.loc[(ids == "").to_numpy(), "company"]))
        _free_names[df] = hit
    return hit



def company_mask(df: pd.DataFrame, tokens: tuple[str, ...]) -> np.ndarray:
    """Rows whose companies the tokens pick (:class:`dashboard.data.companies.CompanyMatcher`:
    ids, whole groups, text inside any name), decided once per distinct
    (``company_ids``, ``company``) pair of the frame.

    >>> df = pd.DataFrame({"company_ids": ["softbank-corp;openai", "tsmc", None], "company": ["", "TSMC", "Acme Fabs"]})
    >>> company_mask(df, ("group:softbank",)).tolist(), company_mask(df, ("acme",)).tolist()
    ([True, False, False], [False, False, True])
    """
    from dashboard.data.companies import CompanyMatcher

    pairs = _company_pairs.get(df)
    if pairs is None:
        def text(col: str) -> pd.Series:
            if col not in df:
                return pd.Series("", index=df.index, dtype=object)
            return df[col].astype(object).fillna("").astype(str)

        codes, uniq = pd.factorize(text("company_ids") + "\x1f" + text("company"))
        pairs = (codes, [u.split("\x1f", 1) for u in uniq])
        _company_pairs[df] = pairs
    codes, uniq = pairs
    match = CompanyMatcher(tokens)
    picked = np.array([match(ids, name) for ids, name in uniq], dtype=bool)
    return picked[codes] if len(uniq) else np.zeros(len(df), dtype=bool)


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
        mask &= company_mask(df, state.companies)
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
#: conversions kept per loaded frame: up to this many (33 currencies x 4 bases fit), and at most
#: :data:`_CACHE_ROWS` rows in all (a converted copy of the 312 bundled rows holds ~150 kB of its own)
_CACHE_SIZE = 256
_CACHE_ROWS = 4_000_000
#: frames this small convert faster (about 1 ms for 300 rows) than a converted copy unpickles from
#: the shared cache (about 1.2 ms): only larger ones are shared between processes
#: (``$SEMIDASH_SHARE_CONVERSIONS_FROM_ROWS`` sets another size, 0 shares all)
_SHARE_MIN_ROWS = 20_000


def _share_min_rows() -> int:
    import os

    try:
        return int(os.environ.get("SEMIDASH_SHARE_CONVERSIONS_FROM_ROWS", _SHARE_MIN_ROWS))
    except ValueError:
        return _SHARE_MIN_ROWS


def _cache_entries(n_rows: int) -> int:
    """How many conversions of an ``n_rows``-row frame to keep (at least 4)."""
    return max(4, min(_CACHE_SIZE, _CACHE_ROWS // max(n_rows, 1)))


#: text columns the charts group by, categorical in the converted frame
_GROUP_COLS = ("country", "category", "status", "coord_precision", "company")
_codes_of = _PerFrame()


def _group_codes(df: pd.DataFrame) -> dict[str, tuple[np.ndarray, pd.Index]]:
    """``{column: (codes, sorted labels)}`` of the :data:`_GROUP_COLS` of the
    loaded frame, factorised once per frame (not once per conversion).

    >>> codes, labels = _group_codes(pd.DataFrame({"country": ["KR", None, "JP", "KR"]}))["country"]
    >>> codes.tolist(), list(labels)
    ([1, -1, 0, 1], ['JP', 'KR'])
    """
    hit = _codes_of.get(df)
    if hit is None:
        hit = {}
        for col in _GROUP_COLS:
            if col in df and not isinstance(df[col].dtype, pd.CategoricalDtype):
                codes, labels = pd.factorize(df[col], sort=True)
                hit[col] = (codes, pd.Index(labels, dtype=object))
        _codes_of[df] = hit
    return hit


def rates_token() -> object:
    """A token that changes whenever the FX layer's rate data change.

    ``dashboard.fx.rates_revision()`` (the FX layer's own revision, bumped by
    ``reset_cache()`` and ``fx update``) when the FX layer has it; until then
    the rate table object itself, which ``reset_cache()`` replaces. Holding the
    table in the cache key also keeps its ``id`` from being reused.
    """
    import dashboard.fx as fx

    revision = getattr(fx, "rates_revision", None)
    return revision() if revision is not None else fx.get_table()


def rates_key() -> str:
    """:func:`rates_token` as text for keys shared between processes
    (``rates_revision()`` is a hash of the rate files: the same in every process)."""
    return str(rates_token())


_shared: Any = None
_FRAME_KEYS = _PerFrame()


def use_shared_cache(cache: Any) -> None:
    """Keep converted frames in ``cache`` too (``get``/``set``; ``None`` stops sharing)."""
    global _shared
    _shared = cache


def set_frame_key(df: pd.DataFrame, key: str) -> None:
    """Name the content of ``df`` (e.g. ``"<version>:<store revision>"``): frames
    with the same key in any process share their conversions through the shared cache."""
    _FRAME_KEYS[df] = key


def _same(a: object, b: object) -> bool:
    """Tokens match: the same object, or equal plain values (a revision number or string)."""
    return a is b or (isinstance(a, (str, int, tuple)) and a == b)


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

    Cached per frame, per :func:`conversion_settings` (a few entries) and per
    :func:`rates_token`, so changing a filter never converts again and new
    rates always do.
    """
    from dashboard.fx import convert_frame

    token = rates_token()
    per_frame = _CONVERTED.get(df)
    if per_frame is None or not _same(per_frame[0], token):
        per_frame = (token, OrderedDict())
        _CONVERTED[df] = per_frame
    cache = per_frame[1]
    key = conversion_settings(state)
    hit = cache.get(key)
    if hit is not None:
        cache.move_to_end(key)
        return hit
    shared_key = None
    frame_key = _FRAME_KEYS.get(df)
    limit = _cache_entries(len(df))
    if _shared is not None and frame_key is not None and len(df) >= _share_min_rows():
        shared_key = f"conv:{frame_key}:{key}:{rates_key()}"
        hit = _shared.get(shared_key)
        if isinstance(hit, pd.DataFrame) and len(hit) == len(df):
            cache[key] = hit
            while len(cache) > limit:
                cache.popitem(last=False)
            return hit
    currency, basis, as_of, real_year = key
    # rows outside a currency's rate data use the nearest published rate; fx_basis says so
    out = convert_frame(df, currency, basis=basis, as_of=as_of, real_year=real_year, fallback="nearest")
    order = np.lexsort((out["project"].fillna("").to_numpy(dtype=str), -out["converted_value"].fillna(-np.inf).to_numpy()))
    out = out.iloc[order]
    for col, (codes, labels) in _group_codes(df).items():  # categorical: each view groups on integer codes
        out[col] = pd.Categorical.from_codes(codes[order], labels, validate=False)
    if shared_key is not None:
        _shared.set(shared_key, out)
    cache[key] = out
    while len(cache) > limit:
        cache.popitem(last=False)
    return out


def select(df: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """The one frame behind charts, grid and export: converted, filtered, sorted.

    Rows are ordered by converted value, largest first; rows with no amount
    come last, by project name.
    """
    conv = convert(df, state)
    mask = filter_mask(df, state)
    order = _order_of(df, conv)
    if mask.all():  # no filter: the converted frame itself (a shallow copy; copy-on-write keeps the cache intact)
        out = conv.copy(deep=False)
        _positions[out] = order
        return out
    # conv is a reordering of df: carry the mask over by position
    keep = mask[order]
    out = conv[keep]
    _positions[out] = order[keep]  # where each selected row sits in df (container_links reads it)
    return out


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
_links = _PerFrame()


def container_links(df: pd.DataFrame, selected: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """:func:`dashboard.data.totals.parent_links` of ``selected`` (rows of ``df``,
    e.g. from :func:`select`): each row's parent position in ``selected`` and its
    relation. The links are found once per loaded frame and carried over by
    position, so a view of a million rows does not look every id up again.

    >>> df = pd.DataFrame({"id": ["a", "b", "c"], "parent_id": [None, "a", "a"], "relation": [None, "part_of", "part_of"]})
    >>> pos, rel = container_links(df, df.iloc[[2, 0]])
    >>> pos.tolist(), rel.tolist()
    ([1, -1], ['part_of', ''])
    """
    from dashboard.data.totals import links_of_rows, parent_links

    hit = _links.get(df)
    if hit is None:
        hit = parent_links(df)
        _links[df] = hit
    sel = _positions.get(selected)
    if sel is None:
        sel = df.index.get_indexer(selected.index)
        if (sel < 0).any() or not df.index.is_unique:
            return parent_links(selected)
    return links_of_rows(hit, sel)


_id_index = _PerFrame()


def rows_by_id(df: pd.DataFrame, ids: Sequence[str]) -> pd.DataFrame:
    """The rows of ``df`` with the given ids, in the order given (unknown ids skipped).

    The id index is built once per frame, so picking a few rows of a 1M-row
    frame costs a hash look-up each, not a pass over the column.

    >>> df = pd.DataFrame({"id": ["a", "b", "c"], "v": [1, 2, 3]})
    >>> rows_by_id(df, ["c", "x", "a"])["v"].tolist()
    [3, 1]
    """
    index = _id_index.get(df)
    if index is None:
        index = pd.Index(df["id"].astype(str).to_numpy(dtype=object))
        _id_index[df] = index
    pos = index.get_indexer([str(i) for i in ids])
    return df.iloc[pos[pos >= 0]]


def convert_rows(df: pd.DataFrame, ids: Sequence[str], state: ViewState) -> pd.DataFrame:
    """The rows of the loaded frame ``df`` with the given ids (in that order),
    converted with the state's :func:`conversion_settings`: the same numbers
    as in :func:`convert` (conversion is row by row), without converting the
    whole frame, e.g. compare's picks at a rate basis no other view uses.

    >>> from dashboard.data import load_projects
    >>> df = load_projects()
    >>> ids = ["samsung-yokohama-apl", "stargate-project"]
    >>> a = convert_rows(df, ids, ViewState(currency="KRW"))
    >>> b = convert(df, ViewState(currency="KRW")).set_index("id").loc[ids]
    >>> a["converted_value"].tolist() == b["converted_value"].tolist()
    True
    """
    from dashboard.fx import convert_frame

    currency, basis, as_of, real_year = conversion_settings(state)
    return convert_frame(rows_by_id(df, ids), currency, basis=basis, as_of=as_of, real_year=real_year, fallback="nearest")
