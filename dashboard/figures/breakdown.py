"""Breakdown: a treemap country → company → project that counts umbrella plans once.

A row with a ``parent_id`` whose parent is also in the frame is drawn inside
its parent; the parent's box is the larger of its own amount and the sum of
its parts, so a programme and its sites are never added together.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures._common import esc
from dashboard.figures.theme import empty_figure, register
from dashboard.formatting import format_amounts


def effective_values(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row: the value to draw (the larger of its own amount and the sum of
    its parts), whether its parent is in the frame, and the parent's position.

    >>> df = pd.DataFrame({"id": ["p", "c1", "c2"], "parent_id": [None, "p", "p"], "converted_value": [10.0, 8.0, 7.0]})
    >>> eff, inside, _ = effective_values(df)
    >>> eff.tolist(), inside.tolist()
    ([15.0, 8.0, 7.0], [False, True, True])
    """
    own = df["converted_value"].fillna(0.0).clip(lower=0).to_numpy(dtype="float64")
    ids = df["id"].astype(str).to_numpy()
    if "parent_id" in df:
        parent = df["parent_id"].astype("object").where(df["parent_id"].notna(), "").astype(str).to_numpy()
    else:
        parent = np.full(len(df), "", dtype=object)
    ppos = pd.Index(ids).get_indexer(parent)
    has_parent = (ppos >= 0) & (parent != ids)
    eff = own.copy()
    for _ in range(4):  # a few passes cover the nesting depth of real plans
        child_sum = np.bincount(ppos[has_parent], weights=eff[has_parent], minlength=len(df))
        new = np.maximum(own, child_sum)
        if np.array_equal(new, eff):
            break
        eff = new
    return eff, has_parent, ppos


def total_once(df: pd.DataFrame) -> float:
    """Total converted amount with umbrella plans counted once.

    >>> total_once(pd.DataFrame({"id": ["p", "c"], "parent_id": [None, "p"], "converted_value": [10.0, 8.0]}))
    10.0
    """
    if len(df) == 0:
        return 0.0
    eff, has_parent, _ = effective_values(df)
    return float(eff[~has_parent].sum())


def breakdown_nodes(df: pd.DataFrame, *, max_leaves: int = 300) -> pd.DataFrame:
    """Treemap nodes (``id``, ``parent``, ``label``, ``value``, ``level``) of
    ``df``'s converted amounts, umbrella plans counted once.

    Top-level projects beyond the ``max_leaves`` largest are pooled per
    company into one ``N more projects`` box.

    >>> df = pd.DataFrame({"id": ["big", "site", "other"], "project": ["Plan", "Site", "Lab"],
    ...     "company": ["A", "A", "B"], "country": ["US", "US", "JP"], "parent_id": [None, "big", None],
    ...     "converted_value": [500.0, 100.0, 1.0]})
    >>> n = breakdown_nodes(df).set_index("id")
    >>> float(n.loc["country:US", "value"]), n.loc["project:site", "parent"]
    (500.0, 'project:big')
    """
    eff, has_parent, ppos = effective_values(df)
    ids = df["id"].astype(str).to_numpy()
    parent = df["parent_id"].astype("object").where(df["parent_id"].notna(), "").astype(str).to_numpy() if "parent_id" in df else np.full(len(df), "", dtype=object)
    country = df["country"].astype(object).fillna("??").astype(str).to_numpy()
    company = df["company"].astype(object).fillna("unknown").astype(str).to_numpy()
    top = ~has_parent & (eff > 0)
    top_idx = np.flatnonzero(top)
    top_idx = top_idx[np.argsort(-eff[top_idx], kind="stable")]
    kept_top, pooled = top_idx[:max_leaves], top_idx[max_leaves:]
    kept = np.zeros(len(df), dtype=bool)
    kept[kept_top] = True
    # children whose ancestors are kept (walk up a few levels)
    child_idx = np.flatnonzero(has_parent & (eff > 0))
    for _ in range(4):
        add = child_idx[kept[ppos[child_idx]] & ~kept[child_idx]]
        if add.size == 0:
            break
        kept[add] = True
    rows = []
    comp_key = np.char.add(np.char.add(country.astype(str), "/"), company.astype(str))
    top_frame = pd.DataFrame({"country": country[top_idx], "company": company[top_idx], "key": comp_key[top_idx], "v": eff[top_idx]})
    comp = top_frame.groupby(["country", "company", "key"], sort=False)["v"].sum().reset_index()
    ctry = comp.groupby("country", sort=False)["v"].sum()
    rows.append(pd.DataFrame({"id": "country:" + ctry.index.astype(str), "parent": "", "label": ctry.index.astype(str), "value": ctry.to_numpy(), "level": "country"}))
    rows.append(pd.DataFrame({"id": "company:" + comp["key"], "parent": "country:" + comp["country"], "label": comp["company"], "value": comp["v"].to_numpy(), "level": "company"}))
    k = np.flatnonzero(kept)
    proj_parent = np.where(has_parent[k], np.char.add("project:", parent[k].astype(str)), np.char.add("company:", comp_key[k]))
    rows.append(pd.DataFrame({"id": np.char.add("project:", ids[k].astype(str)), "parent": proj_parent, "label": df["project"].astype(object).fillna("").astype(str).to_numpy()[k], "value": eff[k], "level": "project"}))
    if pooled.size:
        pf = pd.DataFrame({"key": comp_key[pooled], "v": eff[pooled]}).groupby("key", sort=False)["v"].agg(["sum", "size"]).reset_index()
        rows.append(pd.DataFrame({"id": "more:" + pf["key"], "parent": "company:" + pf["key"], "label": pf["size"].astype(str) + " more projects", "value": pf["sum"].to_numpy(), "level": "more"}))
    return pd.concat(rows, ignore_index=True)


def make_breakdown(df: pd.DataFrame, currency: str, *, max_leaves: int = 300) -> go.Figure:
    """Treemap of converted amounts by country → company → project (see
    :func:`breakdown_nodes`), labelled in the reader's notation.

    >>> df = pd.DataFrame({"id": ["a", "b"], "project": ["P", "Q"], "company": ["X", "Y"], "country": ["KR", "KR"],
    ...     "parent_id": [None, None], "converted_value": [3.918e11, 1e12]})
    >>> fig = make_breakdown(df, "KRW")
    >>> fig.data[0].type, float(fig.data[0].values[0]), fig.data[0].customdata[0]
    ('treemap', 1391800000000.0, '1.39조원')
    """
    register()
    data = df[df["converted_value"].notna() & (df["converted_value"] > 0)]
    if data.empty:
        return empty_figure("No converted amounts to break down")
    nodes = breakdown_nodes(data, max_leaves=max_leaves)
    labels = esc(nodes["label"])
    amounts = format_amounts(nodes["value"], currency)
    fig = go.Figure(
        go.Treemap(
            ids=nodes["id"],
            parents=nodes["parent"],
            labels=labels,
            values=nodes["value"],
            branchvalues="total",
            customdata=np.array(amounts, dtype=object),
            texttemplate="<b>%{label}</b><br>%{customdata}",
            hovertemplate="<b>%{label}</b><br>%{customdata}<br>%{percentRoot:.1%} of the total<extra></extra>",
            marker=dict(line=dict(width=1, color="white")),
            pathbar=dict(visible=True),
            maxdepth=3,
        )
    )
    fig.update_layout(template="semidash", title=f"Breakdown by country and company ({currency}; umbrella plans counted once)",
                      height=560, margin=dict(l=5, r=5, t=50, b=5))
    return fig
