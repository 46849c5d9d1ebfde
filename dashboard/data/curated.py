"""The curated projects file bundled with the package, read once per change.

``projects.csv`` and ``datapackage.json`` are real files inside this package
(``dashboard/data/``), found through ``importlib.resources``, so loading never
depends on the working directory, and wheels and sdists carry them.
``datasets/README.md`` in the repository says where they are and what was
checked.

Every reader of the curated file (the loader, the store's check of curated ids
and parents) goes through :func:`read_curated`, which caches the text frame
and its problems on the file's (path, modification time, size): the file is
read once per change, however many records a store checks.

>>> bundled_path().name, bundled_path().parent.name
('projects.csv', 'data')
>>> "samsung-yokohama-apl" in curated_ids()
True
"""
from __future__ import annotations

import os
import threading
from importlib import resources
from pathlib import Path

import pandas as pd

from dashboard.data.table import read_checked, to_typed
from dashboard.errors import DatasetNotFoundError, ValidationError

__all__ = ["bundled_path", "metadata_path", "read_curated", "curated_frame", "curated_ids", "reads"]

PathLike = str | os.PathLike

_lock = threading.Lock()
# resolved path -> ((mtime_ns, size), text frame, problems, typed frame or None)
_cache: dict[str, tuple[tuple[int, int], pd.DataFrame, list[str], pd.DataFrame | None]] = {}
_reads: dict[str, int] = {}


def _resource(name: str) -> Path:
    path = Path(str(resources.files("dashboard.data").joinpath(name)))
    if not path.is_file():
        raise DatasetNotFoundError(str(path), f"bundled {name} is missing from the installed package")
    return path


def bundled_path() -> Path:
    """The bundled ``projects.csv`` (``dashboard/data/projects.csv`` in the installed package)."""
    return _resource("projects.csv")


def metadata_path() -> Path:
    """The bundled ``datapackage.json`` that describes ``projects.csv``."""
    return _resource("datapackage.json")


def _path(path: PathLike | None) -> Path:
    return bundled_path() if path is None else Path(path)


def _entry(path: PathLike | None):
    p = _path(path)
    key = str(p.resolve())
    try:
        st = p.stat()
    except FileNotFoundError:
        raise DatasetNotFoundError(str(p)) from None
    stamp = (st.st_mtime_ns, st.st_size)
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return key, p, hit
    with _lock:
        hit = _cache.get(key)
        if hit is None or hit[0] != stamp:
            frame, problems = read_checked(p)
            _reads[key] = _reads.get(key, 0) + 1
            hit = (stamp, frame, problems, None)
            _cache[key] = hit
    return key, p, hit


def read_curated(path: PathLike | None = None) -> tuple[pd.DataFrame, list[str]]:
    """The text frame of a curated file (default: the bundled one) and all its problems, sorted by line.

    Cached on the file's path, modification time and size.
    """
    _, _, (_, frame, problems, _) = _entry(path)
    return frame, problems


def curated_frame(path: PathLike | None = None) -> pd.DataFrame:
    """The typed, validated curated frame (shared: copy before changing it).

    Raises :class:`~dashboard.errors.ValidationError` listing every problem.
    """
    key, p, (stamp, frame, problems, typed) = _entry(path)
    if problems:
        raise ValidationError(problems, source=str(p))
    if typed is None:
        typed = to_typed(frame, "curated")
        with _lock:
            if _cache.get(key, (None,))[0] == stamp:
                _cache[key] = (stamp, frame, problems, typed)
    return typed


def curated_ids(path: PathLike | None = None) -> frozenset[str]:
    """Ids used in the curated file (read structurally, valid or not)."""
    frame, _ = read_curated(path)
    return frozenset(frame["id"].dropna())


def reads(path: PathLike | None = None) -> int:
    """How many times the file at ``path`` has been read in this process (to check the cache)."""
    return _reads.get(str(_path(path).resolve()), 0)
