"""A news page or text file -> its main text, title, date and language.

* main text: trafilatura (navigation, sidebars, footers, comments and
  link lists are left out, so their numbers never become figures); a page it
  finds no article in falls back to :func:`~dashboard.intake.article.html_to_text`;
* date: the page's metadata (``article:published_time``, JSON-LD, ``<time>``:
  trafilatura's htmldate, without guessing from the body), else the feed's
  date for the entry, else the first full date written in the text
  (``2025. 4. 2.``, ``2025年3月14日``, ``2025년 3월 14일``, ``March 14, 2025``);
* language: lingua (lingua-language-detector, restricted to the four
  languages: 80 of our 80 short news sentences right, against 75 by script and
  77 with py3langid; ``tests/intake/test_language.py``), so a Japanese headline
  in kanji with one particle or an English sentence naming ``용인`` is read
  right; the script rule (Hangul -> ``ko``, kana -> ``ja``, other Han ->
  ``zh``, else ``en``) decides when lingua cannot (no letters) or is not installed.

>>> detect_language("삼성전자가 평택에 투자"), detect_language("東京で新工場を建設"), detect_language("在上海投资建厂")
('ko', 'ja', 'zh')
>>> date_in_text("(서울=뉴스) 2025. 4. 2. 삼성전자가 ..."), date_in_text("2025年3月14日 東京")
('2025-04-02', '2025-03-14')
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from dashboard.intake.article import decode_bytes, html_to_text

__all__ = ["NewsArticle", "read_news", "detect_language", "script_language", "parser_locale", "date_in_text",
           "LANGUAGE_LOCALE", "LANGUAGES"]

LANGUAGES: tuple[str, ...] = ("ko", "ja", "zh", "en")
"""The languages articles are read in (ISO 639-1)."""

#: characters of an article the language is detected from (lingua's time grows with the text)
LANGUAGE_SAMPLE = 3000

#: language code -> the parser's locale hint
LANGUAGE_LOCALE: dict[str, str] = {"ko": "ko", "ja": "ja", "en": "en"}

_HTML = re.compile(r"<\s*(html|body|p|div|article|head)\b", re.I)
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN = re.compile(r"[A-Za-z]")

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_DATE_PATTERNS = [
    # 2025. 4. 2.  /  2025.04.02  /  2025-04-02  /  2025/4/2
    (re.compile(r"(?<!\d)(20\d\d|19\d\d)\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})(?!\d)"), "ymd"),
    # 2025年3月14日 / 2025年 3月 14日
    (re.compile(r"(20\d\d|19\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), "ymd"),
    # 2025년 3월 14일
    (re.compile(r"(20\d\d|19\d\d)\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일"), "ymd"),
    # March 14, 2025 / Mar. 14 2025
    (re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(20\d\d|19\d\d)\b"), "mdy"),
    # 14 March 2025
    (re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?\s+(20\d\d|19\d\d)\b"), "dmy"),
]


@dataclass(frozen=True)
class NewsArticle:
    """One article as read: where from, its title, main text, date (``YYYY-MM-DD`` or
    ``None``) and where the date came from (``page``, ``feed``, ``text``), language, encoding."""

    url: str
    title: str
    text: str
    date: str | None
    date_source: str | None
    language: str
    encoding: str
    canonical: str | None = None


@functools.cache
def _detector():
    """lingua's detector for the four languages (built once; ``None`` when lingua is missing)."""
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # pragma: no cover - it is a dependency; the script rule still works
        return None
    codes = {Language.KOREAN: "ko", Language.JAPANESE: "ja", Language.CHINESE: "zh", Language.ENGLISH: "en"}
    return LanguageDetectorBuilder.from_languages(*codes).build(), codes


def detect_language(text: str) -> str:
    """``ko``, ``ja``, ``zh`` or ``en``: lingua's answer on the first
    :data:`LANGUAGE_SAMPLE` characters, else :func:`script_language`.

    >>> detect_language("日本政府、先端半導体に巨額補助金"), detect_language("SK hynix's Yongin (용인) cluster will grow.")
    ('ja', 'en')
    >>> detect_language("2025 / 12,345")  # no letters: the script rule's default
    'en'
    """
    sample = text[:LANGUAGE_SAMPLE]
    found = _detector()
    if found is not None and sample.strip():
        detector, codes = found
        language = detector.detect_language_of(sample)
        if language is not None:
            return codes[language]
    return script_language(sample)


def script_language(text: str) -> str:
    """``ko``, ``ja``, ``zh`` or ``en`` by the script most of ``text`` is written in (the fallback).

    >>> script_language("삼성전자가 평택에 투자"), script_language("東京で新工場を建設"), script_language("在上海投资建厂")
    ('ko', 'ja', 'zh')
    """
    sample = text[:4000]
    hangul, kana = len(_HANGUL.findall(sample)), len(_KANA.findall(sample))
    han, latin = len(_HAN.findall(sample)), len(_LATIN.findall(sample))
    if hangul and hangul >= kana and hangul * 4 >= han:
        return "ko"
    if kana and kana * 10 >= han:
        return "ja"
    if han and han * 2 >= latin / 4:
        return "zh"
    return "en"


def parser_locale(text: str, language: str) -> str | None:
    """The parser's locale hint for an article in ``language``; ``None`` for Chinese, whose
    region (a bare ``元`` as CNY, TWD or HKD) the parser reads from the text itself
    (:mod:`dashboard.parse.document`: 新台幣 elsewhere, Taiwanese or Hong Kong place names,
    traditional script, mainland names), which a hint would override.

    >>> parser_locale("台積電將在高雄投資3000億元建廠", "zh") is None, parser_locale("400억엔", "ko")
    (True, 'ko')
    """
    if language == "zh":
        return None
    return LANGUAGE_LOCALE.get(language, "en")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def date_in_text(text: str) -> str | None:
    """The first full date (year, month and day) written in ``text``, as ``YYYY-MM-DD``."""
    best: tuple[int, str] | None = None
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            a, b, c = m.groups()
            if order == "ymd":
                day = _valid(int(a), int(b), int(c))
            elif order == "mdy":
                day = _MONTHS.get(a.lower()) and _valid(int(c), _MONTHS[a.lower()], int(b))
            else:
                day = _MONTHS.get(b.lower()) and _valid(int(c), _MONTHS[b.lower()], int(a))
            if day:
                if best is None or m.start() < best[0]:
                    best = (m.start(), day)
                break
    return best[1] if best else None


@functools.cache
def _fast_option() -> dict:
    """trafilatura's switch for skipping its slower fallback extractors (``fast`` from 2.0, ``no_fallback`` before)."""
    import inspect

    import trafilatura

    params = inspect.signature(trafilatura.bare_extraction).parameters
    return {"fast": True} if "fast" in params else {"no_fallback": True}


def _main_text(html: str, url: str) -> tuple[str, str, str | None, str | None]:
    """(title, main text, metadata date, canonical http(s) URL) of a page."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, include_links=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True, "max_date": dt.date.today().isoformat()},
        **_fast_option(),
    )
    title, text, date, canonical = "", "", None, None
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)  # 1.x: dict, 2.x: Document
        title, text, date, page_url = get("title") or "", get("text") or "", get("date"), get("url")
        if page_url and re.match(r"^https?://", page_url) and page_url != url:
            canonical = page_url
    if not text.strip():
        text = html_to_text(html)
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(date)):
        date = None
    return title, text, date, canonical


def _decode(data: bytes, name: str, charset: str | None) -> tuple[str, str]:
    """The text of ``data``: a byte-order mark, else the HTTP header's ``charset`` when the
    bytes are valid in it, else :func:`decode_bytes` (strict UTF-8, the page's ``<meta>``,
    then detection among the CJK encodings)."""
    if charset and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(charset), charset
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong header: the bytes decide
    return decode_bytes(data, name)


def read_news(data: bytes, url: str, *, feed_date: str | None = None, feed_date_updated_only: bool = False,
              name: str | None = None, charset: str | None = None) -> NewsArticle:
    """Read one article (HTML or plain text bytes in any encoding :func:`decode_bytes` reads;
    ``charset`` is the HTTP header's, as a Python codec). The date is the page's metadata, else
    the feed's, else the text's; a feed date that is only an Atom ``<updated>``
    (``feed_date_updated_only``) comes after the text's.

    >>> a = read_news("<html><head><title>T</title></head><body><article><p>2025年3月14日、"
    ...               "キオクシアは北上に新工場を建設すると発表した。</p></article></body></html>".encode("shift_jis"),
    ...               "file:///a.html")
    >>> a.date, a.date_source, a.language, a.encoding
    ('2025-03-14', 'text', 'ja', 'cp932')
    """
    text, encoding = _decode(data, name or url, charset)
    is_html = (name or url).lower().endswith((".html", ".htm")) or bool(_HTML.search(text[:2000]))
    date, source, canonical = None, None, None
    if is_html:
        title, body, date, canonical = _main_text(text, url)
        source = "page" if date else None
    else:
        body = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        title = body.split("\n", 1)[0][:200]
    if date is None and feed_date and not feed_date_updated_only:
        date, source = feed_date, "feed"
    if date is None:
        date = date_in_text(body)
        source = "text" if date else None
    if date is None and feed_date:
        date, source = feed_date, "feed"
    return NewsArticle(url=url, title=title.strip(), text=body, date=date, date_source=source,
                       language=detect_language(body), encoding=encoding, canonical=canonical)
