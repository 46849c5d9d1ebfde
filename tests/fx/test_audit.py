"""Tests for dashboard.fx.audit: implied vs reference rates of restated figures."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from dashboard.fx import audit_conversions
from dashboard.parse import extract_figures

from .conftest import ECB, twd_per_usd

ARTICLE = "소프트뱅크는 400억엔(약 3,620억원)을 일본에 투자한다. 같은 날 TSMC는 NT$1조(약 US$310억)를 쓴다고 했다."


def _month_means(code_from: str, code_to: str) -> dict[str, float]:
    months: dict[str, list[float]] = {}
    for day, row in ECB.items():
        if code_from in row and code_to in row:
            months.setdefault(day[:7], []).append(row[code_to] / row[code_from])
    return {m: float(np.mean(v)) for m, v in months.items()}


def test_audit_reports_implied_reference_and_deviation():
    """400억엔 -> 약 3,620억원 on 2025-04-02 implies 9.05 KRW/JPY vs the ECB cross of that day."""
    df = audit_conversions(ARTICLE, "2025-04-02")
    row = df[df["original_currency"] == "JPY"].iloc[0]
    ref = ECB["2025-04-02"]["KRW"] / ECB["2025-04-02"]["JPY"]
    assert row["implied_rate"] == pytest.approx(9.05)
    assert row["reference_rate"] == pytest.approx(ref, rel=1e-12)
    assert row["deviation"] == pytest.approx(9.05 / ref - 1)
    assert bool(row["flagged"]) is True and row["rate_date"] == dt.date(2025, 4, 2)
    assert (row["original"], row["reported"]) == ("400억엔", "약 3,620억원")


def test_audit_matches_names_the_last_month_with_that_rate():
    """'matches' is the latest month before April 2025 whose average KRW/JPY is within 1% of 9.05."""
    df = audit_conversions(ARTICLE, "2025-04-02")
    means = _month_means("JPY", "KRW")
    want = max(m for m, v in means.items() if m < "2025-04" and abs(v / 9.05 - 1) <= 0.01)
    assert df[df["original_currency"] == "JPY"]["matches"].iloc[0] == want


def test_audit_twd_uses_the_fred_rate():
    """NT$1조 -> 약 US$310억: reference is 1 / TWD-per-USD of 2025-04-02, within 3% so not flagged."""
    df = audit_conversions(ARTICLE, "2025-04-02")
    row = df[df["original_currency"] == "TWD"].iloc[0]
    assert row["reference_rate"] == pytest.approx(1 / twd_per_usd()["2025-04-02"], rel=1e-12)
    assert bool(row["flagged"]) is False


def test_audit_weekend_article_and_tolerance():
    """A Sunday article uses Friday's rate; a 10% tolerance stops the flag."""
    figures = extract_figures("투자액은 400억엔(약 3,620억원)이다.")
    df = audit_conversions(figures, "2025-04-06", tolerance=0.10)
    assert df["rate_date"].tolist() == [dt.date(2025, 4, 4)]
    assert df["flagged"].tolist() == [False]


def test_audit_without_restatements_is_empty():
    """Text with no restated money figure gives an empty frame with the audit columns."""
    df = audit_conversions("삼성은 10조원을 투자한다.", "2025-04-02")
    assert df.empty and "implied_rate" in df.columns


def test_audit_source_names_the_twd_series_of_the_rate_date():
    """An audited TWD restatement cites only the TWD series its reference rate came from."""
    text = "대만 공장에 新台幣300億元(약 1조3000억원)을 투자한다."
    fred = audit_conversions(text, "2024-03-15").iloc[0]["source"]
    cbc = audit_conversions(text, "2025-10-15").iloc[0]["source"]
    assert "DEXTAUS" in fred and "Central Bank" not in fred
    assert "Central Bank" in cbc and "DEXTAUS" not in cbc
