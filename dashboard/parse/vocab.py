"""The vocabulary of the parser, kept as data in ``vocab/*.toml``.

* ``money.toml``: currency signs and codes written before a number, currency
  words after it (per language), the guards of short words (원 is not 원전),
  document-level currency declarations and TW/HK/CN context words.
* ``units.toml``: power and area words mapped to pint unit expressions, and the
  canonical unit of each kind of quantity.
* ``words.toml``: numerals and scale words, approximation and bound words,
  counters, the nouns of GPUs, wafers, jobs and data centres, range separators
  and the context words of the filters.
* ``phrases.toml``: the particles, modifiers, guards and context phrases the
  patterns are built from (:mod:`dashboard.parse.wordlists`).
* ``factors.toml``: unit factors written from the pint registry
  (:func:`write_factors`), so reading text does not load pint.

Files are read once, on first use (never at import time).

>>> load("money")["prefix"]["US$"]
'USD'
"""
from __future__ import annotations

import functools
import tomllib
from importlib import resources

__all__ = ["load", "unit_factor", "factor_table", "write_factors"]


@functools.cache
def load(name: str) -> dict:
    """The parsed table ``vocab/<name>.toml`` (cached; do not mutate)."""
    raw = resources.files("dashboard.parse").joinpath("vocab", f"{name}.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


def factor_table() -> dict[str, dict[str, float]]:
    """canonical unit -> {unit expression of ``units.toml``: factor}, computed with the pint registry."""
    from dashboard.units import get_registry

    ureg = get_registry()
    units = load("units")
    out: dict[str, dict[str, float]] = {}
    for kind in ("power", "area"):
        canonical = units["canonical"][kind]
        exprs = sorted({*units[kind]["symbol"].values(), *units[kind]["word"].values()})
        out[canonical] = {e: float(ureg.parse_expression(e).to(canonical).magnitude) for e in exprs}
    return out


def write_factors() -> str:
    """Rewrite ``vocab/factors.toml`` from the pint registry (after a unit word is added); returns its text."""
    lines = ["# Unit factors to the canonical unit of each kind, computed from the pint registry by",
             "# dashboard.parse.vocab.write_factors() (do not edit by hand; tests/parse/test_vocab.py",
             "# checks every entry against pint). Read instead of loading pint when text is parsed.", ""]
    for canonical, table in factor_table().items():
        lines.append(f'["{canonical}"]')
        lines += [f'"{expr}" = {factor!r}' for expr, factor in table.items()]
        lines.append("")
    text = "\n".join(lines)
    path = resources.files("dashboard.parse").joinpath("vocab", "factors.toml")
    with resources.as_file(path) as real:
        real.write_text(text, encoding="utf-8")
    load.cache_clear()
    return text


@functools.cache
def unit_factor(expression: str, canonical: str) -> float:
    """How many ``canonical`` units one ``expression`` is: from ``vocab/factors.toml`` (written from
    the pint registry), or from the registry itself for an expression not in that table.

    >>> unit_factor("GW", "MW"), unit_factor("10000 * kW", "MW")
    (1000.0, 10.0)
    """
    factor = load("factors").get(canonical, {}).get(expression)
    if factor is not None:
        return float(factor)
    from dashboard.units import get_registry

    ureg = get_registry()
    return float(ureg.parse_expression(expression).to(canonical).magnitude)
