"""Ingestion end to end from the made-up news site over real HTTP: the right figures, dates,
companies and links in the queue; a second run adds nothing; linking precision and recall."""
from __future__ import annotations

import pytest

from dashboard.data.queue import Queue
from dashboard.data.store import Store
from dashboard.intake.ingest import ingest
from tests.intake.news_site import DATES, EXPECTED, PAGES


def _path(url: str, base: str) -> str:
    return url[len(base) + 1:]


@pytest.fixture(scope="module")
def ingested(news_site, tmp_path_factory):
    base, _ = news_site
    queue = Queue(Store(tmp_path_factory.mktemp("q") / "q.db"))
    first = ingest([f"{base}/feed.xml"], queue)
    return base, queue, first


def test_first_run_reads_every_article(ingested):
    _, _, report = ingested
    assert (report.articles, report.skipped, report.failed) == (len(PAGES), 0, [])


def test_queue_holds_the_expected_figures_with_dates_and_no_furniture(ingested):
    base, queue, _ = ingested
    got: dict[str, set[str]] = {}
    for c in queue.list():
        for s in queue.get(c["id"])["source_list"]:
            got.setdefault(_path(s["article_url"], base), set()).add(s["text"])
            assert s["article_date"] == DATES[_path(s["article_url"], base)]
    assert got == {path: {text for text, _ in figs} for path, figs in EXPECTED.items()}


def test_companies_places_and_restatements(ingested):
    base, queue, _ = ingested
    by_text = {c["text"]: c for c in queue.list()}
    assert by_text["400억엔"]["company_ids"][0] == "samsung-electronics"
    assert by_text["400억엔"]["place"] == "Yokohama"
    assert [r["text"] for r in by_text["400억엔"]["restatements"]] == ["약 3620억원"]
    assert by_text["400억엔"]["restatements"][0]["audit"]["rate_date"] <= "2025-04-02"
    assert "약 3620억원" not in by_text  # a restatement is not a candidate of its own
    assert by_text["最大5000億円"]["company_ids"] == ["micron"]
    assert by_text["1000亿美元"]["company_ids"] == ["tsmc"]
    assert by_text["$3.87 billion"]["category"] == "packaging"
    assert by_text["$25 billion"]["company_ids"] == [] and by_text["$25 billion"]["category"] == "datacenter"


def test_the_same_figure_in_two_languages_is_one_candidate_with_two_sources(ingested):
    base, queue, _ = ingested
    (taylor,) = [c for c in queue.list() if c["matched_id"] == "samsung-taylor-fab" and c["unit"] == "USD"]
    srcs = queue.get(taylor["id"])["source_list"]
    assert sorted(_path(s["article_url"], base) for s in srcs) == ["en/samsung-taylor.html", "ko/samsung-taylor.html"]


def test_second_run_adds_nothing(ingested):
    base, queue, _ = ingested
    before = queue.list()
    again = ingest([f"{base}/feed.xml", f"{base}/atom.xml", f"{base}/en/samsung-taylor.html"], queue)
    assert (again.articles, again.candidates, again.sources) == (0, 0, 0)
    assert again.skipped == len(PAGES) + 2 + 1
    assert queue.list() == before


def linking_scores(queue: Queue, base: str) -> tuple[float, float, int]:
    """Precision and recall of the links against EXPECTED, and how many figures were judged."""
    truth = {(path, text): want for path, figs in EXPECTED.items() for text, want in figs}
    tp = fp = fn = 0
    for c in queue.list():
        for s in queue.get(c["id"])["source_list"]:
            want = truth[(_path(s["article_url"], base), s["text"])]
            got = c["matched_id"]
            tp += got is not None and got == want
            fp += got is not None and got != want
            fn += want is not None and got != want
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), len(truth)


def test_linking_precision_and_recall(ingested):
    base, queue, _ = ingested
    precision, recall, n = linking_scores(queue, base)
    print(f"linking on the test site: precision {precision:.2f}, recall {recall:.2f} over {n} figures")
    assert precision == 1.0 and recall == 1.0


def test_folder_of_local_files_and_a_bad_source(news_site, tmp_path):
    _, root = news_site
    queue = Queue(Store(tmp_path / "q.db"))
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_bytes("2025年3月14日 キオクシアは北上工場に7200億円を投資すると発表した。".encode("cp932"))
    report = ingest([str(root / "ja"), str(tmp_path / "notes"), str(tmp_path / "missing.html")], queue)
    assert report.articles == 3 and report.failed[0][0].endswith("missing.html")
    kioxia = [c for c in queue.list() if c["text"] == "7200億円"]
    assert kioxia and kioxia[0]["article_date"] == "2025-03-14" and kioxia[0]["company_ids"] == ["kioxia"]
    assert kioxia[0]["article_url"].startswith("file:///")
    assert ingest([str(root / "ja")], queue).articles == 0
