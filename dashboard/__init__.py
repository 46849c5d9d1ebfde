"""semidash: read, convert, curate and show investment figures of the
semiconductor and AI-infrastructure industry.

The public API is imported lazily so that ``import dashboard`` stays cheap and
reads no data file::

    >>> import dashboard
    >>> fig = dashboard.parse_amount("400억엔")
    >>> fig.value, fig.currency
    (40000000000.0, 'JPY')
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> (module, attribute)
_EXPORTS: dict[str, tuple[str, str]] = {
    "Figure": ("dashboard.parse", "Figure"),
    "parse_amount": ("dashboard.parse", "parse_amount"),
    "extract_figures": ("dashboard.parse", "extract_figures"),
    "convert": ("dashboard.fx", "convert"),
    "convert_frame": ("dashboard.fx", "convert_frame"),
    "audit_conversions": ("dashboard.fx", "audit_conversions"),
    "load_projects": ("dashboard.data", "load_projects"),
    "SemidashError": ("dashboard.errors", "SemidashError"),
    "ParseError": ("dashboard.errors", "ParseError"),
    "ValidationError": ("dashboard.errors", "ValidationError"),
}

__all__ = ["ureg", "__version__", *_EXPORTS]


def __getattr__(name: str):
    if name == "ureg":
        from dashboard.units import get_registry

        return get_registry()
    try:
        module, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'dashboard' has no attribute {name!r}") from None
    return getattr(importlib.import_module(module), attr)


def __dir__() -> list[str]:
    return sorted(__all__)
