"""Every pattern of the parser, built from the vocabulary, each on first use.

Patterns use the ``regex`` package: named lists (``\\L<name>``, from
:mod:`dashboard.parse.wordlists`) for word tables, possessive repeats (``++``,
``*+``) and bounded repeats so no input makes them backtrack, and reverse
matching (``(?r)``) to read the words *before* a numeral right to left from the
numeral's start. Nothing is compiled at import, and nothing before it is
needed: :func:`get` returns one :class:`Patterns` whose attributes compile on
first access (a text with no number compiles only ``run``). The unit
alternatives are in :mod:`dashboard.parse.unit_patterns`, the context patterns
(filters, links, implied money, documents) in :mod:`dashboard.parse.text_patterns`.

The groups of the ``unit`` pattern name the kind of what follows a number:
``money`` / ``money_en`` (currency words), ``power``, ``area``, ``wafer_month``,
``wafer_year``, ``wafer``, ``gpu``, ``jobs``, ``datacenter``, ``persons``.

>>> p = get()
>>> p.unit.match(" GW").lastgroup, p.unit.match("억원") is None
('power', True)
"""
from __future__ import annotations

import functools

import regex

from dashboard.parse import text_patterns
from dashboard.parse.dispatch import Dispatch, first_chars, universe_of, variants
from dashboard.parse.unit_patterns import alternatives, unit_lists
from dashboard.parse.vocab import load
from dashboard.parse.wordlists import alt, chars, lists, region_codes, region_weights

__all__ = ["get", "variants", "Patterns"]

_F = regex.VERSION1 | regex.VERBOSE


def _run(p: "Patterns"):
    num, ph = load("words")["numeral"], load("phrases")["numeral"]
    kd = chars(num["kanji_digits"])
    sm = chars(k for k in num["small"] if k != "千")  # 千 separately: not before 瓦 (千瓦 = kW)
    big1 = chars(ph["big_chars"])
    no = alt(ph["not_multiplier_before"])
    BIG = rf"(?:{alt(ph['big_pairs'])}|[{big1}]|兆(?!{no}))"
    SMALL = rf"(?:[{sm}]|千(?!{no}))"
    # ASCII digits (NFKC folded the rest); a decimal comma only before a Portuguese/Spanish scale word
    # Indian lakh grouping ("1,25,000", "12,34,56,789": groups of two before the last three) first;
    # the reader keeps it only for rupees or before crore/lakh (reader.LAKH)
    DIG = rf"(?:[0-9]{{1,2}}+(?:,[0-9]{{2}}(?=,))++,[0-9]{{3}}(?![0-9])|[0-9]{{1,400}}+(?:,[0-9]{{3}}(?![0-9]))*+)(?:[.・][0-9]{{1,400}}+|,[0-9]{{1,2}}(?=[ ]{alt(ph['decimal_comma_before'])}))?+"
    letters = alt(ph["run_after_letters"])
    counters = chars(ph["run_after_letters_counters"])
    digit_start = rf"(?:(?<![A-Za-z0-9_.,])|(?<=(?<![0-9]),)|(?<=(?<![A-Za-z])\L<cur_letters>)|(?<={letters})(?=[0-9,]{{1,12}}+[{counters}]))"
    vague = chars(num["vague_before"])
    # the leading lookahead lets the engine skip to candidate characters (6x faster scanning)
    return regex.compile(
        rf"""
        (?=[0-9{kd}{sm}千만万萬])
        (?:{digit_start}{DIG}
          (?: [ ]?{BIG}                                   # 2조 / 2 조
            | {SMALL}                                     # 3천
            | (?<=[{big1}兆{sm}千])(?:{DIG}|[{kd}]++)      # 2조5000
            | (?<=[{big1}兆])[ ]{DIG}(?=[ ]?(?:{BIG}|{SMALL}))  # 2조 5000억
            | (?<=[만萬万])[ ](?:[0-9],[0-9]{{3}}|[0-9]{{1,4}}+)(?![0-9,.])  # 19만 2124㎡, 2만 5,000명
          ){{0,12}}+
        | (?<![{vague}])(?:[{kd}]{{1,30}}+|{SMALL}(?=[{kd}]|{BIG}|{SMALL}|[點][{kd}]))
          (?:{BIG}|{SMALL}|[{kd}]{{1,30}}+|[點.][{kd}]{{1,12}}+(?=[{kd}]|{BIG})?|{DIG}){{0,16}}+
        | (?<![가-힣0-9])만(?=[0-9])(?:{DIG}|{SMALL}|[{kd}]++){{1,4}}+  # 만7천 (17,000)
        | (?<![0-9{kd}{sm}千万萬])[万萬](?=卡)                        # 万卡 (10,000 cards; filters.drop_card_classes)
        | (?<=[{chars(ph['bare_pair_after'])}]){alt(ph['big_pairs'])}           # 超万亿 (more than a trillion)
        )
        """,
        _F, cur_letters=lists()["cur_letters"],
    )


def _number_words(p: "Patterns"):
    L = lists()
    heads = "".join(sorted({w[0].lower() + w[0].upper() for w in L["number_words"]}))
    return regex.compile(
        rf"(?=[{heads}])(?<![A-Za-z$€£¥₩₹])(?i:\L<number_words>)"
        r"(?=[ -](?i:thousand|million|billion|trillion|gigawatts?|megawatts?|hectares?|acres?|square[ -](?:foot|feet|meters?|metres?))(?![A-Za-z])"
        r"|[ ]in[ ][A-Z]"  # "eight data centres: seven in Virginia and one in Texas"
        r"|(?<!(?<![A-Za-z])(?i:an?))[ ](?:more[ ])?(?i:\L<list_states>)(?![A-Za-z])"  # "… and eight under construction" ("a planned capacity": no count)
        # "two new data centers", "two 100 MW HUMAIN data centres"
        r"|[ ](?:[0-9][0-9,.]{0,8}+[ ]?(?:MW|GW|(?i:megawatts?|gigawatts?))[ ])?(?:[A-Z][A-Za-z0-9\-]{1,15}+[ ]){0,2}+"
        r"(?:(?:(?i:\L<dc_adj>)|[a-z]{1,12}+-[a-z]{1,12}+)[ ]){0,2}"
        r"(?i:data[ -]?cent(?:er|re)(?:s|[ ](?:projects|campuses|sites|facilities))|datacent(?:er|re)s)(?![A-Za-z]))",
        regex.VERSION1, **L, ignore_unused=True,
    )


def _scale(p: "Patterns"):
    letters = sorted(load("words")["scale"]["letter"], key=len, reverse=True)
    return regex.compile(
        # "$10+ billion": a plus sign before the scale word is a lower bound
        # "$10-plus billion": so is "-plus"
        r"(?P<plus>[ ]?\+|(?i:\L<lower_words>)(?=[ -][A-Za-z]))?"
        # a unit symbol may stand glued after a scale word ("1.3millionft2")
        r"(?:[ ]|-)?(?:(?P<w>(?i:\L<scale_words>))(?:(?![A-Za-z0-9²³])|(?=\L<glued>(?![A-Za-z0-9])))"
        r"|(?P<l>\L<letters>)(?![A-Za-z0-9²³]))", _F,
        scale_words=lists()["scale_words"], lower_words=load("words")["infix"]["lower_words"], glued=load("phrases")["numeral"]["glued_after_scale"], letters=letters,
    )


def _infix(p: "Patterns"):
    inf, ph = load("words")["infix"], load("phrases")["numeral"]
    big = alt(ph["big_pairs"] + ph["big_chars"] + ["兆"])
    # an approximation character (a: "2만여 개", "1万余片") or a lower bound (l: "2,000+ workers", "500-plus jobs")
    return regex.compile(
        rf"[ ]?(?:(?P<a>[{regex.escape(inf['approx'])}])|(?P<l>[{regex.escape(inf['lower'])}]|(?i:\L<lower_words>)(?![A-Za-z])))(?P<big>{big})?",
        regex.VERSION1, lower_words=inf["lower_words"],
    )


def _counter(p: "Patterns"):
    # a Latin counter ("units") stands as a word; a CJK one may have a Latin noun after it ("8000片GaN芯片")
    return regex.compile(r"[ ]?(?P<c>\L<counters>)(?:(?<![A-Za-z])|(?![A-Za-z]))", regex.VERSION1 | regex.IGNORECASE, counters=lists()["counters"])


def _q(p: "Patterns"):
    """Counted nouns before a numeral, read right to left: GPU, month/year capacity, jobs, data centres."""
    b = "\\L<b_{}>".format
    ko_month = rf"(?<![0-9])(?:{b('ko_period_words')}[ ]?{b('ko_capacity')}?{b('particles_ko')}?"
    ja_month = rf"|{b('ja_month')}{b('particles_ja')}?|(?<![0-9一二三四五六七八九十])月|{b('zh_month')}{b('zh_copula')}?"
    verbs = rf"(?:[ ]?{b('zh_will')}?{b('zh_verbs')})?"
    return regex.compile(
        r"(?r)(?:(?P<q_gpu>(?<![A-Za-z0-9])(?:[A-Z]{2,3}\d{2,4}|[A-Z]\d{3,4}|\L<gpu_short_model>)[A-Z]?|\L<gpu_letters>|\L<gpu_noun>|\L<gpu_vendor_chip>)"
        rf"|(?P<q_month>{ko_month}{ja_month}|(?i:{b('en_month')})))"
        rf"{verbs}(?:[ ]?{b('zh_from')})?"
        rf"|(?P<q_year>(?<![0-9])(?:{b('ko_year_words')}[ ]?{b('ko_capacity')}?{b('particles_ko')}?|{b('ja_year')}{b('particles_ja')}?"
        rf"|{b('zh_year')}{b('zh_copula')}?|(?i:{b('en_year')})))"
        rf"{verbs}"
        r"|(?P<q_jobs>\L<q_jobs>)"
        r"|(?P<q_dc>\L<dc_noun>))"
        # what may stand between the word and the number: a quote, a quoted model name, a
        # gloss in brackets, a chip noun, "の数", a wafer size and/or noun ("월 웨이퍼 77만장"), words of a capacity phrase
        r"[」』”\"'’]?(?:[ ]?[「『“\"][A-Za-z0-9 .\-]{1,16}+[」』”\"])?(?:[ ]?[(][^()\n]{1,16}+[)])?"
        rf"(?:[ ]?{b('chip_nouns')})?{b('count_words')}?"
        rf"(?:[ ]?(?:\L<wafer_size>[ ]?{b('wafer_nouns')}?|{b('wafer_nouns')})[ ]?{b('wafer_basis')}?)?"
        rf"(?:[ ]?{b('capacity_words')}){{0,3}}+"
        rf"[ ]?{b('particles')}?[ ]?(?:{b('totals')}[ ]?)?",
        regex.VERSION1, **lists(), ignore_unused=True,
    )


def _post(p: "Patterns"):
    return regex.compile(
        r"(?:(?<![ ])-plus|\+|[ ]?(?:(?i:\L<post_en>)(?![A-Za-z])(?!(?<=(?i:plus))[ ](?:(?i:\L<a_plus_not_before>)(?![A-Za-z])|[0-9$€£¥]))|\L<post_cjk>|超(?!\L<a_not_after_chao>)"
        r"|(?P<dae>대)(?![가-힣]|$)|대(?=\L<a_dae_before>|$)|(?P<geup>급)(?!\L<a_not_after_geup>)))",
        regex.VERSION1, **lists(), ignore_unused=True,
    )


@functools.cache
def _universe() -> frozenset[str]:
    return frozenset(universe_of(unit_lists(), "".join(alternatives()), r"-plus+~〜급대超", "kKmMbBcr"))


def _unit(p: "Patterns"):
    return Dispatch(list(alternatives()), unit_lists(), set(_universe()))


def _first(c: str) -> frozenset[str]:
    return frozenset((c, c.upper(), c.lower()))


def _prefix_last(p: "Patterns") -> frozenset[str]:
    L = lists()
    last = {"~", "≈", "約", "约"}
    for name in ("pre_en", "pre_ko", "pre_cjk", "cur_letters", "cur_signs"):
        for w in L[name]:
            last |= _first(w[-1])
    return frozenset(last)


def _follow_first(p: "Patterns") -> frozenset[str]:
    """What may follow a numeral that is (part of) a figure: a scale word, an infix, a unit,
    a counter, or a range separator; after one space or hyphen too."""
    seps = load("words")["range"]["separators"]
    return (p.unit_first | p.scale_first | p.infix_first | p.counter_first | frozenset(w[0] for w in seps)) - {" "}


def _en_unit_words(p: "Patterns") -> frozenset[str]:
    """Lower-case words that may begin a unit after a number and a space (see reader._unit)."""
    L = unit_lists()
    names = ("money_en", "power_en", "area_en", "area_adj", "gpu_en", "gpu_adj", "dc_en", "dc_adj", "job_en", "job_adj", "job_adv",
             "people_en", "dc_campus_en", "counters", "wafer_english", "wafer_english_nouns", "wafer_month_codes", "power_sym")
    words = {w.split(" ")[0].split("-")[0].lower() for name in names for w in L[name] if w[:1].isascii()}
    return frozenset(words | {"sq", "ha", "m", "km", "ft", "u"})


def _follow_words(p: "Patterns") -> frozenset[str]:
    """Lower-case words that may follow a figure's numeral and a space: a unit, a scale word, a range word."""
    words = {w.split(" ")[0].lower() for w in lists()["scale_words"] if w[:1].isalpha()}
    return frozenset(words | {"to", "or", "and", "k", "m", "b", "cr", "plus"}) | p.en_unit_words


_BUILDERS = {
    "run": _run, "number_words": _number_words, "scale": _scale, "infix": _infix, "counter": _counter,
    "q": _q, "post": _post, "unit": _unit, "prefix_last": _prefix_last, "follow_first": _follow_first,
    "en_unit_words": _en_unit_words, "follow_words": _follow_words,
    "unit_first": lambda p: p.unit.first_any,
    "post_first": lambda p: first_chars(p.post, _universe()),
    "scale_first": lambda p: first_chars(p.scale, _universe()),
    "quote_first": lambda p: first_chars(p.quote_ctx, _universe() | set("".join(lists()["quote_ctx"])) | set(p.quote_ctx.pattern)),
    "cur_last": lambda p: frozenset(w[-1] for w in load("money")["prefix"]),
    "counter_first": lambda p: frozenset(c for w in lists()["counters"] for c in _first(w[0])),
    "infix_first": lambda p: frozenset(load("words")["infix"]["approx"] + load("words")["infix"]["lower"]
                                       + "".join(w[0] for w in load("words")["infix"]["lower_words"])),
    "big_chars": lambda p: frozenset("".join(load("phrases")["numeral"]["big_chars"]) + "兆"),
    "region_code": lambda p: region_codes(),
    "region_weight": lambda p: region_weights(),
    "region_codes": lambda p: tuple(sorted(set(region_codes().values()) | {"CNY"})),
}
for _name in text_patterns.__all__:
    _BUILDERS[_name] = (lambda f: lambda p: f())(getattr(text_patterns, _name))


class Patterns:
    """The compiled patterns as attributes, each built on first access and kept."""

    def __getattr__(self, name: str):
        build = _BUILDERS.get(name)
        if build is None:
            raise AttributeError(f"no pattern named {name!r}")
        value = build(self)
        setattr(self, name, value)
        return value

    def build_all(self) -> "Patterns":
        """Build every pattern now (tests and benchmarks use this to check or time them all)."""
        for name in _BUILDERS:
            getattr(self, name)
        return self


@functools.cache
def get() -> Patterns:
    """The one :class:`Patterns` (patterns compile on first access)."""
    return Patterns()
