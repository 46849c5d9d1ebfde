"""Tests for dashboard.parse.document: locale, TW/HK region and declarations decide a bare 元."""
from __future__ import annotations

import pytest

from dashboard.parse import extract_figures


LOCALES = [
    ("3,440億元", None, "CNY"),
    ("3,440億元", "zh-CN", "CNY"),
    ("500億元", "zh-TW", "TWD"),
    ("¥1 trillion", None, "JPY"),
    ("¥1 trillion", "ja", "JPY"),
    ("¥100 billion", "zh-CN", "CNY"),
    ("¥100 billion of renminbi bonds", None, "CNY"),
    ("$1 billion", "zh-TW", "USD"),
    ("NT$1 billion", None, "TWD"),
    ("新台幣1億元", "zh-CN", "TWD"),
    ("投资500亿", None, "CNY"),
    ("投資達500億", "zh-TW", "TWD"),
]


@pytest.mark.parametrize(("text", "locale", "code"), LOCALES)
def test_locale_rules(text, locale, code):
    """¥ and 元 resolve by the documented rules; explicit signs never change."""
    (fig,) = extract_figures(text, locale=locale)
    assert fig.currency == code
