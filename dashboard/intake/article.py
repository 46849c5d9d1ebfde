"""Article intake: turn an uploaded file (bytes in any common CJK or Unicode
encoding, plain text or HTML) into clean text for figure extraction.

>>> read_article("삼성전자 400억엔".encode("cp949"), "news.txt").text
'삼성전자 400억엔'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.errors import ArticleError

__all__ = ["ArticleError", "Article", "decode_bytes", "decode_damaged", "html_to_text", "read_article", "read_article_file",
           "check_upload", "MAX_UPLOAD_BYTES", "ACCEPTED_SUFFIXES", "ACCEPT"]

#: Uploads larger than this are refused (a news article is a few tens of kB). The same limit holds
#: for the dashboard's upload, the server-side check and the CLI's article commands.
MAX_UPLOAD_BYTES = 2_000_000

#: File name endings of the files an upload accepts (and ``dcc.Upload``'s ``accept``: :data:`ACCEPT`).
ACCEPTED_SUFFIXES = (".txt", ".text", ".html", ".htm")
ACCEPT = ",".join(ACCEPTED_SUFFIXES) + ",text/plain,text/html"

# damaged text is read with replacement characters when at most this share of its non-ASCII
# bytes are bad (more means the guess of the encoding is wrong, not that the file is damaged)
_DAMAGE_SHARE = 0.02
# ... and UTF-8 with at least this many valid non-ASCII characters per replaced one is damaged UTF-8
_UTF8_VALID_PER_BAD = 5

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
    """Text of an uploaded article and how it was read; ``warning`` says what
    was damaged (bytes replaced with U+FFFD), else ``None``."""

    text: str
    encoding: str
    was_html: bool
    filename: str
    warning: str | None = None


def check_upload(filename: str, size: int, *, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
    """Refuse a file by its name and size before reading it: the one message
    for "too big" and "wrong type" (the dashboard and the CLI use it).

    >>> check_upload("a.pdf", 10)
    Traceback (most recent call last):
    ...
    dashboard.errors.ArticleError: a.pdf: not a text or HTML file (.pdf); save the article as .txt, .text, .html or .htm
    """
    if size > max_bytes:
        raise ArticleError(filename, f"{size:,} bytes is over the {max_bytes:,}-byte limit for an article")
    lower = filename.lower()
    if "." in lower.rsplit("/", 1)[-1] and not lower.endswith(ACCEPTED_SUFFIXES):
        suffix = "." + lower.rsplit(".", 1)[-1]
        raise ArticleError(filename, f"not a text or HTML file ({suffix}); save the article as "
                                     f"{', '.join(ACCEPTED_SUFFIXES[:-1])} or {ACCEPTED_SUFFIXES[-1]}")


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` / ``"utf-16-be"`` when ``data`` looks like UTF-16 without a BOM: text
    always has some ASCII (digits, spaces), whose high byte is NUL, on one side only."""
    if len(data) < 8 or b"\x00" not in data:
        return None
    even, odd = data[0::2], data[1::2]
    nul_even, nul_odd = even.count(0), odd.count(0)
    if nul_odd >= 0.1 * len(odd) and nul_even * 4 <= nul_odd:
        return "utf-16-le"
    if nul_even >= 0.1 * len(even) and nul_odd * 4 <= nul_even:
        return "utf-16-be"
    return None


def _best_strict(data: bytes) -> tuple[str, str] | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    return None if best is None else (str(best), best.encoding)


def decode_damaged(data: bytes, filename: str = "<upload>") -> tuple[str, str, str | None]:
    """Decode ``data`` like :func:`decode_bytes`, but read damaged text too:
    ``(text, encoding, warning)``, where bad bytes became U+FFFD and
    ``warning`` says how many (``None`` when nothing was damaged).

    Handled: UTF-8 with a few bad bytes; UTF-16 without a byte-order mark; a
    legacy CJK file cut in the middle of a character (or with a few bad bytes).

    >>> text, enc, warning = decode_damaged("東京の工場".encode("shift_jis")[:-1])
    >>> text, enc, warning
    ('東京の工\ufffd', 'cp932', '1 damaged byte replaced with \ufffd (read as cp932; the file ends in the middle of a character)')
    """
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            bad = text.count("\ufffd")
            return text, enc, _warning(bad, enc) if bad else None
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        try:
            return data.decode(name), name, None
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return text, utf16, _warning(text.count("\ufffd"), utf16, "no byte-order mark") if "\ufffd" in text else None
    high = sum(1 for b in data if b >= 0x80) or 1
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    valid = sum(1 for ch in lenient if ch > "\x7f") - bad
    # damaged UTF-8: most of its non-ASCII bytes still form valid sequences (legacy text almost none)
    if valid >= _UTF8_VALID_PER_BAD * bad:
        return lenient, "utf-8", _warning(bad, "utf-8")
    found = _best_strict(data)
    if found is not None:
        return found[0], found[1], None
    # a legacy file cut mid-character: the rest decodes strictly
    for cut in (1, 2, 3):
        if len(data) > cut:
            found = _best_strict(data[:-cut])
            if found is not None:
                enc = found[1]
                tail = data[-cut:].decode(enc, errors="replace")
                text = found[0] + tail
                return text, enc, _warning(cut, enc, "the file ends in the middle of a character")
    # a few bad bytes inside a legacy file: the candidate with the fewest replacements
    best = min(((data.decode(e, errors="replace"), e) for e in CANDIDATE_ENCODINGS), key=lambda t: t[0].count("\ufffd"))
    bad = best[0].count("\ufffd")
    if bad <= _DAMAGE_SHARE * high:
        return best[0], best[1], _warning(bad, best[1])
    raise ArticleError(filename, f"cannot tell the text encoding; save it as UTF-8 "
                                 f"(tried {', '.join(CANDIDATE_ENCODINGS)}, UTF-16)")


def _warning(count: int, encoding: str, why: str | None = None) -> str:
    what = f"{count} damaged byte{'s' if count != 1 else ''} replaced with \ufffd"
    return f"{what} (read as {encoding}{'; ' + why if why else ''})"


def decode_bytes(data: bytes, filename: str = "<upload>") -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` (:func:`decode_damaged` without its warning).

    Order: a byte-order mark; strict UTF-8; a charset declared in an HTML
    ``<meta>``; UTF-16 without a BOM; UTF-8 with a few bad bytes; then
    charset-normalizer restricted to the CJK encodings news sites use
    (CP949/EUC-KR, Shift_JIS/CP932/EUC-JP, GB18030, Big5).

    >>> decode_bytes("東京の工場".encode("shift_jis"))  # cp932 is Microsoft's Shift_JIS
    ('東京の工場', 'cp932')
    >>> decode_bytes(b"\\xef\\xbb\\xbfabc")
    ('abc', 'utf-8-sig')
    """
    text, encoding, _ = decode_damaged(data, filename)
    return text, encoding


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

    Raises :class:`ArticleError` naming the file when it is too large, of
    another type (by its name), empty or undecodable. Damaged text is read
    with replacement characters and ``Article.warning`` says so
    (:func:`decode_damaged`).
    """
    check_upload(filename, len(data), max_bytes=max_bytes)
    if not data.strip():
        raise ArticleError(filename, "the file is empty")
    text, encoding, warning = decode_damaged(data, filename)
    is_html = filename.lower().endswith((".html", ".htm")) or bool(_HTML_HINT.search(text[:2000]))
    if is_html:
        text = html_to_text(text)
    else:
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return Article(text=text, encoding=encoding, was_html=is_html, filename=filename,
                   warning=None if warning is None else f"{filename}: {warning}")


def read_article_file(name: str, *, max_bytes: int = MAX_UPLOAD_BYTES) -> Article:
    """:func:`read_article` on a file, or standard input for ``"-"``, reading at
    most ``max_bytes + 1`` bytes (a bigger file is refused without being read)."""
    import sys

    try:
        if name == "-":
            stdin = getattr(sys.stdin, "buffer", None)
            # a text stream without bytes under it (tests, embedding) gives its text as UTF-8
            data = stdin.read(max_bytes + 1) if stdin is not None else sys.stdin.read(max_bytes + 1).encode("utf-8")
        else:
            with open(name, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleError(name, f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise ArticleError(name, f"over the {max_bytes:,}-byte limit for an article")
    return read_article(data, "<stdin>" if name == "-" else name, max_bytes=max_bytes)
