"""Article intake: turn an uploaded file (bytes in any common CJK or Unicode
encoding, plain text or HTML) into clean text for figure extraction.

>>> read_article("삼성전자 400억엔".encode("cp949"), "news.txt").text
'삼성전자 400억엔'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.errors import ArticleError

__all__ = ["ArticleError", "Article", "decode_bytes", "html_to_text", "read_article", "MAX_UPLOAD_BYTES"]

#: Uploads larger than this are refused (a news article is a few tens of kB).
MAX_UPLOAD_BYTES = 2_000_000

# Encodings tried when a file is neither UTF-8 nor declares its own, in the
# order charset-normalizer should prefer on a tie.
CANDIDATE_ENCODINGS = ("utf_8", "cp949", "euc_kr", "shift_jis", "cp932", "euc_jp", "gb18030", "big5")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_BLOCK_TAGS = [
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "article", "section", "blockquote", "pre", "dd", "dt", "figcaption", "title",
]
_HTML_HINT = re.compile(r"<\s*(html|body|p|div|br|article|head)\b", re.I)


@dataclass(frozen=True)
class Article:
    """Text of an uploaded article and how it was read."""

    text: str
    encoding: str
    was_html: bool
    filename: str


def decode_bytes(data: bytes, filename: str = "<upload>") -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    Order: a byte-order mark; strict UTF-8; a charset declared in an HTML
    ``<meta>``; then charset-normalizer restricted to the CJK encodings news
    sites use (CP949/EUC-KR, Shift_JIS/CP932/EUC-JP, GB18030, Big5).

    >>> decode_bytes("東京の工場".encode("shift_jis"))  # cp932 is Microsoft's Shift_JIS
    ('東京の工場', 'cp932')
    >>> decode_bytes(b"\\xef\\xbb\\xbfabc")
    ('abc', 'utf-8-sig')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, enc in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None:
        raise ArticleError(filename, f"cannot tell the text encoding; save it as UTF-8 "
                                     f"(tried {', '.join(CANDIDATE_ENCODINGS)})")
    return str(best), best.encoding


def html_to_text(html: str) -> str:
    """Reduce an HTML page to its readable text, one block per line.

    Scripts, styles and navigation chrome are dropped.

    >>> html_to_text("<html><body><script>x=1</script><p>A <b>400억엔</b></p><p>B</p></body></html>")
    'A 400억엔\\nB'
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "svg", "nav", "footer", "header", "form"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (re.sub(r"[ \t\u00a0\u3000]+", " ", ln).strip() for ln in soup.get_text().splitlines())
    return "\n".join(ln for ln in lines if ln)


def read_article(data: bytes, filename: str = "<upload>", *, max_bytes: int = MAX_UPLOAD_BYTES) -> Article:
    """Decode an uploaded ``.txt`` / ``.html`` file into an :class:`Article`.

    Raises :class:`ArticleError` naming the file when it is too large, empty
    or undecodable.
    """
    if len(data) > max_bytes:
        raise ArticleError(filename, f"{len(data):,} bytes is over the {max_bytes:,}-byte limit for an article")
    if not data.strip():
        raise ArticleError(filename, "the file is empty")
    text, encoding = decode_bytes(data, filename)
    is_html = filename.lower().endswith((".html", ".htm")) or bool(_HTML_HINT.search(text[:2000]))
    if is_html:
        text = html_to_text(text)
    else:
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return Article(text=text, encoding=encoding, was_html=is_html, filename=filename)
