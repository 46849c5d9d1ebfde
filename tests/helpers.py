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
    """A frame with the columns of ``load_projects()``; unspecified fields empty.

    Dataset v2 columns get the loader's defaults: scope site, relation part_of
    under a parent, the amount's ends equal to the amount, and ``in_total``
    computed by the loader's rule (unless given).
    """
    from dashboard.data.totals import in_total

    base = {"id": "", "project": "", "company": "", "company_ids": None, "country": "US", "city": None,
            "lat": np.nan, "lon": np.nan, "coord_precision": None, "category": "fab", "scope": "site", "funding": None,
            "status": "announced", "status_as_of": "2025-06-01", "status_source_url": None,
            "announced": "2025-01-02", "amount_reported": None, "amount_value": np.nan, "amount_bound": None,
            "currency": None, "amount_approx": False, "period_end_year": pd.NA,
            "gpus": np.nan, "power_mw": np.nan, "wafers_per_month": np.nan, "parent_id": None, "relation": None,
            "source_url": "https://example.org/", "source_publisher": "Example", "last_verified": "2026-12-01",
            "notes": "", "origin": "curated"}
    df = pd.DataFrame([{**base, **r} for r in rows])
    df["relation"] = df["relation"].where(df["relation"].notna() | df["parent_id"].isna(), "part_of")
    df["announced_date"] = pd.to_datetime(df["announced"].str.slice(0, 10), format="mixed")
    df["status_as_of_date"] = pd.to_datetime(df["status_as_of"].str.slice(0, 10), format="mixed")
    for end in ("amount_low", "amount_high"):
        if end not in df:
            df[end] = df["amount_value"]
    df["amount_bound"] = df["amount_bound"].where(df["amount_bound"].notna() | df["amount_value"].isna(), "exact")
    if "in_total" not in df:
        df["in_total"] = in_total(df).to_numpy()
    return df


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (servers of parallel test runs never share a fixed port)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
