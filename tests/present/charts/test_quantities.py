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


def test_panels_that_draw_only_the_top_say_so():
    """14 projects with GPUs (one with MW): the GPU panels say 'top 10 of 14' and draw 10 bars; the MW panel says nothing."""
    import numpy as np
    import pandas as pd

    df = pd.DataFrame({"project": [f"DC {i}" for i in range(14)], "converted_value": [1e9] * 13 + [None],
                       "gpus": np.arange(1, 15) * 1e3, "power_mw": [10.0] + [None] * 13, "wafers_per_month": None})
    fig = make_quantities(df, "USD")
    titles = [a.text for a in fig.layout.annotations][:6]
    assert titles[:4] == ["GPUs: top 10 of 14", "USD per GPU: top 10 of 13", "Power (MW)", "USD per MW"]
    gpus = next(t for t in fig.data if t.name == "GPUs")
    assert len(gpus.x) == 10 and max(gpus.x) == 14e3
    assert [a.text for a in make_quantities(df.iloc[:5], "USD").layout.annotations][0] == "GPUs"
