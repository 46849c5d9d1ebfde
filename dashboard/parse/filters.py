"""Drop what reads like a figure but is not one.

* Exchange-rate quotes: "1ドル=150円", "1달러당 1,400원" (two amounts joined by
  =, 당, につき, 兑), and small plain amounts after an exchange-rate word in the
  same sentence ("원·달러 환율은 3.2원 내린 1,392.5원", "the dollar traded at
  151.20 yen") or before "per dollar".
* Index levels written in a currency ("日経平均株価は612円高の3万9457円"), by
  the same rule with index words (日経平均, 平均株価, ダウ平均), and yen written
  with sen ("3万8925円63銭"): a quote, never an investment.

* A size class read as a count: "万卡集群" (a ten-thousand-card cluster) counts
  10,000 cards alone, but is the cluster's class when another GPU count stands in
  its sentence ("万卡集群采用10万片H100芯片": 100,000). The class words are
  ``[numeral] not_after_wan_ka`` in ``vocab/phrases.toml``.
* English years read as counts: "In 2024 AI chips were scarce", "by 2026 the
  latest GPUs": a plain four-digit year (``year_min``..``year_max``, no comma)
  right after a time word (``year_before``: in, by, since, ...) is a date when
  the time word opens its sentence, or when the unit after it opens a clause:
  a finite verb (``year_clause_verbs``) within the next few words, before
  punctuation or a conjunction. Otherwise the unit decides and the number counts
  it ("invested in 2000 GPUs from Nvidia", "grew by 2030 MW last year"): a noun
  right after a year with no verb of its own is the year's object, not a subject.

Only plain amounts below ``quote_max`` with no scale word are dropped; the
context words and limits are in ``vocab/words.toml`` (``[filter]``):
"為替差益で純利益は2,980億円" keeps its figure.
"""
from __future__ import annotations

import bisect
import functools

import regex

from dashboard.parse.reader import Context, Rec
from dashboard.parse.vocab import load

__all__ = ["drop_fx_quotes", "drop_quotes", "drop_english_years", "drop_card_classes"]


@functools.cache
def _year_before():
    flt = load("words")["filter"]
    words = sorted(flt["year_before"], key=len, reverse=True)
    before = regex.compile(r"(?r)(?<![A-Za-z])(?i:\L<w>)[ ]", regex.VERSION1, w=words)
    clause = regex.compile(r"[ ]([A-Za-z][a-z’'\-]{0,20}+)")
    return (before, regex.compile(r"[0-9]{4}+(?![0-9,.])"), int(flt["year_min"]), int(flt["year_max"]),
            clause, frozenset(flt["year_clause_verbs"]), frozenset(flt["year_clause_stops"]), int(flt["year_clause_span"]))


def _opens_clause(text: str, end: int) -> bool:
    """True when a finite verb follows ``end`` within the clause ("… AI chips were scarce")."""
    _, _, _, _, clause, verbs, stops, span = _year_before()
    pos = end
    for _ in range(span):
        w = clause.match(text, pos)
        if w is None:
            return False  # punctuation or the end: the clause ended without a verb
        word = w.group(1).lower()
        if word in verbs:
            return True
        if word in stops:
            return False
        pos = w.end()
    return False


def _opens_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` begins its sentence (the text's start, or after . ! ? : ; or a line break)."""
    head = text[max(0, start - 3) : start].rstrip(" \"'“‘(")
    return not head or head[-1] in ".!?:;\n。"


def drop_english_years(ctx: Context, recs: list[Rec]) -> None:
    """A plain year after a time word ("in 2024", "by 2026") is a date, not a count, when the
    noun after it is the subject of a new clause ("In 2024 AI chips were scarce"); "invested in
    2000 GPUs from Nvidia" counts GPUs.

    >>> from dashboard.parse import extract_figures
    >>> [f.text for f in extract_figures("In 2024 GPUs were scarce; it brought in 2000 GPUs.")]
    ['2000 GPUs']
    """
    before, digits, lo, hi, *_ = _year_before()
    text = ctx.text
    for r in recs:
        if r.kind != "quantity":
            continue
        m = digits.match(text, r.rs)
        if m is None or not lo <= int(m.group()) <= hi or r.rs != r.s:
            continue
        b = before.match(text, max(0, r.rs - 12), r.rs)
        if b is not None and (_opens_sentence(text, b.start()) or _opens_clause(text, r.e)):
            r.kind = r.unit = None


def drop_fx_quotes(ctx: Context, recs: list[Rec]) -> None:
    """Exchange-rate quotes are not figures: "1ドル=150円", "1달러당 1,400원"."""
    text = ctx.text
    prev = None
    for r in recs:
        if r.kind == "money" and prev is not None and prev.kind == "money" and prev.e <= r.s:
            if r.s - prev.e <= 3 and ctx.p.fx_quote.match(text[prev.e : r.s]) and prev.value <= 1:
                prev.kind = r.kind = None
                prev.unit = r.unit = None
        prev = r


def drop_quotes(ctx: Context, recs: list[Rec]) -> None:
    """Drop small plain money amounts that quote an exchange rate or an index level."""
    flt = load("words")["filter"]
    qmax, window_len = flt["quote_max"], flt["quote_window"]
    text, p = ctx.text, ctx.p
    for r in recs:
        if r.kind != "money" or r.scale is not None or r.value >= qmax or r.run.top > 10**4:
            continue
        if p.quote_after.match(text, r.e) or r.unit == "JPY" and p.sen_after.match(text, r.e):  # "3万8925円63銭": a quote
            r.kind = r.unit = None
            continue
        window = text[max(0, r.s - window_len) : r.s]
        if p.quote_first.isdisjoint(window) or not p.quote_ctx.search(window):
            continue
        cut = None
        for cut in p.sentence_end.finditer(window):
            pass
        if cut is not None:
            window = window[cut.end() :]
        if p.quote_ctx.search(window):
            r.kind = r.unit = None


def drop_card_classes(ctx: Context, recs: list[Rec]) -> None:
    """"万卡集群" is a class, not a count, when another GPU count stands in its sentence.

    >>> from dashboard.parse import extract_figures
    >>> [f.value for f in extract_figures("他们建成了万卡集群。")]
    [10000.0]
    >>> [f.value for f in extract_figures("该万卡集群采用3万片H100芯片。")]
    [30000.0]
    """
    gpu = ctx.canonical["gpu"]
    text = ctx.text
    classes = [r for r in recs if r.unit == gpu and text[r.rs : r.rs + 2] in ("万卡", "萬卡")]
    if not classes:
        return
    words = tuple(load("phrases")["numeral"]["not_after_wan_ka"])
    ends = [m.start() for m in ctx.p.sentence_end.finditer(text)]
    ids = {id(r) for r in classes}
    # the sentences (by index of their start) holding a GPU count that is no class: one pass, no pairs
    counted = {bisect.bisect(ends, r.rs) for r in recs if r.unit == gpu and id(r) not in ids}
    for r in classes:
        if text.startswith(words, r.rs + 2) and bisect.bisect(ends, r.rs) in counted:
            r.kind = r.unit = None
