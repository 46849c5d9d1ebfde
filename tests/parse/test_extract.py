"""Tests for dashboard.parse.extract: extract_figures and parse_amount."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from parse_corpus import ACRE, CORPUS, PY
from real_style_corpus import CORPUS as REAL_STYLE
from real_style_corpus import report, score

from dashboard.errors import ParseError
from dashboard.parse import extract_figures, parse_amount
from dashboard.units import is_currency

# (text, value in base units, unit): one figure each, every notation of the issue
NOTATIONS = [
    # Korean
    ("총 2조5000억원 규모", 2.5e12, "KRW"),
    ("약 3,620억원", 3.62e11, "KRW"),
    ("3천630억원", 3.63e11, "KRW"),
    ("10조3360억원", 1.0336e13, "KRW"),
    ("1천200억불", 1.2e11, "USD"),
    ("5천억엔", 5e11, "JPY"),
    ("400억엔", 4e10, "JPY"),
    ("50억 달러", 5e9, "USD"),
    ("100억 유로", 1e10, "EUR"),
    ("10억 위안", 1e9, "CNY"),
    ("3억 대만달러", 3e8, "TWD"),
    ("1조 2천억 원", 1.2e12, "KRW"),
    ("1억2000만 달러", 1.2e8, "USD"),
    ("₩3조", 3e12, "KRW"),
    ("5만원", 5e4, "KRW"),
    ("반도체에 20조 투자", 2e13, "KRW"),
    # Japanese
    ("1兆1,000億円", 1.1e12, "JPY"),
    ("約4千億円を投じ", 4e11, "JPY"),
    ("６・２兆円", 6.2e12, "JPY"),
    ("四千億円", 4e11, "JPY"),
    ("三千億円", 3e11, "JPY"),
    ("一兆二千億円", 1.2e12, "JPY"),
    ("４００億ドル", 4e10, "USD"),
    ("29億米ドル", 2.9e9, "USD"),
    ("50億ユーロ", 5e9, "EUR"),
    ("1000億ウォン", 1e11, "KRW"),
    ("300億人民元", 3e10, "CNY"),
    ("500億台湾ドル", 5e10, "TWD"),
    ("620万キロワット", 6200, "MW"),
    # Chinese
    ("投资500亿美元", 5e10, "USD"),
    ("1.2万亿元", 1.2e12, "CNY"),
    ("人民币100亿元", 1e10, "CNY"),
    ("5000亿日元", 5e11, "JPY"),
    ("5000億日圓", 5e11, "JPY"),
    ("1000亿韩元", 1e11, "KRW"),
    ("100亿欧元", 1e10, "EUR"),
    ("新台币300亿元", 3e10, "TWD"),
    ("新台幣1.42兆元", 1.42e12, "TWD"),
    ("40亿美金", 4e9, "USD"),
    ("两千亿元", 2e11, "CNY"),
    ("3,440億元", 3.44e11, "CNY"),
    ("50亿港元", 5e9, "HKD"),
    ("100万千瓦", 1000, "MW"),
    ("1.5吉瓦", 1500, "MW"),
    ("200兆瓦", 200, "MW"),
    # English and signs
    ("US$1.5bn", 1.5e9, "USD"),
    ("$500 billion", 5e11, "USD"),
    ("USD 1.5 billion", 1.5e9, "USD"),
    ("1.5 billion USD", 1.5e9, "USD"),
    ("$5m", 5e6, "USD"),
    ("$6.6B", 6.6e9, "USD"),
    ("$40k", 4e4, "USD"),
    ("$1.2tn", 1.2e12, "USD"),
    ("$500 mln", 5e8, "USD"),
    ("€10bn", 1e10, "EUR"),
    ("£2.5 billion", 2.5e9, "GBP"),
    ("¥1 trillion", 1e12, "JPY"),
    ("JP¥400억", 4e10, "JPY"),
    ("₹10,000 crore", 1e11, "INR"),
    ("Rs 91,000 crore", 9.1e11, "INR"),
    ("Rs. 500 crore", 5e9, "INR"),
    ("Rs 76,000-crore scheme", 7.6e11, "INR"),
    ("Rs 1.26 lakh crore", 1.26e12, "INR"),
    ("INR 10,000 crore", 1e11, "INR"),
    ("RM1.2 billion", 1.2e9, "MYR"),
    ("HK$10 billion", 1e10, "HKD"),
    ("S$1.5 billion", 1.5e9, "SGD"),
    ("A$3bn", 3e9, "AUD"),
    ("C$1.2 billion", 1.2e9, "CAD"),
    ("NT$1.2 trillion", 1.2e12, "TWD"),
    ("3.5 trillion yen", 3.5e12, "JPY"),
    ("10 trillion won", 1e13, "KRW"),
    ("344 billion yuan", 3.44e11, "CNY"),
    ("100 billion renminbi", 1e11, "CNY"),
    ("5 billion euros", 5e9, "EUR"),
    ("2 billion Singapore dollars", 2e9, "SGD"),
    ("400 billion New Taiwan dollars", 4e11, "TWD"),
    ("RMB 10 billion", 1e10, "CNY"),
    # quantities
    ("10만 개의 GPU", 1e5, "gpu"),
    ("GPU 26만 장", 2.6e5, "gpu"),
    ("100,000 GPUs", 1e5, "gpu"),
    ("100,000 Nvidia H100 GPUs", 1e5, "gpu"),
    ("400,000 Nvidia GB200 chips", 4e5, "gpu"),
    ("50,000 MI300X chips", 5e4, "gpu"),
    ("200,000 AI chips", 2e5, "gpu"),
    ("50,000 accelerators", 5e4, "gpu"),
    ("1 million GPUs", 1e6, "gpu"),
    ("a 100,000-GPU cluster", 1e5, "gpu"),
    ("10万块GPU", 1e5, "gpu"),
    ("1万张H100", 1e4, "gpu"),
    ("GPUを1万基", 1e4, "gpu"),
    ("1.2GW", 1200, "MW"),
    ("1.2 GW", 1200, "MW"),
    ("300MW급", 300, "MW"),
    ("5 gigawatts", 5000, "MW"),
    ("a 1-gigawatt campus", 1000, "MW"),
    ("1.5기가와트", 1500, "MW"),
    ("월 10만 장", 1e5, "wafer / month"),
    ("월 4만5000장 웨이퍼", 4.5e4, "wafer / month"),
    ("월 생산능력 10만 장", 1e5, "wafer / month"),
    ("20,000 wafers per month", 2e4, "wafer / month"),
    ("40,000 wafers a month", 4e4, "wafer / month"),
    ("50,000 12-inch wafers per month", 5e4, "wafer / month"),
    ("100k wpm", 1e5, "wafer / month"),
    ("月産10万枚", 1e5, "wafer / month"),
    ("月产能4万片", 4e4, "wafer / month"),
    ("每月5万片晶圆", 5e4, "wafer / month"),
    ("2,000명 고용", 2000, "employee"),
    ("일자리 1만 개", 1e4, "employee"),
    ("3000개의 일자리", 3000, "employee"),
    ("3,000 jobs", 3000, "employee"),
    ("1,500 high-paying jobs", 1500, "employee"),
    ("employ about 3,000 people", 3000, "employee"),
    ("2000人の雇用", 2000, "employee"),
    ("雇用2000人", 2000, "employee"),
    ("5000个就业岗位", 5000, "employee"),
    ("5000名员工", 5000, "employee"),
    ("50만㎡", 5e5, "m ** 2"),
    ("10만 평", 1e5 * PY, "m ** 2"),
    ("200 acres", 200 * ACRE, "m ** 2"),
    ("1.3 million square feet", 1.3e6 * 0.09290304, "m ** 2"),
    ("2 km²", 2e6, "m ** 2"),
    ("約32ヘクタール", 3.2e5, "m ** 2"),
    ("50万平方米", 5e5, "m ** 2"),
    ("3만 평방미터", 3e4, "m ** 2"),
    ("1000坪", 1000 * PY, "m ** 2"),
]


@pytest.mark.parametrize(("text", "value", "unit"), NOTATIONS)
def test_notation_reads_one_figure(text, value, unit):
    """Each written notation gives exactly one figure with the right value and unit."""
    figs = extract_figures(text)
    assert [(f.unit) for f in figs] == [unit], figs
    assert figs[0].value == pytest.approx(value, rel=1e-9)
    assert figs[0].kind == ("money" if is_currency(unit) else "quantity")


NOT_FIGURES = [
    "2028년까지 공장을 짓는다",
    "2026年に量産を始める",
    "2026年4月",
    "4월 10일",
    "FY2025 results",
    "2025",
    "영업이익이 30% 늘었다",
    "30퍼센트 증가",
    "up 30 percent",
    "3년간 투자한다",
    "5 years",
    "제1공장",
    "第2工場",
    "30주년",
    "the 2nd quarter",
    "3nm process",
    "2나노 공정",
    "2ナノ品",
    "H200 and B200",
    "GB200 NVL72 racks",
    "P4 instances",
    "조회수 10만 회",
    "2 million views",
    "call 010-1234-5678",
    "+82 2 1234 5678",
    "관계자 3명이 참석했다",
    "3名が出席した",
    "수천억원",
    "数十億円",
    "数百亿美元",
    "十数億円",
    "5m of cable",
    "RTX",
    "",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text):
    """Years, dates, percentages, durations, ordinals, nodes, models, counts: nothing."""
    assert extract_figures(text) == []


FLAGS = [
    # (text, approx, bound)
    ("약 1조원", True, None),
    ("1조원 가량", True, None),
    ("1조원가량", True, None),
    ("1조원 정도", True, None),
    ("10조여원", True, None),
    ("2천여명 고용", True, None),
    ("1조원대 투자", True, None),
    ("약 1조원 안팎", True, None),
    ("約2兆円", True, None),
    ("およそ2兆円", True, None),
    ("2兆円程度", True, None),
    ("2兆円近く", True, None),
    ("1000億円強", True, None),
    ("4000億円余り", True, None),
    ("约100亿元", True, None),
    ("100亿元左右", True, None),
    ("1000多亿元", True, None),
    ("近80亿美元", True, None),
    ("about $5 billion", True, None),
    ("approximately $5 billion", True, None),
    ("around $5 billion", True, None),
    ("roughly $5 billion", True, None),
    ("some $5 billion", True, None),
    ("nearly $5 billion", True, None),
    ("~$5bn", True, None),
    ("$5 billion or so", True, None),
    ("최대 1조원", False, "upper"),
    ("1조원 이하", False, "upper"),
    ("1조원 미만", False, "upper"),
    ("最大4760億円", False, "upper"),
    ("5000億円未満", False, "upper"),
    ("多达100亿美元", False, "upper"),
    ("不超过50亿元", False, "upper"),
    ("up to $6.1 billion", False, "upper"),
    ("as much as $6.1 billion", False, "upper"),
    ("less than $1 billion", False, "upper"),
    ("under $1 billion", False, "upper"),
    ("1조원 이상", False, "lower"),
    ("1조원 넘게", False, "lower"),
    ("1兆円超", False, "lower"),
    ("5000億円以上", False, "lower"),
    ("1兆円を超える", False, "lower"),
    ("超过100亿美元", False, "lower"),
    ("逾3000亿美元", False, "lower"),
    ("超10万张GPU", False, "lower"),
    ("more than 100,000 GPUs", False, "lower"),
    ("over $1 billion", False, "lower"),
    ("at least $1 billion", False, "lower"),
    ("$1 billion-plus", False, "lower"),
    ("10,000+ jobs", False, "lower"),
    ("$1 billion or more", False, "lower"),
    ("최대 약 1조원", True, "upper"),
    ("1조원 남짓", True, "lower"),
    ("1조원", False, None),
]


@pytest.mark.parametrize(("text", "approx", "bound"), FLAGS)
def test_approx_and_bound_flags(text, approx, bound):
    """Approximation and bound words before or after set the flags and join the span."""
    (fig,) = extract_figures(text)
    assert (fig.approx, fig.bound) == (approx, bound)


def test_flag_words_are_part_of_the_span():
    """The figure's text and span include the words that were read."""
    text = "회사는 최대 약 1조원 가량을 투자한다"
    (fig,) = extract_figures(text)
    assert fig.text == "최대 약 1조원 가량"
    assert text[fig.start : fig.end] == fig.text


def test_korean_yak_inside_a_word_is_not_approx():
    """약 at the end of 계약 (contract) is not the approximation word."""
    (fig,) = extract_figures("계약 1조원")
    assert fig.approx is False and fig.text == "1조원"


RESTATEMENTS = [
    ("1000억엔(약 9800억원)", [(1e11, "JPY"), (9.8e11, "KRW")]),
    ("400億円（約3600億ウォン）", [(4e10, "JPY"), (3.6e11, "KRW")]),
    ("$500 billion (about 700조원)", [(5e11, "USD"), (7e14, "KRW")]),
    ("150억 달러(한화 약 20조7000억원)", [(1.5e10, "USD"), (2.07e13, "KRW")]),
    ("1兆円（約9兆ウォン、約67億ドル）", [(1e12, "JPY"), (9e12, "KRW"), (6.7e9, "USD")]),
    ("人民币1000亿元（约合140亿美元）", [(1e11, "CNY"), (1.4e10, "USD")]),
    ("10 trillion won ($7.2 billion)", [(1e13, "KRW"), (7.2e9, "USD")]),
]


@pytest.mark.parametrize(("text", "expected"), RESTATEMENTS)
def test_restatement_links(text, expected):
    """A figure in parentheses right after another restates it; the link goes both ways."""
    figs = extract_figures(text)
    assert [(f.value, f.unit) for f in figs] == [pytest.approx(e) if False else e for e in expected]
    outer = figs[0]
    assert outer.restates is None
    assert all(f.restates is outer for f in figs[1:])
    assert outer.restated_by == tuple(figs[1:])


@pytest.mark.parametrize(
    "text",
    [
        "1조원을 투자한다(2028년 완공 예정, 총 3조원)",
        "1조원 (2조원과 별도)",
        "1조원. (약 2조원)\n",
        "10만 개의 GPU(약 1조원)",
    ],
)
def test_not_a_restatement(text):
    """Parentheses holding other text, or a different kind of figure, are not restatements."""
    figs = extract_figures(text)
    assert len(figs) == 2
    assert figs[1].restates is None


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


def test_zh_tw_yuan_restated_in_nt_dollars_is_cny():
    """In zh-TW, a 元 amount restated in 新台幣 is renminbi."""
    outer, inner = extract_figures("大基金三期規模3,440億元（約新台幣1.42兆元）", locale="zh-TW")
    assert (outer.currency, inner.currency, inner.restates is outer) == ("CNY", "TWD", True)


RANGES = [
    ("200억~300억 달러", [(2e10, "USD", "lower"), (3e10, "USD", "upper")]),
    ("1~2조원", [(1e12, "KRW", "lower"), (2e12, "KRW", "upper")]),
    ("$10-20 billion", [(1e10, "USD", "lower"), (2e10, "USD", "upper")]),
    ("100亿至200亿美元", [(1e10, "USD", "lower"), (2e10, "USD", "upper")]),
    ("100億～200億円", [(1e10, "JPY", "lower"), (2e10, "JPY", "upper")]),
    ("3~4GW", [(3000, "MW", "lower"), (4000, "MW", "upper")]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges_give_two_bounded_figures(text, expected):
    """A range gives both ends; the low end borrows the unit and the scale."""
    figs = extract_figures(text)
    assert [(f.value, f.unit, f.bound) for f in figs] == expected


def test_year_before_a_dash_is_not_a_range():
    """"2024-5 billion" style clashes do not make a year an amount."""
    assert [f.value for f in extract_figures("2024-$5 billion")] == [5e9]


@pytest.mark.parametrize(
    "text", ["1ドル=150円", "1달러당 1,400원", "1 USD = 7.1 yuan"]
)
def test_exchange_rate_quotes_are_skipped(text):
    """An exchange-rate quote is not an investment figure."""
    assert extract_figures(text) == []


def test_people_need_employment_context():
    """명 is jobs only near an employment word and from 10 people up."""
    assert extract_figures("3명이 참석했다") == []
    assert extract_figures("직원 3명") == []
    assert [f.value for f in extract_figures("직원 300명을 채용한다")] == [300]
    assert [f.value for f in extract_figures("The plant will hire 1,000 people.")] == [1000]
    assert extract_figures("1,000 people attended the ceremony.") == []


@pytest.mark.parametrize(("locale", "sentence", "expected"), CORPUS, ids=range(len(CORPUS)))
def test_corpus_sentence(locale, sentence, expected):
    """Each corpus sentence gives exactly its figures, in order."""
    got = [(f.value, f.unit) for f in extract_figures(sentence, locale=locale)]
    assert len(got) == len(expected), got
    for (gv, gu), (ev, eu) in zip(got, expected):
        assert gu == eu
        assert math.isclose(gv, ev, rel_tol=1e-9)


def test_corpus_precision_and_recall():
    """Figure-level precision and recall on the whole corpus are at least 0.95 each."""
    tp = fp = fn = 0
    for locale, sentence, expected in CORPUS:
        left = list(expected)
        for f in extract_figures(sentence, locale=locale):
            hit = next((e for e in left if e[1] == f.unit and math.isclose(e[0], f.value, rel_tol=1e-6)), None)
            if hit is None:
                fp += 1
            else:
                left.remove(hit)
                tp += 1
        fn += len(left)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)


def test_real_style_precision_and_recall():
    """On the second author's news-style set, precision and recall are at least 0.95 in every language."""
    scores, problems = score(extract_figures)
    print("\n" + report(scores))  # shown with -s
    for lang in ("ko", "ja", "zh", "en"):
        s = scores[lang]
        assert s.precision >= 0.95 and s.recall >= 0.95, (lang, s, [p for p in problems if p[0].startswith(lang)])
    assert scores["all"].attributes >= 0.95, [p for p in problems if p[2] == "attributes"]


def test_real_style_set_is_large_and_annotated():
    """The news-style set holds at least 60 sentences per language, negatives included."""
    per_lang = {lang: [e for loc, _, e in REAL_STYLE if loc.split("-")[0] == lang] for lang in ("ko", "ja", "zh", "en")}
    assert all(len(v) >= 60 for v in per_lang.values()), {k: len(v) for k, v in per_lang.items()}
    assert all(sum(1 for e in v if not e) >= 8 for v in per_lang.values())


def test_spans_index_the_original_text():
    """start/end index the caller's text, full-width characters included."""
    text = "ソフトバンクは１０００億ドル（約15兆円）を投資"
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.text
    assert extract_figures(text)[0].text == "１０００億ドル"


def test_figure_to_dict():
    """to_dict gives plain JSON values and names the restated figure by its text."""
    _, inner = extract_figures("1000억엔(약 9800억원)")
    assert inner.to_dict() == {
        "value": 9.8e11, "unit": "KRW", "kind": "money", "approx": True, "bound": None,
        "text": "약 9800억원", "start": 7, "end": 15, "restates": "1000억엔", "range_with": None,
    }


# ---------------------------------------------------------------- parse_amount
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("400억엔", 4e10, "JPY"),
        ("  約4千億円  ", 4e11, "JPY"),
        ("약 1조원 가량", 1e12, "KRW"),
        ("up to $5 billion", 5e9, "USD"),
        ("1.2GW", 1200, "MW"),
        ("20,000 wafers per month", 2e4, "wafer / month"),
        ("US$1.5bn.", 1.5e9, "USD"),
        ("1000억엔(약 9800억원)", 1e11, "JPY"),
    ],
)
def test_parse_amount_reads_one_expression(text, value, unit):
    """parse_amount returns the single figure of an expression."""
    fig = parse_amount(text)
    assert (fig.value, fig.unit) == (pytest.approx(value), unit)


def test_parse_amount_restatement_is_reachable():
    """A parenthesised restatement is returned through restated_by."""
    fig = parse_amount("$500 billion (about 700조원)")
    assert [(r.value, r.unit, r.approx) for r in fig.restated_by] == [(7e14, "KRW", True)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2028년", r"cannot parse '2028년' at position 0: no amount or quantity with a unit"),
        ("12345", r"cannot parse '12345' at position 0: no amount"),
        ("", r"cannot parse '' at position 0: no amount"),
        ("총 1조원", r"cannot parse '총 1조원' at position 0: unexpected text before the amount"),
        ("1조원 투자", r"cannot parse '1조원 투자' at position 3: unexpected text after the amount"),
        ("1조원과 2조원", r"at position 5: more than one amount \(another starts at position 5: '2조원'\)"),
        ("30%", r"cannot parse '30%' at position 0"),
        ("H200", r"cannot parse 'H200'"),
    ],
)
def test_parse_amount_errors_quote_input_and_position(text, message):
    """Unreadable input raises ParseError (a ValueError) quoting the input and the position."""
    with pytest.raises(ParseError, match=message) as info:
        parse_amount(text)
    assert isinstance(info.value, ValueError)
    assert info.value.text == text


def test_parse_amount_rejects_non_strings():
    """A non-string raises ParseError, not TypeError."""
    with pytest.raises(ParseError, match="expected a string"):
        parse_amount(12345)  # type: ignore[arg-type]


# ---------------------------------------------------------------- properties
_ALPHABET = st.sampled_from(
    list("0123456789０１２３,.・ $€£¥₩₹~+-()（）억조만천원엔달러億兆万円千元亿美约約약最大超以上余여多")
    + ["US$", "NT$", "Rs ", "bn", " billion", " crore", "GPU", " GPUs", "GW", "㎡", "평", "월 ", "장", "명", " jobs"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_extract_never_raises_on_number_like_text(text):
    """Number-heavy random text never makes the extractor fail (strict internal path)."""
    figs = extract_figures(text, strict=True)
    for f in figs:
        assert text[f.start : f.end] == f.text
        assert f.value >= 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_errors_are_parse_errors(text):
    """parse_amount raises nothing but ParseError and extract_figures nothing at all."""
    extract_figures(text)
    try:
        parse_amount(text)
    except ParseError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=20).map("".join), st.sampled_from([None, "ko", "ja", "zh-CN", "zh-TW", "en"]))
def test_parse_amount_only_raises_parse_error(text, locale):
    """Even number-heavy input and any locale raise only ParseError."""
    try:
        fig = parse_amount(text, locale=locale)
    except ParseError:
        return
    assert fig.kind in ("money", "quantity")


@pytest.mark.parametrize(
    "text",
    [
        "원·달러 환율은 전 거래일보다 3.2원 내린 달러당 1,392.5원에 마감했다.",
        "外国為替市場で円相場は1ドル=151円台後半で推移した。",
        "在岸人民币对美元汇率收报7.1250，1美元兑7.12元人民币。",
        "The dollar traded at 151.20 yen.",
        "The won weakened to 1,438 won per dollar.",
        "日経平均株価の終値は前日比612円高の3万9457円だった。",
    ],
)
def test_exchange_rate_and_index_quotes_are_not_figures(text):
    """Exchange-rate quotes and index levels written in a currency give no figure."""
    assert extract_figures(text) == []


def test_large_amounts_near_exchange_rate_words_stay():
    """Only small plain quotes are dropped: an earnings amount next to 為替 stays."""
    assert [f.value for f in extract_figures("為替差益の計上で、純利益は2,980億円となった。")] == [2.98e11]


def test_full_ranges_and_changes():
    """Both ends written in full make a range; 'from X to Y' is a change."""
    figs = extract_figures("capex of $70 billion-$72 billion")
    assert [(f.value, f.bound) for f in figs] == [(7e10, "lower"), (7.2e10, "upper")]
    figs = extract_figures("between $3 billion and $4 billion")
    assert [f.bound for f in figs] == ["lower", "upper"]
    figs = extract_figures("Revenue rose from $3.2 billion to $4.1 billion.")
    assert [(f.value, f.bound) for f in figs] == [(3.2e9, None), (4.1e9, None)]
    figs = extract_figures("单价约1.2万至1.5万美元")
    assert [(f.value, f.approx, f.bound) for f in figs] == [(12000, True, "lower"), (15000, True, "upper")]
    assert [f.value for f in extract_figures("3조∼4조원")] == [3e12, 4e12]


def test_counter_carries_over_from_a_recent_gpu_count():
    """A bare count with the same counter word as a GPU count just before counts GPUs."""
    figs = extract_figures("GPU 26만 장을 공급하고, 이 가운데 삼성전자가 5만 장을 확보했다.")
    assert [(f.value, f.unit) for f in figs] == [(260000, "gpu"), (50000, "gpu")]
    assert extract_figures("포스터 5만 장을 인쇄했다.") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("GPU「H200」を約1万基整備する", 1e4, "gpu"),
        ("ＧＰＵ（画像処理半導体）を約２万基搭載する", 2e4, "gpu"),
        ("英伟达H100芯片1万块", 1e4, "gpu"),
        ("GPUの数は4000基を超える", 4e3, "gpu"),
        ("10,000 high-performance GPUs", 1e4, "gpu"),
        ("新增约5万片12英寸月产能", 5e4, "wafer / month"),
        ("월간 6만 장이 추가된다", 6e4, "wafer / month"),
        ("占地2000亩", 2000 * 10000 / 15, "m ** 2"),
        ("인텔에 78억6500만弗 보조금", 7.865e9, "USD"),
        ("삼성전자, 4분기 영업익 6.5조", 6.5e12, "KRW"),
        ("美에 3.7兆 투자", 3.7e12, "KRW"),
        ("hire about 1,500 more workers", 1500, "employee"),
    ],
)
def test_real_news_forms(text, value, unit):
    """Forms found in real news copy give one figure with the right unit."""
    figs = extract_figures(text)
    assert [(f.unit) for f in figs] == [unit], figs
    assert figs[0].value == pytest.approx(value, rel=1e-9)


def test_size_class_and_trailing_bounds():
    """1GW급 is approximate; a bound after a restatement's parenthesis qualifies both figures."""
    assert extract_figures("100MW급 데이터센터")[0].approx is True
    outer, inner = extract_figures("80億ドル（約1兆2000億円）超を投資")
    assert (outer.bound, inner.bound, inner.restates is outer) == ("lower", "lower", True)
    assert extract_figures("투자 규모는 100억 달러가 넘는다")[0].bound == "lower"
    assert extract_figures("1조원 가까이를 쓴다")[0].approx is True
