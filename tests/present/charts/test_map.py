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
