"""Currency signs and words -> ISO 4217 codes, and the rules for ambiguous ones.

The tables are data (``vocab/money.toml``): :func:`prefixes` (written before
the number: ``US$``, ``₩``, ``Rs``, ``人民币``, ``新台幣``) and :func:`suffixes`
(after it: ``원``, ``円``, ``美元``, ``dollars``). English keys are lower case.

Ambiguous signs resolve by these documented rules (see :func:`resolve`):

* ``¥`` is JPY, unless the locale is Chinese or the text speaks of yuan
  (人民币, RMB, yuan, 元 after a number) and never of yen: then CNY.
* ``元`` is CNY, unless the locale is ``zh-TW`` (TWD) or ``zh-HK`` (HKD), or the
  article itself is Taiwanese or from Hong Kong (``region``: 新台幣 or Taiwanese
  place names, 港元 or 香港 elsewhere in the text; see :mod:`dashboard.parse.links`),
  or a declaration such as （人民幣，下同） names the currency. ``locale`` wins.
* ``$`` alone, ``dollar(s)``, ``달러``, ``ドル``, ``불``, ``弗`` are USD; ``NT$``,
  ``新台幣`` are always TWD.

>>> resolve("¥?", locale=None), resolve("¥?", locale="zh-CN"), resolve("元?", locale="zh-TW")
('JPY', 'CNY', 'TWD')
>>> resolve("元?", region="HKD"), resolve("元?", locale="zh-CN", region="TWD")
('HKD', 'CNY')
"""
from __future__ import annotations

import functools

import regex

from dashboard.parse.vocab import load

__all__ = ["prefixes", "suffixes", "YEN_SIGN", "YUAN", "resolve", "text_says_yuan", "locale_family"]

YEN_SIGN = "¥?"
YUAN = "元?"


@functools.cache
def prefixes() -> dict[str, str]:
    """Signs and codes written before a number -> ISO code (or a marker)."""
    return dict(load("money")["prefix"])


@functools.cache
def suffixes() -> dict[str, str]:
    """Currency words written after a number -> ISO code (or a marker)."""
    out: dict[str, str] = {}
    for table in load("money")["suffix"].values():
        out.update(table)
    return out


_YUAN_HINT = regex.compile(r"人民币|人民幣|人民元|RMB|CNY|[Yy]uan|[Rr]enminbi|위안|\d\s?(?:[万亿億萬])?元")
_YEN_HINT = regex.compile(r"円|日元|日圆|日圓|[Yy]en\b|JPY|엔")


def locale_family(locale: str | None) -> str:
    """Normalise a locale hint to "ko", "ja", "zh-CN", "zh-TW", "zh-HK", "en" or "".

    >>> locale_family("zh_Hant_TW"), locale_family("ko-KR"), locale_family(None), locale_family("zh-HK")
    ('zh-TW', 'ko', '', 'zh-HK')
    """
    if not locale:
        return ""
    low = locale.replace("_", "-").lower()
    parts = low.split("-")
    if low.startswith("zh"):
        if "hk" in parts or "mo" in parts:
            return "zh-HK"
        return "zh-TW" if ("tw" in parts or "hant" in parts) else "zh-CN"
    return parts[0]


def text_says_yuan(text: str) -> bool:
    """True when ``text`` speaks of yuan and never of yen (the ``¥`` rule)."""
    return _YUAN_HINT.search(text) is not None and _YEN_HINT.search(text) is None


def resolve(code: str, *, locale: str | None = None, yuan_text: bool = False, region: str | None = None) -> str:
    """Turn a table value (ISO code or marker) into an ISO code.

    ``yuan_text`` is :func:`text_says_yuan` of the text; ``region`` the currency
    that the article's context or a declaration gives a bare 元 ("TWD", "HKD",
    "CNY" or None).

    >>> resolve("¥?", yuan_text=True), resolve("元?"), resolve("USD")
    ('CNY', 'CNY', 'USD')
    """
    code = {"¥": YEN_SIGN, "￥": YEN_SIGN, "元": YUAN}.get(code, code)
    fam = locale_family(locale)
    if code == YEN_SIGN:
        return "CNY" if (fam.startswith("zh") or yuan_text) else "JPY"
    if code == YUAN:
        if fam == "zh-TW":
            return "TWD"
        if fam == "zh-HK":
            return "HKD"
        if fam == "zh-CN":
            return "CNY"
        return region or "CNY"
    return code
