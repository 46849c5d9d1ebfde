"""Tests of dashboard.data.curated: the bundled file is a real package file, read once per change."""
from __future__ import annotations

import os
import shutil

from dashboard.data import curated
from dashboard.data.store import Store
from tests.helpers import SHIPPED, VALID_CSV


def test_bundled_files_are_real_files_in_the_package():
    """projects.csv and datapackage.json live in dashboard/data as files, not links."""
    for path in (curated.bundled_path(), curated.metadata_path()):
        assert path.is_file() and not path.is_symlink() and path.parent.name == "data"
    assert curated.bundled_path() == SHIPPED


def test_store_update_reads_the_curated_file_once(tmp_path, record):
    """Adding, reading, editing and deleting records reads the curated file once, and again only after it changes."""
    path = tmp_path / "curated.csv"
    shutil.copy(VALID_CSV, path)
    with Store(tmp_path / "store.sqlite", curated=path) as store:
        rid = store.add(record)
        store.get(rid)
        store.update(rid, {"notes": "checked"})
        store.load()
        assert curated.reads(path) == 1
        os.utime(path, ns=(1, 1))  # the file changed (as far as its stamp says)
        store.update(rid, {"notes": "checked again"})
        store.delete(rid)
        assert curated.reads(path) == 2


def test_ids_and_problems_come_from_the_same_read(tmp_path):
    """curated_ids and read_curated share one cached read; the frame's problems are listed, not raised."""
    path = tmp_path / "curated.csv"
    shutil.copy(VALID_CSV, path)
    ids = curated.curated_ids(path)
    frame, problems = curated.read_curated(path)
    assert ids == frozenset(frame["id"].dropna()) and problems == []
    assert curated.reads(path) == 1
