"""The words the news intake looks for, kept as data: category words and
investment cues per language and a small multilingual place list
(``vocabulary.csv`` next to this module), and the companies' names and aliases
in every language (the alias index of ``dashboard.data.companies``).

Each finder is one compiled regular expression, built once per process:
ASCII names match as whole words and case-insensitively (``TSMC`` but not
``TSMCs``), CJK names match anywhere (Korean particles attach to the name:
``삼성전자가``).

>>> categories_in("삼성전자가 평택에 새 반도체 공장을 짓는다")
['fab']
>>> places_in("キオクシアは北上に新工場を建設")
[('Kitakami (Iwate)', 'JP')]
>>> has_investment_cue("TSMC will invest US$100 billion"), has_investment_cue("영업이익 6조원")
(True, False)
"""
from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Mapping
from importlib import resources

__all__ = [
    "VOCABULARY_FILE",
    "vocabulary",
    "categories_in",
    "places_in",
    "has_investment_cue",
    "company_names",
    "companies_in",
    "company_label",
    "company_country",
    "name_pattern",
]

VOCABULARY_FILE = "vocabulary.csv"


@functools.cache
def vocabulary() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """Rows ``(kind, value, language, words)`` of the bundled vocabulary file."""
    path = resources.files("dashboard.intake").joinpath(VOCABULARY_FILE)
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple((r["kind"], r["value"], r["language"], tuple(w.strip() for w in r["words"].split(";") if w.strip()))
                     for r in csv.DictReader(fh))


def name_pattern(names: Iterable[str], *, exact_case_below: int = 0) -> re.Pattern | None:
    """One regex finding any of ``names`` (longest first; ASCII names as whole words).

    Names match case-insensitively, except ASCII names shorter than
    ``exact_case_below`` characters, which match only as written (the company
    ``Free`` is not the word "free", ``Meta`` not "meta").

    >>> name_pattern(["TSMC", "삼성전자"]).findall("TSMC와 삼성전자가, not TSMCs")
    ['TSMC', '삼성전자']
    >>> name_pattern(["Free", "Samsung Electronics"], exact_case_below=7).findall("free cash; Free; samsung electronics")
    ['Free', 'samsung electronics']
    """
    parts = []
    for n in sorted(set(names), key=len, reverse=True):
        if not n:
            continue
        esc = re.escape(n).replace(r"\ ", r"\s+")
        if n.isascii():
            esc = rf"(?<![A-Za-z0-9]){esc}(?![A-Za-z0-9])"
            parts.append(esc if len(n) < exact_case_below else f"(?i:{esc})")
        else:
            parts.append(f"(?i:{esc})")
    return re.compile("|".join(parts)) if parts else None


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@functools.cache
def _finder(kind: str) -> tuple[re.Pattern | None, dict[str, str]]:
    table: dict[str, str] = {}
    for k, value, _lang, words in vocabulary():
        if k == kind:
            for w in words:
                table.setdefault(_key(w), value)
    return name_pattern(table), table


def _found(kind: str, text: str) -> list[str]:
    pattern, table = _finder(kind)
    out: list[str] = []
    if pattern is None:
        return out
    for m in pattern.finditer(text):
        v = table.get(_key(m.group(0)))
        if v is not None and v not in out:
            out.append(v)
    return out


def categories_in(text: str) -> list[str]:
    """Project categories whose words occur in ``text``, in order of first mention."""
    return _found("category", text)


def places_in(text: str) -> list[tuple[str, str]]:
    """``(city, country)`` of the known places named in ``text``, in order of first mention."""
    return [tuple(v.split("|", 1)) for v in _found("place", text)]  # type: ignore[misc]


def has_investment_cue(text: str) -> bool:
    """Whether ``text`` speaks of investing, building, subsidising or buying (any language)."""
    pattern, _ = _finder("investment")
    return bool(pattern and pattern.search(text))


# --- companies -----------------------------------------------------------------


@functools.cache
def _companies() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(name -> company id, id -> display name, id -> country) from the companies file."""
    from dashboard.data.companies import NAME_COLUMNS, alias_index, load_companies

    frame = load_companies()
    labels = dict(zip(frame["company_id"], frame["name_en"]))
    countries = dict(zip(frame["company_id"], frame["country"]))
    index = dict(alias_index())
    for col in NAME_COLUMNS:  # the names as written (the index is case-folded): short ASCII names match by case
        for cell in frame[col].dropna():
            for n in str(cell).split(";"):
                n = " ".join(n.split())
                if n and _key(n) in index:
                    _SPELLINGS.add(n)
    return index, labels, countries


def company_names() -> Mapping[str, str]:
    """Every known company name and alias (case-folded) -> company id."""
    return _companies()[0]


_SPELLINGS: set[str] = set()

#: ASCII company names shorter than this match only as written
EXACT_CASE_BELOW = 7


@functools.cache
def _company_finder() -> re.Pattern | None:
    company_names()  # fills _SPELLINGS
    # names of one or two ASCII letters match too much
    names = {n for n in _SPELLINGS if not (n.isascii() and len(n) < 3)}
    return name_pattern(names, exact_case_below=EXACT_CASE_BELOW)


def companies_in(text: str) -> list[str]:
    """Company ids named in ``text`` (any language, any alias), in order of first mention."""
    pattern = _company_finder()
    out: list[str] = []
    if pattern is None:
        return out
    index = company_names()
    for m in pattern.finditer(text):
        cid = index.get(_key(m.group(0)))
        if cid is not None and cid not in out:
            out.append(cid)
    return out


def company_label(company_id: str) -> str:
    """Display name of a company id (the id itself when unknown)."""
    return _companies()[1].get(company_id, company_id)


def company_country(company_id: str) -> str | None:
    """Country (ISO code) of a company id, if known."""
    return _companies()[2].get(company_id)
