"""Tests for dashboard.parse.normalize: NFKC + own folds, spans mapped back."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.parse import extract_figures
from dashboard.parse.normalize import normalize


@pytest.mark.parametrize(
    ("src", "out"),
    [
        ("４００億ドル（約６・２兆円）＄５", "400億ドル(約6・2兆円)$5"),
        ("１０㎿", "10MW"),
        ("５㎾", "5kW"),
        ("6611㎡", "6611m2"),
        ("2㎢", "2km2"),
        ("100㌦", "100ドル"),
        ("1,000\u00a0MW", "1,000 MW"),
        ("1\u2009000\u202fMW", "1,000 MW"),  # a thin space between digit groups is a separator
        ("3조∼4조원", "3조~4조원"),
        ("3〜4億円", "3~4億円"),
        ("ｷﾛﾜｯﾄ", "キロワット"),
    ],
)
def test_compatibility_forms_fold(src, out):
    """Full-width, squared units, ㌦, spaces and wave dashes fold to one spelling."""
    assert normalize(src).text == out


@pytest.mark.parametrize("src", ["①2조원", "10²", "m²", "⑴ 3억원", "キロ・ワット", "삼성전자 1조원"])
def test_kept_as_written(src):
    """List markers, superscripts, middle dots and plain text are not changed."""
    assert normalize(src).text == src


def test_span_maps_expanded_characters_back():
    """A span over an expanded character (㎿ -> MW) covers the one original character."""
    n = normalize("약 １０㎿와 ㌦")
    assert n.text == "약 10MW와 ドル"
    s, e = n.span(2, 6)
    assert "약 １０㎿와 ㌦"[s:e] == "１０㎿"
    assert n.span(8, 10) == (7, 8)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("1０㎿㎡㌦㌔ 　\u00a0a億円~〜")), max_size=30))
def test_every_normalised_span_maps_inside_the_original(src):
    """Any span of the normalised text maps to a valid, ordered span of the original."""
    n = normalize(src)
    for i in range(len(n.text) + 1):
        for j in range(i, len(n.text) + 1):
            s, e = n.span(i, j)
            assert 0 <= s <= e <= len(src)


# ---------------------------------------------------------------- moved from test_extract.py
def test_spans_index_the_original_text():
    """start/end index the caller's text, full-width characters included."""
    text = "ソフトバンクは１０００億ドル（約15兆円）を投資"
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.text
    assert extract_figures(text)[0].text == "１０００億ドル"


def test_ellipsis_stays_one_character():
    """"…" and "‥" are kept: NFKC's "..." would glue a period to the next digit."""
    assert normalize("공장…5조").text == "공장…5조"
