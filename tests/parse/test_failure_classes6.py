"""Failure classes of the sixth round (issue 10, parser-v6), each with our own sentences."""
from __future__ import annotations

import pytest

from dashboard.errors import ParseError
from dashboard.parse import extract_figures, parse_amount, parse_reported


def _read(text, **kw):
    return [(f.value, f.unit, f.bound) for f in extract_figures(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "-plus" after a count or an amount is a lower bound, before a unit or a scale word
        ("The new fab will need 2,000-plus workers by opening day.", [(2000.0, "employee", "lower")]),
        ("Officials expect 500-plus jobs at the packaging site.", [(500.0, "employee", "lower")]),
        ("It is a $10-plus billion bet on advanced nodes.", [(10e9, "USD", "lower")]),
        ("Analysts put the campus at US$25-plus billion.", [(25e9, "USD", "lower")]),
        ("The 300-plus MW campus opens in phases.", [(300.0, "MW", "lower")]),
        ("The lab has 8,000-Plus GPUs on order.", [(8000.0, "gpu", "lower")]),
        # a year-like number after a time word counts its unit when no clause starts after it
        ("The lab brought in 2000 GPUs from two vendors.", [(2000.0, "gpu", None)]),
        ("Demand on the grid grew by 2030 MW last year.", [(2030.0, "MW", None)]),
        ("The group invested in 1950 wafers of spare capacity.", [(1950.0, "wafer", None)]),
        ("They put in 2048 GPUs that had been idle.", [(2048.0, "gpu", None)]),
        # the place the money goes to decides a bare 元 (before the article's region)
        ("台灣廠商赴上海投資50億元。", [(5e9, "CNY", None)]),
        ("一家台灣封測廠在蘇州設廠，投資約80億元。", [(8e9, "CNY", None)]),
        ("陸資企業來台投資30億元。", [(3e9, "TWD", None)]),
        ("上海一家公司在台灣投資20億元。", [(2e9, "TWD", None)]),
        ("台積電宣布投資3000億元擴產。", [(300e9, "TWD", None)]),
    ],
)
def test_round_six_classes(text, expected):
    """Each sentence reads as the figures a person would write down."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2000 GPUs were rare and slow.",
        "Sales grew, and in 2025 new jobs in the region doubled.",
        "The plan slipped. By 2030 GW-class sites may be common.",
        "It was founded in 1998 and employs few people.",
        "In 2031 mostly new jobs will appear in services.",
    ],
)
def test_years_that_open_a_clause_stay_dates(text):
    """A year followed by the subject of a new clause, or opening its sentence, is a date."""
    assert [f for f in extract_figures(text) if f.kind == "quantity"] == []


def test_locale_and_declaration_win_over_the_destination():
    """An explicit locale or a currency declaration still decides a bare 元."""
    assert _read("台灣廠商赴上海投資50億元。", locale="zh-TW") == [(5e9, "TWD", None)]
    assert _read("（新台幣，下同）台灣廠商赴上海投資50億元。") == [(5e9, "TWD", None)]


def test_parse_reported_refuses_an_amount_cut_inside_a_word():
    """'$5 billionz' is not $5: the scale word was not read, so the amount is refused, named."""
    for text, word in (("$5 billionz", "billionz"), ("US$7 bns", "bns")):
        with pytest.raises(ParseError, match=rf"cannot parse '{regex_escape(text)}' at position \d+: the scale word '{word}'"):
            parse_reported(text)
        with pytest.raises(ParseError):
            parse_amount(text)


def regex_escape(text):
    import re

    return re.escape(text)


def test_parse_reported_says_what_it_did_not_read():
    """Words around the amount are kept in ``unread``; a number there makes it incomplete."""
    r = parse_reported("总投资约10亿元人民币以上规模")
    assert (r.value, r.unit, r.bound, r.unread, r.complete) == (1e9, "CNY", "lower", ("总投资", "规模"), True)
    r = parse_reported("$5 billion")
    assert (r.unread, r.complete) == (("", ""), True)
    r = parse_reported("XYZ 17.5 trillion (US$665 million)")  # an unknown currency: the restatement is what was read
    assert (r.value, r.unit, r.complete) == (665e6, "USD", False)
    assert "17.5 trillion" in r.unread[0]


def test_two_bound_words_before_an_amount():
    """'最大約929億円' is up to about 92.9 billion yen: 最大 + 約, not 大約 with 最 left over."""
    r = parse_reported("最大約929億円")
    assert (r.value, r.bound, r.approx, r.text, r.unread) == (92.9e9, "upper", True, "最大約929億円", ("", ""))
    assert parse_reported("大約929億元").bound == "approx"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare 万亿/萬億 after a bound or approximation character: one trillion
        ("大陸半導體投資超萬億元。", [(1e12, "CNY", "lower")]),
        ("市场规模逾万亿元。", [(1e12, "CNY", "lower")]),
        # a CJK counter with a Latin noun after it ("片GaN"), a chip adjective before a model
        ("新厂月产8000片GaN(氮化镓)芯片。", [(8000.0, "wafer / month", None)]),
        ("建設月産6000片SiC晶片生産線。", [(6000.0, "wafer / month", None)]),
        ("公司采购3万片液冷B200芯片。", [(30000.0, "gpu", None)]),
        ("该公司购入5000颗最新H20芯片。", [(5000.0, "gpu", None)]),
        ("订购约8万颗辉达H800 GPU晶片。", [(80000.0, "gpu", None)]),
        # ... but a model-like name before a wafer noun is no GPU count
        ("该厂生产5000片A12晶圆。", [(5000.0, "wafer", None)]),
        # Chinese projects in a sentence about data centres, with a state or "other" before the noun
        ("该州已有12个数据中心，另有8个项目在建。", [(12.0, "datacenter", None), (8.0, "datacenter", None)]),
        ("当地有15座数据中心，另有25个已核准专案。", [(15.0, "datacenter", None), (25.0, "datacenter", None)]),
        ("全州共有40个其他项目处于审批阶段，显示其作为数据中心枢纽的吸引力。", [(40.0, "datacenter", None)]),
        # ... and no count of projects without data centres in the sentence
        ("该市今年签约30个项目，总投资500亿元。", [(50e9, "CNY", None)]),
        # job nouns after a longer modifier
        ("預計可創造4,000個穩定且是高薪的工作機會。", [(4000.0, "employee", None)]),
        # 万卡集群 is the cluster's class when a real count stands in its sentence
        ("该万卡集群采用3万片H100芯片。", [(30000.0, "gpu", None)]),
        ("他们建成了万卡集群。", [(10000.0, "gpu", None)]),
    ],
)
def test_round_six_chinese_classes(text, expected):
    """Chinese figure classes: bare 万亿 bounds, counters before Latin nouns and chip adjectives, projects."""
    assert _read(text) == expected


def test_approximately_there_are():
    """约有 (there are about) is an approximation word before a count."""
    (f,) = extract_figures("约有20个其他数据中心项目正在审批。")
    assert (f.value, f.unit, f.approx) == (20.0, "datacenter", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Indian lakh grouping in rupees or before crore/lakh (lead's note 4, class 1)
        ("The state will invest Rs. 1,25,000 crore in chips.", [(1.25e12, "INR", None)]),
        ("It is a ₹2,50,000 crore outlay.", [(2.5e12, "INR", None)]),
        ("India plans to spend 12,34,56,789 rupees.", [(123456789.0, "INR", None)]),
        ("Bids came in at Rs 1,40,500–2,10,250 crore.", [(1.405e12, "INR", "lower"), (2.1025e12, "INR", "upper")]),
        # ... and never in another currency, where it can only be a typo
        ("It costs $1,25,000 now.", []),
        # a Korean dot for a thousands separator inside a 조…억 compound (class 7)
        ("총 2조4.000억원을 투자한다.", [(2.4e12, "KRW", None)]),
        # a bare 万/萬 count after a Chinese monthly-capacity word is wafers per month (class 5)
        ("新廠月產能為 45 萬片，二期規劃月產能為 30 萬。", [(450000.0, "wafer / month", None), (300000.0, "wafer / month", None)]),
        ("该厂月产能不足 20 万。", [(200000.0, "wafer / month", "upper")]),
        ("月产能20万台手机。", []),
        # 万方 is 万 square metres (class 6), not 方案 / 方面
        ("项目建筑面积8.5万方。", [(85000.0, "m ** 2", None)]),
        ("公司提出3万方案。", []),
        ("双方签约5万方面。", []),
    ],
)
def test_lead_note4_classes(text, expected):
    """Indian grouping, Korean dot thousands, bare monthly capacity, 万方."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jobs with a hyphenated adjective or a company name between count and noun (class 3)
        ("It will create 1,500 high-value jobs.", [(1500.0, "employee", None)]),
        ("The plan brings over 3,000 new Samsung jobs.", [(3000.0, "employee", "lower")]),
        ("The fab has a workforce of 900.", [(900.0, "employee", None)]),
        ("The line will need a staff of 1,200.", [(1200.0, "employee", None)]),
        ("The firm runs a fleet of 900 trucks.", []),
        # data-centre counters (class 2): Korean 개소, a Chinese count after the noun and 项目/超过
        ("데이터센터는 전체 150개소 중 120개소가 수도권에 있다.", [(150.0, "datacenter", None), (120.0, "datacenter", None)]),
        ("智算中心项目超过200个。", [(200.0, "datacenter", "lower")]),
        # ... racks after IDC, other buildings in a list, one data centre as a topic are no counts
        ("园区规划1.2萬個IDC機架。", []),
        ("新建3栋数据中心、2栋动力中心、1栋办公楼共6栋楼。", [(3.0, "datacenter", None)]),
        ("1カ所のデータセンターにおける電力需要は大きい。", []),
        ("3カ所のデータセンターを新設する。", [(3.0, "datacenter", None)]),
        ("データセンターを8棟程度新設する。", [(8.0, "datacenter", None)]),
        # GPU counts with 套 (class 4); chips per day are output, not GPUs
        ("公司采购20萬套H20芯片。", [(200000.0, "gpu", None)]),
        ("그 공장은 하루 500만개 칩 생산이 가능하다.", []),
    ],
)
def test_lead_note4_counts(text, expected):
    """Jobs, data-centre and GPU counts of the lead's note 4, with their precision cases."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("最大6棟のDC棟を建設する。", [(6.0, "datacenter", "upper")]),
        ("今年共30件新設資料中心獲准。", [(30.0, "datacenter", None)]),
        ("일자리도 5,000개 이상 생긴다.", [(5000.0, "employee", "lower")]),
        ("该园区带来约1,500名高科技人才需求。", [(1500.0, "employee", None)]),
    ],
)
def test_lead_note4_more_counters(text, expected):
    """DC棟, 件 before a data-centre noun, a particle after 일자리, 人才需求 as jobs."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pinyin readings after Han characters are dropped before reading (lead's note 5, class 1)
        ("新廠月產(chǎn)能為 40 萬片。", [(400000.0, "wafer / month", None)]),
        ("總建築面積120萬(wàn)平方米。", [(1.2e6, "m ** 2", None)]),
        ("二期規(guī)劃月產(chǎn)能為 30 萬。", [(300000.0, "wafer / month", None)]),
        ("台積電(TSMC)投資100億美元。", [(10e9, "USD", None)]),
        # a building code after the counter: the noun after it is counted (class 3)
        ("新建3栋数据中心、2栋动力中心、1栋B2办公楼。", [(3.0, "datacenter", None)]),
    ],
)
def test_lead_note5_classes(text, expected):
    """Pinyin annotations and building codes."""
    assert _read(text) == expected


def test_pinyin_spans_point_into_the_original_text():
    """Spans of figures after a dropped reading still index the caller's text."""
    text = "規(guī)劃月產(chǎn)能5万片，总投资120亿(yì)元"
    got = [(f.text, f.unit) for f in extract_figures(text)]
    assert got == [("月產(chǎn)能5万片", "wafer / month"), ("120亿(yì)元", "CNY")]
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It runs 20 data centres, with eight more under construction.", [(20.0, "datacenter", None), (8.0, "datacenter", None)]),
        ("12 data centers are being built, with 8 more on the way.", [(12.0, "datacenter", None), (8.0, "datacenter", None)]),
        ("It has 12 live events and 40 more on the way.", []),
        # a million or more people is jobs only with an employment word outside the noun
        ("The tool reaches over 2 million researchers.", []),
        ("The fab will need 400 specialists.", [(400.0, "employee", None)]),
    ],
)
def test_lead_note5_more(text, expected):
    """'N more' before a state phrase carries the data-centre noun; millions of researchers are users."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("H100芯片的銷量約爲50萬片。", [(500000.0, "gpu", None)]),
        ("該廠為輝達生產H100芯片，晶圓產出約5萬片。", [(50000.0, "wafer", None)]),
        ("DC計10棟を整備する。", [(10.0, "datacenter", None)]),
    ],
)
def test_lead_note5_counters(text, expected):
    """片 counts GPU chips in a sentence without a wafer word; DC as a data-centre noun before 棟."""
    assert _read(text) == expected
