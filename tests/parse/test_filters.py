"""Tests for dashboard.parse.filters: exchange-rate quotes and index levels are not figures."""
from __future__ import annotations

import pytest

from dashboard.parse import extract_figures


@pytest.mark.parametrize(
    "text", ["1ドル=150円", "1달러당 1,400원", "1 USD = 7.1 yuan"]
)
def test_exchange_rate_quotes_are_skipped(text):
    """An exchange-rate quote is not an investment figure."""
    assert extract_figures(text) == []


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


def test_yen_with_sen_is_a_quote():
    """An amount in yen and sen is an index level or a share price quote, not a figure."""
    from dashboard.parse import extract_figures

    assert extract_figures("終値は前日比612円15銭高の3万9120円44銭だった。") == []
    assert [f.value for f in extract_figures("同社は3000億円を投じる。")] == [3e11]
