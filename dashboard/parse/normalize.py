"""Normalise text once, keeping a map back to the caller's offsets.

The reader sees NFKC-normalised text with a few folds of our own, so one
pattern covers every spelling: full-width digits and letters (１,０００ -> 1,000),
compatibility squares (㎿ -> MW, ㎾ -> kW, ㎡ -> m2, ㎢ -> km2, ㌦ -> ドル,
㌔ -> キロ), NBSP / thin / ideographic spaces -> space (a thin space between digit groups,
"1\u202f200", -> a comma), wave dashes -> ~.
Pinyin readings that some sites insert after a Han character are dropped
("月產(chǎn)能" -> "月產能", "120萬(wàn)平方米"): a parenthesised run of lower-case
Latin syllables, with or without tone marks or tone digits, right after a Han
character; "(TSMC)", "(HK)" and "(約3兆円)" stay.
Kept as written: circled and parenthesised digits (①, ⑴ are list markers, not
numbers), superscripts (10² is not 102; m² is read as a unit), and characters
outside the compatibility blocks, so most news text is returned unchanged.

:class:`Normalized` maps a span of the normalised text back to the original:

>>> n = normalize("１０㎿と5,000㎡")
>>> n.text
'10MWと5,000m2'
>>> n.span(0, 4), n.span(5, 12)
((0, 3), (4, 10))
>>> n = normalize("月產(chǎn)能為40萬片")
>>> n.text, n.span(0, 8)
('月產能為40萬片', (0, 14))
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata

__all__ = ["normalize", "Normalized"]

# Unicode blocks holding compatibility forms that news text uses.
_BLOCKS = (
    (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2F00, 0x2FDF), (0x3000, 0x303F),
    (0x3200, 0x33FF), (0xF900, 0xFAFF), (0xFE30, 0xFE6F), (0xFF00, 0xFFEF),
)
# ... minus the characters we keep (list markers, superscripts, fractions)
_KEEP = set(range(0x3251, 0x3260)) | set(range(0x32B1, 0x32C0)) | set(range(0x3280, 0x32B1)) | set(range(0x3220, 0x3244))
_KEEP |= {0x00B2, 0x00B3, 0x00B9, 0x00BC, 0x00BD, 0x00BE, 0x00AA, 0x00BA, 0x00B4, 0x00A8, 0x00AF, 0x00B8}
_KEEP |= set(range(0x2070, 0x20A0))  # super/subscripts
_KEEP |= {0x2025, 0x2026}  # "‥" and "…" stay one character: "공장…5.3조 투자" (NFKC's "..." would glue to the digit)
_OWN = {"\u301c": "~", "\u223c": "~", "\u2053": "~", "\uff5e": "~", "\u00a0": " ", "\u3000": " ", "\u2212": "-"}


@functools.cache
def _tables():
    table: dict[int, str] = {}
    for lo, hi in _BLOCKS:
        for cp in range(lo, hi + 1):
            if cp in _KEEP:
                continue
            ch = chr(cp)
            out = unicodedata.normalize("NFKC", ch)
            if out != ch:
                table[cp] = out
    for ch, out in _OWN.items():
        table[ord(ch)] = out
    for cp in list(table):  # spaces of any width are one space
        if table[cp].isspace() and table[cp] != "\n":
            table[cp] = " "
    table[0x223C] = "~"
    # the standard library's ``re`` scans a large character class far faster than ``regex``
    changed = "".join(re.escape(chr(cp)) for cp in sorted(table))
    return {chr(cp): out for cp, out in table.items()}, re.compile(f"[{changed}]+")


class Normalized:
    """Normalised ``text`` of ``original``, with :meth:`span` mapping offsets back."""

    __slots__ = ("original", "text", "_n_starts", "_n_ends", "_o_starts", "_cut_at", "_cut_sum")

    def __init__(self, original: str, text: str, n_starts=(), n_ends=(), o_starts=(), cut_at=(), cut_sum=()) -> None:
        self.original = original
        self.text = text
        self._n_starts = n_starts  # normalised start of each character whose length changed
        self._n_ends = n_ends
        self._o_starts = o_starts
        self._cut_at = cut_at  # positions in ``text`` where a pinyin reading was dropped
        self._cut_sum = cut_sum  # characters dropped up to and including each cut

    def _uncut(self, pos: int, is_end: bool) -> int:
        """``pos`` in the text before the pinyin readings were dropped (an end stays before a cut)."""
        if not self._cut_at:
            return pos
        i = (bisect.bisect_left if is_end else bisect.bisect_right)(self._cut_at, pos)
        return pos + (self._cut_sum[i - 1] if i else 0)

    def _map(self, pos: int, is_end: bool) -> int:
        if not self._n_starts:
            return pos
        i = bisect.bisect_right(self._n_starts, pos) - 1
        if i < 0:
            return pos
        n_start, n_end, o_start = self._n_starts[i], self._n_ends[i], self._o_starts[i]
        if pos == n_start:
            return o_start
        if pos < n_end:  # inside an expanded character: the whole character
            return o_start + 1 if is_end else o_start
        return o_start + 1 + (pos - n_end)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text for ``text[start:end]``."""
        return self._map(self._uncut(start, False), False), self._map(self._uncut(end, True), True)


_THIN_GROUP = re.compile(r"(?<=[0-9])[\u2009\u202f](?=[0-9]{3}(?![0-9]))")


def normalize(text: str) -> Normalized:
    """NFKC plus the folds above, done once; see :class:`Normalized`.

    One C-speed scan finds the runs of characters that change; only those
    reach Python (most news text has few).
    """
    table, changed = _tables()
    if changed.search(text) is None:
        return _drop_pinyin(Normalized(text, text))
    original = text
    if "\u2009" in text or "\u202f" in text:  # a thin space between digit groups is a thousands separator
        text = _THIN_GROUP.sub(",", text)  # same length: offsets are unchanged
    parts: list[str] = []
    n_starts: list[int] = []
    n_ends: list[int] = []
    o_starts: list[int] = []
    last = shift = 0
    for m in changed.finditer(text):
        o = m.start()
        parts.append(text[last:o])
        last = m.end()
        for ch in m.group():
            out = table[ch]
            parts.append(out)
            if len(out) != 1:
                n = o + shift
                n_starts.append(n)
                n_ends.append(n + len(out))
                o_starts.append(o)
                shift += len(out) - 1
            o += 1
    parts.append(text[last:])
    return _drop_pinyin(Normalized(original, "".join(parts), n_starts, n_ends, o_starts))


_TONED = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# the literal "(" first lets the scan skip to candidates; the Han character before it is checked after
_PINYIN = re.compile(rf"\((?<=[\u4e00-\u9fff]\()[{_TONED}]{{1,6}}[1-4]?(?:[ /][{_TONED}]{{1,6}}[1-4]?){{0,3}}\)")


def _drop_pinyin(n: Normalized) -> Normalized:
    """``n`` without the pinyin readings after Han characters, its offsets still mapped."""
    text = n.text
    if "(" not in text or _PINYIN.search(text) is None:
        return n
    parts, cut_at, cut_sum = [], [], []
    last = dropped = 0
    for m in _PINYIN.finditer(text):
        parts.append(text[last : m.start()])
        dropped += m.end() - m.start()
        cut_at.append(m.start() - (dropped - (m.end() - m.start())))
        cut_sum.append(dropped)
        last = m.end()
    parts.append(text[last:])
    return Normalized(n.original, "".join(parts), n._n_starts, n._n_ends, n._o_starts, tuple(cut_at), tuple(cut_sum))
