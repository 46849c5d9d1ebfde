"""The one pint unit registry of semidash.

Definitions live in the data file ``units.txt`` beside this module and are
loaded on first use (never at import time). Each currency is its own
dimension, so money converts only through the FX layer's context.

>>> from dashboard.units import get_registry
>>> ureg = get_registry()
>>> ureg.Quantity(1.2, "GW").to("MW").magnitude
1200.0
>>> format(ureg.Quantity(3, "wafer / month").units, "~")
'wafer / month'
"""
from __future__ import annotations

import functools
from importlib import resources

import pint

__all__ = ["get_registry", "CURRENCIES", "is_currency"]


@functools.cache
def get_registry() -> pint.UnitRegistry:
    """Return the shared registry (built once, ~0.1 s)."""
    ureg = pint.UnitRegistry(cache_folder=None)
    text = resources.files("dashboard").joinpath("units.txt").read_text(encoding="utf-8")
    ureg.load_definitions(text.splitlines())
    ureg.formatter.default_format = "~P"
    pint.set_application_registry(ureg)
    return ureg


@functools.cache
def _currencies() -> frozenset[str]:
    text = resources.files("dashboard").joinpath("units.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        parts = line.split("=")
        if len(parts) == 2 and parts[1].strip().startswith("[currency_"):
            out.add(parts[0].strip())
    return frozenset(out)


def is_currency(code: str) -> bool:
    """True if ``code`` is an ISO 4217 code defined as a currency dimension.

    >>> is_currency("KRW"), is_currency("MW")
    (True, False)
    """
    return code in _currencies()


def __getattr__(name: str):
    if name == "CURRENCIES":
        return _currencies()
    raise AttributeError(name)
