"""Tests for dashboard.parse.currencies: the tables and the ambiguity rules."""
from __future__ import annotations

import pytest

from dashboard.parse.currencies import locale_family, prefixes, resolve, suffixes, text_says_yuan
from dashboard.units import is_currency


def test_every_table_code_is_a_registry_currency():
    """Every code in the tables (markers aside) is a currency of the shared registry."""
    codes = {c for c in list(prefixes().values()) + list(suffixes().values()) if not c.endswith("?")}
    assert codes and all(is_currency(c) for c in codes), sorted(c for c in codes if not is_currency(c))


@pytest.mark.parametrize(
    ("sign", "locale", "yuan_text", "code"),
    [
        ("¥", None, False, "JPY"),
        ("¥", "ja", False, "JPY"),
        ("¥", "en", True, "CNY"),
        ("¥", "zh-CN", False, "CNY"),
        ("¥", "zh_TW", False, "CNY"),
        ("元", None, False, "CNY"),
        ("元", "zh-CN", False, "CNY"),
        ("元", "zh-TW", False, "TWD"),
        ("元", "zh-Hant", False, "TWD"),
        ("元", "ja", False, "CNY"),
        ("USD", "zh-TW", False, "USD"),
        ("元", "zh-HK", False, "HKD"),
    ],
)
def test_resolve_rules(sign, locale, yuan_text, code):
    """¥ is JPY unless Chinese locale or yuan text; 元 is CNY unless zh-TW."""
    assert resolve(sign, locale=locale, yuan_text=yuan_text) == code


@pytest.mark.parametrize(
    ("text", "says"),
    [("投资人民币100亿元", True), ("344 billion yuan", True), ("4000億円と100億元", False), ("no currency", False)],
)
def test_text_says_yuan(text, says):
    """Text speaks of yuan only when it mentions yuan and never yen."""
    assert text_says_yuan(text) is says


@pytest.mark.parametrize(
    ("locale", "family"),
    [("ko-KR", "ko"), ("ja_JP", "ja"), ("zh", "zh-CN"), ("zh-Hans-CN", "zh-CN"), ("zh_Hant_TW", "zh-TW"), ("", "")],
)
def test_locale_family(locale, family):
    """Locale hints normalise to the families the rules use."""
    assert locale_family(locale) == family


@pytest.mark.parametrize(
    ("locale", "region", "code"),
    [(None, "TWD", "TWD"), (None, "HKD", "HKD"), (None, None, "CNY"), ("zh-CN", "TWD", "CNY"), ("zh-TW", "HKD", "TWD")],
)
def test_region_of_the_article_decides_a_bare_yuan_unless_the_locale_says(locale, region, code):
    """A bare 元 takes the article's region (TW/HK); an explicit locale wins."""
    assert resolve("元?", locale=locale, region=region) == code
