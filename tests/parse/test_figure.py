"""Tests for dashboard.parse.figure: the Figure record and its plain-JSON form."""
from __future__ import annotations

from dashboard.parse import extract_figures


def test_figure_to_dict():
    """to_dict gives plain JSON values and names the restated figure by its text."""
    _, inner = extract_figures("1000억엔(약 9800억원)")
    assert inner.to_dict() == {
        "value": 9.8e11, "unit": "KRW", "kind": "money", "approx": True, "bound": None,
        "text": "약 9800억원", "start": 7, "end": 15, "restates": "1000억엔", "range_with": None,
    }
