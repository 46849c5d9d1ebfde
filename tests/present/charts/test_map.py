"""Tests of dashboard.present.charts.map on fig.data and axes, without a browser."""
from __future__ import annotations

import numpy as np

from dashboard.present.charts import make_map


def test_map_points_and_sizes(krw):
    """Map: scattergeo bubbles for located projects only, area proportional to the amount."""
    fig = make_map(krw, "KRW")
    assert {t.type for t in fig.data} == {"scattergeo"}
    assert sum(len(t.lat) for t in fig.data) == 3
    sizes = np.concatenate([np.asarray(t.marker.size) for t in fig.data])
    located = krw[krw.lat.notna()]
    assert sorted(sizes.tolist()) == sorted(located["converted_value"].tolist())


def test_country_level_points_are_open_circles_and_say_so(small):
    """A programme placed at a country point is drawn as an open circle with a hover note; sites stay filled."""
    from dashboard.present.charts import make_map
    from dashboard.query import ViewState, select

    small.loc[small.id == "plan", ["lat", "lon", "coord_precision"]] = [38.8951, -77.0364, "country"]
    small.loc[small.id != "plan", "coord_precision"] = "city"
    fig = make_map(select(small, ViewState()), "USD")
    points = {(round(la, 2), sym): txt for t in fig.data for la, sym, txt in zip(t.lat, t.marker.symbol, t.hovertext)}
    assert any(sym == "circle-open" and la == 38.9 and "country-level point" in txt for (la, sym), txt in points.items())
    assert all(sym == "circle" for (la, sym) in points if la != 38.9)
