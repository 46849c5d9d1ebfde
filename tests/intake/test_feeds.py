"""Feeds: RSS and Atom entries with absolute links and the feed's own day."""
from __future__ import annotations

import pytest

from dashboard.errors import ArticleError
from dashboard.intake.feeds import read_feed
from dashboard.intake.fetch import fetch_url
from tests.intake.news_site import PAGES


def test_rss_feed_lists_every_article_with_its_local_day(news_site):
    base, _ = news_site
    entries = read_feed(fetch_url(f"{base}/feed.xml").data, f"{base}/feed.xml")
    assert [e.url for e in entries] == [f"{base}/{p.path}" for p in PAGES]
    by_url = {e.url: e.date for e in entries}
    # 08:00 +0900 is the day before in UTC: the feed's own day counts
    assert by_url[f"{base}/ko/samsung-yokohama.html"] == "2025-04-02"
    assert by_url[f"{base}/ko/sk-hynix-cheongju.html"] == "2024-04-25"


def test_atom_feed_relative_links_become_absolute(news_site):
    base, _ = news_site
    entries = read_feed(fetch_url(f"{base}/atom.xml").data, f"{base}/atom.xml")
    assert [(e.url, e.date) for e in entries] == [
        (f"{base}/ja/micron-hiroshima.html", "2023-05-18"), (f"{base}/ja/rapidus-support.html", "2025-03-31")]


def test_not_a_feed_is_refused_with_the_url():
    with pytest.raises(ArticleError, match=r"^http://x/feed: not a readable RSS/Atom feed"):
        read_feed(b"\x00\x01 not xml at all <", "http://x/feed")


def test_permalink_guid_counts_and_enclosures_do_not():
    """An item with only a permalink <guid> is read; a podcast's audio enclosure is never taken for an article."""
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>A</title><guid isPermaLink="true">http://127.0.0.1/a.html</guid></item>
<item><title>C</title><enclosure url="http://127.0.0.1/c.mp3" type="audio/mpeg"/></item>
<item><title>D</title><link>d.html</link><enclosure url="http://127.0.0.1/d.mp3" type="audio/mpeg"/></item>
</channel></rss>"""
    assert [e.url for e in read_feed(feed, "http://127.0.0.1/news/feed.xml")] == [
        "http://127.0.0.1/a.html", "http://127.0.0.1/news/d.html"]
