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
    character: only the alternatives that can start there are tried (same
    result as the whole pattern, a fraction of the cost)."""

    def __init__(self, alts: list[str], lists: dict, universe: set[str]) -> None:
        self.alts = alts
        self.lists = {k: list(v) for k, v in lists.items()}
        self.pattern = regex.compile("[ -]?(?:" + "|".join(alts) + ")", regex.VERSION1, **self.lists, ignore_unused=True)
        firsts = [first_chars(regex.compile(a, regex.VERSION1, **self.lists, ignore_unused=True), universe) for a in alts]
        self.by_char: dict[str, tuple[int, ...]] = {}
        for c in universe:
            idx = tuple(i for i, f in enumerate(firsts) if c in f)
            if idx:
                self.by_char[c] = idx
        self.first_any = frozenset(self.by_char) | {" ", "-"}
        self._cache: dict[tuple[int, ...], object] = {}
        self._first: dict[str, object] = {}  # "x", " x", "-x" -> its pattern (False: none can start)

    def _compiled(self, idx: tuple[int, ...]):
        pat = self._cache.get(idx)
        if pat is None:
            body = "|".join(self.alts[i] for i in idx)
            pat = self._cache[idx] = regex.compile(f"[ -]?(?:{body})", regex.VERSION1, **self.lists, ignore_unused=True)
        return pat

    def match(self, text: str, pos: int = 0):
        c = text[pos : pos + 1]
        key = text[pos : pos + 2] if c == " " or c == "-" else c
        pat = self._first.get(key)
        if pat is None:
            if len(key) == 2:
                a, b = self.by_char.get(key[1], ()), self.by_char.get(c, ())
                idx = tuple(sorted(set(a) | set(b))) if a and b else a or b
            else:
                idx = self.by_char.get(c, ())
            pat = self._compiled(idx) if idx else False
            if len(self._first) < 10_000:
                self._first[key] = pat
        return pat.match(text, pos) if pat else None
