"""Tests of dashboard.query.bases: every rate basis of the FX layer is worded, once."""
from __future__ import annotations

from dashboard.fx import BASES
from dashboard.query.bases import BASIS_LABELS, BASIS_PHRASES, basis_options


def test_every_basis_has_a_label_and_a_phrase():
    """The wording table covers exactly dashboard.fx.BASES."""
    assert set(BASIS_LABELS) == set(BASIS_PHRASES) == set(BASES)


def test_options_follow_the_fx_order():
    """The dropdown lists the bases in dashboard.fx.BASES order with their labels."""
    assert [o["value"] for o in basis_options()] == list(BASES)
    assert basis_options()[2]["label"] == "Average of the announcement year"
