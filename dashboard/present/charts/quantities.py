"""Quantities: GPUs, power (MW) and wafer starts per month where known, and
the converted amount per GPU, per MW and per (wafer/month) where both are
known."""
from __future__ import annotations

import functools
import json

import numpy as np
import pandas as pd
from dashboard.present.charts import objects as go
from dashboard.present.charts.objects import make_subplots

from dashboard.present.charts._common import label as _label, esc, short
from dashboard.present.charts.theme import empty_figure, register
from dashboard.present.format import format_amounts as _fa

QUANTITIES = (("gpus", "GPUs"), ("power_mw", "MW"), ("wafers_per_month", "wafers/month"))


def quantities_table(df: pd.DataFrame) -> pd.DataFrame:
    """Projects with any known quantity: the quantities and the converted
    amount per unit where the amount is known too.

    >>> df = pd.DataFrame({"project": ["DC", "Fab"], "converted_value": [3e10, None], "gpus": [1e5, None],
    ...     "power_mw": [150.0, None], "wafers_per_month": [None, 1e5]})
    >>> t = quantities_table(df)
    >>> t["per_gpu"].tolist()[0], t["per_mw"].tolist()
    (300000.0, [200000000.0, nan])
    """
    cols = [c for c, _ in QUANTITIES]
    known = df[cols].notna().any(axis=1).to_numpy()
    data = df[["project", "converted_value", *cols]][known]  # only the columns used: no copy of the others
    out = pd.DataFrame({"project": data["project"].astype(str), "converted_value": data["converted_value"].astype("float64")}, index=data.index)
    for col, _ in QUANTITIES:
        out[col] = data[col].astype("float64")
    value = out["converted_value"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        for col, key in (("gpus", "per_gpu"), ("power_mw", "per_mw"), ("wafers_per_month", "per_wpm")):
            q = out[col].to_numpy()
            out[key] = np.where((q > 0) & np.isfinite(value), value / q, np.nan)
    return out.reset_index(drop=True)


_PANELS = (
    ("gpus", "GPUs", False), ("per_gpu", "per GPU", True),
    ("power_mw", "MW", False), ("per_mw", "per MW", True),
    ("wafers_per_month", "wafers/month", False), ("per_wpm", "per wafer/month", True),
)


@functools.lru_cache(maxsize=32)
def _grid(currency: str) -> str:
    """The 3 × 2 subplot grid's layout (axes, domains, panel titles) as JSON,
    built by ``make_subplots`` once per currency and copied per figure."""
    titles = ["GPUs", f"{currency} per GPU", "Power (MW)", f"{currency} per MW", "Wafers per month", f"{currency} per wafer/month"]
    fig = make_subplots(rows=3, cols=2, subplot_titles=titles, horizontal_spacing=0.34, vertical_spacing=0.09)
    return json.dumps(fig.layout.to_plotly_json())


def make_quantities(df: pd.DataFrame, currency: str, *, top: int = 10, log: bool = False) -> go.Figure:
    """Three rows of bars (GPUs, MW, wafers/month): on the left the top
    ``top`` projects by the quantity, on the right by amount per unit. A
    panel that holds more projects than it draws says so in its title
    ("GPUs: top 10 of 18").

    The grid comes from :func:`_grid` (one ``make_subplots`` per currency) and
    the figure is assembled as one dict, checked by plotly once.

    >>> df = pd.DataFrame({"project": ["DC"], "converted_value": [3e10], "gpus": [1e5], "power_mw": [150.0], "wafers_per_month": [None]})
    >>> fig = make_quantities(df, "USD")
    >>> [t.name for t in fig.data], list(fig.data[3].text)
    (['GPUs', 'per GPU', 'MW', 'per MW'], ['$200M'])
    """
    register()
    table = quantities_table(df)
    if table.empty:
        return empty_figure("No GPU, power or wafer figures among these projects")
    layout = json.loads(_grid(currency))
    data = []
    for i, (col, name, money) in enumerate(_PANELS):
        axis = "" if i == 0 else str(i + 1)  # plotly names the first axes "x"/"y", then "x2"/"y2"…
        xaxis, yaxis = layout.setdefault(f"xaxis{axis}", {}), layout.setdefault(f"yaxis{axis}", {})
        known = table[table[col].notna()]
        part = known.nlargest(top, col).iloc[::-1]
        if len(known) > len(part):  # the panel says it shows only the largest (never silently partial)
            layout["annotations"][i]["text"] += f": top {len(part)} of {len(known)}"
        if part.empty:
            layout["annotations"].append(dict(text="not known", showarrow=False, xref=f"x{axis} domain", yref=f"y{axis} domain",
                                              x=0.5, y=0.5, font=dict(color="#9ca3af")))
            xaxis["visible"] = yaxis["visible"] = False
            continue
        vals = part[col].to_numpy()
        text = _fa(vals, currency) if money else _fa(vals, None)
        data.append(dict(
            type="bar", x=vals, y=list(_label(part["project"], 34)), orientation="h", name=name, text=text, textposition="outside",
            cliponaxis=False, marker=dict(color="#0891b2" if not money else "#d97706"),
            hovertext=list("<b>" + esc(part["project"]) + "</b>: " + pd.Series(text, index=part.index)),
            hovertemplate="%{hovertext}<extra></extra>", xaxis=f"x{axis}", yaxis=f"y{axis}",
        ))
        xaxis["showticklabels"] = False
        if log:
            xaxis["type"] = "log"
        else:
            xaxis["range"] = [0, float(np.nanmax(vals)) * 1.25]
    for note in layout["annotations"]:
        note.setdefault("font", {})["size"] = 13
    layout.update(template="semidash", title=f"Quantities and amount per unit ({currency})", height=960,
                  showlegend=False, bargap=0.3, margin=dict(l=10, r=40, t=70, b=20))
    return go.Figure(data=data, layout=layout)
