"""Read one numeral and the words around it into a record (:class:`Rec`).

For each numeral run the reader looks, in this order, at: a scale word right
after it ("bn", "crore"), an approximate infix (10조**여**원), the unit after it
(currency word, power, area, wafers, GPUs, jobs, data centres, people), the
words before it (a currency sign, approximation/bound words, read right to
left), a counter with a noun before it ("GPU 26만 장", "월 10만 장", "雇用2000人",
"데이터센터 3곳"), a counter carried from a recent count, headline-style money
without a currency word ("영업익 6.5조"), and last the words after the unit
(가량, 以上, or more). The vocabulary is in ``vocab/*.toml``; the patterns in
:mod:`dashboard.parse.patterns`.

A record without a unit is kept (``kind is None``): ranges complete it from
the other end ("200억~300억 달러").
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

import regex

from dashboard.parse import patterns
from dashboard.parse.after import apply_kind, no_count, post_words, word_kind
from dashboard.parse.before import words_before
from dashboard.parse.counted import bare_count, by_sentence, dc_in_sentence, persons_are_jobs, wafer_period
from dashboard.parse.document import destination_of
from dashboard.parse.implied import implied_currency as _implied_currency
from dashboard.parse.currencies import YEN_SIGN, YUAN, prefixes, resolve, suffixes, text_says_yuan
from dashboard.parse.numerals import Run, read_run
from dashboard.parse.vocab import load, unit_factor

__all__ = ["Rec", "Context", "read", "worth_reading", "word_kind", "apply_kind"]

_ONE = Decimal(1)


@dataclass(slots=True)
class Rec:
    """A numeral being read; ``unit`` is None while no unit was found."""

    s: int  # span start (words before included)
    e: int  # span end (words after included)
    rs: int  # numeral run start
    tail: int  # end of numeral + scale (+ infix), for ranges
    run: Run
    value: Decimal
    scale: int | None
    kind: str | None = None  # "money" | "quantity" | None (incomplete)
    unit: str | None = None  # ISO code or canonical unit
    ambiguous_yuan: bool = False
    bare_dollar: bool = False  # written with "$" alone (a declaration may change it)
    prefix_cur: bool = False
    approx: bool = False
    bound: str | None = None
    factor: Decimal = _ONE  # unit factor applied (GW -> MW), for ranges
    restates: int | None = None  # index of the restated record
    range_with: int | None = None  # index of the other end of a range
    counter: str | None = None  # the counter word after the numeral ("장", "個"), if any
    counter_end: int = 0


@functools.cache
def _static() -> dict:
    """The vocabulary tables the reader looks words up in (built once)."""
    w = load("words")
    u = load("units")
    return {
        "canonical": u["canonical"],
        "carried": frozenset(w["counter"]["carried"]),
        "carry_span": int(w["counter"]["carry_span"]),
        "carry_han_ok": tuple(load("phrases")["carry"]["han_ok"]),
        "people": frozenset(w["counter"]["people"]),
        "not_jobs": tuple(w["jobs"]["not_after"]),
        "area_adjectives": frozenset(load("phrases")["area"]["english_adjectives"]),
        "big": {k: int(v) for k, v in w["numeral"]["big"].items()},
        "wafer_counters": frozenset(w["counter"]["wafer"]),
        "jobs_counters": frozenset(w["counter"]["jobs"]),
        "dc_counters": frozenset(w["datacenter"]["counters"]),
        "per_unit": tuple(w["filter"]["per_unit"]),
        "one_dc_topic_after": tuple(w["filter"]["one_dc_topic_after"]),
        "gpu_not_after": tuple(w["filter"]["gpu_not_after"]),
        "class_after": tuple(w["filter"]["class_after"]),
        "ordinal_before": frozenset(load("phrases")["guards"]["ordinal_before"]),
        "before": w["before"],
        "after": w["after"],
        "scale_words": {k: int(v) for k, v in w["scale"]["word"].items()},
        "scale_letters": {k: int(v) for k, v in w["scale"]["letter"].items()},
        "power": {**u["power"]["symbol"], **u["power"]["word"]},
        "area": {**u["area"]["symbol"], **u["area"]["word"]},
        "prefixes": prefixes(),
        "suffixes": suffixes(),
    }


class Context:
    """What the reader knows about the whole text."""

    def __init__(self, text: str, locale: str | None, region: str | None = None) -> None:
        self.text = text
        self.locale = locale
        self.region = region  # currency of a bare 元 by the article's context
        self.declared: list[tuple[int, str]] = []  # (position, code) of declarations
        self._yuan: bool | None = None
        self._kana: bool | None = None
        #: counter word -> (unit, end) of the last count read with it ("GPU 26만 장")
        self.counters: dict[str, tuple[str, int]] = {}
        self.last_dc = -(10**9)  # end of the last data-centre count ("35 data centers — 18 in Dubai, …")
        self.p = patterns.get()
        self.__dict__.update(_static())

    @property
    def kana(self) -> bool:
        """Whether the text is Japanese (has kana)."""
        if self._kana is None:
            self._kana = _KANA.search(self.text) is not None
        return self._kana

    @property
    def yuan_text(self) -> bool:
        if self._yuan is None:
            self._yuan = text_says_yuan(self.text)
        return self._yuan

    def yuan(self, pos: int) -> str | None:
        """The currency a declaration before ``pos`` gives a bare 元, if any."""
        code = None
        for at, c in self.declared:
            if at > pos:
                break
            code = c
        return code

    def resolve(self, code: str, pos: int) -> str:
        if code == YUAN:
            declared = self.yuan(pos)
            if declared:
                return declared
            if self.locale is None:  # the place the money goes to, before the article's region
                place = destination_of(self.text, pos)
                if place is not None:
                    return place
            return resolve(code, locale=self.locale, region=self.region)
        return resolve(code, locale=self.locale, yuan_text=code == YEN_SIGN and self.yuan_text)

    def factor(self, expr: str, kind: str) -> Decimal:
        return Decimal(repr(unit_factor(expr, self.canonical[kind])))


def _unit(p, text: str, pos: int):
    """The unit pattern at ``pos``, skipped when no unit can start there (the common case)."""
    c = text[pos : pos + 1]
    if c in p.unit_first and (c not in " -" or text[pos + 1 : pos + 2] in p.unit_first):
        if c == " " and "a" <= text[pos + 1 : pos + 2] <= "z":
            # a lower-case English word: only a unit word, or a word allowed before one, can start a unit
            w = _WORD.match(text, pos + 1)
            if w is not None and w.group().lower() not in p.en_unit_words and text[w.end() : w.end() + 1] not in "-0123456789":
                return None
        return p.unit.match(text, pos)
    return None


_WORD = regex.compile(r"[a-z][A-Za-z]{0,29}+")
_CODE = regex.compile(r"[A-Za-z0-9]{1,4}+(?=\p{Han})")
_LAKH = regex.compile(r"(?<![0-9])[0-9]{1,2},[0-9]{2},")  # Indian lakh grouping ("1,25,000")


def worth_reading(ctx: Context, m) -> bool:
    """False when nothing around the numeral matched by ``m`` can make it a figure
    or a range end (most years, dates, percentages): a cheap test before :func:`read`."""
    text, p = ctx.text, ctx.p
    rs, end = m.span()
    c = text[end : end + 1]
    if c in p.follow_first:
        return True
    if c == " ":
        c2 = text[end + 1 : end + 2]
        if "a" <= c2 <= "z":  # a lower-case English word must be able to begin a unit, scale or range
            w = _WORD.match(text, end + 1)
            if w.group().lower() in p.follow_words or text[w.end() : w.end() + 1] in ("-", "."):
                return True
        elif c2 in p.follow_first:
            return True
    if c == " " and end - ctx.last_dc < 200 and p.list_in_place.match(text, end):
        return True
    b = text[rs - 1 : rs]
    if b == " ":
        b = text[rs - 2 : rs - 1]
    if b and (b in p.cur_last or b in p.prefix_last):
        return True
    return not p.big_chars.isdisjoint(m.group())  # "20조 투자" (implied currency), "1~2조원"


def _skip_particle(text: str, pos: int) -> int:
    """``pos`` after one space and one particle of "300명을 대상으로", "300万人を対象に"."""
    if text[pos : pos + 1] == " ":
        pos += 1
    return pos


def _next(text: str, pos: int) -> str:
    """The character at ``pos``, or after one space there ("" at the end)."""
    c = text[pos : pos + 1]
    return text[pos + 1 : pos + 2] if c == " " else c


def read(ctx: Context, m, run: Run | None = None) -> Rec:
    """Read the numeral matched by ``m`` (a match of the ``run`` pattern, or of
    ``number_words`` with its ``run`` given: "a billion dollars", "two trillion won")."""
    text, p = ctx.text, ctx.p
    rs, pos = m.span()
    if run is None:
        run = read_run(m.group())
    scale = None
    letter = None
    sm = p.scale.match(text, pos) if text[pos : pos + 1] in p.scale_first else None
    scale_plus = sm is not None and sm.group("plus") is not None  # "$10+ billion"
    if sm:
        if sm.group("w"):
            scale = ctx.scale_words.get(" ".join(sm.group("w").lower().split()))
            if scale is None:
                key = sm.group("w").lower().replace(" ", "")
                scale = ctx.scale_words.get(key) or (10**12 if key.startswith(("lakhcrore", "laccrore")) else None)
        else:
            letter = sm.group("l")
            scale = ctx.scale_letters.get(letter)
        if scale is not None:
            pos = sm.end()
    value = run.value * (scale or 1)
    tail = pos
    um = _unit(p, text, pos)
    infix = plus = False
    cpos = pos
    if um is not None and text[pos : pos + 1] == "-":  # "8,000-Plus GPUs" read as a name before the noun
        im = p.infix.match(text, pos)
        plus = im is not None and im.group("l") is not None
    if um is None and _next(text, pos) in p.infix_first:
        im = p.infix.match(text, pos)
        if im:
            um = _unit(p, text, im.end())
            if um is not None:
                infix = im.group("a") is not None
                plus = not infix
                tail = im.end()
                if im.group("big"):
                    value *= ctx.big[im.group("big")]
            elif im.group("a") is not None and not im.group("big"):
                cpos = im.end()  # "일자리 2만여 개": an approximate count before its counter
    rec = Rec(s=rs, e=tail, rs=rs, tail=tail, run=run, value=value, scale=scale)
    if run.absurd:
        return rec  # dropped alone: no unit is read for it
    if rs and text[rs - 1] in ctx.ordinal_before:  # "第二座", "제2공장": an ordinal
        return rec
    rec.approx = infix
    if plus or scale_plus and scale is not None:
        rec.bound = "lower"
    group = um.lastgroup if um is not None else None

    # look before the numeral only when it can matter
    pm = None
    before = rs - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    need_pre = um is not None or (before >= 0 and text[before] in p.cur_last)
    counter = None
    if um is None and _next(text, cpos) in p.counter_first:
        counter = p.counter.match(text, cpos)
        if counter is not None and cpos != pos and "\u4e00" <= text[counter.end() : counter.end() + 1] <= "\u9fff":
            counter = None  # "2700多个行业伙伴": the counter counts the noun after it
        need_pre = need_pre or counter is not None
        if counter is not None:
            rec.counter, rec.counter_end = counter.group("c"), counter.end()
            if cpos != pos:
                rec.approx, rec.tail = True, cpos
    if need_pre:
        pm = words_before(ctx, rs, (um is None and counter is not None) or group in ("wafer", "persons"))
    cur = pm.get("cur") if pm is not None else None

    if cur:
        rec.kind = "money"
        rec.prefix_cur = True
        code = ctx.prefixes.get(cur) or ctx.prefixes.get(cur.replace(" ", ""), "USD")
        rec.ambiguous_yuan = code == YUAN
        rec.bare_dollar = cur == "$"
        rec.unit = ctx.resolve(code, rs)
        if group in ("money", "money_en"):
            rec.e = um.end()
        else:
            rec.e = max(tail if not infix else (m.end() if scale is None else tail), m.end())
            if infix:  # "$10余" is not a thing
                rec.approx = False
    elif group in ("money", "money_en"):
        code = word_kind(ctx.suffixes, um.group(group))
        if not code:
            return rec
        rec.kind = "money"
        rec.ambiguous_yuan = code == YUAN
        rec.unit = ctx.resolve(code, rs)
        rec.e = um.end()
    elif group == "dc_campus":
        if value >= 2 and dc_in_sentence(text, rs, um.end()):
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["datacenter"], um.end()
    elif group is not None and group != "persons":
        rec.kind = "quantity"
        word = um.group(group)
        if group == "power":
            expr = ctx.power.get(word.strip(" -")) or word_kind(ctx.power, word.strip(" -")) or word_kind(ctx.power, word.strip(" -").rstrip("s"))
            rec.factor = ctx.factor(expr, "power")
            rec.unit, rec.value = ctx.canonical["power"], rec.value * rec.factor
        elif group == "area":
            key = " ".join(word.strip(" -").replace("-", " ").split())
            head, _, rest = key.partition(" ")
            if rest and head.lower() in ctx.area_adjectives:  # "1,400 adjacent acres"
                key = rest
            expr = (ctx.area.get(key) or word_kind(ctx.area, key) or word_kind(ctx.area, key.rstrip("."))
                    or word_kind(ctx.area, key + "s") or word_kind(ctx.area, key.replace(".", "")))
            if not expr or p.output_before.search(text, max(0, rec.s - 10), rec.s):  # "年产100万平方米": output
                rec.kind = None
                return rec
            rec.factor = ctx.factor(expr, "area")
            rec.unit, rec.value = ctx.canonical["area"], rec.value * rec.factor
        elif group == "wafer":
            per = pm is not None and (pm.get("q_month") and "wafer_month" or pm.get("q_year") and "wafer_year")
            per = per or wafer_period(text, rs)
            rec.unit = ctx.canonical[per or "wafer"]
        elif group in ("wafer_month", "wafer_year", "gpu", "jobs", "datacenter"):
            rec.unit = ctx.canonical[group]
            if "以上" in word or "이상" in word:  # "50以上のデータセンター", "1000개 이상의 일자리"
                rec.bound = "lower"
            if group == "wafer_month" and word.strip().lower() == "kwpm":
                rec.value *= 1000
        rec.e = um.end()
    elif group == "persons":
        if persons_are_jobs(ctx, rs, um.end(), value) and not text.startswith(ctx.not_jobs, _skip_particle(text, um.end())):
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["jobs"], um.end()
    if rec.kind is None and pm is not None and (counter is not None or group == "persons"):
        c = counter.group("c") if counter is not None else um.group("persons")
        end = counter.end() if counter is not None else um.end()
        if pm.get("q_gpu") and c not in ctx.people:
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["gpu"], end
        elif (pm.get("q_month") or pm.get("q_year")) and c in ctx.wafer_counters:
            unit = "wafer_month" if pm.get("q_month") and (not pm.get("q_year") or pm.starts["q_month"] > pm.starts["q_year"]) else "wafer_year"
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical[unit], end
            wm = ctx.p.wafer_after.match(text, end)
            if wm:
                rec.e = wm.end()
        elif pm.get("q_dc") and c in ctx.dc_counters:
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["datacenter"], end
        elif pm.get("q_jobs") and c in ctx.jobs_counters and value >= 10 and not text.startswith(ctx.not_jobs, end):
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["jobs"], end
    if rec.kind is None and counter is not None and um is None:
        # a bare count with the counter word of a recent GPU / wafer count counts the same thing
        c = counter.group("c")
        prev = ctx.counters.get(c)
        gpu = ctx.counters.get("gpu")
        if prev is None and c in ctx.carried and gpu is not None:
            prev = gpu  # "GPU 2만 개를 … 네이버는 6만장": another counter of accelerators
        after = counter.end()
        code = _CODE.match(text, after)  # "1栋B2办公楼": a building code before the noun
        after = code.end() if code is not None else after
        nxt = text[after : after + 1]
        if (prev is not None and prev[0] == ctx.canonical["datacenter"] and "\u4e00" <= nxt <= "\u9fff"
                and not text.startswith(ctx.carry_han_ok, after)):
            prev = None  # "2棟數據中心、1棟綜合樓": the building counter counts another noun
        if prev is not None and rs - prev[1] <= ctx.carry_span and (value >= 100 or prev[0] == ctx.canonical["datacenter"]):
            rec.kind, rec.unit, rec.e = "quantity", prev[0], counter.end()
    if rec.kind is None and counter is not None and um is None and counter.group("c") not in ctx.people:
        by_sentence(ctx, rec, counter, value)
    if rec.kind is None and um is None and counter is None and bare_count(ctx, rec, m.end(), value):
        pm = words_before(ctx, rs, False)  # "規劃月產能為 30 萬", "a workforce of 900"
    if rec.kind is None and um is None and counter is None:
        _implied_currency(ctx, m, rec)
        if rec.kind is not None:
            pm = words_before(ctx, rs, False)  # "약 695조", "최대 50조": the words before count too
    if rec.kind is None:
        if infix:
            rec.approx = False
        return rec
    if _LAKH.search(m.group()) and not (rec.unit == "INR" or sm is not None and sm.group("w") and sm.group("w").lower().startswith(("crore", "lakh", "lac"))):
        rec.kind, rec.unit = None, None  # "1,25,000" is lakh grouping only in rupees (or before crore/lakh)
        return rec
    if letter is not None and not rec.prefix_cur and not (letter in "kKmM" and rec.unit in ("gpu", "employee", "wafer / month")):
        rec.kind, rec.unit = None, None  # "5m" (metres?), "3b": single letters need a currency sign
        return rec
    if rec.unit == ctx.canonical["datacenter"]:
        ctx.last_dc = rec.e
    if rec.unit in (ctx.canonical["gpu"], ctx.canonical["wafer_month"], ctx.canonical["wafer_year"], ctx.canonical["datacenter"]):
        cm = p.counter.match(text, rec.tail)
        if cm is not None and cm.group("c") in ctx.carried:
            ctx.counters[cm.group("c")] = (rec.unit, rec.e)
        if rec.unit == ctx.canonical["gpu"] and cm is not None and cm.group("c") in ctx.carried:
            ctx.counters["gpu"] = (rec.unit, rec.e)
    if no_count(ctx, rec):
        rec.kind = rec.unit = None
        return rec
    # words before
    if pm is not None:
        starts = [pm.starts[g] for g in ("q_gpu", "q_month", "q_year", "q_jobs", "q_dc", "ab1", "ab2", "cur") if g in pm.starts]
        if starts:
            rec.s = min(starts)
        for g in ("ab1", "ab2"):
            if pm.get(g):
                apply_kind(rec, word_kind(ctx.before, pm.get(g)))
    post_words(ctx, rec)
    return rec


_KANA = regex.compile(r"[\u3040-\u30ff]")
