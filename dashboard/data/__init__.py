"""The projects data: the curated file bundled with the package, its schema,
and the user's own store.

>>> from dashboard.data import CATEGORIES, STATUSES
>>> "datacenter" in CATEGORIES, "under_construction" in STATUSES
(True, True)
"""
from __future__ import annotations

from dashboard.data.curated import bundled_path, metadata_path
from dashboard.data.load import load_projects, validate_projects
from dashboard.data.schema import CATEGORIES, COLUMNS, STATUSES, TYPED_COLUMNS
from dashboard.data.store import Store

__all__ = [
    "load_projects",
    "validate_projects",
    "bundled_path",
    "metadata_path",
    "Store",
    "CATEGORIES",
    "STATUSES",
    "COLUMNS",
    "TYPED_COLUMNS",
]
