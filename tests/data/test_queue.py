"""The review queue in the store (SQLite and PostgreSQL): idempotent intake, one candidate many sources, decisions."""
from __future__ import annotations

import pytest

from dashboard.data.queue import Queue
from dashboard.data.store import Store
from dashboard.errors import RecordNotFoundError, StoreError, ValidationError


def _cand(value=1.7e10, url="http://127.0.0.1/a", text="$17 billion", fp=None, **kw):
    return {"fingerprint": fp or f"samsung-electronics|money|USD|{value:.3g}", "kind": "money", "value": value,
            "unit": "USD", "text": text, "sentence": f"Samsung will invest {text} in Taylor.", "start": 20,
            "end": 20 + len(text), "article_url": url, "article_date": "2024-07-25", "language": "en",
            "company_ids": ["samsung-electronics"], "place": "Taylor, TX", "country": "US", "category": "fab",
            "restatements": [{"text": "약 23조원", "value": 2.3e13, "unit": "KRW"}],
            "matched_id": "samsung-taylor-fab", "match_score": 8.0, "match_reasons": ["company"], **kw}


def test_same_article_twice_adds_nothing_and_two_articles_make_two_sources(store_db):
    q = Queue(Store(store_db))
    assert q.list() == [] and q.count() == 0  # nothing exists yet, nothing is created
    assert q.add_article({"url": "http://127.0.0.1/a"}, [_cand()]) == (1, 1)
    assert q.add_article({"url": "http://127.0.0.1/a"}, [_cand()]) == (0, 0)
    assert q.add_article({"url": "http://127.0.0.1/b"}, [_cand(url="http://127.0.0.1/b", text="170억달러")]) == (0, 1)
    (row,) = q.list()
    assert (row["sources"], row["text"], row["status"], row["restatements"][0]["text"]) == (2, "$17 billion", "pending", "약 23조원")
    got = q.get(row["id"])
    assert [s["text"] for s in got["source_list"]] == ["$17 billion", "170억달러"]
    assert q.known_articles(["http://127.0.0.1/a", "http://127.0.0.1/zzz"]) == {"http://127.0.0.1/a"}


def test_filters_by_status_language_and_link(store_db):
    q = Queue(Store(store_db))
    q.add_articles([({"url": "u1"}, [_cand(url="u1")]),
                    ({"url": "u2"}, [_cand(5e9, url="u2", matched_id=None, language="ko")])])
    assert [r["value"] for r in q.list(linked=True)] == [1.7e10]
    assert [r["value"] for r in q.list(linked=False)] == [5e9]
    assert [r["value"] for r in q.list(language="ko")] == [5e9]
    first = q.list()[0]["id"]
    q.reject(first)
    assert [r["id"] for r in q.list(status="rejected")] == [first] and q.count(status="pending") == 1
    with pytest.raises(StoreError, match=f"candidate {first} is already rejected"):
        q.reject(first)


def test_accept_goes_through_validation_and_merge_records_the_sources(store_db, record):
    store = Store(store_db)
    q = Queue(store)
    q.add_articles([({"url": "http://127.0.0.1/a"}, [_cand()]), ({"url": "http://127.0.0.1/b"}, [_cand(5e9, url="http://127.0.0.1/b")])])
    a, b = (r["id"] for r in q.list())
    with pytest.raises(ValidationError, match="column 'category'"):
        q.accept(a, {**record, "category": "spaceport"})
    assert q.get(a)["status"] == "pending" and store.ids() == set()  # nothing half-written
    rid = q.accept(a, record)
    assert store.get(rid)["project"] == record["project"] and q.get(a)["record_id"] == rid
    with pytest.raises(RecordNotFoundError):
        q.merge(b, "no-such-project", known_ids={"samsung-taylor-fab"})
    q.merge(b, "samsung-taylor-fab", known_ids={"samsung-taylor-fab"})
    assert q.get(b)["status"] == "merged"
    assert [s["source_url"] for s in q.project_sources("samsung-taylor-fab")] == ["http://127.0.0.1/b"]
    with pytest.raises(RecordNotFoundError, match="review queue"):
        q.get(999)


def test_merged_sources_reach_the_loaded_frame_and_the_export(store_db):
    """After a merge, load_projects gives the project its further sources (count and URLs), the CSV carries
    them, and the dashboard's data revision moves; other rows have 0 and ""."""
    import csv
    import io

    from dashboard.data import load_projects
    from dashboard.present.export import to_csv
    from dashboard.query.selection import select
    from dashboard.query.state import ViewState
    from dashboard.ui.app import ProjectSource

    store = Store(store_db)
    q = Queue(store)
    q.add_articles([({"url": "http://127.0.0.1/b"}, [_cand(5e9, url="http://127.0.0.1/b")]),
                    ({"url": "http://127.0.0.1/c"}, [_cand(5e9, url="http://127.0.0.1/c")])])
    source = ProjectSource(store=store)
    before = source.revision()
    assert load_projects(db=store)["further_sources"].sum() == 0
    (cid,) = (r["id"] for r in q.list())
    q.merge(cid, "samsung-taylor-fab", known_ids={"samsung-taylor-fab"})
    assert source.revision() != before
    frame = source.frame()
    row = frame.set_index("id").loc["samsung-taylor-fab"]
    assert row["further_sources"] == 2 and row["further_source_urls"] == "http://127.0.0.1/b; http://127.0.0.1/c"
    assert set(frame.loc[frame["id"] != "samsung-taylor-fab", "further_sources"]) == {0}
    exported = {r["id"]: r for r in csv.DictReader(io.StringIO(to_csv(select(frame, ViewState()))))}
    assert exported["samsung-taylor-fab"]["further_sources"] == "2"
    assert exported["samsung-taylor-fab"]["further_source_urls"] == "http://127.0.0.1/b; http://127.0.0.1/c"
