"""Tests of dashboard.present.charts.compare on fig.data and axes, without a browser."""
from __future__ import annotations

from dashboard.present.charts import compare_table, make_compare, ratio_lines


def test_compare_table_and_ratios(krw):
    """Compare: figure as reported, converted value, rate with its date and source, and ratios."""
    table = compare_table(krw, ["plan", "lab"], "KRW")
    assert table["reported"].tolist() == ["US$500 billion", "400억엔"]
    assert table["rate"].iloc[1].startswith("1 JPY = ") and table["rate_date"].tolist() == ["2025-01-21", "2023-12-21"]
    assert table["rate_source"].str.contains("ECB").all()
    [line] = ratio_lines(krw, ["lab", "plan"])
    assert line.startswith("Umbrella plan is ~") and line.endswith("× 横浜ラボ")
    fig = make_compare(krw, ["plan", "lab"], "KRW")
    assert fig.layout.xaxis.type == "log" and len(fig.data[0].x) == 2


def test_compare_of_quantities_only_projects_draws_no_money_axis():
    """Picks with no amount at all: no -1…1 money axis, zero-length bars from 0 labelled with their GPUs."""
    import numpy as np
    import pandas as pd

    from dashboard.present.charts import make_compare

    df = pd.DataFrame({"id": ["a", "b"], "project": ["DC A", "DC B"], "company": "x", "country": "US", "announced": "2025",
                       "amount_reported": "", "currency": "USD", "converted_value": [np.nan, np.nan],
                       "converted_currency": "USD", "gpus": [1e5, 2e5]})
    fig = make_compare(df, ["a", "b"], "USD")
    x = fig.layout.xaxis
    assert tuple(x.range) == (0, 1) and x.showticklabels is False and list(x.tickvals) == []
    assert x.title.text == "no amount in USD: quantities shown"
    assert list(fig.data[0].x) == [0.0, 0.0] and list(fig.data[0].text) == ["no amount · 100,000 GPUs", "no amount · 200,000 GPUs"]
