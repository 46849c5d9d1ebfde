"""Currency normalisation: dated rates with provenance, vectorised conversion, audits.

Public API (data files are read on first use, never at import; importing this
package imports nothing heavy, names load on first access):

* :func:`convert` / :func:`convert_frame`: convert one amount / a whole frame at a
  basis from :data:`BASES`, optionally to constant US dollars (``real_year``);
* :func:`fx_context`: the same rates as a pint context on the shared registry;
* :func:`available_currencies` (optionally ``covering=(start, end)``),
  :func:`active_currencies` (not discontinued at a date), :func:`bounds`: what the data cover;
* :func:`get_origins`: the :class:`Origin` objects (producer, series, URL, licence,
  date accessed) that every conversion refers to (``Conversion.origins``, frame
  column ``fx_origin``);
* :func:`rates_revision`: a token that changes whenever the rate data change (key
  caches of converted values on it); :func:`reset_cache` drops every derived cache;
* :func:`audit_conversions`: check the conversions an article reports;
* :func:`update_rates`: fetch and install a newer ECB history file (bounded I/O).

>>> from dashboard.fx import convert
>>> c = convert(100, "EUR", "USD", date="2025-04-04")
>>> round(c.value, 2), c.rate_date.isoformat(), c.origins[0].producer
(110.57, '2025-04-04', 'European Central Bank')
"""
from __future__ import annotations

import importlib

from dashboard.fx.bases import BASES

_EXPORTS = {
    "Conversion": "dashboard.fx.conversion",
    "convert": "dashboard.fx.conversion",
    "convert_frame": "dashboard.fx.conversion",
    "Origin": "dashboard.fx.sources",
    "available_currencies": "dashboard.fx.rates",
    "active_currencies": "dashboard.fx.rates",
    "bounds": "dashboard.fx.rates",
    "get_table": "dashboard.fx.rates",
    "get_origins": "dashboard.fx.rates",
    "reset_cache": "dashboard.fx.rates",
    "rates_revision": "dashboard.fx.rates",
    "fx_context": "dashboard.fx.context",
    "audit_conversions": "dashboard.fx.audit",
    "update_rates": "dashboard.fx.update",
}

__all__ = ["BASES", *_EXPORTS]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dashboard.fx' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
