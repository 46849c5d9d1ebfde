"""Currency normalisation: dated rates with provenance, vectorised conversion, audits.

Public API (data files are read on first use, never at import):

* :func:`convert` / :func:`convert_frame`: convert one amount / a whole frame at a
  basis from :data:`BASES`, optionally to constant US dollars (``real_year``);
* :func:`fx_context`: the same rates as a pint context on the shared registry;
* :func:`available_currencies`, :func:`bounds`: what the data cover;
* :func:`audit_conversions`: check the conversions an article reports;
* :func:`update_rates`: fetch and install a newer ECB history file.

>>> from dashboard.fx import convert
>>> c = convert(100, "EUR", "USD", date="2025-04-04")
>>> round(c.value, 2), c.rate_date.isoformat()
(110.57, '2025-04-04')
"""
from __future__ import annotations

from dashboard.fx.convert import BASES, Conversion, convert, convert_frame
from dashboard.fx.rates import available_currencies, bounds, get_table, reset_cache

__all__ = [
    "BASES",
    "Conversion",
    "convert",
    "convert_frame",
    "available_currencies",
    "bounds",
    "get_table",
    "reset_cache",
    "fx_context",
    "audit_conversions",
    "update_rates",
]


def __getattr__(name: str):
    if name == "fx_context":
        from dashboard.fx.context import fx_context

        return fx_context
    if name == "audit_conversions":
        from dashboard.fx.audit import audit_conversions

        return audit_conversions
    if name == "update_rates":
        from dashboard.fx.update import update_rates

        return update_rates
    raise AttributeError(f"module 'dashboard.fx' has no attribute {name!r}")
