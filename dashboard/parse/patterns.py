"""Every pattern of the parser, built in one place from the vocabulary.

Patterns use the ``regex`` package: named lists (``\\L<name>``) for word
tables, possessive repeats (``++``, ``*+``) and bounded repeats so no input
makes them backtrack, and reverse matching (``(?r)``) to read the words
*before* a numeral right to left from the numeral's start. Nothing here is
compiled at import: :func:`get` builds all patterns on first use.

The groups of the ``unit`` pattern name the kind of what follows a number:
``money`` / ``money_en`` (currency words), ``power``, ``area``, ``wafer_month``,
``wafer_year``, ``wafer``, ``gpu``, ``jobs``, ``datacenter``, ``persons``.

>>> p = get()
>>> p.unit.match(" GW").lastgroup, p.unit.match("억원") is None
('power', True)
"""
from __future__ import annotations

import functools
from types import SimpleNamespace

import regex

from dashboard.parse.dispatch import Dispatch, first_chars, guarded, universe_of, variants
from dashboard.parse.vocab import load

__all__ = ["get", "variants"]

_F = regex.VERSION1 | regex.VERBOSE
HAN = r"\p{Han}"


@functools.cache
def get() -> SimpleNamespace:
    """All compiled patterns (built once)."""
    money = load("money")
    units = load("units")
    words = load("words")
    L: dict[str, list[str]] = {}

    # ------------------------------------------------------------ numerals
    num = words["numeral"]
    kd = regex.escape("".join(num["kanji_digits"]))
    sm = regex.escape("".join(k for k in num["small"] if k != "千"))  # 千 separately: not before 瓦 (千瓦 = kW)
    big1 = "万萬만億亿억조"  # 兆 separately: not before 瓦 (兆瓦 = MW)
    BIG = rf"(?:万亿|萬億|万億|[{big1}]|兆(?!瓦))"
    SMALL = rf"(?:[{sm}]|千(?!瓦))"
    # ASCII digits (NFKC folded the rest); a decimal comma only before a Portuguese/Spanish scale word ("R$ 1,5 bilhão")
    DIG = (r"[0-9]{1,400}+(?:,[0-9]{3}(?![0-9]))*+(?:[.・][0-9]{1,400}+|,[0-9]{1,2}(?=[ ](?:bilh|milh|trilh|mil[ ]mil|millon|millón|billon|billón)))?+")
    L["cur_letters"] = sorted({w for w in money["prefix"] if w.isascii() and w.replace(".", "").isalpha()}, key=len, reverse=True)
    digit_start = r"(?:(?<![A-Za-z0-9_.,])|(?<=(?<![A-Za-z])\L<cur_letters>)|(?<=[GTN]PU)(?=[0-9,]{1,12}+[基枚個个台块颗张張장개대]))"
    vague = regex.escape(num["vague_before"])
    # the leading lookahead lets the engine skip to candidate characters (6x faster scanning)
    run = regex.compile(
        rf"""
        (?=[0-9{kd}{sm}千])
        (?:{digit_start}{DIG}
          (?: [ ]?{BIG}                                   # 2조 / 2 조
            | {SMALL}                                     # 3천
            | (?<=[{big1}兆{sm}千])(?:{DIG}|[{kd}]++)      # 2조5000
            | (?<=[{big1}兆])[ ]{DIG}(?=[ ]?(?:{BIG}|{SMALL}))  # 2조 5000억
            | (?<=[만萬万])[ ](?:[0-9],[0-9]{{3}}|[0-9]{{1,4}}+)(?![0-9,.])  # 19만 2124㎡, 2만 5,000명
          ){{0,12}}+
        | (?<![{vague}])(?:[{kd}]{{1,30}}+|{SMALL}(?=[{kd}]|{BIG}|{SMALL}|[點][{kd}]))
          (?:{BIG}|{SMALL}|[{kd}]{{1,30}}+|[點.][{kd}]{{1,12}}+(?=[{kd}]|{BIG})?|{DIG}){{0,16}}+)
        """,
        _F, **L, ignore_unused=True,
    )

    # ------------------------------------------------------------ scale words, infix
    sc = words["scale"]
    L["scale_words"] = variants(sc["word"])
    scale = regex.compile(
        r"(?:[ ]|-)?(?:(?P<w>(?i:\L<scale_words>))|(?P<l>[kKmMbB]|cr|Cr))(?![A-Za-z0-9²³])", _F, **L, ignore_unused=True
    )
    dc = words["datacenter"]
    L["dc_noun"] = variants(dc["nouns"])
    L["dc_en"] = variants(dc["english"])
    L["dc_adj"] = variants(dc["english_adjectives"])
    L["dc_mod"] = variants(dc["modifiers"])
    L["dc_counter"] = sorted(dc["counters"], key=len, reverse=True)
    L["dc_not"] = dc["not_after_noun"]
    L["number_words"] = [w for w, v in sc["number_words"].items() if v]
    number_words = regex.compile(
        r"(?=[" + "".join(sorted({w[0].lower() + w[0].upper() for w in L["number_words"]})) + r"])"
        r"(?<![A-Za-z$€£¥₩₹])(?i:\L<number_words>)"
        r"(?=[ ](?i:thousand|million|billion|trillion|gigawatts?|megawatts?)(?![A-Za-z])"
        # "two new data centers", "two 100 MW HUMAIN data centres"
        r"|[ ](?:[0-9][0-9,.]{0,8}+[ ]?(?:MW|GW|(?i:megawatts?|gigawatts?))[ ])?(?:[A-Z][A-Za-z0-9\-]{1,15}+[ ]){0,2}+"
        r"(?:(?:(?i:\L<dc_adj>)|[a-z]{1,12}+-[a-z]{1,12}+)[ ]){0,2}"
        r"(?i:data[ -]?cent(?:er|re)(?:s|[ ]projects)|datacent(?:er|re)s)(?![A-Za-z]))",
        regex.VERSION1, **L, ignore_unused=True,
    )
    inf = words["infix"]
    infix = regex.compile(rf"[ ]?(?P<i>[{regex.escape(inf['approx'] + inf['lower'])}])(?P<big>万亿|萬億|[万萬亿億만억조兆])?")

    # ------------------------------------------------------------ units after the number
    suffix = {}
    for lang in ("ko", "ja", "zh"):
        suffix.update(money["suffix"][lang])
    guards = money["guard_not_before"]
    special = set(guards) | {"불", "弗"}
    L["money_cjk"] = variants(w for w in suffix if w not in special)
    L["money_en"] = variants(money["suffix"]["en"])
    money_pat = (
        rf"(?P<money>\L<money_cjk>|{guarded(guards, L, 'mg')}"
        r"|(?<![ ])불(?=[을로의에는은를]|규모|어치|상당|[^가-힣]|$)|弗(?!\p{Han}))"
        r"|(?P<money_en>(?i:\L<money_en>))(?![A-Za-z])(?!(?<=(?i:pounds?))[ ]of[ ])"  # "26.5 million pounds of steel"
    )
    pw = units["power"]
    L["power_sym"] = sorted(pw["symbol"], key=len, reverse=True)
    L["power_cjk"] = [w for w in pw["word"] if not w.isascii()]
    L["power_en"] = [w for w in pw["word"] if w.isascii()]
    power_pat = (
        r"(?P<power>\L<power_sym>(?![A-Za-z0-9])|(?i:\L<power_en>)(?![A-Za-z]|[- ]hours?)"
        r"|\L<power_cjk>(?!시|時|时|アワー|・?時))"
    )
    ar = units["area"]
    L["area_cjk"] = [w for w in ar["word"] if not w.isascii() and w not in units["guard_not_before"]]
    L["area_en"] = variants(w for w in ar["word"] if w.isascii())
    area_pat = (
        r"(?P<area>(?:m²|km²|ft²)|(?:m2|km2|ft2)(?![A-Za-z0-9])"
        r"|(?:(?:adjacent|additional|new|contiguous|undeveloped|vacant|more)[ ])?(?i:\L<area_en>)(?![A-Za-z])|(?i:sq\.?[ ]?(?:km|ft|m)\.?)(?![A-Za-z])"
        rf"|\L<area_cjk>|{guarded(units['guard_not_before'], L, 'ag')})"
    )
    wf = words["wafer"]
    size = r"(?:(?:12|8)[- ]?inch(?:es)?[ -](?:equivalent[ ])?|(?:300|200)[- ]?mm[ ])?(?:(?i:semiconductor|silicon)[ ])?"
    L["wafer_size"] = wf["sizes"]
    L["wafer_noun"] = wf["nouns"]
    wafer_month = (
        rf"(?P<wafer_month>{size}(?i:wafers?(?:[ ]starts?)?|WSPM)"
        r"(?:[ ](?:per|a|each|every)[ ]month|[ ]?/[ ]?(?:month|mo)|[ ]monthly)(?![A-Za-z])"
        r"|(?:wpm|WPM|wspm|WSPM|kwpm)(?![A-Za-z])|장[ ]?/[ ]?월|枚[ ]?/[ ]?月|片[ ]?/[ ]?(?:月|M(?![A-Za-z]))"
        r"|片(?:的)?(?:\L<wafer_size>)?(?:晶圆|晶圓)?(?:的)?(?:月产能|月產能|月产量|月產量))"
    )
    wafer_year = (
        rf"(?P<wafer_year>{size}(?i:wafers?)(?:[ ](?:per|a|each|every)[ ]year|[ ](?:annually|yearly|per[ ]annum)|[ ]?/[ ]?year)(?![A-Za-z])"
        r"|장[ ]?/[ ]?년|枚[ ]?/[ ]?年|片[ ]?/[ ]?(?:年|A(?![A-Za-z]))|片(?:的)?(?:\L<wafer_size>)?(?:晶圆|晶圓)?(?:的)?(?:年产能|年產能|年产量|年產量))"
    )
    wafer_count = (
        rf"(?P<wafer>{size}(?i:wafers)(?![A-Za-z])|장(?:의)?[ ]?(?:\L<wafer_size>[ ]?)?웨이퍼"
        r"|枚(?:の)?(?:\L<wafer_size>)?(?:ウエハー?|ウェハー?)|片(?:\L<wafer_size>)?(?:晶圆|晶圓|硅片))"
    )
    gp = words["gpu"]
    L["gpu_noun"] = variants(gp["nouns"])
    L["gpu_en"] = variants(gp["english"])
    L["gpu_vendor"] = gp["vendors"]
    L["gpu_card"] = gp["card_after"]
    L["gpu_adj"] = gp["english_adjectives"]
    L["gpu_vendor_chip"] = variants(gp["vendor_chips"])
    model = r"[A-Z]{1,3}\d{2,4}[A-Z]?"
    cjk_counter = "개|대|장|기|枚|個|个|块|塊|張|张|颗|顆|基|台|片"
    gpu_pat = (
        rf"(?P<gpu>(?:{cjk_counter})(?:의|の)?[ ]?(?:(?:\L<gpu_vendor>|{model}|[A-Z][A-Za-z0-9]{{0,12}}+)[ ]?){{0,2}}(?:\L<gpu_noun>|\L<gpu_vendor_chip>)"
        rf"|(?:(?:[A-Z][A-Za-z0-9'’\-/]{{0,20}}+|[a-z]{{0,12}}+\d[A-Za-z0-9\-]{{0,12}}+|[a-z]{{1,12}}+-[a-z]{{1,12}}+|(?i:\L<gpu_adj>))[ ]){{0,3}}"
        r"[\"“]?(?i:\L<gpu_en>)[\"”]?(?![A-Za-z])"
        rf"|(?:(?:[A-Z][A-Za-z0-9'’\-]{{0,20}}+|(?i:\L<gpu_adj>))[ ]){{0,2}}{model}(?:/{model}|[ ]and[ ]{model})?[ ](?:chips|superchips|GPUs)(?![A-Za-z])"
        rf"|(?:(?i:\L<gpu_adj>)[ ])?(?:Nvidia[ ])?{model}s(?![A-Za-z])"
        r"|[ ]?GPU(?:를|을)?(?![A-Za-z])|卡(?=\L<gpu_card>)"
        rf"|(?:{cjk_counter})(?:의|の)?[ ]?(?:엔비디아[ ]?|英伟达|英偉達|Nvidia[ ]|NVIDIA[ ]?)?{model}(?![A-Za-z0-9]))"
    )
    dc_pat = (
        r"(?P<datacenter>\L<dc_counter>(?:以上|이상)?(?:의|の|で)?[ ]?(?:\L<dc_mod>[ ]?){0,2}\L<dc_noun>(?![ ]?\L<dc_not>)"
        r"|(?:(?:(?i:\L<dc_adj>)|[a-z]{1,12}+-[a-z]{1,12}+)[ ]){0,2}(?i:\L<dc_en>)(?![A-Za-z])"
        # "730여 데이터센터", "50以上のデータセンター", "5つの新データセンター", "100カ所以上でデータセンター"
        r"|[ ]?\L<dc_noun>(?<=[여余多][ ]?\L<dc_noun>)|(?:つ|拠点)(?:以上)?(?:の|で)?(?:新|新た?な)?\L<dc_noun>"
        r"|(?:以上|이상)(?:의|の|で)?[ ]?(?:新|新た?な)?\L<dc_noun>)"
    )
    jb = words["jobs"]
    L["job_en"] = variants(jb["english"])
    L["job_adj"] = variants(jb["english_adjectives"])
    jobs_pat = (
        r"(?P<jobs>(?:(?i:\L<job_adj>)(?:[ -]|,[ ])){0,3}(?i:\L<job_en>)(?![A-Za-z])"
        r"|개[ ]?(?:이상의?|가량의|정도의|남짓의|여의)?(?:의)?[ ]?(?:신규[ ]?|새[ ]?|새로운[ ]?|양질의[ ]?|직접[ ]?|간접[ ]?|고용[ ]?)?일자리"
        r"|人(?:規模)?の(?:新規)?(?:雇用|従業員|雇用創出)|人を(?:新規)?(?:雇用|採用)"
        r"|[个個](?:\p{Han}{0,6}?)(?:就业岗位|工作岗位|就业机会|工作机会|就業機會|工作機會|工作崗位|就業崗位|岗位|崗位|职位|職位)"
        r"|名(?:新)?(?:员工|員工|雇员|雇員|职工|職工))"
    )
    L["people_en"] = jb["people_english"]
    persons = (
        r"(?P<persons>(?:(?i:\L<job_adj>)[ -]){0,2}(?i:\L<people_en>)(?![A-Za-z])|명|人(?!次|民|口|工|们|們|气|氣|材|物|间|間|生|类|類|選)"
        r"|名(?!字|单|單|称|稱|义|義|古|前|門|门))"
    )
    unit_alts = [wafer_month, wafer_year, wafer_count, dc_pat, gpu_pat, jobs_pat, power_pat, area_pat, money_pat, persons]
    L["counters"] = words["counter"]["all"]
    counter = regex.compile(r"[ ]?(?P<c>\L<counters>)(?![A-Za-z])", regex.VERSION1 | regex.IGNORECASE, **L, ignore_unused=True)

    # ------------------------------------------------------------ counted nouns before a numeral (read right to left)
    before = words["before"]
    L["pre_en"] = variants(w for w in before if w.isascii() and w[0].isalpha())
    L["pre_ko"] = variants(w for w in before if "가" <= w[0] <= "힣")
    L["pre_cjk"] = variants(w for w in before if not w.isascii() and not ("가" <= w[0] <= "힣") and w not in ("約", "约", "≈"))
    # the currency and words right before a numeral are looked up in dictionaries
    # (dashboard.parse.before); these lists only give their last characters below
    L["cur_signs"] = sorted((w for w in money["prefix"] if w not in L["cur_letters"]), key=len, reverse=True)
    L["q_month"] = variants(wf["month"])
    L["q_year"] = variants(wf["year"])
    L["q_jobs"] = variants(jb["before"])
    q = regex.compile(
        r"(?r)(?:(?P<q_gpu>(?<![A-Za-z0-9])(?:[A-Z]{2,3}\d{2,4}|[A-Z]\d{3,4}|H20)[A-Z]?|GPU|TPU|NPU|\L<gpu_noun>|\L<gpu_vendor_chip>)"
        r"|(?P<q_month>(?<![0-9])(?:월[ ]?(?:간[ ]?)?(?:평균[ ]?)?(?:생산[ ]?능력|생산량|생산|캐파|처리[ ]?능력|투입[ ]?능력|투입량)?(?:은|는|이|을|가)?"
        r"|月産(?:能力)?(?:は|で|が)?|月間(?:生産能力)?|(?<![0-9一二三四五六七八九十])月|月产(?:能)?(?:达|为|達|為)?|月產(?:能)?(?:达|達|為)?|每月"
        r"|月投片(?:量)?(?:达|達|为|為)?|(?i:monthly[ ](?:capacity|output|production)[ ]of)))"
        r"(?:[ ]?(?:将|將)?(?:可达|可達|达到|達到|达|達|突破|超过|超過|提升至|增加至|扩大至|擴大至))?"
        r"(?:[ ]?(?:也将从|也將從|将从|將從|从|從))?"
        r"|(?P<q_year>(?<![0-9])(?:연간[ ]?(?:생산[ ]?능력|생산량|생산|캐파)?(?:은|는|이|을|가)?|年産(?:能力)?(?:は|で|が)?|年間(?:生産能力)?|年产(?:能|量)?(?:达|为|達|為)?|年產(?:能|量)?(?:达|達|為)?|每年"
        r"|(?i:annual[ ](?:capacity|output|production)[ ]of)))"
        r"(?:[ ]?(?:将|將)?(?:可达|可達|达到|達到|达|達|突破|超过|超過|提升至|增加至))?"
        r"|(?P<q_jobs>\L<q_jobs>)"
        r"|(?P<q_dc>\L<dc_noun>))"
        # what may stand between the word and the number: a quote, a quoted model name, a
        # gloss in brackets, a chip noun, "の数", a wafer size, words of a capacity phrase
        r"[」』”\"'’]?(?:[ ]?[「『“\"][A-Za-z0-9 .\-]{1,16}+[」』”\"])?(?:[ ]?[(][^()\n]{1,16}+[)])?"
        r"(?:[ ]?(?:芯片|晶片|칩|チップ|GPU))?(?:の数|数)?"
        r"(?:[ ]?(?:\L<wafer_size>)[ ]?(?:웨이퍼|ウエハー?|ウェハー?|晶圆|晶圓)?[ ]?(?:투입[ ]?)?(?:기준)?(?:으로)?)?"
        r"(?:[ ]?(?:규모|규모는|규모로|능력|能力|規劃|规划|規模|规模|計畫|计划|預計|预计|約|约|達|达|為|为|將|将|可|拡大|増強)){0,3}+"
        r"[ ]?(?:를|을|이|가|은|는|を|が|は|の|에|で)?[ ]?(?:(?:총|合計|合计|共|총합|약|約|约|逾|超过|超過|近)[ ]?)?",
        regex.VERSION1, **L, ignore_unused=True,
    )

    # ------------------------------------------------------------ words after
    after = words["after"]
    L["post_en"] = variants(w for w in after if w.isascii() and w[0].isalpha())
    L["post_cjk"] = variants(w for w in after if not w.isascii() and w != "超")
    post = regex.compile(
        r"(?:(?<![ ])-plus|\+|[ ]?(?:(?i:\L<post_en>)(?![A-Za-z])|\L<post_cjk>|超(?![越出級级市前车車节節])"
        r"|(?P<dae>대)(?![가-힣]|$)|대(?=[의로에를가인]|$)|(?P<geup>급)(?![증감락등변히격여])))",
        regex.VERSION1, **L, ignore_unused=True,
    )

    # ------------------------------------------------------------ filters and links
    flt = words["filter"]
    L["quote_ctx"] = variants(flt["quote_context"])
    quote_ctx = regex.compile(
        r"\L<quote_ctx>|[兑兌](?:美元|人民币|人民幣|日元|日圓|欧元|歐元|港元|港幣|新台币|新台幣)"
        r"|(?i:\L<quote_ctx>|\bthe[ ](?:dollar|greenback|yen|won|yuan|euro|renminbi|ringgit|rupee|pound)\b"
        r"|\bper[ ](?:dollar|euro)\b|against[ ]the[ ](?:dollar|euro|yen))",
        regex.VERSION1, **L, ignore_unused=True,
    )
    quote_after = regex.compile(r"[ ]?(?i:per|to[ ]the|against[ ]the|a)[ ](?:U\.S\.[ ]|US[ ])?(?:dollar|euro)\b")
    sentence_end = regex.compile(r"[。\n!?！？]|\.[ ]")
    fx_quote = regex.compile(r"[ ]?(?:=|당|につき|兑|兌)[ ]?\Z")
    L["jobs_ctx"] = jb["context"]
    jobs_ctx = regex.compile(r"(?i:\L<jobs_ctx>)", regex.VERSION1, **L, ignore_unused=True)

    rng = words["range"]
    range_sep = regex.compile(r"(?:~|-|–|—|〜|[ ]?(?:~|〜|–|—|-|to|내지|에서|至|到|から|or)[ ]?)\Z")
    range_sep_full = regex.compile(r"[ ]?(?:-|–|—|~|〜|to|至|到|내지)[ ]?\Z")
    between = regex.compile(r"(?i:between)[ ]\Z")
    # the low end of a range right before a numeral, bare ("2천-", "4万〜"): read right to left
    range_low = regex.compile(rf"(?r)(?<![0-9,.])[0-9][0-9,.]{{0,12}}[{big1}千천百백十]?[ ]?(?:~|-|–|〜|至|到)[ ]?\Z")
    change_lead = regex.compile(r"(?i:from)[ ]\Z|에서[ ]?\Z|から\Z")
    filler = regex.compile(
        r"(?:[\s,、;/・:=≈]|한화로?|원화로?|원화[ ]?환산|우리[ ]?돈으로?|환산(?:시|하면)?|기준(?:으로)?|상당(?:의)?|규모|환율|약"
        r"|相当(?:額)?|相當|規模|规模|约合|約合|折合|相当于|相當於|換算で?|换算|円換算で?|日本円で|ドル換算で?|円で|合|約|约|约为|約為|逾|超過|超过|近"
        r"|(?i:about|approximately|around|roughly|some|or|nearly|over|more[ ]than|equivalent(?:[ ]to)?|at[ ]current(?:[ ]exchange)?[ ]rates?|in[ ](?:us[ ])?dollars|us|usd|rmb|i\.e\.|worth))*+\Z",
        regex.VERSION1,
    )
    paren_open = regex.compile(r"[ ]?[(]")
    lst = words["lists"]
    L["joiners"] = lst["joiners"]
    L["list_adj"] = sorted(set(L["dc_adj"]) | set(L["gpu_adj"]) | set(L["job_adj"]), key=len, reverse=True)
    L["money_followers"] = variants(lst["carried_money_followers"])
    list_gap = regex.compile(
        r"(?:[ ](?:(?i:\L<list_adj>)|[a-z]{1,12}+-[a-z]{1,12}+))?(?:,[ ]|,?[ ](?:\L<joiners>)[ ])(?:[A-Z][A-Za-z0-9’'.\-]{0,20}+[ ]){0,3}+",
        regex.VERSION1, **L, ignore_unused=True,
    )
    dc_after_power = regex.compile(
        r"[ ](?:[A-Z][A-Za-z0-9\-]{1,15}+[ ]){0,2}+(?:(?i:\L<dc_adj>)[ ]){0,2}+(?i:\L<dc_en>)(?![A-Za-z])",
        regex.VERSION1, **L, ignore_unused=True,
    )
    carried_money_end = regex.compile(
        r"[ ]?[,.;:)—–]|[ ](?:\L<money_followers>)(?![A-Za-z])|[ ]?\Z", regex.VERSION1, **L, ignore_unused=True
    )

    # headline style money without a currency word (Korean 억/조, Chinese 亿/億)
    ko_implied = regex.compile(
        r"[ ]?(?:을|를|이|가|은|는|의|에|에서|으로|로|과|와|씩|대의?)?[ ]?(?:[가-힣A-Za-z0-9']{1,6}+[ ](?=투자|프로젝트))?"
        r"(?:프로젝트|규모|투자|투입|지원|매출|영업이익|순이익|예산|자금|펀드|출자|조성|보조금|손실|적자|흑자|계약|수주|들여|쏟아|베팅|추가[ ]투자|집행)"
    )
    ko_implied_pre = regex.compile(
        r"(?r)(?:매출액?|영업익|영업이익|영업손실|순이익|순익|순손실|당기순이익|시총|시가총액|순매수|순매도|거래대금|투자액?|투자금"
        r"|예산|추경|적자|흑자|손실|보조금|지원금|자금|펀드|수주액?|수주잔고|계약액|인수가|몸값|기업가치|배당금?|세수|부채)"
        r"[ ]?(?:은|는|이|가|을|를|도|만|액)?[ ]?"
    )
    # "557억 달러(약 74조)": a bare 억/조 restating a money figure in Korean text is won
    ko_paren = regex.compile(r"(?r)(?:달러|엔|위안|유로|원|파운드)[ ]?[(][ ]?(?:약|대략)?[ ]?")
    # "約7300億支援": a bare 億/兆 before a money word in Japanese text is yen
    ja_implied = regex.compile(r"(?:を|の|が|超の|規模の)?(?:支援|投資|補助|出資|助成|拠出|融資)")
    zh_implied = regex.compile(
        r"(?r)(?:投资|投資|投入|资金|資金|总额|總額|规模|規模|募资|募資|融资|融資|注资|注資|出资|出資|拨款|撥款|补贴|補貼|营收|營收|预算|預算|注册资本|註冊資本|资本|資本|资金量|資金量|增加到|增至)"
        r"(?:额|額|金额|金額)?(?:为|為|达|達|约|約|逾|超|超过|超過|近|高达|高達|共|合计|合計|将近|將近)?[ ]?"
    )

    # documents: currency declarations and regional context for a bare 元 / $
    decl = money["declaration"]
    L["decl_zh"] = decl["zh_prefix"]
    L["decl_en"] = decl["en"]
    L["cur_names_zh"] = ["人民幣", "人民币", "新台幣", "新台币", "台幣", "台币", "港元", "港幣", "港币", "美元", "美金", "日元", "日圓", "韓元", "韩元", "歐元", "欧元"]
    declaration = regex.compile(
        r"[(]\s?(?:(?:\L<decl_zh>)[ :,]?)?(?P<zh>\L<cur_names_zh>)(?:元)?[ ,;、]{0,2}+(?:下同|以下同|以下同此|以下皆同|以下均同|下皆同|同)[)]"
        r"|[(]\s?(?:\L<decl_zh>)[ :,]?(?P<zh2>\L<cur_names_zh>)(?:元)?[)]"
        r"|[(](?i:\L<decl_en>)[ ](?P<en>US\$|U\.S\.[ ]dollars|US[ ]dollars|NT\$|HK\$|S\$|RM|yuan|RMB|yen|won)[ ]?[)]",
        regex.VERSION1, **L, ignore_unused=True,
    )
    ctx = money["context"]
    # one list (faster to search than one alternative per region); region_code maps a word to its currency
    region_code: dict[str, str] = {}
    for code, table in ctx.items():
        if code != "traditional":
            for w in table["words"]:
                region_code.setdefault(w, code)
    L["region_words"] = sorted(region_code, key=len, reverse=True)
    # a Latin-letter marker stands as a word ("RM" is not the end of "FORMOSA")
    L["region_cjk"] = [w for w in L["region_words"] if not w[0].isascii()]
    L["region_latin"] = [w for w in L["region_words"] if w[0].isascii()]
    region = regex.compile(r"\L<region_cjk>|(?<![A-Za-z])\L<region_latin>(?![A-Za-z])", regex.VERSION1, **L, ignore_unused=True)

    universe = universe_of(L, "".join(unit_alts), post.pattern, scale.pattern)
    unit = Dispatch(unit_alts, L, universe)
    unit_first = unit.first_any
    post_first = first_chars(post, universe)
    scale_first = first_chars(scale, universe)
    last = {"~", "≈", "約", "约"}
    for name in ("pre_en", "pre_ko", "pre_cjk", "cur_letters", "cur_signs"):
        for w in L[name]:
            last.update((w[-1], w[-1].upper(), w[-1].lower()))
    ns = SimpleNamespace(
        unit_first=unit_first, post_first=post_first, scale_first=scale_first, prefix_last=frozenset(last),
        run=run, number_words=number_words, scale=scale, infix=infix, unit=unit, counter=counter, q=q, post=post,
        quote_ctx=quote_ctx, quote_after=quote_after, sentence_end=sentence_end, fx_quote=fx_quote,
        jobs_ctx=jobs_ctx, range_sep=range_sep, range_sep_full=range_sep_full, between=between, range_low=range_low,
        change_lead=change_lead, filler=filler, paren_open=paren_open, list_gap=list_gap,
        dc_after_power=dc_after_power, carried_money_end=carried_money_end, ko_implied=ko_implied,
        ko_implied_pre=ko_implied_pre, zh_implied=zh_implied, ko_paren=ko_paren, ja_implied=ja_implied, declaration=declaration, region=region, region_code=region_code,
        region_codes=tuple(sorted(set(region_code.values()) | {"CNY"})),
        cur_last=frozenset(w[-1] for w in money["prefix"]),
        counter_first=frozenset(c for w in L["counters"] for c in (w[0], w[0].upper(), w[0].lower())),
        infix_first=frozenset(inf["approx"] + inf["lower"]),
        # what may follow a numeral that is (part of) a figure: a scale word, an infix, a unit,
        # a counter, or a range separator; after one space or hyphen too
        follow_first=(unit_first | scale_first | frozenset(inf["approx"] + inf["lower"])
                      | frozenset(c for w in L["counters"] for c in (w[0], w[0].upper(), w[0].lower()))
                      | frozenset(w[0] for w in rng["separators"])) - {" "},
        big_chars=frozenset("万萬만億亿억조兆"),
        # lower-case words that may follow a figure's numeral and a space: a unit, a scale word, a range word
        follow_words=frozenset(w.split(" ")[0].lower() for w in L["scale_words"] if w[:1].isalpha())
        | {"to", "or", "and", "k", "m", "b", "cr", "plus"},
        # lower-case words that may begin a unit after a number and a space (see reader._unit)
        en_unit_words=frozenset(
            w.split(" ")[0].split("-")[0].lower()
            for name in ("money_en", "power_en", "area_en", "gpu_en", "gpu_adj", "dc_en", "job_en", "job_adj", "people_en", "counters")
            for w in L[name] if w[:1].isascii()
        ) | {"wafer", "wafers", "semiconductor", "silicon", "wpm", "wspm", "kwpm", "sq", "ha", "new", "more", "additional", "large", "hyperscale", "ai",
             "giant", "massive", "planned", "existing", "upcoming", "operational", "operating", "other", "separate",
             "m", "km", "ft", "mw", "gw", "kw", "u", "adjacent", "contiguous", "undeveloped", "vacant"},
        quote_first=first_chars(quote_ctx, universe | set("".join(L["quote_ctx"])) | set(quote_ctx.pattern)),
    )
    ns.follow_words = ns.follow_words | ns.en_unit_words
    return ns
