"""Tests for dashboard.fx.context: the pint FX context agrees with convert()."""
from __future__ import annotations

import pint
import pytest

from dashboard.fx import convert
from dashboard.fx.context import fx_context
from dashboard.units import get_registry

from .conftest import ecb_day_after, twd_last_day

PAIRS = [("JPY", "KRW"), ("USD", "EUR"), ("TWD", "KRW"), ("AED", "TWD"), ("SAR", "JPY"), ("CNY", "INR")]


@pytest.mark.parametrize("day", ["2025-04-02", "2025-04-05", "2024-07-04"])
def test_context_equals_convert_for_every_pair(day):
    """Inside fx_context(day) each pair converts exactly as convert() does (weekend and US holiday too)."""
    ctx = fx_context(day)
    with ctx as ureg:
        for src, dst in PAIRS:
            got = ureg.Quantity(1e9, src).to(dst).magnitude
            c = convert(1e9, src, dst, date=day)
            assert got == pytest.approx(c.value, rel=1e-12)
            assert ctx.rate_date(src, dst) == c.rate_date


def test_context_annual_basis_matches_convert():
    """An annual-basis context uses the same yearly averages as convert(basis='annual')."""
    with fx_context("2023-03-01", basis="annual", currencies=["USD", "JPY", "TWD"]) as ureg:
        got = ureg.Quantity(5e9, "JPY").to("TWD").magnitude
    assert got == pytest.approx(convert(5e9, "JPY", "TWD", date="2023-03-01", basis="annual").value, rel=1e-12)


def test_money_does_not_convert_outside_the_context():
    """On the shared registry JPY and KRW are different dimensions unless the context is active."""
    ureg = get_registry()
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(1, "JPY").to("KRW")
    with fx_context("2025-04-02", currencies=["JPY", "KRW"]) as inside:
        assert inside is ureg
        inside.Quantity(1, "JPY").to("KRW")
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(1, "JPY").to("KRW")


def test_context_leaves_out_currencies_without_data_that_day():
    """On the first ECB day after TWD's data end, TWD is not in the default context; asking for it raises."""
    day = ecb_day_after(twd_last_day())
    ctx = fx_context(day)
    assert "TWD" not in ctx.currencies and "KRW" in ctx.currencies
    with pytest.raises(LookupError, match=f"TWD has no rate for {day}"):
        fx_context(day, currencies=["TWD", "USD"])


def test_fixed_and_latest_contexts_match_convert():
    """Contexts for basis 'fixed' and 'latest' give convert()'s rates, TWD's latest included."""
    ctx = fx_context(basis="fixed", as_of="2024-12-31")
    assert ctx.rate("USD", "KRW") == pytest.approx(convert(1, "USD", "KRW", basis="fixed", as_of="2024-12-31").rate, rel=1e-12)
    latest = fx_context(basis="latest")
    c = convert(1, "TWD", "USD", basis="latest")
    assert (latest.rate("TWD", "USD"), latest.rate_date("TWD", "USD")) == (pytest.approx(c.rate, rel=1e-12), c.rate_date)
