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


def _located(n_sites: int, per_site: int, countries=("KR", "JP")):
    """``n_sites`` sites (0.1° apart) with ``per_site`` projects each, alternating countries and categories."""
    import pandas as pd

    rows = []
    for s in range(n_sites):
        for k in range(per_site):
            rows.append({"project": f"P{s}-{k}", "company": "x", "country": countries[s % len(countries)], "announced": "2025",
                         "category": ("fab", "rnd")[k % 2], "city": f"Town {s}", "lat": 30.0 + s / 10, "lon": 130.0 + 0.004 * k,
                         "amount_reported": "", "currency": "USD", "converted_value": float(1 + k) * 1e9, "converted_currency": "USD"})
    return pd.DataFrame(rows)


def test_many_projects_merge_per_site_with_their_total():
    """More projects than max_points: one bubble per site holding the sum, coloured and named after its largest project."""
    df = _located(3, 4)
    fig = make_map(df, "USD", max_points=5)
    assert fig.layout.title.text == "Where the money goes (sites merged)"
    assert sum(len(t.lat) for t in fig.data) == 3
    assert sorted(np.concatenate([np.asarray(t.marker.size) for t in fig.data]).tolist()) == [1e10, 1e10, 1e10]
    text = fig.data[0].hovertext[0]
    assert "4 projects, largest: P" in text and "-3" in text and "Total: $10B" in text
    assert [t.name for t in fig.data] == ["rnd"]  # P*-3 (rnd) is the largest at every site


def test_too_many_sites_merge_per_country_and_say_so():
    """More sites than max_points: one bubble per country, the title counts projects and sites, the hover names
    the projects, sites and the largest categories (escaped), and no more than max_points bubbles are drawn."""
    import pandas as pd

    df = _located(40, 3)
    df.loc[0, "category"] = "<b>odd</b>"
    fig = make_map(df, "USD", max_points=10)
    assert fig.layout.title.text == "Where the money goes (by country: 120 projects at 40 sites)"
    bubbles = [(t.name, la, txt) for t in fig.data for la, txt in zip(t.lat, t.hovertext)]
    assert len(bubbles) == 2
    kr = next(txt for _, _, txt in bubbles if txt.startswith("<b>KR</b>"))
    assert kr.startswith("<b>KR</b><br>60 projects at 20 sites<br>Total: $120B<br>")
    assert "&lt;b&gt;odd&lt;/b&gt;" in kr and "<b>odd" not in kr
    # the same from categorical columns (as the converted frame has them)
    cat = make_map(df.astype({"country": "category", "category": "category"}), "USD", max_points=10)
    assert [list(t.hovertext) for t in cat.data] == [list(t.hovertext) for t in fig.data]
    assert pd.Series([len(t.lat) for t in make_map(_located(2000, 1), "USD").data]).sum() <= 3000
