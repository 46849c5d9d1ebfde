"""Write an amount the way news text does, so that the parser reads it back.

:func:`format_amount` is the inverse of :func:`dashboard.parse.parse_amount`:
``parse_amount(format_amount(v, c, notation=n)).value == v`` (to 1e-9
relative) for every notation in :data:`NOTATIONS` (a property test checks
this). The dashboard uses it for labels.

Why not babel alone: ``babel.numbers.format_compact_currency`` rounds to a
fixed number of fraction digits ("JP¥400억") and cannot write mixed groups such
as "2조5000억원" or "1兆1,000億円"; those are what Korean and Japanese readers
expect. (The parser does read babel's compact output, see the tests.)

>>> format_amount(3.918e11, "KRW", notation="ko")
'3,918억원'
>>> format_amount(2.5e12, "KRW", notation="ko")
'2조5000억원'
>>> format_amount(1.1e12, "JPY", notation="ja")
'1兆1,000億円'
>>> format_amount(1.2e12, "CNY", notation="zh-CN")
'1.2万亿元'
>>> format_amount(1.5e9, "USD", notation="en"), format_amount(5e11, "USD", notation="en-short")
('US$1.5 billion', '$500bn')
"""
from __future__ import annotations

from decimal import Decimal

__all__ = ["format_amount", "NOTATIONS"]

NOTATIONS = ("ko", "ja", "zh-CN", "zh-TW", "en", "en-short", "en-IN", "plain")

_KO_WORD = {"KRW": "원", "JPY": "엔", "USD": "달러", "CNY": "위안", "EUR": "유로", "TWD": "대만달러",
            "HKD": "홍콩달러", "SGD": "싱가포르달러", "AUD": "호주달러", "CAD": "캐나다달러", "GBP": "파운드", "INR": "루피"}
_JA_WORD = {"JPY": "円", "USD": "ドル", "EUR": "ユーロ", "KRW": "ウォン", "CNY": "人民元", "TWD": "台湾ドル",
            "HKD": "香港ドル", "SGD": "シンガポールドル", "AUD": "豪ドル", "CAD": "カナダドル", "GBP": "ポンド", "INR": "ルピー"}
_ZH_CN_WORD = {"CNY": ("", "元"), "USD": ("", "美元"), "JPY": ("", "日元"), "KRW": ("", "韩元"), "EUR": ("", "欧元"),
               "TWD": ("新台币", "元"), "HKD": ("", "港元"), "GBP": ("", "英镑"), "SGD": ("", "新加坡元"), "AUD": ("", "澳元"),
               "CAD": ("", "加元")}
_ZH_TW_WORD = {"TWD": ("新台幣", "元"), "USD": ("", "美元"), "JPY": ("", "日圓"), "KRW": ("", "韓元"), "EUR": ("", "歐元"),
               "CNY": ("人民幣", "元"), "HKD": ("", "港幣"), "GBP": ("", "英鎊")}
_EN_SIGN = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "JP¥", "CNY": "RMB ", "KRW": "₩", "INR": "Rs ", "TWD": "NT$",
            "HKD": "HK$", "SGD": "S$", "AUD": "A$", "CAD": "C$", "MYR": "RM"}
_EN_SHORT_SIGN = dict(_EN_SIGN, USD="$")


def _num(x: Decimal, sep: bool = True, digits: int = 12) -> str:
    """Shortest decimal text for ``x`` with at most ``digits`` significant digits."""
    q = Decimal(f"{x:.{digits}g}") if x else Decimal(0)
    text = f"{q:,f}" if sep else f"{q:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _groups(value: Decimal, units: tuple[tuple[int, str], ...], *, comma_all: bool) -> str:
    """Mixed CJK groups: 2조5000억, 1兆1,000億 (integer part exact, fraction kept on the last group)."""
    whole = int(value)
    frac = value - whole
    parts = []
    rest = whole
    for size, word in units:
        n, rest = divmod(rest, size)
        if n:
            parts.append(f"{n:,}{word}" if (comma_all or not parts) else f"{n}{word}")
    if rest or frac or not parts:
        tail = Decimal(rest) + frac
        parts.append(_num(tail, sep=comma_all or not parts))
    return "".join(parts)


def _code_prefix(code: str, body: str, word: str | None, suffix: str = "") -> str:
    return f"{body}{word}" if word else f"{code} {body}{suffix}"


def format_amount(value: float, currency: str, *, notation: str = "en") -> str:
    """Write ``value`` (in currency units) of ``currency`` in ``notation``.

    ``notation`` is one of :data:`NOTATIONS`: ``"ko"`` (조/억/만 groups),
    ``"ja"`` (兆/億/万 groups), ``"zh-CN"`` (万亿/亿/万 with decimals),
    ``"zh-TW"`` (兆/億/萬), ``"en"`` ("US$1.5 billion"), ``"en-short"``
    ("$500bn"), ``"en-IN"`` ("Rs 91,000 crore"), ``"plain"`` ("1,500 USD").
    Raises ``ValueError`` for an unknown notation or a negative/non-finite value.

    >>> format_amount(9.1e11, "INR", notation="en-IN")
    'Rs 91,000 crore'
    """
    if notation not in NOTATIONS:
        raise ValueError(f"unknown notation {notation!r}; valid: {', '.join(NOTATIONS)}")
    try:
        v = Decimal(repr(float(value)))
    except (TypeError, ValueError):
        raise ValueError(f"not a number: {value!r}") from None
    if not v.is_finite() or v < 0:
        raise ValueError(f"amount must be finite and >= 0, got {value!r}")
    code = currency.upper()
    if notation == "ko":
        body = _groups(v, ((10**12, "조"), (10**8, "억"), (10**4, "만")), comma_all=False)
        return _code_prefix(code, body, _KO_WORD.get(code))
    if notation == "ja":
        body = _groups(v, ((10**12, "兆"), (10**8, "億"), (10**4, "万")), comma_all=True)
        return _code_prefix(code, body, _JA_WORD.get(code))
    if notation in ("zh-CN", "zh-TW"):
        if notation == "zh-CN":
            scales = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))
            pre, suf = _ZH_CN_WORD.get(code, (f"{code} ", ""))
        else:
            scales = ((10**12, "兆"), (10**8, "億"), (10**4, "萬"))
            pre, suf = _ZH_TW_WORD.get(code, (f"{code} ", ""))
        for size, word in scales:
            if v >= size:
                return f"{pre}{_num(v / size)}{word}{suf}"
        return f"{pre}{_num(v)}{suf}"
    if notation == "plain":
        return f"{_num(v, digits=28)} {code}"
    if notation == "en-IN":
        sign = "Rs " if code == "INR" else _EN_SIGN.get(code, f"{code} ")
        if v >= 10**12:
            return f"{sign}{_num(v / 10**12)} lakh crore"
        if v >= 10**7:
            return f"{sign}{_num(v / 10**7)} crore"
        if v >= 10**5:
            return f"{sign}{_num(v / 10**5)} lakh"
        return f"{sign}{_num(v)}"
    short = notation == "en-short"
    sign = (_EN_SHORT_SIGN if short else _EN_SIGN).get(code, f"{code} ")
    words = (("tn", "bn", "m") if short else (" trillion", " billion", " million"))
    for size, word in zip((10**12, 10**9, 10**6), words):
        if v >= size:
            return f"{sign}{_num(v / size)}{word}"
    return f"{sign}{_num(v)}"
