"""The one plotly template of semidash, registered once under ``"semidash"``.

>>> import plotly.io as pio
>>> register() == TEMPLATE and TEMPLATE in pio.templates
True
"""
from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

__all__ = ["TEMPLATE", "FONT_FAMILY", "COLORWAY", "TRACE_TYPES", "register", "empty_figure"]

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
