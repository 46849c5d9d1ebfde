"""Ingestion: sources (feed URLs, article URLs, local files, folders) -> articles
-> candidates -> the review queue.

``ingest(["http://127.0.0.1:8000/feed.xml"], queue)`` fetches the feed, skips
the entries read before (without fetching them), reads each new article
(main text, date, language), finds its candidates, links them to the known
projects (curated and the user's), and writes them in batches. A source that
cannot be read is reported and the others go on.

The article URL of a local file is the page's canonical ``http(s)`` URL when
it declares one (``<link rel="canonical">``, ``og:url``), else its ``file://`` URI.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.errors import SemidashError
from dashboard.intake.fetch import Fetched, fetch_url, fetched_charset, is_url, looks_like_feed, read_file

__all__ = ["IngestReport", "ingest", "expand_sources", "ARTICLE_SUFFIXES", "BATCH"]

ARTICLE_SUFFIXES = (".html", ".htm", ".txt")
"""Files of a folder that are read as articles."""

BATCH = 50
"""Articles written to the queue per transaction."""


@dataclass
class IngestReport:
    """What one ingestion did: articles read and skipped (read before), candidates and
    sources added, and the sources that failed with why."""

    articles: int = 0
    skipped: int = 0
    candidates: int = 0
    sources: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """``3 articles read, 1 already read; 5 new candidates, 6 sources added; 0 failed``."""
        return (f"{self.articles} article{'s' if self.articles != 1 else ''} read, {self.skipped} already read; "
                f"{self.candidates} new candidate{'s' if self.candidates != 1 else ''}, "
                f"{self.sources} source{'s' if self.sources != 1 else ''} added; {len(self.failed)} failed")


@dataclass(frozen=True)
class _Item:
    """An article to read: where from, and (for a feed entry) the feed's date."""

    source: str
    feed_date: str | None = None
    fetched: Fetched | None = None
    feed_date_updated_only: bool = False


def expand_sources(sources: Iterable[str | tuple[str, str | None]], *, client=None, report: IngestReport | None = None,
                   known: Callable[[list[str]], set[str]] | None = None) -> Iterator[_Item]:
    """Each source as the articles it stands for: a feed's entries (minus those
    ``known`` says were read), a folder's article files (sorted), a file, a URL;
    an ``(article URL, feed date)`` pair stands for itself."""
    report = report if report is not None else IngestReport()
    for source in sources:
        if isinstance(source, (tuple, list)):  # (article URL, feed date[, updated only]): a feed entry expanded elsewhere
            yield _Item(str(source[0]), source[1], None, bool(source[2]) if len(source) > 2 else False)
            continue
        try:
            if is_url(source):
                fetched = fetch_url(source, client=client)
                if looks_like_feed(fetched.data, fetched.content_type):
                    from dashboard.intake.feeds import read_feed

                    entries = read_feed(fetched.data, fetched.url)
                    done = known([e.url for e in entries]) if known else set()
                    report.skipped += sum(e.url in done for e in entries)
                    yield from (_Item(e.url, e.date, None, e.updated_only) for e in entries if e.url not in done)
                else:
                    yield _Item(fetched.url, None, fetched)
                continue
            path = Path(source).expanduser()
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
                yield from (_Item(str(p)) for p in files)
            else:
                yield _Item(str(path))
        except SemidashError as exc:
            report.failed.append((source, str(exc)))


_NOT_ARTICLES = ("audio/", "video/", "image/", "font/", "application/pdf", "application/zip", "application/octet-stream")


def _check_is_text(fetched: Fetched) -> None:
    """Refuse a response whose Content-Type says it is no page or text (a feed's audio enclosure, a PDF)."""
    from dashboard.errors import ArticleError

    ctype = (fetched.content_type or "").split(";")[0].strip().lower()
    if ctype.startswith(_NOT_ARTICLES):
        raise ArticleError(fetched.url, f"not an article page or text (the server sent {ctype})")


def ingest(sources: Iterable[str | tuple[str, str | None]], queue, *, projects=None, index=None, client=None,
           progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Read every source into ``queue`` (a :class:`~dashboard.data.queue.Queue`); see the module docstring.

    ``projects`` is the frame to link against (default: ``load_projects`` with the queue's store),
    or ``index`` a :class:`~dashboard.intake.linking.ProjectIndex` already built from it.
    """
    import httpx

    from dashboard.intake.candidates import article_candidates
    from dashboard.intake.linking import ProjectIndex
    from dashboard.intake.news import read_news

    if index is None:
        if projects is None:
            from dashboard.data import load_projects

            projects = load_projects(db=queue.store)
        index = ProjectIndex(projects)
    rates: dict = {}
    report = IngestReport()
    own = client is None
    if own:
        from dashboard.intake.fetch import TIMEOUT_S, USER_AGENT

        client = httpx.Client(timeout=TIMEOUT_S, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    batch: list = []

    def flush() -> None:
        if batch:
            new_c, new_s = queue.add_articles(batch)
            report.candidates += new_c
            report.sources += new_s
            batch.clear()
            if progress:
                progress(report)

    try:
        pending_urls: set[str] = set()
        for item in expand_sources(sources, client=client, report=report, known=queue.known_articles):
            try:
                if item.fetched is not None:
                    fetched = item.fetched
                elif is_url(item.source):
                    fetched = fetch_url(item.source, client=client)
                else:
                    fetched = read_file(item.source)
                _check_is_text(fetched)
                article = read_news(fetched.data, fetched.url if is_url(item.source) else fetched.url,
                                    feed_date=item.feed_date, feed_date_updated_only=item.feed_date_updated_only,
                                    name=item.source, charset=fetched_charset(fetched))
            except SemidashError as exc:
                report.failed.append((item.source, str(exc)))
                continue
            url = item.source if is_url(item.source) else (article.canonical or fetched.url)
            if url != article.url:
                from dataclasses import replace

                article = replace(article, url=url)
            if url in pending_urls or queue.known_articles([url]):
                report.skipped += 1
                continue
            pending_urls.add(url)
            cands = article_candidates(article, index=index, rates=rates)
            report.articles += 1
            batch.append(({"url": url, "date": article.date, "title": article.title, "language": article.language},
                          cands))
            if len(batch) >= BATCH:
                flush()
        flush()
    finally:
        if own:
            client.close()
    return report
