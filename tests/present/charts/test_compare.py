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
