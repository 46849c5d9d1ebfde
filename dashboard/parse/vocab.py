"""The vocabulary of the parser, kept as data in ``vocab/*.toml``.

* ``money.toml``: currency signs and codes written before a number, currency
  words after it (per language), the guards of short words (원 is not 원전),
  document-level currency declarations and TW/HK/CN context words.
* ``units.toml``: power and area words mapped to pint unit expressions, and the
  canonical unit of each kind of quantity.
* ``words.toml``: numerals and scale words, approximation and bound words,
  counters, the nouns of GPUs, wafers, jobs and data centres, range separators
  and the context words of the filters.

Files are read once, on first use (never at import time).

>>> load("money")["prefix"]["US$"]
'USD'
"""
from __future__ import annotations

import functools
import tomllib
from importlib import resources

__all__ = ["load", "unit_factor"]


@functools.cache
def load(name: str) -> dict:
    """The parsed table ``vocab/<name>.toml`` (cached; do not mutate)."""
    raw = resources.files("dashboard.parse").joinpath("vocab", f"{name}.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


@functools.cache
def unit_factor(expression: str, canonical: str) -> float:
    """How many ``canonical`` units one ``expression`` is, from the pint registry.

    >>> unit_factor("GW", "MW"), unit_factor("10000 * kW", "MW")
    (1000.0, 10.0)
    """
    from dashboard.units import get_registry

    ureg = get_registry()
    return float(ureg.parse_expression(expression).to(canonical).magnitude)
