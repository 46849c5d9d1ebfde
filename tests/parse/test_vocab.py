"""Tests for dashboard.parse.vocab: the vocabulary files load, and unit factors come from pint."""
from __future__ import annotations

import pytest

from dashboard.parse.vocab import load, unit_factor


@pytest.mark.parametrize("name", ["money", "units", "words", "phrases", "factors"])
def test_files_load(name):
    """Each vocabulary file is valid TOML and cached."""
    assert load(name) is load(name)


@pytest.mark.parametrize(
    ("word", "code"),
    [("R$", "BRL"), ("C$", "CAD"), ("CA$", "CAD"), ("CAN$", "CAD"), ("SAR", "SAR"), ("RM", "MYR")],
)
def test_prefix_currencies(word, code):
    """Currency signs before the number, including the Brazilian real and the Canadian dollar."""
    assert load("money")["prefix"][word] == code


def test_suffix_words_cover_new_currencies():
    """Words after the number: reais / BRL, rupiah / ルピア / 루피아 (IDR)."""
    sfx = load("money")["suffix"]
    assert sfx["en"]["reais"] == sfx["en"]["brl"] == "BRL"
    assert sfx["en"]["rupiah"] == sfx["ja"]["ルピア"] == sfx["ko"]["루피아"] == "IDR"


@pytest.mark.parametrize(("word", "kind"), [("exceeding", "lower"), ("exceed", "lower"), ("an estimated", "approx"), ("around", "approx")])
def test_qualifier_words(word, kind):
    """Bound and approximation words before a number."""
    assert load("words")["before"][word] == kind


@pytest.mark.parametrize(("expr", "canonical", "factor"), [("GW", "MW", 1000.0), ("mi ** 2", "m ** 2", 2589988.110336), ("hectare", "m ** 2", 10000.0)])
def test_unit_factor_from_pint(expr, canonical, factor):
    """Factors come from the pint registry."""
    assert unit_factor(expr, canonical) == pytest.approx(factor)


def test_factor_table_matches_pint():
    """factors.toml holds every unit expression of units.toml, each equal to pint's factor
    (after adding a unit word, run ``dashboard.parse.vocab.write_factors()``)."""
    from dashboard.parse.vocab import factor_table

    stored = load("factors")
    for canonical, table in factor_table().items():
        assert set(stored[canonical]) == set(table), "factors.toml is stale: run write_factors()"
        for expr, factor in table.items():
            assert stored[canonical][expr] == pytest.approx(factor, rel=1e-12)


def test_unit_factor_falls_back_to_pint_for_other_expressions():
    """An expression missing from factors.toml is converted by pint."""
    assert unit_factor("3 * MW", "kW") == pytest.approx(3000.0)
