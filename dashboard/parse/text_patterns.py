"""Patterns of the context around figures: filters, links, implied money, documents, lists.

Each function builds one compiled pattern from the named lists of
:mod:`dashboard.parse.wordlists`; :mod:`dashboard.parse.patterns` calls them on
first use only (most texts never need a declaration or a quote pattern).

>>> quote_ctx().search("원·달러 환율은") is not None
True
"""
from __future__ import annotations

import regex

from dashboard.parse.wordlists import alt, lists
from dashboard.parse.vocab import load

__all__ = [
    "quote_ctx", "quote_after", "fx_quote", "sentence_end", "jobs_ctx", "range_sep", "range_sep_full", "between",
    "range_low", "change_lead", "filler", "paren_open", "list_gap", "dc_after_power", "carried_money_end",
    "ko_implied", "ko_implied_pre", "ko_paren", "ja_implied", "zh_implied", "zh_implied_after", "declaration",
    "in_currency", "region", "destination", "zh_month_capacity_bare", "jobs_before_en", "destination_word", "sen_after", "wafer_after", "number_word_heads", "ko_jo", "list_in_place", "output_before",
]

_V1 = regex.VERSION1


def _c(pattern: str, flags: int = _V1):
    return regex.compile(pattern, flags, **lists(), ignore_unused=True)


# ------------------------------------------------------------ filters
def quote_ctx():
    return _c(
        r"\L<quote_ctx>|[兑兌]\L<quote_zh_against>"
        r"|(?i:\L<quote_ctx>|\bthe[ ]\L<quote_en_currencies>\b|\b\L<quote_en_per>\b)"
    )


def quote_after():
    return _c(r"[ ]?(?i:\L<quote_after>)[ ](?i:\L<quote_after_currency>)\b")


def fx_quote():
    return _c(r"[ ]?\L<quote_joiners>[ ]?\Z")


def sen_after():
    return _c(r"[0-9]{1,2}\L<quote_sen_after>")


def wafer_after():
    """The wafer noun after a counted wafer number ("월 10만 장의 웨이퍼")."""
    return _c(r"[ ]?(?:의[ ]?)?\L<b_wafer_nouns>")


def sentence_end():
    return regex.compile(r"[。\n!?！？]|\.[ ]")


def jobs_ctx():
    return _c(r"(?i:\L<jobs_ctx>)")


# ------------------------------------------------------------ links
def range_sep():
    return _c(r"(?:\L<link_range_glued>|[ ]?\L<link_range_spaced>[ ]?)\Z")


def range_sep_full():
    return _c(r"[ ]?\L<link_range_full>[ ]?\Z")


def between():
    seps = load("words")["range"]["between"]
    return regex.compile(rf"(?i:{alt(seps)})[ ]\Z")


def range_low():
    """The low end of a range right before a numeral, bare ("2천-", "4万〜"), read right to left."""
    num = load("phrases")["numeral"]
    big = regex.escape("".join(num["big_chars"]) + "千천百백十")
    return _c(rf"(?r)(?<![0-9,.])[0-9][0-9,.]{{0,12}}[{big}]?[ ]?\L<link_range_low>[ ]?\Z")


def change_lead():
    return _c(r"(?i:\L<link_change_lead>)[ ]\Z|\L<link_change_lead_cjk>[ ]?\Z")


def filler():
    return _c(r"(?:[\s,、;/・:=≈]|\L<link_filler>|(?i:\L<link_filler_en>))*+\Z")


def paren_open():
    return regex.compile(r"[ ]?[(]")


# ------------------------------------------------------------ lists (dashboard.parse.lists)
def list_gap():
    return _c(
        r"(?:[ ](?:(?i:\L<list_adj>)|[a-z]{1,12}+-[a-z]{1,12}+))?(?:,[ ]|,?[ ](?:\L<joiners>)[ ])"
        r"(?:[A-Z][A-Za-z0-9’'.\-]{0,20}+[ ]){0,3}+"
    )


def dc_after_power():
    return _c(r"[ ](?:[A-Z][A-Za-z0-9\-]{1,15}+[ ]){0,2}+(?:(?i:\L<dc_adj>)[ ]){0,2}+(?i:\L<dc_en>)(?![A-Za-z])")


def carried_money_end():
    return _c(r"[ ]?[,.;:)—–]|[ ](?:\L<money_followers>)(?![A-Za-z])|[ ]?\Z")


# ------------------------------------------------------------ money without a currency word
def ko_implied():
    return _c(
        r"[ ]?\L<imp_ko_particles>?[ ]?(?:[가-힣A-Za-z0-9']{1,6}+[ ](?=\L<imp_ko_words_before_after>))?\L<imp_ko_after>"
    )


def ko_implied_pre():
    return _c(r"(?r)\L<imp_ko_before>[ ]?\L<imp_ko_before_particles>?[ ]?")


def ko_paren():
    """"557억 달러(약 74조)": a bare 억/조 restating a money figure in Korean text is won."""
    return _c(r"(?r)\L<imp_ko_paren_currency>[ ]?[(][ ]?\L<imp_ko_paren_approx>?[ ]?")


def ja_implied():
    return _c(r"\L<imp_ja_particles>?\L<imp_ja_after>")


def zh_implied():
    return _c(r"(?r)\L<imp_zh_before>\L<imp_zh_before_suffix>?\L<imp_zh_before_verbs>?[ ]?")


def ko_jo():
    """"약 695조…", "최대 50조,": a bare 조 with nothing Korean after it (a particle at most) is won."""
    return _c(r"[ ]?+\L<imp_ko_jo_particles>?(?![가-힣])")


def list_in_place():
    """"… 35 data centers — 18 in Dubai, 16 in Abu Dhabi", "… and eight under construction": a
    count of a list by place or by state (``[lists] states``)."""
    return _c(r"[ ](?:in[ ][A-Z]|(?:more[ ])?(?i:\L<list_states>)(?![A-Za-z]))")  # "with 8 more on the way"


def output_before():
    """"年产100万平方米IC载板": an output volume before an area word, read right to left."""
    return _c(r"(?r)\L<output_before>(?:能|量)?(?:达|为|達|為|約|约|超过|超過)?[ ]?\Z")


def zh_implied_after():
    return _c(r"(?:的)?\L<imp_zh_after>")


# ------------------------------------------------------------ documents
def declaration():
    return _c(
        r"[(]\s?(?:\L<decl_zh>[ :,]?)?(?P<zh>\L<decl_zh_currencies>)(?:元)?[ ,;、]{0,2}+\L<decl_same_below>[)]"
        r"|[(]\s?\L<decl_zh>[ :,]?(?P<zh2>\L<decl_zh_currencies>)(?:元)?[)]"
        r"|[(](?i:\L<decl_en>)[ ](?P<en>\L<decl_en_currencies>)[ ]?[)]"
    )


def in_currency():
    return _c(r"\L<decl_in_currency_lead>(?P<c>\L<decl_zh_currencies>)\L<decl_in_currency_verbs>")


def number_word_heads():
    """Words a number word may stand before, as a standard-library ``re`` pattern with the case
    variants spelled out and a leading lookahead (3x faster than ``(?i:...)``): only texts with one
    of them are searched for number words."""
    import re

    heads = load("phrases")["guards"]["number_word_heads"]
    forms = sorted({f for w in heads for f in (w, w[0].upper() + w[1:], w.title(), w.upper())}, key=len, reverse=True)
    firsts = "".join(sorted({f[0] for f in forms}))
    return re.compile(f"(?=[{re.escape(firsts)}])(?:" + "|".join(re.escape(f) for f in forms) + ")")


def region():
    """The place and currency markers of :func:`dashboard.parse.document.region_of`, as one
    standard-library ``re`` alternation of literals behind a first-character lookahead (4x faster
    than the ``regex`` named list on news text; literals only, so it cannot backtrack); a
    Latin-letter marker stands as a word ("RM" is not the end of "FORMOSA")."""
    import re

    L = lists()
    cjk = sorted(L["region_cjk"], key=len, reverse=True)
    latin = sorted(L["region_latin"], key=len, reverse=True)
    firsts = re.escape("".join(sorted({w[0] for w in cjk + latin})))
    words = "|".join(map(re.escape, cjk))
    latin_words = "|".join(map(re.escape, latin))
    return re.compile(f"(?=[{firsts}])(?:{words}|(?<![A-Za-z])(?:{latin_words})(?![A-Za-z]))")


def destination():
    """A place the money goes to, read right to left from an amount: a ``[destination] before``
    word ("赴", "在", "落戶") right before a region word or a one-character short name (台, 陸, 港)."""
    dest = load("money")["destination"]
    short = "".join(dest["short"])
    return _c(rf"(?r)(?:{alt(dest['before'])})(?P<place>\L<region_cjk>|[{short}])")


def destination_word():
    """Any ``[destination] before`` word, as a standard-library ``re`` alternation of literals:
    a cheap test before :func:`destination` reads right to left."""
    import re

    words = sorted(load("money")["destination"]["before"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def zh_month_capacity_bare():
    """"月產能為 30 萬": a monthly-capacity word right before a bare 万/萬 count, read right to left."""
    w = load("phrases")["wafer"]
    return _c(rf"(?r){alt(w['zh_month_capacity_bare'])}(?:{alt(w['zh_month_capacity_between'])}){{0,2}}[ ]?\Z")


def jobs_before_en():
    """"a workforce of 900": English words right before a bare count of jobs, read right to left."""
    words = load("words")["jobs"]["english_before"]
    return _c(rf"(?r)(?<![A-Za-z])(?i:{alt(words)})[ ]\Z")
