"""Which known project (curated or the user's) a news figure most likely restates.

A project is a match when the amount is compatible and something else agrees:

* **amount**: the figure (or one of its restatements in parentheses)
  converted into the project's currency at the article date's rate is within
  :data:`TOLERANCE` of the project's amount (for GPUs, MW and wafers per month:
  the project's capacity column);
* and the **company** (any company id in common) or the **place** (the
  project's city named in the article, when the article names no company or
  one of the project's);
* when the guessed category differs from the project's, the amount must be
  within :data:`STRICT_TOLERANCE`.

Among matches the highest score wins: amount (3, or 2 beyond 5 %), company 3,
place 1.5, the project's name in the sentence 1, category 0.5. A figure
without a compatible project is new (``matched_id`` ``None``).

>>> import pandas as pd
>>> projects = pd.DataFrame([{"id": "lab", "project": "Yokohama lab", "company_ids": "samsung-electronics",
...     "city": "Yokohama", "category": "rnd", "amount_value": 4e10, "currency": "JPY",
...     "gpus": None, "power_mw": None, "wafers_per_month": None, "announced_date": pd.Timestamp("2023-12-21")}])
>>> index = ProjectIndex(projects)
>>> link = index.link({"kind": "money", "value": 4e10, "unit": "JPY", "company_ids": ["samsung-electronics"],
...                    "place": "Yokohama", "category": "rnd", "sentence": "", "restatements": [],
...                    "article_date": "2025-04-02"})
>>> link.matched_id, link.score, link.reasons
('lab', 8.0, ['amount 0.0% off', 'company', 'place', 'category'])
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["TOLERANCE", "STRICT_TOLERANCE", "Link", "ProjectIndex"]

TOLERANCE = 0.15
"""Largest relative difference between two amounts that may be one figure
restated (rates move between an announcement and a later article)."""

STRICT_TOLERANCE = 0.05
"""The tolerance when the guessed category differs from the project's (a fab's
figure near a subsidy's amount is more likely another figure)."""

_CAPACITY = {"gpu": "gpus", "MW": "power_mw", "wafer / month": "wafers_per_month"}


@dataclass(frozen=True)
class Link:
    """The project a candidate restates (``None``: new), the score and why."""

    matched_id: str | None
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


def _ids(value: object) -> frozenset[str]:
    if not isinstance(value, str):
        return frozenset()
    return frozenset(p.strip() for p in value.split(";") if p.strip())


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z0-9]{3,}|[^\x00-\u2fff\s]{2,}", text or "")}


class ProjectIndex:
    """The known projects prepared for linking (company ids resolved once).

    ``projects`` is a frame like ``load_projects()``: with ``company_ids``
    (dataset v2) or only ``company`` names (then resolved by the alias index).
    """

    def __init__(self, projects: pd.DataFrame) -> None:
        from dashboard.intake.vocabulary import companies_in

        self.frame = projects.reset_index(drop=True)
        if "company_ids" in self.frame:
            companies = [_ids(v) for v in self.frame["company_ids"]]
            if "company" in self.frame:  # a user's free-text names beside the ids
                companies = [c | frozenset(companies_in(n)) if isinstance(n, str) else c
                             for c, n in zip(companies, self.frame["company"])]
        else:
            companies = [frozenset(companies_in(v)) if isinstance(v, str) else frozenset() for v in self.frame["company"]]
        self.companies = companies
        self.by_company: dict[str, list[int]] = {}
        for i, ids in enumerate(companies):
            for c in ids:
                self.by_company.setdefault(c, []).append(i)
        cities = self.frame["city"] if "city" in self.frame else pd.Series([None] * len(self.frame))
        self.cities = [_city_keys(c) for c in cities]
        # the dataset's own places, as written ("Taylor, TX" -> "Taylor"), for articles the vocabulary misses
        countries = self.frame["country"] if "country" in self.frame else pd.Series([None] * len(self.frame))
        # and their Korean, Japanese and Chinese names from the gazetteer (평택, 北上市, テイラー)
        from dashboard.gazetteer import names_for

        self._places: dict[str, tuple[str, str | None]] = {}
        spellings = set()
        pairs = list(dict.fromkeys((c, k if isinstance(k, str) else None) for c, k in zip(cities, countries)
                                   if isinstance(c, str)))
        for city, country in pairs:
            for part in _parts(city):
                self._places.setdefault(part.casefold(), (city, country))
                spellings.add(part)
        for name, pair in names_for(pairs).items():
            if not name.isascii():
                self._places.setdefault(name.casefold(), pair)
                spellings.add(name)
        from dashboard.intake.vocabulary import name_pattern

        self._place_pattern = name_pattern(spellings, exact_case_below=100)
        self.names = [_words(p) for p in self.frame["project"].fillna("")]

    def place_in(self, text: str) -> tuple[str, str | None] | None:
        """``(city, country)`` of the first of the dataset's places named in ``text`` (as written in
        the dataset, or in Korean, Japanese or Chinese as the gazetteer has it), else ``None``."""
        if self._place_pattern is None or not text:
            return None
        m = self._place_pattern.search(text)
        return self._places.get(m.group(0).casefold()) if m else None

    def __len__(self) -> int:
        return len(self.frame)

    def _amount_off(self, i: int, cand: Mapping, rates: dict) -> float | None:
        """Relative difference between the candidate's amount and project ``i``'s, or ``None``."""
        row = self.frame.iloc[i]
        if cand["kind"] != "money":
            col = _CAPACITY.get(cand["unit"])
            target = row.get(col) if col else None
            if target is None or pd.isna(target) or not target:
                return None
            return abs(cand["value"] - float(target)) / float(target)
        target, currency = row.get("amount_value"), row.get("currency")
        if target is None or pd.isna(target) or not target or not isinstance(currency, str):
            return None
        best = None
        for value, unit in [(cand["value"], cand["unit"])] + [(r["value"], r["unit"]) for r in cand.get("restatements", [])
                                                              if r.get("kind", "money") == "money"]:
            converted = _convert(value, unit, currency, cand.get("article_date"), rates)
            if converted is None:
                continue
            off = abs(converted - float(target)) / float(target)
            best = off if best is None else min(best, off)
        return best

    def link(self, cand: Mapping, *, rates: dict | None = None) -> Link:
        """The best :class:`Link` for one candidate (a mapping with ``kind, value, unit,
        company_ids, place, category, sentence, restatements, article_date``)."""
        rates = {} if rates is None else rates
        companies = set(cand.get("company_ids") or [])
        place = _city_keys(cand.get("place"))
        rows: set[int] = set()
        for c in companies:
            rows.update(self.by_company.get(c, ()))
        if place:
            rows.update(i for i, keys in enumerate(self.cities) if keys & place)
        words = _words(cand.get("sentence", ""))
        best = Link(None)
        best_off = math.inf
        for i in sorted(rows):
            off = self._amount_off(i, cand, rates)
            if off is None or off > TOLERANCE:
                continue
            other_category = bool(cand.get("category") and isinstance(self.frame.at[i, "category"], str)
                                  and cand["category"] != self.frame.at[i, "category"])
            if other_category and off > STRICT_TOLERANCE:
                continue  # another kind of project with a merely similar amount
            same_company = bool(companies & self.companies[i])
            same_place = bool(place and place & self.cities[i])
            if not (same_company or same_place):
                continue
            if not same_company and companies and self.companies[i]:
                continue  # both name their companies, and none is in common: another project at the place
            reasons = [f"amount {off:.1%} off"]
            score = 3.0 if off <= 0.05 else 2.0
            if same_company:
                score += 3.0
                reasons.append("company")
            if same_place:
                score += 1.5
                reasons.append("place")
            if self.names[i] and len(self.names[i] & words) >= 1:
                score += 1.0
                reasons.append("name")
            if cand.get("category") and cand.get("category") == self.frame.at[i, "category"]:
                score += 0.5
                reasons.append("category")
            if score > best.score or (score == best.score and off < best_off):
                best, best_off = Link(str(self.frame.at[i, "id"]), score, reasons), off
        return best


def _parts(city: object) -> list[str]:
    """The place names in a dataset city, as written: ``"Kikuyo (Kumamoto)"`` -> ``["Kikuyo", "Kumamoto"]``."""
    if not isinstance(city, str):
        return []
    parts = (p.strip() for p in re.split(r"[()/,]| and ", city))
    return [p for p in parts if len(p) >= 4 and p[0].isupper()]


def _city_keys(city: object) -> set[str]:
    """``"Kikuyo (Kumamoto)"`` -> ``{"kikuyo", "kumamoto"}``; ``"Taylor, TX"`` -> ``{"taylor"}``."""
    if not isinstance(city, str) or not city.strip():
        return set()
    head = city.split(",")[0]
    parts = re.split(r"[()/]| and ", head)
    return {p.strip().casefold() for p in parts if len(p.strip()) >= 3}


def _convert(value: float, unit: str, currency: str, date: str | None, rates: dict) -> float | None:
    """``value`` of ``unit`` in ``currency`` at ``date`` (nearest covered day), ``None`` when no rate."""
    if unit == currency:
        return float(value)
    if not date:
        return None
    key = (unit, currency, date)
    if key not in rates:
        from dashboard.errors import SemidashError
        from dashboard.fx import convert

        try:
            rates[key] = convert(1.0, unit, currency, date=date, fallback="nearest").rate
        except (SemidashError, ValueError, KeyError):
            rates[key] = None
    rate = rates[key]
    return None if rate is None else float(value) * rate
