"""Paths and builders the tests share (fixtures are in tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "data" / "fixtures"
VALID_CSV = FIXTURES / "projects_valid.csv"
BROKEN_CSV = FIXTURES / "projects_broken.csv"
#: the curated file as committed (a real file inside the package)
SHIPPED = REPO / "dashboard" / "data" / "projects.csv"
SHIPPED_METADATA = REPO / "dashboard" / "data" / "datapackage.json"


def make_projects(rows: list[dict]) -> pd.DataFrame:
    """A frame with the columns of ``load_projects()``; unspecified fields empty."""
    base = {"id": "", "project": "", "company": "", "country": "US", "city": None, "lat": np.nan, "lon": np.nan,
            "category": "fab", "status": "announced", "announced": "2025-01-02", "amount_reported": None,
            "amount_value": np.nan, "currency": None, "amount_approx": False, "period_end_year": pd.NA,
            "gpus": np.nan, "power_mw": np.nan, "wafers_per_month": np.nan, "parent_id": None, "source_url": "https://example.org/",
            "source_publisher": "Example", "notes": "", "origin": "curated"}
    df = pd.DataFrame([{**base, **r} for r in rows])
    df["announced_date"] = pd.to_datetime(df["announced"].str.slice(0, 10), format="mixed")
    return df


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (servers of parallel test runs never share a fixed port)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
