"""Ingestion of page and feed shapes the main test site lacks (tests/intake/news_variants.py): RSS 1.0
and Atom with relative links, charsets in the HTTP header only, in a meta tag, mislabelled or nowhere,
dates in JSON-LD, <time>, <meta name=date> or only in the text, furniture inside the article. Linking
precision and recall over the main site and the variants together."""
from __future__ import annotations

import pytest

from dashboard.data.queue import Queue
from dashboard.data.store import Store
from dashboard.intake.feeds import read_feed
from dashboard.intake.fetch import fetch_url, fetched_charset
from dashboard.intake.ingest import ingest
from dashboard.intake.news import read_news
from tests.intake.news_site import EXPECTED
from tests.intake.news_variants import DATES_V, EXPECTED_V, LANGUAGES_V, VARIANTS


@pytest.fixture(scope="module")
def variants_queue(news_site, tmp_path_factory):
    base, _ = news_site
    queue = Queue(Store(tmp_path_factory.mktemp("variants") / "q.db"))
    report = ingest([f"{base}/v/rdf.xml", f"{base}/v/atom.xml"], queue)
    return base, queue, report


def _by_article(queue: Queue, base: str) -> dict[str, list[tuple[str, str | None, str | None, str | None]]]:
    out: dict[str, list] = {}
    for c in queue.list(limit=None):
        for s in queue.get(c["id"])["source_list"]:
            out.setdefault(s["article_url"].removeprefix(base + "/"), []).append(
                (s["text"], c["matched_id"], s["article_date"], s["language"]))
    return out


def test_every_variant_is_read_with_its_figures_links_dates_and_language(variants_queue):
    base, queue, report = variants_queue
    assert (report.articles, report.failed) == (len(VARIANTS), [])
    got = _by_article(queue, base)
    assert {p: sorted((t, m) for t, m, _, _ in rows) for p, rows in got.items()} == {
        p: sorted(figs) for p, figs in EXPECTED_V.items()}  # nothing from the related box, tickers, sidebars, footers
    assert {p: {d for _, _, d, _ in rows} for p, rows in got.items()} == {p: {d} for p, d in DATES_V.items()}
    assert {p: {lang for _, _, _, lang in rows} for p, rows in got.items()} == {p: {lang} for p, lang in LANGUAGES_V.items()}


def test_reading_the_feeds_again_adds_nothing(variants_queue):
    base, queue, _ = variants_queue
    again = ingest([f"{base}/v/rdf.xml", f"{base}/v/atom.xml", f"{base}/v/rss-relative.xml"], queue)
    assert (again.articles, again.candidates, again.sources, again.skipped) == (0, 0, 0, len(VARIANTS) + 2)


@pytest.mark.parametrize("feed, paths", [
    ("v/rdf.xml", ["v/ko-kumamoto.html", "v/ja-kitakami.html", "v/zh-tw-arizona.html"]),
    ("v/atom.xml", ["v/zh-dresden.html", "v/en-magdeburg.html", "v/ko-pyeongtaek-p5.html", "v/ja-oita-new.html"]),
    ("v/rss-relative.xml", ["v/ja-oita-new.html", "v/ko-pyeongtaek-p5.html"]),
])
def test_feed_links_are_made_absolute(news_site, feed, paths):
    base, _ = news_site
    fetched = fetch_url(f"{base}/{feed}")
    entries = read_feed(fetched.data, fetched.url)
    assert [e.url for e in entries] == [f"{base}/{p}" for p in paths]
    if feed == "v/atom.xml":  # only <updated>: the article's own date goes first
        assert all(e.updated_only and e.date == "2025-06-02" for e in entries)
    if feed == "v/rdf.xml":  # dc:date is the publication date
        assert [e.date for e in entries] == [DATES_V[p] for p in paths] and not any(e.updated_only for e in entries)


@pytest.mark.parametrize("path, sentence", [
    ("v/ko-kumamoto.html", "기쿠요에 짓는 두 번째 공장에 약 170억달러를"),  # EUC-KR, HTTP header only
    ("v/ja-kitakami.html", "岩手県北上市の第2製造棟に1兆円規模"),  # Shift_JIS, declared nowhere
    ("v/zh-tw-arizona.html", "台積電宣布在美國亞利桑那州追加投資1000億美元"),  # Big5, <meta http-equiv>
    ("v/zh-dresden.html", "英飞凌宣布在德国德累斯顿投资50亿欧元"),  # GB18030, header says gb2312
    ("v/ko-pyeongtaek-p5.html", "평택캠퍼스 5라인(P5)에 60조원"),  # UTF-8, declared nowhere
])
def test_each_encoding_is_decoded(news_site, path, sentence):
    base, _ = news_site
    fetched = fetch_url(f"{base}/{path}")
    article = read_news(fetched.data, fetched.url, charset=fetched_charset(fetched))
    assert sentence in article.text and "\ufffd" not in article.text


def test_a_wrong_header_charset_gives_way_to_the_bytes():
    """A page sent as UTF-8 whose bytes are EUC-KR is still read right."""
    data = "<html><body><article><p>삼성전자가 평택에 45조원을 투자한다고 밝혔다.</p></article></body></html>".encode("euc-kr")
    article = read_news(data, "http://127.0.0.1/a.html", charset="utf-8")
    assert "평택에 45조원을" in article.text and article.encoding in ("cp949", "euc_kr", "euc-kr")


def test_linking_precision_and_recall_over_both_sites(variants_queue, news_site, tmp_path):
    """Links judged against EXPECTED (main site) and EXPECTED_V (variants): every link right, none missed."""
    base, queue, _ = variants_queue
    main = Queue(Store(tmp_path / "main.db"))
    ingest([f"{base}/feed.xml"], main)
    truth = {(p, t): want for p, figs in {**EXPECTED, **EXPECTED_V}.items() for t, want in figs}
    tp = fp = fn = judged = 0
    for q in (main, queue):
        for path, rows in _by_article(q, base).items():
            for text, got, _, _ in rows:
                want = truth[(path, text)]
                judged += 1
                tp += got is not None and got == want
                fp += got is not None and got != want
                fn += want is not None and got != want
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"linking over {judged} figures in {len(EXPECTED) + len(EXPECTED_V)} articles: "
          f"precision {precision:.2f}, recall {recall:.2f}")
    assert judged == len(truth)  # every expected figure was queued and judged (one source each)
    assert (precision, recall) == (1.0, 1.0)


@pytest.mark.parametrize("encoding, text, language", [
    ("big5", "台積電宣布在美國亞利桑那州追加投資1000億美元，興建三座晶圓廠與兩座先進封裝廠。", "zh"),
    ("gb18030", "英飞凌宣布在德国德累斯顿投资50亿欧元建设智能功率晶圆厂，预计创造约1000个就业岗位。", "zh"),
    ("cp949", "삼성전자가 평택캠퍼스에 60조원을 투자해 반도체 생산라인을 짓는다.", "ko"),
    ("cp932", "キオクシアは岩手県北上市の第2製造棟に1兆円規模を投じると発表した。", "ja"),
])
def test_undeclared_legacy_encodings_are_told_by_their_bytes(encoding, text, language):
    """No header, no meta: one sentence in each legacy encoding is enough for the detector."""
    page = f"<html><head><title>t</title></head><body><article><p>{text}</p></article></body></html>"
    article = read_news(page.encode(encoding), "http://127.0.0.1/a.html")
    assert text in article.text and article.language == language


def test_a_non_text_response_is_refused_by_name(news_site, tmp_path):
    """An article URL that serves audio (or a PDF) fails with its content type; the other sources go on."""
    base, root = news_site
    (root / "v" / "clip.mp3").write_bytes(b"ID3\x03\x00\x00\x00" + bytes(200))
    queue = Queue(Store(tmp_path / "q.db"))
    report = ingest([f"{base}/v/clip.mp3", f"{base}/v/ja-oita-new.html"], queue)
    assert report.articles == 1
    assert report.failed == [(f"{base}/v/clip.mp3", f"{base}/v/clip.mp3: not an article page or text "
                                                     "(the server sent audio/mpeg)")]
