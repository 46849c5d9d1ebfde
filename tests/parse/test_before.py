"""Tests for dashboard.parse.before: currency and approximation/bound words read before a numeral."""
from __future__ import annotations

from dashboard.parse import extract_figures


def test_korean_yak_inside_a_word_is_not_approx():
    """약 at the end of 계약 (contract) is not the approximation word."""
    (fig,) = extract_figures("계약 1조원")
    assert fig.approx is False and fig.text == "1조원"


def test_currency_and_two_words_before():
    """Right to left: a currency code, then up to two approximation/bound words."""
    from dashboard.parse.before import words_before
    from dashboard.parse.reader import Context

    text = "well over about US$5bn"
    pre = words_before(Context(text, None), text.index("5"), False)
    assert (pre.get("cur"), pre.get("ab2"), pre.get("ab1")) == ("US$", "about", "well over")


def test_letter_codes_need_a_word_boundary():
    """"RM" inside "FIRM5" is no ringgit; "~" after a digit is a range, not "about"."""
    from dashboard.parse.before import words_before
    from dashboard.parse.reader import Context

    assert words_before(Context("FIRM5", None), 4, False).get("cur") is None
    assert words_before(Context("3~5", None), 2, False).get("ab2") is None
