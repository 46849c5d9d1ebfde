"""An article's figures as candidate records for the review queue.

Each figure that is not itself a restatement becomes a candidate with its
sentence, the article's URL, date and language, the companies named (in the
sentence, else in the title, else anywhere in the article), the place, a
guessed category, the restatements in parentheses that belong to it (with the
audit of the conversion they report), and its link to a known project
(:mod:`~dashboard.intake.linking`). Money figures count only in a sentence that
speaks of investing, building, subsidising or buying (revenue and profit
figures are left out); GPUs, MW and wafers per month count anywhere.

The ``fingerprint`` says when two articles report the same figure: the same
companies (else the same place), kind, unit and value to three significant
digits.

>>> from dashboard.intake.news import NewsArticle
>>> art = NewsArticle("http://127.0.0.1/a", "t", "삼성전자가 요코하마에 400억엔(약 3,620억원)을 투자한다.",
...                   "2023-12-21", "page", "ko", "utf-8")
>>> [(c["text"], c["company_ids"][:1], c["place"], [r["text"] for r in c["restatements"]])
...  for c in article_candidates(art)]
[('400억엔', ['samsung-electronics'], 'Yokohama', ['약 3,620억원'])]
"""
from __future__ import annotations

import re
from typing import Any

from dashboard.intake.news import NewsArticle, parser_locale
from dashboard.intake.vocabulary import categories_in, companies_in, has_investment_cue, places_in

__all__ = ["article_candidates", "sentence_span", "fingerprint"]

_CAPACITY_UNITS = ("gpu", "MW", "wafer / month")
_END = re.compile(r"[。！？!?\n]|(?<=[^\d\s.])\.(?=\s|$)|(?<=\d)\.(?=\s+[^\d\s])")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``text[start:end]``.

    Sentences end at ``。！？!?``, a line break, or a full stop that does not
    belong to a number or a date (``2025. 4. 2.``).

    >>> t = "첫 문장이다. 2025. 4. 2. 삼성전자가 30조원을 투자한다. 끝."
    >>> s, e = sentence_span(t, t.index("30조원"), t.index("30조원") + 5); t[s:e]
    '삼성전자가 30조원을 투자한다.'
    """
    s = 0
    for m in _END.finditer(text, 0, start):
        s = m.end()
    m = _END.search(text, end)
    e = m.end() if m else len(text)
    while s < e and text[s].isspace():
        s += 1
    return s, e


def fingerprint(cand: dict[str, Any]) -> str:
    """What makes two reports one figure: companies (else place), kind, unit, value to 3 significant digits.

    >>> fingerprint({"company_ids": ["tsmc"], "place": None, "kind": "money", "unit": "USD", "value": 1.65e11})
    'tsmc|money|USD|1.65e+11'
    """
    who = ";".join(sorted(cand.get("company_ids") or [])) or f"@{cand.get('place') or ''}"
    return f"{who}|{cand['kind']}|{cand['unit']}|{float(cand['value']):.3g}"


def _guess_country(companies: list[str], place: tuple[str, str] | None, language: str) -> str | None:
    from dashboard.intake.vocabulary import company_country

    if place:
        return place[1]
    for c in companies:
        country = company_country(c)
        if country:
            return country
    return {"ko": "KR", "ja": "JP", "zh": "CN"}.get(language)


def article_candidates(article: NewsArticle, *, index=None, rates: dict | None = None) -> list[dict[str, Any]]:
    """The candidates of one article, as plain JSON-safe dicts (see the module docstring).

    ``index`` is a :class:`~dashboard.intake.linking.ProjectIndex` to link
    against (``None``: no linking, ``matched_id`` stays ``None``); ``rates``
    a dict reused across articles to cache exchange rates.
    """
    from dashboard.intake.figures import audit_rows, extract_figures_for

    text = article.text
    figures = extract_figures_for(text, locale=parser_locale(text, article.language))
    if not figures:
        return []
    audit, _note = audit_rows(figures, article.date)
    title_companies = companies_in(article.title)
    article_companies: list[str] | None = None
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, f in enumerate(figures):
        if f.restates is not None:
            continue  # a restatement in parentheses belongs to the figure it restates
        if f.kind == "quantity" and f.unit not in _CAPACITY_UNITS:
            continue
        s, e = sentence_span(text, f.start, f.end)
        sentence = text[s:e]
        if f.kind == "money" and not has_investment_cue(sentence):
            continue
        companies = companies_in(sentence) or title_companies
        if not companies:
            if article_companies is None:
                article_companies = companies_in(text)
            companies = article_companies
        places = places_in(sentence) or places_in(article.title) or places_in(text)
        place = places[0] if places else None
        if place is None and index is not None:  # the dataset's own cities, in English or their CJK names
            place = index.place_in(sentence) or index.place_in(article.title)
        if place is None:  # a large city of the offline gazetteer
            from dashboard.gazetteer import places_in as gazetteer_places

            found = gazetteer_places(sentence) or gazetteer_places(article.title)
            place = (found[0].name, found[0].country) if found else None
        cats = categories_in(sentence) or categories_in(article.title) or categories_in(text)
        restatements = []
        for j, r in enumerate(figures):
            if r.restates is None or (r.restates.start, r.restates.end) != (f.start, f.end):
                continue
            entry = {"text": r.text, "kind": r.kind, "value": r.value, "unit": r.unit}
            if j in audit:
                a = audit[j]
                entry["audit"] = {k: (float(a[k]) if k in ("implied_rate", "reference_rate", "deviation") else a[k])
                                  for k in ("implied_rate", "reference_rate", "rate_date", "deviation", "flagged", "matches")}
            restatements.append(entry)
        cand: dict[str, Any] = {
            "kind": f.kind, "value": f.value, "unit": f.unit, "text": f.text,
            "approx": bool(f.approx), "bound": f.bound,
            "sentence": sentence, "start": f.start - s, "end": f.end - s,
            "article_url": article.url, "article_date": article.date, "title": article.title,
            "language": article.language,
            "company_ids": companies, "place": place[0] if place else None,
            "country": _guess_country(companies, place, article.language),
            "category": cats[0] if cats else None, "restatements": restatements,
        }
        cand["fingerprint"] = fingerprint(cand)
        # the same amount twice in one article is one figure (the title and the body often
        # give it, naming different companies): keep the body's sentence
        key = f"{f.kind}|{f.unit}|{f.value:.3g}"
        cand["_key"] = key
        in_title = sentence.strip() == article.title.strip()
        if key in seen:
            if not in_title:
                out = [c if c["_key"] != key or not c.pop("_title", False) else cand for c in out]
            continue
        seen.add(key)
        if in_title:
            cand["_title"] = True
        out.append(cand)
    for cand in out:
        cand.pop("_title", None)
        cand.pop("_key", None)
        link = index.link(cand, rates=rates) if index is not None else None
        cand["matched_id"] = link.matched_id if link else None
        cand["match_score"] = link.score if link else 0.0
        cand["match_reasons"] = link.reasons if link else []
    return out


_CATEGORY_LABEL = {"fab": "fab", "packaging": "packaging plant", "rnd": "R&D centre", "datacenter": "data centre",
                   "acquisition": "acquisition", "subsidy": "subsidy", "fund": "fund", "equipment": "equipment"}


def candidate_record(cand: dict[str, Any], overrides: dict[str, Any] | None = None) -> dict[str, str]:
    """A user record prefilled from a queued candidate (``overrides`` win; blanks are dropped).

    The project name is made from the company, the place and the category;
    the figure fills ``amount_reported`` (or its capacity column); the article
    gives the date, the source URL and the publisher (its host); the offline
    gazetteer gives the place's latitude and longitude.

    >>> rec = candidate_record({"kind": "money", "value": 4e10, "unit": "JPY", "text": "400억엔",
    ...     "company_ids": ["samsung-electronics"], "place": "Yokohama", "country": "JP", "category": "rnd",
    ...     "article_url": "https://news.example.kr/a/1", "article_date": "2023-12-21"})
    >>> rec["project"], rec["country"], rec["announced"], rec["amount_reported"], rec["source_publisher"]
    ('Samsung Electronics Yokohama R&D centre', 'JP', '2023-12-21', '400억엔', 'news.example.kr')
    >>> rec["lat"], rec["lon"]
    ('35.4333', '139.65')
    """
    from urllib.parse import urlparse

    from dashboard.data.schema import COLUMNS
    from dashboard.intake.figures import figure_rows, record_from_form
    from dashboard.intake.vocabulary import company_label

    companies = [company_label(c) for c in cand.get("company_ids") or []]
    category = cand.get("category") or ""
    name = " ".join(p for p in (companies[0] if companies else "", cand.get("place") or "",
                                _CATEGORY_LABEL.get(category, "investment")) if p)
    values: dict[str, Any] = {
        "project": name, "country": cand.get("country"), "city": cand.get("place"), "category": category,
        "status": "announced", "announced": cand.get("article_date"), "source_url": cand.get("article_url"),
        "source_publisher": urlparse(cand.get("article_url") or "").hostname,
    }
    if cand.get("place"):  # the place's coordinates from the offline gazetteer
        from dashboard.gazetteer import locate

        city = locate(cand["place"], cand.get("country"))
        if city is not None:
            values["lat"], values["lon"] = round(city.lat, 4), round(city.lon, 4)
    if "company_ids" in COLUMNS:
        values["company_ids"] = ";".join(cand.get("company_ids") or [])
    else:
        values["company"] = "; ".join(companies)
    if cand.get("kind") == "money":
        values["amount_reported"] = cand.get("text")
    else:
        from dashboard.parse import parse_amount

        try:
            row = figure_rows([parse_amount(cand["text"])])[0]
            if row["field"]:
                values[row["field"]] = row["field_value"]
        except (ValueError, LookupError):
            pass
    values.update(overrides or {})
    return record_from_form(values)
