"""Helpers that build fast patterns: word variants, guarded words, first characters,
and :class:`Dispatch` (an alternation tried only where an alternative can start).

>>> variants(["1조원 가량"])
['1조원 가량', '1조원가량']
"""
from __future__ import annotations

import regex

__all__ = ["Dispatch", "variants", "guarded", "first_chars", "universe_of"]


def variants(words) -> list[str]:
    """Each word, plus the same word without its spaces ("1조원 가량" / "1조원가량")."""
    out = set()
    for w in words:
        out.add(w)
        if " " in w:
            out.add(w.replace(" ", ""))
    return sorted(out, key=len, reverse=True)


def guarded(table: dict[str, list[str]], lists: dict, prefix: str) -> str:
    parts = []
    for i, (word, nots) in enumerate(sorted(table.items())):
        name = f"{prefix}{i}"
        lists[name] = nots
        parts.append(f"{regex.escape(word)}(?!\\L<{name}>)")
    return "|".join(parts)


def first_chars(pattern, universe: set[str]) -> frozenset[str]:
    """The characters a match of ``pattern`` can start with (a cheap guard before
    calling it): every character of ``universe`` that partially matches."""
    return frozenset(c for c in universe if pattern.match(c, partial=True) is not None)


def universe_of(lists: dict[str, list[str]], *sources: str) -> set[str]:
    chars = {chr(c) for c in range(32, 127)}
    for words in lists.values():
        for w in words:
            chars.update(w)
            chars.update(w.upper())
            chars.update(w.lower())
    for src in sources:
        chars.update(src)
    return chars


class Dispatch:
    """``[ -]?(?:alt1|alt2|...)`` matched through a table keyed by the next
    character: only the alternatives that can start there are tried, each
    compiled on its own (same result as the whole alternation, a fraction of the
    cost, and no pattern for the whole alternation or for sets of alternatives is
    ever compiled). After a space or hyphen the alternatives that can start
    after it are tried first, with it, then those that can start with it: the
    order in which the whole alternation tries them."""

    def __init__(self, alts: list[str], lists: dict, universe: set[str]) -> None:
        self.alts = alts
        self.lists = {k: list(v) for k, v in lists.items()}
        self._plain = [regex.compile(a, regex.VERSION1, **self.lists, ignore_unused=True) for a in alts]
        self._spaced: list = [None] * len(alts)
        firsts = [first_chars(pat, universe) for pat in self._plain]
        self.by_char: dict[str, tuple[int, ...]] = {}
        for c in universe:
            idx = tuple(i for i, f in enumerate(firsts) if c in f)
            if idx:
                self.by_char[c] = idx
        self.first_any = frozenset(self.by_char) | {" ", "-"}

    def _with_space(self, i: int):
        pat = self._spaced[i]
        if pat is None:
            pat = self._spaced[i] = regex.compile(f"[ -](?:{self.alts[i]})", regex.VERSION1, **self.lists, ignore_unused=True)
        return pat

    def match(self, text: str, pos: int = 0):
        c = text[pos : pos + 1]
        if c == " " or c == "-":
            for i in self.by_char.get(text[pos + 1 : pos + 2], ()):
                m = self._with_space(i).match(text, pos)
                if m is not None:
                    return m
        for i in self.by_char.get(c, ()):
            m = self._plain[i].match(text, pos)
            if m is not None:
                return m
        return None
