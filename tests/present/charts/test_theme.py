"""Tests of dashboard.present.charts.theme on fig.data and axes, without a browser."""
from __future__ import annotations

import itertools

from dashboard.present.charts import make_breakdown, make_compare, make_map, make_quantities, make_ranking, make_timeline
from dashboard.present.charts.theme import CATEGORY_COLORS, COUNTRY_COLORS, compact, group_color
from dashboard.query import ViewState, select


def test_one_template_everywhere(krw):
    """Every figure uses the semidash template."""
    figs = [make_ranking(krw, "KRW"), make_timeline(krw, "KRW"), make_map(krw, "KRW"), make_breakdown(krw, "KRW"),
            make_compare(krw, ["lab", "fab"], "KRW"), make_quantities(krw, "KRW")]
    assert {f.layout.template.layout.font.family.split(",")[0] for f in figs} == {"Inter"}




def _rgb(hex_colour: str) -> tuple[int, ...]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def test_a_category_has_one_colour_in_map_and_timeline(projects):
    """The map and the timeline coloured by category give each category the same colour, also under a filter."""
    for query in ("", "country=JP", "country=US"):
        sel = select(projects, ViewState.from_query(query))
        on_map = {t.name: t.marker.color for t in make_map(sel, "USD").data}
        on_timeline = {t.name: t.marker.color for t in make_timeline(sel, "USD", color_by="category").data}
        for name in set(on_map) & set(on_timeline):
            assert on_map[name] == on_timeline[name] == CATEGORY_COLORS[name], (query, name)
    by_country = {t.name: t.marker.color for t in make_timeline(select(projects, ViewState()), "USD").data}
    assert all(c == group_color("country", n) for n, c in by_country.items())


def test_palette_colours_are_apart():
    """No two category colours, and no two country colours, are near-identical (distance in RGB over 60)."""
    for table in (CATEGORY_COLORS, COUNTRY_COLORS):
        for a, b in itertools.combinations(table.values(), 2):
            assert sum((x - y) ** 2 for x, y in zip(_rgb(a), _rgb(b))) ** 0.5 > 60, (a, b)


def test_treemap_hides_labels_that_do_not_fit_and_colours_by_country(projects):
    """The treemap shows a label only where it fits, and its boxes take their country's colour."""
    fig = make_breakdown(select(projects, ViewState()), "USD")
    assert fig.layout.uniformtext.mode == "hide" and fig.layout.uniformtext.minsize >= 10
    colours = dict(zip(fig.data[0].ids, fig.data[0].marker.colors))
    assert colours["country:US"] == COUNTRY_COLORS["US"] and colours["country:JP"] == COUNTRY_COLORS["JP"]


def test_compact_cuts_labels_for_phones(projects):
    """compact() keeps tick labels to 20 characters without breaking an escaped character."""
    from dashboard.present.charts import make_ranking

    sel = select(projects, ViewState()).copy()
    sel.iloc[0, sel.columns.get_loc("project")] = "R&D <centre> of a very long name indeed"
    fig = compact(make_ranking(sel, "USD"))
    assert max(len(t) for t in fig.layout.yaxis.ticktext) <= 20 + 10  # escaped entities count as characters in the text
    assert "R&amp;D &lt;centre&gt; of" in fig.layout.yaxis.ticktext[-1]


def test_template_keeps_only_used_trace_types():
    """The template keeps plotly_white's defaults for the trace types semidash draws, and only those."""
    import plotly.io as pio

    from dashboard.present.charts.theme import TRACE_TYPES, register

    data = pio.templates[register()].to_plotly_json()["data"]
    assert {"bar", "scatter", "scattergeo"} <= set(data) <= set(TRACE_TYPES)
    assert "surface" not in data and data["bar"] == pio.templates["plotly_white"].to_plotly_json()["data"]["bar"]


def test_compact_stacks_the_quantities_grid_in_one_column(projects):
    """On a phone the Quantities view's 3x2 panels become one column of six, titles above their panels, so the
    right-hand labels no longer run over the left-hand bars."""
    from dashboard.present.charts import make_quantities
    from dashboard.present.charts.theme import compact
    from dashboard.query import ViewState, select

    fig = compact(make_quantities(select(projects, ViewState()), "USD"))
    keys = sorted((k for k in fig.layout if k.startswith("xaxis")), key=lambda k: int(k[5:] or 1))
    xs = [fig.layout[k] for k in keys]
    ys = [fig.layout["yaxis" + k[5:]] for k in keys]
    assert len(xs) == 6 and all(tuple(x.domain) == (0.0, 1.0) for x in xs)
    tops = [y.domain[1] for y in ys]
    assert tops == sorted(tops, reverse=True) and len(set(tops)) == 6
    assert all(a.domain[0] >= b.domain[1] for a, b in zip(ys, ys[1:]))  # no two panels overlap
    titles = {a.text.split(":")[0]: a for a in fig.layout.annotations if a.yref == "paper"}  # "GPUs: top 10 of 18"
    assert titles["GPUs"].y == tops[0] and titles["USD per GPU"].y == tops[1] and titles["GPUs"].x == 0.5
    assert fig.layout.height >= 1500
