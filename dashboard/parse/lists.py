"""Figures that share their unit with a neighbour in a list.

A numeral read without a unit takes the unit of a figure next to it when the
sentence makes them one list:

* **Coordination**: "40,000 and 25,000 GPUs", "120 existing and 45 planned data
  centers", "Google's 90,000 and Meta's 70,000 GPUs": a bare number joined by
  "and" / "or" / a comma to a counted figure of similar size is counted alike.
* **Carried currency**: "13.7 billion baht, while a rival pledged 4.5 billion
  and a third 4 billion": a number with an English scale word and no currency,
  later in the same sentence as a money figure written with a scale word, is in
  that currency when nothing but punctuation or a small word follows it.
* **Carried counter, backwards**: "각각 5만 장, 네이버에는 6만 장의 GPU": a bare
  count with the counter of a GPU count read later in the same sentence counts
  the same thing.
* **Data centres of a size**: "two 100 MW data centres": the number before a
  power figure that describes data centres counts them.
* **Another of the same**: "1,600 new jobs, plus another 1,400 from suppliers": a
  bare number after "another" / "an additional" takes the unit of the counted
  figure before it in the sentence.
* **Counts by place**: "35 data centers — 18 in Dubai, 16 in Abu Dhabi and one
  in Fujairah": numbers before "in <Place>" after a data-centre count of the
  same sentence, none larger than it, count data centres too.

The words are in ``vocab/words.toml`` (``[lists]``).

>>> from dashboard.parse import extract_figures
>>> [(f.value, f.unit) for f in extract_figures("Sony and Canon ordered 40,000 and 25,000 GPUs.")]
[(40000.0, 'gpu'), (25000.0, 'gpu')]
"""
from __future__ import annotations

import functools
from decimal import Decimal

import regex

from dashboard.parse.before import words_before
from dashboard.parse.counted import sentence_start
from dashboard.parse.after import apply_kind, word_kind
from dashboard.parse.reader import Context, Rec
from dashboard.parse.vocab import load

__all__ = ["link_lists"]

_HUNDRED = Decimal(100)
_MILLION = 10**6


def _counted_units(ctx: Context) -> frozenset[str]:
    c = ctx.canonical
    return frozenset((c["gpu"], c["datacenter"], c["jobs"], c["wafer"], c["wafer_month"], c["wafer_year"]))


def _year_like(rec: Rec, text: str) -> bool:
    word = text[rec.rs : rec.tail]
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100


def _words_before(ctx: Context, rec: Rec) -> None:
    pre = words_before(ctx, rec.rs, False)
    for g in ("ab1", "ab2"):
        if pre.get(g):
            apply_kind(rec, word_kind(ctx.before, pre.get(g)))
            rec.s = min(rec.s, pre.starts[g])


@functools.cache
def _another():
    """ "another" / "an additional" (and an approximation word) right before a numeral."""
    L = load("words")["lists"]
    return regex.compile(r"(?i:(?<![A-Za-z])\L<a>[ ](?:\L<ab>[ ])?)$", regex.VERSION1, a=L["another"], ab=L["another_approx"])


def _same_sentence(ctx: Context, a: int, b: int) -> bool:
    return sentence_start(ctx.text, b, b - a) <= a


def link_lists(ctx: Context, recs: list[Rec]) -> None:
    """Give bare numerals the unit of their list (see the module docstring)."""
    if all(r.kind is not None for r in recs):
        return
    text, p = ctx.text, ctx.p
    counted = _counted_units(ctx)
    # right to left, so that "1,500, 2,000 or 2,500 jobs" passes the unit along the whole list
    for i in range(len(recs) - 2, -1, -1):
        a, b = recs[i], recs[i + 1]
        if a.kind is not None or a.run.absurd or b.kind != "quantity" or b.unit not in counted or b.range_with is not None:
            continue
        if (
            p.list_gap.fullmatch(text[a.tail : b.rs])
            and not _year_like(a, text)
            and a.value * _HUNDRED >= b.value
            and b.value * _HUNDRED >= a.value
        ):
            a.kind, a.unit, a.e = b.kind, b.unit, a.tail
            _words_before(ctx, a)
    # "35 data centers — 18 in Dubai, 16 in Abu Dhabi and one in Fujairah": counts of a list by place
    last_dc: Rec | None = None
    for a in recs:
        if a.kind is not None:
            last_dc = a if a.unit == ctx.canonical["datacenter"] else None
        elif (
            last_dc is not None
            and a.value <= last_dc.value
            and a.rs - last_dc.e <= 200
            and p.list_in_place.match(text, a.tail)
            and _same_sentence(ctx, last_dc.e, a.rs)
        ):
            a.kind, a.unit, a.e = "quantity", last_dc.unit, a.tail
    span = int(load("words")["counter"]["carry_span"])
    last_money: Rec | None = None
    last_count: Rec | None = None
    for i, a in enumerate(recs):
        if a.kind == "money":
            last_money = a
        elif a.kind == "quantity" and a.unit in counted:
            last_count = a
        elif (a.kind is None and last_count is not None and not a.run.absurd and a.rs - last_count.e <= span
              and a.value * _HUNDRED >= last_count.value and _another().search(text, max(0, a.rs - 40), a.rs)
              and _same_sentence(ctx, last_count.e, a.rs)):
            a.kind, a.unit, a.e = "quantity", last_count.unit, a.tail
            _words_before(ctx, a)
            continue
        if a.kind is not None or a.run.absurd or a.restates is not None:
            continue
        b = recs[i + 1] if i + 1 < len(recs) else None
        if b is not None and b.kind == "quantity" and b.unit == ctx.canonical["power"] and text[a.tail : b.s] == " ":
            if a.value <= 100 and not _year_like(a, text) and p.dc_after_power.match(text, b.e):
                a.kind, a.unit, a.e = "quantity", ctx.canonical["datacenter"], a.tail
                continue
        if a.counter is not None and a.counter in ctx.carried and a.value >= 100:
            for k in range(i + 1, len(recs)):
                c = recs[k]
                if c.rs - a.counter_end > span:
                    break
                if c.unit == ctx.canonical["gpu"] and c.counter in (a.counter, None) and _same_sentence(ctx, a.rs, c.rs):
                    if p.counter.match(text, c.tail) is not None and p.counter.match(text, c.tail).group("c") == a.counter:
                        a.kind, a.unit, a.e = "quantity", c.unit, a.counter_end
                    break
            if a.kind is not None:
                continue
        if (
            a.scale is not None
            and a.scale >= _MILLION  # "more than a thousand" is a factor, not money
            and last_money is not None
            and last_money.scale is not None
            and a.rs - last_money.e <= 200
            and _same_sentence(ctx, last_money.e, a.rs)
            and p.carried_money_end.match(text, a.tail)
        ):
            a.kind, a.unit, a.e = "money", last_money.unit, a.tail
            _words_before(ctx, a)
