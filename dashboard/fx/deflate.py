"""Constant US dollars: US CPI-U annual averages from the ``cpi`` package.

The series (BLS CUUR0000SA0: all items, U.S. city average, all urban
consumers, not seasonally adjusted) is pulled once from the SQLite file that
``cpi`` ships, so it works offline and costs one query, not one per record.

>>> float(cpi_annual()[2024])
313.689
>>> f, used, note = deflators([2020], 2024)
>>> round(float(f[0]), 4), int(used[0]), note[0]
(1.212, 2020, '')
"""
from __future__ import annotations

import functools
import warnings
from importlib import metadata

import numpy as np
import pandas as pd

from dashboard.errors import DateOutOfRangeError

__all__ = ["cpi_annual", "cpi_source", "deflators"]

SERIES = "CUUR0000SA0"


@functools.cache
def cpi_annual() -> pd.Series:
    """Annual-average CPI-U by year (int index, float values)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cpi warns StaleDataWarning when its file is > 90 days old
        import cpi

        frame = cpi.series.get_by_id(SERIES).to_dataframe()
    annual = frame[frame["period_type"] == "annual"]
    series = pd.Series(annual["value"].to_numpy(dtype=float), index=annual["year"].to_numpy(dtype=int), name="cpi_u")
    return series.sort_index()


@functools.cache
def cpi_source() -> str:
    """Provenance text of the CPI series, with the ``cpi`` package version."""
    try:
        version = metadata.version("cpi")
    except metadata.PackageNotFoundError:  # pragma: no cover
        version = "unknown"
    years = cpi_annual().index
    return f"US CPI-U annual average, BLS {SERIES} {years.min()}-{years.max()} (via cpi {version})"


def deflators(years, real_year: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Factors turning nominal USD of ``years`` into USD of ``real_year``.

    Returns ``(factor, year_used, notes)``: ``factor = CPI(real_year) /
    CPI(year_used)``. A year after the last published annual average uses the
    last one, and ``notes`` says so (``notes[k]`` is ``""`` otherwise); the
    same holds for ``real_year``. Years before the series raise
    :class:`DateOutOfRangeError`.
    """
    series = cpi_annual()
    first, last = int(series.index.min()), int(series.index.max())
    years = np.asarray(years, dtype=int)
    real = int(real_year)
    for y in [real, *np.unique(years).tolist()]:
        if y < first:
            raise DateOutOfRangeError(f"CPI-U has no annual average for {y}: the series covers {first} to {last}")
    used = np.minimum(years, last)
    real_used = min(real, last)
    values = series.reindex(used).to_numpy()
    factor = series[real_used] / values
    notes = []
    real_note = f"{real} CPI not yet published, used {last}" if real > last else ""
    for y, u in zip(years.tolist(), used.tolist()):
        parts = [p for p in (real_note, f"{y} CPI not yet published, used {u}" if y != u else "") if p]
        notes.append("; ".join(parts))
    return factor, used, notes
