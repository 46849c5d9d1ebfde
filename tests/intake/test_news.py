"""News pages: main text without furniture, the date from metadata/feed/text, language, legacy encodings."""
from __future__ import annotations

import pytest

from dashboard.intake.news import date_in_text, detect_language, read_news
from tests.intake.news_site import PAGES, write_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return write_site(tmp_path_factory.mktemp("site"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.path)
def test_every_page_reads_in_its_encoding_language_and_without_furniture(site, page):
    art = read_news((site / page.path).read_bytes(), f"http://127.0.0.1/{page.path}", name=page.path)
    assert art.language == page.language
    for furniture in ("Most read", "코스피", "구독료", "日経平均", "購読料", "上证指数", "订阅费", "Nasdaq", "Subscribe",
                      "Semidash Test Wire", "120조원", "5兆円", "2000亿美元", "$200 billion"):
        assert furniture not in art.text
    assert art.title and art.title in page.html


def test_legacy_encodings_are_decoded(site):
    ko = read_news((site / "ko/samsung-yokohama.html").read_bytes(), "http://h/a.html")
    ja = read_news((site / "ja/micron-hiroshima.html").read_bytes(), "http://h/b.html")
    zh = read_news((site / "zh/smic-tianjin.html").read_bytes(), "http://h/c.html")
    assert ko.encoding == "euc-kr" and "요코하마에 400억엔(약 3620억원)" in ko.text
    assert ja.encoding == "shift_jis" and "最大5000億円（約37億ドル）" in ja.text
    assert zh.encoding == "gbk" and "投资75亿美元" in zh.text


def test_date_from_metadata_then_feed_then_text(site):
    data = (site / "ko/samsung-yokohama.html").read_bytes()
    art = read_news(data, "http://h/a.html", feed_date="2020-01-01")
    assert (art.date, art.date_source) == ("2025-04-02", "page")  # metadata wins over the feed
    no_meta = (site / "ja/micron-hiroshima.html").read_bytes()
    art = read_news(no_meta, "http://h/b.html", feed_date="2023-05-18")
    assert (art.date, art.date_source) == ("2023-05-18", "feed")
    txt = "2025. 4. 2. 삼성전자가 평택에 30조원을 투자한다고 밝혔다.".encode("cp949")
    art = read_news(txt, "file:///x.txt", name="x.txt")
    assert (art.date, art.date_source, art.language) == ("2025-04-02", "text", "ko")
    art = read_news("no date here".encode(), "file:///y.txt", name="y.txt")
    assert (art.date, art.date_source) == (None, None)


@pytest.mark.parametrize("text, day", [
    ("(서울) 2025. 4. 2. 삼성전자", "2025-04-02"), ("2025年3月14日、東京", "2025-03-14"),
    ("2024년 12월 20일 발표", "2024-12-20"), ("SEOUL, March 14, 2025 - Samsung", "2025-03-14"),
    ("Published 3 Apr 2024 by", "2024-04-03"), ("2025/02/30 is not a day; 2025-02-28 is", "2025-02-28"),
    ("매출 2,025억원", None), ("in 2025 and 2026", None),
])
def test_date_in_text(text, day):
    assert date_in_text(text) == day


def test_detect_language_by_script():
    assert [detect_language(t) for t in ("SK하이닉스가 청주에", "ラピダスは千歳で", "台积电宣布在美国", "TSMC said")] == [
        "ko", "ja", "zh", "en"]
    assert detect_language("東京都に新工場") == "ja" and detect_language("東京都新工場") == "zh"  # Han only: zh
