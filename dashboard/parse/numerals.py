"""Numerals as news text writes them: digits, CJK groups, kanji, mixed.

A numeral *run* (found by the ``run`` pattern of :mod:`dashboard.parse.patterns`)
is ASCII digits (thousands separators ``,``; decimal point ``.`` or the
Japanese ``・`` of "６・２兆円"), kanji/hanja digits and the multipliers
十百千 / 십백천 and 万萬만 億亿억 兆조 万亿, in any mix: "2조5000억", "3천630억",
"1兆1,000億", "四千億", "1.2万亿". The tables are in ``vocab/words.toml``
(``[numeral]``). Values are exact :class:`decimal.Decimal` so that "1.1GW" is
1100 MW, not 1100.0000000000002.

A numeral with more than :data:`MAX_DIGITS` digits or a value of
:data:`MAX_VALUE` or more is *absurd*: :func:`read_run` marks it
(``Run.absurd``) and the reader drops that numeral alone.

>>> float(read_run("2조5000억").value), float(read_run("四千億").value)
(2500000000000.0, 400000000000.0)
>>> float(read_run("6・2兆").value), float(read_run("1.2万亿").value)
(6200000000000.0, 1200000000000.0)
>>> read_run("1" * 400).absurd
True
"""
from __future__ import annotations

import decimal
import functools
from dataclasses import dataclass
from decimal import Decimal

import regex

from dashboard.parse.vocab import load

__all__ = ["read_run", "Run", "MAX_DIGITS", "MAX_VALUE"]

#: digits in one group of digits above which a numeral is absurd
MAX_DIGITS = 24
#: values from here up are absurd (no investment or count comes near)
MAX_VALUE = Decimal(10) ** 24

_CTX = decimal.Context(prec=40, Emax=999, Emin=-999, traps=[decimal.InvalidOperation, decimal.DivisionByZero])
_ZERO = Decimal(0)
_ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class Run:
    """A numeral read from text: exact ``value``; ``top`` = its largest CJK
    multiplier (1 when none, used to complete "1~2조원"); ``plain`` = written
    with digits only; ``absurd`` = too long or too large to be a figure."""

    value: Decimal
    top: int
    plain: bool
    absurd: bool = False


@functools.cache
def _tables():
    num = load("words")["numeral"]
    kd = {k: int(v) for k, v in num["kanji_digits"].items()}
    small = {k: int(v) for k, v in num["small"].items()}
    big = {k: int(v) for k, v in num["big"].items()}
    kdc = regex.escape("".join(kd))
    tok = regex.compile(
        rf"(?P<num>[0-9]++(?:,[0-9]++)*+(?:[.・][0-9]++)?+)|(?P<kd>[{kdc}]++)|(?P<kdec>[點.][{kdc}]++)|(?P<big>\L<big>)|(?P<small>\L<small>)|(?P<sp>\s)",
        big=list(big), small=list(small),
    )
    return kd, small, big, tok


def _digits(tok: str) -> tuple[Decimal, bool]:
    head, comma, tail = tok.rpartition(",")
    if comma and len(tail) < 3 and tail.isdigit() and "." not in tok:  # a decimal comma: "1,5 bilhão"
        tok = f"{head}.{tail}"
    tok = tok.replace(",", "").replace("・", ".")
    whole = tok.split(".", 1)[0]
    if len(whole) > MAX_DIGITS or len(tok) > MAX_DIGITS * 2:
        return _ZERO, True
    return Decimal(tok), False


# "2조4.000억": a dot for a thousands separator between 조/兆 and 억/億 (an 억 part has at most 4 digits)
_DOT_THOUSANDS = regex.compile(r"(?<=[조兆])([0-9])\.([0-9]{3})(?=[억億亿])")


@functools.lru_cache(maxsize=4096)  # numerals repeat ("1", "10", "100억"); Run is immutable
def read_run(run: str) -> Run:
    """Read one numeral run to an exact value.

    Raises ``ValueError`` when ``run`` is not a numeral.

    >>> float(read_run("1兆1,000億").value), float(read_run("1억2천만").value)
    (1100000000000.0, 120000000.0)
    >>> float(read_run("2조4.000억").value), float(read_run("1,25,000").value)
    (2400000000000.0, 125000.0)
    """
    if run.isascii() and run.replace(",", "").replace(".", "", 1).isdigit():  # the common case
        value, absurd = _digits(run)
        return Run(value, 1, True, absurd or value >= MAX_VALUE)
    kd, small, big, tok_re = _tables()
    if "." in run:
        run = _DOT_THOUSANDS.sub(r"\1\2", run)
    mult = big.get(run[-1])
    if mult is not None and len(run) > 1:  # "5000억", "1.5兆": digits and one multiplier
        head = run[:-1]
        if head.isascii() and head.replace(",", "").replace(".", "", 1).isdigit() and "," not in head[:1]:
            value, absurd = _digits(head)
            if not absurd:
                with decimal.localcontext(_CTX):
                    value *= mult
                return Run(value, mult, False, value >= MAX_VALUE)
    total = section = _ZERO
    cur: Decimal | None = None
    last_big = 0
    top = 1
    seen = absurd = False
    pos = 0
    plain = True
    with decimal.localcontext(_CTX):
        for m in tok_re.finditer(run):
            if m.start() != pos:
                raise ValueError(f"not a numeral: {run!r}")
            pos = m.end()
            kind = m.lastgroup
            tok = m.group()
            if kind == "num":
                cur, bad = _digits(tok)
                absurd = absurd or bad
                seen = True
            elif kind == "kd":
                if len(tok) > MAX_DIGITS:
                    absurd = True
                    cur = _ZERO
                else:
                    cur = Decimal(int("".join(str(kd[ch]) for ch in tok)))
                seen = True
            elif kind == "kdec":  # 一點○五兆, 十點三九億, 三十五.三九兆
                frac = Decimal("0." + "".join(str(kd[ch]) for ch in tok[1:]))
                if cur is None:
                    cur, section = section + frac, _ZERO
                else:
                    cur += frac
            elif kind == "small":
                section += (cur if cur is not None else _ONE) * small[tok]
                cur = None
                seen = True
                plain = False
            elif kind == "big":
                mult = big[tok]
                top = max(top, mult)
                part = section + (cur if cur is not None else _ZERO)
                if part == 0:
                    if total:  # 1.2万亿 (万 then 亿), 15.6亿万 (亿 then 万): one compound multiplier
                        total *= mult
                        last_big = mult
                        continue
                    part = _ONE  # "万卡", "만7천": the multiplier alone is one of it
                    seen = True
                if last_big and mult > last_big:  # "1만억": scale everything read so far
                    total = (total + part) * mult
                else:
                    total += part * mult
                last_big = mult
                section = _ZERO
                cur = None
                if total >= MAX_VALUE:  # stop growing: "1만억" x n
                    absurd = True
                    total = _ZERO
        if pos != len(run) or not seen:
            raise ValueError(f"not a numeral: {run!r}")
        total += section + (cur if cur is not None else _ZERO)
    return Run(total, top, plain and top == 1, absurd or total >= MAX_VALUE)
