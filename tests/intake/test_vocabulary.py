"""Vocabulary: category words, investment cues, places and company names in four languages, as data."""
from __future__ import annotations

from dashboard.intake.vocabulary import (
    categories_in, companies_in, company_label, has_investment_cue, name_pattern, places_in, vocabulary,
)


def test_every_kind_has_words_in_every_language():
    rows = vocabulary()
    for kind in ("category", "investment"):
        assert {lang for k, _, lang, words in rows if k == kind and words} == {"ko", "ja", "zh", "en"}
    assert all(w for *_, words in rows for w in words)


def test_categories_and_cues():
    assert categories_in("SK하이닉스가 청주에 패키징 공장을")[0] == "packaging"  # first mention first
    assert categories_in("数据中心") == ["datacenter"] and categories_in("a new data center") == ["datacenter"]
    assert has_investment_cue("ラピダスに8025億円を支援") and not has_investment_cue("営業利益は1兆円")
    assert not has_investment_cue("회사는 지난해 영업이익 7조원을 거뒀다.")


def test_places_in_every_script():
    assert places_in("台积电在高雄") == [("Kaohsiung", "TW")]
    assert places_in("용인과 평택에") == [("Yongin", "KR"), ("Pyeongtaek", "KR")]
    assert places_in("Taylor, Texas") == [("Taylor, TX", "US")]


def test_ascii_names_match_whole_words_only():
    p = name_pattern(["Intel", "SEC"])
    assert [m.group(0) for m in p.finditer("Intel, intelligent SECTOR, the SEC")] == ["Intel", "SEC"]


def test_companies_by_any_name():
    tsmc = companies_in("TSMC")
    assert tsmc and companies_in("Taiwan Semiconductor Manufacturing Company said") == tsmc
    assert company_label(tsmc[0]).upper().startswith("TSMC") or "Taiwan" in company_label(tsmc[0])
    assert companies_in("no company here") == []


def test_short_ascii_names_match_only_as_written():
    assert companies_in("free cash flow rose sharply; meta data; an arm of the state") == []
    assert companies_in("Meta will build a data center") == companies_in("Meta Platforms said")
    assert companies_in("samsung electronics said") == companies_in("Samsung Electronics said") != []
