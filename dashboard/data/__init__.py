"""The projects data: the curated file bundled with the package, its schema,
and the user's own store.

>>> from dashboard.data import CATEGORIES, STATUSES
>>> "datacenter" in CATEGORIES, "under_construction" in STATUSES
(True, True)
"""
from __future__ import annotations

from dashboard.data.companies import alias_index, load_companies, resolve_company, resolve_names
from dashboard.data.curated import bundled_path, metadata_path
from dashboard.data.load import load_projects, validate_projects
from dashboard.data.schema import (
    CATEGORIES, COLUMNS, COORD_PRECISIONS, FUNDING, RELATIONS, SCOPES, STATUSES, TYPED_COLUMNS, USER_COLUMNS,
)
from dashboard.data.store import Store
from dashboard.data.totals import RULE as IN_TOTAL_RULE
from dashboard.data.totals import in_total

__all__ = [
    "load_projects",
    "validate_projects",
    "bundled_path",
    "metadata_path",
    "Store",
    "load_companies",
    "alias_index",
    "resolve_company",
    "resolve_names",
    "in_total",
    "IN_TOTAL_RULE",
    "CATEGORIES",
    "STATUSES",
    "SCOPES",
    "FUNDING",
    "RELATIONS",
    "COORD_PRECISIONS",
    "COLUMNS",
    "USER_COLUMNS",
    "TYPED_COLUMNS",
]
