"""Find every amount of money and counted quantity in a text.

How a figure is read (all patterns are compiled once at import):

1. A numeral run (:data:`dashboard.parse.numerals.RUN_RE`): "2조5000억",
   "1,000", "四千億", "6・2兆". Runs glued to letters ("H200", "FY2025",
   "GB200 NVL72") are not runs at all.
2. Right after it: an English/Indian scale word ("bn", "billion", "crore",
   "lakh crore"; the single letters k/m/b only after a currency sign), an
   approximate infix (여/余/餘/多: "10조여원", "100多亿元"), then a unit: a
   currency word (원, 円, 美元, dollars, ...), a power unit, an area unit, a
   wafer rate, an accelerator count ("10만 개의 GPU", "100,000 GPUs"), or a
   job count ("3,000 jobs", "일자리 1만 개").
3. Right before it: a currency sign or code (US$, ₩, Rs, 人民币, 新台幣...),
   approximation/bound words, or a word that makes a counter meaningful
   ("GPU 26만 장", "월 10만 장", "雇用2000人").
4. Right after the unit: approximation/bound words (가량, 以上, or more, ...).

A numeral with no unit is never a figure: years, dates, percentages,
durations, ordinals, process nodes, model names and view counts have none of
the units above and are skipped by construction.

Approximation and bounds (documented choice):

* approx: 약, 대략, 얼추, 거의, 가량, 정도, 안팎, 내외, 쯤, 수준, 여 (infix), 대 (1조원대),
  約, 约, 大约, 约合, 折合, およそ, ほぼ, 概ね, 程度, 前後, ほど, 余り, 余, 近く, 弱, 強,
  左右, 上下, 近, 多 (infix), about, approximately, around, roughly, some,
  nearly, almost, close to, an estimated, circa, ~, ≈, "or so". "nearly" and
  弱 mean "a little under" and are read as approx, not as a bound.
* upper bound: 최대, 최고, 이하, 미만, 이내, 最大, 最多, 最高, 多达, 高达, 至多, 不到, 不足,
  低于, 未満, 以下, 以内, up to, as much as, as many as, at most, no more than,
  as high as, under, below, less than, fewer than, "or less".
* lower bound: 최소, 적어도, 이상, 초과, 넘게, 넘는, 남짓 (also approx), 以上, 超, 超过,
  逾, 至少, 最低, 少なくとも, を超える, を上回る, more than, over, above, at least,
  upwards of, in excess of, exceeding, north of, no less than, "or more",
  "-plus", "+".
* A range "200억~300억 달러", "$10-20 billion", "100亿至200亿美元" gives two
  figures, the low end with bound "lower" and the high end with bound
  "upper"; the low end takes the unit (and, when written bare, the scale) of
  the other end.

People: "명/人/名/people" count as jobs (unit ``employee``) only when a word
about employment (고용, 채용, 일자리, 인력, 직원, 雇用, 従業員, 就业, 员工, 岗位, hire,
employ, jobs, workforce, ...) stands within 30 characters, and the number is
at least 10 ("3명이 참석했다" is not a figure). "jobs", "employees",
"workers", "positions", "일자리 N개", "N个就业岗位", "N人の雇用" are always jobs.

Ranges: "200억~300억 달러" (also ∼, ～, 〜, -, –, to, 至, 到, から, 내지) as above; both
ends written in full ("$70 billion-$72 billion", "200억 달러~300억 달러",
"between $3 billion and $4 billion") are a range too, but "from $3.2 billion to
$4.1 billion" and "9만5000원에서 11만원으로" are a change, two plain figures. An
approximation word on either end ("약 200억~300억 달러", "4억~5억원 수준") marks
both ends approx.

Judgement calls on real news text (documented decisions):

* Share prices, target prices, per-unit prices (ASP, "개당 500달러"), dividends
  and earnings per share are money figures like any other amount: "주가는
  7만2300원", "株価は3,550円", "股价收于1,480元", "$112.40". Consumers that want
  investment amounts only filter on size or context; the parser does not guess.
* Exchange-rate quotes are not figures: "달러당 1,392.5원", "1ドル=151円台",
  "1美元兑7.12元", "the dollar traded at 151.20 yen", and their changes ("환율은
  3.2원 내린"). Rule: a plain money amount below 1,000,000 with no scale word is
  dropped when an exchange-rate word (환율, 원·달러, 為替, 円相場, 汇率, 匯率,
  exchange rate, the dollar/yen/won, ...) stands earlier in the same sentence
  within 40 characters, or "per dollar" follows. Large amounts near such words
  ("為替差益で純利益は2,980億円") stay.
* Stock-index levels and point moves are not figures ("코스피 2,571.40", "KOSPI
  2,500선", "3,380.21点", "19,842.5"): they carry no unit. The same holds for
  index levels written in yen, "日経平均株価は612円高の3万9457円" (same rule as
  exchange rates, with 日経平均 / 平均株価 / ダウ平均 as the context words).
* Amounts without a digit are not figures: 수천억원, 수조 원대, 数千億円, 几百亿元,
  "tens of billions of dollars", 月産数千枚. There is no value to report.
* Korean headlines drop the currency: "영업익 6.5조", "시총 200조 돌파",
  "美에 3.7兆 투자" are KRW (a 억/조 numeral after a money noun such as 매출,
  영업익, 시총, 순매수, 투자, or before one such as 투자, 규모). Numbers in a table
  whose unit sits only in a header ("(단위: 억원) 매출 12,345") are not figures.
* 弗 after a number in Korean text is USD ("78억6500만弗"), unless a Han character
  follows (弗吉尼亚 is Virginia).
* Size classes are approximate: "1GW급", "100MW급" like "1조원대".
  "돌파/突破/を突破" (crossing a mark) set no bound; "넘는/넘게/を超え(た)/超" do.
  A bound word after a restatement's closing parenthesis qualifies both
  figures: "80億ドル（約1兆2000億円）超".
* Counted things: a bare count with the same counter word as a GPU or wafer
  count read shortly before (150 characters) counts the same thing: "GPU 26만
  장을 공급하고 이 가운데 삼성전자가 5만 장을 확보" gives two GPU figures (from 100
  up). Between the GPU word and its count may stand a quoted model name, a
  gloss in brackets or a chip noun: "GPU「H200」を約1万基", "ＧＰＵ（画像処理半導体）を
  約２万基", "H100芯片1万块", "GPUの数は4000基". English ellipsis ("10,000 GPUs
  this year and 30,000 by 2030") is not followed: the second count has no unit.
* Attendees, shareholders and other people counts are not jobs ("관계자 300여 명이
  참석", "About 2,500 people attended"); people are jobs only near an
  employment word (see above; 근무/勤務 count as employment words).
* Memory sizes, bandwidth, energy (GWh, kWh, キロワット時, 千瓦时), chip power in W
  and kV, temperatures, FLOPS are not figures; 亩 (10000/15 m²) is an area.

Restatements: a figure inside parentheses right after another figure, with
only words (no digits) before it inside the parentheses, restates it:
"1000억엔(약 9800억원)", "3,440億元（約新台幣1.42兆元）", "$500 billion (about
700조원)". Its ``restates`` is the first figure; the first figure's
``restated_by`` lists the restatements.

>>> from dashboard.parse.extract import extract_figures
>>> [(f.value, f.unit, f.approx) for f in extract_figures("총 400억엔(약 3620억원)을 투자한다")]
[(40000000000.0, 'JPY', False), (362000000000.0, 'KRW', True)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from dashboard.errors import ParseError
from dashboard.parse.currencies import PREFIXES, SUFFIXES, YUAN, resolve, text_says_yuan
from dashboard.parse.figure import Figure
from dashboard.parse.numerals import BIG_UNITS, RUN_RE, SCALE_WORDS, Run, fold, read_run
from dashboard.parse.quantities import AREA, CANONICAL, POWER

__all__ = ["extract_figures", "parse_amount"]

_SP = r"[ \u00a0]?"


def _alt(words) -> str:
    """Regex alternation of literal words, longest first; spaces may vary."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        out.append(re.escape(w).replace(r"\ ", r"[ \u00a0]?"))
    return "|".join(out)


def _is_ascii(w: str) -> bool:
    return all(ord(c) < 128 for c in w)


# ---------------------------------------------------------------- scale words
_SCALE_RE = re.compile(
    r"(?:[ \u00a0]|-)?(?:(?P<w>(?i:lakh[ ]?crores?|lac[ ]?crores?|thousand|million|billion|trillion|mln|mn|bln|bn|trn|tn|lakhs?|lacs?|crores?))"
    r"|(?P<l>[kKmMbB]|cr|Cr))(?![A-Za-z0-9])"
)
_INFIX_RE = re.compile(r"[ ]?(?P<i>[여余餘多+])(?P<big>万亿|萬億|[万萬亿億만억조兆])?")

# ---------------------------------------------------------------- units after
_SPECIAL_SUFFIX = {"원", "엔", "불", "元", "弗"}
_CJK_MONEY = _alt(w for w in SUFFIXES if not _is_ascii(w) and w not in _SPECIAL_SUFFIX)
_EN_MONEY = _alt(w for w in SUFFIXES if _is_ascii(w))
_MONEY = (
    rf"(?P<money>{_CJK_MONEY}|원(?!전|자력|자재|자로|칙)|엔(?!비디아|지니어|진|터|씨|드|젤|트리|저|가젯|솔)"
    rf"|(?<![ ])불(?=[을로의에는은를]|규모|어치|상당|[^가-힣]|$)|弗(?![\u4e00-\u9fff])|元(?!素|旦|老|首|年|朝|帥|帅|の|社|大統領))"
    rf"|(?P<money_en>(?i:{_EN_MONEY}))(?![A-Za-z])"
)
_POWER_CJK = [w for w in POWER if not _is_ascii(w)]
_POWER = (
    r"(?P<power>(?:GW|MW|kW|KW|TW)(?![A-Za-z0-9])|(?i:gigawatts?|megawatts?|kilowatts?)(?![A-Za-z]|[- ]hours?)"
    rf"|(?:{_alt(_POWER_CJK)})(?!시|時|时|アワー))"
)
_AREA_CJK = [w for w in AREA if not _is_ascii(w) and w not in ("평", "m²", "km²", "ft²")]
_AREA = (
    r"(?P<area>(?:㎡|m²|km²|ft²|㎢)|(?:m2|km2)(?![A-Za-z0-9])"
    r"|(?i:sq\.?[ ]?(?:km|ft|m)\.?|square[ -](?:met(?:er|re)s?|kilomet(?:er|re)s?|feet|foot)|acres?|hectares?)(?![A-Za-z])"
    r"|(?<=[ ])ha(?![A-Za-z])"
    rf"|{_alt(_AREA_CJK)}|평(?!균|가|택|화|창|양|생|소|판|등|년|일|상|점|론|범|온|정|행|야|면|형|준|안|민|의원))"
)
_WAFER_SIZE = r"(?:(?:12|8)[- ]?inch(?:es)?[ -](?:equivalent[ ])?|(?:300|200)[- ]?mm[ ])?"
_WAFER_MONTH = (
    rf"(?P<wafer_month>{_WAFER_SIZE}(?i:wafers?(?:[ ]starts?)?|WSPM)"
    r"(?:[ ](?:per|a|each|every)[ ]month|[ ]?/[ ]?(?:month|mo)|[ ]monthly)(?![A-Za-z])"
    r"|(?:wpm|WPM|wspm|WSPM|kwpm)(?![A-Za-z])|장[ ]?/[ ]?월|枚[ ]?/[ ]?月|片[ ]?/[ ]?月"
    r"|片(?:的)?(?:12英寸|8英寸|12吋|8吋)?(?:月产能|月產能))"
)
_WAFER_COUNT = (
    rf"(?P<wafer>{_WAFER_SIZE}(?i:wafers)(?![A-Za-z])|장(?:의)?[ ]?(?:12인치[ ]?|8인치[ ]?)?웨이퍼"
    r"|枚(?:の)?(?:ウエハー|ウェハー|ウエハ)|片(?:12英寸|8英寸|12吋|8吋)?(?:晶圆|晶圓))"
)
_GPU_NAME = (
    r"(?:GPU(?:s|[ ]?칩|芯片)?|TPUs?|NPUs?|AI[ ]?(?:칩|가속기|반도체|チップ|半導体|芯片)|가속기|그래픽처리장치"
    r"|アクセラレーター|加速卡|算力卡)"
)
_GPU_TOK_EN = (
    r"(?:[A-Z][A-Za-z0-9'’\-]*|[A-Za-z]*\d[A-Za-z0-9\-]*|[a-z]+-[a-z]+|more|new|additional|advanced|of)"
)
_GPU_TOK_CJK = r"(?:엔비디아|AMD|블랙웰|호퍼|루빈|최신|고성능|첨단|최첨단|英伟达|英偉達|エヌビディア|NVIDIA製の?|[A-Z][A-Za-z0-9]*|[A-Z]*\d+[A-Za-z0-9]*)"
_GPU = (
    r"(?P<gpu>(?:개|대|장|기|枚|個|个|块|張|张|颗|顆|基|台|片)(?:의|の)?[ ]?"
    rf"(?:{_GPU_TOK_CJK}[ ]?){{0,2}}{_GPU_NAME}"
    rf"|(?:{_GPU_TOK_EN}[ ]){{0,3}}(?:GPUs|graphics[ ]processing[ ]units|AI[ ](?:chips|accelerators)|accelerators|accelerator[ ]chips|TPUs|NPUs)(?![A-Za-z])"
    # chips named by an accelerator model: "400,000 Nvidia GB200 chips", "50,000 MI300X chips"
    rf"|(?:{_GPU_TOK_EN}[ ]){{0,2}}[A-Z]{{1,3}}\d{{2,4}}[A-Z]?[ ](?:chips|superchips)(?![A-Za-z])"
    r"|(?:Nvidia[ ])?[A-Z]{1,3}\d{2,4}[A-Z]?s(?![A-Za-z])"
    r"|GPU(?:를|을)?(?![A-Za-z])"
    r"|(?:개|대|장|枚|個|个|块|張|张|颗|顆|基|片)(?:의|の)?[ ]?(?:엔비디아[ ]?|英伟达|Nvidia[ ])?(?:[A-Z]{1,3}\d{2,4}[A-Z]?)(?![A-Za-z0-9]))"
)
_JOB_ADJ = (
    r"(?:new|more|direct|indirect|high-paying|high-wage|well-paying|permanent|full-time|construction|local|high-tech|tech"
    r"|skilled|manufacturing|additional|quality|good|engineering|semiconductor|factory|green|related|American|US|U\.S\.)"
)
_JOBS = (
    rf"(?P<jobs>(?:{_JOB_ADJ}[ -]){{0,2}}(?i:jobs|employees|workers|positions|staff|hires|job[ ]opportunities|employment[ ]opportunities)(?![A-Za-z])"
    r"|개(?:의)?[ ]?(?:신규[ ]?|새[ ]?|새로운[ ]?|양질의[ ]?|직접[ ]?|간접[ ]?|고용[ ]?)?일자리"
    r"|人(?:規模)?の(?:新規)?(?:雇用|従業員|雇用創出)|人を(?:新規)?(?:雇用|採用)"
    r"|个(?:直接|间接|新增|新的|新|本地)?(?:就业岗位|工作岗位|就业机会|工作机会|岗位|职位)|個(?:就業|工作)(?:機會|崗位)"
    r"|名(?:新)?(?:员工|員工|雇员|雇員|职工|職工))"
)
_PERSONS = r"(?P<persons>(?i:engineers|technicians|researchers)(?![A-Za-z])|명|人(?!次|民|口|工|们|們|气|氣|材|物|间|間|生|类|類|選)|名(?!字|单|單|称|稱|义|義|古|前|門|门)|(?i:people|persons)(?![A-Za-z]))"

_UNIT_RE = re.compile(rf"[ \u00a0-]?(?:{_WAFER_MONTH}|{_WAFER_COUNT}|{_GPU}|{_JOBS}|{_POWER}|{_AREA}|{_MONEY}|{_PERSONS})")
_COUNTER_RE = re.compile(r"[ ]?(?P<c>개|장|대|기|枚|個|个|块|張|张|颗|顆|基|台|片|명|人|名|(?i:units|chips))(?![A-Za-z])")

# ---------------------------------------------------------------- words before
_APPROX_PRE = {
    "약": "approx", "대략": "approx", "얼추": "approx", "거의": "approx", "어림잡아": "approx",
    "約": "approx", "约": "approx", "大约": "approx", "大約": "approx", "约合": "approx", "約合": "approx",
    "折合": "approx", "合计约": "approx", "大概": "approx", "およそ": "approx", "ほぼ": "approx",
    "概ね": "approx", "おおよそ": "approx", "近": "approx", "将近": "approx", "將近": "approx",
    "接近": "approx", "近い": "approx", "概算で": "approx", "概算": "approx",
    "约为": "approx", "約為": "approx", "大约为": "approx", "大約為": "approx", "约合为": "approx",
    "about": "approx", "approximately": "approx", "approx.": "approx", "approx": "approx",
    "around": "approx", "roughly": "approx", "some": "approx", "nearly": "approx", "almost": "approx",
    "close to": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "≈": "approx", "~": "approx",
    "최대": "upper", "최고": "upper", "最大": "upper", "最大で": "upper", "最多": "upper", "最高": "upper",
    "多达": "upper", "多達": "upper", "高达": "upper", "高達": "upper", "至多": "upper", "不到": "upper",
    "不足": "upper", "低于": "upper", "低於": "upper", "不超过": "upper", "不超過": "upper", "不高于": "upper",
    "up to": "upper", "as much as": "upper", "as many as": "upper", "at most": "upper",
    "no more than": "upper", "as high as": "upper", "under": "upper", "below": "upper",
    "less than": "upper", "fewer than": "upper", "just under": "upper",
    "최소": "lower", "적어도": "lower", "최저": "lower", "超过": "lower", "超過": "lower", "超": "lower",
    "逾": "lower", "至少": "lower", "最少": "lower", "最低": "lower", "少なくとも": "lower",
    "最低でも": "lower",
    "more than": "lower", "over": "lower", "above": "lower", "at least": "lower", "upwards of": "lower",
    "upward of": "lower", "in excess of": "lower", "exceeding": "lower", "north of": "lower",
    "no less than": "lower", "just over": "lower", "well over": "lower", "well above": "lower",
}


_Q_GPU = r"(?<![A-Za-z0-9])[A-Z]{1,3}\d{2,4}[A-Z]?|GPU|TPU|NPU|AI[ ]?(?:칩|가속기|반도체|チップ|半導体|芯片)|가속기|그래픽처리장치|加速卡|算力卡|アクセラレーター"
_Q_MONTH = (
    r"(?<![0-9])월[ ]?(?:간[ ]?)?(?:평균[ ]?)?(?:생산[ ]?능력|생산량|생산|캐파|처리[ ]?능력|투입[ ]?능력|투입량)?(?:은|는|이|을|을|가)?"
    r"|月産(?:能力)?(?:は|で|が)?|月間(?:生産能力)?|(?<![0-9一二三四五六七八九十])月|月产(?:能)?(?:达|为|達|為)?|月產(?:能)?(?:达|達|為)?|每月"
    r"|(?i:monthly[ ](?:capacity|output|production)[ ]of)"
)
_Q_JOBS = r"일자리|고용|채용|신규[ ]?고용|직원|임직원|인력|雇用|採用|従業員|就业岗位|工作岗位|岗位|崗位|就业|就業|员工|員工"
_Q_RE = re.compile(
    rf"(?:(?P<q_gpu>{_Q_GPU})|(?P<q_month>{_Q_MONTH})|(?P<q_jobs>{_Q_JOBS}))"
    # what may stand between the word and the number: a closing quote (「B200」を), a quoted
    # model name (GPU「H200」を), a gloss in brackets (GPU（画像処理半導体）を), a chip noun
    # (H100芯片), "の数" (GPUの数は)
    r"[」』”\"'’]?(?:[ ]?[「『“\"][A-Za-z0-9 .\-]{1,16}[」』”\"])?(?:[ ]?[(（][^()（）\n]{1,16}[)）])?"
    r"(?:[ ]?(?:芯片|晶片|칩|チップ|GPU))?(?:の数|数)?"
    r"[ ]?(?:를|을|이|가|은|는|を|が|は|の)?[ ]?(?:(?:총|合計|合计|共|총합)[ ]?)?\Z"
)


def _rev_alt(words) -> str:
    """Alternation of the reversed words, longest first (for right-to-left matching)."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        out.append(re.escape(w[::-1]).replace(r"\ ", r"[ \u00a0]?"))
    return "|".join(out)


def _rev_pre_word_pattern() -> str:
    en = [w for w in _APPROX_PRE if _is_ascii(w) and w[0].isalpha()]
    ko = [w for w in _APPROX_PRE if re.match(r"[가-힣]", w)]
    yak = {"約", "约"}
    cjk = [w for w in _APPROX_PRE if not _is_ascii(w) and w not in ko and w not in yak and w not in ("≈",)]
    return (
        rf"(?i:{_rev_alt(en)})(?![A-Za-z])"
        rf"|(?:{_rev_alt(ko)})(?![가-힣])"
        rf"|{_rev_alt(cjk)}"
        r"|[約约](?![契予集節节要公条條規规协協制盟确確簽签合成特解])"
        r"|≈|~(?![0-9억조만亿億万兆천千百십백])"
    )


_CUR_EN = [w for w in PREFIXES if re.fullmatch(r"[A-Za-z.]+", w)]
_CUR_LETTERED = [w for w in PREFIXES if w not in _CUR_EN and re.match(r"[A-Za-z]", w)]
_CUR_SIGNS = [w for w in PREFIXES if w not in _CUR_EN and w not in _CUR_LETTERED]
# matched on the reversed text just before the numeral: [space] currency [space] word [space] word
_PRE_REV_RE = re.compile(
    rf"[ \u00a0]?(?P<cur>(?:{_rev_alt(_CUR_EN + _CUR_LETTERED)})(?![A-Za-z])|{_rev_alt(_CUR_SIGNS)})?"
    rf"(?:[ \u00a0]?(?P<ab2>{_rev_pre_word_pattern()}))?(?:[ \u00a0]?(?P<ab1>{_rev_pre_word_pattern()}))?"
)
_CUR_LAST = frozenset(w[-1] for w in PREFIXES)


class _Pre:
    """What stands before a numeral: currency, approximation/bound words, counter word."""

    __slots__ = ("groups", "starts")

    def __init__(self) -> None:
        self.groups: dict[str, str] = {}
        self.starts: dict[str, int] = {}

    def group(self, name: str) -> str | None:
        return self.groups.get(name)

    def start(self, name: str) -> int:
        return self.starts[name]


def _prefix(text: str, rs: int, need_q: bool) -> _Pre:
    pre = _Pre()
    lo = max(0, rs - _PRE_WINDOW)
    window = text[lo:rs][::-1]
    m = _PRE_REV_RE.match(window)
    left = rs
    for g in ("cur", "ab2", "ab1"):
        if m.group(g):
            a, b = m.span(g)
            pre.groups[g] = text[rs - b : rs - a]
            pre.starts[g] = left = rs - b
    if need_q:
        q = _Q_RE.search(text, max(0, left - 40), left)
        if q is not None:
            for g in ("q_gpu", "q_month", "q_jobs"):
                if q.group(g):
                    pre.groups[g] = q.group(g)
                    pre.starts[g] = q.start(g)
    return pre


_PRE_WINDOW = 32

# ---------------------------------------------------------------- words after
_POST = {
    "가량": "approx", "정도": "approx", "안팎": "approx", "내외": "approx", "쯤": "approx", "수준": "approx",
    "程度": "approx", "前後": "approx", "ほど": "approx", "余り": "approx", "あまり": "approx", "余": "approx",
    "近く": "approx", "弱": "approx", "強": "approx", "左右": "approx", "上下": "approx", "前后": "approx",
    "or so": "approx", "남짓": "approx+lower", "가까이": "approx", "가까운": "approx", "에 육박": "approx",
    "에 가까운": "approx",
    "이상": "lower", "초과": "lower", "넘게": "lower", "넘는": "lower", "넘어": "lower", "超": "lower",
    "以上": "lower", "を超える": "lower", "を上回る": "lower", "超える": "lower", "上回る": "lower",
    "超の": "lower", "之多": "lower", "を超えた": "lower", "を超え": "lower", "超え": "lower",
    "を上回った": "lower", "가 넘는": "lower", "이 넘는": "lower", "가 넘게": "lower", "이 넘게": "lower",
    "를 넘는": "lower", "을 넘는": "lower", "를 넘겼": "lower", "을 넘겼": "lower",
    "or more": "lower", "and up": "lower", "-plus": "lower", "plus": "lower", "+": "lower",
    "이하": "upper", "미만": "upper", "이내": "upper", "未満": "upper", "以下": "upper", "以内": "upper",
    "or less": "upper", "or fewer": "upper", "を上限": "upper", "上限": "upper",
}
_POST_EN = [w for w in _POST if _is_ascii(w) and w[0].isalpha()]
_POST_RE = re.compile(
    rf"(?:(?<![ ])-plus|\+|[ ]?(?:(?i:{_alt(_POST_EN)})(?![A-Za-z])|{_alt(w for w in _POST if not _is_ascii(w))}"
    r"|(?P<dae>대)(?![가-힣]|$)|대(?=[의로에를가인]|$)|(?P<geup>급)(?![증감락등변히격여])))"
)

_RANGE_SEP = re.compile(r"(?:~|-|–|～|〜|[ ]?(?:~|～|〜|–|to|내지|에서|至|到|から)[ ]?)\Z")


_FILLER = re.compile(
    r"(?:[\s,、，;/・:：=≈]|한화로?|원화로?|원화[ ]?환산|우리[ ]?돈으로?|환산(?:시|하면)?|기준(?:으로)?|상당(?:의)?|규모|환율"
    r"|相当(?:額)?|相當|規模|规模|约合|約合|折合|相当于|相當於|換算で?|换算|円換算で?|日本円で|ドル換算で?|円で|合|約|约"
    r"|(?i:about|approximately|around|roughly|some|or|equivalent(?: to)?|at current(?: exchange)? rates?|in (?:us )?dollars|us))*\Z"
)
_PAREN_OPEN = re.compile(r"[ \u00a0]?[(（]")
_JOBS_CTX = re.compile(
    r"고용|채용|일자리|인력|직원|근로자|종업원|인원|근무|雇用|従業員|社員|採用|人員|勤務|就业|就業|员工|員工|岗位|崗位|雇员|雇員|職員|职工|招聘"
    r"|(?i:employ|hire|hiring|jobs|workforce|headcount|staff)"
)


@dataclass
class _Rec:
    """A numeral being read; ``unit`` is None while no unit was found."""

    s: int  # span start (prefix words included)
    e: int  # span end (post words included)
    rs: int  # numeral run start
    tail: int  # end of numeral + scale (+ infix), for range detection
    run: Run
    value: Fraction
    scale: int | None
    kind: str | None = None  # "money" | "quantity" | None (incomplete)
    unit: str | None = None  # ISO code or canonical unit
    ambiguous_yuan: bool = False
    prefix_cur: bool = False
    approx: bool = False
    bound: str | None = None
    factor: Fraction = Fraction(1)  # unit factor applied (GW -> MW), for ranges
    restates: int | None = None  # index into the record list


def _word_kind(table: dict[str, str], word: str) -> str:
    key = re.sub(r"[ \u00a0]+", " ", word)
    return table.get(key) or table.get(key.lower()) or table.get(key.replace(" ", ""), "")


def _apply(rec: _Rec, kind: str) -> None:
    if "approx" in kind:
        rec.approx = True
    if "lower" in kind:
        rec.bound = "lower"
    elif "upper" in kind:
        rec.bound = "upper"


class _Ctx:
    def __init__(self, text: str, locale: str | None) -> None:
        self.text = text
        self.locale = locale
        self._yuan: bool | None = None
        #: counter word -> (unit, end) of the last count read with it ("GPU 26만 장")
        self.counters: dict[str, tuple[str, int]] = {}

    @property
    def yuan_text(self) -> bool:
        if self._yuan is None:
            self._yuan = text_says_yuan(self.text)
        return self._yuan


_CARRY_UNITS = frozenset({CANONICAL["gpu"], CANONICAL["wafer_month"]})
_CARRY_COUNTERS = frozenset("장枚片块張张颗顆基개個个")
_CARRY_SPAN = 150


def _read(ctx: _Ctx, m: re.Match) -> _Rec | None:
    text = ctx.text
    rs, pos = m.span()
    run = read_run(m.group())
    scale = None
    letter = False
    sm = _SCALE_RE.match(text, pos)
    if sm:
        w = sm.group("w") or sm.group("l")
        key = re.sub(r"\s+", " ", w.lower())
        if key not in SCALE_WORDS:
            key = key.replace(" ", "")
            key = "lakh crore" if key.startswith(("lakhcrore", "laccrore")) else key
        scale = SCALE_WORDS.get(key)
        letter = sm.group("l") is not None
        if scale is not None:
            pos = sm.end()
    value = run.value * (scale or 1)
    tail = pos
    um = _UNIT_RE.match(text, pos)
    infix = plus = False
    if um is None:
        im = _INFIX_RE.match(text, pos)
        if im:
            um = _UNIT_RE.match(text, im.end())
            if um is not None:
                infix = im.group("i") != "+"
                plus = not infix
                tail = im.end()
                if im.group("big"):
                    value *= BIG_UNITS[im.group("big")]
    rec = _Rec(s=rs, e=tail, rs=rs, tail=tail, run=run, value=value, scale=scale)
    rec.approx = infix
    if plus:
        rec.bound = "lower"
    group = um.lastgroup if um is not None else None

    # look before the numeral only when it can matter
    pm = None
    before = rs - 1
    while before >= 0 and text[before] in " \u00a0":
        before -= 1
    need_pre = um is not None or (before >= 0 and text[before] in _CUR_LAST)
    counter = None
    if um is None:
        counter = _COUNTER_RE.match(text, pos)
        need_pre = need_pre or counter is not None
    if need_pre:
        pm = _prefix(text, rs, (um is None and counter is not None) or group in ("wafer", "persons"))
    cur = pm.group("cur") if pm is not None else None

    if cur:
        rec.kind = "money"
        rec.prefix_cur = True
        code = PREFIXES[cur.replace("\u00a0", " ")] if cur.replace("\u00a0", " ") in PREFIXES else PREFIXES.get(cur.replace(" ", ""), "USD")
        rec.ambiguous_yuan = code == YUAN
        rec.unit = resolve(code, locale=ctx.locale, yuan_text=code == "¥?" and ctx.yuan_text)
        if group in ("money", "money_en"):
            rec.e = um.end()
        else:
            rec.e = tail if not infix else m.end() if scale is None else tail
            rec.e = max(rec.e, m.end())
            if infix:  # "$10余" is not a thing
                rec.approx = False
    elif group in ("money", "money_en"):
        code = _word_kind(SUFFIXES, um.group(group))
        if not code:
            return rec
        rec.kind = "money"
        rec.ambiguous_yuan = code == YUAN
        rec.unit = resolve(code, locale=ctx.locale, yuan_text=ctx.yuan_text if code == "¥?" else False)
        rec.e = um.end()
    elif group is not None and group != "persons":
        rec.kind = "quantity"
        word = um.group(group)
        if group == "power":
            unit, factor = POWER.get(word) or POWER.get(word.lower()) or POWER[word.lower().rstrip("s")]
            rec.unit, rec.value, rec.factor = unit, rec.value * factor, factor
        elif group == "area":
            key = re.sub(r"[ \u00a0-]+", " ", word).lower().rstrip(".")
            hit = AREA.get(word) or AREA.get(key) or AREA.get(key.replace(".", "")) or AREA.get(key + "s")
            if hit is None:
                key2 = re.sub(r"sq\.? ?", "sq ", key)
                hit = AREA.get(key2)
            if hit is None:
                return rec
            rec.unit, rec.value, rec.factor = hit[0], rec.value * hit[1], hit[1]
        elif group == "wafer":
            month = pm is not None and pm.group("q_month")
            rec.unit = CANONICAL["wafer_month" if month else "wafer"]
        elif group in ("wafer_month", "gpu", "jobs"):
            rec.unit = CANONICAL[group]
            if group == "wafer_month" and word.lower() == "kwpm":
                rec.value *= 1000
        rec.e = um.end()
    elif group == "persons":
        lo, hi = max(0, rs - 30), min(len(text), um.end() + 30)
        if run.value * (scale or 1) >= 10 and _JOBS_CTX.search(text, lo, hi):
            rec.kind, rec.unit, rec.e = "quantity", CANONICAL["jobs"], um.end()
        elif pm is not None and pm.group("q_gpu"):
            rec.kind = None
    if rec.kind is None and pm is not None and (counter is not None or (um is not None and group == "persons")):
        c = counter.group("c") if counter is not None else um.group("persons")
        end = counter.end() if counter is not None else um.end()
        if pm.group("q_gpu") and c not in ("명", "人", "名"):
            rec.kind, rec.unit, rec.e = "quantity", CANONICAL["gpu"], end
        elif pm.group("q_month") and c in ("장", "枚", "片"):
            rec.kind, rec.unit, rec.e = "quantity", CANONICAL["wafer_month"], end
            wm = re.compile(r"[ ]?(?:의[ ]?)?(?:웨이퍼|ウエハー?|ウェハー|晶圆|晶圓)").match(text, end)
            if wm:
                rec.e = wm.end()
        elif pm.group("q_jobs") and c in ("개", "명", "人", "名", "个", "個") and run.value * (scale or 1) >= 10:
            rec.kind, rec.unit, rec.e = "quantity", CANONICAL["jobs"], end
    if rec.kind is None and counter is not None and um is None:
        # a bare count with the counter word of a recent GPU / wafer count counts the same
        # thing: "GPU 26만 장을 공급하고, 이 가운데 삼성전자가 5만 장을 확보했다"
        c = counter.group("c")
        prev = ctx.counters.get(c)
        if prev is not None and rs - prev[1] <= _CARRY_SPAN and run.value * (scale or 1) >= 100:
            rec.kind, rec.unit, rec.e = "quantity", prev[0], counter.end()
    if rec.kind is None and um is None and counter is None:
        _implied_currency(ctx, m, rec)
    if rec.kind is None:
        if infix:
            rec.approx = False
        return rec
    if letter and not rec.prefix_cur and not (sm.group("l") in "kK" and rec.unit in ("gpu", "employee", "wafer / month")):
        # "5m" (metres?), "3b": single letters need a currency sign
        rec.kind, rec.unit = None, None
        return rec
    # words before
    if pm is not None:
        starts = [pm.start(g) for g in ("q_gpu", "q_month", "q_jobs", "ab1", "ab2", "cur") if pm.group(g)]
        if starts:
            rec.s = min(starts)
        for g in ("ab1", "ab2"):
            if pm.group(g):
                _apply(rec, _word_kind(_APPROX_PRE, pm.group(g)))
    if rec.unit in _CARRY_UNITS:
        cm = _COUNTER_RE.match(text, rec.tail)
        if cm is not None and cm.group("c") in _CARRY_COUNTERS:
            ctx.counters[cm.group("c")] = (rec.unit, rec.e)
    # words after
    po = _POST_RE.match(text, rec.e)
    if po is not None:
        word = po.group().strip(" ")
        if po.group("dae") is not None or word == "대":
            if rec.kind == "money":
                rec.approx = True
                rec.e = po.end()
        elif po.group("geup") is not None:  # "1GW급", "300MW급": a size class
            rec.approx = True
            rec.e = po.end()
        else:
            kind = _word_kind(_POST, word) or ("lower" if word in ("+", "-plus") else "")
            if kind:
                _apply(rec, kind)
                rec.e = po.end()
    return rec


_KO_IMPLIED = re.compile(
    r"[ ]?(?:을|를|이|가|은|는|의|에|에서|으로|로|과|와|씩|대의?)?[ ]?"
    r"(?:규모|투자|투입|지원|매출|영업이익|순이익|예산|자금|펀드|출자|조성|보조금|손실|적자|흑자|계약|수주|들여|쏟아|베팅|추가 투자|집행)"
)
# headline style: "영업익 6.5조", "시총 200조 돌파", "순매수 1조 넘어"
_KO_IMPLIED_PRE = re.compile(
    r"(?:매출액?|영업익|영업이익|영업손실|순이익|순익|순손실|당기순이익|시총|시가총액|순매수|순매도|거래대금|투자액?|투자금"
    r"|예산|추경|적자|흑자|손실|보조금|지원금|자금|펀드|수주액?|수주잔고|계약액|인수가|몸값|기업가치|배당금?|세수|부채)"
    r"[ ]?(?:은|는|이|가|을|를|도|만|액)?[ ]?\Z"
)
_ZH_IMPLIED = re.compile(
    r"(?:投资|投資|投入|资金|資金|总额|總額|规模|規模|募资|募資|融资|融資|注资|注資|出资|出資|拨款|撥款|补贴|補貼|营收|營收|预算|預算)"
    r"(?:额|額|金额|金額)?(?:为|為|达|達|约|約|逾|超|超过|超過|近|高达|高達|共|合计|合計|将近|將近)?[ ]?\Z"
)


def _implied_currency(ctx: _Ctx, m: re.Match, rec: _Rec) -> None:
    """Headline style without a currency word: "20조 투자" (KRW), "投资500亿" (元)."""
    run = m.group()
    if rec.scale is not None:
        return
    ko_run = "억" in run or "조" in run
    # a Korean word after it makes it Korean even when written in hanja: "美에 3.7兆 투자"
    if (ko_run or "兆" in run or "億" in run) and _KO_IMPLIED.match(ctx.text, m.end()) or (
        ko_run and _KO_IMPLIED_PRE.search(ctx.text, max(0, m.start() - 12), m.start())
    ):
        rec.kind, rec.unit, rec.e = "money", "KRW", m.end()
    elif ("亿" in run or "億" in run) and _ZH_IMPLIED.search(ctx.text, max(0, m.start() - 12), m.start()):
        rec.kind, rec.e = "money", m.end()
        rec.ambiguous_yuan = True
        rec.unit = resolve(YUAN, locale=ctx.locale)


_FX_QUOTE = re.compile(r"[ ]?(?:=|당|につき|兑|兌)[ ]?\Z")


def _drop_fx_quotes(text: str, recs: list[_Rec]) -> None:
    """Exchange-rate quotes are not figures: "1ドル=150円", "1달러당 1,400원"."""
    prev = None
    for r in recs:
        if r.kind == "money" and prev is not None and prev.kind == "money" and prev.e <= r.s:
            if r.s - prev.e <= 3 and _FX_QUOTE.match(text[prev.e : r.s] + "") and prev.value <= 1:
                prev.kind = r.kind = None
                prev.unit = r.unit = None
        prev = r


# Words that make a small amount a quote, not an amount: exchange rates ("원·달러 환율은 3.2원
#내린 1,392.5원", "円相場は1ドル=151円台", "汇率收报7.12元", "the dollar traded at 151.20 yen")
# and stock-index levels written in a currency ("日経平均株価は612円高の3万9457円").
_QUOTE_CTX = re.compile(
    r"환율|원·달러|원/달러|원-달러|달러[ ]?당|엔[ ]?당|위안[ ]?당|為替|円相場|ドル円|ドル・円|円・ドル|ドル相場|ユーロ円|ドル当たり"
    r"|汇率|匯率|[兑兌](?:美元|人民币|人民幣|日元|日圓|欧元|歐元|港元|港幣|新台币|新台幣)|每美元|每1美元"
    r"|日経平均|平均株価|日経225|ダウ平均|ダウ工業株"
    r"|(?i:exchange[ ]rates?|\bthe[ ](?:dollar|greenback|yen|won|yuan|euro|renminbi|ringgit|rupee|pound)\b"
    r"|\bper[ ](?:dollar|euro)\b|against[ ]the[ ](?:dollar|euro|yen))"
)
_QUOTE_AFTER = re.compile(r"[ ]?(?i:per|to[ ]the|against[ ]the|a)[ ](?:U\.S\.[ ]|US[ ])?(?:dollar|euro)\b")
_SENTENCE_END = re.compile(r"[。\n!?！？]|\.[ ]")
_QUOTE_MAX = 10**6  # exchange rates and index levels are small plain numbers


def _drop_quotes(text: str, recs: list[_Rec]) -> None:
    """Drop small money amounts that quote an exchange rate or an index level.

    Only plain numbers below 1,000,000 without a scale word ("1,392.5원",
    "3万9457円", "151.20 yen") are dropped, and only when an exchange-rate or
    index word stands earlier in the same sentence (within 40 characters) or
    "per dollar" follows: "환율 상승으로 영업이익이 3000억원 늘었다" keeps its figure.
    """
    for r in recs:
        if r.kind != "money" or r.scale is not None or r.value >= _QUOTE_MAX or r.run.top > 10**4:
            continue
        lo = max(0, r.s - 40)
        window = text[lo : r.s]
        cut = None
        for cut in _SENTENCE_END.finditer(window):
            pass
        if cut is not None:
            window = window[cut.end() :]
        if _QUOTE_CTX.search(window) or _QUOTE_AFTER.match(text, r.e):
            r.kind = r.unit = None


_RANGE_SEP_FULL = re.compile(r"[ ]?(?:-|–|~|～|〜|to|至|到)[ ]?\Z")
_BETWEEN = re.compile(r"(?i:between|from)[ ]\Z|에서[ ]?\Z|から\Z")


def _link_full_range(text: str, a: _Rec, b: _Rec) -> None:
    """Both ends written in full: "$70 billion-$72 billion", "between $3 billion and $4 billion",
    "200억 달러~300억 달러". "from $5 billion to $7 billion" is a change, not a range."""
    if a.unit != b.unit or a.bound or b.bound or b.restates is not None or a.value >= b.value:
        return
    between = text[a.e : b.s]
    if len(between) > 5:
        return
    lead = text[max(0, a.s - 8) : a.s]
    if between.strip(" ") == "and":
        if not lead.lower().endswith("between "):
            return
    elif not _RANGE_SEP_FULL.match(between) or _BETWEEN.search(lead) and not lead.lower().endswith("between "):
        return
    a.bound, b.bound = "lower", "upper"
    a.approx = b.approx = a.approx or b.approx


def _link_ranges(text: str, recs: list[_Rec]) -> None:
    for a, b in zip(recs, recs[1:]):
        if a.kind is not None and b.kind is not None:
            _link_full_range(text, a, b)
            continue
        if a.kind is None and b.kind is None:
            continue
        between = text[a.tail if a.kind is None else a.e : b.s]
        if len(between) > 5 or not _RANGE_SEP.match(between):
            continue
        if a.kind is None:
            # "200억~300억 달러", "1~2조원", "10-20 billion dollars"
            if a.run.plain and a.scale is None:
                a.value *= b.scale or b.run.top
            a.value *= b.factor
            a.kind, a.unit, a.ambiguous_yuan = b.kind, b.unit, b.ambiguous_yuan
            a.e = a.tail
            # the low end was read without a unit, so its words before were not: "约1.2万至1.5万美元"
            pm = _prefix(text, a.rs, False)
            for g in ("ab1", "ab2"):
                if pm.group(g):
                    _apply(a, _word_kind(_APPROX_PRE, pm.group(g)))
                    a.s = min(a.s, pm.start(g))
        else:
            # "$10-20 billion": the high end takes the currency, the low end the scale
            if not a.prefix_cur or b.scale is None and b.run.plain:
                continue
            if a.run.plain and a.scale is None:
                a.value *= b.scale or b.run.top
            b.kind, b.unit = a.kind, a.unit
            b.e = b.tail
        if a.value > b.value:
            a.kind = a.unit = None
            continue
        a.bound = a.bound or "lower"
        b.bound = b.bound or "upper"
        # "약 200억~300억 달러", "4억~5억원 수준": the word qualifies the whole range
        a.approx = b.approx = a.approx or b.approx


def _link_restatements(text: str, recs: list[_Rec]) -> None:
    for i, a in enumerate(recs):
        if a.restates is not None:
            continue
        po = _PAREN_OPEN.match(text, a.e)
        if po is None:
            continue
        close = -1
        for j in range(po.end(), min(len(text), po.end() + 120)):
            if text[j] in ")）":
                close = j
                break
            if text[j] in "(（\n":
                break
        if close < 0:
            continue
        inner = []
        for k in range(i + 1, len(recs)):
            b = recs[k]
            if b.s >= close:
                break
            if b.kind is not None:
                inner.append(k)
        if not inner or any(recs[k].e > close for k in inner):
            continue
        # everything in the parentheses but the figures must be filler words
        cut, left = po.end(), []
        for k in inner:
            left.append(text[cut : recs[k].s])
            cut = recs[k].e
        left.append(text[cut:close])
        if not all(_FILLER.match(piece) for piece in left):
            continue
        linked = []
        for k in inner:
            b = recs[k]
            if b.kind == a.kind and (a.kind == "money" or a.unit == b.unit):
                b.restates = i
                linked.append(b)
        # a word after the parentheses qualifies both: "80億ドル（約1兆2000億円）超"
        po = _POST_RE.match(text, close + 1) if linked else None
        if po is not None and po.group("dae") is None and po.group("geup") is None:
            kind = _word_kind(_POST, po.group().strip(" ")) or ("lower" if po.group().strip(" ") in ("+", "-plus") else "")
            if kind:
                for r in [a, *linked]:
                    _apply(r, kind)
        # zh-TW: a 元 amount restated by an explicit 新台幣 one is in yuan
        if a.ambiguous_yuan and a.unit == "TWD":
            if any(r.restates == i and r.unit == "TWD" and not r.ambiguous_yuan for r in recs[i + 1 : i + 4]):
                a.unit = "CNY"


def _units():
    from dashboard.units import get_registry, is_currency

    return get_registry(), is_currency


_UNIT_CACHE: dict[str, object] = {}


def _figures(text: str, recs: list[_Rec]) -> list[Figure]:
    ureg, is_currency = _units()
    out: list[Figure] = []
    index: dict[int, Figure] = {}
    for i, r in enumerate(recs):
        if r.kind is None or r.unit is None:
            continue
        if r.kind == "money" and not is_currency(r.unit):
            continue
        u = _UNIT_CACHE.get(r.unit)
        if u is None:
            u = _UNIT_CACHE[r.unit] = ureg.Unit(r.unit)
        outer = index.get(r.restates) if r.restates is not None else None
        f = Figure(
            quantity=ureg.Quantity(float(r.value), u),
            kind=r.kind,  # type: ignore[arg-type]
            text=text[r.s : r.e],
            start=r.s,
            end=r.e,
            approx=r.approx,
            bound=r.bound,  # type: ignore[arg-type]
            restates=outer,
        )
        if outer is not None:
            object.__setattr__(outer, "restated_by", outer.restated_by + (f,))
        index[i] = f
        out.append(f)
    return out


def _extract(text: str, locale: str | None, *, strict: bool = False) -> list[Figure]:
    folded = fold(text)
    ctx = _Ctx(folded, locale)
    recs: list[_Rec] = []
    last_end = -1
    for m in RUN_RE.finditer(folded):
        try:
            rec = _read(ctx, m)
        except Exception:  # noqa: BLE001 - one odd numeral must not sink an article
            if strict:
                raise
            continue
        if rec is None:
            continue
        if rec.s < last_end:  # overlaps the previous figure's words
            if rec.kind is not None and recs and recs[-1].kind is None:
                recs.pop()
            elif rec.kind is None:
                continue
            else:
                rec.s = max(rec.s, last_end)
        recs.append(rec)
        if rec.kind is not None:
            last_end = rec.e
    if not any(r.kind for r in recs):
        return []
    _drop_fx_quotes(folded, recs)
    _drop_quotes(folded, recs)
    _link_ranges(folded, recs)
    _link_restatements(folded, recs)
    return _figures(text, recs)


def extract_figures(text: str, *, locale: str | None = None) -> list[Figure]:
    """Every amount of money and counted quantity in ``text``, in order.

    ``locale`` ("ko", "ja", "zh-CN", "zh-TW", "en", ...) changes how ambiguous
    signs read (``元`` is TWD in zh-TW, ``¥`` is CNY in zh). Never raises: text
    that holds no figure gives ``[]``.

    >>> [(f.value, f.unit) for f in extract_figures("10만 개의 GPU와 1.2GW 전력, US$1.5bn")]
    [(100000.0, 'gpu'), (1200.0, 'MW'), (1500000000.0, 'USD')]
    >>> extract_figures("3,440億元（約新台幣1.42兆元）", locale="zh-TW")[1].restates.unit
    'CNY'
    """
    try:
        if not isinstance(text, str):
            return []
        return _extract(text, locale)
    except Exception:  # noqa: BLE001 - documented: never raises
        return []


_TRAIL_OK = re.compile(r"[\s.,;:!?。、，．]*\Z")


def parse_amount(text: str, *, locale: str | None = None) -> Figure:
    """Read exactly one amount or quantity, e.g. ``"約4千億円"`` or ``"US$1.5bn"``.

    Approximation and bound words before or after it are allowed ("약 1조원
    가량", "up to $5 billion"), and so is one parenthesised restatement after
    it ("1000억엔(약 9800억원)"): the restatement is then available as
    ``figure.restated_by[0]``. Anything else raises
    :class:`~dashboard.errors.ParseError` quoting the input and the position.

    >>> f = parse_amount("約4千億円")
    >>> f.value, f.unit, f.approx
    (400000000000.0, 'JPY', True)
    >>> parse_amount("1000억엔(약 9800억원)").restated_by[0].value
    980000000000.0
    >>> parse_amount("2028년")
    Traceback (most recent call last):
    ...
    dashboard.errors.ParseError: cannot parse '2028년' at position 0: no amount or quantity with a unit ...
    """
    if not isinstance(text, str):
        raise ParseError(repr(text), "expected a string")
    try:
        figures = _extract(text, locale)
    except Exception as exc:  # noqa: BLE001 - parse_amount raises only ParseError
        raise ParseError(text, f"internal error while reading ({type(exc).__name__})", 0) from None
    lead = len(text) - len(text.lstrip())
    if not figures:
        raise ParseError(
            text,
            "no amount or quantity with a unit (valid: '400억엔', '約4千億円', '500亿美元', 'US$1.5bn', "
            "'10만 개의 GPU', '1.2GW', '20,000 wafers per month', '3,000 jobs')",
            lead,
        )
    top = figures[0]
    if top.start != lead:
        raise ParseError(text, "unexpected text before the amount", lead)
    rest = [f for f in figures[1:] if f.restates is not top]
    pos = top.end
    if top.restated_by:
        close = max(f.end for f in top.restated_by)
        m = re.compile(r"[^)）]*[)）]").match(text, close)
        if m is not None:
            pos = m.end()
    if rest:
        raise ParseError(text, f"more than one amount (another starts at position {rest[0].start}: {rest[0].text!r})", rest[0].start)
    if not _TRAIL_OK.match(text, pos):
        raise ParseError(text, "unexpected text after the amount", pos)
    return top
