"""Language detection of news text (dashboard.intake.news.detect_language): lingua on our own short
sentences in the four languages, with the script rule as the fallback."""
from __future__ import annotations

import pytest

from dashboard.intake.news import LANGUAGES, detect_language, script_language
from tests.intake.language_samples import SAMPLES


def _accuracy(detect) -> tuple[float, list]:
    wrong = [(lang, detect(text), text) for lang, text in SAMPLES if detect(text) != lang]
    return 1 - len(wrong) / len(SAMPLES), wrong


def test_samples_cover_the_four_languages_evenly():
    """The measuring set has 20 sentences in each language."""
    assert sorted(lang for lang, _ in SAMPLES) == sorted(LANGUAGES * 20)


def test_detector_reads_every_sample_right():
    """lingua, limited to ko/ja/zh/en, gets all 80 sentences (the script rule gets 75: see the next test)."""
    accuracy, wrong = _accuracy(detect_language)
    assert wrong == [] and accuracy == 1.0


def test_the_script_rule_alone_misreads_kanji_headlines_and_english_with_hangul():
    """What the library is for: the fallback's known misses are these five."""
    accuracy, wrong = _accuracy(script_language)
    assert accuracy == pytest.approx(75 / 80)
    assert {(lang, got) for lang, got, _ in wrong} == {("ja", "zh"), ("en", "ko")}


@pytest.mark.parametrize("text, lang", [
    ("北海道千歳市に次世代半導体工場", "ja"),
    ("Rapidus began trial production in Chitose (千歳), Hokkaido.", "en"),
    ("台積電將在高雄興建兩座2奈米晶圓廠。", "zh"),
    ("三星電子 평택 공장 증설 본격화", "ko"),
])
def test_hard_cases(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text, lang", [("", "en"), ("2025 / 12,345", "en"), ("  \n", "en")])
def test_no_letters_falls_back_to_the_script_rule(text, lang):
    """lingua gives no answer without letters; the script rule's default stands."""
    assert detect_language(text) == lang == script_language(text)


def test_long_text_is_read_from_its_start():
    """An article is detected from its first characters, so a long English appendix does not flip it."""
    text = "キオクシアは北上工場に新しい製造棟を建設すると発表した。" * 40 + " The end of the page." * 2000
    assert detect_language(text) == "ja"
