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
