"""Drop what reads like a figure but is not one.

* Exchange-rate quotes: "1ドル=150円", "1달러당 1,400원" (two amounts joined by
  =, 당, につき, 兑), and small plain amounts after an exchange-rate word in the
  same sentence ("원·달러 환율은 3.2원 내린 1,392.5원", "the dollar traded at
  151.20 yen") or before "per dollar".
* Index levels written in a currency ("日経平均株価は612円高の3万9457円"), by
  the same rule with index words (日経平均, 平均株価, ダウ平均), and yen written
  with sen ("3万8925円63銭"): a quote, never an investment.

Only plain amounts below ``quote_max`` with no scale word are dropped; the
context words and limits are in ``vocab/words.toml`` (``[filter]``):
"為替差益で純利益は2,980億円" keeps its figure.
"""
from __future__ import annotations

from dashboard.parse.reader import Context, Rec
from dashboard.parse.vocab import load

__all__ = ["drop_fx_quotes", "drop_quotes"]


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
