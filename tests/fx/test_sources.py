"""Tests for datasets/fx: the second-source files match their metadata and the package sees them."""
from __future__ import annotations

import csv
import json
from importlib import resources

from .conftest import DATASETS


def test_twd_file_matches_its_metadata():
    """Row count and coverage in sources.json equal the CSV; dates ascend, values are TWD-per-USD sized."""
    meta = json.loads((DATASETS / "sources.json").read_text(encoding="utf-8"))
    twd = next(r for r in meta["resources"] if r["path"] == "twd_usd_fred_dextaus.csv")
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
