"""More pages for the made-up news site (every sentence written for the tests), in the shapes a site
we have not seen may take, served under ``/v/`` by the same real HTTP server:

* feeds: RSS 1.0 / RDF (``v/rdf.xml``, ``dc:date``, links relative to the feed), Atom with
  ``xml:base``, relative ``href``s and only ``<updated>`` dates (``v/atom.xml``), RSS 2.0 with
  relative links and no dates (``v/rss-relative.xml``);
* encodings: EUC-KR declared only in the HTTP header; Shift_JIS declared nowhere; Big5 declared in
  a ``<meta http-equiv>``; GB18030 bytes in a page whose header says ``gb2312``;
* dates: JSON-LD ``datePublished``, a ``<time datetime>`` element, ``<meta name="date">``, or only
  in the text (``2025. 11. 16.``, ``2025年3月4日``, ``June 19, 2023``, ``发布时间：2022-11-02``);
* furniture with tempting numbers inside the article container (a "related stories" box, a
  stock line), besides the usual navigation, sidebar and footer.

:data:`EXPECTED_V` is the truth for linking precision/recall, :data:`DATES_V` for dates.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Variant", "VARIANTS", "EXPECTED_V", "DATES_V", "LANGUAGES_V", "write_variants", "HEADERS_FILE"]

HEADERS_FILE = "_content_types.json"
"""Written beside the pages: path -> the Content-Type the server sends for it."""


@dataclass(frozen=True)
class Variant:
    path: str
    language: str
    encoding: str  # the bytes on the wire
    content_type: str  # the HTTP header
    html: str


def _page(title: str, body: str, *, head: str = "", lang: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><title>{title}</title>{head}</head>
<body>
<header><nav><a href="/">Home</a> | <a href="/markets">KOSPI 2,611 | Nikkei 38,100 | USD/KRW 1,380</a></nav></header>
<main><article><h1>{title}</h1>
{body}
{extra}
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/r1">Samsung to invest $230 billion in Yongin chip cluster</a></li>
<li><a href="/r2">Micron plans $100 billion New York megafab</a></li></ul></aside>
<footer><p>Subscriptions from $12 a month | (c) 2025 Semidash Test Wire</p></footer>
</body></html>
"""


_RELATED_EN = ("<div class='related'><h3>Related</h3><ul><li><a href='/r3'>TSMC commits $165 billion to Arizona</a></li>"
               "<li><a href='/r4'>Texas Instruments to spend $60 billion on US fabs</a></li></ul></div>"
               "<p class='ticker'>INTC $31.20 (+2.1%) · NVDA $880.10</p>")

VARIANTS: tuple[Variant, ...] = (
    # EUC-KR, declared only in the HTTP header; the date in JSON-LD
    Variant("v/ko-kumamoto.html", "ko", "cp949", "text/html; charset=EUC-KR", _page(
        "TSMC, 구마모토 2공장 투자 확정",
        "<p>TSMC가 일본 구마모토현 기쿠요에 짓는 두 번째 공장에 약 170억달러를 투입한다고 24일 밝혔다.</p>"
        "<p>새 공장은 2027년 말 가동을 목표로 하며, 일본 정부의 지원을 받는다.</p>",
        head='<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
             '"headline": "TSMC 구마모토 2공장", "datePublished": "2024-02-24T09:00:00+09:00"}</script>',
        lang="ko")),
    # Shift_JIS, declared nowhere (the bytes must tell); the date in a <time> element
    Variant("v/ja-kitakami.html", "ja", "cp932", "text/html", _page(
        "キオクシア、北上に第2製造棟",
        '<p class="date"><time datetime="2022-04-06T15:00:00+09:00">4月6日 15時</time></p>'
        "<p>キオクシアは岩手県北上市の第2製造棟に1兆円規模を投じると発表した。</p>"
        "<p>新しい製造棟では3次元フラッシュメモリーを生産する。</p>",
        lang="ja")),
    # Big5, declared in <meta http-equiv>; the date only in the text
    Variant("v/zh-tw-arizona.html", "zh", "big5", "text/html", _page(
        "台積電加碼美國投資",
        "<p>（本報訊）2025年3月4日</p>"
        "<p>台積電宣布在美國亞利桑那州追加投資1000億美元，興建三座晶圓廠與兩座先進封裝廠。</p>",
        head='<meta http-equiv="Content-Type" content="text/html; charset=big5">', lang="zh-Hant")),
    # GB18030 bytes, the header says gb2312; the date written as 发布时间 in the text
    Variant("v/zh-dresden.html", "zh", "gb18030", "text/html; charset=gb2312", _page(
        "英飞凌德累斯顿新厂动工",
        "<p>发布时间：2023-05-02 10:30</p>"
        "<p>英飞凌宣布在德国德累斯顿投资50亿欧元建设智能功率晶圆厂，预计创造约1000个就业岗位。</p>",
        lang="zh-CN")),
    # English, the date only in the text; tempting numbers inside the article container
    Variant("v/en-magdeburg.html", "en", "utf-8", "text/html; charset=utf-8", _page(
        "Intel signs Magdeburg deal",
        "<p>MAGDEBURG, June 19, 2023 — Intel will spend more than €30 billion on two chip plants in Magdeburg, "
        "Germany, under an agreement signed on Monday.</p>"
        "<p>The German government agreed to provide 9.9 billion euros in subsidies to Intel for the project.</p>",
        lang="en", extra=_RELATED_EN)),
    # Korean UTF-8 without any charset declaration; the date only in the text, Korean style
    Variant("v/ko-pyeongtaek-p5.html", "ko", "utf-8", "text/html", _page(
        "삼성전자, 평택 5라인 건설 재개",
        "<p>(평택=테스트통신) 입력 2025. 11. 16. 오전 9:00</p>"
        "<p>삼성전자가 평택캠퍼스 5라인(P5)에 60조원을 투자해 반도체 생산라인을 짓는다.</p>",
        lang="ko")),
    # a new project (no known match); the date in <meta name="date">; a place only the gazetteer knows
    Variant("v/ja-oita-new.html", "ja", "utf-8", "text/html; charset=utf-8", _page(
        "ミドリ半導体、大分市に後工程工場",
        "<p>架空の企業ミドリ半導体は、大分市に約300億円を投じて後工程の新工場を建設すると発表した。</p>",
        head='<meta charset="utf-8"><meta name="date" content="2025-06-01">', lang="ja")),
)

#: path -> [(figure text, project it restates or None when new), ...]
EXPECTED_V: dict[str, list[tuple[str, str | None]]] = {
    "v/ko-kumamoto.html": [("약 170억달러", "jasm-kumamoto-fab2")],
    "v/ja-kitakami.html": [("1兆円", "kioxia-kitakami-fab2")],  # 規模 ("on the scale of") is not part of the figure
    "v/zh-tw-arizona.html": [("1000億美元", "tsmc-arizona-100b-expansion")],
    "v/zh-dresden.html": [("50亿欧元", "infineon-dresden-smart-power-fab")],
    "v/en-magdeburg.html": [("more than €30 billion", "intel-magdeburg"),
                            ("9.9 billion euros", "de-state-aid-intel-magdeburg")],
    "v/ko-pyeongtaek-p5.html": [("60조원", "samsung-pyeongtaek-p5")],
    "v/ja-oita-new.html": [("約300億円", None)],
}

DATES_V: dict[str, str] = {
    "v/ko-kumamoto.html": "2024-02-24", "v/ja-kitakami.html": "2022-04-06", "v/zh-tw-arizona.html": "2025-03-04",
    "v/zh-dresden.html": "2023-05-02", "v/en-magdeburg.html": "2023-06-19", "v/ko-pyeongtaek-p5.html": "2025-11-16",
    "v/ja-oita-new.html": "2025-06-01",
}

LANGUAGES_V = {v.path: v.language.split("-")[0] for v in VARIANTS}


def _rdf(variants) -> str:
    items = "".join(f'<item rdf:about="{{BASE}}/{v.path}"><title>{v.path}</title><link>{v.path[2:]}</link>'
                    f"<dc:date>{DATES_V[v.path]}T09:00:00+09:00</dc:date></item>\n" for v in variants)
    seq = "".join(f'<rdf:li rdf:resource="{{BASE}}/{v.path}"/>' for v in variants)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            f'<channel rdf:about="{{BASE}}/v/rdf.xml"><title>Test Wire (RDF)</title><link>{{BASE}}/v/</link>'
            f"<description>made-up news</description><items><rdf:Seq>{seq}</rdf:Seq></items></channel>\n"
            f"{items}</rdf:RDF>\n")


def _atom(variants) -> str:
    entries = "".join(f'<entry><title>{v.path}</title><link rel="alternate" href="{v.path[2:]}"/>'
                      f"<id>tag:test-wire,2025:{v.path}</id><updated>2025-06-02T00:00:00Z</updated></entry>\n"
                      for v in variants)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/v/">'
            "<title>Test Wire (Atom, relative links)</title><id>tag:test-wire,2025:atom</id>"
            f"<updated>2025-06-02T00:00:00Z</updated>\n{entries}</feed>\n")


def _rss_relative(variants) -> str:
    items = "".join(f"<item><title>{v.path}</title><link>{link}</link></item>\n"
                    for v, link in zip(variants, ("ja-oita-new.html", "../v/ko-pyeongtaek-p5.html")))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Test Wire (relative)</title>'
            f"<link>{{BASE}}/v/</link><description>made-up news</description>\n{items}</channel></rss>\n")


def write_variants(root: Path) -> Path:
    """Write the variant pages (each in its own encoding), both feeds and the Content-Type table under ``root``."""
    (root / "v").mkdir(parents=True, exist_ok=True)
    for v in VARIANTS:
        (root / v.path).write_bytes(v.html.encode(v.encoding))
    (root / "v" / "rdf.xml").write_text(_rdf(VARIANTS[:3]), encoding="utf-8")
    (root / "v" / "atom.xml").write_text(_atom(VARIANTS[3:]), encoding="utf-8")
    (root / "v" / "rss-relative.xml").write_text(_rss_relative([VARIANTS[6], VARIANTS[5]]), encoding="utf-8")
    (root / HEADERS_FILE).write_text(json.dumps({v.path: v.content_type for v in VARIANTS}), encoding="utf-8")
    return root
