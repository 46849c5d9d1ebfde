"""The rate bases, declared once (no heavy imports: the CLI builds its parser from them).

>>> BASES
('announcement', 'fixed', 'annual', 'latest')
>>> BASIS_LABELS["annual"]
'annual average of the record year'
"""
from __future__ import annotations

__all__ = ["BASES", "BASIS_LABELS"]

BASIS_LABELS = {
    "announcement": "rate of the record's own date",
    "fixed": "rate of one as-of date for every record",
    "annual": "annual average of the record year",
    "latest": "last date in the rate data",
}
BASES = tuple(BASIS_LABELS)
