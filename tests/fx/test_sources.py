"""Tests for datasets/fx: the second-source files match their metadata and the package sees them."""
from __future__ import annotations

import csv
import datetime as dt
import json
import statistics
from importlib import resources

import pytest

from .conftest import DATASETS, twd_cbc_per_usd, twd_per_usd


def _meta(path: str) -> dict:
    meta = json.loads((DATASETS / "sources.json").read_text(encoding="utf-8"))
    return next(r for r in meta["resources"] if r["path"] == path)


@pytest.mark.parametrize("path", ["twd_usd_fred_dextaus.csv", "twd_usd_cbc_closing.csv"])
def test_twd_file_matches_its_metadata(path):
    """Row count and coverage in sources.json equal the CSV; dates ascend, values are TWD-per-USD sized."""
    twd = _meta(path)
    with open(DATASETS / twd["path"], encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    dates = [r["date"] for r in rows]
    assert len(rows) == twd["rows"] and [dates[0], dates[-1]] == twd["coverage"]
    assert dates == sorted(set(dates))
    assert all(25 < float(r["twd_per_usd"]) < 35 for r in rows)
    for key in ("producer", "url", "date_accessed", "licence"):
        assert twd["origin"][key]


def test_package_reads_the_same_files():
    """dashboard/fx/data exposes datasets/fx through importlib.resources."""
    data = resources.files("dashboard.fx").joinpath("data")
    assert data.joinpath("pegs.csv").read_text(encoding="utf-8") == (DATASETS / "pegs.csv").read_text(encoding="utf-8")


def test_cbc_extension_is_sane():
    """CBC days after FRED's last: weekdays only, no day-to-day change above 3%, excluded day absent."""
    fred, cbc = twd_per_usd(), twd_cbc_per_usd()
    days = sorted(d for d in cbc if d >= max(fred))  # FRED's last day is the base of the first change
    assert days[0] == max(fred) and len(days) > 200
    assert all(dt.date.fromisoformat(d).weekday() < 5 for d in days)
    changes = [abs(cbc[b] / cbc[a] - 1) for a, b in zip(days, days[1:])]
    assert max(changes) < 0.03
    assert [e["date"] for e in _meta("twd_usd_cbc_closing.csv")["origin"]["excluded"]] == ["2025-06-30"]
    assert "2025-06-30" not in cbc


def test_cbc_and_fred_agree_where_both_publish():
    """On shared days the Taipei close and New York noon rates differ by the recorded median and maximum."""
    fred, cbc = twd_per_usd(), twd_cbc_per_usd()
    shared = sorted(set(fred) & set(cbc))
    diffs = {d: abs(cbc[d] / fred[d] - 1) * 100 for d in shared}
    check = _meta("twd_usd_cbc_closing.csv")["origin"]["cross_check"]
    assert len(shared) == 557 and check["against"].startswith("twd_usd_fred_dextaus.csv")
    assert round(statistics.median(diffs.values()), 3) == check["median_abs_difference_pct"] == 0.067
    assert round(max(diffs.values()), 3) == check["max_abs_difference_pct"] == 1.203
    assert max(diffs, key=diffs.get) == "2025-05-06" and check["max_on"].startswith("2025-05-06")
