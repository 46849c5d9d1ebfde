"""Money written without a currency word, as headlines do.

* Korean 억/조 before a money word ("20조 투자", "19조 청주 투자", "15조 초대형 프로젝트") or
  after one ("영업익 6.5조", "시총 300兆"), or restating a money figure in parentheses
  ("557억 달러(약 74조)"), and a bare 조 with nothing Korean after it ("약 695조…"): KRW.
* Japanese 億/兆 before 支援/投資/補助 in a text with kana ("約7300億支援"): JPY.
* Chinese 亿/億 after a money word ("投资500亿") or before one ("吸引131亿投资"): a bare 元
  (CNY, or TWD/HKD/SGD/MYR by the article).

The words are in ``vocab/phrases.toml`` (``[implied]``); the patterns in
:mod:`dashboard.parse.text_patterns`.

>>> from dashboard.parse import extract_figures
>>> [(f.value, f.unit) for f in extract_figures("삼성, 평택 12조 신규 투자")]
[(12000000000000.0, 'KRW')]
"""
from __future__ import annotations

from dashboard.parse.currencies import YUAN

__all__ = ["implied_currency"]


def implied_currency(ctx, m, rec) -> None:
    """Headline style without a currency word: "20조 투자" (KRW), "投资500亿" (元)."""
    run = m.group()
    if rec.scale is not None:
        return
    p, text = ctx.p, ctx.text
    ko_run = "억" in run or "조" in run
    lo = max(0, m.start() - 12)
    if (ko_run or "兆" in run or "億" in run) and p.ko_implied.match(text, m.end()) or (
        (ko_run or "兆" in run) and p.ko_implied_pre.match(text, lo, m.start()) or ko_run and p.ko_paren.match(text, lo, m.start())
    ):
        rec.kind, rec.unit, rec.e = "money", "KRW", m.end()
    elif run.endswith("조") and p.ko_jo.match(text, m.end()):  # "약 695조…", "최대 50조,"
        rec.kind, rec.unit, rec.e = "money", "KRW", m.end()
    elif ("億" in run or "兆" in run) and p.ja_implied.match(text, m.end()) and ctx.kana:
        rec.kind, rec.unit, rec.e = "money", "JPY", m.end()
    elif ("亿" in run or "億" in run) and (p.zh_implied.match(text, max(0, m.start() - 12), m.start()) or p.zh_implied_after.match(text, m.end())):
        rec.kind, rec.e = "money", m.end()
        rec.ambiguous_yuan = True
        rec.unit = ctx.resolve(YUAN, m.start())
