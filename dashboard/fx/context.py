"""A pint ``Context`` of exchange rates for one date, on the shared registry.

Each currency is its own dimension in :func:`dashboard.units.get_registry`,
so money converts only inside such a context. Build it once per batch (it
holds a direct transformation for every ordered pair of currencies with data
at that date, computed by the same vectorised core as :func:`convert`), then
convert as many quantities as needed:

>>> from dashboard.fx.context import fx_context
>>> with fx_context("2025-04-02") as ureg:
...     round(ureg.Quantity(4e10, "JPY").to("KRW").magnitude / 1e8)
3918
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pint

from dashboard.fx.conversion import NAT, _pair_rows, pair_rates, parse_day
from dashboard.fx.rates import get_table
from dashboard.units import get_registry

__all__ = ["FXContext", "fx_context"]


class FXContext:
    """Exchange rates of one date and basis as a pint context (use it with ``with``).

    Attributes: ``date``, ``basis``, ``currencies`` (those included),
    ``context`` (the :class:`pint.Context`); :meth:`rate` and
    :meth:`rate_date` give one pair's record.
    """

    def __init__(self, date=None, basis: str = "announcement", *, as_of=None, currencies=None, fallback=None):
        table = get_table()
        self.basis = basis
        self.date = parse_day(date).astype(object) if date is not None else None
        if currencies is None:
            currencies = table.available()
        codes = [c for c in dict.fromkeys(currencies)]
        cols = np.array([table.col(c) for c in codes], dtype=np.int64)
        n = len(codes)
        f = np.repeat(cols, n)
        t = np.tile(cols, n)
        day = parse_day(date).astype(np.int64) if date is not None else NAT
        if basis in ("fixed", "latest"):
            day = 0
        days = np.full(n * n, day, dtype=np.int64)
        check_day = day
        if basis == "fixed" and as_of is not None:
            check_day = parse_day(as_of).astype(np.int64)
        if fallback is None and basis in ("announcement", "annual", "fixed"):
            day, real_day = check_day, day
            # only currencies with data at this date: mark the others to skip
            first = table.days[table.first_row[cols]]
            last = table.days[table.last_row[cols]]
            inside = (first <= day) & (day <= last) if basis == "announcement" else _has_year(table, cols, day)
            keep = np.repeat(inside, n) & np.tile(inside, n)
            if not inside.all() and len(currencies) != len(table.available()):
                bad = [c for c, ok in zip(codes, inside) if not ok]
                raise table.out_of_range(bad[0], np.datetime64(int(day), "D"))
            f = np.where(keep, f, -1)
            day = real_day
        if basis == "latest":  # pairs that never shared a day (e.g. CYP, which ended 2007, and TWD) are left out
            common = _pair_rows(table, f, t, np.full(n * n, len(table.dates) - 1))
            f = np.where((common >= 0) | (f == t), f, -1)
        out = pair_rates(table, f, t, days, basis=basis, as_of=as_of, fallback=fallback)
        self.currencies = tuple(c for c, j in zip(codes, range(n)) if np.isfinite(out["rate"][j * n + j]))
        self._rates: dict[tuple[str, str], tuple[float, dt.date, str]] = {}
        labels = out["basis_labels"]
        ctx = pint.Context(f"FX {basis} {self.date or ''}".strip())
        ureg = get_registry()
        for k in np.flatnonzero(np.isfinite(out["rate"]) & (f != t)):
            src, dst = codes[k // n], codes[k % n]
            r = float(out["rate"][k])
            when = np.datetime64(int(out["rate_day"][k]), "D").astype(object)
            self._rates[(src, dst)] = (r, when, labels[int(out["basis_code"][k])])
            ctx.add_transformation(f"[currency_{src}]", f"[currency_{dst}]", _scale(r, ureg.Unit(dst)))
        self.context = ctx
        self._registry = ureg

    def rate(self, from_currency: str, to: str) -> float:
        """Units of ``to`` per one ``from_currency`` in this context."""
        if from_currency == to:
            return 1.0
        return self._record(from_currency, to)[0]

    def rate_date(self, from_currency: str, to: str) -> dt.date:
        """Publication date of the rate used for the pair."""
        return self._record(from_currency, to)[1]

    def _record(self, a: str, b: str):
        try:
            return self._rates[(a, b)]
        except KeyError:
            raise get_table().out_of_range(a if a not in self.currencies else b, np.datetime64(self.date or "NaT")) from None

    def __enter__(self) -> pint.UnitRegistry:
        self._registry.enable_contexts(self.context)
        return self._registry

    def __exit__(self, *exc) -> None:
        self._registry.disable_contexts(1)


def _has_year(table, cols, day) -> np.ndarray:
    year = np.datetime64(int(day), "D").astype("datetime64[Y]")
    start = np.searchsorted(table.dates, year.astype("datetime64[D]"))
    stop = np.searchsorted(table.dates, (year + np.timedelta64(1, "Y")).astype("datetime64[D]"))
    return ~np.isnan(table.values[start:stop][:, cols]).all(axis=0)


def _scale(rate: float, unit):
    def transform(ureg, quantity):
        return ureg.Quantity(quantity.magnitude * rate, unit)

    return transform


def fx_context(date=None, basis: str = "announcement", *, as_of=None, currencies=None, fallback=None) -> FXContext:
    """Build the FX context of ``date`` (see :class:`FXContext`); enter it with ``with``.

    ``currencies`` limits the pairs (default: every currency with data at that
    date). Rates equal :func:`dashboard.fx.convert` for the same arguments.
    """
    return FXContext(date, basis, as_of=as_of, currencies=currencies, fallback=fallback)
