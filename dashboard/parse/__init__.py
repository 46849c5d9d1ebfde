"""Read amounts of money and counted quantities as news text writes them.

Public API: :func:`parse_amount` (one expression), :func:`extract_figures`
(a whole article), :class:`Figure`, and :func:`format_amount` (the reverse:
write a value in a notation that :func:`parse_amount` reads back).

>>> from dashboard.parse import parse_amount
>>> parse_amount("2조5000억원").value
2500000000000.0
"""
from __future__ import annotations

from dashboard.parse.extract import extract_figures, parse_amount
from dashboard.parse.figure import Figure

__all__ = ["Figure", "extract_figures", "parse_amount", "format_amount", "NOTATIONS"]


def __getattr__(name: str):
    if name in ("format_amount", "NOTATIONS"):
        from dashboard.parse import notation

        return getattr(notation, name)
    raise AttributeError(f"module 'dashboard.parse' has no attribute {name!r}")
