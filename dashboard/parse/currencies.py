"""Currency words and signs -> ISO 4217 codes, and the rules for ambiguous ones.

Two tables: :data:`PREFIXES` (written before the number: ``US$``, ``₩``,
``Rs``, ``人民币``, ``新台幣``) and :data:`SUFFIXES` (written after it: ``원``,
``円``, ``美元``, ``billion dollars`` -> ``dollars``). Keys of the English
entries are lower case; matching is case-insensitive for them.

Ambiguous signs resolve by these documented rules (see :func:`resolve`):

* ``¥`` / ``￥`` is JPY, unless the locale is Chinese (``zh``, ``zh-CN``,
  ``zh-TW``, ...) or the text itself speaks of yuan (人民币, 人民幣, RMB, CNY,
  yuan, renminbi, 元 after a number) and never of yen (円, 日元, yen, JPY): then CNY.
  ``JP¥`` and ``CN¥`` are always JPY and CNY.
* ``元`` is CNY, unless the locale is ``zh-TW`` (also ``zh-Hant``, ``zh-HK`` is
  not affected): then TWD. Even in zh-TW, a 元 amount restated in parentheses by
  an explicit 新台幣 amount ("3,440億元（約新台幣1.42兆元）") is CNY.
* ``$`` alone, ``dollar(s)``, ``달러``, ``ドル``, ``불``, ``弗`` (Korean headline
  shorthand, only when no Han character follows) are USD. ``NT$``, ``新台幣``,
  ``新台币``, ``台幣``, ``대만달러``, ``台湾ドル`` are always TWD.

>>> from dashboard.parse.currencies import resolve
>>> resolve("¥", locale=None), resolve("¥", locale="zh-CN"), resolve("元", locale="zh-TW")
('JPY', 'CNY', 'TWD')
"""
from __future__ import annotations

import re

__all__ = ["PREFIXES", "SUFFIXES", "YEN_SIGN", "YUAN", "resolve", "text_says_yuan", "locale_family"]

YEN_SIGN = "¥?"  # marker: JPY or CNY by the rules above
YUAN = "元?"  # marker: CNY or TWD by the rules above

# Written before the number. Letters-only codes must stand as a word (checked
# by the extractor's regex); signs may touch the number.
PREFIXES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "US $": "USD", "USD": "USD", "USD$": "USD",
    "NT$": "TWD", "NT $": "TWD", "NTD": "TWD", "TWD": "TWD", "NT": "TWD",
    "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "SG$": "SGD", "SGD": "SGD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "NZ$": "NZD", "NZD": "NZD", "R$": "BRL", "BRL": "BRL", "MX$": "MXN", "MXN": "MXN",
    "$": "USD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "¥": YEN_SIGN, "JP¥": "JPY", "JPY": "JPY", "CN¥": "CNY", "CNY": "CNY", "RMB": "CNY",
    "₩": "KRW", "KRW": "KRW",
    "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR",
    "RM": "MYR", "MYR": "MYR", "Rp": "IDR", "IDR": "IDR", "₱": "PHP", "PHP": "PHP",
    "฿": "THB", "THB": "THB", "CHF": "CHF", "SAR": "SAR", "AED": "AED", "SEK": "SEK",
    "人民币": "CNY", "人民幣": "CNY", "新台幣": "TWD", "新台币": "TWD", "台幣": "TWD", "台币": "TWD",
    "港币": "HKD", "港幣": "HKD", "港元": "HKD", "美元": "USD", "美金": "USD",
}

# Written after the number (and its scale word).
SUFFIXES: dict[str, str] = {
    # Korean
    "원": "KRW", "원화": "KRW", "엔": "JPY", "엔화": "JPY", "달러": "USD", "달러화": "USD", "불": "USD", "弗": "USD",
    "미 달러": "USD", "미달러": "USD", "미국 달러": "USD", "위안": "CNY", "위안화": "CNY",
    "유로": "EUR", "유로화": "EUR", "대만달러": "TWD", "대만 달러": "TWD", "홍콩달러": "HKD",
    "홍콩 달러": "HKD", "싱가포르달러": "SGD", "싱가포르 달러": "SGD", "호주달러": "AUD",
    "호주 달러": "AUD", "캐나다달러": "CAD", "캐나다 달러": "CAD", "파운드": "GBP", "루피": "INR",
    "링깃": "MYR", "리얄": "SAR", "디르함": "AED", "스위스프랑": "CHF",
    # Japanese
    "円": "JPY", "ドル": "USD", "米ドル": "USD", "米国ドル": "USD", "ユーロ": "EUR", "ウォン": "KRW",
    "韓国ウォン": "KRW", "人民元": "CNY", "台湾ドル": "TWD", "新台湾ドル": "TWD", "台湾元": "TWD",
    "香港ドル": "HKD", "シンガポールドル": "SGD", "豪ドル": "AUD", "豪州ドル": "AUD", "カナダドル": "CAD",
    "ポンド": "GBP", "英ポンド": "GBP", "ルピー": "INR", "リンギ": "MYR", "リンギット": "MYR",
    "スイスフラン": "CHF", "リヤル": "SAR", "ディルハム": "AED", "バーツ": "THB",
    # Chinese
    "元": YUAN, "美元": "USD", "美金": "USD", "人民币": "CNY", "人民幣": "CNY", "人民币元": "CNY",
    "日元": "JPY", "日圆": "JPY", "日圓": "JPY", "韩元": "KRW", "韓元": "KRW", "韩币": "KRW", "韓幣": "KRW",
    "韩圆": "KRW", "韓圜": "KRW", "欧元": "EUR", "歐元": "EUR", "新台币": "TWD", "新台幣": "TWD",
    "台币": "TWD", "台幣": "TWD", "新台币元": "TWD", "新台幣元": "TWD", "港元": "HKD", "港币": "HKD",
    "港幣": "HKD", "英镑": "GBP", "英鎊": "GBP", "澳元": "AUD", "澳币": "AUD", "澳幣": "AUD",
    "加元": "CAD", "加币": "CAD", "加幣": "CAD", "新加坡元": "SGD", "新元": "SGD", "新币": "SGD",
    "新幣": "SGD", "卢比": "INR", "盧比": "INR", "林吉特": "MYR", "瑞郎": "CHF", "泰铢": "THB",
    "泰銖": "THB", "迪拉姆": "AED", "里亚尔": "SAR",
    # English words (lower case) and codes
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "singapore dollars": "SGD", "singapore dollar": "SGD",
    "hong kong dollars": "HKD", "hong kong dollar": "HKD", "australian dollars": "AUD",
    "australian dollar": "AUD", "canadian dollars": "CAD", "canadian dollar": "CAD",
    "taiwan dollars": "TWD", "taiwan dollar": "TWD", "taiwanese dollars": "TWD",
    "new taiwan dollars": "TWD", "new taiwan dollar": "TWD", "nt dollars": "TWD",
    "yen": "JPY", "japanese yen": "JPY", "won": "KRW", "korean won": "KRW", "yuan": "CNY",
    "renminbi": "CNY", "euro": "EUR", "euros": "EUR", "pounds": "GBP", "pound": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "rupees": "INR", "rupee": "INR",
    "indian rupees": "INR", "ringgit": "MYR", "riyals": "SAR", "riyal": "SAR", "dirhams": "AED",
    "dirham": "AED", "baht": "THB", "swiss francs": "CHF", "swiss franc": "CHF",
    "usd": "USD", "eur": "EUR", "jpy": "JPY", "krw": "KRW", "cny": "CNY", "rmb": "CNY", "twd": "TWD",
    "ntd": "TWD", "gbp": "GBP", "hkd": "HKD", "sgd": "SGD", "aud": "AUD", "cad": "CAD", "chf": "CHF",
    "inr": "INR", "myr": "MYR", "sar": "SAR", "aed": "AED", "thb": "THB",
}

_YUAN_HINT = re.compile(r"人民币|人民幣|人民元|RMB|CNY|[Yy]uan|[Rr]enminbi|위안|\d\s?(?:[万亿億萬])?元")
_YEN_HINT = re.compile(r"円|日元|日圆|日圓|[Yy]en\b|JPY|엔")


def locale_family(locale: str | None) -> str:
    """Normalise a locale hint to one of "ko", "ja", "zh-CN", "zh-TW", "en" or "".

    >>> locale_family("zh_Hant_TW"), locale_family("ko-KR"), locale_family(None)
    ('zh-TW', 'ko', '')
    """
    if not locale:
        return ""
    low = locale.replace("_", "-").lower()
    if low.startswith("zh"):
        return "zh-TW" if ("tw" in low.split("-") or "hant" in low.split("-")) else "zh-CN"
    return low.split("-")[0]


def text_says_yuan(text: str) -> bool:
    """True when ``text`` speaks of yuan and never of yen (the ``¥`` rule)."""
    return _YUAN_HINT.search(text) is not None and _YEN_HINT.search(text) is None


def resolve(code: str, *, locale: str | None = None, yuan_text: bool = False) -> str:
    """Turn a table value (an ISO code, an ambiguity marker, or the sign
    ``¥``/``元`` itself) into an ISO code.

    ``yuan_text`` is :func:`text_says_yuan` of the surrounding text.

    >>> resolve("¥?", yuan_text=True), resolve("元?"), resolve("USD")
    ('CNY', 'CNY', 'USD')
    """
    code = {"¥": YEN_SIGN, "￥": YEN_SIGN, "元": YUAN}.get(code, code)
    if code == YEN_SIGN:
        return "CNY" if (locale_family(locale).startswith("zh") or yuan_text) else "JPY"
    if code == YUAN:
        return "TWD" if locale_family(locale) == "zh-TW" else "CNY"
    return code
