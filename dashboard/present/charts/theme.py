"""The one plotly template of semidash, registered once under ``"semidash"``.

>>> import plotly.io as pio
>>> register() == TEMPLATE and TEMPLATE in pio.templates
True
"""
from __future__ import annotations

from dashboard.present.charts import objects as go
import plotly.io as pio

__all__ = ["TEMPLATE", "FONT_FAMILY", "COLORWAY", "register", "empty_figure", "compact", "PHONE_WIDTH", "group_color",
           "CATEGORY_COLORS", "COUNTRY_COLORS", "TRACE_TYPES"]

#: screens narrower than this (CSS px) get :func:`compact` figures
PHONE_WIDTH = 576

TEMPLATE = "semidash"
# Noto CJK renders Korean/Japanese/Chinese names (Debian fonts-noto-cjk)
FONT_FAMILY = "Inter, 'Noto Sans', 'Noto Sans CJK KR', 'Noto Sans CJK JP', 'Noto Sans CJK SC', system-ui, sans-serif"
COLORWAY = (
    "#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2",
    "#db2777", "#65a30d", "#475569", "#ea580c", "#4f46e5", "#0d9488",
)

#: trace types whose plotly_white defaults the template keeps. Plotly deep-copies the
#: template into every figure (and sends it with every figure): the other ~20 types'
#: defaults cost ~25% of a view callback's CPU and ~3.5 kB per figure for nothing.
TRACE_TYPES = ("bar", "scatter", "scattergeo", "treemap", "pie", "sunburst", "table")


#: one colour per category, the same in every view (and apart enough to tell from each other)
CATEGORY_COLORS: dict[str, str] = {
    "fab": "#1f77b4", "packaging": "#ff7f0e", "rnd": "#2ca02c", "datacenter": "#d62728", "acquisition": "#9467bd",
    "subsidy": "#8c564b", "fund": "#e377c2", "equipment": "#17becf", "materials": "#bcbd22", "programme": "#393b79",
}
#: one colour per country of the data (others get a stable colour from :data:`_SPARE`)
COUNTRY_COLORS: dict[str, str] = {
    "US": "#1f77b4", "JP": "#d62728", "KR": "#2ca02c", "TW": "#ff7f0e", "CN": "#9467bd", "IN": "#8c564b",
    "DE": "#e377c2", "FR": "#17becf", "EU": "#bcbd22", "GB": "#393b79", "AE": "#aec7e8", "SA": "#ffbb78",
    "IT": "#98df8a", "IE": "#c49c94", "IL": "#f7b6d2", "NO": "#000000",
}
_SPARE = ("#636363", "#9c9ede", "#cedb9c", "#e7ba52", "#e7969c", "#de9ed6", "#6baed6", "#fd8d3c", "#74c476", "#9e9ac8")
OTHER_COLOR = "#9ca3af"


def group_color(kind: str, value: str) -> str:
    """The fixed colour of a category or country (``kind``), the same in every view.

    >>> group_color("category", "fab"), group_color("country", "JP"), group_color("country", "other")
    ('#1f77b4', '#d62728', '#9ca3af')
    >>> group_color("country", "ZZ") == group_color("country", "ZZ")
    True
    """
    if value in ("other", "unknown", ""):
        return OTHER_COLOR
    table = CATEGORY_COLORS if kind == "category" else COUNTRY_COLORS
    if value in table:
        return table[value]
    import zlib

    return _SPARE[zlib.crc32(value.encode()) % len(_SPARE)]


def register() -> str:
    """Register the template (once; later calls do nothing) and return its name."""
    if TEMPLATE not in pio.templates:
        base = pio.templates["plotly_white"].to_plotly_json()
        base["data"] = {k: v for k, v in base.get("data", {}).items() if k in TRACE_TYPES}
        tpl = go.layout.Template(base)
        tpl.layout.update(
            font=dict(family=FONT_FAMILY, size=13, color="#1f2937"),
            colorway=list(COLORWAY),
            margin=dict(l=10, r=20, t=50, b=40),
            title=dict(x=0.01, xanchor="left", font=dict(size=16)),
            hoverlabel=dict(font=dict(family=FONT_FAMILY, size=12), align="left"),
            legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1.0, title_text=""),
            separators=".,",
            paper_bgcolor="white",
            plot_bgcolor="white",
        )
        tpl.layout.xaxis.update(gridcolor="#e5e7eb", zerolinecolor="#d1d5db", automargin=True)
        tpl.layout.yaxis.update(gridcolor="#e5e7eb", zerolinecolor="#d1d5db", automargin=True)
        pio.templates[TEMPLATE] = tpl
    return TEMPLATE


def empty_figure(message: str = "No projects match the filters") -> go.Figure:
    """A blank figure that says why it is blank.

    >>> empty_figure("nothing").layout.annotations[0].text
    'nothing'
    """
    fig = go.Figure(layout=dict(template=register(), height=320))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font=dict(size=15, color="#6b7280"))
    return fig


def _cut(text: str, width: int) -> str:
    """Cut escaped plotly text at ``width`` visible characters without breaking an entity."""
    import html

    plain = html.unescape(text)
    if len(plain) <= width:
        return text
    plain = plain[: width - 1] + "…"
    return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def compact(fig: go.Figure, *, label_width: int = 20) -> go.Figure:
    """``fig`` fitted to a phone: shorter category labels (whole names stay in
    the hover), smaller type and margins, the legend under the plot.

    Works on the figures of :mod:`~dashboard.present.charts.objects` and on
    plotly's own, through the calls both have (``update_layout``,
    ``update_traces``, ``update_annotations``).

    >>> f = go.Figure(go.Bar(x=[1], y=[0], orientation="h"))
    >>> _ = f.update_yaxes(tickvals=[0], ticktext=["A very long project name &amp; more"])
    >>> compact(f).layout.yaxis.ticktext
    ('A very long project…',)
    """
    state = go.json_ready(fig)
    layout = state["layout"]
    for key in sorted(k for k in layout if k == "yaxis" or (k.startswith("yaxis") and k[5:].isdigit())):
        ticktext = layout[key].get("ticktext") if isinstance(layout[key], dict) else None
        if ticktext:
            fig.update_layout({key: {"ticktext": [_cut(str(t), label_width) for t in ticktext]}})
    for i, trace in enumerate(state["data"]):
        y = trace.get("y")
        if trace.get("orientation") == "h" and isinstance(y, list) and len(y) and isinstance(y[0], str):
            fig.update_traces({"y": [_cut(t, label_width) for t in y]}, selector=i)
    fig.update_layout(font_size=11, title_font_size=13, margin=dict(l=4, r=56, t=44, b=30),
                      legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="left", x=0, font_size=10))
    fig.update_annotations(font_size=11)
    _one_column(fig, go.json_ready(fig)["layout"])  # after the font change above
    if any(t.get("type") == "scattergeo" for t in state["data"]):  # a world map is twice as wide as high
        fig.update_layout(height=360, margin=dict(l=0, r=0, t=40, b=0), legend=dict(y=0.02, yanchor="bottom"))
    return fig


def _one_column(fig, layout: dict, *, panel_height: int = 250, gap: float = 0.035) -> None:
    """Restack a two-column grid of subplots (the Quantities view) as one
    column, row by row, so no panel's labels run over its neighbour's bars on
    a phone; subplot titles move with their panels. ``layout`` is the
    figure's layout as plain data (``go.json_ready(fig)["layout"]``); the
    changes go through ``update_layout``, so both kinds of figure take them.

    >>> from plotly.subplots import make_subplots
    >>> f = make_subplots(rows=1, cols=2, subplot_titles=["A", "B"])
    >>> _one_column(f, f.to_plotly_json()["layout"])
    >>> list(f.layout.xaxis2.domain), f.layout.yaxis.domain[1] > f.layout.yaxis2.domain[1], f.layout.annotations[1].x
    ([0.0, 1.0], True, 0.5)
    """
    panels = []
    for key, x in layout.items():
        if key == "xaxis" or (key.startswith("xaxis") and key[5:].isdigit()):
            y = layout.get("yaxis" + key[5:])
            if isinstance(x, dict) and isinstance(y, dict) and x.get("domain") is not None and y.get("domain") is not None:
                panels.append((key[5:], tuple(x["domain"]), tuple(y["domain"])))
    cols = sorted({x for _, x, _ in panels})
    if len(cols) != 2:
        return
    rows = sorted({y for _, _, y in panels}, reverse=True)
    panels.sort(key=lambda p: (rows.index(p[2]), cols.index(p[1])))
    n = len(panels)
    h = (1 - gap * (n - 1)) / n
    notes = [dict(a) for a in layout.get("annotations", [])]
    changes: dict = {}
    for i, (suffix, xd, yd) in enumerate(panels):
        old_x, old_top = (xd[0] + xd[1]) / 2, yd[1]
        top = 1 - i * (h + gap)
        for a in notes:
            if a.get("xref") == "paper" and a.get("yref") == "paper" and \
                    abs(a.get("x", -1) - old_x) < 1e-6 and abs(a.get("y", -1) - old_top) < 1e-6:
                a["x"], a["y"] = 0.5, top
        changes["xaxis" + suffix] = {"domain": [0.0, 1.0]}
        changes["yaxis" + suffix] = {"domain": [max(top - h, 0.0), top]}
    fig.update_layout(changes)
    # cleared, then set whole (an array of objects is never updated element by element: both figure kinds agree)
    fig.update_layout(annotations=[])
    fig.update_layout(annotations=notes, height=max(layout.get("height") or 0, panel_height * n))
