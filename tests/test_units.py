"""Tests of dashboard.units: one registry, loaded from package data, money only through the FX layer."""
from __future__ import annotations

import pint
import pytest

from dashboard.units import get_registry, is_currency


def test_one_registry():
    """get_registry() builds the registry once and makes it pint's application registry."""
    ureg = get_registry()
    assert get_registry() is ureg
    assert pint.get_application_registry().get() is ureg


def test_currencies_do_not_convert_by_accident():
    """Each currency is its own dimension: KRW does not convert to JPY without the FX context."""
    ureg = get_registry()
    assert is_currency("KRW") and is_currency("TWD") and not is_currency("MW")
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(1, "JPY").to("KRW")
    assert ureg.Quantity(620, "MW").to("GW").magnitude == pytest.approx(0.62)
