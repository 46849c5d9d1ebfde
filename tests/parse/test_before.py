"""Tests for dashboard.parse.before: currency and approximation/bound words read before a numeral."""
from __future__ import annotations

from dashboard.parse import extract_figures


def test_korean_yak_inside_a_word_is_not_approx():
    """약 at the end of 계약 (contract) is not the approximation word."""
    (fig,) = extract_figures("계약 1조원")
    assert fig.approx is False and fig.text == "1조원"
