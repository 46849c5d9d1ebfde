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


def test_quantities_without_gpus():
    """A selection with power figures but no GPU count draws 'not known' in the first panel (was a 500 under load)."""
    import pandas as pd

    from dashboard.present.charts import make_quantities

    df = pd.DataFrame({"project": ["Fab"], "converted_value": [2e9], "gpus": [None], "power_mw": [300.0],
                       "wafers_per_month": [None]})
    fig = make_quantities(df, "USD")
    notes = [a for a in fig.layout.annotations if a.text == "not known"]
    assert [(a.xref, a.yref) for a in notes][0] == ("x domain", "y domain")
    assert len(notes) == 4 and [t.name for t in fig.data] == ["MW", "per MW"]
