"""Shared helpers for the data tests: fixture paths, a valid record, and the store's databases
(a SQLite file, and a throwaway PostgreSQL server when one can run here)."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
VALID_CSV = FIXTURES / "projects_valid.csv"
BROKEN_CSV = FIXTURES / "projects_broken.csv"


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


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """A fresh SQLite file for the store; SEMIDASH_DB points at it so nothing touches the user dir."""
    path = tmp_path / "store.db"
    monkeypatch.setenv("SEMIDASH_DB", str(path))
    return path


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL server for the whole session (see tests/data/pg.py); skipped if it cannot run."""
    from . import pg

    reason = pg.missing()
    if reason:
        pytest.skip(f"PostgreSQL store tests skipped: {reason}")
    with pg.start_cluster() as cluster:
        yield cluster


@pytest.fixture(params=["sqlite", "postgresql"])
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
