"""Helpers that build fast patterns: word variants, guarded words, first characters,
and :class:`Dispatch` (an alternation tried only where an alternative can start).

>>> variants(["1조원 가량"])
['1조원 가량', '1조원가량']
"""
from __future__ import annotations

import regex

__all__ = ["Dispatch", "branches", "variants", "guarded", "first_chars", "universe_of"]


def _folds() -> dict[str, str]:
    from dashboard.parse.vocab import load

    return {c: v for c, vs in load("phrases")["script_variants"].items() for v in vs}


def variants(words) -> list[str]:
    """Each word, plus the same word without its spaces ("1조원 가량" / "1조원가량") and with the
    other script's form of its characters (``[script_variants]``: "月产能" / "月産能")."""
    folds = _folds()
    out = set()
    for w in words:
        out.add(w)
        if " " in w:
            out.add(w.replace(" ", ""))
        if any(c in folds for c in w):
            out.add("".join(folds.get(c, c) for c in w))
    return sorted(out, key=len, reverse=True)


def guarded(table: dict[str, list[str]], lists: dict, prefix: str, ok_after: dict[str, list[str]] | None = None) -> str:
    """The words of ``table``, each not before its listed words; a word right after one of its
    ``ok_after`` words is taken whatever follows ("1000億元の基金": 元の is "former" only alone)."""
    parts = []
    for i, (word, nots) in enumerate(sorted(table.items())):
        name = f"{prefix}{i}"
        lists[name] = nots
        if ok_after and word in ok_after:
            lists[f"{name}ok"] = ok_after[word]
            parts.append(f"(?<=\\L<{name}ok>){regex.escape(word)}")
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


def _scan(pattern: str):
    """``(position, character, depth)`` of each character of ``pattern`` outside escapes and
    character classes; the depth counts the groups open after it."""
    depth, in_class, escaped = 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth


def _split_top(pattern: str) -> list[str]:
    """``pattern`` cut at its top-level ``|`` (outside groups and character classes)."""
    out, start = [], 0
    for i, ch, depth in _scan(pattern):
        if ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def branches(pattern: str) -> list[str]:
    """The top-level branches of ``pattern``, each ``(?P<name>...)`` group cut into its own
    branches ``(?P<name>b1)``, ``(?P<name>b2)``, ...; a branch with anything after its
    group stays whole.

    >>> branches("(?P<a>x|y)|(?P<b>z)")
    ['(?P<a>x)', '(?P<a>y)', '(?P<b>z)']
    """
    out = []
    for top in _split_top(pattern):
        head = top[: top.find(">") + 1] if top.startswith("(?P<") else ""
        inner = top[len(head) : -1] if head else ""
        if head and top.endswith(")") and len(_split_top("(" + inner + ")")) == 1 and _balanced(inner):
            out.extend(head + b + ")" for b in _split_top(inner))
        else:
            out.append(top)
    return out


def _balanced(body: str) -> bool:
    """True when ``body`` closes every group it opens (the group around it ends the branch)."""
    return len(_split_top("(" + body + ")|")) == 2 and _depth_never_negative(body)


def _depth_never_negative(body: str) -> bool:
    depth = 0
    for _i, _ch, depth in _scan(body):
        if depth < 0:
            return False
    return depth == 0


def _lead_lookbehind_dropped(branch: str) -> str:
    """``branch`` without a lookbehind right after its group's head: its first characters are
    those of what follows ("(?P<money>(?<=億)元)" starts with 元; the lookbehind looks at text
    before the position, which a one-character partial match cannot show)."""
    head = branch[: branch.find(">") + 1] if branch.startswith("(?P<") else ""
    rest = branch[len(head) :]
    if rest.startswith(("(?<=", "(?<!")):
        depth = 0
        for i, ch in enumerate(rest):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0:
                return head + rest[i + 1 :]
    return branch


class Dispatch:
    """``[ -]?(?:alt1|alt2|...)`` matched through a table keyed by the next
    character: only the alternatives that can start there are tried, each
    compiled on its own (same result as the whole alternation, a fraction of the
    cost, and no pattern for the whole alternation or for sets of alternatives is
    ever compiled). After a space or hyphen the alternatives that can start
    after it are tried first, with it, then those that can start with it: the
    order in which the whole alternation tries them."""

    def __init__(self, alts: list[str], lists: dict, universe: set[str]) -> None:
        # each alternative "(?P<name>b1|b2|...)" becomes its branches "(?P<name>b1)", ... in order:
        # trying only the branches that can start at a character is the same ordered alternation, and
        # the regex engine's cost per call grows with the pattern (its named lists and repeats)
        alts = [b for a in alts for b in branches(a)]
        self.alts = alts
        self.lists = {k: list(v) for k, v in lists.items()}
        self._plain = [regex.compile(a, regex.VERSION1, **self.lists, ignore_unused=True) for a in alts]
        self._spaced: list = [None] * len(alts)
        firsts = [
            first_chars(pat if b == a else regex.compile(b, regex.VERSION1, **self.lists, ignore_unused=True), universe)
            for a, pat, b in ((a, pat, _lead_lookbehind_dropped(a)) for a, pat in zip(alts, self._plain))
        ]
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
