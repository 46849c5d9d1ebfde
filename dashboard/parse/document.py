"""What the whole document says about its currency.

* **Declarations** fix the currency of a bare 元 (or ``$``) for the rest of the
  text: "（人民幣，下同）", "（單位：新台幣）", "新台幣100億元（以下同）" (the
  currency of the amount just before), "(all figures in US$)".
* **Sentence declarations**: "若以美金計算，營收為103.1億元" makes the bare 元 of the
  rest of that sentence US dollars (以人民幣計, 以新台幣計算 likewise).
* **Region**: a bare 元 in a Taiwanese, Hong Kong, Singapore or Malaysian article
  is TWD / HKD / SGD / MYR: the text names 新台幣/台幣/NT$ or Taiwanese places and
  institutions (臺北, 新竹, 經濟部, ...), 港元/香港, 新加坡/新币, 马来西亚/槟城/令吉,
  more often than mainland markers (人民幣, 国务院, provinces and mainland cities, 畝);
  a ``strong`` marker (台灣, 全台灣, Taiwanese company names: 南亞科, 華邦) counts twice.
  Traditional script alone decides nothing: mainland text is often written in it.
  An explicit ``locale`` wins over the region; a declaration wins over both.
* **Destination**: before the region, the place the money goes to decides a bare
  元: "台灣廠商赴上海投資50億元" is CNY (a Taiwanese subject spending in Shanghai),
  "陸資來台投資30億元" TWD: a ``[destination]`` word (赴, 在, 落戶, ...) right
  before a place or region word, nearest the amount in its sentence. Who pays
  is no cue; a declaration and a ``locale`` still win over the place.

The words are in ``vocab/money.toml`` (``[declaration]``, ``[context.*]``).

>>> region_of("經濟部表示，新竹科學園區投資500億元")
'TWD'
>>> region_of("国务院批准投资500亿元") is None
True
"""
from __future__ import annotations

from dashboard.parse import patterns
from dashboard.parse.currencies import prefixes, suffixes
from dashboard.parse.vocab import load

__all__ = ["region_of", "destination_of", "declarations", "sentence_declarations"]


def _code(word: str) -> str | None:
    """ISO code of a currency word of a declaration, from the money tables."""
    return prefixes().get(word) or suffixes().get(word) or suffixes().get(word.lower())


def region_of(text: str) -> str | None:
    """"TWD", "HKD", "SGD" or "MYR" when the text reads as from there, else None."""
    p = patterns.get()
    counts = dict.fromkeys(p.region_codes, 0)
    weight = p.region_weight
    for m in p.region.finditer(text):
        counts[p.region_code[m.group()]] += weight.get(m.group(), 1)
    best = max((c for c in counts if c != "CNY"), key=counts.get)
    if counts[best] and counts[best] > counts["CNY"]:
        return best
    return None


def destination_of(text: str, pos: int) -> str | None:
    """The currency of the place a bare 元 at ``pos`` goes to, when its sentence names one.

    >>> destination_of("台灣廠商赴上海投資50億元", 9), destination_of("陸資來台投資30億元", 6)
    ('CNY', 'TWD')
    >>> destination_of("台灣廠商投資50億元", 6) is None
    True
    """
    p = patterns.get()
    dest = load("money")["destination"]
    lo = max(0, pos - int(dest["window"]))
    if p.destination_word.search(text, lo, pos) is None:  # the common case: no destination word near
        return None
    for end in p.sentence_end.finditer(text, lo, pos):
        lo = end.end()
    m = p.destination.search(text, lo, pos)
    if m is None:
        return None
    place = m.group("place")
    return dest["short"].get(place) or p.region_code.get(place)


def declarations(text: str) -> list[tuple[int, str]]:
    """(position, ISO code) of each explicit currency declaration in normalised text.

    >>> declarations("大基金(人民幣,下同)規模3440億元")  # normalised text
    [(3, 'CNY')]
    """
    out = []
    for m in patterns.get().declaration.finditer(text):
        code = _code(m.group("zh") or m.group("zh2") or m.group("en"))
        if code:
            out.append((m.start(), code))
    return out


def sentence_declarations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of "以美金計算"-style declarations, each up to the end of its sentence.

    >>> sentence_declarations("若以美金計算,營收為103.1億元。")
    [(1, 17, 'USD')]
    """
    out = []
    for m in patterns.get().in_currency.finditer(text):
        ends = [i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0]
        out.append((m.start(), min(ends) if ends else len(text), _code(m.group("c"))))
    return out
