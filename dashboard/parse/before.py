"""The words before a numeral: a currency, approximation/bound words, counted nouns.

Read right to left from the numeral's start: at most one space, a currency
sign or code ("US$", "NT$", "RM", "人民币"), and before it up to two
approximation or bound words ("more than about $5bn", "총 약 5조원", "約").
Each step is a dictionary look-up of the few candidate lengths that end with the
character found there (no regular expression: this runs once per figure). The
nouns that make a counter mean GPUs, wafers per month/year, jobs or data centres
("GPU 26만 장", "월 10만 장", "雇用2000人") are matched by the reverse pattern
``q`` of :mod:`dashboard.parse.patterns`, only when a counter needs them.

The words are in ``vocab/money.toml`` (``[prefix]``) and ``vocab/words.toml``
(``[before]``).

>>> from dashboard.parse.reader import Context
>>> pre = words_before(Context("more than US$5bn", None), 13, False)
>>> pre.get("cur"), pre.get("ab2"), pre.starts["ab2"]
('US$', 'more than', 0)
"""
from __future__ import annotations

import functools

from dashboard.parse.dispatch import variants
from dashboard.parse.vocab import load

__all__ = ["Before", "words_before"]

_Q_WINDOW = 48


def _by_last(words) -> dict[str, tuple[int, ...]]:
    """last character -> the lengths of the words ending with it, longest first."""
    out: dict[str, set[int]] = {}
    for w in words:
        out.setdefault(w[-1], set()).add(len(w))
        if w.isascii():
            out.setdefault(w[-1].upper(), set()).add(len(w))
    return {c: tuple(sorted(n, reverse=True)) for c, n in out.items()}


@functools.cache
def _tables():
    cur = dict.fromkeys(load("money")["prefix"])
    letters = frozenset(w for w in cur if w.isascii() and w.replace(".", "").isalpha())
    pre = {}
    for w in variants(load("words")["before"]):
        pre[w.lower() if w.isascii() else w] = w
    guards = load("phrases")["guards"]
    return cur, letters, _by_last(cur), pre, _by_last(pre), frozenset(guards["not_yaku_after"]), frozenset(guards["not_tilde_after"])


def _is_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


def _currency(text: str, end: int) -> int:
    """Start of the currency sign or code ending at ``end``, or -1."""
    cur, letters, by_last, *_ = _tables()
    for n in by_last.get(text[end - 1 : end], ()):
        start = end - n
        if start < 0:
            continue
        w = text[start:end]
        if w in cur and not (w in letters and start and _is_letter(text[start - 1])):
            return start
    return -1


def _pre_word(text: str, end: int, shorter_than: int = 0) -> int:
    """Start of an approximation or bound word ending at ``end`` (the longest, or the longest
    shorter than ``shorter_than`` characters when that is given), or -1."""
    _, _, _, pre, by_last, not_yaku, not_tilde = _tables()
    for n in by_last.get(text[end - 1 : end], ()):
        if shorter_than and n >= shorter_than:
            continue
        start = end - n
        if start < 0:
            continue
        w = text[start:end]
        key = w.lower() if w.isascii() else w
        if key not in pre:
            continue
        b = text[start - 1 : start]
        if w[0].isascii() and w[0].isalpha():
            if b and _is_letter(b):
                continue
        elif "가" <= w[0] <= "힣":
            if b and "가" <= b <= "힣":
                continue
        elif w in ("約", "约"):
            if b in not_yaku:  # 契約, 予約, 集約: part of a word
                continue
        elif w == "~" and b in not_tilde:  # "3~4": a range
            continue
        return start
    return -1


class Before:
    """What stands before a numeral: ``groups`` (cur, ab1, ab2, q_*) and where each starts."""

    __slots__ = ("groups", "starts")

    def __init__(self) -> None:
        self.groups: dict[str, str] = {}
        self.starts: dict[str, int] = {}

    def get(self, name: str) -> str | None:
        return self.groups.get(name)

    def _add(self, name: str, text: str, start: int, end: int, at: int | None = None) -> None:
        self.groups[name] = text[start:end]
        self.starts[name] = start if at is None else at


def _skip_space(text: str, pos: int) -> int:
    return pos - 1 if text[pos - 1 : pos] == " " else pos


def words_before(ctx, rs: int, need_q: bool) -> Before:
    """The currency, approximation/bound words and (when ``need_q``) counted nouns before ``rs``."""
    pre = Before()
    text = ctx.text
    left = rs
    end = _skip_space(text, rs)
    start = _currency(text, end)
    if start >= 0:
        pre._add("cur", text, start, end)
        left = start
        end = _skip_space(text, start)
    for name in ("ab2", "ab1"):
        start = _pre_word(text, end)
        if start < 0:
            break
        if name == "ab2" and _pre_word(text, _skip_space(text, start)) < 0:
            # "最大約929億円": 大約 (about) would leave 最; 最大 (up to) + 約 (about) reads both words
            short = _pre_word(text, end, end - start)
            if short > start and _pre_word(text, _skip_space(text, short)) >= 0 and _pre_word(text, _skip_space(text, short)) < start:
                start = short
        pre._add(name, text, start, end)
        left = start
        end = _skip_space(text, start)
        if "cur" not in pre.groups and not text[start : start + 1].isascii():
            cs = _currency(text, end)  # "新台幣約15億元": a currency name before the approximation word
            if cs >= 0 and not text[cs].isascii():
                pre._add("cur", text, cs, end)
                left = cs
                break
    if need_q:
        q = ctx.p.q.match(text, max(0, left - _Q_WINDOW), left)
        far = False
        if q is None:  # the high end of a range: the noun stands before the low end ("월 2천-3천장")
            low = ctx.p.range_low.search(text, max(0, left - 24), left)
            if low is not None:
                q = ctx.p.q.match(text, max(0, low.start() - _Q_WINDOW), low.start())
                far = True
        if q is not None:
            for g in ("q_gpu", "q_month", "q_year", "q_jobs", "q_dc"):
                if q.group(g):
                    pre._add(g, text, q.start(g), q.end(g), rs if far else None)
    return pre
