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

from dataclasses import dataclass
from decimal import Decimal

import regex

from dashboard.parse import patterns
from dashboard.parse.currencies import YEN_SIGN, YUAN, prefixes, resolve, suffixes, text_says_yuan
from dashboard.parse.numerals import Run, read_run
from dashboard.parse.vocab import load, unit_factor

__all__ = ["Rec", "Context", "read", "word_kind", "apply_kind"]

_ONE = Decimal(1)
_PRE_WINDOW = 32
_Q_WINDOW = 48


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


def word_kind(table: dict[str, str], word: str) -> str:
    """Look a matched word up in a vocabulary table (spaces and case may vary)."""
    key = " ".join(word.split())
    return table.get(key) or table.get(key.lower()) or table.get(key.replace(" ", "")) or table.get(key.replace(" ", "").lower(), "")


def apply_kind(rec: Rec, kind: str) -> None:
    """Set the flags named by a vocabulary value ("approx", "upper", "approx+lower", ...)."""
    if "approx" in kind:
        rec.approx = True
    if "lower" in kind:
        rec.bound = "lower"
    elif "upper" in kind:
        rec.bound = "upper"


class Context:
    """What the reader knows about the whole text."""

    def __init__(self, text: str, locale: str | None, region: str | None = None) -> None:
        self.text = text
        self.locale = locale
        self.region = region  # currency of a bare 元 by the article's context
        self.declared: list[tuple[int, str]] = []  # (position, code) of declarations
        self._yuan: bool | None = None
        #: counter word -> (unit, end) of the last count read with it ("GPU 26만 장")
        self.counters: dict[str, tuple[str, int]] = {}
        self.p = patterns.get()
        w = load("words")
        u = load("units")
        self.canonical = u["canonical"]
        self.carried = frozenset(w["counter"]["carried"])
        self.carry_span = int(w["counter"]["carry_span"])
        self.people = frozenset(w["counter"]["people"])
        self.before = w["before"]
        self.after = w["after"]
        self.scale_words = {k: int(v) for k, v in w["scale"]["word"].items()}
        self.scale_letters = {k: int(v) for k, v in w["scale"]["letter"].items()}
        self.power = {**u["power"]["symbol"], **u["power"]["word"]}
        self.area = {**u["area"]["symbol"], **u["area"]["word"]}
        self.prefixes = prefixes()
        self.suffixes = suffixes()

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
            return resolve(code, locale=self.locale, region=self.region)
        return resolve(code, locale=self.locale, yuan_text=code == YEN_SIGN and self.yuan_text)

    def factor(self, expr: str, kind: str) -> Decimal:
        return Decimal(repr(unit_factor(expr, self.canonical[kind])))


class _Pre:
    """What stands before a numeral: currency, approximation/bound words, counter noun."""

    __slots__ = ("groups", "starts")

    def __init__(self) -> None:
        self.groups: dict[str, str] = {}
        self.starts: dict[str, int] = {}

    def get(self, name: str) -> str | None:
        return self.groups.get(name)


def _prefix(ctx: Context, rs: int, need_q: bool) -> _Pre:
    pre = _Pre()
    text, p = ctx.text, ctx.p
    m = p.prefix.match(text, max(0, rs - _PRE_WINDOW), rs) if rs and text[rs - 1] in p.prefix_last else None
    left = rs
    if m is not None:
        for g in ("cur", "ab2", "ab1"):
            if m.group(g):
                pre.groups[g] = m.group(g)
                pre.starts[g] = left = m.start(g)
    if need_q:
        q = p.q.match(text, max(0, left - _Q_WINDOW), left)
        if q is not None:
            for g in ("q_gpu", "q_month", "q_year", "q_jobs", "q_dc"):
                if q.group(g):
                    pre.groups[g] = q.group(g)
                    pre.starts[g] = q.start(g)
    return pre


def _unit(p, text: str, pos: int):
    """The unit pattern at ``pos``, skipped when no unit can start there (the common case)."""
    c = text[pos : pos + 1]
    if c in p.unit_first and (c not in " -" or text[pos + 1 : pos + 2] in p.unit_first):
        return p.unit.match(text, pos)
    return None


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
    if um is None:
        im = p.infix.match(text, pos)
        if im:
            um = _unit(p, text, im.end())
            if um is not None:
                infix = im.group("i") != "+"
                plus = not infix
                tail = im.end()
                if im.group("big"):
                    value *= {"万": 10**4, "萬": 10**4, "만": 10**4, "亿": 10**8, "億": 10**8, "억": 10**8,
                              "조": 10**12, "兆": 10**12, "万亿": 10**12, "萬億": 10**12}[im.group("big")]
    rec = Rec(s=rs, e=tail, rs=rs, tail=tail, run=run, value=value, scale=scale)
    if run.absurd:
        return rec  # dropped alone: no unit is read for it
    rec.approx = infix
    if plus:
        rec.bound = "lower"
    group = um.lastgroup if um is not None else None

    # look before the numeral only when it can matter
    pm = None
    before = rs - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    need_pre = um is not None or (before >= 0 and text[before] in p.cur_last)
    counter = None
    if um is None:
        counter = p.counter.match(text, pos)
        need_pre = need_pre or counter is not None
    if need_pre:
        pm = _prefix(ctx, rs, (um is None and counter is not None) or group in ("wafer", "persons"))
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
    elif group is not None and group != "persons":
        rec.kind = "quantity"
        word = um.group(group)
        if group == "power":
            expr = ctx.power.get(word.strip(" -")) or word_kind(ctx.power, word.strip(" -")) or word_kind(ctx.power, word.strip(" -").rstrip("s"))
            rec.factor = ctx.factor(expr, "power")
            rec.unit, rec.value = ctx.canonical["power"], rec.value * rec.factor
        elif group == "area":
            key = " ".join(word.strip(" -").replace("-", " ").split())
            expr = ctx.area.get(key) or word_kind(ctx.area, key) or word_kind(ctx.area, key.rstrip(".")) or word_kind(ctx.area, key + "s")
            if not expr:
                low = key.lower().replace(".", "").replace(" ", "")
                expr = {"sqm": "m ** 2", "sqkm": "km ** 2", "sqft": "ft ** 2"}.get(low)
            if not expr:
                rec.kind = None
                return rec
            rec.factor = ctx.factor(expr, "area")
            rec.unit, rec.value = ctx.canonical["area"], rec.value * rec.factor
        elif group == "wafer":
            per = pm is not None and (pm.get("q_month") and "wafer_month" or pm.get("q_year") and "wafer_year")
            rec.unit = ctx.canonical[per or "wafer"]
        elif group in ("wafer_month", "wafer_year", "gpu", "jobs", "datacenter"):
            rec.unit = ctx.canonical[group]
            if group == "wafer_month" and word.strip().lower() == "kwpm":
                rec.value *= 1000
        rec.e = um.end()
    elif group == "persons":
        lo, hi = max(0, rs - 30), min(len(text), um.end() + 30)
        if value >= 10 and p.jobs_ctx.search(text, lo, hi):
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["jobs"], um.end()
    if rec.kind is None and pm is not None and (counter is not None or group == "persons"):
        c = counter.group("c") if counter is not None else um.group("persons")
        end = counter.end() if counter is not None else um.end()
        if pm.get("q_gpu") and c not in ctx.people:
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["gpu"], end
        elif (pm.get("q_month") or pm.get("q_year")) and c in ("장", "枚", "片"):
            unit = "wafer_month" if pm.get("q_month") and (not pm.get("q_year") or pm.starts["q_month"] > pm.starts["q_year"]) else "wafer_year"
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical[unit], end
            wm = _WAFER_AFTER.match(text, end)
            if wm:
                rec.e = wm.end()
        elif pm.get("q_dc") and c in ("개", "기", "동", "곳", "棟", "座", "カ所", "か所", "ヶ所", "箇所", "个", "個", "所"):
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["datacenter"], end
        elif pm.get("q_jobs") and c in ("개", "명", "人", "名", "个", "個") and value >= 10:
            rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["jobs"], end
    if rec.kind is None and counter is not None and um is None:
        # a bare count with the counter word of a recent GPU / wafer count counts the same thing
        c = counter.group("c")
        prev = ctx.counters.get(c)
        gpu = ctx.counters.get("gpu")
        if prev is None and c in ctx.carried and gpu is not None:
            prev = gpu  # "GPU 2만 개를 … 네이버는 6만장": another counter of accelerators
        if prev is not None and rs - prev[1] <= ctx.carry_span and value >= 100:
            rec.kind, rec.unit, rec.e = "quantity", prev[0], counter.end()
    if rec.kind is None and um is None and counter is None:
        _implied_currency(ctx, m, rec)
    if rec.kind is None:
        if infix:
            rec.approx = False
        return rec
    if letter is not None and not rec.prefix_cur and not (letter in "kK" and rec.unit in ("gpu", "employee", "wafer / month")):
        rec.kind, rec.unit = None, None  # "5m" (metres?), "3b": single letters need a currency sign
        return rec
    if rec.unit in (ctx.canonical["gpu"], ctx.canonical["wafer_month"], ctx.canonical["wafer_year"]):
        cm = p.counter.match(text, rec.tail)
        if cm is not None and cm.group("c") in ctx.carried:
            ctx.counters[cm.group("c")] = (rec.unit, rec.e)
        if rec.unit == ctx.canonical["gpu"] and cm is not None and cm.group("c") in ctx.carried:
            ctx.counters["gpu"] = (rec.unit, rec.e)
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


def post_words(ctx: Context, rec: Rec) -> None:
    """Approximation/bound words after the unit: 가량, 以上, or more, 1조원대, 1GW급."""
    text, e = ctx.text, rec.e
    c = text[e : e + 1]
    if not c or c not in ctx.p.post_first or c == " " and text[e + 1 : e + 2] not in ctx.p.post_first:
        return
    po = ctx.p.post.match(text, e)
    if po is None:
        return
    word = po.group().strip(" ")
    if po.group("dae") is not None or word == "대":
        if rec.kind == "money":
            rec.approx = True
            rec.e = po.end()
    elif po.group("geup") is not None:  # "1GW급", "300MW급": a size class
        rec.approx = True
        rec.e = po.end()
    else:
        kind = word_kind(ctx.after, word) or ("lower" if word in ("+", "-plus") else "")
        if kind:
            apply_kind(rec, kind)
            rec.e = po.end()


_WAFER_AFTER = regex.compile(r"[ ]?(?:의[ ]?)?(?:웨이퍼|ウエハー?|ウェハー?|晶圆|晶圓)")


def _implied_currency(ctx: Context, m, rec: Rec) -> None:
    """Headline style without a currency word: "20조 투자" (KRW), "投资500亿" (元)."""
    run = m.group()
    if rec.scale is not None:
        return
    p, text = ctx.p, ctx.text
    ko_run = "억" in run or "조" in run
    if (ko_run or "兆" in run or "億" in run) and p.ko_implied.match(text, m.end()) or (
        ko_run and p.ko_implied_pre.match(text, max(0, m.start() - 12), m.start())
    ):
        rec.kind, rec.unit, rec.e = "money", "KRW", m.end()
    elif ("亿" in run or "億" in run) and p.zh_implied.match(text, max(0, m.start() - 12), m.start()):
        rec.kind, rec.e = "money", m.end()
        rec.ambiguous_yuan = True
        rec.unit = ctx.resolve(YUAN, m.start())
