"""Vectorised currency conversion with provenance.

Every converted number carries its rate, the date that rate was published
(never a day it was not), the source and the basis:

* ``announcement``: the rate of the record's own date;
* ``fixed``: the rate of one ``as_of`` date for every record;
* ``annual``: the average of the published daily rates of the record's
  calendar year (an incomplete year says so: ``annual 2026 (to 2026-10-30)``);
* ``latest``: the last date in the data.

On a day without a published rate (weekend, holiday) the last rate published
before it is used and *its* date is reported. A cross rate exists only on a
day both currencies were published (EUR is the common base). Dates outside the
data raise :class:`DateOutOfRangeError` unless ``fallback="nearest"``.

>>> c = convert(4e10, "JPY", "KRW", date="2025-04-05")     # a Saturday
>>> c.rate_date.isoformat(), round(c.rate, 4)
('2025-04-04', 9.972)
>>> convert(1, "USD", "USD", date="2025-04-05").source
'identity'
>>> [o.id for o in convert(1, "TWD", "USD", date="2025-04-04").origins]
['fred-dextaus', 'ecb']
"""
from __future__ import annotations

import ctypes
import datetime as dt
import sys
import threading
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from dashboard.errors import DateOutOfRangeError, RateNotFoundError, UnknownCurrencyError
from dashboard.fx.bases import BASES
from dashboard.fx.days import parse_day
from dashboard.fx.rates import RateTable, get_table
from dashboard.fx.sources import ECB_ID, Origin

__all__ = ["BASES", "Conversion", "convert", "convert_frame", "parse_day", "pair_rates"]

NAT = np.iinfo(np.int64).min
NEAREST_NOTE = ", nearest bound (date outside rate data)"


@dataclass(frozen=True)
class Conversion:
    """One converted amount and the rate record behind it.

    ``source`` is the text rendered from ``origins``, the
    :class:`~dashboard.fx.sources.Origin` objects of every series the rate
    used (empty for an identity); ``to_dict`` gives their ids.
    """

    value: float
    currency: str
    rate: float
    rate_date: dt.date
    source: str
    basis: str
    original_value: float
    original_currency: str
    fallback: bool = False
    nominal_value: float | None = None
    deflator: float | None = None
    real_year: int | None = None
    cpi_source: str | None = None
    origins: tuple[Origin, ...] = ()

    def to_dict(self) -> dict:
        """Plain-JSON form (dates as ISO strings, origins as their ids)."""
        out = asdict(self)
        out["rate_date"] = self.rate_date.isoformat() if self.rate_date else None
        out["origins"] = [o.id for o in self.origins]
        return out


def _pair_rows(table: RateTable, f: np.ndarray, t: np.ndarray, i: np.ndarray) -> np.ndarray:
    """Last row ``<= i`` on which both ``f`` and ``t`` were published (-1 if none)."""
    lv = table.last_valid
    a = np.full(len(i), -1, dtype=np.int64)
    b = np.full(len(i), -1, dtype=np.int64)
    ok = i >= 0
    a[ok] = lv[i[ok], f[ok]]
    b[ok] = lv[i[ok], t[ok]]
    while True:  # step back to the latest common day; ends because rows only decrease
        m = np.flatnonzero((a != b) & (a >= 0) & (b >= 0))
        if not len(m):
            break
        k = np.minimum(a[m], b[m])
        a[m] = lv[k, f[m]]
        b[m] = lv[k, t[m]]
    return np.where((a >= 0) & (b >= 0), a, -1)


def _first_common_row(table: RateTable, f: int, t: int) -> int:
    both = ~np.isnan(table.values[:, f]) & ~np.isnan(table.values[:, t])
    hits = np.flatnonzero(both)
    return int(hits[0]) if len(hits) else -1


def _pair_error(
    table: RateTable, f: int, t: int, day: int, where: str = "", *, lead: str = "", note: str = ""
) -> RateNotFoundError:
    """Out-of-range error naming the currency whose data do not reach ``day``.

    The message is built once from its parts: ``lead`` (e.g. "no annual
    average for 2030: "), ``where`` (the row and field), the bounds, ``note``
    (e.g. "(and 3 more rows)"); they are also kept as attributes.
    """
    d = np.datetime64(int(day), "D")
    for j in (f, t):
        if table.days[table.first_row[j]] > day or table.days[table.last_row[j]] < day:
            return table.out_of_range(table.codes[j], d, where=where, lead=lead, note=note)
    text = f"{table.codes[f]} and {table.codes[t]} have no rate published on a common day on or before {d}"
    err = DateOutOfRangeError(lead + text + note)
    err.currency, err.date, err.bounds, err.where = (table.codes[f], table.codes[t]), d.astype(object), None, where
    return err


def _rows(table: RateTable, f: np.ndarray, t, days: np.ndarray, check_end: bool) -> tuple[np.ndarray, np.ndarray]:
    """Rows of the latest day <= ``days`` with both ``f`` and ``t`` published, and a mask of rows out of range.

    ``t`` is one column (int) or an array like ``f``. O(1) per row through the
    calendar table; only pairs whose legs were published on different days
    (rare: TWD on US holidays) take the slower step-back path.
    """
    cal = table.cal_last_valid
    ncal = cal.shape[1]
    di = days - table.day0
    before = di < 0
    np.clip(di, 0, ncal - 1, out=di)
    flat = cal.ravel()
    a = flat[f * ncal + di]
    scalar = np.ndim(t) == 0
    b = cal[t][di] if scalar else flat[t * ncal + di]
    if before.any():
        a[before] = -1
    m = np.flatnonzero(a != b)
    if len(m):
        tm = np.full(len(m), t) if scalar else t[m]
        start = np.where((a[m] < 0) | (b[m] < 0), -1, np.minimum(a[m], b[m]))
        a[m] = _pair_rows(table, f[m], tm, start)
    bad = a < 0
    if check_end:
        last_day = table.days[table.last_row]
        limit = np.minimum(last_day, last_day[t])[f] if scalar else np.minimum(last_day[f], last_day[t])
        bad |= days > limit
    return a, bad


def _gather_rates(table: RateTable, f: np.ndarray, t, row: np.ndarray) -> np.ndarray:
    vb = table.values_by_code
    nrows = vb.shape[1]
    den = vb.ravel()[f * nrows + row]
    num = vb[t][row] if np.ndim(t) == 0 else vb.ravel()[t * nrows + row]
    return num / den


def pair_rates(
    table: RateTable,
    f: np.ndarray,
    t,
    days: np.ndarray,
    *,
    basis: str = "announcement",
    as_of=None,
    fallback: str | None = None,
    where=None,
) -> dict:
    """Rates for arrays of (from column, to column, day number); the vectorised core.

    ``f`` holds column indices (-1 = skip the row); ``t`` one column index or an
    array like ``f``; ``days`` int64 day numbers (:data:`NAT` = no date).
    Returns arrays ``rate``, ``rate_day``, ``fallback`` and ``basis_code`` with
    the label list ``basis_labels``. ``where(k)`` names row ``k`` in errors.
    """
    if basis not in BASES:
        raise ValueError(f"basis {basis!r} is not one of {', '.join(BASES)}")
    if fallback not in (None, "nearest"):
        raise ValueError(f"fallback {fallback!r} is not None or 'nearest'")
    n = len(f)
    f = np.asarray(f, dtype=np.int64)
    t_arr = np.broadcast_to(np.asarray(t, dtype=np.int64), (n,))
    days = np.asarray(days, dtype=np.int64)
    labels: list[str] = []

    if basis == "fixed":
        if as_of is None:
            raise ValueError("basis 'fixed' needs as_of (the one date whose rates every record uses)")
        fixed_day = parse_day(as_of)
        days = np.full(n, fixed_day.astype("int64"), dtype=np.int64)
        labels.append(f"fixed {fixed_day}")
    elif basis == "latest":
        days = np.full(n, table.days[-1], dtype=np.int64)
        labels.append("latest")
    elif basis == "announcement":
        labels.append("announcement")
    ok = (f >= 0) & (t_arr >= 0) & (days != NAT)
    same = ok & (f == t_arr)
    any_same = bool(same.any())
    need = ok & ~same if any_same else ok
    all_needed = bool(need.all())
    fell = np.zeros(n, dtype=bool)
    basis_code = np.zeros(n, dtype=np.int8) if all_needed else np.where(ok, 0, -1).astype(np.int8)

    if basis == "annual":
        rate = np.full(n, np.nan)
        rate[same] = 1.0
        rate_day = np.where(same, days, NAT)
        idx = np.flatnonzero(need)
        basis_code = basis_code.astype(np.int64)
        _annual(table, f, t_arr, days, idx, rate, rate_day, fell, basis_code, labels, fallback, where)
        same_rows = np.flatnonzero(same)
        if len(same_rows):
            years = days[same_rows].astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
            yu, inv = np.unique(years, return_inverse=True)
            codes = np.array([_label(labels, f"annual {y}") for y in yu.tolist()])
            basis_code[same_rows] = codes[inv]
        return {"rate": rate, "rate_day": rate_day, "fallback": fell, "basis_code": basis_code, "basis_labels": labels}

    # compute on whole arrays (no subsetting): rows not needed borrow a harmless
    # identity pair on the last day and are overwritten below
    tk = t if np.ndim(t) == 0 else t_arr
    if all_needed:
        fk, dk = f, days
    else:
        fk = np.where(need, f, t_arr)
        dk = np.where(need, days, table.days[-1])
    row, bad_mask = _rows(table, fk, tk, dk, check_end=basis != "latest")
    if not all_needed:
        bad_mask &= need
    bad = np.flatnonzero(bad_mask)
    if len(bad):
        tb = np.broadcast_to(tk, fk.shape)
        if fallback != "nearest":
            k = bad[0]
            extra = f" (and {len(bad) - 1} more rows)" if len(bad) > 1 else ""
            raise _pair_error(table, fk[k], tb[k], dk[k], where(int(k)) if where else "", note=extra)
        for k in bad:  # only the rows outside the data
            end = min(table.last_row[fk[k]], table.last_row[tb[k]])
            if dk[k] > table.days[end]:
                row[k] = _pair_rows(table, fk[k : k + 1], tb[k : k + 1], np.array([end]))[0]
            else:
                row[k] = _first_common_row(table, fk[k], tb[k])
            if row[k] < 0:
                raise _pair_error(table, fk[k], tb[k], dk[k], where(int(k)) if where else "")
        fell[bad] = True
        basis_code[bad] = _label(labels, labels[0] + NEAREST_NOTE)
    rate = _gather_rates(table, fk, tk, row)
    rate_day = table.days[row]
    if not all_needed:
        rate[~need] = np.nan
        rate_day[~need] = NAT
        if any_same:
            rate[same] = 1.0
            rate_day[same] = days[same]
    return {"rate": rate, "rate_day": rate_day, "fallback": fell, "basis_code": basis_code, "basis_labels": labels}


def _label(labels: list[str], text: str) -> int:
    if text not in labels:
        labels.append(text)
    return labels.index(text)


def _annual(table, f, t, days, need, rate, rate_day, fell, basis_code, labels, fallback, where) -> None:
    """Annual averages for the rows ``need``, one computation per (pair, year)."""
    years = days[need].astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    n_codes = len(table.codes)
    key = (f[need] * n_codes + t[need]) * 10000 + years
    uniq, inverse = np.unique(key, return_inverse=True)
    for u, combo in enumerate(uniq):
        pair, year = divmod(int(combo), 10000)
        fc, tc = divmod(pair, n_codes)
        found = _annual_one(table, fc, tc, year)
        nearest = False
        if found is None:
            k = need[np.flatnonzero(inverse == u)[0]]
            if fallback != "nearest":
                raise _pair_error(table, fc, tc, days[k], where(k) if where else "", lead=f"no annual average for {year}: ")
            first = _first_common_row(table, fc, tc)
            last = _pair_rows(table, np.array([fc]), np.array([tc]), np.array([len(table.days) - 1]))[0]
            if first < 0:
                raise _pair_error(table, fc, tc, days[k], where(k) if where else "")
            bound = first if year < table.dates[first].astype(object).year else last
            found = _annual_one(table, fc, tc, table.dates[bound].astype(object).year)
            nearest = True
        value, last_day, label = found
        rows = need[inverse == u]
        rate[rows] = value
        rate_day[rows] = last_day
        fell[rows] = nearest
        basis_code[rows] = _label(labels, label + (NEAREST_NOTE if nearest else ""))


def _annual_one(table: RateTable, fc: int, tc: int, year: int):
    """``(mean, last rate day, label)`` of the pair's rates in ``year`` or ``None`` (memoised on the table)."""
    return table.cache.get(("annual", fc, tc, year), lambda: _compute_annual_one(table, fc, tc, year))


def _compute_annual_one(table: RateTable, fc: int, tc: int, year: int):
    start = np.searchsorted(table.dates, np.datetime64(f"{year}-01-01", "D"))
    stop = np.searchsorted(table.dates, np.datetime64(f"{year + 1}-01-01", "D"))
    ratio = table.values[start:stop, tc] / table.values[start:stop, fc]
    valid = np.flatnonzero(~np.isnan(ratio))
    if not len(valid):
        return None
    last_row = start + valid[-1]
    pair_last = _pair_rows(table, np.array([fc]), np.array([tc]), np.array([len(table.days) - 1]))[0]
    label = f"annual {year}"
    if pair_last <= last_row and table.dates[last_row] < np.datetime64(f"{year}-12-31", "D"):
        label += f" (to {table.dates[last_row]})"
    return float(ratio[valid].mean()), int(table.days[last_row]), label


def _pair_record(table: RateTable, fc: int, tc: int, spans=None) -> tuple[str, tuple[str, ...]]:
    """Source text and origin ids of the pair ``fc -> tc`` (memoised on the table).

    ``spans`` is ``((from lo, from hi), (to lo, to hi))``: the runs of each
    leg's series the rate came from (see :func:`_leg_spans`); ``None`` names
    every series of both legs (the whole-column texts).
    """
    return table.cache.get(("pair_record", fc, tc, spans), lambda: _make_pair_record(table, fc, tc, spans))


def _make_pair_record(table: RateTable, fc: int, tc: int, spans) -> tuple[str, tuple[str, ...]]:
    if fc == tc:
        return "identity", ()
    if spans is None:
        legs = [table.sources[j] for j in (fc, tc)]
        ids = [i for j in (fc, tc) for i in table.col_origins[j]]
    else:
        legs = [table.span_text(j, lo, hi) for j, (lo, hi) in zip((fc, tc), spans)]
        ids = [i for j, (lo, hi) in zip((fc, tc), spans) for i in table.span_origin_ids(j, lo, hi)]
    ecb_source = table.ecb_source
    if table.sources[fc] != ecb_source and table.sources[tc] != ecb_source:
        legs.append(ecb_source)  # both legs are crossed through ECB USD/EUR
    seen: list[str] = []
    for leg in legs:
        if leg not in seen:
            seen.append(leg)
    # the ECB file itself last, as the base every leg goes through
    seen.sort(key=lambda s: s == ecb_source)
    ids = [i for i in dict.fromkeys(ids) if i != ECB_ID] + [ECB_ID]  # every cross goes through the ECB base
    return "; ".join(seen), tuple(ids)


def _pair_source(table: RateTable, fc: int, tc: int, spans=None) -> str:
    """Source text of the pair ``fc -> tc`` (see :func:`_pair_record`)."""
    return _pair_record(table, fc, tc, spans)[0]


def _leg_spans(table: RateTable, cols: np.ndarray, rate_days: np.ndarray, annual: bool) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the first and last span codes of ``cols`` behind a rate of ``rate_days``.

    One rate date is one span; an annual average also covers the earlier days
    of its year (from 1 January), so it may run over several spans.
    Columns of one series get 0; the loop is over the few multi-series columns.
    """
    lo = np.zeros(len(cols), dtype=np.int64)
    hi = np.zeros(len(cols), dtype=np.int64)
    for j in np.flatnonzero(table.multi_span):
        m = np.flatnonzero(cols == j)
        if not len(m):
            continue
        days = rate_days[m]
        hi[m] = table.source_index(j, days)
        if annual:
            year_start = days.astype("datetime64[D]").astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)
            lo[m] = table.source_index(j, year_start)
        else:
            lo[m] = hi[m]
    return lo, hi


def _deflate(years: np.ndarray, real_year: int):
    from dashboard.fx.deflate import cpi_source, deflators

    factor, used, notes = deflators(years, real_year)
    method = f"constant {real_year} USD = nominal USD x CPI-U({real_year}) / CPI-U(record year); {cpi_source()}"
    texts = [method + (f"; {n}" if n else "") for n in notes]
    return factor, texts


def convert(
    value: float,
    from_currency: str,
    to: str,
    *,
    date=None,
    basis: str = "announcement",
    as_of=None,
    real_year: int | None = None,
    fallback: str | None = None,
) -> Conversion:
    """Convert one amount; see the module docstring for bases and fallbacks.

    ``real_year`` gives constant US dollars of that year (``to`` must be USD):
    nominal -> USD at ``basis`` -> times CPI-U(real_year) / CPI-U(year of ``date``).

    >>> c = convert(1_000_000, "TWD", "USD", date="2024-07-19")
    >>> round(c.value, 2), c.rate_date.isoformat()
    (30543.68, '2024-07-19')
    """
    table = get_table()
    f, t = table.col(from_currency), table.col(to)
    if real_year is not None and to != "USD":
        raise ValueError(f"real_year converts to constant US dollars: to must be 'USD', not {to!r}")
    if date is None and basis in ("announcement", "annual"):
        raise ValueError(f"basis {basis!r} needs the record's date")
    day = parse_day(date).astype("int64") if date is not None else NAT
    if basis == "fixed" and as_of is not None and date is None:
        day = parse_day(as_of).astype("int64")
    if basis == "latest" and date is None:
        day = table.days[-1]
    out = pair_rates(
        table, np.array([f]), np.array([t]), np.array([day]), basis=basis, as_of=as_of, fallback=fallback
    )
    rate = float(out["rate"][0])
    rate_date = np.datetime64(int(out["rate_day"][0]), "D").astype(object)
    nominal = float(value) * rate
    kwargs = {}
    result = nominal
    if real_year is not None:
        if date is None:
            raise ValueError("real_year needs the record's date (its year is the nominal year)")
        year = parse_day(date).astype(object).year
        factor, texts = _deflate(np.array([year]), real_year)
        result = nominal * float(factor[0])
        kwargs = dict(nominal_value=nominal, deflator=float(factor[0]), real_year=int(real_year), cpi_source=texts[0])
    source, origin_ids = _pair_record(table, f, t, _row_spans(table, f, t, out["rate_day"], basis))
    return Conversion(
        value=result,
        currency=to,
        rate=rate,
        rate_date=rate_date,
        source=source,
        origins=table.origins_of(origin_ids),
        basis=out["basis_labels"][int(out["basis_code"][0])],
        original_value=float(value),
        original_currency=from_currency,
        fallback=bool(out["fallback"][0]),
        **kwargs,
    )


def _row_spans(table: RateTable, f: int, t: int, rate_day: np.ndarray, basis: str):
    """``spans`` for :func:`_pair_source` of one converted value."""
    if rate_day[0] == NAT:
        return None
    legs = []
    for j in (f, t):
        lo, hi = _leg_spans(table, np.array([j]), rate_day[:1], basis == "annual")
        legs.append((int(lo[0]), int(hi[0])))
    return tuple(legs)


_DAY_UNITS = {"s": 86_400, "ms": 86_400_000, "us": 86_400_000_000, "ns": 86_400_000_000_000}


def _day_numbers(col: pd.Series) -> np.ndarray:
    """int64 day numbers of a date column (datetime64 or YYYY[-MM[-DD]] text); NAT where missing."""
    if pd.api.types.is_datetime64_any_dtype(col):
        arr = col.to_numpy()
        if arr.dtype.kind == "M":
            unit = np.datetime_data(arr.dtype)[0]
            if unit in _DAY_UNITS:  # floor division of the raw counts: 3x faster than astype
                out = arr.view(np.int64) // _DAY_UNITS[unit]
                nat = np.isnat(arr)
                if nat.any():
                    out[nat] = NAT
                return out
        arr = col.to_numpy(dtype="datetime64[D]")
        out = arr.astype(np.int64)
        out[np.isnat(arr)] = NAT
        return out
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    lut = np.array([parse_day(u).astype(np.int64) for u in uniques] + [NAT], dtype=np.int64)
    return lut[codes]  # code -1 picks the trailing NAT


def _object_pointers(arr: np.ndarray) -> np.ndarray | None:
    """The PyObject addresses held by a contiguous object array, as int64 (no copy; CPython only)."""
    if sys.implementation.name != "cpython" or arr.dtype != object or not arr.flags.c_contiguous:
        return None
    if np.dtype(np.intp).itemsize != 8 or not len(arr):
        return None
    return np.ctypeslib.as_array((ctypes.c_int64 * len(arr)).from_address(arr.ctypes.data))


def _factorize_currencies(col: pd.Series) -> tuple[np.ndarray, np.ndarray, list]:
    """``(codes, to_unique, uniques)`` of a currency column: ``uniques[to_unique[codes]]`` is each row's value.

    ``to_unique`` maps a code to its value's index in ``uniques`` (-1: missing),
    so two codes may share a value; code -1 is a missing value. A categorical
    column gives its codes. Strings held in an object array (object dtype, or
    pandas' ``str`` dtype with Python storage) are factorised by object
    identity first: columns read from CSV or built from a few code strings
    hold a handful of string objects, so hashing 1M 8-byte addresses
    replaces hashing 1M strings (about 6x faster); the few distinct objects
    (alive: ``arr`` holds them) are then compared by value. Columns of mostly
    distinct string objects take the plain path.
    """
    if isinstance(col.dtype, pd.CategoricalDtype):
        cats = list(col.cat.categories)
        return col.cat.codes.to_numpy(), np.arange(len(cats), dtype=np.int64), cats
    arr = col.to_numpy(dtype=object) if col.dtype == object or _python_strings(col) else None
    if arr is not None:
        ptrs = _object_pointers(arr)
        if ptrs is not None:
            pcodes, puniq = pd.factorize(ptrs)
            if len(puniq) <= max(4096, len(arr) // 64):
                held = np.empty(len(puniq), dtype=object)
                held[:] = [ctypes.cast(int(p), ctypes.py_object).value for p in puniq.tolist()]
                to_unique, uniques = pd.factorize(held, use_na_sentinel=True)
                return pcodes, to_unique.astype(np.int64), list(uniques)
        codes, uniques = pd.factorize(arr, use_na_sentinel=True)
    else:  # e.g. Arrow-backed strings: pandas uses Arrow's dictionary encoding
        codes, uniques = pd.factorize(col, use_na_sentinel=True)
    return codes, np.arange(len(uniques), dtype=np.int64), list(uniques)


def _python_strings(col: pd.Series) -> bool:
    dtype = col.dtype
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "python"


class _TargetCalendar:
    """Per target column ``t``: the rate and rate date of ``from -> t`` pairs on every calendar day.

    Flat arrays ``rate`` and ``second`` of ``(codes + 1) x width`` cells: cell
    ``j * width + 1 + d`` holds the rate of ``codes[j] -> codes[t]`` on
    calendar day ``day0 + d`` (the last day on or before it on which both
    legs were published) and that day in seconds; NaN / NAT where the pair has
    no rate (before the first common day, after either leg's data end).
    Column 0 and ``width - 1`` are the days before and after the table; the
    extra last row is all NaN (rows to skip). The identity ``t -> t`` is 1
    with the calendar day itself as its date (a record's own day); outside
    the table it is left to the slow path. Rows are built on first use, for
    the codes a frame holds (:meth:`ensure`), so a small frame costs little;
    the whole object is memoised on the table (at most ~7 MB).
    """

    def __init__(self, table: RateTable, t: int) -> None:
        self.table, self.t = table, t
        n_codes = len(table.codes)
        self.n_cal = int(table.days[-1]) - table.day0 + 1
        self.width = self.n_cal + 2
        self.rate = np.empty((n_codes + 1) * self.width)  # untouched rows cost no memory
        self.second = np.empty((n_codes + 1) * self.width, dtype=np.int64)
        self.rate[n_codes * self.width :] = np.nan
        self.second[n_codes * self.width :] = NAT
        self.built = np.zeros(n_codes, dtype=bool)
        self._lock = threading.Lock()

    def ensure(self, cols) -> _TargetCalendar:
        """Build the rows of ``cols`` (table columns) not built yet; returns ``self``."""
        cols = np.asarray(cols, dtype=np.int64)
        todo = np.unique(cols[(cols >= 0) & ~self.built[np.maximum(cols, 0)]])
        if len(todo):
            with self._lock:
                todo = todo[~self.built[todo]]
                if len(todo):
                    self._build(todo)
        return self

    def _build(self, cols: np.ndarray) -> None:
        table, t, width = self.table, self.t, self.width
        valid = ~np.isnan(table.values[:, cols])
        valid &= ~np.isnan(table.values[:, t : t + 1])
        rows = np.arange(len(table.days), dtype=np.int32)[:, None]
        last_common = np.maximum.accumulate(np.where(valid, rows, -1), axis=0)
        cal_days = np.arange(table.day0, table.day0 + self.n_cal, dtype=np.int64)
        cal_rows = np.searchsorted(table.days, cal_days, side="right") - 1
        r = np.ascontiguousarray(last_common[cal_rows].T)  # cols x calendar days
        last_day = table.days[table.last_row]
        bad = (r < 0) | (cal_days[None, :] > np.minimum(last_day[cols], last_day[t])[:, None])
        rc = np.maximum(r, 0)
        vb = table.values_by_code
        rate = vb[t][rc] / vb[cols[:, None], rc]
        second = table.days[rc] * 86_400
        rate[bad] = np.nan
        second[bad] = NAT
        is_t = cols == t
        rate[is_t] = 1.0
        second[is_t] = cal_days * 86_400
        rate_2d = self.rate.reshape(-1, width)
        sec_2d = self.second.reshape(-1, width)
        rate_2d[cols, 1:-1] = rate
        sec_2d[cols, 1:-1] = second
        rate_2d[cols[:, None], [0, width - 1]] = np.nan
        sec_2d[cols[:, None], [0, width - 1]] = NAT
        self.built[cols] = True


def _target_calendar(table: RateTable, t: int, cols) -> _TargetCalendar:
    """The :class:`_TargetCalendar` of target column ``t`` with the rows of ``cols`` built (memoised on the table)."""
    cal = table.cache.get(("target_calendar", t), lambda: _TargetCalendar(table, t), big=True)
    return cal.ensure(cols)


def _frame_rates(table, codes, code_col, t, days, skip, *, basis, as_of, fallback, where) -> dict:
    """:func:`pair_rates` for a frame's rows to one column ``t`` (bases announcement, fixed, latest).

    ``codes`` are the rows' factor codes and ``code_col[code]`` their table
    columns (-1 and code -1: no currency); ``skip`` marks rows to leave NaN
    (or is ``None``). One gather from :func:`_target_calendar` per row; rows
    the calendar cannot answer (outside the data, no common day) go to
    :func:`pair_rates`, which raises or falls back exactly as for a single
    conversion. Returns ``rate``, ``rate_second`` (int64 seconds, NAT where
    none), ``basis_code``, ``basis_labels``, ``fallback``.
    """
    n = len(codes)
    cal = _target_calendar(table, t, code_col)
    rate_cal, sec_cal, width = cal.rate, cal.second, cal.width
    nan_row = len(table.codes) * width
    offset = np.where(code_col >= 0, code_col * width, nan_row)  # per code; the last entry serves code -1
    if basis == "fixed":
        if as_of is None:
            raise ValueError("basis 'fixed' needs as_of (the one date whose rates every record uses)")
        fixed = parse_day(as_of)
        label, const_day = f"fixed {fixed}", int(fixed.astype(np.int64))
    elif basis == "latest":
        label, const_day = "latest", int(table.days[-1])
    else:
        label, const_day = "announcement", None
    if const_day is None:
        idx = (offset - (table.day0 - 1))[codes]
        idx += days  # = row offset + 1 + calendar day; days outside the table get a padding column below
        lo, hi = table.day0, int(table.days[-1])
        if n and (days.min() < lo or days.max() > hi):  # two reductions; the mask only when needed
            rows = np.flatnonzero((days < lo) | (days > hi))
            idx[rows] = offset[codes[rows]] + np.where(days[rows] < lo, 0, width - 1)
        if skip is not None:
            idx[skip] = nan_row
        rate = rate_cal[idx]
        second = sec_cal[idx]
    else:  # one date for every row: a per-code vector, then one gather by code
        d = min(max(const_day - table.day0 + 1, 0), width - 1)
        rate_by, sec_by = rate_cal[offset + d], sec_cal[offset + d]
        rate_by[code_col == t] = 1.0  # the identity on the basis date, in or out of the data
        sec_by[code_col == t] = const_day * 86_400
        rate, second = rate_by[codes], sec_by[codes]
        if skip is not None:
            rate[skip] = np.nan
            second[skip] = NAT
    basis_code = np.zeros(n, dtype=np.int8)
    labels = [label]
    fell = np.zeros(n, dtype=bool)
    missing = np.isnan(rate)
    if missing.any():
        skip_all = code_col[codes] < 0
        if skip is not None:
            skip_all |= skip
        basis_code[skip_all] = -1
        bad = np.flatnonzero(missing & ~skip_all)
        if len(bad):
            res = pair_rates(
                table, code_col[codes[bad]], t, days[bad], basis=basis, as_of=as_of, fallback=fallback,
                where=(lambda k: where(int(bad[k]))) if where else None,
            )
            rate[bad] = res["rate"]
            second[bad] = np.where(res["rate_day"] != NAT, res["rate_day"] * 86_400, NAT)
            fell[bad] = res["fallback"]
            relabel = np.array([_label(labels, x) for x in res["basis_labels"]] + [-1], dtype=np.int8)
            basis_code[bad] = relabel[res["basis_code"]]
    return {"rate": rate, "rate_second": second, "basis_code": basis_code, "basis_labels": labels, "fallback": fell}


def convert_frame(
    df: pd.DataFrame,
    to: str,
    *,
    basis: str = "announcement",
    as_of=None,
    real_year: int | None = None,
    value_col: str = "amount_value",
    currency_col: str = "currency",
    date_col: str = "announced_date",
    fallback: str | None = None,
) -> pd.DataFrame:
    """Return ``df`` plus conversion columns, computed without a per-row loop.

    Adds ``converted_value``, ``converted_currency``, ``fx_rate``,
    ``fx_rate_date``, ``fx_source`` (text), ``fx_origin`` (the ids of its
    :class:`~dashboard.fx.sources.Origin` objects, ``+``-joined; see
    :func:`dashboard.fx.get_origins`), ``fx_basis`` (and
    ``converted_value_nominal``, ``deflator``, ``real_year``, ``cpi_source``
    with ``real_year``). Rows without a value, currency or needed date keep
    NaN. Unknown currencies and out-of-range dates raise, naming the row and
    field.

    >>> df = pd.DataFrame({"amount_value": [4e10, 1e9, None], "currency": ["JPY", "USD", "KRW"],
    ...                    "announced_date": pd.to_datetime(["2025-04-02", "2025-04-05", "2025-04-02"])})
    >>> out = convert_frame(df, "KRW")
    >>> out["fx_rate_date"].dt.strftime("%Y-%m-%d").tolist()
    ['2025-04-02', '2025-04-04', nan]
    >>> round(out["converted_value"].iloc[0] / 1e8)   # 억원
    3918
    >>> out["fx_origin"].tolist()
    ['ecb', 'ecb', nan]
    """
    if basis not in BASES:
        raise ValueError(f"basis {basis!r} is not one of {', '.join(BASES)}")
    if fallback not in (None, "nearest"):
        raise ValueError(f"fallback {fallback!r} is not None or 'nearest'")
    table = get_table()
    t_col = table.col(to)
    if real_year is not None and to != "USD":
        raise ValueError(f"real_year converts to constant US dollars: to must be 'USD', not {to!r}")
    for name in (value_col, currency_col) + ((date_col,) if basis != "fixed" and basis != "latest" else ()):
        if name not in df.columns:
            raise KeyError(f"column {name!r} not in frame; columns: {', '.join(map(str, df.columns))}")
    n = len(df)
    amounts = df[value_col]
    if amounts.dtype == np.float64:  # the usual case: read the column as it is (no copy; it is not written to)
        values = amounts.to_numpy()
    else:
        values = pd.to_numeric(amounts, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    codes, to_unique, uniques = _factorize_currencies(df[currency_col])
    col_of_unique = np.empty(len(uniques) + 1, dtype=np.int64)  # last slot: -1 (missing)
    col_of_unique[-1] = -1
    for k, code in enumerate(uniques):
        code = str(code).strip()
        if code == "":
            col_of_unique[k] = -1
            continue
        if code not in table.index:
            first = np.flatnonzero(to_unique == k)
            row = df.index[int(np.flatnonzero(np.isin(codes, first))[0])]
            raise UnknownCurrencyError(code, table.available()).at(f"row {row}, field {currency_col}")
        col_of_unique[k] = table.index[code]
    code_col = np.append(col_of_unique[to_unique], -1)  # per factor code; code -1 (missing) picks the last slot
    if date_col in df.columns:
        record_days = _day_numbers(df[date_col])
    else:
        record_days = np.full(n, NAT, dtype=np.int64)
    # rows to leave NaN: no value, or no date where the basis needs one (no currency: code_col -1)
    skip = np.isnan(values)
    if basis in ("announcement", "annual") and n and record_days.min() == NAT:
        skip |= record_days == NAT
    if not skip.any():
        skip = None
    index = df.index

    def where(k: int) -> str:
        shown = df[date_col].iloc[k] if date_col in df.columns else ""
        return f"row {index[k]}, field {date_col} ({shown})"

    def cols_of(rows: np.ndarray) -> np.ndarray:
        """Table columns of ``rows`` (-1: skipped)."""
        out = code_col[codes[rows]]
        if skip is not None:
            out[skip[rows]] = -1
        return out

    used_cols = {int(j) for j in code_col if j >= 0}
    if basis == "annual":
        f = cols_of(np.arange(n))
        res = pair_rates(table, f, t_col, record_days, basis=basis, as_of=as_of, fallback=fallback, where=where)
        rate_day = res["rate_day"]
        rate_second = np.where(rate_day != NAT, rate_day * 86_400, NAT)
    else:
        days = record_days if basis == "announcement" else np.where(record_days != NAT, record_days, 0)
        res = _frame_rates(
            table, codes, code_col, t_col, days, skip, basis=basis, as_of=as_of, fallback=fallback, where=where
        )
        rate_second = res["rate_second"]
    rate = res["rate"]
    nominal = values * rate
    rate_dates = rate_second.view("datetime64[s]")
    # sources: one text per (from, to) pair, as a categorical gathered by factor code
    records = [_pair_record(table, j, t_col) for j in range(len(table.codes))]
    src_cats = list(dict.fromkeys(text for text, _ in records))
    src_ids = {text: ids for text, ids in records}
    src_of_col = np.array([src_cats.index(text) for text, _ in records] + [-1], dtype=np.int8)
    src_codes = src_of_col[code_col][codes]  # code_col -1 and code -1 pick the trailing -1 (no source)
    if skip is not None:
        src_codes[skip] = -1
    if basis == "annual":
        src_codes[np.isnan(rate)] = -1  # e.g. a row without the date its basis needs
    # currencies fed by several series in turn (TWD): the text names the span(s)
    # of each row's rate date, one category per (from, spans, to spans) combination
    multi = table.multi_span
    if multi.any() and (multi[t_col] or any(multi[j] for j in used_cols)):
        pick = (code_col >= 0) if multi[t_col] else ((code_col >= 0) & multi[code_col])
        rows = np.flatnonzero(pick[codes])
        rows = rows[~np.isnan(rate[rows])]
        if len(rows):
            fr = cols_of(rows)
            dr = rate_second[rows] // 86_400
            annual = basis == "annual"
            flo, fhi = _leg_spans(table, fr, dr, annual)
            tlo, thi = _leg_spans(table, np.full(len(rows), t_col), dr, annual)
            k = int(max(len(x) for x in table.span_texts))
            key = (((fr * k + flo) * k + fhi) * k + tlo) * k + thi
            uniq, inv = np.unique(key, return_inverse=True)
            combo_codes = []
            for u in uniq.tolist():
                rest, th = divmod(u, k)
                rest, tl = divmod(rest, k)
                rest, fh = divmod(rest, k)
                fc, fl = divmod(rest, k)
                text, ids = _pair_record(table, fc, t_col, ((fl, fh), (tl, th)))
                if text not in src_cats:
                    src_cats.append(text)
                    src_ids[text] = ids
                combo_codes.append(src_cats.index(text))
            if len(src_cats) > np.iinfo(src_codes.dtype).max:
                src_codes = src_codes.astype(np.int32)
            src_codes[rows] = np.array(combo_codes, dtype=src_codes.dtype)[inv]
            used = np.zeros(len(src_cats) + 1, dtype=bool)
            used[src_codes] = True  # code -1 marks the spare last slot
            if not used[:-1].all():  # drop texts no row uses (a whole-column TWD text)
                remap = np.cumsum(used[:-1]) - 1
                src_cats = [c for c, u in zip(src_cats, used[:-1]) if u]
                src_codes = np.where(src_codes >= 0, remap[src_codes], -1).astype(src_codes.dtype)
    # origins: the ids behind each source text (identity: none), as a categorical
    origin_text = ["+".join(src_ids[text]) for text in src_cats]
    origin_cats = [x for x in dict.fromkeys(origin_text) if x]
    origin_lut = np.array([origin_cats.index(x) if x else -1 for x in origin_text] + [-1], dtype=src_codes.dtype)
    origin_codes = origin_lut[src_codes]
    labels = res["basis_labels"] or [basis]
    new_cols = {
        "converted_value": nominal,
        "converted_currency": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[to], validate=False),
        "fx_rate": rate,
        "fx_rate_date": rate_dates,
        "fx_source": pd.Categorical.from_codes(src_codes, categories=src_cats, validate=False),
        "fx_origin": pd.Categorical.from_codes(origin_codes, categories=origin_cats, validate=False),
        "fx_basis": pd.Categorical.from_codes(res["basis_code"], categories=labels, validate=False),
    }
    if any(name in df.columns for name in new_cols):  # re-converting: replace the columns in place
        out = df.copy(deep=False)
        for name, col in new_cols.items():
            out[name] = col
    else:  # no copies: the new columns join the old ones as they are
        out = pd.concat([df, pd.DataFrame(new_cols, index=df.index, copy=False)], axis=1)
        out.attrs = dict(df.attrs)
    if real_year is not None:
        years = np.where(record_days != NAT, record_days, 0).astype("datetime64[D]")
        years = years.astype("datetime64[Y]").astype(np.int64) + 1970
        has = ~np.isnan(rate) & (record_days != NAT)
        factor = np.full(n, np.nan)
        cpi_codes = np.full(n, -1, dtype=np.int64)
        texts: list[str] = []
        if has.any():
            yu, inv = np.unique(years[has], return_inverse=True)
            fac_u, text_u = _deflate(yu, real_year)
            factor[has] = fac_u[inv]
            texts = list(dict.fromkeys(text_u))
            cpi_codes[has] = np.array([texts.index(s) for s in text_u])[inv]
        out["converted_value_nominal"] = nominal
        out["converted_value"] = nominal * factor
        out["deflator"] = factor
        out["real_year"] = pd.Series(np.where(has, int(real_year), 0), index=df.index, dtype="Int64").where(has)
        out["cpi_source"] = pd.Categorical.from_codes(cpi_codes, categories=texts or ["CPI-U"])
    return out
