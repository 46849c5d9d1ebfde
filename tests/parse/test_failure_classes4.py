"""Failure classes of the fourth real-text round (lead's notes, round 2), each with our own sentences."""
from __future__ import annotations

import pytest

from dashboard.parse import extract_figures


def _read(text):
    return [(f.value, f.unit) for f in extract_figures(text)]


def _flags(text):
    return [(f.value, f.unit, f.approx, f.bound) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # region: a Japanese / Korean article about Taiwan writes 元 for TWD
        ("台湾の経済部は半導体支援に500億元を投じると発表した。", [(50e9, "TWD")]),
        ("台湾の国家発展委員会は1000億元の基金を設ける。", [(100e9, "TWD")]),
        ("台商の回帰投資は累計で2兆元を超えた。", [(2e12, "TWD")]),
        ("대만 경제부는 신주 과학단지에 300억元을 배정했다.", [(30e9, "TWD")]),
        ("中国政府は1兆元を投じる。", [(1e12, "CNY")]),
        # Japanese jobs counted with 件, 人分, 雇用機会
        ("新工場により就業機会3000件が生まれる見込みだ。", [(3000.0, "employee")]),
        ("雇用機会は4万5,700件以上に上る。", [(45700.0, "employee")]),
        ("地域に2,500件の雇用機会を創出する。", [(2500.0, "employee")]),
        ("工場の新設で5000人分の雇用が生まれる。", [(5000.0, "employee")]),
        # data centres with a size class or a state between count and noun, campuses, building lists
        ("회사는 3개의 기가와트급 데이터센터를 짓는다.", [(3.0, "datacenter")]),
        ("该公司拥有12座营运中资料中心及4座在建资料中心。", [(12.0, "datacenter"), (4.0, "datacenter")]),
        ("公司规划5座超大规模数据中心。", [(5.0, "datacenter")]),
        ("데이터센터 단지는 5개 캠퍼스로 구성된다.", [(5.0, "datacenter")]),
        ("The data center developer plans 4 campuses in Texas.", [(4.0, "datacenter")]),
        ("园区规划建设2棟數據中心、1棟綜合樓和1棟變電站。", [(2.0, "datacenter")]),
        ("データセンターを4～5カ所新設する。", [(4.0, "datacenter"), (5.0, "datacenter")]),
        # GPUs: plural model names after a vendor, a counter with a brand and model before 晶片
        ("The firm will buy up to 1.5 million NVIDIA B200s by 2027.", [(1.5e6, "gpu")]),
        ("The lab will deploy 50,000 AMD MI300Xs.", [(50000.0, "gpu")]),
        ("该集群配备约8万颗英伟达A800 GPU晶片。", [(80000.0, "gpu")]),
        # jobs in English with several adjectives, a carried noun, people nouns in a jobs context
        ("The campus will employ up to 450 engineering, technical and operational employees.", [(450.0, "employee")]),
        ("About 1,200 new engineering and operations jobs, plus another 900 from suppliers, are expected.",
         [(1200.0, "employee"), (900.0, "employee")]),
        ("The plant will employ 1,500 full-time engineering and manufacturing workers.", [(1500.0, "employee")]),
        ("The fab will need 400 specialists.", [(400.0, "employee")]),
        ("The plant will create 2,000 new opportunities for local workers.", [(2000.0, "employee")]),
        ("1,000 jobs plus 300 contractor jobs", [(1000.0, "employee"), (300.0, "employee")]),
        # jobs in Chinese with a company name or a clause between the counter and the noun
        ("新厂将带来3000個台積員工。", [(3000.0, "employee")]),
        ("新廠預計創造 2,500 個直接受雇於該公司的工作。", [(2500.0, "employee")]),
        # approximate counts before their counter ("2만여 개"), number words before data-centre campuses
        ("일자리 2만여 개가 생긴다.", [(20000.0, "employee")]),
        ("GPU 1만여 장을 확보했다.", [(10000.0, "gpu")]),
        ("We plan two data center campuses and five AI data center sites.", [(2.0, "datacenter"), (5.0, "datacenter")]),
        ("The fab will add 1,100 full-time roles.", [(1100.0, "employee")]),
        ("地元で800人を雇う。", [(800.0, "employee")]),
        ("エヌビディア製GPUを計約2000基導入した。", [(2000.0, "gpu")]),
        # area: hyphenated square miles, a unit glued after a scale word
        ("The company bought a 12-square-mile site.", [(pytest.approx(31079857.324, rel=1e-9), "m ** 2")]),
        ("The building has 1.1millionft2 of floor space.", [(pytest.approx(102193.344, rel=1e-9), "m ** 2")]),
    ],
)
def test_round4_failure_classes(text, expected):
    """Each class reads every figure with its unit."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "美光在全球17個國家聘雇員工。",  # countries, not staff
        "The university has 3 campuses.",  # campuses without data centres
        "全国に1万カ所の基地局を設ける。",  # base stations
        "第三座資料中心將於明年啟用。",  # an ordinal
        "The server has H100s in every rack.",  # a model name without a count
        "在2025年建成3nm產線。",  # a year and a node
        "基于H20芯片的方案,包含2700个行业伙伴的生态。",  # partners counted after a chip word
        "基于H20芯片的方案,包含2700多个行业伙伴。",  # the same, approximate
    ],
)
def test_round4_not_figures(text):
    """Countries, campuses of a university, base stations, ordinals, model names, years and nodes are no figures."""
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("삼성, 약 500조 투자 계획", [(500e12, "KRW", True, None)]),
        ("최대 30조 지원", [(30e12, "KRW", False, "upper")]),
        ("About 950 jobs plus an additional 400 contractor positions.", [(950.0, "employee", True, None), (400.0, "employee", False, None)]),
        ("2,000 jobs plus", [(2000.0, "employee", False, "lower")]),
    ],
)
def test_round4_flags(text, expected):
    """Approximation and bound words are read on headline money; "plus another" is no bound."""
    assert _flags(text) == expected
