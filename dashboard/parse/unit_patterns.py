"""The alternatives of the ``unit`` pattern: what may follow a number, one per kind.

Each alternative is one named group (``money``, ``money_en``, ``power``,
``area``, ``wafer_month``, ``wafer_year``, ``wafer``, ``gpu``, ``jobs``,
``datacenter``, ``persons``), written with the named lists of
:mod:`dashboard.parse.wordlists` (the words are in ``vocab/*.toml``).
:class:`dashboard.parse.dispatch.Dispatch` tries only the alternatives that can
start at the next character.

>>> [a[:14] for a in alternatives()][:2]
['(?P<wafer_mont', '(?P<wafer_year']
"""
from __future__ import annotations

import functools

from dashboard.parse.dispatch import guarded
from dashboard.parse.vocab import load
from dashboard.parse.wordlists import lists

__all__ = ["alternatives", "MODEL", "guard_lists"]

#: a chip model name ("H100", "GB200", "MI300X")
MODEL = r"[A-Z]{1,3}\d{2,4}[A-Z]?"


@functools.cache
def guard_lists() -> dict[str, list[str]]:
    """The named lists of the guarded short words (원 not before 전, 평 not before 균, ...)."""
    out: dict[str, list[str]] = {}
    guarded(load("money")["guard_not_before"], out, "mg", load("money")["guard_ok_after"])
    guarded(load("units")["guard_not_before"], out, "ag")
    return out


def _money() -> str:
    g: dict[str, list[str]] = {}
    return (
        rf"(?P<money>\L<money_cjk>|{guarded(load('money')['guard_not_before'], g, 'mg', load('money')['guard_ok_after'])}"
        r"|(?<![ ])불(?=\L<bul_before>|[^가-힣]|$)|弗(?!\p{Han}))"
        r"|(?P<money_en>(?i:\L<money_en>))(?![A-Za-z])(?!(?<=(?i:pounds?))[ ]of[ ])"  # "26.5 million pounds of steel"
    )


def _power() -> str:
    return (
        r"(?P<power>\L<power_sym>(?![A-Za-z0-9])|\L<power_sym>(?=\L<power_glued>(?![A-Za-z]))|(?i:\L<power_en>)(?![A-Za-z]|\L<not_energy_en>)"
        # a reference numeral glued after the symbol ("20-100kW38の", "超100kW310"): up to three digits, then no
        # digit, decimal point or letter
        r"|\L<power_sym>(?=[0-9]{1,3}+(?![0-9.,A-Za-z]))"
        r"|\L<power_cjk>(?!\L<not_energy>))"
    )


def _area() -> str:
    g: dict[str, list[str]] = {}
    return (
        r"(?P<area>(?:m²|km²|ft²)|(?:m2|km2|ft2)(?![A-Za-z0-9])"
        r"|(?:\L<area_adj>[ ])?(?i:\L<area_en>)(?![A-Za-z])|(?i:sq\.?[ ]?(?:km|ft|m)\.?)(?![A-Za-z])"
        rf"|\L<area_cjk>|{guarded(load('units')['guard_not_before'], g, 'ag')}"
        r"|(?<=[万萬])\L<area_after_wan>(?!\L<area_not_after_wan>))"  # "8.5万方" (万 m²)
    )


_SIZE = r"(?:(?:12|8)[- ]?inch(?:es)?[ -](?:equivalent[ ])?|(?:300|200)[- ]?mm[ ])?(?:(?i:\L<wafer_english_nouns>)[ ])?"


def _wafers() -> list[str]:
    slash = r"\L<wafer_slash_counters>[ ]?/[ ]?"
    zh = r"片(?:的)?(?:\L<wafer_size>)?(?:\L<wafer_zh_nouns>)?(?:的)?"
    month = (
        rf"(?P<wafer_month>{_SIZE}(?i:\L<wafer_english>)(?:[ ](?i:\L<wafer_english_month>)|[ ]?/[ ]?(?:month|mo))(?![A-Za-z])"
        rf"|\L<wafer_month_codes>(?![A-Za-z])|{slash}\L<wafer_slash_month>(?![A-Za-z])|{zh}\L<wafer_zh_month_capacity>)"
    )
    year = (
        rf"(?P<wafer_year>{_SIZE}(?i:\L<wafer_english>)(?:[ ](?i:\L<wafer_english_year>)|[ ]?/[ ]?year)(?![A-Za-z])"
        rf"|{slash}\L<wafer_slash_year>(?![A-Za-z])|{zh}\L<wafer_zh_year_capacity>)"
    )
    count = (
        rf"(?P<wafer>{_SIZE}(?i:wafers)(?![A-Za-z])|장(?:의)?[ ]?(?:\L<wafer_size>[ ]?)?\L<wafer_ko_nouns>"
        r"|枚(?:の)?(?:\L<wafer_size>)?\L<wafer_ja_nouns>|片(?:\L<wafer_size>)?\L<wafer_zh_nouns>)"
    )
    return [month, year, count]


def _gpu() -> str:
    return (
        rf"(?P<gpu>\L<gpu_counter>(?:의|の)?[ ]?(?:\L<gpu_chip_adj>(?:的)?)?(?:(?:\L<gpu_vendor>|{MODEL}|[A-Z][A-Za-z0-9]{{0,12}}+)[ ]?){{0,2}}(?:\L<gpu_noun>|\L<gpu_vendor_chip>)"
        rf"|(?:(?:[A-Z][A-Za-z0-9'’\-/]{{0,20}}+|[a-z]{{0,12}}+\d[A-Za-z0-9\-]{{0,12}}+|[a-z]{{1,12}}+-[a-z]{{1,12}}+|(?i:\L<gpu_adj>))[ ]){{0,4}}"
        r"[\"“]?(?i:\L<gpu_en>)[\"”]?(?![A-Za-z])"
        rf"|(?:(?:[A-Z][A-Za-z0-9'’\-]{{0,20}}+|[a-z]{{1,12}}+-[a-z]{{1,12}}+|(?i:\L<gpu_adj>))[ ]){{0,4}}{MODEL}(?:/{MODEL}|[ ]and[ ]{MODEL})?[ ]\L<gpu_model_noun>(?![A-Za-z])"
        rf"|(?:(?i:\L<gpu_adj>)[ ])?(?:(?i:\L<gpu_model_vendor>)[ ])?{MODEL}s(?![A-Za-z])"
        r"|[ ]?GPU(?:를|을)?(?![A-Za-z])|卡(?=\L<gpu_card>)"
        rf"|\L<gpu_counter>(?:의|の)?[ ]?(?:\L<gpu_chip_adj>(?:的)?)?(?:\L<gpu_model_vendor>[ ]?)?{MODEL}(?![A-Za-z0-9])(?![ ]?(?:\L<b_wafer_nouns>|(?i:wafer))))"  # "5000片A12晶圆": wafers
    )


def _datacenter() -> str:
    return (
        # "3개의 기가와트급 데이터센터", "12座营运中资料中心": a size class or a state between count and noun
        r"(?P<datacenter>\L<dc_counter>(?:以上|이상)?(?:의|の|で)?[ ]?(?:(?:\L<dc_mod>|[\p{L}\p{N}.]{1,10}?\L<dc_class>)[ ]?){0,2}\L<dc_noun>(?![ ]?\L<dc_not>)"
        r"|(?:(?:(?i:\L<dc_adj>)|[a-z]{1,12}+-[a-z]{1,12}+)[ ]){0,2}(?i:\L<dc_en>)(?![A-Za-z])"
        # "730여 데이터센터", "50以上のデータセンター", "5つの新データセンター", "100カ所以上でデータセンター",
        # "県内の2拠点にデータセンター", "4拠点のAIデータセンター"
        r"|[ ]?\L<dc_noun>(?<=[여余多][ ]?\L<dc_noun>)|\L<dc_ja_counter>(?:以上)?\L<dc_ja_particles>?(?:\L<dc_mod>)?\L<dc_new>?\L<dc_noun>"
        r"|(?:以上|이상)(?:의|の|で)?[ ]?\L<dc_new>?\L<dc_noun>)"
        # campuses: data centres only in a sentence that names them (checked by the reader)
        r"|(?P<dc_campus>(?:[개个個][ ]?(?:의)?[ ]?\L<dc_campus_mod>?)?\L<dc_campus>|(?:(?i:\L<dc_adj>)[ ]){0,2}\L<dc_campus_en>(?![A-Za-z]))"
    )


def _jobs() -> list[str]:
    jobs = (
        # "450 engineering, technical and operational employees"
        # "1,600 mostly high-end technology jobs": an adverb may lead the adjectives
        # "1,500 high-value jobs", "3,000 new Samsung jobs": a hyphenated adjective or a name among them
        r"(?P<jobs>(?:(?i:\L<job_adv>)[ ](?=[A-Za-z]))?(?:(?:(?i:\L<job_adj>)|[a-z]{1,12}+-[a-z]{1,12}+|[A-Z][A-Za-z0-9&]{1,15}+)\L<job_en_adj_joiners>){0,4}(?i:\L<job_en>)(?![A-Za-z])"
        r"|개[ ]?\L<job_ko_bound>?(?:의)?[ ]?(?:\L<job_ko_modifiers>[ ]?)?일자리"
        r"|人\L<job_ja_after_person>"
        r"|[个個](?:\p{Han}{0,10}?)\L<job_zh_nouns>"  # "5,000個優質且高產值的工作機會"
        r"|[个個名位][ ]?(?!\L<job_zh_not_between>)\p{Han}{0,6}?\L<job_zh_staff>|[个個][ ]?\p{Han}{2,16}?\L<job_zh_tail>(?!\p{Han})"
        r"|件(?:の)?\L<job_ja_case_nouns>)"
    )
    persons = (
        r"(?P<persons>(?:(?i:\L<job_adv>)[ ](?=[A-Za-z]))?(?:(?i:\L<job_adj>)\L<job_en_adj_joiners>){0,4}(?i:\L<people_en>)(?![A-Za-z])|명|人(?!\L<not_after_ren>)"
        r"|名(?!\L<not_after_ming>)|位(?!\L<not_after_wei>))"
    )
    return [jobs, persons]


@functools.cache
def alternatives() -> tuple[str, ...]:
    """The unit alternatives, in the order they are tried."""
    wafer_month, wafer_year, wafer_count = _wafers()
    jobs, persons = _jobs()
    return (wafer_month, wafer_year, wafer_count, _datacenter(), _gpu(), jobs, _power(), _area(), _money(), persons)


def unit_lists() -> dict[str, list[str]]:
    """The named lists the alternatives use."""
    return {**lists(), **guard_lists()}
