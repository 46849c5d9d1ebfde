"""The exchange-rate bases as the reader sees them: one row per basis of
:data:`dashboard.fx.BASES` with the label of the control and the phrase of the
summary line.

The basis names themselves belong to the FX layer (``dashboard.fx.BASES``);
this table only words them, and a test checks it words every one.

>>> BASIS_LABELS["annual"], BASIS_PHRASES["annual"]
('Average of the announcement year', 'annual average rates')
"""
from __future__ import annotations

__all__ = ["BASIS_WORDING", "BASIS_LABELS", "BASIS_PHRASES", "basis_options"]

#: basis -> (control label, phrase in the summary line)
BASIS_WORDING: dict[str, tuple[str, str]] = {
    "announcement": ("Rate on the announcement day", "rates of the announcement day"),
    "fixed": ("Fixed date (as of)", "rates of one date"),
    "annual": ("Average of the announcement year", "annual average rates"),
    "latest": ("Latest rate", "latest rates"),
}
BASIS_LABELS: dict[str, str] = {k: v[0] for k, v in BASIS_WORDING.items()}
BASIS_PHRASES: dict[str, str] = {k: v[1] for k, v in BASIS_WORDING.items()}


def basis_options() -> list[dict[str, str]]:
    """Dropdown options ``{"label", "value"}`` for every basis, in :data:`dashboard.fx.BASES` order.

    >>> basis_options()[0]
    {'label': 'Rate on the announcement day', 'value': 'announcement'}
    """
    from dashboard.fx import BASES

    return [{"label": BASIS_LABELS[b], "value": b} for b in BASES]
