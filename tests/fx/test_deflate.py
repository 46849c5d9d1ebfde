"""Tests for dashboard.fx.deflate: CPI-U annual averages and deflators."""
from __future__ import annotations

import pytest

from dashboard.errors import DateOutOfRangeError
from dashboard.fx.deflate import cpi_annual, cpi_source, deflators


def test_series_matches_the_cpi_package():
    """The pulled series equals cpi.get(year) for sample years."""
    import cpi

    series = cpi_annual()
    for year in (1913, 1999, 2020, 2024):
        assert series[year] == pytest.approx(cpi.get(year), rel=1e-12)
    assert "CUUR0000SA0" in cpi_source() and "via cpi " in cpi_source()


def test_deflators_and_notes():
    """Factor = CPI(real)/CPI(year); a year after the series uses the last one and says so."""
    series = cpi_annual()
    last = int(series.index.max())
    factor, used, notes = deflators([2015, last + 1], 2024)
    assert factor[0] == pytest.approx(series[2024] / series[2015])
    assert used.tolist() == [2015, last] and notes == ["", f"{last + 1} CPI not yet published, used {last}"]


def test_year_before_the_series_raises():
    """1900 is before CPI-U starts in 1913."""
    with pytest.raises(DateOutOfRangeError, match="CPI-U has no annual average for 1900: the series covers 1913 to"):
        deflators([1900], 2024)
