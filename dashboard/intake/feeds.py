"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the article links of a feed (relative
links made absolute against ``xml:base`` and the feed's URL), each with the
feed's date for it (read with feedparser). An Atom entry with only an
``<updated>`` date is marked ``updated_only``: the article's own date is better.

The date is the day as the feed wrote it, in the feed's own time zone
(``Wed, 02 Apr 2025 08:00:00 +0900`` is 2025-04-02, not the day before in UTC).

>>> feed = b'''<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
... <item><title>A</title><link>http://127.0.0.1/a.html</link>
... <pubDate>Wed, 02 Apr 2025 08:00:00 +0900</pubDate></item></channel></rss>'''
>>> [(e.url, e.date, e.title) for e in read_feed(feed, "http://127.0.0.1/feed.xml")]
[('http://127.0.0.1/a.html', '2025-04-02', 'A')]
"""
from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass
from urllib.parse import urljoin

from dashboard.errors import ArticleError

__all__ = ["FeedEntry", "read_feed"]


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the article's absolute URL, the feed's date for it (``YYYY-MM-DD`` or ``None``), its title."""

    url: str
    date: str | None
    title: str = ""
    #: the date is only when the entry was last updated (Atom ``<updated>`` without ``<published>``):
    #: a date in the article's own text is better
    updated_only: bool = False


def _entry_date(entry, keys=("published", "updated", "created")) -> str | None:
    for key in keys:
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(*parsed[:3]).isoformat()
    return None


def read_feed(data: bytes, url: str) -> list[FeedEntry]:
    """The entries of the feed ``data`` fetched from ``url`` (relative links made absolute).

    Raises :class:`~dashboard.errors.ArticleError` naming the URL when the
    document is not a feed feedparser can read.
    """
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise ArticleError(url, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
    out: list[FeedEntry] = []
    seen: set[str] = set()
    atom = str(parsed.get("version") or "").startswith("atom")
    for entry in parsed.entries:
        # the entry's link (feedparser also takes a permalink <guid>), else another of its links;
        # never an enclosure (a podcast's audio is not an article)
        enclosures = {ln.get("href") for ln in entry.get("links", []) if ln.get("rel") == "enclosure"}
        links = [entry.get("link")] + [ln.get("href") for ln in entry.get("links", []) if ln.get("rel") != "enclosure"]
        link = next((u for u in links if u and u not in enclosures), None)
        if not link:
            continue
        link = urljoin(url, link.strip())
        if link in seen:
            continue
        seen.add(link)
        # RSS pubDate and RSS 1.0 dc:date say when the article appeared; Atom's <updated> only when the entry changed
        published = _entry_date(entry, ("published", "created")) if atom else _entry_date(entry)
        date = published or _entry_date(entry)
        out.append(FeedEntry(link, date, (entry.get("title") or "").strip(), updated_only=published is None and date is not None))
    return out
