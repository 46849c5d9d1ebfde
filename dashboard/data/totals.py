"""Which rows the default totals count: the ``in_total`` column, computed at load.

Rows nest: a site is ``part_of`` a company plan or a programme, a grant
``funds`` the project it pays into, a revised plan ``supersedes`` the one it
replaces, and a company's annual capex overlaps the projects it pays for.
Adding every amount would count the same dollar two or three times. The rule
(also in ``datapackage.json`` and ``datasets/README.md``):

1. **Supersedes first.** A row that another row supersedes is out, and the
   revised row takes its place: the old row's container becomes the revised
   row's container, and the old row's children become the revised row's
   children (a site of the 40-billion plan is a site of the 65-billion plan).
2. **company_capex is never in** (one company-year of spending overlaps the
   sites and plans it pays for, without links to them).
3. **A funds row is out when the project it funds carries an amount** (that
   project, or any row that contains it): the public money is inside the
   project's cost. Everything under it is out with it. A grant for a project
   whose cost nobody reported counts: it is the only figure there is.
4. **In a part_of tree the finest amounts count**: of the remaining rows with an
   amount, a row is in unless a row below it (at any depth) is in; a container
   whose children carry no amount counts itself.
5. A row without an amount is never in (there is nothing to add).

So a container and anything inside it are never both in, whatever the depth:
the ``in_total`` rows of a tree form an antichain, and every row that rule 4
considers is either in or has an in row below it (nothing drops out unseen).
Status does not enter: a cancelled project stays in (filter by status to
leave it out). For a range the amount is its low end (``amount_value``), the
floor the source commits to; a midpoint is a figure nobody wrote.

>>> df = pd.DataFrame({"id": ["plan", "site-a", "site-b", "grant"],
...     "parent_id": [None, "plan", "plan", "site-a"], "relation": [None, "part_of", "part_of", "funds"],
...     "scope": ["company_plan", "site", "site", "site"], "amount_value": [100.0, 30.0, None, 5.0]})
>>> in_total(df).tolist()
[False, True, False, False]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["in_total", "containers", "parent_links", "links_of_rows", "superseded_by", "RULE"]

RULE = (
    "in_total is computed at load over all rows (curated and the user's): (1) a row that another row supersedes "
    "is out and the revised row takes its place (its container and its children); (2) scope company_capex is "
    "never in; (3) a funds row is out when the project it funds, or any row containing that project, carries "
    "an amount (the public money is inside the project cost), and so is everything under it; (4) of the "
    "remaining rows with an amount, a row is in unless a row below it in the part_of tree is in (the finest "
    "amounts count; a container whose children have no amount counts itself); (5) a row without an amount is "
    "never in. The in_total rows of a tree never contain one another, so the sum of amount_value over them "
    "counts each amount once. Ranges count their low end (amount_value = amount_low)."
)
"""The rule in one paragraph (the text of ``datapackage.json``)."""

_MAX_DEPTH = 64


def _text(df: pd.DataFrame, col: str) -> np.ndarray:
    if col not in df:
        return np.full(len(df), "", dtype=object)
    s = df[col]
    return s.astype("object").where(s.notna(), "").astype(str).to_numpy()


def parent_links(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the position of the row its ``parent_id`` names (-1: none, unknown or itself)
    and its ``relation`` as text ("" where it has no parent). Only the rows with a
    parent are looked at, so a million rows with a few hundred links cost little.

    >>> pos, rel = parent_links(pd.DataFrame({"id": ["a", "b", "c"], "parent_id": [None, "a", "zz"],
    ...                                        "relation": ["part_of", "part_of", "part_of"]}))
    >>> pos.tolist(), rel.tolist()
    ([-1, 0, -1], ['', 'part_of', 'part_of'])
    """
    n = len(df)
    ppos = np.full(n, -1, dtype=np.int64)
    relation = np.full(n, "", dtype=object)
    if not n or "parent_id" not in df:
        return ppos, relation
    col = df["parent_id"]
    rows = np.flatnonzero(col.notna().to_numpy())
    parent = np.array([str(x) for x in col.to_numpy(dtype=object)[rows]], dtype=object)
    rows, parent = rows[parent != ""], parent[parent != ""]
    if not rows.size:
        return ppos, relation
    if "relation" in df:
        rel = df["relation"].to_numpy(dtype=object)[rows]
        gap = pd.isna(rel)
        relation[rows] = np.where(gap, "", np.where(gap, "", rel).astype(str)).astype(object)
    ids = df["id"]
    if not (pd.api.types.is_object_dtype(ids.dtype) or pd.api.types.is_string_dtype(ids.dtype)):
        ids = ids.astype(str)
    values = ids.to_numpy(dtype=object)
    wanted = pd.Index(pd.unique(parent), dtype=object)  # hash the few parents, look every id up in them
    position: dict[str, int] = {}
    for pos in np.flatnonzero(wanted.get_indexer(values) >= 0):
        position.setdefault(str(values[pos]), int(pos))
    found = np.array([position.get(p, -1) for p in parent], dtype=np.int64)
    ppos[rows] = np.where(found != rows, found, -1)
    return ppos, relation


def links_of_rows(links: tuple[np.ndarray, np.ndarray], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`parent_links` of the rows at positions ``rows`` of a frame whose links are
    ``links``: each parent as a position among ``rows`` (-1 when the parent is not one of them).

    >>> pos, rel = links_of_rows((np.array([-1, 0, 0]), np.array(["", "part_of", "funds"], dtype=object)), np.array([2, 0]))
    >>> pos.tolist(), rel.tolist()
    ([1, -1], ['funds', ''])
    """
    ppos, relation = links
    inv = np.full(len(ppos), -1, dtype=np.int64)
    inv[rows] = np.arange(len(rows))
    up = ppos[rows]
    return np.where(up >= 0, inv[np.maximum(up, 0)], -1), relation[rows]


def containers(df: pd.DataFrame, links: tuple[np.ndarray, np.ndarray] | None = None
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row: the position of its container after supersedes are resolved (-1: none),
    the kind of that link (``"part_of"``, ``"funds"`` or ``""``), and whether
    another row supersedes it.

    ``links`` is :func:`parent_links` of ``df`` when the caller already has it
    (e.g. carried over from the loaded frame to a selection of its rows, which
    saves looking up every id of a large frame again).

    >>> df = pd.DataFrame({"id": ["old", "new", "site"], "parent_id": [None, "old", "old"],
    ...                    "relation": [None, "supersedes", "part_of"]})
    >>> pos, kind, superseded = containers(df)
    >>> pos.tolist(), kind.tolist(), superseded.tolist()
    ([-1, -1, 1], ['', '', 'part_of'], [True, False, False])
    """
    n = len(df)
    ppos, relation = parent_links(df) if links is None else links
    if len(ppos) != n or len(relation) != n:
        raise ValueError(f"links cover {len(ppos)} rows, the frame has {n}")
    sup = (relation == "supersedes") & (ppos >= 0)
    # the row that supersedes each row (the first one, if two do)
    sup_by = np.full(n, -1, dtype=np.int64)
    rows = np.flatnonzero(sup)[::-1]
    sup_by[ppos[rows]] = rows
    superseded = sup_by >= 0
    # latest revision of each row: follow supersedes forward
    latest = np.arange(n)
    for _ in range(_MAX_DEPTH):
        nxt = np.where(sup_by[latest] >= 0, sup_by[latest], latest)
        if np.array_equal(nxt, latest):
            break
        latest = nxt
    link = (ppos >= 0) & ((relation == "part_of") | (relation == "funds"))
    pos = np.where(link, latest[np.where(ppos >= 0, ppos, 0)], -1)
    kind = np.where(link, relation, "").astype(object)
    # a revision inherits the container of the row it supersedes (chains too)
    for _ in range(_MAX_DEPTH):
        rows = np.flatnonzero(sup & (pos < 0))
        src = ppos[rows]
        take = rows[pos[src] >= 0]
        if take.size == 0:
            break
        pos[take] = pos[ppos[take]]
        kind[take] = kind[ppos[take]]
    pos = np.where(pos == np.arange(n), -1, pos)
    return pos, kind.astype(str), superseded


def _up(pos: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Per row: whether any proper ancestor has ``values`` true."""
    out = np.zeros(len(pos), dtype=bool)
    has = pos >= 0
    safe = np.where(has, pos, 0)
    for _ in range(_MAX_DEPTH):
        new = has & (values[safe] | out[safe])
        if np.array_equal(new, out):
            break
        out = new
    return out


def in_total(df: pd.DataFrame) -> pd.Series:
    """The ``in_total`` flag of every row of a typed projects frame (see the module docstring).

    Needs ``id``, ``parent_id``, ``relation``, ``scope`` and ``amount_value``;
    parents that are not in ``df`` count as no parent.
    """
    n = len(df)
    if n == 0:
        return pd.Series(np.zeros(0, dtype=bool), index=df.index, name="in_total")
    pos, kind, superseded = containers(df)
    has_amount = pd.to_numeric(df["amount_value"], errors="coerce").notna().to_numpy()
    capex = _text(df, "scope") == "company_capex"
    has = pos >= 0
    safe = np.where(has, pos, 0)
    # rule 3: a funds link whose upper side carries an amount covers the row and all below it
    above_amount = _up(pos, has_amount)
    covered = (kind == "funds") & has & (has_amount[safe] | above_amount[safe])
    for _ in range(_MAX_DEPTH):
        new = covered | (has & covered[safe])
        if np.array_equal(new, covered):
            break
        covered = new
    candidate = has_amount & ~superseded & ~capex & ~covered
    # rule 4: a candidate is in unless a candidate lies below it
    below = np.zeros(n, dtype=bool)
    for _ in range(_MAX_DEPTH):
        new = np.zeros(n, dtype=bool)
        src = np.flatnonzero(has & (candidate | below))
        new[pos[src]] = True
        if np.array_equal(new, below):
            break
        below = new
    return pd.Series(candidate & ~below, index=df.index, name="in_total")


def superseded_by(df: pd.DataFrame) -> pd.Series:
    """Per row: the ``id`` of the row that supersedes it (the latest revision
    when revisions chain), else missing. A superseded row is never
    ``in_total``; its replacement is counted instead.

    >>> df = pd.DataFrame({"id": ["v1", "v2", "v3", "x"], "parent_id": [None, "v1", "v2", None],
    ...                    "relation": [None, "supersedes", "supersedes", None]})
    >>> superseded_by(df).tolist()
    ['v3', 'v3', None, None]
    """
    n = len(df)
    out = pd.Series([None] * n, index=df.index, dtype="object", name="superseded_by")
    if n == 0:
        return out
    ids = _text(df, "id")
    parent = _text(df, "parent_id")
    relation = _text(df, "relation")
    ppos = pd.Index(ids).get_indexer(parent)
    sup = (relation == "supersedes") & (parent != "") & (ppos >= 0) & (ppos != np.arange(n))
    sup_by = np.full(n, -1, dtype=np.int64)
    rows = np.flatnonzero(sup)[::-1]  # the first row that supersedes, as containers() takes it
    sup_by[ppos[rows]] = rows
    latest = np.where(sup_by >= 0, sup_by, np.arange(n))
    for _ in range(_MAX_DEPTH):
        nxt = np.where(sup_by[latest] >= 0, sup_by[latest], latest)
        if np.array_equal(nxt, latest):
            break
        latest = nxt
    has = sup_by >= 0
    out[has] = ids[latest[has]]
    return out
