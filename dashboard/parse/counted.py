"""Counted things read from the sentence around a count: GPUs and wafers.

The reader first tries the noun right before a count ("GPU 26만 장", "월 10만 장",
see :mod:`dashboard.parse.before`). News text often puts it further away:

* **GPUs**: "GPU 공급 내역은 정부 프로젝트에 50,000장, …", "21만대 이상의 GPU",
  "250만개의 최첨단 엔비디아 'B200' AI 칩", "5块芯片", "GPU(4만5000개)". A count
  with a GPU counter is accelerators when a GPU word follows the counter within
  a few words (any value), or stands earlier in the same sentence (from
  ``context_min`` up, so "M12 2개" stays no figure); with a sheet counter (장,
  ``later_counters``) also later in the sentence when no wafer word is there
  ("당초 알려진 25만 장을 뛰어넘는 … GPU 품귀").
* **Data centres**: "데이터센터는 … 등 7곳이다", "算力中心已突破30家": a count with a
  facility counter (곳, 棟, 座, カ所) after a data-centre noun of its sentence, or
  with 家/个/개 right after one.
* **Wafers**: "월 생산량은 지난해 132만장에서 올해 174만장으로", "月産能力を現在の
  3000枚から5000枚へ", "每年將增加450,000片晶圓". A count with 장/枚/片/개 in a
  sentence that speaks of wafers or output is wafers; per month or per year when
  a month or year word stands before it in the sentence.

The words are in ``vocab/words.toml`` (``[gpu]`` and ``[wafer]``, ``context*``).

>>> from dashboard.parse import extract_figures
>>> [(f.value, f.unit) for f in extract_figures("월 생산량은 지난해 13만장에서 올해 17만장으로 늘었다.")]
[(130000.0, 'wafer / month'), (170000.0, 'wafer / month')]
"""
from __future__ import annotations

import bisect
import functools

import regex

from dashboard.parse.dispatch import variants
from dashboard.parse.vocab import load

__all__ = ["sentence_start", "gpu_by_sentence", "wafer_by_sentence", "wafer_period", "dc_by_sentence", "by_sentence", "bare_count", "persons_are_jobs"]



@functools.cache
def _patterns():
    gp, wf = load("words")["gpu"], load("words")["wafer"]

    def words(ws):
        return variants(ws)

    gpu_word = regex.compile(r"(?<![A-Za-z])(?:\L<w>)(?![a-z])|(?<![A-Za-z0-9])(?:[A-Z]{1,3}\d{2,4}[A-Z]?)(?![A-Za-z0-9])",
                             regex.VERSION1, w=words(gp["context"]))
    # after the counter: particles and bound words, up to four short words, then the GPU word
    gpu_after = regex.compile(
        r"(?:[ ]?\L<p>)?"
        r"[ ]?(?:[^\s,.。、，;:!?()（）0-9]{1,14}?[ ]?){0,4}?(?:\L<w>)(?![a-z])",  # no other count between
        regex.VERSION1, w=words(gp["context"]), p=variants(load("phrases")["gpu"]["after_counter"]),
    )
    gpu_any = regex.compile(r"\L<w>", regex.VERSION1, w=words(gp["context"]))
    wafer_word = regex.compile(r"\L<w>", regex.VERSION1 | regex.IGNORECASE, w=words(wf["context"]))
    month = regex.compile(r"\L<w>", regex.VERSION1, w=words(wf["month_context"]))
    year = regex.compile(r"\L<w>", regex.VERSION1, w=words(wf["year_context"]))
    dc = load("words")["datacenter"]
    dc_word = regex.compile(r"\L<w>", regex.VERSION1, w=words(dc["nouns"] + dc["sentence_nouns"]))
    dc_any = regex.compile(r"\L<w>|(?i:data[ -]?cent(?:er|re)s?)", regex.VERSION1, w=words(dc["nouns"]))
    sentence = load("phrases")["sentence"]
    return {
        "ends": tuple(sentence["ends"]), "date_digits": frozenset(sentence["date_digits"]),
        "dc_word": dc_word, "dc_any": dc_any, "han_ok": tuple(load("phrases")["carry"]["han_ok"]), "dc_sentence": frozenset(dc["sentence_counters"]), "dc_near": frozenset(dc["near_counters"]),
        "of": frozenset(load("phrases")["datacenter"]["counted_noun_after"]),
        "dc_span": int(dc["sentence_span"]), "dc_near_span": int(dc["near_span"]), "dc_gap": tuple(dc["near_gap_words"]),
        "dc_after_ok": tuple(dc["after_counter_ok"]),
        "gpu_word": gpu_word, "gpu_any": gpu_any, "gpu_after": gpu_after, "wafer_word": wafer_word, "month": month, "year": year,
        "gpu_counters": frozenset(gp["context_counters"]), "wafer_counters": frozenset(wf["context_counters"]),
        "gpu_later": frozenset(gp["later_counters"]), "gpu_later_span": int(gp["later_span"]), "gpu_later_not": tuple(gp["later_not_after"]),
        "gpu_span": int(gp["context_span"]), "gpu_min": int(gp["context_min"]),
        "wafer_span": int(wf["context_span"]), "wafer_min": int(wf["context_min"]),
    }


def sentence_start(text: str, pos: int, span: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back at most ``span`` characters."""
    lo = max(0, pos - span)
    for end in _patterns()["ends"]:
        at = text.rfind(end, lo, pos)
        if at >= 0:
            lo = max(lo, at + len(end))
    return lo


def _sentence_end(text: str, pos: int, span: int) -> int:
    hi = min(len(text), pos + span)
    for end in _patterns()["ends"]:
        at = text.find(end, pos, hi)
        if at >= 0:
            hi = min(hi, at)
    return hi


_KANA = regex.compile(r"[\u3040-\u30ff]")


def gpu_by_sentence(text: str, rs: int, counter: str, end: int, value) -> int | None:
    """End of the span when the count at ``rs`` (counter ``counter`` ending at ``end``) is GPUs."""
    t = _patterns()
    if counter not in t["gpu_counters"]:
        return None
    anywhere, words = _gpu_words(text)
    stop = _sentence_end(text, end, 60)
    if counter == "片" and t["wafer_word"].search(text, sentence_start(text, rs, t["gpu_span"]), stop) is not None:
        return None  # "片" with a wafer word in the sentence counts wafers
    if counter != "chips" and value >= 2 and _any_in(anywhere, end, stop):  # "一块芯片": "a single chip"
        if t["gpu_after"].match(text, end, stop) is not None:
            return end
    if value < t["gpu_min"] and counter != "chips":
        return None
    lo = sentence_start(text, rs, t["gpu_span"])
    if ("\u4e00" <= text[end : end + 1] <= "\u9fff" and not text.startswith(t["han_ok"], end)
            and _KANA.search(text, lo, stop) is None):
        return None  # Chinese "H20芯片 … 2700个行业伙伴": the counter counts the noun right after it (Japanese: a verb, 2000基導入)
    for at in range(bisect.bisect_left(words, (lo, "")), len(words)):
        start, word = words[at]
        if start >= rs:
            break
        if counter != "chips" or word not in ("chips", "superchips"):
            return end
    if counter in t["gpu_later"] and not text.startswith(t["gpu_later_not"], end):  # "당초 알려진 25만 장을 뛰어넘는 … GPU 품귀": the GPU word later in the sentence
        hi = _sentence_end(text, end, t["gpu_later_span"])
        if _any_in(anywhere, end, hi) and t["wafer_word"].search(text, lo, hi) is None:
            return end
    return None


@functools.lru_cache(maxsize=8)  # a text's hash is cached by Python: the look-up is cheap
def _gpu_words(text: str) -> tuple[list[int], list[tuple[int, str]]]:
    """Where GPU words start in ``text`` (any, for a quick test before ``gpu_after``) and the
    matches of ``gpu_word`` (start, lower-case word): found once per text, not once per count."""
    t = _patterns()
    anywhere = [m.start() for m in t["gpu_any"].finditer(text, overlapped=True)]
    return anywhere, [(m.start(), m.group().lower()) for m in t["gpu_word"].finditer(text)]


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _word_before(pattern, text: str, lo: int, rs: int) -> int:
    """Start of the last match of ``pattern`` in ``text[lo:rs]`` not written after a digit, or -1."""
    best = -1
    dates = _patterns()["date_digits"]
    for m in pattern.finditer(text, lo, rs):
        if m.start() == 0 or text[m.start() - 1] not in dates:
            best = m.start()
    return best


def wafer_period(text: str, rs: int) -> str | None:
    """"wafer_month" / "wafer_year" when a month / year word stands earlier in the sentence."""
    t = _patterns()
    lo = sentence_start(text, rs, t["wafer_span"])
    mo, yr = _word_before(t["month"], text, lo, rs), _word_before(t["year"], text, lo, rs)
    if mo < 0 and yr < 0:
        return None
    return "wafer_month" if mo > yr else "wafer_year"


def wafer_by_sentence(text: str, rs: int, counter: str, end: int, value) -> str | None:
    """The unit name ("wafer", "wafer_month", "wafer_year") when the count at ``rs`` is wafers."""
    t = _patterns()
    if counter not in t["wafer_counters"] or value < t["wafer_min"]:
        return None
    lo = sentence_start(text, rs, t["wafer_span"])
    hi = _sentence_end(text, end, 30)
    if t["wafer_word"].search(text, lo, hi) is None:
        return None
    return wafer_period(text, rs) or "wafer"


def dc_by_sentence(text: str, rs: int, counter: str, end: int, value) -> bool:
    """True when the count at ``rs`` with ``counter`` counts data centres named before it in its sentence."""
    t = _patterns()
    if value < 2 or text[end : end + 1] in t["of"]:  # "一棟" is "a building"; "1万カ所の基地局" counts base stations
        return False
    if "\u4e00" <= text[end : end + 1] <= "\u9fff" and not text.startswith(t["han_ok"] + t["dc_after_ok"], end):
        return False  # "2栋动力中心、1栋办公楼": the counter counts the Chinese noun after it
    if counter in t["dc_sentence"]:
        lo = sentence_start(text, rs, t["dc_span"])
    elif counter in t["dc_near"]:
        lo = max(0, rs - t["dc_near_span"] - 24)  # the noun may begin before the span, it must end inside
    else:
        return False
    found = None
    for found in t["dc_word"].finditer(text, lo, rs):
        pass
    if found is None:
        return False
    if counter in t["dc_sentence"]:
        return True
    gap = text[found.end() : rs]
    for w in t["dc_gap"]:  # "智算中心项目超过200个": project and bound words do not count against the span
        gap = gap.replace(w, "")
    return len(gap) <= t["dc_near_span"]


def dc_in_sentence(text: str, rs: int, end: int) -> bool:
    """True when the sentence around ``rs``..``end`` names data centres ("데이터센터 단지는 5개 캠퍼스로")."""
    t = _patterns()
    lo = sentence_start(text, rs, t["dc_span"])
    if t["dc_any"].search(text, lo, rs):
        return True
    hi = min(len(text), end + t["dc_span"])
    stops = [i for i in (text.find(e, end, hi) for e in t["ends"]) if i >= 0]
    return t["dc_any"].search(text, end, min(stops) if stops else hi) is not None


def by_sentence(ctx, rec, counter, value) -> None:
    """Set ``rec`` (a reader record) to GPUs, wafers or data centres named elsewhere in its sentence."""
    text, c, end = ctx.text, counter.group("c"), counter.end()
    e = gpu_by_sentence(text, rec.rs, c, end, value)
    if e is not None:
        rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["gpu"], e
        return
    unit = wafer_by_sentence(text, rec.rs, c, end, value)
    if unit is not None:
        rec.kind, rec.unit, rec.e = "quantity", ctx.canonical[unit], end
    elif dc_by_sentence(text, rec.rs, c, end, value):
        rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["datacenter"], end


_WORD_AFTER = regex.compile(r"[ ]?[A-Za-z]")  # a word follows: "of 900 trucks" counts trucks


def bare_count(ctx, rec, end: int, value) -> bool:
    """Set ``rec`` (a numeral with no unit or counter, ending at ``end``) to what the words before
    it count, and return True: wafers per month after a Chinese monthly-capacity word
    ("規劃月產能為 30 萬", ``[wafer] zh_month_capacity_bare``), jobs after "a workforce of"
    (``[jobs] english_before``)."""
    text, p, rs = ctx.text, ctx.p, rec.rs
    if text[end - 1 : end] in "万萬" and p.zh_month_capacity_bare.search(text, max(0, rs - 12), rs):
        rec.kind, rec.unit, rec.e = "quantity", ctx.canonical["wafer_month"], end
        return True
    if text[rs - 4 : rs - 1] == " of" and value >= 10 and not _WORD_AFTER.match(text, end):
        b = p.jobs_before_en.search(text, max(0, rs - 20), rs)
        if b is not None:
            rec.kind, rec.unit, rec.e, rec.s = "quantity", ctx.canonical["jobs"], end, b.start()
            return True
    return False


def persons_are_jobs(ctx, rs: int, end: int, value) -> bool:
    """True when a count of people (``rs``..``end``: "300명", "400 specialists") is jobs: an
    employment word within 30 characters. A count of a million or more needs that word outside
    the noun itself ("over 2 million researchers" are users, not jobs)."""
    text, ctx_words = ctx.text, ctx.p.jobs_ctx
    if value < 10:
        return False
    lo, hi = max(0, rs - 30), min(len(text), end + 30)
    if value >= 10**6:
        return bool(ctx_words.search(text, lo, rs) or ctx_words.search(text, end, hi))
    return ctx_words.search(text, lo, hi) is not None
