"""Tests of dashboard.intake.figures: figures with their audit, highlighting, prefill, problems by field."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.intake import figures as intake

ARTICLE_KO = (Path(__file__).parents[1] / "e2e" / "data" / "article_ko.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rows():
    """Rows of the sample Korean article (fictional companies), audited on 2024-03-15."""
    figs = intake.extract_figures_for(ARTICLE_KO, locale="ko")
    audit, note = intake.audit_rows(figs, "2024-03-15")
    assert note is None
    return intake.figure_rows(figs, audit)


def test_rows_fields_and_restatements(rows):
    """Each figure knows the record column it fills, and restatements point at their original by index."""
    got = [(r["text"], r["field"], r["field_value"], r["restates"]) for r in rows]
    assert got == [
        ("2,000억엔", "amount_reported", "2,000억엔", None),
        ("약 1조 8,000억원", "amount_reported", "약 1조 8,000억원", 0),
        ("월 3만 장", "wafers_per_month", "30000", None),
        ("GPU 1만 2천 장", "gpus", "12000", None),
        ("40MW", "power_mw", "40", None),
        ("US$10억", "amount_reported", "US$10억", None),
        ("약 1조 5,000억원", "amount_reported", "약 1조 5,000억원", 5),
        ("약 5조원", "amount_reported", "약 5조원", None),
    ]
    assert rows[0]["restated_by"] == [1] and rows[1]["approx_label"] == "approx." and rows[1]["value_label"] == "1.8조원"


def test_audit_flags_the_bad_conversion(rows):
    """The JPY→KRW restatement is within 3% of the ECB cross rate of the date; the USD→KRW one (1,500) is flagged."""
    ok, bad = rows[1], rows[6]
    assert ok["flagged"] is False and ok["rate_date"] == "2024-03-15" and ok["reference_rate"] == pytest.approx(8.941, abs=1e-3)
    assert ok["audit_text"] == "1 JPY = 9.000 KRW implied; reference 8.941 on 2024-03-15 (+0.7%); matches rates of 2024-01"
    assert bad["flagged"] is True and bad["deviation"] == pytest.approx(0.128, abs=0.002)
    assert "audit_text" not in rows[0]


def test_audit_needs_a_date_with_rates():
    """Without a date the audit says what to give; a date before the rate data says so too."""
    figs = intake.extract_figures_for("400억엔(약 3,620억원)", locale="ko")
    assert intake.audit_rows(figs, None) == ({}, "give the article date to audit the conversions it reports")
    audit, note = intake.audit_rows(figs, "1990-01-02")
    assert audit == {} and note.startswith("no audit for 1990-01-02:")
    assert intake.audit_rows(intake.extract_figures_for("5조원", locale="ko"), None) == ({}, None)


def test_highlight_joins_back_to_text(rows):
    """Marked segments cover the text exactly, each figure once, in order."""
    segs = intake.highlight_segments(ARTICLE_KO, rows)
    assert "".join(s if isinstance(s, str) else s[1] for s in segs) == ARTICLE_KO
    assert [s for s in segs if not isinstance(s, str)][:2] == [(0, "2,000억엔"), (1, "약 1조 8,000억원")]
    overlapping = [{"index": 0, "start": 0, "end": 5}, {"index": 1, "start": 3, "end": 8}, {"index": 2, "start": 9, "end": 99}]
    assert intake.highlight_segments("0123456789", overlapping) == [(0, "01234"), "56789"]


def test_prefill_from_pick_date_locale_and_known_companies(rows):
    """The picked figure fills its column; date, country and a known company fill only empty fields."""
    text = "Samsung Electronics will spend 400억엔 in Yokohama; SK hynix is not involved."
    got = intake.prefill(rows[3], text=text, date="2024-03-15", locale="ja", companies=["Samsung Electronics", "SK hynix", "Samsung"],
                  current={"announced": "", "country": None, "company": ""})
    assert got == {"gpus": "12000", "announced": "2024-03-15", "country": "JP", "company": "Samsung Electronics; SK hynix"}
    kept = intake.prefill(rows[0], date="2024-03-15", locale="ko", current={"announced": "2024-03", "country": "JP"})
    assert kept == {"amount_reported": "2,000억엔"}
    assert intake.prefill(None, locale="auto") == {}


def test_record_from_form_and_problems_by_field():
    """Blank fields are dropped; each schema problem lands on its field, others stay general."""
    assert intake.record_from_form({"project": " P ", "city": " ", "gpus": 12000, "lat": None}) == {"project": "P", "gpus": "12000"}
    problems = ["record 1: column 'company': is empty; a value is required",
                "record 1: column 'country': 'XX' is not an ISO 3166-1 alpha-2 country code (e.g. KR)",
                "record 1: column 'country': second",
                "record 1: column 'lat': '95' with lon '': lat and lon must be given together",
                "record 1: unknown field(s) 'x'; valid fields: id, ..."]
    # a column without a form field goes under "" (lat and lon have fields since the form takes coordinates)
    by = intake.field_problems(problems, [c for c in intake.FORM_COLUMNS if c not in ("lat", "lon")])
    assert intake.field_problems(problems)["lat"] == ["'95' with lon '': lat and lon must be given together"]
    assert by["company"] == ["is empty; a value is required"]
    assert by["country"] == ["'XX' is not an ISO 3166-1 alpha-2 country code (e.g. KR)", "second"]
    assert by[""] == ["column 'lat': '95' with lon '': lat and lon must be given together",
                      "record 1: unknown field(s) 'x'; valid fields: id, ..."]
    assert set(intake.FORM_COLUMNS) >= {"project", "company", "country", "city", "category", "status", "announced", "source_url"}


def test_city_coordinates_fill_keep_and_explain():
    """The form's city lookup: fills from the gazetteer, refills what it filled, keeps what was typed, explains a miss."""
    from dashboard.intake.figures import city_coordinates

    lat, lon, note = city_coordinates("요코하마", "")
    assert (lat, lon) == (35.4333, 139.65) and note.startswith("Yokohama, JP (")
    assert city_coordinates("Taylor, TX", "US", filled=("35.4333", "139.65"), current=("35.4333", "139.65"))[0] == 30.5708
    assert city_coordinates("Taylor, TX", "US", filled=("35.4333", "139.65"), current=("31", ""))[:2] == (None, None)
    assert city_coordinates("横浜", "KR")[2] == ("横浜 is not in KR in the offline gazetteer (cities of 15,000+ people): "
                                                 "type the coordinates")
    assert city_coordinates("  ", "JP") == (None, None, "")


def test_find_duplicates_of_one_partner_and_another_notation(projects):
    """A record of one partner of a joint curated project, its amount in another script, its day inside the project's
    month, is found; another company, amount or year is not."""
    from dashboard.intake.figures import find_duplicates

    row = projects.set_index("id").loc["samsung-yokohama-apl"]  # "Samsung Electronics; Samsung Japan Corporation", 400億円を上回る
    assert ";" in row["company"]
    same = {"company": "samsung electronics", "amount_reported": row["amount_reported"], "announced": row["announced"]}
    assert find_duplicates(same, projects) == ["samsung-yokohama-apl"]
    assert find_duplicates({**same, "company": "Samsung Japan Corporation"}, projects) == ["samsung-yokohama-apl"]
    assert find_duplicates({**same, "amount_reported": "400억엔 이상"}, projects) == ["samsung-yokohama-apl"]
    assert find_duplicates({**same, "announced": row["announced"][:7]}, projects) == ["samsung-yokohama-apl"]
    assert find_duplicates({**same, "company": "SK hynix"}, projects) == []
    assert find_duplicates({**same, "amount_reported": "500億円"}, projects) == []
    assert find_duplicates({**same, "announced": "2019-12-21"}, projects) == []
