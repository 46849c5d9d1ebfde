"""What the reader asked to see and the one frame that shows it.

* :mod:`~dashboard.query.views`: the views (tabs), declared once;
* :mod:`~dashboard.query.state`: :class:`ViewState`, every control, declared
  once as a field table (URL key, codec, control);
* :mod:`~dashboard.query.bases`: how each rate basis is worded;
* :mod:`~dashboard.query.selection`: :func:`select`, the converted, filtered,
  sorted frame behind every chart, the grid and the export.

``import dashboard.query`` is light: :func:`select` and its helpers (pandas)
load on first use.

>>> from dashboard.query import ViewState
>>> ViewState.from_query("tab=map").tab
'map'
"""
from __future__ import annotations

import importlib

from dashboard.query.state import COLOR_BY, DEFAULT_REAL_YEAR, FIELDS, MAX_COMPARE, Field, ViewState
from dashboard.query.views import SELECTION_VIEWS, VIEW_NAMES, VIEWS, View

_LAZY = {name: "dashboard.query.selection" for name in
         ("select", "convert", "filter_mask", "conversion_settings", "company_names", "rates_token",
          "container_links")}

__all__ = ["ViewState", "Field", "FIELDS", "COLOR_BY", "DEFAULT_REAL_YEAR", "MAX_COMPARE", "View", "VIEWS",
           "VIEW_NAMES", "SELECTION_VIEWS", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dashboard.query' has no attribute {name!r}")
