"""Fixtures for the dashboard's unit tests: the real projects with an empty temporary store,
and small frames shaped like ``load_projects()``."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest


@pytest.fixture(scope="session")
def projects(tmp_path_factory):
    """The bundled projects plus an empty temporary SQLite store."""
    from dashboard.data import load_projects

    return load_projects(db=str(tmp_path_factory.mktemp("store") / "store.sqlite"))


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


@pytest.fixture()
def small():
    """Four made-up projects: a umbrella plan with one site, a Korean fab and a Japanese lab."""
    return make_projects([
        {"id": "plan", "project": "Umbrella plan", "company": "A Corp; B Corp", "country": "US", "category": "datacenter",
         "announced": "2025-01-21", "amount_reported": "US$500 billion", "amount_value": 5e11, "currency": "USD", "gpus": 4e5, "power_mw": 1200.0},
        {"id": "site", "project": "First site", "company": "A Corp", "country": "US", "category": "datacenter", "parent_id": "plan",
         "announced": "2025-03-03", "amount_reported": "US$100 billion", "amount_value": 1e11, "currency": "USD", "lat": 32.4, "lon": -99.7},
        {"id": "fab", "project": "용인 팹", "company": "SK hynix", "country": "KR", "announced": "2024-07-26",
         "amount_reported": "120조원", "amount_value": 1.2e14, "currency": "KRW", "lat": 37.2, "lon": 127.2, "wafers_per_month": 8e5},
        {"id": "lab", "project": "横浜ラボ", "company": "Samsung Electronics", "country": "JP", "category": "rnd", "announced": "2023-12-21",
         "amount_reported": "400억엔", "amount_value": 4e10, "currency": "JPY", "lat": 35.45, "lon": 139.63},
    ])
