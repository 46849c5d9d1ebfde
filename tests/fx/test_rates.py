"""Tests for dashboard.fx.rates: the table, its bounds, the file parser, the user copy."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard.errors import ValidationError
from dashboard.fx import available_currencies, bounds, get_table, reset_cache
from dashboard.fx.rates import ecb_file, parse_ecb

from .conftest import ECB, twd_last_day, twd_per_usd


def test_bounds_per_currency_come_from_the_files():
    """USD spans the whole ECB file; CNY starts later; TWD runs from FRED's first day to the CBC's last."""
    first, last = min(ECB), max(ECB)
    assert bounds("USD") == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    cny_first = min(d for d, r in ECB.items() if "CNY" in r)
    assert bounds("CNY")[0] == dt.date.fromisoformat(cny_first)
    assert bounds("TWD") == (dt.date.fromisoformat(min(twd_per_usd())), dt.date.fromisoformat(twd_last_day()))
    assert bounds("TWD")[1] > dt.date.fromisoformat(max(twd_per_usd()))  # the CBC file extends FRED
    assert set(bounds()) == set(available_currencies())


def test_available_currencies_include_second_sources():
    """The ECB set plus EUR, TWD, AED and SAR, sorted."""
    codes = available_currencies()
    assert {"EUR", "USD", "JPY", "KRW", "TWD", "AED", "SAR"} <= set(codes)
    assert list(codes) == sorted(codes)


def test_table_cells_are_units_per_eur():
    """A cell equals the ECB file's value of that day and code; unpublished days are absent."""
    table = get_table()
    assert table.rate_on("KRW", "2025-04-02") == ECB["2025-04-02"]["KRW"]
    with pytest.raises(LookupError, match="KRW has no rate published on 2025-04-05"):
        table.rate_on("KRW", "2025-04-05")


def test_parse_ecb_lists_problems_with_line_and_field():
    """Bad numbers and dates are reported with their line and column."""
    bad = b"Date,USD,JPY,\n2025-04-04,1.1057,abc,\n2025-13-03,1.1097,162.17,\n"
    with pytest.raises(ValidationError, match="2 problems") as info:
        parse_ecb(bad, "bad.csv")
    assert "line 3, field Date: '2025-13-03' is not a YYYY-MM-DD date" in info.value.problems
    assert "line 2, field JPY: 'abc' is not a number" in info.value.problems


@pytest.mark.parametrize(
    "content, message",
    [
        (b"<html><body>Service unavailable</body></html>", "line 1: expected a header starting with 'Date,'"),
        (b"PK\x03\x04 truncated", "not a valid zip archive"),
        (b"Date,USD,\n2025-04-03,1.1,\n2025-04-04,1.2,\n2025-04-02,1.3,\n", "dates not strictly in order"),
        (b"Date,USD,\n2025-04-03,-1.1,\n", "rate -1.1 is not positive"),
    ],
)
def test_parse_ecb_rejects_broken_files(content, message):
    """HTML pages, broken zips, shuffled dates and negative rates are rejected."""
    with pytest.raises(ValidationError, match=message):
        parse_ecb(content, "download")


def test_user_copy_takes_precedence(tmp_path, monkeypatch):
    """A file in SEMIDASH_FX_DIR is used instead of the bundled one and named in the source."""
    user_dir = tmp_path / "fx"
    user_dir.mkdir()
    bundled, _, _ = ecb_file()
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(bundled)) as zf:
        (user_dir / "eurofxref-hist.csv").write_bytes(zf.read(zf.namelist()[0]))
    monkeypatch.setenv("SEMIDASH_FX_DIR", str(user_dir))
    reset_cache()
    table = get_table()
    assert table.ecb_path == str(user_dir / "eurofxref-hist.csv")
    assert table.ecb_source.startswith("ECB euro foreign exchange reference rates (downloaded ")
    assert table.rate_on("JPY", "2025-04-04") == ECB["2025-04-04"]["JPY"]
