"""Tests of dashboard.present.charts.ranking on fig.data and axes, without a browser."""
from __future__ import annotations

from dashboard.present.charts import make_ranking


def test_ranking_bars_and_labels(krw):
    """Ranking: largest on top, labelled in 억/조원, reported figure in the hover, log axis on request."""
    fig = make_ranking(krw, "KRW", log=True)
    bar = fig.data[0]
    assert list(fig.layout.yaxis.ticktext)[-1] == "Umbrella plan"  # top bar
    assert bar.text[0].endswith("억원") and bar.text[-1].endswith("조원")
    assert "400억엔" in bar.hovertext[0] and "1 JPY = " in bar.hovertext[0]
    assert fig.layout.xaxis.type == "log" and all("G" not in t for t in fig.layout.xaxis.ticktext)
    assert len(make_ranking(krw, "KRW", top=2).data[0].x) == 2


def test_superseded_plan_is_marked_next_to_its_replacement(projects):
    """Apple's $500B plan keeps its bar beside the $600B one but hatched, labelled superseded, its hover naming
    the replacement; the $600B bar is plain, and the header total counts the plan once (the $600B)."""
    from dashboard.query import ViewState, select
    from dashboard.present.charts import total_once
    from dashboard.ui.views import ranking

    sel = select(projects, ViewState(companies=("apple",)))
    fig, = ranking.render(projects, sel, ViewState(companies=("apple",)))
    bar = fig.data[0]
    order = list(bar.customdata)
    old, new = order.index("apple-us-500b-plan"), order.index("apple-us-600b-plan")
    assert abs(old - new) == 1  # side by side
    assert bar.marker.pattern.shape[old] == "/" and bar.marker.pattern.shape[new] == ""
    assert bar.text[old].endswith(" · superseded") and "superseded" not in bar.text[new]
    assert "Superseded by Apple US investment commitment raised to $600 billion" in bar.hovertext[old]
    assert any("Hatched: superseded" in a.text for a in fig.layout.annotations)
    rows = sel.set_index("id")
    assert rows.loc["apple-us-500b-plan", "superseded_by"] == "apple-us-600b-plan"
    assert not rows.loc["apple-us-500b-plan", "in_total"] and rows.loc["apple-us-600b-plan", "in_total"]
    assert total_once(sel) == rows.loc[rows["in_total"], "converted_value"].sum()
    assert total_once(sel) < rows["converted_value"].sum() - 4.9e11  # the $500B is not added


def test_ranking_without_superseded_rows_has_no_hatching(projects):
    """A selection with no superseded plan draws plain bars and no hatch note."""
    from dashboard.query import ViewState, select

    sel = select(projects, ViewState(countries=("JP",)))
    sel = sel[sel["superseded_by"].isna()]
    fig = make_ranking(sel, "USD")
    assert fig.data[0].marker.pattern is None or not fig.data[0].marker.pattern.shape
    assert not fig.layout.annotations


def test_top_positions_is_nlargest():
    """top_positions picks the known rows DataFrame.nlargest(keep='first') would (as make_ranking did), ties included."""
    import numpy as np
    import pandas as pd

    from dashboard.present.charts.ranking import top_positions

    rng = np.random.default_rng(3)
    for _ in range(200):
        vals = rng.integers(-3, 8, rng.integers(0, 60)).astype(float)
        vals[rng.random(len(vals)) < 0.2] = np.nan
        top = int(rng.integers(1, 30))
        s = pd.Series(vals)
        assert top_positions(vals, top).tolist() == s.dropna().nlargest(top).index.tolist()
        assert top_positions(vals, top, positive=True).tolist() == s[s > 0].nlargest(top).index.tolist()
