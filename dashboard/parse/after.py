"""The words after a figure's unit: approximation and bound words (가량, 以上, or more),
"1조원대" (a range of money) and "1GW급" (a size class), and the look-up of a matched word
in a vocabulary table (``vocab/words.toml``, ``[before]`` and ``[after]``); :func:`no_count`
tells a figure whose surrounding words make it a rate, a class or a topic (``[filter]``).

>>> word_kind({"or more": "lower"}, "OR  MORE")
'lower'
"""
from __future__ import annotations

__all__ = ["word_kind", "apply_kind", "post_words", "no_count"]


def word_kind(table: dict[str, str], word: str) -> str:
    """Look a matched word up in a vocabulary table (spaces and case may vary)."""
    key = " ".join(word.split())
    return table.get(key) or table.get(key.lower()) or table.get(key.replace(" ", "")) or table.get(key.replace(" ", "").lower(), "")


def apply_kind(rec, kind: str) -> None:
    """Set the flags named by a vocabulary value ("approx", "upper", "approx+lower", ...)."""
    if "approx" in kind:
        rec.approx = True
    if "lower" in kind:
        rec.bound = "lower"
    elif "upper" in kind:
        rec.bound = "upper"


def post_words(ctx, rec) -> None:
    """Approximation/bound words after the unit: 가량, 以上, or more, 1조원대, 1GW급."""
    text, e = ctx.text, rec.e
    c = text[e : e + 1]
    if not c or c not in ctx.p.post_first or c == " " and text[e + 1 : e + 2] not in ctx.p.post_first:
        return
    po = ctx.p.post.match(text, e)
    if po is None:
        return
    word = po.group().strip(" ")
    if po.group("dae") is not None or word == "대":
        if rec.kind == "money":
            rec.approx = True
            rec.e = po.end()
    elif po.group("geup") is not None:  # "1GW급", "300MW급": a size class
        rec.approx = True
        rec.e = po.end()
    else:
        kind = word_kind(ctx.after, word) or ("lower" if word in ("+", "-plus") else "")
        if kind:
            apply_kind(rec, kind)
            rec.e = po.end()


def no_count(ctx, rec) -> bool:
    """True when the words around a read figure make it no figure: a rate's unit ("데이터센터
    1개당"), a class ("百萬片等級"; "十万张级别GPU" is GPUs), one data centre as a topic
    ("1カ所のデータセンターにおける電力需要"), chips per day ("하루 500만개 칩 생산")."""
    text = ctx.text
    if rec.unit == ctx.canonical["datacenter"] and rec.value == 1 and text.startswith(ctx.one_dc_topic_after, rec.e):
        return True
    if rec.unit == ctx.canonical["gpu"] and text[max(0, rec.rs - 4) : rec.rs].rstrip(" ").endswith(ctx.gpu_not_after):
        return True
    return text.startswith(ctx.per_unit, rec.e) or rec.unit != ctx.canonical["gpu"] and text.startswith(ctx.class_after, rec.e)
