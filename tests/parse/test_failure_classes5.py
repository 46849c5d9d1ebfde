"""Failure classes of the fifth real-text round (lead's notes, round 3), each with our own sentences."""
from __future__ import annotations

import pytest

from dashboard.parse import extract_figures


def _read(text):
    return [(f.value, f.unit) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 6: Taiwan's own name and Taiwanese company names make a bare 元 TWD, even against one
        # ambiguous marker; 市政府 is no mainland marker (台中市政府)
        ("全台灣的稅收今年增加500億元。", [(50e9, "TWD")]),
        ("台中市政府今年編列30億元預算。", [(3e9, "TWD")]),
        ("華邦今年資本支出340億元。", [(34e9, "TWD")]),
        ("世界先進將投資500億元擴廠。", [(50e9, "TWD")]),
        ("南亞科宣布明年資本支出約1,800億元至1,900億元。", [(180e9, "TWD"), (190e9, "TWD")]),
        ("北京市政府投資500億元。", [(50e9, "CNY")]),
        ("上海市政府投资500亿元。", [(50e9, "CNY")]),
        # 2: a Korean sheet count whose GPU word comes later in the sentence
        ("정부가 들여올 물량은 처음 발표된 8만 장을 크게 넘어서 업계의 GPU 부족이 풀릴 것으로 보인다.", [(80000.0, "gpu")]),
        ("이번에 확보한 3만 장은 국내 스타트업들의 GPU 수요를 채운다.", [(30000.0, "gpu")]),
        # ... but not when the sentence speaks of wafers
        ("이번에 늘어난 3만 장은 모두 웨이퍼 투입량으로, 회사의 내년 GPU 생산 계획과는 관계가 없다.", [(30000.0, "wafer")]),
        # 1: a Korean month word with the wafer noun (and a size) between it and the number
        ("그 공장은 월 웨이퍼 40만장을 생산할 수 있다.", [(400000.0, "wafer / month")]),
        ("SK는 월 웨이퍼 12만장 규모의 생산능력을 확보했다.", [(120000.0, "wafer / month")]),
        ("새 라인은 월 12인치 웨이퍼 6만장을 처리한다.", [(60000.0, "wafer / month")]),
        ("월 300mm 웨이퍼 2만장 규모다.", [(20000.0, "wafer / month")]),
        # 4: Chinese text writing the Japanese 産 in its capacity words
        ("該廠3萬片月産能將於明年到位。", [(30000.0, "wafer / month")]),
        ("新廠規劃4萬片的年産能。", [(40000.0, "wafer / year")]),
        ("新厂月産将达到6万片。", [(60000.0, "wafer / month")]),
        # 5: Chinese hire verbs right before a count of people
        ("公司預計僱用約900人。", [(900.0, "employee")]),
        ("新廠明年將僱用1,300人。", [(1300.0, "employee")]),
        ("該集團今年招募2,400名新血。", [(2400.0, "employee")]),
        ("工厂计划雇佣350人。", [(350.0, "employee")]),
        # 7: English GPU counts with "of", a possessive and tiered adjectives between; number words
        ("The cloud firm secured roughly 1.2 million of AMD's flagship MI355X chips.", [(1.2e6, "gpu")]),
        ("Regulators allowed half a million of Nvidia's most powerful AI chips into the region.", [(5e5, "gpu")]),
        ("The lab hopes to install 40,000 of the fastest AI chips on the market.", [(40000.0, "gpu")]),
        # 9: a state adjective between count and noun; a carried count before a state phrase
        ("The operator runs 31 live data centres in Ohio and six under construction.", [(31.0, "datacenter"), (6.0, "datacenter")]),
        ("It owns 14 active data centers plus 5 in development.", [(14.0, "datacenter"), (5.0, "datacenter")]),
        ("The REIT has 20 leased data centers and three planned.", [(20.0, "datacenter"), (3.0, "datacenter")]),
        ("The country has 40 data centers and a planned capacity of 2 GW.", [(40.0, "datacenter"), (2000.0, "MW")]),
        # 10: a plus sign between the number and its scale word; Malaysian bil/mil glued after RM
        ("The group expects $25+ billion of orders.", [(25e9, "USD")]),
        ("Kedah approved RM38bil in new projects and RM750mil in grants.", [(38e9, "MYR"), (750e6, "MYR")]),
        ("A RM2.4bil chip plant will rise in Kulim.", [(2.4e9, "MYR")]),
        # 8: an adverb before the job adjectives
        ("The foundry promises 2,300 mostly high-end technology jobs.", [(2300.0, "employee")]),
        ("The site will add 650 largely skilled manufacturing jobs.", [(650.0, "employee")]),
        ("The lab will hire 120 mainly senior engineers.", [(120.0, "employee")]),
        # 3: Japanese 拠点 as a data-centre counter, with に/で and a modifier before the noun
        ("同社は市内の3拠点にデータセンターを新設する。", [(3.0, "datacenter")]),
        ("国内6拠点でデータセンターを運営している。", [(6.0, "datacenter")]),
        ("同社は関東に2拠点のAIデータセンターを構える。", [(2.0, "datacenter")]),
        # 11: a reference numeral glued after kW/MW
        ("新型ラックは30-120kW41の電力密度に対応する。", [(0.03, "MW"), (0.12, "MW")]),
        ("1ラック当たり超80kW207の冷却能力を持つ。", [(0.08, "MW")]),
        ("The hall supports 60kW12 per rack.", [(0.06, "MW")]),
    ],
)
def test_round_five_classes(text, expected):
    """Each sentence reads as the figures a person would write down."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3월 웨이퍼 출하가 늘었다.",
        "2025년 12월 웨이퍼 가격이 3% 올랐다.",
        "5나노 웨이퍼 공정에서 GPU를 만든다.",
        "招募20家供應商加入聯盟。",
        "招聘会吸引了5000人参加。",
        "月産2024年度の計画を発表した。",
        "In 2024 AI chips were hard to buy.",
        "By 2027 the latest GPUs will be twice as fast.",
        "Sales in 2025 of the most advanced AI chips doubled.",
        "Over 70% of Nvidia's top-tier AI chips go to four buyers.",
        "The second of two halls is under construction.",
        "The film is 5 mil thick.",
        "In 2031 mostly new jobs will appear in services.",
        "営業拠点は全国に12拠点ある。",
        "型番100kW3.5は廃止された。",
        "It has 12 live events a year and 40 under construction.",
    ],
)
def test_round_five_not_figures(text):
    """Dates, percentages and nodes near the new cues stay no figure."""
    assert [f for f in extract_figures(text) if f.kind == "quantity"] == []


def test_plus_before_a_scale_word_is_a_lower_bound():
    """"$10+ billion" is at least ten billion dollars."""
    (f,) = extract_figures("Analysts see $10+ billion in new capex.")
    assert (f.value, f.unit, f.bound, f.text) == (10e9, "USD", "lower", "$10+ billion")
