"""Candidates: one per figure with its sentence, restatements attached, revenue left out, the record prefilled."""
from __future__ import annotations

from dashboard.intake.candidates import article_candidates, candidate_record, fingerprint, sentence_span
from dashboard.intake.news import NewsArticle


def _article(text, lang="ko", date="2024-04-25", title=""):
    return NewsArticle("http://127.0.0.1/x.html", title, text, date, "page", lang, "utf-8")


def test_restatement_attaches_and_revenue_is_left_out():
    text = ("SK하이닉스가 청주에 20조원(약 146억달러)을 투자해 공장을 짓는다. 회사는 지난해 영업이익 7조원을 거뒀다.\n"
            "공장 완공은 2027년이다.")
    (c,) = article_candidates(_article(text))
    assert c["text"] == "20조원" and c["sentence"].startswith("SK하이닉스가 청주에")
    assert c["sentence"][c["start"]:c["end"]] == "20조원"
    assert [r["text"] for r in c["restatements"]] == ["약 146억달러"]
    assert "audit" in c["restatements"][0] and c["place"] == "Cheongju" and c["category"] == "fab"


def test_title_and_body_give_one_candidate_with_the_body_sentence():
    text = "삼성전자, 평택에 45조원\n삼성전자가 평택캠퍼스에 45조원을 들여 새 생산라인을 짓는다."
    (c,) = article_candidates(_article(text, title="삼성전자, 평택에 45조원"))
    assert c["sentence"].startswith("삼성전자가 평택캠퍼스에")


def test_capacity_quantities_are_candidates_other_quantities_not():
    text = "Acme will build a 1.2GW campus with 100,000 GPUs and create 3,000 jobs."
    got = [c["unit"] for c in article_candidates(_article(text, lang="en"))]
    assert got == ["MW", "gpu"]


def test_sentence_span_keeps_numbers_and_dates_whole():
    t = "The plan costs US$1.5 billion. It starts in 2026."
    s, e = sentence_span(t, t.index("US$"), t.index("billion") + 7)
    assert t[s:e] == "The plan costs US$1.5 billion."


def test_fingerprint_rounds_to_three_digits_and_falls_back_to_place():
    a = {"company_ids": [], "place": "Reno", "kind": "money", "unit": "USD", "value": 25.04e9}
    assert fingerprint(a) == fingerprint({**a, "value": 25.01e9}) == "@Reno|money|USD|2.5e+10"


def test_candidate_record_validates_in_the_store(tmp_path):
    from dashboard.data.store import Store

    text = "SK hynix will invest $3.87 billion in an advanced packaging plant in West Lafayette, Indiana."
    (c,) = article_candidates(_article(text, lang="en", date="2024-04-03"))
    c["article_url"] = "https://news.example.com/sk-indiana"
    rec = candidate_record(c, {"notes": "from the queue"})
    assert rec["amount_reported"] == "$3.87 billion" and rec["category"] == "packaging"
    assert rec["announced"] == "2024-04-03" and rec["country"] in ("US", "KR")
    store = Store(tmp_path / "s.db")
    rid = store.add(rec)
    assert store.get(rid)["notes"] == "from the queue"


def test_chinese_yuan_follows_the_article_region():
    """A bare 元 is TWD in a Taiwanese article, HKD in a Hong Kong one and CNY in a mainland one (the parser's region rules)."""
    text = "台積電宣布將在高雄投資3000億元興建新廠。"
    (c,) = article_candidates(_article(text, lang="zh", date="2025-03-04"))
    assert (c["unit"], c["value"], c["place"]) == ("TWD", 3e11, "Kaohsiung")
    (c,) = article_candidates(_article("中芯國際宣布在上海投資500億元擴建晶圓廠。", lang="zh", date="2025-03-04"))
    assert (c["unit"], c["value"]) == ("CNY", 5e10)
    (s,) = article_candidates(_article("中芯国际将在天津投资3000亿元兴建新厂。", lang="zh", date="2025-03-04"))
    assert s["unit"] == "CNY"
