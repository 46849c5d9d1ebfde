"""The companies: ``companies.csv`` bundled with the package, its checks, and an
index from every name a company goes by to its ``company_id``.

One row per company (``company_id``), with its display name (``name_en``), its
names in Korean, Japanese and Chinese and its common aliases (``;``-separated),
its corporate group (``group_id``: SoftBank Corp. and SoftBank Group are two
companies of the group ``softbank``; a company outside any group is its own
group) and its country. Projects name companies by id (``company_ids``).

The name index is case-insensitive and covers every name of every company; a
name that would point at two companies is a problem of the file, so a lookup
never has to guess.

>>> resolve_company("softbank group"), resolve_company("ソフトバンク"), resolve_company("삼성전자")
('softbank-group', 'softbank-corp', 'samsung-electronics')
>>> display_names(pd.Series(["softbank-group;openai"])).tolist()
['SoftBank Group; OpenAI']

Filters pick companies by *token* (:func:`company_token`): a ``company_id``
(``softbank-corp``), a whole group (``group:softbank``: SoftBank Group,
SoftBank Corp., SB Energy, IDC Frontier) or, for a word that is neither, the
text itself, matched case-blind inside any name of a row's companies
(:class:`CompanyMatcher`).

>>> company_token("SoftBank"), company_token("SBG"), company_token("TSMC"), company_token("soft")
('group:softbank', 'softbank-group', 'tsmc', 'soft')
"""
from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.data.schema import ID_PATTERN, country_codes
from dashboard.errors import DatasetNotFoundError, ValidationError

__all__ = [
    "COMPANY_COLUMNS",
    "NAME_COLUMNS",
    "companies_path",
    "read_companies",
    "load_companies",
    "company_ids",
    "alias_index",
    "resolve_company",
    "resolve_names",
    "display_names",
    "company_groups",
    "group_label",
    "company_token",
    "CompanyMatcher",
]

PathLike = str | os.PathLike

COMPANY_COLUMNS: tuple[str, ...] = (
    "company_id", "name_en", "names_ko", "names_ja", "names_zh", "aliases", "group_id", "country",
)
"""Columns of ``companies.csv`` in file order."""

NAME_COLUMNS: tuple[str, ...] = ("name_en", "names_ko", "names_ja", "names_zh", "aliases")
"""Columns whose names (``;``-separated) the alias index covers."""

_REQUIRED = ("company_id", "name_en", "group_id", "country")

_lock = threading.Lock()
_cache: dict[str, tuple[tuple[int, int], pd.DataFrame, list[str]]] = {}


def companies_path() -> Path:
    """The bundled ``companies.csv`` (``dashboard/data/companies.csv`` in the installed package)."""
    path = Path(str(resources.files("dashboard.data").joinpath("companies.csv")))
    if not path.is_file():
        raise DatasetNotFoundError(str(path), "bundled companies.csv is missing from the installed package")
    return path


def _names(text: object) -> list[str]:
    return [n.strip() for n in text.split(";") if n.strip()] if isinstance(text, str) else []


def _check(frame: pd.DataFrame, name: str) -> list[str]:
    """Every problem of a companies text frame (indexed by line), all at once."""
    import pandera.pandas as pa
    from pandera.errors import SchemaErrors

    C = pa.Check
    messages = {
        "not_nullable": "is empty; a value is required",
        "field_uniqueness": "is a duplicate company_id",
        "slug": "is not an id: use lower-case letters, digits and single hyphens (e.g. 'softbank-group')",
        "country": "is not an ISO 3166-1 alpha-2 country code (EU for EU bodies)",
    }
    slug = C.str_matches(ID_PATTERN, name="slug", error="slug")
    schema = pa.DataFrameSchema({
        "company_id": pa.Column(str, nullable=False, unique=True, report_duplicates="exclude_first", checks=[slug]),
        "name_en": pa.Column(str, nullable=False),
        "group_id": pa.Column(str, nullable=False, checks=[C.str_matches(ID_PATTERN, name="slug", error="slug")]),
        "country": pa.Column(str, nullable=False, checks=[C.isin(sorted(country_codes()), name="country", error="country")]),
        **{c: pa.Column(str, nullable=True) for c in ("names_ko", "names_ja", "names_zh", "aliases")},
    }, strict=False, coerce=False)
    found: list[tuple[int, int, str]] = []
    order = {c: i for i, c in enumerate(COMPANY_COLUMNS)}
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        seen = set()
        for case in exc.failure_cases.itertuples(index=False):
            label, column, check = case.index, case.column, str(case.check)
            if label is None or (label, column, check) in seen:
                continue
            seen.add((label, column, check))
            value = frame.at[label, column]
            msg = messages.get(check, check)
            shown = "" if check == "not_nullable" else f" {str(value)!r}"
            found.append((int(label), order.get(column, 99), f"{name}:{label}: column {column!r}:{shown} {msg}"))
    # names: one company per name (case-insensitive)
    owner: dict[str, tuple[str, int]] = {}
    for label, row in frame.iterrows():
        cid = row["company_id"]
        for col in NAME_COLUMNS:
            for n in _names(row[col]):
                key = n.casefold()
                prev = owner.get(key)
                if prev is not None and prev[0] != cid:
                    found.append((int(label), order[col],
                                  f"{name}:{label}: column {col!r}: {n!r} already names {prev[0]!r} "
                                  f"(line {prev[1]}); a name may point at one company only"))
                else:
                    owner.setdefault(key, (cid, int(label)))
    found.sort()
    return [t for _, _, t in found]


def read_companies(path: PathLike | None = None) -> tuple[pd.DataFrame, list[str]]:
    """The companies file as text (indexed by line) and all its problems.

    Cached on the file's path, modification time and size.
    """
    import csv

    p = companies_path() if path is None else Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise DatasetNotFoundError(str(p)) from None
    key, stamp = str(p.resolve()), (st.st_mtime_ns, st.st_size)
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1], hit[2]
    with _lock:
        problems: list[str] = []
        with open(p, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, strict=True)
            header = [h.strip() for h in next(reader, [])]
            rows, lines = [], []
            for fields in reader:
                if not any(f.strip() for f in fields):
                    continue
                if len(fields) != len(header):
                    problems.append(f"{p}:{reader.line_num}: expected {len(header)} fields as in the header, "
                                    f"found {len(fields)}")
                    continue
                rows.append([f.strip() for f in fields])
                lines.append(reader.line_num)
        missing = [c for c in COMPANY_COLUMNS if c not in header]
        if missing:
            problems.append(f"{p}:1: missing column(s): {', '.join(missing)}; "
                            f"expected columns: {', '.join(COMPANY_COLUMNS)}")
            frame = pd.DataFrame(columns=list(COMPANY_COLUMNS), dtype="str")
        else:
            frame = pd.DataFrame(rows, columns=header, index=lines, dtype="str")[list(COMPANY_COLUMNS)]
            frame = frame.replace("", np.nan)
            problems += _check(frame, str(p))
        _cache[key] = (stamp, frame, problems)
    return frame, problems


def load_companies(path: PathLike | None = None) -> pd.DataFrame:
    """The validated companies, indexed by ``company_id``.

    Raises :class:`~dashboard.errors.ValidationError` listing every problem.

    >>> load_companies().loc["softbank-corp", ["name_en", "group_id"]].tolist()
    ['SoftBank Corp.', 'softbank']
    """
    frame, problems = read_companies(path)
    if problems:
        raise ValidationError(problems, source=str(companies_path() if path is None else path))
    return frame.set_index("company_id", drop=False)


def company_ids(path: PathLike | None = None) -> frozenset[str]:
    """Every ``company_id`` of the (valid) companies file."""
    return frozenset(load_companies(path)["company_id"])


@functools.lru_cache(maxsize=4)
def _index(key: tuple) -> dict[str, str]:
    frame = load_companies(key[0])
    out: dict[str, str] = {}
    for cid, row in zip(frame["company_id"], frame.itertuples(index=False)):
        out[cid.casefold()] = cid
        for col in NAME_COLUMNS:
            for n in _names(getattr(row, col)):
                out.setdefault(" ".join(n.casefold().split()), cid)
    return out


def _key(path: PathLike | None) -> tuple:
    p = companies_path() if path is None else Path(path)
    st = p.stat()
    return (str(p), st.st_mtime_ns, st.st_size)


def alias_index(path: PathLike | None = None) -> dict[str, str]:
    """Every name, alias and id (case-folded, spaces collapsed) -> ``company_id``.

    >>> idx = alias_index()
    >>> idx["sbg"], idx["三星电子"], idx["tsmc"]
    ('softbank-group', 'samsung-electronics', 'tsmc')
    """
    return _index(_key(path))


def resolve_company(name: str, path: PathLike | None = None) -> str | None:
    """The ``company_id`` a name, alias or id stands for (case-insensitive), else ``None``.

    >>> resolve_company("Samsung Electronics Co., Ltd."), resolve_company("Nobody Inc.")
    ('samsung-electronics', None)
    """
    if not isinstance(name, str):
        return None
    return alias_index(path).get(" ".join(name.casefold().split()))


def _split_outside_brackets(text: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([（":
            depth += 1
        elif ch in ")]）" and depth:
            depth -= 1
        if ch == ";" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def resolve_names(text: str | None, path: PathLike | None = None) -> tuple[list[str], list[str]]:
    """Split ``;``-separated names (not inside brackets) into (company ids that match, names that do not).

    >>> resolve_names("SoftBank Group; OpenAI; Acme Fabs")
    (['softbank-group', 'openai'], ['Acme Fabs'])
    >>> resolve_names("JASM (TSMC; Sony; Denso)")
    ([], ['JASM (TSMC; Sony; Denso)'])
    """
    ids: list[str] = []
    free: list[str] = []
    for n in (_split_outside_brackets(text) if isinstance(text, str) else []):
        cid = resolve_company(n, path)
        if cid is None:
            free.append(n)
        elif cid not in ids:
            ids.append(cid)
    return ids, free


def display_names(ids: pd.Series | Iterable, path: PathLike | None = None) -> pd.Series:
    """``;``-separated company ids -> display names joined by ``"; "`` (unknown ids kept as written).

    Vectorised over distinct values: each distinct id list is looked up once.
    """
    s = ids if isinstance(ids, pd.Series) else pd.Series(list(ids), dtype="object")
    names = load_companies(path)["name_en"].to_dict()
    uniq = pd.unique(s.dropna())
    table = {v: "; ".join(names.get(c, c) for c in _names(v)) for v in uniq}
    return s.map(table).astype("object").where(s.notna())


GROUP_PREFIX = "group:"


@functools.lru_cache(maxsize=4)
def _groups(key: tuple) -> dict[str, tuple[str, ...]]:
    frame = load_companies(key[0])
    order = frame.sort_values("name_en", key=lambda s: s.str.casefold())
    out: dict[str, list[str]] = {}
    for cid, gid in zip(order["company_id"], order["group_id"]):
        out.setdefault(gid, []).append(cid)
    return {g: tuple(m) for g, m in out.items()}


def company_groups(path: PathLike | None = None) -> dict[str, tuple[str, ...]]:
    """``group_id`` -> its companies' ids (by name); a company outside any group is a group of one.

    >>> company_groups()["softbank"]
    ('idc-frontier', 'sb-energy', 'softbank-corp', 'softbank-group')
    """
    return _groups(_key(path))


def group_label(group_id: str, path: PathLike | None = None) -> str:
    """A group's display name: its head company's name (the company whose id is
    the group's, else the one called ``... Group``, else the first by name).

    >>> group_label("softbank"), group_label("tsmc")
    ('SoftBank Group', 'TSMC')
    """
    members = company_groups(path).get(group_id, ())
    names = load_companies(path)["name_en"]
    if not members:
        return group_id
    if group_id in members:
        return str(names[group_id])
    for cid in members:
        if cid == f"{group_id}-group" or str(names[cid]).casefold().endswith(" group"):
            return str(names[cid])
    return str(names[members[0]])


def _fold(text: str) -> str:
    import unicodedata

    return " ".join("".join(ch for ch in unicodedata.normalize("NFKD", text.casefold())
                            if not unicodedata.combining(ch)).split())


def company_token(word: str, path: PathLike | None = None) -> str:
    """What a filter word stands for, as the filter's token: a ``company_id``
    (the id itself in any case, or any name or alias of the company), a group
    (``group:ID``, or a bare word that is a group's id but no company's:
    ``softbank``), else the word itself (stripped), matched as text.

    >>> company_token("group:SoftBank"), company_token("Samsung Electronics Co., Ltd."), company_token(" Acme ")
    ('group:softbank', 'samsung-electronics', 'Acme')
    """
    text = " ".join(str(word).split())
    key = text.casefold()
    if not key:
        return ""
    ids = alias_index(path)
    groups = company_groups(path)
    if key in ids and ids[key] == key:  # an id
        return key
    if key.startswith(GROUP_PREFIX):
        gid = key[len(GROUP_PREFIX):].strip()
        return GROUP_PREFIX + gid if gid in groups else text
    if key in groups and len(groups[key]) > 1:
        return GROUP_PREFIX + key
    cid = ids.get(key)
    return cid if cid is not None else text


class CompanyMatcher:
    """Which rows the company tokens pick: a row is in when one of its
    ``company_ids`` is one of the tokens' companies (a group's are all its
    companies) or, for a text token, when the text starts a word of one of its
    companies' names (display name, names in other scripts, aliases) or of its
    ``company`` text (names a user's record holds without an id), case- and
    accent-blind; text in other scripts than Latin matches anywhere in a name.

    >>> m = CompanyMatcher(["group:softbank", "acme"])
    >>> m.ids >= {"softbank-group", "softbank-corp"}, m("openai;softbank-corp", ""), m("", "Acme Fabs"), m("tsmc", "TSMC")
    (True, True, True, False)
    >>> CompanyMatcher(["soft"])("microsoft", ""), CompanyMatcher(["ソフト"])("softbank-corp", "")
    (False, True)
    """

    def __init__(self, tokens: Iterable[str], path: PathLike | None = None) -> None:
        groups = company_groups(path)
        known = company_ids(path)
        self.ids: set[str] = set()
        self.texts: list[str] = []
        for t in tokens:
            if t.startswith(GROUP_PREFIX) and t[len(GROUP_PREFIX):] in groups:
                self.ids.update(groups[t[len(GROUP_PREFIX):]])
            elif t in known:
                self.ids.add(t)
            elif _fold(t):
                self.texts.append(_fold(t))
        self._names = _search_names(_key(path)) if self.texts else {}
        # Latin text matches where a word starts (soft: SoftBank, not Microsoft); other scripts anywhere
        self._patterns = [re.compile((r"(?<![0-9a-z])" if t[:1].isascii() and t[:1].isalnum() else "") + re.escape(t))
                          for t in self.texts]

    def __call__(self, company_ids: str, company: str) -> bool:
        """Whether a row with these ``company_ids`` (``;``-separated) and ``company`` text is picked."""
        row_ids = _names(company_ids)
        if self.ids.intersection(row_ids):
            return True
        if not self.texts:
            return False
        hay = "\n".join([_fold(company or ""), *(self._names.get(c, "") for c in row_ids)])
        return any(p.search(hay) for p in self._patterns)


@functools.lru_cache(maxsize=4)
def _search_names(key: tuple) -> dict[str, str]:
    """``company_id`` -> every name it goes by, folded, one per line."""
    frame = load_companies(key[0])
    out = {}
    for cid, row in zip(frame["company_id"], frame.itertuples(index=False)):
        out[cid] = "\n".join(_fold(n) for col in NAME_COLUMNS for n in _names(getattr(row, col)))
    return out
