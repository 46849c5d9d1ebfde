"""Map: project sites on a world map (scatter_geo), sized by converted amount.

A map never draws more than ``max_points`` bubbles: beyond that, projects at
the same place (coordinates to 0.1°) become one bubble per site, and when
even the sites are too many, one bubble per country. The title says which,
and each merged bubble's hover says how many projects (and sites) it holds.
The merging is done on integer codes (``pd.factorize``, ``np.bincount``), and
the hover text is built for the bubbles only, so a 1M-row selection costs
about as much as its grouping.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from plotly.graph_objects import Figure as _PlotlyFigure

from dashboard.present.charts import objects as go

from dashboard.present.charts._common import bubble_spec, codes_of, esc, hover_text
from dashboard.present.charts.theme import empty_figure, group_color, register
from dashboard.present.format import format_amounts

#: at most this many categories are named in a country bubble's hover
_HOVER_CATEGORIES = 3


def _site_codes(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """One integer per 0.1° × 0.1° cell (the key of a merged site)."""
    return ((np.round(lat * 10.0) + 900.0) * 3601.0 + (np.round(lon * 10.0) + 1800.0)).astype(np.int64)


def _text(values: pd.Series | np.ndarray) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=object)).fillna("").astype(str)


def _esc1(text: str) -> str:
    """:func:`esc` for one string."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _by_site(df: pd.DataFrame, rows: np.ndarray, lat: np.ndarray, lon: np.ndarray, values: np.ndarray, codes: np.ndarray,
             k: int, currency: str) -> tuple[np.ndarray, ...]:
    """One bubble per site: the sum of its projects, coloured and named after its largest project."""
    sums = np.bincount(codes, weights=values, minlength=k)
    counts = np.bincount(codes, minlength=k)
    first = pd.Series(values).groupby(codes, sort=True).idxmax().to_numpy()  # the largest project of each site
    first = first[np.argsort(-values[first], kind="stable")]  # bubbles in the order of their largest project
    site = codes[first]
    largest = df.iloc[rows[first]]
    cats = _text(largest["category"]).replace("", "unknown").to_numpy()
    text = ("<b>" + esc(_text(largest["city"])) + "</b><br>" + pd.Series(counts[site]).astype(str)
            + " projects, largest: " + esc(_text(largest["project"]))
            + "<br>Total: " + pd.Series(format_amounts(sums[site], currency))).to_numpy(dtype=object)
    return np.round(lat[first], 1), np.round(lon[first], 1), sums[site], cats, text


def _by_country(df: pd.DataFrame, rows: np.ndarray, lat: np.ndarray, lon: np.ndarray, values: np.ndarray,
                site_codes: np.ndarray, currency: str) -> tuple[np.ndarray, ...]:
    """One bubble per country, at the median of its projects' coordinates, coloured by the
    category holding most of its money; the hover names its projects, sites and largest categories."""
    country_codes, countries = codes_of(df["country"], rows, "unknown country")
    cat_codes, categories = codes_of(df["category"], rows, "unknown")
    nc, nk = len(countries), len(categories)
    by_cat = np.bincount(country_codes * nk + cat_codes, weights=values, minlength=nc * nk).reshape(nc, nk)
    sums = by_cat.sum(axis=1)
    counts = np.bincount(country_codes, minlength=nc)
    pair_codes = pd.unique(country_codes.astype(np.int64) * (1 << 32) + site_codes)
    sites = np.bincount((pair_codes >> 32).astype(np.int64), minlength=nc)
    mid_lat = pd.Series(lat).groupby(country_codes).median().reindex(range(nc)).to_numpy()
    mid_lon = pd.Series(lon).groupby(country_codes).median().reindex(range(nc)).to_numpy()
    order = np.argsort(-sums, kind="stable")
    order = order[counts[order] > 0]  # a categorical lists countries that are not in the selection
    top = np.argsort(-by_cat, axis=1, kind="stable")[:, :_HOVER_CATEGORIES]
    names = np.where(categories == "", "unknown", categories)
    lines = []
    for c in order.tolist():  # one line per country (at most a few hundred)
        parts = [f"{_esc1(names[j])} {format_amounts([by_cat[c, j]], currency)[0]}" for j in top[c].tolist() if by_cat[c, j] > 0]
        lines.append(" · ".join(parts))
    label = esc(pd.Series(countries[order]).replace("", "unknown country"))
    text = ("<b>" + label + "</b><br>" + pd.Series(counts[order]).map("{:,}".format) + " projects at "
            + pd.Series(sites[order]).map("{:,}".format) + " sites<br>Total: " + pd.Series(format_amounts(sums[order], currency))
            + np.where(np.asarray(lines, dtype=object) != "", "<br>" + pd.Series(lines, dtype=object), "")).to_numpy(dtype=object)
    cats = names[by_cat.argmax(axis=1)][order].astype(str)
    return mid_lat[order], mid_lon[order], sums[order], cats, text


def make_map(df: pd.DataFrame, currency: str, *, max_points: int = 3000) -> go.Figure:
    """One bubble per project with coordinates (area ~ converted amount,
    colour by category; projects without an amount get the smallest bubble).

    With more than ``max_points`` located projects, projects at the same
    place (coordinates to 0.1°) are merged into one bubble holding their
    total; with more than ``max_points`` such sites, one bubble per country.

    >>> df = pd.DataFrame({"project": ["A", "B", "C"], "company": "x", "country": "JP", "announced": "2025",
    ...     "category": ["fab", "rnd", "fab"], "lat": [35.4, 34.5, None], "lon": [139.6, 135.4, None],
    ...     "amount_reported": "", "currency": "JPY", "converted_value": [2.7e8, None, 1e9], "converted_currency": "USD"})
    >>> fig = make_map(df, "USD")
    >>> [(t.name, t.lat.tolist()) for t in fig.data]
    [('fab', [35.4]), ('rnd', [34.5])]
    >>> make_map(df, "USD", max_points=1).layout.title.text
    'Where the money goes (by country: 2 projects at 2 sites)'
    """
    register()
    located = (df["lat"].notna() & df["lon"].notna()).to_numpy(dtype=bool)
    rows = np.flatnonzero(located)
    if len(rows) == 0:
        return empty_figure("No project with a location")
    title = "Where the money goes"
    national = np.zeros(0, dtype=bool)
    if len(rows) <= max_points:
        data = df.iloc[rows]
        lat, lon = data["lat"].to_numpy(dtype="float64"), data["lon"].to_numpy(dtype="float64")
        size_v = np.nan_to_num(data["converted_value"].to_numpy(dtype="float64"))
        cats = data["category"].astype(object).fillna("unknown").astype(str).to_numpy()
        text = hover_text(data, currency).to_numpy(dtype=object)
        if "coord_precision" in data:
            national = (data["coord_precision"] == "country").fillna(False).to_numpy(dtype=bool)
            text = np.where(national, text + "<br><i>country-level point (no single site)</i>", text)
    else:  # merged: computed on arrays of the located rows, the frame's rows are never copied
        lat, lon = df["lat"].to_numpy(dtype="float64")[rows], df["lon"].to_numpy(dtype="float64")[rows]
        values = np.nan_to_num(df["converted_value"].to_numpy(dtype="float64")[rows])
        codes, uniq = pd.factorize(_site_codes(lat, lon))
        if len(uniq) <= max_points:
            lat, lon, size_v, cats, text = _by_site(df, rows, lat, lon, values, codes, len(uniq), currency)
            title += " (sites merged)"
        else:
            lat, lon, size_v, cats, text = _by_country(df, rows, lat, lon, values, np.asarray(uniq)[codes], currency)
            title += f" (by country: {len(rows):,} projects at {len(uniq):,} sites)"
    if len(national) != len(lat):
        national = np.zeros(len(lat), dtype=bool)
    # sites first, country-level points after: the legend shows each category's first marker (a filled circle)
    order = np.argsort(national, kind="stable")
    lat, lon, size_v, cats, text, national = (np.asarray(a)[order] for a in (lat, lon, size_v, cats, text, national))
    vmax = float(size_v.max()) if len(size_v) else 0.0
    sizeref = 2.0 * vmax / (40.0**2) if vmax > 0 else 1.0
    totals = pd.Series(size_v).groupby(cats).sum().sort_values(ascending=False)
    traces = []
    for cat in totals.index:
        sel = cats == cat
        traces.append(dict(type="scattergeo", **bubble_spec(
            sel, size_v, text, sizeref=sizeref, opacity=0.75, line_width=0.6, color=group_color("category", str(cat)),
            lat=lat[sel], lon=lon[sel], name=str(cat), symbol=np.where(national[sel], "circle-open", "circle"))))
    layout = dict(
        template="semidash",
        title=title,
        height=540,
        margin=dict(l=0, r=0, t=40, b=0),
        legend=dict(title_text="", orientation="h", yanchor="top", y=0.0, xanchor="left", x=0.0),  # under the map
        geo=dict(projection_type="natural earth", resolution=110, showcountries=True, countrycolor="#cbd5e1",
                 showland=True, landcolor="#f3f4f6", showocean=True, oceancolor="#eff6ff", coastlinecolor="#94a3b8",
                 showframe=False, lataxis_range=[-58, 85]),
    )
    if go.Figure is _PlotlyFigure:
        # the traces are built here from typed arrays and fixed settings, so plotly's per-element check
        # of every marker symbol and hover string (~17 µs each) is skipped for them; the layout is checked
        fig = go.Figure(data=traces, layout=go.Layout(layout), _validate=False)
        fig._validate = True  # later changes (e.g. the phone layout) are checked again
    else:  # a figure class that does not validate (plain dicts)
        fig = go.Figure(data=traces, layout=layout)
    return fig
