"""Tests of dashboard.present.charts.quantities on fig.data and axes, without a browser."""
from __future__ import annotations

import pytest

from dashboard.present.charts import make_quantities


def test_quantities_per_unit(krw):
    """Quantities: GPUs, MW, wafers and the amount per GPU / MW where both are known."""
    fig = make_quantities(krw, "KRW")
    per_gpu = next(t for t in fig.data if t.name == "per GPU")
    plan = krw.set_index("id").loc["plan"]
    assert per_gpu.x[0] == pytest.approx(plan["converted_value"] / 4e5)
    assert next(t for t in fig.data if t.name == "wafers/month").text[0] == "800K"
