"""Tests for dashboard.parse.api: strict mode, absurd numerals, parse_amount/parse_reported, whole-text properties (our own sentences)."""
from __future__ import annotations

import logging
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from parse_corpus import CORPUS
from real_style_corpus import CORPUS as REAL_STYLE
from real_style_corpus import report, score

from dashboard.errors import ParseError
from dashboard.parse import extract_figures, parse_amount, parse_reported
from dashboard.parse import reader as reader_module

ACRE = 4046.8564224
PY = 400 / 121


# ---------------------------------------------------------------- strict mode
def _broken(*args, **kwargs):
    raise RuntimeError("broken reader")


def test_strict_mode_propagates_reader_errors(monkeypatch):
    """With strict=True an internal error surfaces instead of looking like 'no figure'."""
    monkeypatch.setattr("dashboard.parse.api.read", _broken)
    with pytest.raises(RuntimeError, match="broken reader"):
        extract_figures("1조원", strict=True)


def test_lenient_mode_logs_each_skipped_numeral(monkeypatch, caplog):
    """Without strict mode a failing numeral is skipped and logged with its text, never silently."""
    real = reader_module.read

    def flaky(ctx, m, run=None):
        if m.group() == "2조":
            raise RuntimeError("broken on one numeral")
        return real(ctx, m, run)

    monkeypatch.setattr("dashboard.parse.api.read", flaky)
    with caplog.at_level(logging.WARNING, logger="dashboard.parse"):
        figs = extract_figures("1조원과 2조원, 그리고 3조원", strict=False)
    assert [f.value for f in figs] == [1e12, 3e12]
    assert "skipped the numeral '2조'" in caplog.text and "broken on one numeral" in caplog.text


@pytest.mark.parametrize(
    "absurd", ["1" * 400, "9" * 30 + "억원", "1" + ",000" * 40 + "원", "1만억" * 60 + "원", "一" * 50 + "億円"]
)
def test_an_absurd_numeral_is_dropped_alone(absurd):
    """One absurd numeral costs only itself: the other figures of the article stay."""
    text = f"삼성전자는 3조원을 투자한다. {absurd} 그리고 SK는 2조원을 투자한다."
    assert [f.value for f in extract_figures(text, strict=True)] == [3e12, 2e12]


def test_scientific_overflow_text_is_not_a_figure():
    """'1e400' is no numeral the reader knows: no figure, no error."""
    assert extract_figures("1e400 dollars and $5 billion", strict=True)[-1].value == 5e9


# ---------------------------------------------------------------- parse_reported
@pytest.mark.parametrize(
    ("text", "value", "low", "high", "unit", "bound"),
    [
        ("$60 billion to $65 billion", 6e10, 6e10, 6.5e10, "USD", "range"),
        ("$20 to $30 billion", 2e10, 2e10, 3e10, "USD", "range"),
        ("€30-50 billion", 3e10, 3e10, 5e10, "EUR", "range"),
        ("between $8 million and $12 million", 8e6, 8e6, 1.2e7, "USD", "range"),
        ("3~4조원", 3e12, 3e12, 4e12, "KRW", "range"),
        ("50至80公頃", 5e5, 5e5, 8e5, "m ** 2", "range"),
        ("more than $15 billion", 1.5e10, 1.5e10, 1.5e10, "USD", "lower"),
        ("up to EUR 5 billion", 5e9, 5e9, 5e9, "EUR", "upper"),
        ("approximately US $7 billion (SG$9.5 billion)", 7e9, 7e9, 7e9, "USD", "approx"),
        ("€5.5bn ($6.3bn)", 5.5e9, 5.5e9, 5.5e9, "EUR", "exact"),
        ("약 2조원", 2e12, 2e12, 2e12, "KRW", "approx"),
    ],
)
def test_parse_reported(text, value, low, high, unit, bound):
    """One reported amount: value, low/high, unit and the bound kind."""
    r = parse_reported(text)
    assert (r.value, r.low, r.high, r.unit, r.bound) == (pytest.approx(value), pytest.approx(low), pytest.approx(high), unit, bound)


def test_parse_reported_keeps_restatements_apart():
    """The restatement is extra information, never the amount."""
    r = parse_reported("1000억엔(약 9800억원)")
    assert (r.value, r.unit) == (1e11, "JPY")
    assert [(f.value, f.unit, f.approx) for f in r.restatements] == [(9.8e11, "KRW", True)]


@pytest.mark.parametrize(("text", "message"), [("2028년", "no amount"), ("1조원과 2조원", "more than one amount")])
def test_parse_reported_errors(text, message):
    """No amount, or two unlinked amounts, raise ParseError."""
    with pytest.raises(ParseError, match=message):
        parse_reported(text)


def test_range_ends_link_to_each_other():
    """Both ends of a range are figures linked by range_with."""
    low, high = extract_figures("용인 팹에는 2,400-2,500 MW의 전력이 필요하다")
    assert (low.value, high.value, low.range_with is high, high.range_with is low) == (2400, 2500, True, True)


# ---------------------------------------------------------------- failure classes on real text
CLASSES = [
    # unicode compatibility and spacing forms
    ("신규 부지는 6611m² 규모다", [(6611, "m ** 2")]),
    ("변전소 용량은 ３４０㎿로 늘어난다", [(340, "MW")]),
    ("工場の敷地は約２万㎡で", [(2e4, "m ** 2")]),
    ("発電能力は８０万キロ・ワットに達する", [(800, "MW")]),
    ("総額は５０㌦ではなく", [(50, "USD")]),
    ("budget of US$1.2\u00a0billion", [(1.2e9, "USD")]),
    ("capacity of 1\u202f200 MW", [(1200, "MW")]),
    # currency after the number and after 元
    ("本案總投資金額達5000億元新台幣", [(5e11, "TWD")]),
    ("預計投入300億元台幣", [(3e10, "TWD")]),
    ("再追加200億元人民幣", [(2e10, "CNY")]),
    # ranges sharing a scale or unit
    ("계획은 3~4조원 규모다", [(3e12, "KRW"), (4e12, "KRW")]),
    ("용지 50至80公頃", [(5e5, "m ** 2"), (8e5, "m ** 2")]),
    ("spending €30-50 billion on fabs", [(3e10, "EUR"), (5e10, "EUR")]),
    ("costs of $20 to $30 billion", [(2e10, "USD"), (3e10, "USD")]),
    # counted GPUs with every counter
    ("GPU를 약 120만 개 예약했다", [(1.2e6, "gpu")]),
    ("NVIDIAのGPUを5000枚導入する", [(5e3, "gpu")]),
    ("采购英伟达H20芯片10万颗", [(1e5, "gpu")]),
    ("部署了2万块GPU", [(2e4, "gpu")]),
    ("10万個のNVIDIAチップを調達する", [(1e5, "gpu")]),
    ("plans to buy 50,000 NVIDIA chips", [(5e4, "gpu")]),
    ("카카오는 GPU 3만 장을, 네이버는 6만장을 확보했다", [(3e4, "gpu"), (6e4, "gpu")]),
    # wafer capacity, monthly and yearly
    ("월 300㎜ 웨이퍼 투입 기준 3만장 규모", [(3e4, "wafer / month")]),
    ("初期月產能規劃約三萬片", [(3e4, "wafer / month")]),
    ("月産4万5000枚の生産能力", [(4.5e4, "wafer / month")]),
    ("a 25,000 wafer per month capacity", [(2.5e4, "wafer / month")]),
    ("producing 360,000 wafers annually", [(3.6e5, "wafer / year")]),
    ("年産24万枚を見込む", [(2.4e5, "wafer / year")]),
    # power, area, jobs
    ("용량은 1.5기가와트", [(1500, "MW")]),
    ("装机容量300兆瓦", [(300, "MW")]),
    ("총 10만 평 부지", [(1e5 * PY, "m ** 2")]),
    ("a 250-acre campus", [(250 * ACRE, "m ** 2")]),
    ("about 1,800 new jobs", [(1800, "employee")]),
    ("직원 1,200명을 채용한다", [(1200, "employee")]),
    # data centres
    ("국내에 3개 데이터센터를 짓는다", [(3, "datacenter")]),
    ("データセンターを2カ所新設する", [(2, "datacenter")]),
    ("计划建设4座数据中心", [(4, "datacenter")]),
    ("building five data centers in Texas", [(5, "datacenter")]),
    ("opened 12 new data centres", [(12, "datacenter")]),
    # Gulf, South and South-East Asia money
    ("SAR 15 billion fund", [(1.5e10, "SAR")]),
    ("a SR4bn plant", [(4e9, "SAR")]),
    ("20 billion riyals", [(2e10, "SAR")]),
    ("AED 3.6 billion", [(3.6e9, "AED")]),
    ("Dh7bn deal", [(7e9, "AED")]),
    ("5 billion dirhams", [(5e9, "AED")]),
    ("RM2.5 billion", [(2.5e9, "MYR")]),
    ("3 billion ringgit", [(3e9, "MYR")]),
    ("S$800 million", [(8e8, "SGD")]),
    ("₹76,000 crore scheme", [(7.6e11, "INR")]),
    ("Rs 50 lakh", [(5e6, "INR")]),
    # number words
    ("a billion dollars", [(1e9, "USD")]),
    ("two trillion won", [(2e12, "KRW")]),
    ("one hundred billion yen", [(1e11, "JPY")]),
]


@pytest.mark.parametrize(("text", "expected"), CLASSES)
def test_failure_classes(text, expected):
    """Each failure class seen on real text reads to the expected figures."""
    got = [(f.value, f.unit) for f in extract_figures(text, strict=True)]
    assert [u for _, u in got] == [u for _, u in expected], got
    for (gv, _), (ev, _) in zip(got, expected):
        assert gv == pytest.approx(ev, rel=1e-9)


def test_spans_stay_exact_through_normalisation():
    """Spans index the caller's text even where normalisation changed lengths (㎿ -> MW)."""
    text = "발전 용량 ３４０㎿, 부지 ２만㎡"
    figs = extract_figures(text)
    assert [f.text for f in figs] == ["３４０㎿", "２만㎡"]
    assert all(text[f.start : f.end] == f.text for f in figs)


@pytest.mark.parametrize(
    ("context", "text", "code"),
    [
        ("（人民幣，下同）", "基金規模3440億元", "CNY"),
        ("（單位：新台幣）", "營收500億元", "TWD"),
        ("經濟部指出，新竹科學園區", "廠商投資500億元", "TWD"),
        ("香港特區政府表示", "撥款100億元", "HKD"),
        ("国务院批准", "投资500亿元", "CNY"),
    ],
)
def test_document_context_decides_a_bare_yuan(context, text, code):
    """Declarations and the article's region decide what a bare 元 is."""
    figs = extract_figures(context + text)
    assert [f.currency for f in figs] == [code]


def test_locale_wins_over_the_region():
    """An explicit locale beats the guess from place names."""
    assert extract_figures("新竹投資500億元", locale="zh-CN")[0].currency == "CNY"


def test_same_below_declares_the_currency_of_the_amount_before():
    """"新台幣100億元（以下同）": later bare 元 amounts are TWD."""
    figs = extract_figures("總額新台幣100億元（以下同），其中50億元用於研發", locale="zh-CN")
    assert [f.currency for f in figs] == ["TWD", "TWD"]


# ---------------------------------------------------------------- moved from test_extract.py
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
