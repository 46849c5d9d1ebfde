"""The review queue view's plain functions: cards with the figure marked and the link, filters, decisions."""
from __future__ import annotations

import pytest
from dash import html

from dashboard.data.queue import Queue
from dashboard.data.store import Store
from dashboard.ui.views.queue import decide, list_candidates, queue_cards


def _cand(i, url, matched=None, lang="en", company=("sk-hynix",)):
    text = f"${i} billion"
    sentence = f"The company will invest {text} in a plant."
    return {"fingerprint": f"x|money|USD|{i}", "kind": "money", "value": i * 1e9, "unit": "USD", "text": text,
            "sentence": sentence, "start": sentence.index(text), "end": sentence.index(text) + len(text),
            "article_url": url, "article_date": "2025-03-14", "language": lang, "company_ids": list(company),
            "category": "fab", "country": "US", "matched_id": matched, "match_reasons": ["company"] if matched else []}


@pytest.fixture
def queue(tmp_path):
    q = Queue(Store(tmp_path / "s.db"))
    q.add_articles([({"url": "https://n.example.com/1"}, [_cand(3, "https://n.example.com/1", "sk-hynix-west-lafayette-packaging")]),
                    ({"url": "https://n.example.com/2"}, [_cand(7, "https://n.example.com/2", lang="ko")])])
    return q


def _find(component, pred):
    if pred(component):
        yield component
    children = getattr(component, "children", None)
    for c in children if isinstance(children, list) else [children] if children is not None else []:
        if hasattr(c, "to_plotly_json"):
            yield from _find(c, pred)


def test_cards_mark_the_figure_and_show_the_link(queue):
    cards = queue_cards(queue.list())
    marks = [m.children for card in cards for m in _find(card, lambda c: isinstance(c, html.Mark))]
    assert marks == ["$3 billion", "$7 billion"]
    codes = [c.children for card in cards for c in _find(card, lambda c: isinstance(c, html.Code))]
    assert codes == ["sk-hynix-west-lafayette-packaging"]


def test_filters(queue):
    assert list_candidates(queue, "pending", "all", "new")[1] == "1 candidate"
    assert list_candidates(queue, "pending", "ko", "all")[1] == "1 candidate"
    assert list_candidates(queue, "rejected", "all", "all")[1] == "0 candidates"


def test_decide_accept_merge_reject(queue):
    first, second = (c["id"] for c in queue.list())
    msg, changed = decide(queue, "merge", first, "", lambda: ["sk-hynix-west-lafayette-packaging"])
    assert "give the id" in msg and not changed
    msg, changed = decide(queue, "merge", first, "sk-hynix-west-lafayette-packaging",
                          lambda: ["sk-hynix-west-lafayette-packaging"])
    assert msg == f"Merged candidate {first} into sk-hynix-west-lafayette-packaging." and changed  # the grid reloads
    msg, changed = decide(queue, "accept", second)
    assert msg.startswith(f"Accepted candidate {second} as ") and changed
    assert decide(queue, "reject", second)[0] == f"Candidate {second}: {queue.store.display_url}: candidate {second} is already accepted ({queue.get(second)['record_id']})"


def test_ingest_from_view_reads_urls_and_reports(news_site, tmp_path, monkeypatch):
    from dashboard.ui.views.queue import ingest_from_view

    monkeypatch.delenv("SEMIDASH_BROKER", raising=False)
    base, _ = news_site
    q = Queue(Store(tmp_path / "v.db"))
    assert ingest_from_view(q, "  ") == "Give a feed or article URL to read."
    assert ingest_from_view(q, f"{base}/atom.xml").startswith("2 articles read, 0 already read; 2 new candidates")
    again = ingest_from_view(q, f"{base}/atom.xml {base}/missing.html")
    assert again.startswith("0 articles read, 2 already read") and "missing.html: " in again and "HTTP 404" in again
