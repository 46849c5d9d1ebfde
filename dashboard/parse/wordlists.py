"""The named word lists the patterns use (``\\L<name>``), built once from the vocabulary.

Every list comes from ``vocab/*.toml``; this module only selects and orders
words (longest first, spaced and unspaced variants) and escapes them for the
few places that need a character class or a literal alternation.

>>> "GPU" in lists()["gpu_noun"], alt(["a.b", "c"])
(True, '(?:a\\\\.b|c)')
"""
from __future__ import annotations

import functools

import regex

from dashboard.parse.dispatch import variants
from dashboard.parse.vocab import load

__all__ = ["lists", "alt", "chars", "longest"]


def longest(words) -> list[str]:
    """The words, longest first (so an alternation prefers the longest)."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def alt(words) -> str:
    """A non-capturing alternation of the words, escaped, longest first."""
    return "(?:" + "|".join(regex.escape(w) for w in longest(words)) + ")"


def chars(words) -> str:
    """The characters of single-character words as a class body (escaped)."""
    return regex.escape("".join(sorted({w for w in words})))


@functools.cache
def lists() -> dict[str, list[str]]:
    """Every named list, by name (do not mutate)."""
    money, units, words, ph = load("money"), load("units"), load("words"), load("phrases")
    L: dict[str, list[str]] = {}
    L["cur_letters"] = longest(w for w in money["prefix"] if w.isascii() and w.replace(".", "").isalpha())
    L["cur_signs"] = longest(w for w in money["prefix"] if w not in L["cur_letters"])
    L["scale_words"] = variants(words["scale"]["word"])
    L["number_words"] = [w for w, v in words["scale"]["number_words"].items() if v]
    suffix: dict[str, str] = {}
    for lang in ("ko", "ja", "zh"):
        suffix.update(money["suffix"][lang])
    special = set(money["guard_not_before"]) | {"불", "弗"}
    L["money_cjk"] = variants(w for w in suffix if w not in special)
    L["money_en"] = variants(money["suffix"]["en"])
    L["bul_before"] = ph["money"]["bul_before"]
    pw = units["power"]
    L["power_sym"] = longest(pw["symbol"])
    L["power_cjk"] = [w for w in pw["word"] if not w.isascii()]
    L["power_en"] = [w for w in pw["word"] if w.isascii()]
    L["not_energy"] = ph["power"]["not_energy_after"]
    L["not_energy_en"] = ph["power"]["not_energy_after_en"]
    ar = units["area"]
    after_wan = ph["area"]["after_wan"]
    L["area_cjk"] = [w for w in ar["word"] if not w.isascii() and w not in units["guard_not_before"] and w not in after_wan]
    L["area_after_wan"] = after_wan
    L["area_not_after_wan"] = ph["area"]["not_after_wan_word"]
    L["area_en"] = variants(w for w in ar["word"] if w.isascii())
    L["area_adj"] = ph["area"]["english_adjectives"]
    wf, pwf = words["wafer"], ph["wafer"]
    L["wafer_size"] = wf["sizes"]
    L["wafer_noun"] = wf["nouns"]
    for key in ("english_nouns", "english", "english_month", "english_year", "month_codes", "slash_counters", "slash_month",
                "slash_year", "zh_nouns", "zh_month_capacity", "zh_year_capacity", "ko_nouns", "ja_nouns"):
        L[f"wafer_{key}"] = variants(pwf[key]) if key.startswith("zh_") else longest(pwf[key])
    gp, pgp = words["gpu"], ph["gpu"]
    L["gpu_noun"] = variants(gp["nouns"])
    L["gpu_en"] = variants(gp["english"])
    L["gpu_vendor"] = gp["vendors"]
    L["gpu_card"] = gp["card_after"]
    L["gpu_adj"] = gp["english_adjectives"]
    L["gpu_vendor_chip"] = variants(gp["vendor_chips"])
    L["gpu_counter"] = longest(pgp["counters"])
    L["gpu_chip_adj"] = longest(pgp["chip_adjectives"])
    L["gpu_model_vendor"] = pgp["model_vendors"]
    L["gpu_model_noun"] = pgp["model_nouns"]
    L["gpu_short_model"] = pgp["short_models"]
    L["gpu_letters"] = pgp["letters_before"]
    dc, pdc = words["datacenter"], ph["datacenter"]
    L["dc_noun"] = variants(dc["nouns"])
    L["dc_en"] = variants(dc["english"])
    L["dc_adj"] = variants(dc["english_adjectives"])
    L["dc_mod"] = variants(dc["modifiers"])
    L["dc_counter"] = longest(dc["counters"])
    L["dc_not"] = dc["not_after_noun"]
    L["dc_ja_counter"] = pdc["ja_counters"]
    L["dc_ja_particles"] = longest(pdc["ja_particles"])
    L["dc_new"] = longest(pdc["new_before_noun"])
    L["dc_class"] = longest(pdc["class_suffix"])
    L["dc_campus"] = longest(pdc["campus"])
    L["dc_campus_mod"] = longest(pdc["campus_modifiers"])
    L["dc_campus_en"] = longest(pdc["campus_en"])
    jb, pjb = words["jobs"], ph["jobs"]
    L["job_en"] = variants(jb["english"])
    L["job_adj"] = variants(jb["english_adjectives"])
    L["job_adv"] = longest(jb["english_adverbs"])
    L["people_en"] = jb["people_english"]
    L["jobs_ctx"] = jb["context"]
    L["q_jobs"] = variants(jb["before"])
    for key in ("ko_bound", "ko_modifiers", "ja_after_person", "zh_nouns", "zh_staff", "ja_case_nouns", "zh_tail", "en_adj_joiners", "zh_not_between"):
        L[f"job_{key}"] = longest(pjb[key])
    L["not_after_ren"] = ph["persons"]["not_after_ren"]
    L["not_after_ming"] = ph["persons"]["not_after_ming"]
    L["not_after_wei"] = ph["persons"]["not_after_wei"]
    L["power_glued"] = ph["power"]["symbol_glued"]
    L["output_before"] = longest(ph["guards"]["output_before"])
    L["counters"] = words["counter"]["all"]
    L["q_month"] = variants(wf["month"])
    L["q_year"] = variants(wf["year"])
    for key, value in ph["before"].items():
        L[f"b_{key}"] = variants(value)
    before = words["before"]
    L["pre_en"] = variants(w for w in before if w.isascii() and w[0].isalpha())
    L["pre_ko"] = variants(w for w in before if "가" <= w[0] <= "힣")
    L["pre_cjk"] = variants(w for w in before if not w.isascii() and not ("가" <= w[0] <= "힣") and w not in ("約", "约", "≈"))
    after = words["after"]
    L["post_en"] = variants(w for w in after if w.isascii() and w[0].isalpha())
    L["post_cjk"] = variants(w for w in after if not w.isascii() and w != "超")
    for key, value in ph["after"].items():
        L[f"a_{key}"] = value
    L["quote_ctx"] = variants(words["filter"]["quote_context"])
    for key, value in ph["quote"].items():
        L[f"quote_{key}"] = variants(value)
    for key, value in ph["links"].items():
        L[f"link_{key}"] = variants(value)
    for key, value in ph["implied"].items():
        L[f"imp_{key}"] = variants(value)
    L["joiners"] = words["lists"]["joiners"]
    L["list_states"] = sorted(words["lists"]["states"], key=len, reverse=True)
    L["money_followers"] = variants(words["lists"]["carried_money_followers"])
    L["list_adj"] = longest(set(L["dc_adj"]) | set(L["gpu_adj"]) | set(L["job_adj"]))
    decl = money["declaration"]
    L["decl_zh"] = decl["zh_prefix"]
    L["decl_en"] = decl["en"]
    for key, value in ph["declaration"].items():
        L[f"decl_{key}"] = longest(value)
    region = region_codes()
    L["region_cjk"] = longest(w for w in region if not w[0].isascii())
    L["region_latin"] = longest(w for w in region if w[0].isascii())
    return L


@functools.cache
def region_codes() -> dict[str, str]:
    """Context word -> the currency a bare 元 has in an article that uses it."""
    out: dict[str, str] = {}
    for code, table in load("money")["context"].items():
        for w in table["words"] + table.get("strong", []):
            out.setdefault(w, code)
    return out


def region_weights() -> dict[str, int]:
    """Context word -> how many plain markers it counts for (a country's own name, its companies: 2)."""
    return {w: 2 for table in load("money")["context"].values() for w in table.get("strong", [])}
