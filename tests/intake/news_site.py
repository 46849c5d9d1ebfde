"""A small news site written for the tests (every sentence made up for them),
served by a real ``http.server`` on 127.0.0.1.

Pages in Korean, Japanese, Chinese and English, two of them in legacy
encodings (EUC-KR, Shift_JIS) and one in GBK, each with page furniture that
holds tempting figures (market tickers, "most read" sidebars with investment
headlines, subscription prices in footers) that must not become candidates.
``feed.xml`` (RSS 2.0) lists every article; ``atom.xml`` (Atom) lists the
Japanese ones. :data:`EXPECTED` says, per article, which figures should be
queued and which known project each restates (``None``: new): the truth set
for the linking precision/recall.
"""
from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Page", "PAGES", "EXPECTED", "write_site", "serve_site"]


@dataclass(frozen=True)
class Page:
    path: str
    language: str
    encoding: str
    feed_date: str | None  # the feed's pubDate (RFC 822) for the item
    html: str


def _page(title: str, body: str, *, charset: str, lang: str, meta_date: str | None = None,
          nav: str = "", aside: str = "", footer: str = "") -> str:
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}"><title>{title}</title>{meta}</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/markets">{nav}</a></li></ul></nav></header>
<div class="layout">
<main><article><h1>{title}</h1>
{body}
</article></main>
<aside class="sidebar"><h2>Most read</h2><ul>{aside}</ul></aside>
</div>
<footer><p>{footer}</p><p>Semidash Test Wire</p></footer>
</body></html>
"""


KO_NAV = "코스피 2,650.3 · 원/달러 1,452원 · 삼성전자 주가 7만 2천원"
KO_ASIDE = ("<li><a href='/ko/x1'>SK하이닉스, 용인 반도체 클러스터에 120조원 투자 확정</a></li>"
            "<li><a href='/ko/x2'>정부, 반도체 보조금 33조원 지원 추진</a></li>")
KO_FOOTER = "구독료 월 1만5천원 · 광고 문의 02-000-0000 · 연간 구독 15만원"
JA_NAV = "日経平均 3万8000円 ・ ドル円 149円"
JA_ASIDE = ("<li><a href='/ja/x1'>ラピダス、千歳に5兆円を投資へ</a></li>"
            "<li><a href='/ja/x2'>キオクシア、北上で7200億円の新工場を建設</a></li>")
JA_FOOTER = "月額購読料 4,900円 ・ 広告掲載のご案内"
ZH_NAV = "上证指数 3,300点 · 美元兑人民币 7.2"
ZH_ASIDE = ("<li><a href='/zh/x1'>美光宣布在美国投资2000亿美元建厂</a></li>"
            "<li><a href='/zh/x2'>三星电子计划投资170亿美元扩建工厂</a></li>")
ZH_FOOTER = "订阅费每年 980元 · 广告合作"
EN_NAV = "Nasdaq 17,400 · SOX 4,900"
EN_ASIDE = ("<li><a href='/en/x1'>Micron plans $200 billion US investment</a></li>"
            "<li><a href='/en/x2'>Intel to build a $20 billion fab in Ohio</a></li>")
EN_FOOTER = "Subscribe for $9.99 per month, or $99 a year."

PAGES: tuple[Page, ...] = (
    Page("ko/samsung-yokohama.html", "ko", "euc_kr", "Wed, 02 Apr 2025 08:00:00 +0900", _page(
        "삼성전자, 요코하마 패키징 연구소 본격 가동",
        "<p>삼성전자가 일본 요코하마에 400억엔(약 3620억원)을 투자해 세운 첨단 패키징 연구소가 이달부터 본격적으로 "
        "가동된다고 회사가 2일 밝혔다.</p><p>연구소는 2023년 말 처음 계획이 알려졌으며, 일본 소재·장비 기업과의 "
        "공동 개발을 맡는다. 업계는 이번 가동이 한일 반도체 협력의 상징이 될 것으로 본다.</p>",
        charset="euc-kr", lang="ko", meta_date="2025-04-02T08:00:00+09:00",
        nav=KO_NAV, aside=KO_ASIDE, footer=KO_FOOTER)),
    Page("ko/sk-hynix-cheongju.html", "ko", "utf_8", "Thu, 25 Apr 2024 10:30:00 +0900", _page(
        "SK하이닉스, 청주에 새 D램 공장 짓는다",
        "<p>SK하이닉스가 충북 청주 테크노폴리스에 20조원 이상을 투자해 새 D램 생산기지 M15X를 건설한다.</p>"
        "<p>회사는 지난해 영업이익 7조원을 거뒀다. 새 공장은 고대역폭메모리(HBM) 수요에 대응하기 위한 것이다.</p>",
        charset="utf-8", lang="ko", nav=KO_NAV, aside=KO_ASIDE, footer=KO_FOOTER)),
    Page("ko/samsung-pyeongtaek-new.html", "ko", "utf_8", "Mon, 03 Mar 2025 09:00:00 +0900", _page(
        "삼성전자, 평택 새 라인에 45조원",
        "<p>삼성전자가 평택캠퍼스에 45조원을 들여 새로운 반도체 생산라인을 짓는다고 3일 발표했다.</p>"
        "<p>새 라인은 2028년 가동을 목표로 한다.</p>",
        charset="utf-8", lang="ko", meta_date="2025-03-03", nav=KO_NAV, aside=KO_ASIDE, footer=KO_FOOTER)),
    Page("ko/samsung-taylor.html", "ko", "utf_8", "Tue, 15 Oct 2024 07:00:00 +0900", _page(
        "삼성전자 테일러 공장, 가동 일정 늦어져",
        "<p>삼성전자가 미국 텍사스주 테일러에 170억달러(약 23조원)를 투자해 짓고 있는 파운드리 공장의 가동 시점이 "
        "늦춰질 전망이다.</p><p>회사는 고객 확보 상황을 보며 장비 반입 시기를 조정하고 있다.</p>",
        charset="utf-8", lang="ko", meta_date="2024-10-15", nav=KO_NAV, aside=KO_ASIDE, footer=KO_FOOTER)),
    Page("ja/micron-hiroshima.html", "ja", "shift_jis", "Thu, 18 May 2023 12:00:00 +0900", _page(
        "マイクロン、広島工場に最大5000億円",
        "<p>米マイクロン・テクノロジーは18日、広島工場に最大5000億円（約37億ドル）を投資し、最先端のEUV露光装置を"
        "使ったDRAMの量産に乗り出すと発表した。</p><p>同社は日本政府の支援も受ける見通しだ。</p>",
        charset="shift_jis", lang="ja", nav=JA_NAV, aside=JA_ASIDE, footer=JA_FOOTER)),
    Page("ja/rapidus-support.html", "ja", "utf_8", "Mon, 31 Mar 2025 18:00:00 +0900", _page(
        "ラピダスに追加支援 8025億円",
        "<p>経済産業省は31日、北海道千歳市で次世代半導体の量産を目指すラピダスに、2025年度に最大8025億円を"
        "追加で支援すると発表した。</p><p>支援は試作ラインの立ち上げと後工程の研究開発に充てられる。</p>",
        charset="utf-8", lang="ja", meta_date="2025-03-31T18:00:00+09:00", nav=JA_NAV, aside=JA_ASIDE,
        footer=JA_FOOTER)),
    Page("zh/tsmc-arizona.html", "zh", "utf_8", "Tue, 04 Mar 2025 06:00:00 +0800", _page(
        "台积电宣布在美追加投资1000亿美元",
        "<p>台积电3日宣布，将在美国亚利桑那州追加投资1000亿美元，新建三座晶圆厂、两座先进封装厂和一个研发中心。</p>"
        "<p>分析人士认为，此举将使台积电在美总投资达到1650亿美元。</p>",
        charset="utf-8", lang="zh", meta_date="2025-03-04", nav=ZH_NAV, aside=ZH_ASIDE, footer=ZH_FOOTER)),
    Page("zh/smic-tianjin.html", "zh", "gbk", "Fri, 02 Sep 2022 20:00:00 +0800", _page(
        "中芯国际天津新厂开工",
        "<p>中芯国际宣布，在天津西青经济开发区投资75亿美元兴建12英寸晶圆厂，规划月产能10万片。</p>"
        "<p>公司去年营收54亿美元，同比增长39%。</p>",
        charset="gbk", lang="zh", nav=ZH_NAV, aside=ZH_ASIDE, footer=ZH_FOOTER)),
    Page("ko/samsung-taylor-won.html", "ko", "utf_8", "Wed, 20 Nov 2024 09:00:00 +0900", _page(
        "삼성 테일러 공장, 내년 장비 반입",
        "<p>삼성전자가 미국 테일러 공장에 약 23조원을 투자하고 있다. 내년 초부터 장비 반입이 시작될 예정이다.</p>",
        charset="utf-8", lang="ko", meta_date="2024-11-20", nav=KO_NAV, aside=KO_ASIDE, footer=KO_FOOTER)),
    Page("en/micron-kulim.html", "en", "utf_8", "Wed, 08 Jan 2025 10:00:00 +0800", _page(
        "Micron picks Kulim for a NAND fab",
        "<p>Micron Technology will invest $6.5 billion in a new NAND fab in Kulim, Malaysia, the company said.</p>",
        charset="utf-8", lang="en", meta_date="2025-01-08", nav=EN_NAV, aside=EN_ASIDE, footer=EN_FOOTER)),
    Page("en/sk-hynix-indiana.html", "en", "utf_8", "Wed, 03 Apr 2024 14:00:00 -0400", _page(
        "SK hynix picks Indiana for HBM packaging plant",
        "<p>SK hynix will invest $3.87 billion to build an advanced packaging plant for high-bandwidth memory in "
        "West Lafayette, Indiana, the company said on Wednesday.</p>"
        "<p>The plant, next to Purdue University, is expected to start mass production in 2028 and to create "
        "about 1,000 jobs.</p>",
        charset="utf-8", lang="en", meta_date="2024-04-03", nav=EN_NAV, aside=EN_ASIDE, footer=EN_FOOTER)),
    Page("en/acme-datacenter.html", "en", "utf_8", "Fri, 14 Mar 2025 16:00:00 +0000", _page(
        "Acme Cloud plans Nevada AI campus",
        "<p>Acme Cloud, a start-up backed by private equity, plans to spend $25 billion on an AI data center campus "
        "in northern Nevada.</p><p>The campus is designed for 1.2GW of power when complete.</p>",
        charset="utf-8", lang="en", meta_date="2025-03-14", nav=EN_NAV, aside=EN_ASIDE, footer=EN_FOOTER)),
    Page("en/samsung-taylor.html", "en", "utf_8", "Thu, 25 Jul 2024 11:00:00 -0500", _page(
        "Samsung's Texas fab waits for customers",
        "<p>Samsung Electronics is still equipping the $17 billion foundry plant it is building in Taylor, Texas, "
        "people familiar with the plan said.</p><p>The company has not named a date for volume production.</p>",
        charset="utf-8", lang="en", meta_date="2024-07-25", nav=EN_NAV, aside=EN_ASIDE, footer=EN_FOOTER)),
)

#: path -> [(figure text, project it restates or None when new), ...]: what the queue should hold
EXPECTED: dict[str, list[tuple[str, str | None]]] = {
    "ko/samsung-yokohama.html": [("400억엔", "samsung-yokohama-apl")],
    "ko/sk-hynix-cheongju.html": [("20조원 이상", "sk-hynix-cheongju-m15x")],
    "ko/samsung-pyeongtaek-new.html": [("45조원", None)],
    "ko/samsung-taylor.html": [("170억달러", "samsung-taylor-fab")],
    "ja/micron-hiroshima.html": [("最大5000億円", "micron-hiroshima-euv-dram")],
    "ja/rapidus-support.html": [("最大8025億円", "jp-subsidy-rapidus-fy2025")],
    "zh/tsmc-arizona.html": [("1000亿美元", "tsmc-arizona-100b-expansion"), ("1650亿美元", None)],
    "zh/smic-tianjin.html": [("75亿美元", "smic-tianjin"), ("月产能10万片", "smic-tianjin")],
    "ko/samsung-taylor-won.html": [("약 23조원", "samsung-taylor-fab")],
    "en/micron-kulim.html": [("$6.5 billion", None)],  # near the CHIPS award and the Singapore plant: neither
    "en/sk-hynix-indiana.html": [("$3.87 billion", "sk-hynix-west-lafayette-packaging")],
    "en/acme-datacenter.html": [("$25 billion", None), ("1.2GW", None)],
    "en/samsung-taylor.html": [("$17 billion", "samsung-taylor-fab")],
}

#: the article dates the queue should carry (page metadata, else the feed's date)
DATES: dict[str, str] = {
    "ko/samsung-yokohama.html": "2025-04-02", "ko/sk-hynix-cheongju.html": "2024-04-25",
    "ko/samsung-pyeongtaek-new.html": "2025-03-03", "ko/samsung-taylor.html": "2024-10-15",
    "ja/micron-hiroshima.html": "2023-05-18", "ja/rapidus-support.html": "2025-03-31",
    "zh/tsmc-arizona.html": "2025-03-04", "zh/smic-tianjin.html": "2022-09-02",
    "ko/samsung-taylor-won.html": "2024-11-20", "en/micron-kulim.html": "2025-01-08",
    "en/sk-hynix-indiana.html": "2024-04-03", "en/acme-datacenter.html": "2025-03-14",
    "en/samsung-taylor.html": "2024-07-25",
}


def _rss(pages) -> str:
    items = "".join(f"<item><title>{p.path}</title><link>{{BASE}}/{p.path}</link><pubDate>{p.feed_date}</pubDate>"
                    f"<guid>{{BASE}}/{p.path}</guid></item>\n" for p in pages)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Semidash Test Wire</title>'
            f"<link>{{BASE}}/</link><description>made-up news</description>\n{items}</channel></rss>\n")


def _atom(pages) -> str:
    import email.utils

    entries = "".join(
        f'<entry><title>{p.path}</title><link href="/{p.path}"/><id>{{BASE}}/{p.path}</id>'
        f"<updated>{email.utils.parsedate_to_datetime(p.feed_date).isoformat()}</updated></entry>\n" for p in pages)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Semidash Test Wire (ja)</title><id>{{BASE}}/atom.xml</id><updated>2025-04-01T00:00:00Z</updated>\n"
            f"{entries}</feed>\n")


def write_site(root: Path) -> Path:
    """Write the pages (each in its own encoding) and both feeds under ``root``."""
    from tests.intake.news_variants import write_variants

    for p in PAGES:
        f = root / p.path
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(p.html.encode(p.encoding))
    (root / "feed.xml").write_text(_rss(PAGES), encoding="utf-8")
    (root / "atom.xml").write_text(_atom([p for p in PAGES if p.language == "ja"]), encoding="utf-8")
    write_variants(root)  # more shapes of pages and feeds, under v/ (tests/intake/news_variants.py)
    return root


@contextlib.contextmanager
def serve_site(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port); yields the base URL. ``{BASE}`` in the feeds
    becomes that URL; pages are sent as ``text/html`` without a charset (the page says it), except
    the variant pages, which get the Content-Type their table says."""

    import json

    from tests.intake.news_variants import HEADERS_FILE

    headers_file = root / HEADERS_FILE
    content_types = json.loads(headers_file.read_text(encoding="utf-8")) if headers_file.exists() else {}

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(root), **kw)

        def log_message(self, *args):  # keep the test output clean
            pass

        def do_GET(self):  # noqa: N802
            path = (root / self.path.lstrip("/").split("?")[0]).resolve()
            if path.suffix == ".xml" and path.is_file() and root.resolve() in path.parents:
                body = path.read_text(encoding="utf-8").replace("{BASE}", base).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml" if path.name == "feed.xml" else "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def guess_type(self, path):
            rel = Path(path).resolve().relative_to(root.resolve()).as_posix() if root.resolve() in Path(path).resolve().parents else ""
            if rel in content_types:  # a page whose charset is (or is not) in the HTTP header on purpose
                return content_types[rel]
            return "text/html" if str(path).endswith(".html") else super().guess_type(path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
