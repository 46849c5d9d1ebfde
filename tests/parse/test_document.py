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


def test_in_currency_phrase_declares_the_rest_of_the_sentence():
    """"若以美金計算" makes the bare 元 of its sentence USD; the next sentence keeps the region's reading."""
    figs = extract_figures("若以美金計算，台積電第一季營收為103.1億元。台積電營收為50億元")
    assert [(f.value, f.unit) for f in figs] == [(10310000000.0, "USD"), (5000000000.0, "TWD")]


def test_mainland_place_names_keep_a_traditional_script_yuan_in_cny():
    """A traditional-script article about Shanghai or Wuhan with no Taiwanese marker reads 元 as CNY."""
    assert extract_figures("上海積體電路產業基金二期註冊資本由80億元增至150億元")[0].unit == "CNY"
    assert extract_figures("經濟部表示，新竹廠投資80億元，與上海無關")[0].unit == "TWD"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("美光科技投资超过300亿元,在新加坡打造新厂。", "SGD"),
        ("槟城去年吸引了131亿元投资。", "MYR"),
        ("马来西亚政府拨款20亿元支持芯片业。", "MYR"),
        ("国务院批准在上海投资500亿元。", "CNY"),
    ],
)
def test_singapore_and_malaysia_articles_read_a_bare_yuan_as_their_dollar(text, code):
    """新加坡 / 槟城 / 马来西亚 make a bare 元 SGD / MYR unless mainland markers outnumber them."""
    (fig,) = extract_figures(text)
    assert fig.currency == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("江西省政府宣佈投資50億元興建晶圓廠，占地300畝。", "CNY"),  # traditional script, mainland markers
        ("該項目預計實現30億元的年產值，國內產業鏈將受惠。", "CNY"),  # traditional script alone decides nothing
        ("美光將斥資569億元收購位於苗栗的晶圓廠。", "TWD"),  # a Taiwanese county
        ("英商FORMOSA公司以15億元認購股份。", "CNY"),  # RM inside a word is no Malaysian marker
    ],
)
def test_region_is_weighed_by_markers_not_by_script(text, code):
    """Mainland provinces and cities outweigh traditional script; Taiwanese counties make it TWD."""
    assert extract_figures(text)[0].currency == code
