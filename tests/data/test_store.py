"""Tests for dashboard.data.store: the user's records in a real SQLite file."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data import Store, load_projects
from dashboard.data.load import read_table
from dashboard.data.store import default_url, make_id, resolve_url
from dashboard.errors import ReadOnlyRecordError, RecordNotFoundError, StoreError, ValidationError

from .conftest import VALID_CSV


@pytest.fixture
def store(db_path) -> Store:
    """A store on a fresh SQLite file whose curated ids come from the valid fixture."""
    with Store(db_path, curated=VALID_CSV) as s:
        yield s


def test_url_resolution(tmp_path, monkeypatch):
    """A bare path means a SQLite file; SEMIDASH_DB overrides the default; URLs pass through."""
    assert resolve_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("SEMIDASH_DB", str(tmp_path / "env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.delenv("SEMIDASH_DB")
    assert resolve_url().endswith(os.path.join("semidash", "projects.db"))
    assert resolve_url() == default_url()
    assert resolve_url("postgresql+psycopg://u:secret@db.example/semidash").startswith("postgresql+psycopg://")
    assert Store("postgresql+psycopg://u:secret@db.example/semidash").display_url == "postgresql+psycopg://u:***@db.example/semidash"


def test_make_id_is_a_slug_with_suffix():
    """Generated ids are slugs of the project name plus six hex digits, distinct each time."""
    a, b = make_id("TSMC Arizona Fab 21 (Phase 1)"), make_id("TSMC Arizona Fab 21 (Phase 1)")
    assert re.fullmatch(r"tsmc-arizona-fab-21-phase-1-[0-9a-f]{6}", a) and a != b
    assert len(make_id("x" * 200)) <= 57


def test_reading_creates_nothing(db_path):
    """Listing or loading from a store that does not exist returns nothing and creates no file."""
    s = Store(db_path, curated=VALID_CSV)
    assert s.list().empty and s.ids() == set()
    assert len(load_projects(VALID_CSV, db=db_path)) == 6
    assert not db_path.exists()


def test_add_get_and_reload(store, record, db_path):
    """An added record comes back from a new Store object and in load_projects as origin 'user'."""
    new_id = store.add(record)
    assert re.fullmatch(r"jasm-kumamoto-fab-1-[0-9a-f]{6}", new_id)
    store.close()
    again = Store(db_path, curated=VALID_CSV)
    assert again.get(new_id)["amount_reported"] == "US$8.6 billion"
    df = load_projects(VALID_CSV)  # SEMIDASH_DB points at db_path
    assert len(df) == 7
    user = df[df["origin"] == "user"].iloc[0]
    assert (user["id"], user["amount_value"], user["currency"], user["wafers_per_month"]) == (new_id, 8.6e9, "USD", 55000.0)
    assert user["announced_date"] == pd.Timestamp("2021-10-01")
    assert load_projects(VALID_CSV, include_user=False)["origin"].eq("curated").all()


def test_user_given_id_and_parent(store, record):
    """A user may choose the id and point parent_id at a curated row."""
    assert store.add({**record, "id": "my-jasm", "parent_id": "stargate-project"}) == "my-jasm"
    assert store.get("my-jasm")["parent_id"] == "stargate-project"


def test_bad_record_names_fields_and_writes_nothing(store, record):
    """A bad record raises one ValidationError naming every bad field; the store stays empty."""
    bad = {**record, "announced": "2025-13-45", "country": "Japan", "gpus": "lots", "colour": "red"}
    with pytest.raises(ValidationError) as info:
        store.add(bad)
    assert info.value.problems == [
        "record 1: unknown field(s) 'colour'; valid fields: id, project, company, country, city, lat, lon, "
        "category, status, announced, amount_reported, period_end_year, gpus, power_mw, wafers_per_month, "
        "parent_id, source_url, source_publisher, notes",
        "record 1: column 'country': 'Japan' is not an ISO 3166-1 alpha-2 country code (e.g. KR, JP, US, TW, CN, DE; EU for EU-wide)",
        "record 1: column 'announced': '2025-13-45' is not a real date; write YYYY-MM-DD, YYYY-MM or YYYY",
        "record 1: column 'gpus': 'lots' is not a non-negative whole number",
    ]
    assert store.ids() == set()


def test_ids_cannot_collide(store, record):
    """Curated ids and stored ids cannot be taken again."""
    with pytest.raises(ValidationError, match=r"record 1: column 'id': 'stargate-project' is a curated id \(read-only\)"):
        store.add({**record, "id": "stargate-project"})
    store.add({**record, "id": "mine"})
    with pytest.raises(ValidationError, match=r"record 1: column 'id': 'mine' is already in the store"):
        store.add({**record, "id": "mine"})


def test_add_many_is_all_or_nothing(store, record):
    """One bad record among many stops all of them, and earlier records stay intact."""
    first = store.add({**record, "id": "kept"})
    batch = [{**record, "id": f"batch-{i}"} for i in range(5)]
    batch[3]["amount_reported"] = "a great deal"
    batch[4]["parent_id"] = "batch-0"
    with pytest.raises(ValidationError, match=r"record 4: column 'amount_reported': 'a great deal' is not an amount of money"):
        store.add_many(batch)
    assert store.ids() == {first}
    batch[3]["amount_reported"] = "¥476 billion"
    assert store.add_many(batch) == [f"batch-{i}" for i in range(5)]
    assert store.ids() == {"kept", *(f"batch-{i}" for i in range(5))}
    assert store.get("batch-4")["parent_id"] == "batch-0"


def test_import_csv_with_one_bad_row_adds_nothing(store, record, tmp_path):
    """Importing a CSV whose third row is bad adds none of its rows and keeps what was stored."""
    store.add({**record, "id": "before"})
    rows = [{**record, "id": f"imp-{i}"} for i in range(4)]
    rows[2]["announced"] = "2021-02-29"
    path = tmp_path / "import.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    frame, problems = read_table(path, require=["project"])
    assert problems == []
    with pytest.raises(ValidationError, match=rf"import\.csv:4: column 'announced': '2021-02-29' is not a real date"):
        store.add_many(frame, source=str(path))
    assert store.ids() == {"before"}
    assert store.get("before")["project"] == record["project"]


def test_update_and_delete(store, record):
    """User records can be updated (validated) and deleted; a parent in use cannot be deleted."""
    rid = store.add(record)
    store.update(rid, {"status": "completed", "gpus": 0})
    assert store.get(rid)["status"] == "completed" and store.get(rid)["gpus"] == "0"
    with pytest.raises(ValidationError, match=r"column 'status': 'finished' is not a status"):
        store.update(rid, {"status": "finished"})
    with pytest.raises(ValidationError, match=r"column 'id': 'other' the id of a record cannot change"):
        store.update(rid, {"id": "other"})
    child = store.add({**record, "parent_id": rid})
    with pytest.raises(StoreError, match=rf"record '{rid}' is the parent_id of {child}"):
        store.delete(rid)
    store.delete(child)
    store.delete(rid)
    assert store.ids() == set()
    with pytest.raises(RecordNotFoundError, match=rf"no user record with id '{rid}'"):
        store.get(rid)


def test_curated_rows_are_read_only(store):
    """Updating or deleting a curated id fails with a clear message."""
    with pytest.raises(ReadOnlyRecordError, match=r"'stargate-project' is a curated record and cannot be edited"):
        store.update("stargate-project", {"status": "operating"})
    with pytest.raises(ReadOnlyRecordError, match=r"'stargate-project' is a curated record and cannot be deleted"):
        store.delete("stargate-project")


def test_sqlite_runs_in_wal_mode(store, record, db_path):
    """The SQLite file is in WAL journal mode after the first write."""
    import sqlite3

    store.add(record)
    with sqlite3.connect(db_path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


_WORKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from dashboard.data import Store
    db, curated, worker, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5])
    store = Store(db, curated=curated)
    base = dict(project="JASM Kumamoto Fab 1", company="JASM", country="JP", category="fab",
                status="operating", announced="2021-10", amount_reported="US$8.6 billion",
                source_url="https://asia.nikkei.com/Business/Tech/Semiconductors/Japan-to-subsidize-TSMC-s-Kumamoto-plant-by-up-to-3.5bn")
    Path(f"{go}.ready{worker}").touch()
    while not go.exists():
        time.sleep(0.01)
    for i in range(n):
        store.add({**base, "id": f"w{worker}-{i}"})
    print("done", worker)
    """
)


def test_concurrent_writers_lose_nothing(tmp_path):
    """Four processes adding 25 records each at the same time to a new SQLite file leave all 100."""
    db = tmp_path / "shared.db"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen([sys.executable, "-c", _WORKER, str(db), str(VALID_CSV), str(w), "25", str(go)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for w in range(4)
    ]
    deadline = time.monotonic() + 120
    while not all(Path(f"{go}.ready{w}").exists() for w in range(4)):
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        time.sleep(0.05)
    go.touch()
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    ids = Store(db, curated=VALID_CSV).ids()
    assert ids == {f"w{w}-{i}" for w in range(4) for i in range(25)}
    assert len(load_projects(VALID_CSV, db=db)) == 106


def test_table_ddl_is_portable_to_postgresql():
    """The table's DDL compiles for PostgreSQL with IF NOT EXISTS and no SQLite-only types."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateTable

    from dashboard.data.store import _table

    ddl = str(CreateTable(_table, if_not_exists=True).compile(dialect=postgresql.dialect()))
    assert ddl.strip().startswith("CREATE TABLE IF NOT EXISTS user_projects")
    assert "created_at TIMESTAMP WITH TIME ZONE NOT NULL" in ddl and "PRIMARY KEY (id)" in ddl
