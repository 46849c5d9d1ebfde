"""Load the projects: the curated file (validated, typed, cached) plus the
records of the user's store.

Layers inside :mod:`dashboard.data`, each importing only those before it:
``schema`` (columns, checks) -> ``table`` (CSV text -> text frame -> typed
frame) -> ``curated`` (the bundled file, read once per change) -> ``store``
(the user's records) -> ``load`` (both together).
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from dashboard.data.curated import bundled_path, curated_frame, curated_ids, metadata_path, read_curated
from dashboard.data.store import Store
from dashboard.data.table import read_table, to_typed
from dashboard.data.totals import in_total, superseded_by

__all__ = [
    "bundled_path",
    "metadata_path",
    "read_table",
    "validate_projects",
    "load_projects",
    "to_typed",
    "curated_ids",
]

PathLike = str | os.PathLike


def validate_projects(path: PathLike | None = None) -> list[str]:
    """Every problem of a projects CSV (default: the bundled file); ``[]`` if it is valid.

    Each problem reads ``PATH:LINE: column 'X': 'value' message``; LINE is the
    physical line where the record starts (the header is line 1).
    """
    return list(read_curated(path)[1])


def load_projects(path: PathLike | None = None, *, include_user: bool = True,
                  db: str | os.PathLike | Store | None = None) -> pd.DataFrame:
    """Load the curated projects (default: the bundled file), validated and typed.

    With ``include_user`` the records of the user's store (``db``: a
    :class:`~dashboard.data.store.Store`, a URL or a path; else
    ``$SEMIDASH_DB``, else the default SQLite file) are appended with
    ``origin == "user"``; a store that does not exist yet adds nothing and is not
    created. Raises :class:`~dashboard.errors.ValidationError` listing every
    problem (``PATH:LINE: column 'X': 'value' ...``). The curated frame is
    cached on the file's path and modification time; a fresh copy is returned.

    Columns: :data:`~dashboard.data.schema.TYPED_COLUMNS`; ``company`` holds the
    display names of ``company_ids``; ``in_total`` says which rows the default
    totals add (:mod:`dashboard.data.totals`), decided over curated and user rows
    together; ``further_sources`` / ``further_source_urls`` the articles merged
    into each row from the review queue.
    """
    path = bundled_path() if path is None else Path(path)
    curated = curated_frame(path)
    if not include_user:
        return curated.copy()
    if isinstance(db, Store):
        user, further = db.load(), _further_sources(db)
    else:
        with Store(db, curated=path) as store:
            user, further = store.load(), _further_sources(store)
    if user.empty:
        return _with_further_sources(curated.copy(), further)
    both = pd.concat([curated, user], ignore_index=True)
    # a user's row may sit inside (or supersede) a curated one: decide over both at once
    both["in_total"] = in_total(both).to_numpy()
    both["superseded_by"] = superseded_by(both).to_numpy()
    return _with_further_sources(both, further)


def _further_sources(store: Store) -> dict[str, list[str]]:
    """The articles merged into projects from the review queue (``semidash queue merge``)."""
    from dashboard.data.queue import Queue

    return Queue(store).further_sources()


def _with_further_sources(frame: pd.DataFrame, further: dict[str, list[str]]) -> pd.DataFrame:
    """``further_sources`` (how many articles were merged into the row) and
    ``further_source_urls`` (their URLs, ``"; "``-joined) beside ``source_url``."""
    if not further:
        frame["further_sources"] = 0
        frame["further_source_urls"] = ""
        return frame
    ids = frame["id"].astype(str)
    frame["further_sources"] = ids.map({k: len(v) for k, v in further.items()}).fillna(0).astype("int64")
    frame["further_source_urls"] = ids.map({k: "; ".join(v) for k, v in further.items()}).fillna("")
    return frame
