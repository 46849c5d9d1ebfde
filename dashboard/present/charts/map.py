"""Map: project sites on a world map (scatter_geo), sized by converted amount."""
from __future__ import annotations

import numpy as np
import pandas as pd
from dashboard.present.charts import objects as go

from dashboard.present.charts._common import bubbles, esc, hover_text
from dashboard.present.charts.theme import empty_figure, group_color, register
from dashboard.present.format import format_amounts


def make_map(df: pd.DataFrame, currency: str, *, max_points: int = 3000) -> go.Figure:
    """One bubble per project with coordinates (area ~ converted amount,
    colour by category; projects without an amount get the smallest bubble).

    With more than ``max_points`` located projects, projects at the same
    place (coordinates to 0.1°) are merged into one bubble holding their total.

    >>> df = pd.DataFrame({"project": ["A", "B", "C"], "company": "x", "country": "JP", "announced": "2025",
    ...     "category": ["fab", "rnd", "fab"], "lat": [35.4, 34.5, None], "lon": [139.6, 135.4, None],
    ...     "amount_reported": "", "currency": "JPY", "converted_value": [2.7e8, None, 1e9], "converted_currency": "USD"})
    >>> fig = make_map(df, "USD")
    >>> [(t.name, t.lat.tolist()) for t in fig.data]
    [('fab', [35.4]), ('rnd', [34.5])]
    """
    register()
    data = df[df["lat"].notna() & df["lon"].notna()]
    if data.empty:
        return empty_figure("No project with a location")
    values = data["converted_value"].to_numpy(dtype="float64")
    aggregated = len(data) > max_points
    if aggregated:
        key_lat = np.round(data["lat"].to_numpy(dtype="float64"), 1)
        key_lon = np.round(data["lon"].to_numpy(dtype="float64"), 1)
        frame = pd.DataFrame({"lat": key_lat, "lon": key_lon, "v": np.nan_to_num(values), "cat": data["category"].fillna("unknown").to_numpy(),
                              "name": data["project"].fillna("").to_numpy(), "city": data["city"].fillna("").to_numpy()})
        frame = frame.sort_values("v", ascending=False)
        agg = frame.groupby(["lat", "lon"], sort=False).agg(v=("v", "sum"), n=("v", "size"), cat=("cat", "first"), name=("name", "first"), city=("city", "first")).reset_index()
        lat, lon, size_v, cats = agg["lat"].to_numpy(), agg["lon"].to_numpy(), agg["v"].to_numpy(), agg["cat"].astype(str).to_numpy()
        text = ("<b>" + esc(agg["city"]) + "</b><br>" + agg["n"].astype(str) + " projects, largest: " + esc(agg["name"])
                + "<br>Total: " + pd.Series(format_amounts(size_v, currency), index=agg.index)).to_numpy(dtype=object)
    else:
        lat, lon = data["lat"].to_numpy(dtype="float64"), data["lon"].to_numpy(dtype="float64")
        size_v = np.nan_to_num(values)
        cats = data["category"].astype(object).fillna("unknown").astype(str).to_numpy()
        text = hover_text(data, currency).to_numpy(dtype=object)
    if not aggregated and "coord_precision" in data:
        national = (data["coord_precision"] == "country").fillna(False).to_numpy(dtype=bool)
        text = np.where(national, text + "<br><i>country-level point (no single site)</i>", text)
    else:
        national = np.zeros(len(lat), dtype=bool)
    # sites first, country-level points after: the legend shows each category's first marker (a filled circle)
    order = np.argsort(national, kind="stable")
    lat, lon, size_v, cats, text, national = (np.asarray(a)[order] for a in (lat, lon, size_v, cats, text, national))
    vmax = float(size_v.max()) if len(size_v) else 0.0
    sizeref = 2.0 * vmax / (40.0**2) if vmax > 0 else 1.0
    totals = pd.Series(size_v).groupby(cats).sum().sort_values(ascending=False)
    traces = []
    for i, cat in enumerate(totals.index):
        sel = cats == cat
        traces.append(bubbles(go.Scattergeo, sel, size_v, text, sizeref=sizeref, opacity=0.75, line_width=0.6,
                              color=group_color("category", str(cat)), lat=lat[sel], lon=lon[sel], name=str(cat),
                              symbol=np.where(national[sel], "circle-open", "circle")))
    fig = go.Figure(traces)
    fig.update_layout(
        template="semidash",
        title="Where the money goes" + (" (sites merged)" if aggregated else ""),
        height=540,
        margin=dict(l=0, r=0, t=40, b=0),
        legend=dict(title_text="", orientation="h", yanchor="top", y=0.0, xanchor="left", x=0.0),  # under the map
    )
    fig.update_geos(
        projection_type="natural earth",
        resolution=110,
        showcountries=True,
        countrycolor="#cbd5e1",
        showland=True,
        landcolor="#f3f4f6",
        showocean=True,
        oceancolor="#eff6ff",
        coastlinecolor="#94a3b8",
        showframe=False,
        lataxis_range=[-58, 85],
    )
    return fig
