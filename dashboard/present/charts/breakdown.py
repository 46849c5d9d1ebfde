"""Breakdown: a treemap country → company → project that counts each amount once.

A row with a ``parent_id`` whose parent is also in the frame is drawn inside
its parent. With an ``in_total`` column (frames from ``load_projects``) only
the ``in_total`` amounts are added and a parent's box is the sum of its parts,
so the treemap adds up to the header total; without one, a parent's box is the
larger of its own amount and the sum of its parts.

A joint project (several ``company_ids``: Stargate is OpenAI, SoftBank Group,
Oracle and MGX) is counted once, in one box of all its partners
(``Joint: OpenAI + SoftBank Group + Oracle + MGX``), not under each partner:
splitting its amount would invent shares nobody reported, and repeating it
would add it more than once. The company filter picks it for any partner, so
the partner's boxes and joint boxes together show everything the filter picked
(the view note says how many joint projects and how much).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from dashboard.present.charts import objects as go

from dashboard.present.charts._common import codes_of, esc, short
from dashboard.present.charts.theme import empty_figure, group_color, register
from dashboard.present.format import format_amounts


def effective_values(df: pd.DataFrame, links: tuple[np.ndarray, np.ndarray] | None = None
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row: the value to draw (the larger of its own amount and the sum of
    its parts), whether its parent is in the frame, and the parent's position.
    With a ``relation`` column the parent is the container after supersedes are
    resolved (:func:`dashboard.data.totals.containers`): a revised plan is not
    drawn inside the plan it replaced, but where that plan stood. ``links``:
    :func:`dashboard.data.totals.parent_links` of ``df`` if the caller has it.

    >>> df = pd.DataFrame({"id": ["p", "c1", "c2"], "parent_id": [None, "p", "p"], "converted_value": [10.0, 8.0, 7.0]})
    >>> eff, inside, _ = effective_values(df)
    >>> eff.tolist(), inside.tolist()
    ([15.0, 8.0, 7.0], [False, True, True])
    """
    own = df["converted_value"].fillna(0.0).clip(lower=0).to_numpy(dtype="float64")
    if "in_total" in df:  # only what the totals add; containers become the sum of their parts
        own = np.where(df["in_total"].fillna(False).to_numpy(dtype=bool), own, 0.0)
    if links is not None or ("relation" in df and "parent_id" in df):
        # a revised plan takes the place of the one it supersedes (never drawn inside it)
        from dashboard.data.totals import containers

        ppos = containers(df, links)[0]
    else:
        ids = df["id"].astype(str).to_numpy()
        if "parent_id" in df:
            parent = df["parent_id"].astype("object").where(df["parent_id"].notna(), "").astype(str).to_numpy()
        else:
            parent = np.full(len(df), "", dtype=object)
        ppos = pd.Index(ids).get_indexer(parent)
        ppos = np.where(parent != ids, ppos, -1)
    has_parent = ppos >= 0
    eff = own.copy()
    for _ in range(64):  # one pass per level of nesting; stops when nothing changes
        child_sum = np.bincount(ppos[has_parent], weights=eff[has_parent], minlength=len(df))
        new = np.maximum(own, child_sum)
        if np.array_equal(new, eff):
            break
        eff = new
    return eff, has_parent, ppos


def total_once(df: pd.DataFrame) -> float:
    """Total converted amount, each amount counted once.

    With an ``in_total`` column (every frame from ``load_projects``): the sum of
    ``converted_value`` over the ``in_total`` rows, so the CSV export, which
    carries both columns, rebuilds the header total. Without one (a hand-made
    frame): umbrella plans counted once by the larger of their own amount and
    the sum of their parts.

    >>> total_once(pd.DataFrame({"id": ["p", "c"], "parent_id": [None, "p"], "converted_value": [10.0, 8.0]}))
    10.0
    >>> total_once(pd.DataFrame({"id": ["p", "c"], "in_total": [False, True], "converted_value": [10.0, 8.0]}))
    8.0
    """
    if len(df) == 0:
        return 0.0
    if "in_total" in df:
        flags = df["in_total"].fillna(False).to_numpy(dtype=bool)
        return float(df["converted_value"].to_numpy(dtype="float64")[flags & df["converted_value"].notna().to_numpy()].sum())
    eff, has_parent, _ = effective_values(df)
    return float(eff[~has_parent].sum())


def joint_label(company: str) -> str:
    """The box of a joint project's partners; one company is its own name.

    >>> joint_label("OpenAI; Oracle"), joint_label("TSMC")
    ('Joint: OpenAI + Oracle', 'TSMC')
    """
    parts = [p.strip() for p in str(company).split(";") if p.strip()]
    return f"Joint: {' + '.join(parts)}" if len(parts) > 1 else str(company)


def breakdown_nodes(df: pd.DataFrame, *, max_leaves: int = 300,
                    links: tuple[np.ndarray, np.ndarray] | None = None) -> pd.DataFrame:
    """Treemap nodes (``id``, ``parent``, ``label``, ``value``, ``level``) of
    ``df``'s converted amounts, umbrella plans counted once.

    Top-level projects beyond the ``max_leaves`` largest are pooled per
    company into one ``N more projects`` box. ``links``: as for
    :func:`effective_values`.

    >>> df = pd.DataFrame({"id": ["big", "site", "other"], "project": ["Plan", "Site", "Lab"],
    ...     "company": ["A", "A", "B"], "country": ["US", "US", "JP"], "parent_id": [None, "big", None],
    ...     "converted_value": [500.0, 100.0, 1.0]})
    >>> n = breakdown_nodes(df).set_index("id")
    >>> float(n.loc["country:US", "value"]), n.loc["project:site", "parent"]
    (500.0, 'project:big')
    """
    eff, has_parent, ppos = effective_values(df, links)
    # strings only for the rows and groups that become boxes; the grouping runs on integer codes
    ids = df["id"].to_numpy(dtype=object)
    ccode, cuniq = codes_of(df["country"], None, "??")
    mcode, muniq = codes_of(df["company"], None, "unknown")
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
    # group by integer codes (country x company)
    nm = max(len(muniq), 1)
    kcode, kuniq = pd.factorize(ccode.astype(np.int64) * nm + mcode)
    comp_total = np.bincount(kcode[top_idx], weights=eff[top_idx], minlength=len(kuniq))
    comp_order = pd.unique(kcode[top_idx])  # largest project first, as the treemap reads
    comp_ctry = kuniq[comp_order] // nm
    ctry_total = np.bincount(comp_ctry, weights=comp_total[comp_order], minlength=len(cuniq))
    ctry_order = pd.unique(comp_ctry)
    # companies beyond the max_leaves largest (and holding no kept project) pool per country
    keep_comp = np.zeros(len(kuniq), dtype=bool)
    keep_comp[comp_order[np.argsort(-comp_total[comp_order], kind="stable")[:max_leaves]]] = True
    keep_comp[kcode[kept_top]] = True
    shown = comp_order[keep_comp[comp_order]]
    hidden = comp_order[~keep_comp[comp_order]]
    k = np.flatnonzero(kept)
    g = np.zeros(0, dtype=np.int64)
    if pooled.size:
        pooled_v = np.bincount(kcode[pooled], weights=eff[pooled], minlength=len(kuniq))
        pooled_n = np.bincount(kcode[pooled], minlength=len(kuniq))
        g = pd.unique(kcode[pooled])
        g = g[keep_comp[g]]
    key_str = np.empty(len(kuniq), dtype=object)
    need = np.unique(np.concatenate([shown, kcode[k], g]).astype(np.int64))
    key_str[need] = [f"{cuniq[x // nm]}/{muniq[x % nm]}" for x in kuniq[need]]
    rows = [
        pd.DataFrame({"id": "country:" + cuniq[ctry_order], "parent": "", "label": cuniq[ctry_order],
                      "value": ctry_total[ctry_order], "level": "country"}),
        pd.DataFrame({"id": "company:" + key_str[shown], "parent": "country:" + cuniq[kuniq[shown] // nm],
                      "label": [joint_label(c) for c in muniq[kuniq[shown] % nm]], "value": comp_total[shown],
                      "level": "company"}),
    ]
    if hidden.size:
        hc = kuniq[hidden] // nm
        hv = np.bincount(hc, weights=comp_total[hidden], minlength=len(cuniq))
        hn = np.bincount(hc, minlength=len(cuniq))
        hcs = pd.unique(hc)
        rows.append(pd.DataFrame({"id": "morecos:" + cuniq[hcs], "parent": "country:" + cuniq[hcs],
                                  "label": [f"{n} more companies" for n in hn[hcs]], "value": hv[hcs], "level": "more"}))
    kid = np.array([str(x) for x in ids[k]], dtype=object)
    kparent = np.array([str(ids[p]) for p in ppos[k]], dtype=object) if k.size else kid
    proj_parent = np.where(has_parent[k], "project:" + kparent, "company:" + key_str[kcode[k]])
    labels = df["project"].to_numpy(dtype=object)[k]
    rows.append(pd.DataFrame({"id": "project:" + kid, "parent": proj_parent,
                              "label": ["" if pd.isna(x) else str(x) for x in labels],
                              "value": eff[k], "level": "project"}))
    if g.size:
        rows.append(pd.DataFrame({"id": "more:" + key_str[g], "parent": "company:" + key_str[g],
                                  "label": [f"{n} more projects" for n in pooled_n[g]], "value": pooled_v[g], "level": "more"}))
    return pd.concat(rows, ignore_index=True)


def _node_colors(nodes: pd.DataFrame) -> list[str]:
    """Each box in the fixed colour of its country (the same as in the timeline)."""
    parent = dict(zip(nodes["id"], nodes["parent"]))
    out = []
    for node in nodes["id"]:
        root = node
        for _ in range(8):
            up = parent.get(root, "")
            if not up:
                break
            root = up
        out.append(group_color("country", root.split(":", 1)[1] if root.startswith("country:") else "other"))
    return out


#: the columns the treemap reads (the rest of a wide frame is not copied when rows are dropped)
_COLUMNS = ("id", "project", "company", "country", "parent_id", "relation", "in_total", "converted_value")


def make_breakdown(df: pd.DataFrame, currency: str, *, max_leaves: int = 300,
                   links: tuple[np.ndarray, np.ndarray] | None = None) -> go.Figure:
    """Treemap of converted amounts by country → company → project (see
    :func:`breakdown_nodes`), labelled in the reader's notation. ``links``:
    :func:`dashboard.data.totals.parent_links` of ``df`` if the caller has it
    (the dashboard carries them over from the loaded frame).

    >>> df = pd.DataFrame({"id": ["a", "b"], "project": ["P", "Q"], "company": ["X", "Y"], "country": ["KR", "KR"],
    ...     "parent_id": [None, None], "converted_value": [3.918e11, 1e12]})
    >>> fig = make_breakdown(df, "KRW")
    >>> fig.data[0].type, float(fig.data[0].values[0]), fig.data[0].customdata[0][0]
    ('treemap', 1391800000000.0, '1.39조원')
    """
    register()
    value = df["converted_value"].to_numpy(dtype="float64")
    keep = np.flatnonzero(value > 0)  # NaN compares false: rows without an amount are not boxes
    if keep.size == 0:
        return empty_figure("No converted amounts to break down")
    data = df[[c for c in _COLUMNS if c in df]]
    if keep.size < len(df):
        data = data.iloc[keep]
        if links is not None:  # parents by position in the rows kept (a parent left out: no parent)
            from dashboard.data.totals import links_of_rows

            links = links_of_rows(links, keep)
    nodes = breakdown_nodes(data, max_leaves=max_leaves, links=links)
    # box text cut short, so a label fits inside more boxes (labels that do not fit are hidden); the hover has it whole
    labels = esc(nodes["label"].where(nodes["level"] != "project", short(nodes["label"], 32)))
    amounts = format_amounts(nodes["value"], currency)
    fig = go.Figure(
        go.Treemap(
            ids=nodes["id"],
            parents=nodes["parent"],
            labels=labels,
            values=nodes["value"],
            branchvalues="total",
            customdata=np.column_stack([np.array(amounts, dtype=object), esc(nodes["label"]).to_numpy(dtype=object)]),
            texttemplate="<b>%{label}</b><br>%{customdata[0]}",
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[0]}<br>%{percentRoot:.1%} of the total<extra></extra>",
            marker=dict(line=dict(width=1, color="white"), colors=_node_colors(nodes), depthfade=True),
            textfont=dict(size=12),
            pathbar=dict(visible=True),
            maxdepth=3,
        )
    )
    fig.update_layout(template="semidash", title=f"By country and company ({currency}, each amount once)",
                      height=560, margin=dict(l=5, r=5, t=50, b=5),
                      uniformtext=dict(minsize=10, mode="hide"))  # a label only where it fits
    return fig
