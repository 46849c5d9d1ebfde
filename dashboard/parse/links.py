"""Links between figures: ranges, restatements, declared currencies.

* **Ranges.** "200억~300억 달러", "3~4조원", "2,400-2,500 MW", "50至80公頃",
  "€30-50 billion", "$20 to $30 billion", "between $8 million and $12 million":
  both ends become figures with full values (the low end borrows the unit and,
  when written bare, the scale of the other end), bound "lower" / "upper",
  linked both ways by ``range_with``. "from $3.2 billion to $4.1 billion" and
  "9만5000원에서 11만원으로" are a change: two plain figures. An approximation
  word on either end marks both.
* **Restatements.** A figure in parentheses right after another, with only
  filler words around it ("약", "한화", "約", "about", "equivalent to"),
  restates it: "1000억엔(약 9800억원)", "3,440億元（約新台幣1.42兆元）". A bound
  word after the closing parenthesis qualifies both ("80億ドル（約1兆2000億円）超").
* **Declarations.** A bare 元 / $ after "（人民幣，下同）" or "(all figures in
  NT$)" takes the declared currency (see :mod:`dashboard.parse.document`).
"""
from __future__ import annotations

from dashboard.parse.before import words_before
from dashboard.parse.document import declarations, sentence_declarations
from dashboard.parse.after import apply_kind, post_words, word_kind
from dashboard.parse.reader import Context, Rec
from dashboard.parse.vocab import load

__all__ = ["link_ranges", "link_restatements", "apply_declarations"]


def _pair(a: Rec, b: Rec, ia: int) -> None:
    a.bound = a.bound or "lower"
    b.bound = b.bound or "upper"
    a.approx = b.approx = a.approx or b.approx
    a.range_with, b.range_with = ia + 1, ia


def _full_range(ctx: Context, a: Rec, b: Rec, ia: int) -> None:
    """Both ends carry a unit: "$70 billion-$72 billion", "$20 to $30 billion",
    "between $3 billion and $4 billion"."""
    if a.unit != b.unit or a.bound or b.bound or b.restates is not None:
        return
    text, p = ctx.text, ctx.p
    between = text[a.e : b.s]
    if len(between) > 5:
        return
    is_and = between.strip(" ") == "and"
    if not is_and and not p.range_sep_full.match(between):
        return
    lead = text[max(0, a.s - 8) : a.s]
    is_between = p.between.search(lead) is not None
    if is_and:
        if not is_between:
            return
    elif p.change_lead.search(lead) and not is_between:
        return
    if a.prefix_cur and a.scale is None and a.run.plain and b.scale and a.value * b.scale <= b.value:
        a.value *= b.scale  # "$20 to $30 billion": the low end borrows the scale
    if a.value >= b.value:
        return
    _pair(a, b, ia)


def _between_and(ctx: Context, a: Rec, between: str) -> bool:
    """"between 300 and 400 billion dollars": "and" separates a range after "between"."""
    return between.strip(" ") == "and" and ctx.p.between.search(ctx.text, max(0, a.s - 8), a.s) is not None


def link_ranges(ctx: Context, recs: list[Rec]) -> None:
    text, p = ctx.text, ctx.p
    for i in range(len(recs) - 1):
        a, b = recs[i], recs[i + 1]
        if a.kind is not None and b.kind is not None:
            _full_range(ctx, a, b, i)
            continue
        if a.kind is None and b.kind is None or a.run.absurd or b.run.absurd:
            continue
        between = text[a.tail if a.kind is None else a.e : b.s]
        if len(between) > 5 or not (p.range_sep.match(between) or _between_and(ctx, a, between)):
            continue
        if a.kind is None:
            # "200억~300억 달러", "1~2조원", "10-20 billion dollars", "2,400-2,500 MW"
            if a.run.plain and a.scale is None:
                a.value *= b.scale or b.run.top
            a.value *= b.factor
            a.kind, a.unit, a.ambiguous_yuan = b.kind, b.unit, b.ambiguous_yuan
            a.e = a.tail
            # the low end was read without a unit, so its words before were not: "约1.2万至1.5万美元"
            pre = words_before(ctx, a.rs, False)
            for g in ("ab1", "ab2"):
                if pre.get(g):
                    apply_kind(a, word_kind(ctx.before, pre.get(g)))
                    a.s = min(a.s, pre.starts[g])
        else:
            # "$10-20 billion", "€30-50 billion": the high end takes the currency, the low end the scale
            if not a.prefix_cur or b.scale is None and b.run.plain:
                continue
            if a.run.plain and a.scale is None:
                a.value *= b.scale or b.run.top
            b.kind, b.unit = a.kind, a.unit
            b.e = b.tail
            post_words(ctx, b)
        if a.value > b.value:
            a.kind = a.unit = None
            continue
        _pair(a, b, i)


def link_restatements(ctx: Context, recs: list[Rec]) -> None:
    text, p = ctx.text, ctx.p
    n = len(text)
    for i, a in enumerate(recs):
        if a.restates is not None or a.kind is None:
            continue
        if "(" not in text[a.e : a.e + 2]:
            continue
        po = p.paren_open.match(text, a.e)
        if po is None:
            continue
        close = -1
        for j in range(po.end(), min(n, po.end() + 120)):
            ch = text[j]
            if ch == ")":
                close = j
                break
            if ch in "(\n":
                break
        if close < 0:
            continue
        inner = []
        for k in range(i + 1, len(recs)):
            b = recs[k]
            if b.s >= close:
                break
            if b.kind is not None:
                inner.append(k)
        if not inner or any(recs[k].e > close for k in inner):
            continue
        cut, left = po.end(), []
        for k in inner:
            left.append(text[cut : recs[k].s])
            cut = recs[k].e
        left.append(text[cut:close])
        if not all(p.filler.match(piece) for piece in left):
            continue
        linked = []
        for k in inner:
            b = recs[k]
            if b.kind == a.kind and (a.kind == "money" or a.unit == b.unit):
                b.restates = i
                linked.append(b)
        # a word after the parentheses qualifies both: "80億ドル（約1兆2000億円）超"
        po = p.post.match(text, close + 1) if linked else None
        if po is not None and po.group("dae") is None and po.group("geup") is None:
            word = po.group().strip(" ")
            kind = word_kind(ctx.after, word) or ("lower" if word in ("+", "-plus") else "")
            if kind:
                for r in [a, *linked]:
                    apply_kind(r, kind)
        # a 元 amount restated by an explicit 新台幣 one is in yuan
        if a.ambiguous_yuan and a.unit == "TWD":
            if any(r.restates == i and r.unit == "TWD" and not r.ambiguous_yuan for r in recs[i + 1 : i + 4]):
                a.unit = "CNY"




def apply_declarations(ctx: Context, recs: list[Rec]) -> None:
    """A declared currency applies to every later bare 元 (and bare $ for English ones)."""
    text = ctx.text
    decl = declarations(text) if "(" in text else []
    same_below = tuple(load("phrases")["declaration"]["same_below_marks"])
    for r in recs:  # "新台幣100億元（以下同）": the currency of the amount just before
        if r.kind == "money" and not r.ambiguous_yuan and text.startswith(same_below, r.e):
            decl.append((r.e, r.unit))
    if "以" in text:
        for lo, hi, code in sentence_declarations(text):
            for r in recs:
                if r.kind == "money" and r.ambiguous_yuan and lo <= r.s < hi:
                    r.unit, r.ambiguous_yuan = code, False
    if not decl:
        return
    decl.sort()
    for r in recs:
        if r.kind != "money" or not (r.ambiguous_yuan or r.bare_dollar):
            continue
        code = None
        for at, c in decl:
            if at > r.s:
                break
            code = c
        if code:
            r.unit = code
