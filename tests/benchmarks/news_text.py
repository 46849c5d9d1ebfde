"""Text at the density of real news, for the extraction benchmark (our own sentences).

Real articles carry a few numerals per KB, most of them years, dates and
percentages; figures (money, MW, wafers, GPUs, ...) are a minority of the
sentences. :func:`news_text` mixes figure sentences, tempting non-figures and
plain filler in four languages in about that proportion; the benchmark prints
the resulting numerals/KB and figures/KB.
"""
from __future__ import annotations

import random

FIGURES = [
    "삼성전자는 평택 캠퍼스에 약 30조원을 추가로 투자해 첨단 메모리 라인을 짓기로 했다.",
    "새 데이터센터는 최대 200MW의 전력을 쓰며 GPU 5만 장을 수용할 수 있다.",
    "회사는 이번 공장 증설로 일자리 1,200개가 새로 생길 것으로 내다봤다.",
    "월 10만 장 규모의 12인치 웨이퍼 생산 능력을 갖출 계획이다.",
    "熊本の第2工場には約1兆2000億円が投じられ、政府は最大4760億円を補助する。",
    "新工場の敷地面積は約21万平方メートルで、従業員は1700人を見込む。",
    "同社は月産4万5000枚の生産能力を2027年までに整える。",
    "该项目总投资约120亿元，建成后月产能将达到5万片。",
    "园区规划用地约50公顷，预计新增就业岗位3000个。",
    "公司计划采购1万块英伟达芯片，用于训练大模型。",
    "台積電宣布在高雄加碼投資新台幣5000億元，興建兩座先進製程廠。",
    "The company will spend about $20 billion on two new fabs in Arizona.",
    "The campus is designed for 1.2 GW of power and up to 100,000 Nvidia GPUs.",
    "State officials said the plant would create roughly 3,000 jobs.",
    "The facility will produce 20,000 wafers per month when fully ramped.",
    "Microsoft plans to invest C$500 million in Canadian data centers, and R$14.7 billion in Brazil.",
    "The Saudi fund committed SAR 15 billion, while the Malaysian project is worth RM2.5 billion.",
    "Capital spending is expected to exceed $50 billion, an estimated increase of a third.",
]
NON_FIGURES = [
    "2024년 3분기 매출은 전년 대비 12% 늘었고, 영업이익률은 8.5%를 기록했다.",
    "회사는 2나노 공정을 2025년 하반기에 양산한다고 밝혔다.",
    "코스피는 전날보다 1.2% 오른 2,650.31에 마감했다.",
    "発表は2025年4月1日に行われ、株価は3%上昇した。",
    "该公司2023年的市场份额约为15%，位居全球第三。",
    "The H100 and GB200 are built on a 4nm process, and shipments began on March 18, 2024.",
    "The index closed at 5,123.41, up 0.8% for the week; the dollar traded at 151.20 yen.",
]
FILLER = [
    "업계에서는 이번 결정이 공급망 재편의 신호라는 분석이 나온다.",
    "정부는 관련 부처와 협의해 인허가 절차를 단축하겠다고 설명했다.",
    "전문가들은 인공지능 수요가 당분간 이어질 것으로 보고 있다.",
    "地元自治体は道路や上下水道などのインフラ整備を急いでいる。",
    "関係者によると、詳細な日程は今後詰めるという。",
    "分析人士认为，此举将进一步巩固该公司在先进封装领域的地位。",
    "地方政府表示将在土地、电力和人才方面给予支持。",
    "業界人士指出，先進封裝產能仍然供不應求。",
    "Analysts said the move reflects strong demand for advanced packaging and high-bandwidth memory.",
    "The project still needs approval from local regulators and the state utility commission.",
    "Executives declined to comment on the timing of the next phase of construction.",
    "Construction crews have already begun clearing the site, according to people familiar with the plan.",
]


def news_text(min_bytes: int = 1_100_000, seed: int = 11) -> str:
    """Paragraphs of 8-12 sentences: about one figure sentence and one non-figure sentence each."""
    rng = random.Random(seed)
    paras, size = [], 0
    while size < min_bytes:
        para = [rng.choice(FIGURES), rng.choice(NON_FIGURES)] + rng.sample(FILLER, rng.randint(6, 10))
        rng.shuffle(para)
        s = " ".join(para)
        paras.append(s)
        size += len(s.encode("utf-8")) + 1
    return "\n".join(paras)
