"""Linking: same company or place and a compatible amount (across currencies at the article date) -> the project; else new."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.intake.linking import TOLERANCE, ProjectIndex


@pytest.fixture(scope="module")
def index():
    rows = [
        {"id": "yokohama", "project": "Yokohama packaging lab", "company_ids": "samsung-electronics", "city": "Yokohama",
         "category": "rnd", "amount_value": 4e10, "currency": "JPY", "gpus": None, "power_mw": None, "wafers_per_month": None},
        {"id": "taylor", "project": "Taylor foundry fab", "company_ids": "samsung-electronics", "city": "Taylor, TX",
         "category": "fab", "amount_value": 1.7e10, "currency": "USD", "gpus": None, "power_mw": None, "wafers_per_month": None},
        {"id": "campus", "project": "AI campus", "company_ids": "acme", "city": "Reno, NV", "category": "datacenter",
         "amount_value": None, "currency": None, "gpus": 100000, "power_mw": 1200, "wafers_per_month": None},
    ]
    return ProjectIndex(pd.DataFrame(rows))


def _cand(value, unit, kind="money", companies=("samsung-electronics",), place=None, date="2024-10-15", restatements=()):
    return {"kind": kind, "value": value, "unit": unit, "company_ids": list(companies), "place": place, "category": None,
            "sentence": "", "restatements": list(restatements), "article_date": date}


def test_same_currency_same_company(index):
    assert index.link(_cand(1.7e10, "USD")).matched_id == "taylor"


def test_other_currency_at_the_article_date(index):
    # 23조원 in Oct 2024 is about US$16.9 billion: the Taylor fab restated in won
    link = index.link(_cand(2.3e13, "KRW"))
    assert link.matched_id == "taylor" and link.reasons[0].startswith("amount")
    # the same won amount with no rate for the date (no date): not linkable
    assert index.link(_cand(2.3e13, "KRW", date=None)).matched_id is None


def test_restatement_in_parentheses_counts(index):
    # a figure in a currency far off, restated in the project's own currency
    cand = _cand(3.62e11, "KRW", date=None, restatements=[{"text": "400억엔", "value": 4e10, "unit": "JPY"}])
    assert index.link(cand).matched_id == "yokohama"


def test_beyond_tolerance_or_other_company_is_new(index):
    assert index.link(_cand(1.7e10 * (1 + TOLERANCE + 0.05), "USD")).matched_id is None
    assert index.link(_cand(1.7e10, "USD", companies=("tsmc",))).matched_id is None


def test_place_and_amount_without_company(index):
    assert index.link(_cand(1.7e10, "USD", companies=(), place="Taylor, TX")).matched_id == "taylor"
    assert index.link(_cand(1.7e10, "USD", companies=(), place=None)).matched_id is None


def test_capacity_figures_compare_with_the_capacity_column(index):
    assert index.link(_cand(1200, "MW", kind="quantity", companies=("acme",))).matched_id == "campus"
    assert index.link(_cand(100000, "gpu", kind="quantity", companies=("acme",))).matched_id == "campus"
    assert index.link(_cand(300, "MW", kind="quantity", companies=("acme",))).matched_id is None


def test_frames_without_company_ids_resolve_company_names():
    frame = pd.DataFrame([{"id": "x", "project": "P", "company": "SK hynix", "city": "Cheongju", "category": "fab",
                           "amount_value": 2e13, "currency": "KRW", "gpus": None, "power_mw": None, "wafers_per_month": None}])
    idx = ProjectIndex(frame)
    from dashboard.intake.vocabulary import companies_in

    (sk,) = companies_in("SK hynix")
    assert idx.link(_cand(2e13, "KRW", companies=(sk,))).matched_id == "x"


def test_dataset_places_are_found_as_written(index):
    assert index.place_in("a new AI campus near Reno, the company said") == ("Reno, NV", None)
    assert index.place_in("reno") is None and index.place_in("") is None


def test_place_alone_does_not_link_another_companys_project(index):
    assert index.link(_cand(1.7e10, "USD", companies=("micron",), place="Taylor, TX")).matched_id is None
