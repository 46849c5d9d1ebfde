"""Failure classes of the third real-text round, each with our own sentences (readers, counters, filters)."""
from __future__ import annotations

import pytest

from dashboard.parse import extract_figures


def _read(text):
    return [(f.value, f.unit) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Korean numbers split by a space after 만, the rest with a thousands comma
        ("신규 공장에서 3만 5,000 명의 일자리가 생긴다.", [(35000.0, "employee")]),
        ("AI 가속기 2만 4,000장을 들여온다.", [(24000.0, "gpu")]),
        # jobs: adjectives with commas, more adjectives, skilled professionals, workers named as such
        ("The plant will add 4,000 construction jobs and 1,200 high-tech professional jobs.", [(4000.0, "employee"), (1200.0, "employee")]),
        ("The project brings 2,000 new high-tech, high-wage jobs.", [(2000.0, "employee")]),
        ("The fab is expected to create jobs for 1,800 skilled professionals.", [(1800.0, "employee")]),
        ("새 연구소에는 1천500명의 연구원이 근무한다.", [(1500.0, "employee")]),
        ("建設現場の作業員は4000人に達する見通しだ。", [(4000.0, "employee")]),
        ("该园区预计将容纳 300 多名工程师。", [(300.0, "employee")]),
        # data centres counted with facility counters after the noun earlier in the sentence
        ("올해 착공한 데이터센터는 서울 A센터, 부산 B센터 등 4곳이다.", [(4.0, "datacenter")]),
        ("同社は敷地にセンターを6棟まで新設する。", [(6.0, "datacenter")]),
        ("全国的智算中心已突破25家。", [(25.0, "datacenter")]),
        ("七家算力中心接入网络。", [(7.0, "datacenter")]),
        # GPUs: long nouns, Chinese cards
        ("約5万基のグラフィックスプロセッシングユニット(GPU)を備える。", [(50000.0, "gpu")]),
        ("该系统支持8192张昇腾卡互联。", [(8192.0, "gpu")]),
        ("8192卡超节点已经上线。", [(8192.0, "gpu")]),
        # wafers: a noun before "wafer", Chinese /M and /A, 的 before 年產能, annual totals
        ("The fab will have a 30,000 semiconductor wafer per month capacity.", [(30000.0, "wafer / month")]),
        ("二期产能为12万片/M, 约144万片/A。", [(120000.0, "wafer / month"), (1440000.0, "wafer / year")]),
        ("第一阶段预计实现3萬片晶圓的年產能。", [(30000.0, "wafer / year")]),
        ("新廠月產能2萬片晶圓,届時年總產可望達到逾80萬片晶圓。", [(20000.0, "wafer / month"), (800000.0, "wafer / year")]),
        # money: Portuguese and Spanish scale words, a decimal comma before them, more currency words
        ("O plano de R$ 200 bilhões inclui R$ 1,5 bilhão para chips.", [(200e9, "BRL"), (1.5e9, "BRL")]),
        ("Invertirá US$ 5 mil millones.", [(5e9, "USD")]),
        ("薪資自5,000至6,000馬幣不等。", [(5000.0, "MYR"), (6000.0, "MYR")]),
        ("第二階段投資2518.4億印度盧比。", [(251840000000.0, "INR")]),
        # ranges: "between N and M billion", the noun before the low end
        ("Capex is between 200 and 300 billion dollars.", [(200e9, "USD"), (300e9, "USD")]),
        ("공장은 월 4천-5천장을 생산한다.", [(4000.0, "wafer / month"), (5000.0, "wafer / month")]),
    ],
)
def test_round3_failure_classes(text, expected):
    """Each class reads every figure with its unit."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "데이터센터 1개당 전력은 평균 수준이다.",  # a rate's unit
        "1GWあたりの投資額を比べる。",  # a rate's unit
        "中芯國際月產能邁入百萬片等級。",  # a size class
        "センター1棟目の設計を依頼した。",  # an ordinal
        "台灣有十二家資料中心營運者。",  # companies, not data centres
        "직원 5만2000명을 대상으로 설문조사를 했다.",  # a survey's subjects
        "就職支援は200万人を対象に行う。",  # a course's subjects
        "1200基のサーバーに部品を載せる。",  # servers, no GPU word
        "该省有30家企业参与。",  # companies
    ],
)
def test_round3_not_figures(text):
    """Rates' units, classes, ordinals, companies and survey subjects are no figures."""
    assert _read(text) == []


def test_servers_before_a_chip_count_are_not_chips():
    """A count of servers stays bare when another count stands between it and the chip word."""
    assert _read("1200基のサーバーに8万個のチップを載せる。") == [(80000.0, "gpu")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jobs: 位 as a counter of people, 用工, a range of technicians, 만 followed by digits
        ("該廠員工人數超過2,800位，另有1,500位工程師。", [(2800.0, "employee"), (1500.0, "employee")]),
        ("新园区有8000人用工需求。", [(8000.0, "employee")]),
        ("The plant will hire about 700 to 900 technicians.", [(700.0, "employee"), (900.0, "employee")]),
        ("이 회사는 일자리 만2천 개를 만든다.", [(12000.0, "employee")]),
        # power glued to "IT", kW ranges in MW
        ("The hall draws 64MWIT load.", [(64.0, "MW")]),
        ("Racks take 30-120kW each.", [(0.03, "MW"), (0.12, "MW")]),
        # Chinese accelerator cards
        ("该集群拥有五万张级别GPU。", [(50000.0, "gpu")]),
        ("他们建成了万卡集群。", [(10000.0, "gpu")]),
        ("英伟达向其出货8万片H200芯片。", [(80000.0, "gpu")]),
        # data centres: facilities, 施設, counts by place after a count
        ("The group runs 14 data center facilities.", [(14.0, "datacenter")]),
        ("同社はデータセンターとして5施設を運営する。", [(5.0, "datacenter")]),
        ("The firm runs nine data centres: six in Ohio and three in Iowa.", [(9.0, "datacenter"), (6.0, "datacenter"), (3.0, "datacenter")]),
        ("Qatar has 20 data centers — 12 in Doha and 8 in Lusail.", [(20.0, "datacenter"), (12.0, "datacenter"), (8.0, "datacenter")]),
        # headline money without a currency word
        ("반도체에 약 450조 투입, 최대 30조 지원", [(450e12, "KRW"), (30e12, "KRW")]),
        ("台積電斥資2,500億擴建竹科新廠", [(250e9, "TWD")]),
        ("该项目预计实现20亿的年产值。", [(2e9, "CNY")]),
        # a number after a comma that follows a word (not a thousands group)
        ("投资约90亿美元(约120亿新币,650亿人民币)。", [(9e9, "USD"), (12e9, "SGD"), (65e9, "CNY")]),
    ],
)
def test_fresh_set_failure_classes(text, expected):
    """The classes the lead saw on the fresh held-out set, on our own sentences."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "該公司第一座資料中心已完工，第二座明年動工。",  # ordinals
        "삼성은 제2공장을 짓는다.",  # an ordinal
        "该厂年产80万平方米IC载板。",  # output volume, not a site
        "国内にはデータセンターと2万カ所の基地局がある。",  # base stations
        "삼성 50조 파라미터 모델을 공개",  # a count of parameters
        "数据中心园区设有4座大楼。",  # buildings, far from the noun
    ],
)
def test_fresh_set_not_figures(text):
    """Ordinals, output volumes, base stations, parameters and buildings are no figures."""
    assert _read(text) == []
