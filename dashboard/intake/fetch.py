"""Getting the bytes of a source: an http(s) URL (with a timeout and a size
cap) or a local file, and telling a feed from a page.

Only ``http``/``https`` URLs and local paths are read; a response over
``max_bytes`` is cut off and refused, not truncated silently.

>>> looks_like_feed(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "")
True
>>> looks_like_feed(b"<html><body>x</body></html>", "text/html")
False
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.errors import ArticleError
from dashboard.intake.article import MAX_UPLOAD_BYTES

__all__ = ["Fetched", "fetch_url", "read_file", "looks_like_feed", "is_url", "fetched_charset", "USER_AGENT", "TIMEOUT_S"]

USER_AGENT = "semidash-ingest/1 (+https://github.com/semidash)"
TIMEOUT_S = 15.0
"""Seconds to wait for a server (connect and each read)."""

_FEED_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S | re.I)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


@dataclass(frozen=True)
class Fetched:
    """The bytes of one source and where they came from (``url`` after redirects)."""

    url: str
    data: bytes
    content_type: str = ""


def is_url(source: str) -> bool:
    """Whether ``source`` is an http(s) URL.

    >>> is_url("https://example.org/a"), is_url("news/a.html")
    (True, False)
    """
    return bool(re.match(r"^https?://", source, re.I))


def looks_like_feed(data: bytes, content_type: str) -> bool:
    """An RSS/Atom/RDF document: by its content type or its root element."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in _FEED_TYPES:
        return True
    return bool(_FEED_ROOT.match(data[:2048].lstrip(b"\xef\xbb\xbf")))


# charset labels as browsers read them (the WHATWG Encoding standard): a label names a superset
_CHARSETS = {
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "windows-949": "cp949", "cp949": "cp949", "korean": "cp949",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932",
    "ms_kanji": "cp932", "cp932": "cp932", "euc-jp": "euc_jp", "iso-2022-jp": "iso2022_jp",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030", "cp936": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs", "cn-big5": "big5hkscs",
    "utf-8": "utf-8", "utf8": "utf-8",
}
# servers send these by default for pages that are not: left to the page and the bytes
_DEFAULT_LABELS = ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252", "cp1252")


def fetched_charset(fetched: Fetched | None) -> str | None:
    """The Python codec for the charset of the HTTP ``Content-Type`` (``None`` when it
    names none, one Python lacks, or a Latin default that servers send for anything).

    >>> fetched_charset(Fetched("http://x", b"", "text/html; charset=EUC-KR")), fetched_charset(Fetched("http://x", b"", "text/html"))
    ('cp949', None)
    >>> fetched_charset(Fetched("http://x", b"", 'text/html; charset="gb2312"')), fetched_charset(Fetched("http://x", b"", "text/html; charset=ISO-8859-1"))
    ('gb18030', None)
    """
    if fetched is None:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", fetched.content_type or "", re.I)
    if not m:
        return None
    label = m.group(1).lower()
    if label in _DEFAULT_LABELS:
        return None
    if label in _CHARSETS:
        return _CHARSETS[label]
    import codecs

    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def fetch_url(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_UPLOAD_BYTES, client=None) -> Fetched:
    """GET ``url``; raises :class:`~dashboard.errors.ArticleError` naming the URL on an
    HTTP error, a timeout, a refused connection or a body over ``max_bytes``.

    ``client`` is an ``httpx.Client`` to reuse connections across many fetches.
    """
    import httpx

    own = client is None
    if own:
        client = httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise ArticleError(url, f"the server answered HTTP {response.status_code}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise ArticleError(url, f"{int(declared):,} bytes is over the {max_bytes:,}-byte limit for an article")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ArticleError(url, f"more than {max_bytes:,} bytes; over the limit for an article")
                chunks.append(chunk)
            return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type", ""))
    except httpx.TimeoutException:
        raise ArticleError(url, f"no answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise ArticleError(url, f"cannot fetch: {exc}") from None
    finally:
        if own:
            client.close()


def read_file(path: str | Path, *, max_bytes: int = MAX_UPLOAD_BYTES) -> Fetched:
    """The bytes of a local file, as a ``file://`` source.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt"); _ = open(p, "wb").write(b"x")
    >>> read_file(p).url.startswith("file:///")
    True
    """
    p = Path(path).expanduser().absolute()
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise ArticleError(str(p), f"{size:,} bytes is over the {max_bytes:,}-byte limit for an article")
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleError(str(p), f"cannot read the file: {exc.strerror or exc}") from None
    return Fetched(p.as_uri(), data, "")
