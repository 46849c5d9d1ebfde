"""Numerals as news text writes them: digits, CJK groups, kanji, scale words.

The extractor finds a numeral *run* with :data:`RUN_RE` and reads it with
:func:`read_run`. A run is ASCII digits (thousands separators ``,``; decimal
point ``.`` or the Japanese ``・`` of "６・２兆円"), kanji/hanja digits
(〇一二三四五六七八九两), and the multipliers 十百千 / 십백천 (10, 100, 1000)
and 万萬만 (1e4), 億亿억 (1e8), 兆조 (1e12), 万亿/萬億 (1e12), in any mix:
"2조5000억", "3천630억", "1兆1,000億", "四千億", "1.2万亿", "一兆二千億".
Values are exact :class:`fractions.Fraction` so that "1.1GW" is 1100 MW, not
1100.0000000000002.

Full-width characters are folded to ASCII first with :func:`fold` (one
character for one character, so offsets stay valid).

>>> from dashboard.parse.numerals import read_run
>>> float(read_run("2조5000억").value)
2500000000000.0
>>> float(read_run("四千億").value), float(read_run("6・2兆").value)
(400000000000.0, 6200000000000.0)
>>> float(read_run("1.2万亿").value)
1200000000000.0
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["fold", "read_run", "Run", "RUN_RE", "SCALE_WORDS", "KANJI_DIGITS", "BIG_UNITS", "SMALL_UNITS"]

# --- full-width folding (1:1 so that offsets into the original text stay valid)
_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}  # ！..～ -> !..~
_FOLD.update({0x3000: 0x20, 0xFF0C: 0x2C, 0x3001: 0x3001, 0xFFE5: 0xA5, 0xFFE6: 0x20A9, 0xFFE1: 0xA3})
_FOLD[0x301C] = 0x7E  # 〜 -> ~
_FOLD[0x223C] = 0x7E  # ∼ (tilde operator, common in Korean ranges "3조∼4조원") -> ~
_FOLD[0xFF08] = 0xFF08  # keep full-width parentheses: the extractor reads both
_FOLD[0xFF09] = 0xFF09
_NEEDS_FOLD = re.compile(r"[\u223c\u3000\u301c\uff01-\uff5e\uffe1\uffe5\uffe6]")


def fold(text: str) -> str:
    """Fold full-width digits, Latin letters and signs to ASCII, 1 char for 1.

    >>> fold("４００億ドル（約６・２兆円）")
    '400億ドル（約6・2兆円）'
    """
    if _NEEDS_FOLD.search(text) is None:
        return text
    return text.translate(_FOLD)


KANJI_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "千": 1000, "십": 10, "백": 100, "천": 1000}
BIG_UNITS: dict[str, int] = {
    "万": 10**4, "萬": 10**4, "만": 10**4,
    "億": 10**8, "亿": 10**8, "억": 10**8,
    "兆": 10**12, "조": 10**12,
    "万亿": 10**12, "萬億": 10**12, "万億": 10**12,
}

# English / Indian scale words that follow a numeral ("1.5bn", "91,000 crore").
# "m", "b" and "k" alone are accepted only after a currency sign (decided by
# the extractor), never as bare letters.
SCALE_WORDS: dict[str, int] = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6, "mio": 10**6,
    "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12, "tr": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5,
    "crore": 10**7, "crores": 10**7, "cr": 10**7,
    "lakh crore": 10**12, "lakh crores": 10**12, "lac crore": 10**12,
}

_KD = "〇零一二三四五六七八九两兩"
_SM = "十拾百천백십"  # 千 handled separately: not before 瓦 (千瓦 = kW)
_BIG1 = "万萬만億亿억조"  # 兆 handled separately: not before 瓦 (兆瓦 = MW)
_BIG = rf"(?:万亿|萬億|万億|[{_BIG1}]|兆(?!瓦))"
_SMALL = rf"(?:[{_SM}]|千(?!瓦))"
_DIG = r"\d+(?:,\d{3}(?!\d))*(?:[.・]\d+)?"

# Where a run may start: a digit not glued to a word or another number
# (so "H200", "FY2025", "GB200 NVL72" and "1.2.3" give nothing), except after
# currency codes written without a space ("RM1.2bn", "USD500m", "Rs1,000").
_DIGIT_START = (
    r"(?:(?<![A-Za-z0-9_.,])|(?<=RM)|(?<=Rs)|(?<=Rp)|(?<=US)|(?<=NT)|(?<=HK)|(?<=SG)|(?<=AU)|(?<=CA)|(?<=NZ)"
    r"|(?<=USD)|(?<=EUR)|(?<=JPY)|(?<=KRW)|(?<=CNY)|(?<=RMB)|(?<=TWD)|(?<=NTD)|(?<=INR)|(?<=GBP)|(?<=HKD)"
    r"|(?<=SGD)|(?<=AUD)|(?<=CAD)|(?<=MYR)|(?<=CHF))"
)
# kanji / hangul starts: not after a vagueness marker (数千億, 수천억, 几百亿, 十数億)
_CJK_START = r"(?<![수몇数數几幾多余十百千])"

RUN_RE = re.compile(
    rf"{_DIGIT_START}{_DIG}"
    rf"(?:\s?{_BIG}|{_SMALL}|(?<=[{_BIG1}兆{_SM}千])(?:{_DIG}|[{_KD}]+)"
    rf"|(?<=[{_BIG1}兆])\s{_DIG}(?=\s?(?:{_BIG}|{_SMALL})))*"
    rf"|{_CJK_START}(?:[{_KD}]+|{_SMALL}(?=[{_KD}]|{_BIG}|{_SMALL}))(?:{_BIG}|{_SMALL}|[{_KD}]+|{_DIG})*"
)

_TOKEN_RE = re.compile(rf"(?P<num>{_DIG})|(?P<kd>[{_KD}]+)|(?P<big>万亿|萬億|万億|[{_BIG1}兆])|(?P<small>[{_SM}千])|(?P<sp>\s)")


@dataclass(frozen=True)
class Run:
    """A numeral read from text: exact ``value``, ``top`` = its largest CJK
    multiplier (1 when none, used to complete "1~2조원"), ``plain`` = True when
    written with digits only (no CJK multiplier)."""

    value: Fraction
    top: int
    plain: bool


def _digits(tok: str) -> Fraction:
    tok = tok.replace(",", "").replace("・", ".")
    if "." in tok:
        whole, frac = tok.split(".", 1)
        return Fraction(int(whole + frac), 10 ** len(frac))
    return Fraction(int(tok))


def read_run(run: str) -> Run:
    """Read one numeral run (as matched by :data:`RUN_RE`) to an exact value.

    Raises ``ValueError`` when ``run`` is not a numeral.

    >>> float(read_run("1兆1,000億").value), float(read_run("3,440億").value)
    (1100000000000.0, 344000000000.0)
    >>> float(read_run("1억2천만").value)
    120000000.0
    """
    total = Fraction(0)
    section = Fraction(0)
    cur: Fraction | None = None
    last_big = 0
    top = 1
    seen = False
    pos = 0
    for m in _TOKEN_RE.finditer(run):
        if m.start() != pos:
            raise ValueError(f"not a numeral: {run!r}")
        pos = m.end()
        kind = m.lastgroup
        tok = m.group()
        if kind == "num":
            cur = _digits(tok)
            seen = True
        elif kind == "kd":
            n = 0
            for ch in tok:
                n = n * 10 + KANJI_DIGITS[ch]
            cur = Fraction(n)
            seen = True
        elif kind == "small":
            section += (cur if cur is not None else 1) * SMALL_UNITS.get(tok, 1000)
            cur = None
            seen = True
        elif kind == "big":
            mult = BIG_UNITS[tok]
            top = max(top, mult)
            part = section + (cur if cur is not None else 0)
            if part == 0:
                if total and mult > last_big:  # 1.2万亿 written as 万 then 亿
                    total *= mult
                    last_big = mult
                    continue
                part = Fraction(1)
            if last_big and mult > last_big:  # e.g. "1만억": scale everything read so far
                total = (total + part) * mult
            else:
                total += part * mult
            last_big = mult
            section = Fraction(0)
            cur = None
    if pos != len(run) or not seen:
        raise ValueError(f"not a numeral: {run!r}")
    total += section + (cur if cur is not None else 0)
    return Run(total, top, top == 1 and not any(ch in SMALL_UNITS or ch == "千" for ch in run))
