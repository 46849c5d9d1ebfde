"""Tests for dashboard.parse.dispatch: the per-character dispatch matches exactly what the whole alternation matches."""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.parse.dispatch import Dispatch, first_chars, variants


def test_variants_add_the_spaceless_form():
    """A word with a space also matches without it."""
    assert variants(["or more", "以上"]) == ["or more", "ormore", "以上"]


def test_first_chars():
    """The characters a pattern can start with."""
    assert first_chars(regex.compile("GW|MW|억"), set("GMW억x")) == frozenset("GM억")


_ALTS = [r"(?P<a>GW|MW)(?![A-Za-z])", r"(?P<b>원|억원)", r"(?P<c>(?i:chips))"]
_D = Dispatch(_ALTS, {}, set("GMW원억chipsCHIPS -x"))
_WHOLE = regex.compile("[ -]?(?:" + "|".join(_ALTS) + ")", regex.VERSION1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["G", "W", "M", "원", "억", "chips", "CHIPS", " ", "-", "x"]), max_size=6).map("".join))
def test_dispatch_equals_the_whole_pattern(text):
    """Same match (span and group) as the full alternation, at every position."""
    for pos in range(len(text) + 1):
        a, b = _D.match(text, pos), _WHOLE.match(text, pos)
        if b is None:
            assert a is None
        else:
            assert (a.span(), a.lastgroup) == (b.span(), b.lastgroup)
