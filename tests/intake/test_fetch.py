"""Fetching sources: a real local HTTP server, its errors named by URL, the size cap, local files."""
from __future__ import annotations

import pytest

from dashboard.errors import ArticleError
from dashboard.intake.fetch import fetch_url, is_url, looks_like_feed, read_file


def test_fetch_url_gets_the_bytes_as_served(news_site):
    base, root = news_site
    got = fetch_url(f"{base}/ko/samsung-yokohama.html")
    assert got.data == (root / "ko/samsung-yokohama.html").read_bytes()
    assert got.url == f"{base}/ko/samsung-yokohama.html"
    assert got.content_type.startswith("text/html")


def test_a_feed_is_told_from_a_page(news_site):
    base, _ = news_site
    feed = fetch_url(f"{base}/feed.xml")
    atom = fetch_url(f"{base}/atom.xml")
    page = fetch_url(f"{base}/en/samsung-taylor.html")
    assert looks_like_feed(feed.data, feed.content_type)
    assert looks_like_feed(atom.data, "")  # by its root element
    assert not looks_like_feed(page.data, page.content_type)


def test_missing_page_names_the_url_and_status(news_site):
    base, _ = news_site
    with pytest.raises(ArticleError, match=r"/nowhere\.html: the server answered HTTP 404"):
        fetch_url(f"{base}/nowhere.html")


def test_size_cap_refuses_a_large_page(news_site):
    base, _ = news_site
    with pytest.raises(ArticleError, match="over the 100-byte limit|more than 100 bytes"):
        fetch_url(f"{base}/ko/samsung-yokohama.html", max_bytes=100)


def test_refused_connection_is_an_article_error():
    from tests.pg import free_port

    with pytest.raises(ArticleError, match="cannot fetch"):
        fetch_url(f"http://127.0.0.1:{free_port()}/a.html", timeout=2)


def test_read_file_and_its_errors(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 10)
    assert read_file(f).data == b"x" * 10 and read_file(f).url == f.as_uri()
    with pytest.raises(ArticleError, match="over the 5-byte limit"):
        read_file(f, max_bytes=5)
    with pytest.raises(ArticleError, match="cannot read the file"):
        read_file(tmp_path / "missing.html")
    assert is_url("HTTP://x.org") and not is_url(str(f))
