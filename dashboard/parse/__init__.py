"""Read amounts of money and counted quantities as news text writes them.

Public API: :func:`parse_amount` (one expression), :func:`parse_reported` (one
reported amount: figure, range or bound, with restatements),
:func:`extract_figures` (a whole article), :class:`Figure`, and
:func:`format_amount` (the reverse: write a value in a notation that
:func:`parse_amount` reads back).

How it reads, module by module (each does one job):

* ``vocab/*.toml`` - the vocabulary as data: currencies, scale words,
  approximation/bound words, counters, unit words -> pint units, context words.
  Add a word there, not in code.
* :mod:`~dashboard.parse.normalize` - NFKC and own folds, once, with an offset map.
* :mod:`~dashboard.parse.numerals` - numeral runs to exact decimals.
* :mod:`~dashboard.parse.patterns` - every pattern, built from the vocabulary
  (:mod:`~dashboard.parse.dispatch`: helpers that keep them fast).
* :mod:`~dashboard.parse.reader` - one numeral and the words around it;
  :mod:`~dashboard.parse.before` the currency and approximation/bound words
  before it (dictionary look-ups); :mod:`~dashboard.parse.counted` GPUs and
  wafers named elsewhere in the sentence; :mod:`~dashboard.parse.implied` headline
  money without a currency word.
* :mod:`~dashboard.parse.filters` - exchange-rate quotes and index levels.
* :mod:`~dashboard.parse.links` and :mod:`~dashboard.parse.document` - ranges,
  restatements, declared currencies, TW/HK context.
* :mod:`~dashboard.parse.api` - the public functions and strict mode.

A numeral with no unit is never a figure: years, dates, percentages, nodes,
model names and ordinals carry none of the units above.

>>> from dashboard.parse import parse_amount
>>> parse_amount("2조5000억원").value
2500000000000.0
"""
from __future__ import annotations

from dashboard.parse.api import Reported, extract_figures, parse_amount, parse_reported
from dashboard.parse.figure import Figure

__all__ = ["Figure", "Reported", "extract_figures", "parse_amount", "parse_reported", "format_amount", "NOTATIONS"]


def __getattr__(name: str):
    if name in ("format_amount", "NOTATIONS"):
        from dashboard.parse import notation

        return getattr(notation, name)
    raise AttributeError(f"module 'dashboard.parse' has no attribute {name!r}")
