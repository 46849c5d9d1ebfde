"""Every shared fixture of the suite, in one place.

Suite-wide settings first: never touch the real user data directory (set
before any test module imports dashboard, so no code path can fall back to the
user's real store or downloaded rate file; tests that need their own database
pass ``db=`` / ``--db`` or monkeypatch ``SEMIDASH_DB`` to a tmp_path file).
Then the fixtures: projects (real and made-up), a valid record, the store's
databases (SQLite, and a throwaway PostgreSQL server when one can run here),
and Chromium's options for the browser tests.
"""
from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.helpers import make_projects

_session_dir = tempfile.mkdtemp(prefix="semidash-tests-")
os.environ.setdefault("SEMIDASH_DB", os.path.join(_session_dir, "user.sqlite"))
os.environ.setdefault("SEMIDASH_FX_DIR", os.path.join(_session_dir, "fx"))
os.environ.setdefault("SEMIDASH_DATA_DIR", _session_dir)


@pytest.fixture(scope="session")
def session_dir() -> str:
    """A temporary directory shared by the whole test session."""
    return _session_dir


# ------------------------------------------------------------------ projects


@pytest.fixture(scope="session")
def projects(tmp_path_factory):
    """The real projects (bundled file + an empty temporary SQLite store), loaded once."""
    from dashboard.data import load_projects

    return load_projects(db=str(tmp_path_factory.mktemp("store") / "store.sqlite"))


@pytest.fixture()
def small():
    """Four made-up projects: an umbrella plan with one site, a Korean fab and a Japanese lab."""
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


@pytest.fixture()
def krw(small):
    """The small frame selected in KRW (the charts' input)."""
    from dashboard.query import ViewState, select

    return select(small, ViewState(currency="KRW"))


@pytest.fixture
def record() -> dict[str, str]:
    """A valid user record (JASM Kumamoto Fab 1 as in the reference table, sourced)."""
    return {
        "project": "JASM Kumamoto Fab 1",
        "company": "JASM (TSMC; Sony Semiconductor Solutions; Denso; Toyota)",
        "country": "JP",
        "city": "Kikuyo (Kumamoto)",
        "lat": "32.8780",
        "lon": "130.8000",
        "category": "fab",
        "status": "operating",
        "announced": "2021-10",
        "amount_reported": "US$8.6 billion",
        "wafers_per_month": "55000",
        "source_url": "https://asia.nikkei.com/Business/Tech/Semiconductors/Japan-to-subsidize-TSMC-s-Kumamoto-plant-by-up-to-3.5bn",
        "source_publisher": "Nikkei Asia",
    }


# ------------------------------------------------------------------ rates


@pytest.fixture
def bundled_rates(tmp_path, monkeypatch):
    """Use only the bundled rate files (the user's rate dir is an empty temp dir); the FX caches reset around."""
    from dashboard.fx import reset_cache

    monkeypatch.setenv("SEMIDASH_FX_DIR", str(tmp_path / "fx-user"))
    reset_cache()
    yield
    reset_cache()


# ------------------------------------------------------------------ stores


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """A fresh SQLite file for the store; SEMIDASH_DB points at it so nothing touches the user dir."""
    path = tmp_path / "store.db"
    monkeypatch.setenv("SEMIDASH_DB", str(path))
    return path


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL server for the whole session (see tests/pg.py); skipped if it cannot run."""
    from tests import pg

    reason = pg.missing()
    if reason:
        pytest.skip(f"PostgreSQL store tests skipped: {reason}")
    with pg.start_cluster() as cluster:
        yield cluster


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def store_db(request, tmp_path, monkeypatch) -> Path | str:
    """A fresh, empty database for the store: a SQLite file path, or a new database's URL on the
    throwaway PostgreSQL server (dropped afterwards). SEMIDASH_DB points at it."""
    if request.param == "sqlite":
        db: Path | str = tmp_path / "store.db"
    else:
        cluster = request.getfixturevalue("pg_cluster")
        name = f"store_{uuid.uuid4().hex[:12]}"
        db = cluster.create_database(name)
        request.addfinalizer(lambda: cluster.drop_database(name))
    monkeypatch.setenv("SEMIDASH_DB", str(db))
    return db


# ------------------------------------------------------------------ browser


def pytest_setup_options():
    """Chrome options for dash_duo: no background traffic (it fails on a closed network and logs errors)."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for arg in ("--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en-US"):
        options.add_argument(arg)
    return options


def pytest_collection_modifyitems(items):
    """Tests under tests/e2e are browser tests (marker ``browser``)."""
    for item in items:
        if "e2e" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.browser)


# ------------------------------------------------------------------ news


@pytest.fixture(scope="session")
def news_site(tmp_path_factory):
    """The made-up news site of tests/intake/news_site.py, served on 127.0.0.1; yields ``(base URL, root dir)``."""
    from tests.intake.news_site import serve_site, write_site

    root = write_site(tmp_path_factory.mktemp("news-site"))
    with serve_site(root) as base:
        yield base, root
