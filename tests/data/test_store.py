"""Tests for dashboard.data.store: the user's records in a real SQLite file and a real PostgreSQL server.

Tests taking ``store_db`` (or ``store``) run once per database (see conftest.py).
"""
from __future__ import annotations

import datetime as dt
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
from dashboard.data.schema import USER_COLUMNS as COLUMNS
from dashboard.data.store import default_url, make_id, resolve_url
from dashboard.errors import ReadOnlyRecordError, RecordNotFoundError, StoreError, ValidationError

from tests.helpers import VALID_CSV


@pytest.fixture
def store(store_db) -> Store:
    """A store on a fresh database (SQLite file or PostgreSQL) whose curated ids come from the valid fixture."""
    with Store(store_db, curated=VALID_CSV) as s:
        yield s


def _has_table(db) -> bool:
    """Whether the store's table exists in ``db`` (False if a SQLite file does not exist)."""
    import sqlalchemy as sa

    if isinstance(db, Path) and not db.exists():
        return False
    engine = sa.create_engine(resolve_url(db))
    try:
        return sa.inspect(engine).has_table("user_projects")
    finally:
        engine.dispose()


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


def test_reading_creates_nothing(store_db):
    """Reading a store that does not exist returns nothing and creates no file or table."""
    with Store(store_db, curated=VALID_CSV) as s:
        assert s.list().empty and s.ids() == set() and s.revision() == (0, None)
        with pytest.raises(RecordNotFoundError, match=r"no user record with id 'nope'"):
            s.get("nope")
    assert len(load_projects(VALID_CSV, db=store_db)) == 6
    assert not _has_table(store_db)
    if isinstance(store_db, Path):
        assert not store_db.exists()


def test_add_get_and_reload(store, record, store_db):
    """An added record comes back from a new Store object and in load_projects as origin 'user'."""
    new_id = store.add(record)
    assert re.fullmatch(r"jasm-kumamoto-fab-1-[0-9a-f]{6}", new_id)
    store.close()
    with Store(store_db, curated=VALID_CSV) as again:
        # v2: a user record gets scope 'site' and status_as_of today; an unknown company stays free text
        assert again.get(new_id) == {**dict.fromkeys(COLUMNS), **record, "id": new_id, "scope": "site",
                                     "status_as_of": dt.date.today().isoformat()}
    df = load_projects(VALID_CSV)  # SEMIDASH_DB points at store_db
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
        "record 1: unknown field(s) 'colour'; valid fields: id, project, company_ids, country, city, lat, lon, "
        "coord_precision, category, scope, funding, status, status_as_of, status_source_url, announced, "
        "amount_reported, period_end_year, gpus, power_mw, wafers_per_month, parent_id, relation, source_url, "
        "source_publisher, last_verified, notes, company",
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


def test_sqlite_runs_in_wal_mode(record, db_path):
    """The SQLite file is in WAL journal mode after the first write."""
    import sqlite3

    with Store(db_path, curated=VALID_CSV) as store:
        store.add(record)
    with sqlite3.connect(db_path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# the start of every worker script: arguments, the store, a valid record (project set per script), then
# wait until every worker is ready so that all write at the same moment
_WORKER_START = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from dashboard.data import Store
    from dashboard.errors import StoreError, ValidationError
    db, curated, worker, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5])
    store = Store(db, curated=curated)
    base = dict(project=PROJECT, company="JASM", country="JP", category="fab",
                status="operating", announced="2021-10", amount_reported="US$8.6 billion",
                source_url="https://asia.nikkei.com/Business/Tech/Semiconductors/Japan-to-subsidize-TSMC-s-Kumamoto-plant-by-up-to-3.5bn")
    Path(f"{go}.ready{worker}").touch()
    while not go.exists():
        time.sleep(0.01)
    """
)

_WORKER = _WORKER_START.replace("PROJECT", '"JASM Kumamoto Fab 1"') + textwrap.dedent(
    """
    for i in range(n):
        store.add({**base, "id": f"w{worker}-{i}"})
    print("done", worker)
    """
)


def _run_workers(script: str, db, go: Path, n_workers: int, *args: str) -> list[str]:
    """Start ``n_workers`` processes of ``script``, release them together, return their outputs."""
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db), str(VALID_CSV), str(w), *args, str(go)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for w in range(n_workers)
    ]
    try:
        deadline = time.monotonic() + 120
        while not all(Path(f"{go}.ready{w}").exists() for w in range(n_workers)):
            assert time.monotonic() < deadline and all(p.poll() is None for p in procs), [p.communicate() for p in procs]
            time.sleep(0.05)
        go.touch()
        outs = []
        for p in procs:
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
            outs.append(out)
        return outs
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()


def test_concurrent_writers_lose_nothing(store_db, tmp_path):
    """Four processes adding 25 records each at the same time to a new database leave all 100."""
    outs = _run_workers(_WORKER, store_db, tmp_path / "go", 4, "25")
    assert sorted(o.strip() for o in outs) == [f"done {w}" for w in range(4)]
    with Store(store_db, curated=VALID_CSV) as s:
        assert s.ids() == {f"w{w}-{i}" for w in range(4) for i in range(25)}
        assert s.revision()[0] == 100
    assert len(load_projects(VALID_CSV, db=store_db)) == 106


_SAME_IDS_WORKER = _WORKER_START.replace("PROJECT", 'f"Worker {worker}"') + textwrap.dedent(
    """
    for i in range(n):
        try:
            store.add({**base, "id": f"same-{i}"})
            print("added", i)
        except ValidationError as exc:
            assert exc.problems == [f"record 1: column 'id': 'same-{i}' is already in the store"], exc.problems
            print("refused", i)
        except StoreError as exc:
            assert f"id(s) same-{i} were added by another writer meanwhile; nothing was added" in str(exc), str(exc)
            print("refused", i)
    """
)


def test_concurrent_writers_same_ids(store_db, tmp_path):
    """Four processes adding the same 20 ids at once: each id is stored once, the others are refused cleanly."""
    outs = _run_workers(_SAME_IDS_WORKER, store_db, tmp_path / "go", 4, "20")
    added = [line.split()[1] for out in outs for line in out.splitlines() if line.startswith("added")]
    refused = [line.split()[1] for out in outs for line in out.splitlines() if line.startswith("refused")]
    assert sorted(added, key=int) == [str(i) for i in range(20)]
    assert len(refused) == 60
    with Store(store_db, curated=VALID_CSV) as s:
        frame = s.list()
    assert sorted(frame["id"]) == sorted(f"same-{i}" for i in range(20))
    for i in range(20):  # the stored record is the one its adder reported
        [winner] = [w for w, out in enumerate(outs) if f"added {i}\n" in out]
        assert frame.set_index("id").loc[f"same-{i}", "project"] == f"Worker {winner}"


def test_revision_changes_after_each_write(store, record):
    """revision() moves on add, update and delete, and stays put when nothing is written."""
    seen = [store.revision()]
    assert seen[0] == (0, None)
    rid = store.add(record)
    seen.append(store.revision())
    assert seen[-1][0] == 1 and store.revision() == seen[-1]
    time.sleep(0.002)
    store.update(rid, {"status": "completed"})
    seen.append(store.revision())
    store.add({**record, "id": "second"})
    seen.append(store.revision())
    store.delete("second")
    seen.append(store.revision())
    assert [n for n, _ in seen] == [0, 1, 1, 2, 1]
    assert all(a != b for a, b in zip(seen, seen[1:])), seen
    assert seen[2][1] > seen[1][1]  # the edit moved the latest updated_at
    with pytest.raises(ValidationError):
        store.add({**record, "gpus": "lots"})
    assert store.revision() == seen[-1]


def test_timestamps_are_utc_instants(store, record):
    """created_at/updated_at come back as tz-aware UTC times of the write, whatever the server's time zone."""
    import datetime as dt

    before = pd.Timestamp(dt.datetime.now(dt.timezone.utc))
    rid = store.add(record)
    after = pd.Timestamp(dt.datetime.now(dt.timezone.utc))
    frame = store.list()
    assert str(frame["created_at"].dt.tz) == "UTC" and str(frame["updated_at"].dt.tz) == "UTC"
    row = frame.set_index("id").loc[rid]
    assert before <= row["created_at"] <= after and row["updated_at"] == row["created_at"]
    store.update(rid, {"status": "completed"})
    row = store.list().set_index("id").loc[rid]
    assert row["updated_at"] > row["created_at"] >= before


def test_text_the_database_cannot_hold_is_refused(store, record):
    """An id longer than the column allows or a NUL character fails validation on every database."""
    long_id = "a" + "-b" * 70
    with pytest.raises(ValidationError, match=rf"record 1: column 'id': '{long_id}' is longer than 120 characters"):
        store.add({**record, "id": long_id})
    with pytest.raises(ValidationError, match=r"record 1: column 'notes': 'bad\\x00text' contains a NUL character"):
        store.add({**record, "notes": "bad\x00text"})
    rid = store.add({**record, "notes": "긴 메모 " * 1999 + "끝"})  # long text is fine
    assert store.get(rid)["notes"] == "긴 메모 " * 1999 + "끝"
    with pytest.raises(ValidationError, match=rf"record '{rid}': column 'city': 'Kiku\\x00yo' contains a NUL character"):
        store.update(rid, {"city": "Kiku\x00yo"})
    assert store.ids() == {rid}


def test_table_ddl_is_portable_to_postgresql():
    """The table's DDL compiles for PostgreSQL with IF NOT EXISTS and no SQLite-only types."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateTable

    from dashboard.data.store import _table

    ddl = str(CreateTable(_table, if_not_exists=True).compile(dialect=postgresql.dialect()))
    assert ddl.strip().startswith("CREATE TABLE IF NOT EXISTS user_projects")
    assert "created_at TIMESTAMP WITH TIME ZONE NOT NULL" in ddl and "PRIMARY KEY (id)" in ddl


def test_v2_fields_defaults_and_company_ids(store, record):
    """A user record takes the v2 fields with the same checks; known names become ids, others stay free text."""
    rid = store.add({**record, "company": "TSMC; Acme Fabs", "scope": "programme", "status": "signed",
                     "status_as_of": "2026-11-30", "parent_id": "stargate-project", "amount_reported": "$60 billion to $65 billion"})
    got = store.get(rid)
    assert (got["company_ids"], got["company"], got["scope"], got["relation"], got["last_verified"]) == (
        "tsmc", "Acme Fabs", "programme", "part_of", None)
    row = load_projects(VALID_CSV).set_index("id").loc[rid]
    assert (row["company"], row["amount_value"], row["amount_high"], row["amount_bound"]) == (
        "TSMC; Acme Fabs", 60e9, 65e9, "range")
    with pytest.raises(ValidationError, match=r"column 'scope': 'pledge' is not a scope; valid: site, programme"):
        store.add({**record, "scope": "pledge"})
    with pytest.raises(ValidationError, match=r"column 'company_ids': 'tsmcc' names company_id\(s\) not in companies.csv"):
        store.add({**record, "company_ids": "tsmcc"})


def test_a_store_of_version_1_gains_the_new_columns(tmp_path, record):
    """A SQLite store written by semidash 1.x is upgraded in place: scope site, status_as_of its date, planned -> announced."""
    import sqlite3

    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    old = ["id", "project", "company", "country", "city", "lat", "lon", "category", "status", "announced",
           "amount_reported", "period_end_year", "gpus", "power_mw", "wafers_per_month", "parent_id",
           "source_url", "source_publisher", "notes"]
    con.execute(f"CREATE TABLE user_projects (id VARCHAR(120) PRIMARY KEY, {', '.join(c + ' TEXT' for c in old[1:])}, "
                "created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL)")
    values = {**dict.fromkeys(old), **{k: v for k, v in record.items() if k in old}, "id": "old-one", "status": "planned"}
    con.execute(f"INSERT INTO user_projects VALUES ({', '.join('?' * (len(old) + 2))})",
                [*(values[c] for c in old), "2025-05-06 07:08:09", "2025-05-06 07:08:09"])
    con.commit()
    con.close()
    with Store(path, curated=VALID_CSV) as st:
        got = st.get("old-one")
        assert (got["scope"], got["status_as_of"], got["status"]) == ("site", "2025-05-06", "announced")
        assert st.load().loc[0, "status"] == "announced"


def test_editing_company_names_maps_them_again(store, record):
    """Changing a record's company names replaces the ids they had mapped to."""
    rid = store.add({**record, "company": "TSMC"})
    assert store.get(rid)["company_ids"] == "tsmc"
    store.update(rid, {"company": "Intel; Acme Fabs"})
    got = store.get(rid)
    assert (got["company_ids"], got["company"]) == ("intel", "Acme Fabs")


def test_busy_sqlite_store_says_try_again(tmp_path, monkeypatch, record):
    """A write that waits longer than the busy timeout for another writer fails with "try again", writes
    nothing, and works once the other writer is done; the timeout is below gunicorn's worker timeout (30 s)."""
    import sqlite3

    import dashboard.data.store as store_module
    from dashboard.data.store import Store
    from dashboard.errors import StoreError

    assert store_module.BUSY_TIMEOUT_S < 30
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.3)
    path = tmp_path / "busy.db"
    with Store(path) as store:
        store.add({**record, "id": "first"})
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            with pytest.raises(StoreError, match=r"the store is busy \(another write held it for over 0\.3 s\); "
                                                 r"nothing was written, try again"):
                store.add({**record, "id": "second"})
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.ids() == {"first"}
        store.add({**record, "id": "second"})
        assert store.ids() == {"first", "second"}
