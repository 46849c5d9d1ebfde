"""The words after a figure's unit: approximation and bound words (가량, 以上, or more),
"1조원대" (a range of money) and "1GW급" (a size class), and the look-up of a matched word
in a vocabulary table (``vocab/words.toml``, ``[before]`` and ``[after]``).

>>> word_kind({"or more": "lower"}, "OR  MORE")
'lower'
"""
from __future__ import annotations

__all__ = ["word_kind", "apply_kind", "post_words"]


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
