"""The public functions: :func:`extract_figures`, :func:`parse_amount`, :func:`parse_reported`.

Strict mode: ``strict=True`` (or the environment variable
``SEMIDASH_PARSE_STRICT=1``, which the test suite sets) makes internal errors
propagate. Otherwise a numeral whose reading fails is skipped and the error is
logged on the ``dashboard.parse`` logger with its traceback, never dropped
silently; the other figures of the text are still returned.
"""
from __future__ import annotations

import functools

import logging
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import regex

from dashboard.errors import ParseError
from dashboard.parse import patterns
from dashboard.parse.document import region_of
from dashboard.parse.figure import Figure
from dashboard.parse.filters import drop_card_classes, drop_english_years, drop_fx_quotes, drop_quotes
from dashboard.parse.links import apply_declarations, link_ranges, link_restatements
from dashboard.parse.lists import link_lists
from dashboard.parse.normalize import normalize
from dashboard.parse.numerals import Run
from dashboard.parse.reader import Context, Rec, read, worth_reading
from dashboard.parse.vocab import load

__all__ = ["extract_figures", "parse_amount", "parse_reported", "Reported"]

log = logging.getLogger("dashboard.parse")


def _strict(strict: bool | None) -> bool:
    if strict is None:
        return os.environ.get("SEMIDASH_PARSE_STRICT", "") not in ("", "0")
    return strict


class _LazyRegion(Context):
    """A context whose region (TW/HK article?) is computed only when a bare 元 needs it."""

    _region_done = False

    @property
    def region(self):  # type: ignore[override]
        if not self._region_done:
            self._region = region_of(self.text)
            self._region_done = True
        return self._region

    @region.setter
    def region(self, value):
        self._region = value


def _numerals(ctx: Context, text: str):
    """Numeral runs, and number words before a scale word ("two trillion won"), in order."""
    runs = ctx.p.run.finditer(text)
    # number words stand just before a scale word or "data centers": look only there
    found: dict[int, object] = {}
    for sm in ctx.p.number_word_heads.finditer(text):
        # "5 billion": digits, no number word before; after a data-centre head, "… seven in Virginia"
        before = text[sm.start() - 2 : sm.start() - 1].isalpha()
        after = 120 if sm.group()[:1] in "Dd" else 0
        if before or after:
            lo = max(0, sm.start() - 60) if before else sm.end()
            for m in ctx.p.number_words.finditer(text, lo, sm.end() + max(after, 12)):
                found.setdefault(m.start(), m)
    if not found:
        return ((m, None) for m in runs)
    # both in text order: one stable sort of the (nearly sorted) list is cheaper than heapq.merge
    items = [(m.start(), 0, m, None) for m in runs]
    items += [(m.start(), 1, m, _word_run(m.group())) for m in found.values()]
    items.sort(key=_first_two)
    return ((m, run) for _s, _k, m, run in items)


def _first_two(item):
    return item[0], item[1]


def _word_run(word: str) -> Run:
    table = load("words")["scale"]["number_words"]
    key = " ".join(word.lower().split())
    return Run(Decimal(repr(float(table[key]))).normalize(), 1, True)


def _records(text: str, locale: str | None, strict: bool) -> tuple[Context, list[Rec]]:
    ctx = _LazyRegion(text, locale)
    recs: list[Rec] = []
    last_end = -1
    for m, run in _numerals(ctx, text):
        if run is None and not worth_reading(ctx, m):
            continue
        try:
            rec = read(ctx, m, run)
        except Exception:
            if strict:
                raise
            log.warning("skipped the numeral %r at %d: the reader failed", m.group()[:40], m.start(), exc_info=True)
            continue
        if rec.s < last_end:  # overlaps the previous figure's words
            if rec.kind is not None and recs and recs[-1].kind is None:
                recs.pop()
            elif rec.kind is None:
                continue
            else:
                rec.s = max(rec.s, last_end)
        recs.append(rec)
        if rec.kind is not None:
            last_end = rec.e
    return ctx, recs


def _extract(text: str, locale: str | None, strict: bool) -> list[Figure]:
    norm = normalize(text)
    ctx, recs = _records(norm.text, locale, strict)
    if not any(r.kind for r in recs):
        return []
    drop_fx_quotes(ctx, recs)
    drop_quotes(ctx, recs)
    drop_english_years(ctx, recs)
    drop_card_classes(ctx, recs)
    link_ranges(ctx, recs)
    link_restatements(ctx, recs)
    link_lists(ctx, recs)
    apply_declarations(ctx, recs)
    out: list[Figure] = []
    index: dict[int, Figure] = {}
    for i, r in enumerate(recs):
        if r.kind is None or r.unit is None or r.run.absurd:
            continue
        value = float(r.value)
        if value != value or value in (float("inf"), float("-inf")):
            continue
        s, e = norm.span(r.s, r.e)
        outer = index.get(r.restates) if r.restates is not None else None
        f = Figure._new(value, r.unit, r.kind, text[s:e], s, e, r.approx, r.bound, outer)  # type: ignore[arg-type]
        if outer is not None:
            object.__setattr__(outer, "restated_by", outer.restated_by + (f,))
        if r.range_with is not None and r.range_with < i and r.range_with in index:
            low = index[r.range_with]
            object.__setattr__(f, "range_with", low)
            object.__setattr__(low, "range_with", f)
        index[i] = f
        out.append(f)
    return out


def extract_figures(text: str, *, locale: str | None = None, strict: bool | None = None) -> list[Figure]:
    """Every amount of money and counted quantity in ``text``, in order.

    ``locale`` ("ko", "ja", "zh-CN", "zh-TW", "zh-HK", "en") changes how
    ambiguous signs read (``元`` is TWD in zh-TW, ``¥`` is CNY in zh). Not a
    string, or no figure: ``[]``. Outside strict mode it does not raise (see the
    module docstring).

    >>> [(f.value, f.unit) for f in extract_figures("10만 개의 GPU와 1.2GW 전력, US$1.5bn")]
    [(100000.0, 'gpu'), (1200.0, 'MW'), (1500000000.0, 'USD')]
    >>> extract_figures("3,440億元（約新台幣1.42兆元）", locale="zh-TW")[1].restates.unit
    'CNY'
    >>> [(f.value, f.bound, f.range_with.text) for f in extract_figures("3~4조원")]
    [(3000000000000.0, 'lower', '4조원'), (4000000000000.0, 'upper', '3')]
    """
    if not isinstance(text, str):
        return []
    strict = _strict(strict)
    if strict:
        return _extract(text, locale, True)
    try:
        return _extract(text, locale, False)
    except Exception:
        log.error("extract_figures failed on a text of %d characters", len(text), exc_info=True)
        return []


_TRAIL_OK = regex.compile(r"[\s.,;:!?。、，．]*+\Z")
_CLOSE = regex.compile(r"[^)）]{0,200}+[)）]")
_VALID = (
    "valid: '400억엔', '約4千億円', '500亿美元', 'US$1.5bn', '10만 개의 GPU', '1.2GW', "
    "'20,000 wafers per month', '3,000 jobs'"
)


def _figures_or_error(text: str, locale: str | None) -> list[Figure]:
    if not isinstance(text, str):
        raise ParseError(repr(text), "expected a string")
    try:
        figures = _extract(text, locale, _strict(None))
    except Exception as exc:
        if _strict(None):
            raise
        log.error("parse_amount failed on %r", text[:80], exc_info=True)
        raise ParseError(text, f"internal error while reading ({type(exc).__name__})", 0) from exc
    if not figures:
        lead = len(text) - len(text.lstrip())
        raise ParseError(text, f"no amount or quantity with a unit ({_VALID})", lead)
    return figures


def parse_amount(text: str, *, locale: str | None = None) -> Figure:
    """Read exactly one amount or quantity, e.g. ``"約4千億円"`` or ``"US$1.5bn"``.

    Approximation and bound words before or after it are allowed ("약 1조원
    가량", "up to $5 billion"), and so is one parenthesised restatement after
    it ("1000억엔(약 9800억원)"): the restatement is then available as
    ``figure.restated_by[0]``. Anything else raises
    :class:`~dashboard.errors.ParseError` quoting the input and the position.

    >>> f = parse_amount("約4千億円")
    >>> f.value, f.unit, f.approx
    (400000000000.0, 'JPY', True)
    >>> parse_amount("1000억엔(약 9800억원)").restated_by[0].value
    980000000000.0
    >>> parse_amount("2028년")
    Traceback (most recent call last):
    ...
    dashboard.errors.ParseError: cannot parse '2028년' at position 0: no amount or quantity with a unit ...
    """
    figures = _figures_or_error(text, locale)
    lead = len(text) - len(text.lstrip())
    top = figures[0]
    if top.start != lead:
        raise ParseError(text, "unexpected text before the amount", lead)
    rest = [f for f in figures[1:] if f.restates is not top]
    pos = top.end
    if top.restated_by:
        m = _CLOSE.match(text, max(f.end for f in top.restated_by))
        if m is not None:
            pos = m.end()
    if rest:
        raise ParseError(text, f"more than one amount (another starts at position {rest[0].start}: {rest[0].text!r})", rest[0].start)
    if not _TRAIL_OK.match(text, pos):
        raise ParseError(text, "unexpected text after the amount", pos)
    return top


BoundKind = Literal["exact", "approx", "lower", "upper", "range"]


@dataclass(frozen=True)
class Reported:
    """One reported amount, as a dataset records it.

    ``value`` is the amount (for a range, its low end: the announced floor);
    ``low`` / ``high`` are the ends of a range (both equal ``value`` otherwise);
    ``bound`` is one of "exact", "approx", "lower", "upper", "range";
    ``approx`` is True when an approximation word was written (also on ranges
    and bounds); ``restatements`` are the figures restating it in parentheses
    (kept as extra information, never the amount); ``unread`` is the text
    before and after what was read, stripped ("拟募资295亿元" -> ("拟募资", ""));
    ``complete`` is False when a number stands in it ("VND 17.5 trillion
    (US$665 million)" with a currency the parser does not know: the amount read
    is the restatement). An amount cut inside a word ("$5 billionz") is refused.
    """

    value: float
    low: float
    high: float
    unit: str
    kind: str
    bound: BoundKind
    approx: bool
    text: str
    restatements: tuple[Figure, ...] = ()
    unread: tuple[str, str] = ("", "")

    @property
    def currency(self) -> str | None:
        return self.unit if self.kind == "money" else None

    @property
    def complete(self) -> bool:
        """False when a number stands outside what was read: the amount may be another one."""
        return not any(_NUMBER.search(part) for part in self.unread)


def parse_reported(text: str, *, locale: str | None = None) -> Reported:
    """Read one reported amount: a figure, a range, or a bounded figure, with restatements.

    The first figure is the amount; a range's other end completes it; figures
    restating either end are kept in ``restatements``. Raises
    :class:`~dashboard.errors.ParseError` when there is no amount, or when a
    second, unlinked amount follows.

    >>> r = parse_reported("$60 billion to $65 billion")
    >>> r.bound, r.low, r.high, r.unit
    ('range', 60000000000.0, 65000000000.0, 'USD')
    >>> parse_reported("more than $15 billion").bound, parse_reported("up to EUR 5 billion").bound
    ('lower', 'upper')
    >>> r = parse_reported("approximately US $7 billion (SG$9.5 billion)")
    >>> r.value, r.unit, r.bound, [(f.value, f.unit) for f in r.restatements]
    (7000000000.0, 'USD', 'approx', [(9500000000.0, 'SGD')])
    >>> r = parse_reported("€5.5bn ($6.3bn)")
    >>> r.value, r.unit, r.bound, r.restatements[0].unit
    (5500000000.0, 'EUR', 'exact', 'USD')
    >>> r = parse_reported("总投资约10亿元人民币以上规模"); r.unread, r.complete
    (('总投资', '规模'), True)
    >>> parse_reported("$5 billionz")
    Traceback (most recent call last):
    ...
    dashboard.errors.ParseError: cannot parse '$5 billionz' at position 2: the scale word 'billionz' after the amount read ('$5') is not read
    """
    figures = _figures_or_error(text, locale)
    top = figures[0]
    other = top.range_with
    used = {id(top)} | ({id(other)} if other is not None else set())
    restatements = tuple(f for f in figures if f.restates is not None and id(f.restates) in used)
    used |= {id(f) for f in restatements}
    rest = [f for f in figures if id(f) not in used]
    if rest:
        raise ParseError(text, f"more than one amount (another starts at position {rest[0].start}: {rest[0].text!r})", rest[0].start)
    unread = _unread(text, [top] + ([other] if other is not None else []) + list(restatements))
    if other is not None:
        low, high = sorted((top.value, other.value))
        bound: BoundKind = "range"
        span = text[min(top.start, other.start) : max(top.end, other.end)]
        approx = top.approx or other.approx
    else:
        low = high = top.value
        bound = top.bound or ("approx" if top.approx else "exact")  # type: ignore[assignment]
        span, approx = top.text, top.approx
    return Reported(low, low, high, top.unit, top.kind, bound, approx, span, restatements, unread)


_WORDISH = regex.compile(r"[A-Za-z0-9]")
_NUMBER = regex.compile(r"[0-9]")


@functools.cache
def _garbled_scale():
    """A scale word glued to more letters ("billionz", "bnx") right after an amount."""
    from dashboard.parse.wordlists import lists

    words = [w for w in lists()["scale_words"] if w[:1].isascii() and w[:1].isalpha()]
    return regex.compile(r"[ ]?(?i:\L<w>)[A-Za-z]", regex.VERSION1, w=words)


def _unread(text: str, read: list[Figure]) -> tuple[str, str]:
    """The text before and after the figures ``read`` (restatements' brackets included), or
    :class:`ParseError` when what was read is only part of the amount: the span begins or ends
    inside a word, or a scale word glued to more letters follows it ("$5 billionz" would be $5)."""
    start, end = min(f.start for f in read), max(f.end for f in read)
    m = _CLOSE.match(text, end) if any(f.restates is not None for f in read) else None
    if m is not None and not _NUMBER.search(m.group()):
        end = m.end()
    if start and _WORDISH.match(text, start - 1) and _WORDISH.match(text, start):
        raise ParseError(text, f"the amount read ({read[0].text!r}) begins inside a word", start)
    if _WORDISH.match(text, end) and _WORDISH.match(text, end - 1):
        raise ParseError(text, f"the amount read ({read[0].text!r}) ends inside a word", end)
    garbled = _garbled_scale().match(text, end)
    if garbled is not None:  # "$5 billionz": the scale word is not read, so the amount would be $5
        raise ParseError(text, f"the scale word {garbled.group().strip()!r} after the amount read ({read[0].text!r}) is not read", end)
    before, after = text[:start], text[end:]
    return before.strip(), after.strip(" \t\n.,;:!?。、，．")
