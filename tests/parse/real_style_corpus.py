"""An evaluation set in the style of real news wire copy, with the figures it holds.

Every sentence here was written for this project by a second author (not the
parser's), imitating Korean, Japanese, Chinese (simplified and Taiwanese) and
English wire copy: long sentences with several figures, headlines, brackets,
quotes, tables written as text, market reports, earnings reports, policy
announcements and chip / data-centre / fund news. None is copied from an
article; company names are real, the numbers are illustrative.

The set is full of hard negatives real news carries (dates in every format,
times, percentages and percentage points, rankings, ages, model names, process
nodes, wafer sizes, memory sizes, phone numbers, index levels, exchange-rate
quotes) and of positives that are easy to miss.

Each entry is ``(locale, sentence, expected)``; ``expected`` lists
:class:`F` in order of appearance: ``value`` in the parser's base units,
``unit`` (ISO code for money; ``gpu``, ``MW``, ``m ** 2``, ``wafer / month``,
``wafer``, ``employee``), ``approx``, ``bound`` ("upper" / "lower" / None) and
``restates`` (index, in the same list, of the figure this one restates).

The annotation follows the rules in the docstring of
:mod:`dashboard.parse.extract`, in short: share prices, per-unit prices and
dividends per share are money figures; exchange-rate quotes and stock-index
levels (also 日経平均 written in 円) are not figures; amounts with no digit
(수천억원, 数千億円) are not figures; "1조원대", "1GW급" are approximate;
"돌파/突破/突破" do not make a bound.

Run ``python tests/parse/real_style_corpus.py`` to print the score per
language and every miss; ``test_extract.py`` asserts precision and recall.
"""
from __future__ import annotations

import math
from typing import NamedTuple

PY = 400 / 121  # m² per 평 / 坪
ACRE = 4046.8564224
MU = 10000 / 15  # m² per 亩
FT2 = 0.09290304


class F(NamedTuple):
    """One expected figure."""

    value: float
    unit: str
    approx: bool = False
    bound: str | None = None
    restates: int | None = None


KO = "ko"
JA = "ja"
CN = "zh-CN"
TW = "zh-TW"
EN = "en"

CORPUS: list[tuple[str, str, list[F]]] = [
    # =================================================================== Korean
    (KO, "[속보] 삼성전자, 美 텍사스 테일러 팹에 370억 달러(약 53조원) 추가 투자",
     [F(3.7e10, "USD"), F(53e12, "KRW", True, None, 0)]),
    (KO, "SK하이닉스는 24일 실적 발표에서 3분기 매출 24조4489억원, 영업이익 11조3834억원을 기록했다고 밝혔다. "
         "영업이익률은 47%로 전 분기보다 5%p 높아졌다.",
     [F(24.4489e12, "KRW"), F(11.3834e12, "KRW")]),
    (KO, "코스피는 전 거래일보다 31.52포인트(1.24%) 오른 2,571.40에 장을 마쳤고, 코스닥은 4.1포인트 내린 812.3으로 마감했다.", []),
    (KO, "유가증권시장에서 외국인은 5,230억원어치를 순매수한 반면 개인은 4,870억원어치를 순매도했다.",
     [F(5.23e11, "KRW"), F(4.87e11, "KRW")]),
    (KO, "삼성전자 주가는 전날보다 2.1% 오른 7만2300원에 거래를 마쳤다.", [F(72300, "KRW")]),
    (KO, "원·달러 환율은 전 거래일보다 3.2원 내린 달러당 1,392.5원에 마감했다.", []),
    (KO, "정부는 2026년까지 반도체 생태계에 총 26조원 규모의 종합 지원 프로그램을 가동하고, 이 중 17조원을 산업은행 저리 대출로 공급한다.",
     [F(26e12, "KRW"), F(17e12, "KRW")]),
    (KO, "용인 반도체 클러스터에는 2047년까지 360조원이 투입되며, 부지 면적은 728만㎡(약 221만 평)에 이른다.",
     [F(360e12, "KRW"), F(7.28e6, "m ** 2"), F(2.21e6 * PY, "m ** 2", True, None, 1)]),
    (KO, "엔비디아는 한국 정부와 기업에 블랙웰 GPU 26만 장을 공급하기로 했으며, 이 가운데 삼성전자가 5만 장을 확보했다.",
     [F(260000, "gpu"), F(50000, "gpu")]),
    (KO, "SK텔레콤은 울산에 100MW급 AI 데이터센터를 짓고 향후 1GW 규모로 확장할 계획이다.",
     [F(100, "MW", True), F(1000, "MW")]),
    (KO, "LG에너지솔루션은 애리조나 공장에 7조2000억원을 투자해 연 36GWh 규모의 배터리를 생산한다.", [F(7.2e12, "KRW")]),
    (KO, "삼성전자는 평택 P4 라인에 1c D램 생산설비를 구축해 월 6만 장 규모의 웨이퍼 생산능력을 확보할 예정이다.",
     [F(60000, "wafer / month")]),
    (KO, "HBM3E 12단 제품은 8Hi 대비 용량이 50% 늘어난 36GB를 구현했다.", []),
    (KO, "회사 측은 2나노 공정 기반 엑시노스 2600을 내년 1분기 양산한다고 밝혔다.", []),
    (KO, "행사에는 최태원 회장을 비롯해 국내외 관계자 300여 명이 참석했다.", []),
    (KO, "이번 투자로 직접 고용 3,000명을 포함해 약 1만2000개의 일자리가 창출될 것으로 기대된다.",
     [F(3000, "employee"), F(12000, "employee", True)]),
    (KO, "정부는 2025~2028년 4년간 AI 컴퓨팅 인프라에 약 2조원을 투입해 GPU 1만8000장을 확보한다.",
     [F(2e12, "KRW", True), F(18000, "gpu")]),
    (KO, "한미 관세 협상 결과 한국은 3500억 달러 규모의 대미 투자 펀드를 조성하기로 했다.", [F(3.5e11, "USD")]),
    (KO, "이 가운데 1500억 달러는 조선업 협력 프로그램에, 나머지 2000억 달러는 현금 투자에 배정된다.",
     [F(1.5e11, "USD"), F(2e11, "USD")]),
    (KO, "업계에서는 삼성의 파운드리 적자가 분기당 1조원대 중반에 이를 것으로 추정한다.", [F(1e12, "KRW", True)]),
    (KO, "한국은행은 기준금리를 연 2.50%로 동결했다.", []),
    (KO, "SK하이닉스는 청주 M15X에 20조원 이상을 투입하고, 용인 1기 팹 건설에는 약 9조4000억원을 쓰기로 했다.",
     [F(20e12, "KRW", False, "lower"), F(9.4e12, "KRW", True)]),
    (KO, "오픈AI와 삼성·SK는 월 90만 장 규모의 D램 웨이퍼 공급 의향서(LOI)를 체결했다.", [F(900000, "wafer / month")]),
    (KO, "마이크론은 일본 히로시마 공장에 5000억엔(약 4조6000억원)을 투자하고, 일본 정부는 최대 1920억엔을 보조한다.",
     [F(5e11, "JPY"), F(4.6e12, "KRW", True, None, 0), F(1.92e11, "JPY", False, "upper")]),
    (KO, "(서울=연합뉴스) 홍길동 기자 = 네이버는 올해 GPU 확보에 1조원 가까이를 쓴다고 25일 밝혔다.", [F(1e12, "KRW", True)]),
    (KO, "카카오의 3분기 연결 매출은 2조283억원으로 전년 동기 대비 4% 늘었고, 영업이익은 1,305억원을 기록했다.",
     [F(2.0283e12, "KRW"), F(1.305e11, "KRW")]),
    (KO, "TSMC는 지난달 매출이 3,300억 대만달러(약 14조5000억원)로 집계됐다고 밝혔다.",
     [F(3.3e11, "TWD"), F(1.45e13, "KRW", True, None, 0)]),
    (KO, "애플은 향후 4년간 미국에 5000억 달러 이상을 투자하고 2만 명을 신규 채용하겠다고 발표했다.",
     [F(5e11, "USD", False, "lower"), F(20000, "employee")]),
    (KO, "용인 부지는 415만㎡ 규모로, 여의도 면적(290만㎡)의 1.4배에 달한다.", [F(4.15e6, "m ** 2"), F(2.9e6, "m ** 2")]),
    (KO, "한편 이날 발표된 2월 수출은 526억 달러로 1년 전보다 1.1% 증가했으며, 반도체 수출은 96억 달러를 기록했다.",
     [F(5.26e10, "USD"), F(9.6e9, "USD")]),
    (KO, "GPU 서버 한 대 가격은 4억~5억원 수준이다.", [F(4e8, "KRW", True, "lower"), F(5e8, "KRW", True, "upper")]),
    (KO, "삼성전자는 HBM 생산능력을 내년 말까지 월 17만 장 수준으로 늘릴 방침이다.", [F(170000, "wafer / month", True)]),
    (KO, "정부는 전력망 확충을 위해 345kV 송전선로를 새로 깔고 15GW 규모의 LNG 발전소를 짓는다.", [F(15000, "MW")]),
    (KO, "데이터센터 냉각수 온도는 25℃ 안팎으로 유지되며 연간 전력 사용량은 1.2TWh다.", []),
    (KO, "이재용 회장은 2030년까지 시스템반도체에 133조원을 투자하는 '반도체 비전 2030'을 발표했다.", [F(133e12, "KRW")]),
    (KO, "LS일렉트릭은 북미 데이터센터용 배전반 2,000억원어치를 수주했다.", [F(2e11, "KRW")]),
    (KO, "SK는 AWS와 함께 울산에 7조원을 들여 103MW 규모 AI 데이터센터를 짓는다. 초기 GPU는 6만 장이 들어간다.",
     [F(7e12, "KRW"), F(103, "MW"), F(60000, "gpu")]),
    (KO, "목표주가는 기존 9만5000원에서 11만원으로 상향 조정됐다.", [F(95000, "KRW"), F(110000, "KRW")]),
    (KO, "산업통상자원부에 따르면 올해 1~10월 반도체 수출액은 1,173억 달러로 집계됐다.", [F(1.173e11, "USD")]),
    (KO, "소프트뱅크와 오픈AI는 일본에서 연간 30억 달러(약 4조2000억원)를 투입하는 합작사를 세운다.",
     [F(3e9, "USD"), F(4.2e12, "KRW", True, None, 0)]),
    (KO, "주총에는 주주 1,200명이 참석했으며 안건은 모두 원안대로 통과됐다.", []),
    (KO, "업계는 한 해 전기요금만 수천억원이 들 것으로 보고 있다.", []),
    (KO, "메타는 루이지애나에 2GW 이상의 전력을 쓰는 데이터센터를 짓고 있으며, 투자 규모는 100억 달러가 넘는다.",
     [F(2000, "MW", False, "lower"), F(1e10, "USD", False, "lower")]),
    (KO, "반도체 장비 업체 ASML의 3분기 순예약은 54억 유로로 시장 예상치(53억 유로)를 웃돌았다.",
     [F(5.4e9, "EUR"), F(5.3e9, "EUR")]),
    (KO, "인텔 18A 공정과 TSMC N2 공정의 수율 경쟁이 본격화했다.", []),
    (KO, "2분기 D램 고정거래가격(DDR4 8Gb)은 평균 2.1달러로 전월 대비 18% 올랐다.", [F(2.1, "USD")]),
    (KO, "표 | 2024년 | 2025년(E)\n매출 | 66조1930억원 | 81조원\n영업이익 | 23조4673억원 | 39조원",
     [F(66.193e12, "KRW"), F(81e12, "KRW"), F(23.4673e12, "KRW"), F(39e12, "KRW")]),
    (KO, "(단위: 억원) 매출 12,345 / 영업이익 2,345 / 순이익 1,800", []),
    (KO, "AMD는 MI300X 가속기 1만2000개를 오라클에 공급하기로 했다.", [F(12000, "gpu")]),
    (KO, "국내 기업들은 엔비디아 H100 1만 장을 확보하는 데 3000억원 안팎을 쓴 것으로 알려졌다.",
     [F(10000, "gpu"), F(3e11, "KRW", True)]),
    (KO, "삼성은 천안 캠퍼스에 HBM 패키징 라인을 증설하는 데 1조 원대 중후반을 투자한다.", [F(1e12, "KRW", True)]),
    (KO, "정부는 이번 추경에서 AI 분야에 1조 8000억 원을 배정하고, 이 가운데 1조 4600억 원을 GPU 확보에 쓴다.",
     [F(1.8e12, "KRW"), F(1.46e12, "KRW")]),
    (KO, "미국 상무부는 삼성전자에 47억4500만 달러의 보조금을 확정했다.", [F(4.745e9, "USD")]),
    (KO, "국민연금은 국내 주식 비중을 0.5%포인트 낮춰 약 14조원 규모의 매도가 불가피할 것으로 보인다.", [F(14e12, "KRW", True)]),
    (KO, "테슬라는 삼성전자와 22조8000억원 규모의 파운드리 공급 계약을 맺었다고 공시했다. 계약 기간은 2025년 7월 24일부터 2033년 12월 31일까지다.",
     [F(22.8e12, "KRW")]),
    (KO, "이번 펀드는 1차로 1조원을 조성한 뒤 2027년까지 5조원으로 키울 계획이다.", [F(1e12, "KRW"), F(5e12, "KRW")]),
    (KO, "GS건설은 경기 안산에 40MW 규모 데이터센터를 짓는데, 연면적은 5만3000㎡로 축구장 7개 크기다.",
     [F(40, "MW"), F(53000, "m ** 2")]),
    (KO, "노조는 1인당 성과급 1억원 지급을 요구하고 있다.", [F(1e8, "KRW")]),
    (KO, "한국전력은 3분기 영업이익이 5조6519억원으로 5개 분기 연속 흑자를 냈다.", [F(5.6519e12, "KRW")]),
    (KO, "정부는 전국 3곳에 1GW급 AI 데이터센터 특구를 지정하고, 2030년까지 GPU 5만 장 이상을 추가 도입한다.",
     [F(1000, "MW", True), F(50000, "gpu", False, "lower")]),
    (KO, "이번에 공개된 'AI 3대 강국' 전략에는 100조원 규모의 국민성장펀드가 포함됐다.", [F(100e12, "KRW")]),
    (KO, "엔비디아 시가총액은 장중 5조 달러를 돌파했다.", [F(5e12, "USD")]),
    (KO, "연구진은 HBM4를 12인치 웨이퍼 기준 월 1만 장 규모로 생산할 수 있다고 설명했다.", [F(10000, "wafer / month")]),
    (KO, "한편 이날 뉴욕증시에서 엔비디아 주가는 3.2% 내린 181.2달러에 마감했다.", [F(181.2, "USD")]),
    (KO, "오후 3시 30분 기준 코스피 시가총액은 2,100조원대를 기록했다.", [F(2.1e15, "KRW", True)]),
    (KO, "세액공제율은 대기업 15%, 중소기업 25%로 상향되며 시행일은 2025년 4월 2일이다.", []),
    (KO, "이 회사는 시리즈B 투자에서 1억 4천만 달러를 유치해 기업가치 10억 달러를 인정받았다.",
     [F(1.4e8, "USD"), F(1e9, "USD")]),
    (KO, "국내 팹리스 리벨리온은 약 1억4000만 달러(약 2000억원) 규모 투자를 유치했다.",
     [F(1.4e8, "USD", True), F(2e11, "KRW", True, None, 0)]),
    (KO, "SK하이닉스, 인디애나에 38억7000만 달러 투자…HBM 패키징 공장 건설", [F(3.87e9, "USD")]),
    (KO, "원전 1기 건설비는 약 14조원이며, 발전 용량은 1.4GW다.", [F(14e12, "KRW", True), F(1400, "MW")]),
    (KO, "인텔은 독일 마그데부르크 공장에 대한 보조금으로 140억 달러 가량을 기대했지만 계획은 무산됐다.",
     [F(1.4e10, "USD", True)]),
    (KO, "네이버클라우드는 세종 데이터센터에 엔비디아 H100 GPU 1만6000개를 들여 100메가와트 규모로 운영한다.",
     [F(16000, "gpu"), F(100, "MW")]),
    (KO, "두산에너빌리티는 1기가와트 규모 SMR 4기를 수주했으며 계약 규모는 5천억 원 규모다.",
     [F(1000, "MW"), F(5e11, "KRW")]),
    (KO, "경기도는 3만3000㎡ 부지에 10만㎡ 규모 연구단지를 조성하고, 인근 5,000평에는 기숙사를 짓는다.",
     [F(33000, "m ** 2"), F(100000, "m ** 2"), F(5000 * PY, "m ** 2")]),
    (KO, "이번 공장은 월 10만장 규모로 가동되며, 2단계 완공 후에는 월간 6만 장이 추가된다.",
     [F(100000, "wafer / month"), F(60000, "wafer / month")]),
    (KO, "삼성전자는 이번 투자로 3,000개 일자리를 만들고, 도쿄 법인에는 1,200억 엔을 투입한다.",
     [F(3000, "employee"), F(1.2e11, "JPY")]),
    (KO, "“AI 인프라에 5년간 100조원 투자”…정부, 국민성장펀드 본격 가동", [F(100e12, "KRW")]),
    (KO, "코스피가 2,500선을 회복한 가운데 SK하이닉스는 시가총액 2위 자리를 지켰고, 321단 V9 낸드 양산 소식에 주가가 5퍼센트 올랐다.", []),
    (KO, "문의는 대표전화 02-3456-7890 또는 사업자등록번호 123-45-67890으로 하면 된다.", []),
    (KO, "올해 국내 AI 반도체 스타트업이 유치한 투자금은 총 1조2000억원으로, 작년(6500억원)의 두 배에 가깝다.",
     [F(1.2e12, "KRW"), F(6.5e11, "KRW")]),
    (KO, "삼성전자의 올해 시설투자(CAPEX)는 전년보다 5조원 많은 53조6000억원으로, 이 중 반도체에 47조5000억원이 배정됐다.",
     [F(5e12, "KRW"), F(53.6e12, "KRW"), F(47.5e12, "KRW")]),
    (KO, "美 상무부 \"인텔에 78억6500만弗 보조금\"", [F(7.865e9, "USD")]),
    (KO, "SK스퀘어는 1주당 500원의 현금배당을 결정했으며, 배당금 총액은 약 660억원이다.", [F(500, "KRW"), F(6.6e10, "KRW", True)]),
    (KO, "씨티그룹은 SK하이닉스 목표주가를 30만원으로 올렸다.", [F(3e5, "KRW")]),
    (KO, "삼성바이오로직스는 송도 제5공장에 1조9800억원을 투입해 18만ℓ 규모의 생산능력을 확보한다.", [F(1.98e12, "KRW")]),
    (KO, "올해 1~3분기 누적 영업이익은 전년 동기 대비 2.4배인 31조원을 기록했다.", [F(31e12, "KRW")]),
    (KO, "KB증권은 HBM 시장 규모가 올해 350억달러에서 내년 580억달러로 커질 것으로 내다봤다.", [F(3.5e10, "USD"), F(5.8e10, "USD")]),
    (KO, "한국수력원자력은 체코 원전 2기를 약 24조원에 수주했다.", [F(24e12, "KRW", True)]),
    (KO, "정부는 2036년까지 송전망 건설에 72조8000억원을 투자하고, 신규 원전 3기(4.2GW)를 짓는다.", [F(72.8e12, "KRW"), F(4200, "MW")]),
    (KO, "이번 유상증자 규모는 2조5000억원이며 신주 발행가는 주당 9만6500원으로 확정됐다.", [F(2.5e12, "KRW"), F(96500, "KRW")]),
    (KO, "인공지능(AI) 데이터센터 한 곳에 필요한 전력은 원전 1기 수준인 1GW에 이른다.", [F(1000, "MW")]),
    (KO, "삼성전자, 4분기 영업익 6.5조…전년比 130%↑", [F(6.5e12, "KRW")]),
    (KO, "SK하이닉스 시총 200조 돌파…외국인 순매수 1조 넘어", [F(2e14, "KRW"), F(1e12, "KRW", False, "lower")]),
    (KO, "투자 규모는 3조∼4조원으로 추산되며, 완공 후 4만 명 이상이 근무하게 된다.",
     [F(3e12, "KRW", False, "lower"), F(4e12, "KRW", False, "upper"), F(40000, "employee", False, "lower")]),
    (KO, "삼성전자, 美 테일러에 3.7兆 추가 투자…\"2나노 라인 2026년 가동\"", [F(3.7e12, "KRW")]),
    (KO, "원·달러 환율이 1,450원을 돌파하자 외환당국은 구두개입에 나섰다.", []),
    # ================================================================= Japanese
    (JA, "【速報】ソフトバンクグループ、米オープンAIに400億ドル（約6兆円）追加出資",
     [F(4e10, "USD"), F(6e12, "JPY", True, None, 0)]),
    (JA, "東京エレクトロンの2025年3月期連結決算は、売上高が前期比33.9%増の2兆4315億円、営業利益が63.7%増の6973億円だった。",
     [F(2.4315e12, "JPY"), F(6.973e11, "JPY")]),
    (JA, "日経平均株価の終値は前日比612円高の3万9457円だった。", []),
    (JA, "東証プライム市場の売買代金は概算で5兆2381億円と活況だった。", [F(5.2381e12, "JPY", True)]),
    (JA, "キオクシアの株価は一時、前日比15%高の3,550円をつけた。", [F(3550, "JPY")]),
    (JA, "外国為替市場で円相場は1ドル=151円台後半で推移した。", []),
    (JA, "政府はラピダスに2025年度、最大8025億円を追加支援すると発表した。これにより支援総額は1兆7225億円となる。",
     [F(8.025e11, "JPY", False, "upper"), F(1.7225e12, "JPY")]),
    (JA, "TSMCの熊本第2工場は総投資額が約2兆9000億円で、経済産業省は最大7320億円を補助する。",
     [F(2.9e12, "JPY", True), F(7.32e11, "JPY", False, "upper")]),
    (JA, "第1工場は12～28ナノの回路線幅の半導体を月産5万5000枚（12インチ換算）生産する。", [F(55000, "wafer / month")]),
    (JA, "マイクロソフトは日本のAIインフラに2年間で29億ドル（約4400億円）を投資する。",
     [F(2.9e9, "USD"), F(4.4e11, "JPY", True, None, 0)]),
    (JA, "さくらインターネットはエヌビディアのGPU「H200」を約1万基整備する計画で、総事業費は1000億円規模となる。",
     [F(10000, "gpu", True), F(1e11, "JPY")]),
    (JA, "KDDIは大阪府堺市のシャープ工場跡地に約1000億円を投じ、データセンターを2026年3月までに稼働させる。",
     [F(1e11, "JPY", True)]),
    (JA, "同センターの受電容量は約150メガワットで、敷地面積は約44万平方メートルに及ぶ。",
     [F(150, "MW", True), F(440000, "m ** 2", True)]),
    (JA, "日本政府は2030年度までにAI・半導体分野に10兆円以上の公的支援を行う方針を示した。", [F(10e12, "JPY", False, "lower")]),
    (JA, "ソニーグループの4～6月期の営業利益は前年同期比36%増の3,405億円だった。", [F(3.405e11, "JPY")]),
    (JA, "東京都内で開かれた説明会には約200人が出席した。", []),
    (JA, "新工場の建設で約1700人の雇用が生まれる見込みだ。", [F(1700, "employee", True)]),
    (JA, "JASMは2024年末時点で従業員数が約2400人に達した。", [F(2400, "employee", True)]),
    (JA, "ドル円相場は一時1ドル=158円まで円安が進み、政府・日銀は約9兆7885億円の為替介入を実施した。",
     [F(9.7885e12, "JPY", True)]),
    (JA, "アドバンテストの株価は上場来高値を更新し、時価総額は10兆円を突破した。", [F(10e12, "JPY")]),
    (JA, "ルネサスは米アルティウムを約9100億円で買収すると発表した。", [F(9.1e11, "JPY", True)]),
    (JA, "北海道千歳市のラピダス工場の敷地は約65ヘクタールで、2nm世代のロジック半導体を2027年に量産する。",
     [F(650000, "m ** 2", True)]),
    (JA, "エヌビディアのフアンCEOは、DGX B200を搭載したスーパーコンピューターを納入したと述べた。GPUの数は4000基を超える。",
     [F(4000, "gpu", False, "lower")]),
    (JA, "キオクシアは北上工場の第2製造棟に約7000億円を投じ、第8世代（218層）のフラッシュメモリーを生産する。",
     [F(7e11, "JPY", True)]),
    (JA, "円建てで4,000億円程度の社債を発行し、調達資金は設備投資に充てる。", [F(4e11, "JPY", True)]),
    (JA, "アマゾン・ウェブ・サービス（AWS）は2027年までに日本で2兆2600億円を投資する計画だ。", [F(2.26e12, "JPY")]),
    (JA, "オラクルは今後10年間で日本に80億ドル（約1兆2000億円）超を投資すると発表した。",
     [F(8e9, "USD", False, "lower"), F(1.2e12, "JPY", True, "lower", 0)]),
    (JA, "三菱UFJ銀行などは、ラピダスに総額2000億円規模の融資枠を設定する方向で調整している。", [F(2e11, "JPY")]),
    (JA, "日立製作所は送配電事業の人員を2027年度までに3000人増やす。", [F(3000, "employee")]),
    (JA, "半導体受託製造の世界シェアはTSMCが67%で首位、サムスン電子が7.7%で2位だった。", []),
    (JA, "国内の生成AI市場は2030年に1兆7774億円と、23年比で約15倍に拡大すると予測される。", [F(1.7774e12, "JPY")]),
    (JA, "ＮＴＴは光電融合技術の開発に５年間で１，０００億円を投じる。", [F(1e11, "JPY")]),
    (JA, "2025年4月2日、米政府は日本からの輸入品に24%の相互関税を課すと発表した。", []),
    (JA, "日本製鉄はUSスチールを1株55ドル、総額141億ドルで買収する。", [F(55, "USD"), F(1.41e10, "USD")]),
    (JA, "トヨタは米ノースカロライナ州の電池工場への投資額を約139億ドルに引き上げ、約5000人の雇用を創出する。",
     [F(1.39e10, "USD", True), F(5000, "employee", True)]),
    (JA, "GPUサーバー1台の価格は5000万円前後とされる。", [F(5e7, "JPY", True)]),
    (JA, "データセンターの電力消費量は2040年に1500億キロワット時に達するとの試算もある。", []),
    (JA, "ソフトバンクは堺工場跡地に約1000億円を投じ、受電容量150メガワット規模のAIデータセンターを構築する。2026年に稼働し、将来は400メガワット超に拡大する。",
     [F(1e11, "JPY", True), F(150, "MW"), F(400, "MW", False, "lower")]),
    (JA, "信越化学は群馬県伊勢崎市に約830億円を投じて新工場を建設する。", [F(8.3e10, "JPY", True)]),
    (JA, "同社の時価総額は一時、4兆ドルの大台に乗った。", [F(4e12, "USD")]),
    (JA, "日本の貿易収支は3カ月連続の赤字で、赤字額は2兆円弱となった。", [F(2e12, "JPY", True)]),
    (JA, "経産省は次世代半導体の研究開発に今年度予算で3300億円を計上し、補正予算と合わせて約1.5兆円を確保した。",
     [F(3.3e11, "JPY"), F(1.5e12, "JPY", True)]),
    (JA, "新型のHBM3Eは12層積層で、容量は36ギガバイト、データ転送速度は毎秒1.2テラバイトに達する。", []),
    (JA, "JSRの買収額は約9039億円で、産業革新投資機構（JIC）が1株4350円でTOBを実施する。",
     [F(9.039e11, "JPY", True), F(4350, "JPY")]),
    (JA, "米マイクロン・テクノロジーは広島工場に最大5000億円を投資し、政府は1920億円を上限に補助する。",
     [F(5e11, "JPY", False, "upper"), F(1.92e11, "JPY", False, "upper")]),
    (JA, "アジア開発銀行（ADB）は、年間100億ドル超の気候変動対策融資を行う。", [F(1e10, "USD", False, "lower")]),
    (JA, "インテルは独マクデブルク工場の建設を延期した。当初の投資計画は300億ユーロだった。", [F(3e10, "EUR")]),
    (JA, "中国の半導体大手SMICの7～9月期売上高は前年同期比9.9%増の23億8200万ドルだった。", [F(2.382e9, "USD")]),
    (JA, "サムスン電子は韓国・平沢に約30兆ウォン（約3.3兆円）を投じる。",
     [F(30e12, "KRW", True), F(3.3e12, "JPY", True, None, 0)]),
    (JA, "台湾の鴻海精密工業は、日本でEV関連に1000億円を投資する計画を明らかにした。", [F(1e11, "JPY")]),
    (JA, "説明資料によると、設備投資額は24年度の約1兆1000億円から、25年度は1兆5000億円程度に増える。",
     [F(1.1e12, "JPY", True), F(1.5e12, "JPY", True)]),
    (JA, "ＧＰＵ（画像処理半導体）を約２万基搭載するスーパーコンピューターを整備する。", [F(20000, "gpu", True)]),
    (JA, "三井住友フィナンシャルグループは、インドのイエス銀行の株式20%を約2500億円で取得する。", [F(2.5e11, "JPY", True)]),
    (JA, "2月の経常収支は4兆620億円の黒字だった。", [F(4.062e12, "JPY")]),
    (JA, "新工場の延べ床面積は約2万3000平方メートルで、2027年度の稼働を目指す。", [F(23000, "m ** 2", True)]),
    (JA, "パナソニックは従業員1万人の削減を発表した。", [F(10000, "employee")]),
    (JA, "国内の携帯電話契約数は2億件を超えた。", []),
    (JA, "2025年7～9月期の実質GDPは年率換算で1.8%減となった。", []),
    (JA, "レゾナックは1株あたり年間65円の配当を予定している。", [F(65, "JPY")]),
    (JA, "ラピダスは2ナノ品の試作ラインで、月産数千枚規模の生産を目指す。", []),
    (JA, "AI向けデータセンターの投資額は世界全体で年間4000億ドル（約60兆円）に上るとの試算がある。",
     [F(4e11, "USD"), F(60e12, "JPY", True, None, 0)]),
    (JA, "総工費はおよそ2兆円強とみられる。", [F(2e12, "JPY", True)]),
    (JA, "東京電力管内の最大電力需要は5,800万キロワットに迫った。", [F(58000, "MW")]),
    (JA, "新規株式公開（IPO）で調達した資金は約1兆3000億円で、時価総額は7兆5000億円に達した。",
     [F(1.3e12, "JPY", True), F(7.5e12, "JPY")]),
    (JA, "サムスン電子は日本の研究拠点に5兆ウォンを投じる方針で、うち1000億円弱を横浜の新施設に充てる。",
     [F(5e12, "KRW"), F(1e11, "JPY", True)]),
    (JA, "ソフトバンクはエヌビディアのH100を1万基導入し、さらに新型「B200」を4000基追加する。",
     [F(10000, "gpu"), F(4000, "gpu")]),
    (JA, "新データセンターの電力容量は1.4ギガワットで、米国勢の1兆円超の投資に対抗する。",
     [F(1400, "MW"), F(1e12, "JPY", False, "lower")]),
    (JA, "キオクシアは北上第2工場で月産2万枚の生産を始め、2029年までに300億ドルを投じる。",
     [F(20000, "wafer / month"), F(3e10, "USD")]),
    (JA, "中国勢は日本の装置メーカーから4,000億円相当の製造装置を買い付けた。", [F(4e11, "JPY")]),
    (JA, "日経平均は一時800ポイント超下落し、TOPIXも40ポイント安となった。値下がり率では東京エレクトロンが第1位だった。", []),
    (JA, "＜決算＞売上高 4兆1000億円（前年比8%増）、営業利益 5200億円、純利益 3900億円",
     [F(4.1e12, "JPY"), F(5.2e11, "JPY"), F(3.9e11, "JPY")]),
    (JA, "ソフトバンクG、最終益1兆1726億円　4〜6月期", [F(1.1726e12, "JPY")]),
    (JA, "トヨタ、営業益3.2兆円に下方修正　米関税で1.4兆円の減益要因", [F(3.2e12, "JPY"), F(1.4e12, "JPY")]),
    (JA, "ＴＳＭＣ、熊本第２工場に１兆円超　２７年稼働へ", [F(1e12, "JPY", False, "lower")]),
    (JA, "半導体製造装置の2025年度の日本製装置販売額は4兆8000億円を見込む（前年度比2.0%増）。", [F(4.8e12, "JPY")]),
    (JA, "楽天グループは携帯事業で約3000億円の赤字を計上した。", [F(3e11, "JPY", True)]),
    (JA, "同社は約2億ドル（約300億円）の資金を調達し、評価額は10億ドルを超えた。",
     [F(2e8, "USD", True), F(3e10, "JPY", True, None, 0), F(1e9, "USD", False, "lower")]),
    (JA, "経済産業省によると、国内データセンター市場は約3兆円で、電力需要は約100万キロワット増える見込みだ。",
     [F(3e12, "JPY", True), F(1000, "MW", True)]),
    (JA, "日銀は政策金利を0.5%に引き上げ、17年ぶりの水準とした。", []),
    (JA, "セブン＆アイへの買収提案額は1株当たり約2600円、総額で約7兆円に上る。", [F(2600, "JPY", True), F(7e12, "JPY", True)]),
    (JA, "新工場の従業員は約700人で、うち300人を地元から採用する。", [F(700, "employee", True), F(300, "employee")]),
    (JA, "出資比率は東芝が51%、ロームが49%で、投資額は計3883億円となる。", [F(3.883e11, "JPY")]),
    (JA, "ＧＰＵを約１万基搭載する国内最大級の計算基盤「ABCI 3.0」を稼働させた。", [F(10000, "gpu", True)]),
    # ================================================================= Chinese
    (CN, "【快讯】英伟达市值突破5万亿美元，成为全球首家市值达到该水平的公司。", [F(5e12, "USD")]),
    (CN, "中芯国际第三季度实现营收23.82亿美元，同比增长9.9%；归母净利润1.92亿美元。", [F(2.382e9, "USD"), F(1.92e8, "USD")]),
    (CN, "国家集成电路产业投资基金三期于2024年5月24日成立，注册资本3440亿元人民币。", [F(3.44e11, "CNY")]),
    (CN, "上证指数收报3,380.21点，涨0.56%；深证成指涨1.2%，两市成交额1.45万亿元。", [F(1.45e12, "CNY")]),
    (CN, "贵州茅台股价收于1,480元，总市值约1.86万亿元。", [F(1480, "CNY"), F(1.86e12, "CNY", True)]),
    (CN, "在岸人民币对美元汇率收报7.1250，1美元兑7.12元人民币。", []),
    (CN, "据悉，该智算中心一期部署英伟达H100芯片1万块，总算力达到4000 PFlops。", [F(10000, "gpu")]),
    (CN, "阿里巴巴宣布未来三年将投入超过3800亿元，用于建设云和AI硬件基础设施。", [F(3.8e11, "CNY", False, "lower")]),
    (CN, "该项目总投资约120亿元，规划用地面积约500亩，达产后年产值可达200亿元。",
     [F(1.2e10, "CNY", True), F(500 * MU, "m ** 2", True), F(2e10, "CNY")]),
    (CN, "长鑫存储计划在合肥新建12英寸晶圆厂，月产能12万片。", [F(120000, "wafer / month")]),
    (CN, "项目建成后将新增就业岗位约3000个。", [F(3000, "employee", True)]),
    (CN, "华为昇腾910B芯片的售价约为12万元。", [F(120000, "CNY", True)]),
    (CN, "台积电2025年资本支出预计在400亿至420亿美元之间。", [F(4e10, "USD", False, "lower"), F(4.2e10, "USD", False, "upper")]),
    (CN, "美国商务部宣布向台积电提供66亿美元补贴，并提供最多50亿美元贷款。", [F(6.6e9, "USD"), F(5e9, "USD", False, "upper")]),
    (CN, "工信部表示，全国在用算力中心标准机架数超过830万架，算力总规模达280EFLOPS。", []),
    (CN, "该公司计划在2026年前招聘2000名工程师。", [F(2000, "employee")]),
    (CN, "会议吸引了来自20个国家的500余名代表参加。", []),
    (CN, "比亚迪2024年营业收入7771亿元，同比增长29%，净利润402.5亿元。", [F(7.771e11, "CNY"), F(4.025e10, "CNY")]),
    (CN, "腾讯今年资本开支预计将超过千亿元。", [F(1e11, "CNY", False, "lower")]),
    (CN, "数据中心PUE值降至1.25以下，年用电量约为5亿千瓦时。", []),
    (CN, "该基金首期规模100亿元，其中政府引导基金出资20亿元。", [F(1e10, "CNY"), F(2e9, "CNY")]),
    (CN, "沐曦股份IPO拟募资39.04亿元，发行价每股104.66元。", [F(3.904e9, "CNY"), F(104.66, "CNY")]),
    (CN, "据报道，字节跳动2025年计划在AI基础设施上投入约1600亿元，其中约850亿元用于采购AI芯片。",
     [F(1.6e11, "CNY", True), F(8.5e10, "CNY", True)]),
    (CN, "上海临港新片区集成电路产业项目总投资超1000亿元，占地2000亩。",
     [F(1e11, "CNY", False, "lower"), F(2000 * MU, "m ** 2")]),
    (CN, "中国移动智算中心（呼和浩特）部署约2万张AI加速卡，智算规模达6.7EFLOPS。", [F(20000, "gpu", True)]),
    (CN, "国务院常务会议提出，对集成电路企业给予最高5000万元的一次性奖励。", [F(5e7, "CNY", False, "upper")]),
    (CN, "深圳市计划到2027年建成10个以上万卡级智算集群。", []),
    (CN, "欧盟《芯片法案》计划动员超过430亿欧元的公共和私人投资。", [F(4.3e10, "EUR", False, "lower")]),
    (CN, "沙特公共投资基金计划投资400亿美元成立AI基金。", [F(4e10, "USD")]),
    (CN, "韩国政府宣布，将在2047年前向龙仁半导体集群投资622万亿韩元。", [F(6.22e14, "KRW")]),
    (CN, "日本政府已批准向Rapidus追加拨款8025亿日元，累计支援金额达1.72万亿日元。", [F(8.025e11, "JPY"), F(1.72e12, "JPY")]),
    (CN, "中际旭创前三季度净利润同比增长90.05%，达到71.32亿元；每股收益6.45元。", [F(7.132e9, "CNY"), F(6.45, "CNY")]),
    (CN, "该款芯片采用5nm工艺，集成了1000亿个晶体管，功耗为700W。", []),
    (CN, "今年前10个月，全国集成电路出口额为1.1万亿元，同比增长21.2%。", [F(1.1e12, "CNY")]),
    (CN, "小米集团宣布未来五年研发投入2000亿元，其中AI相关投入约占四分之一。", [F(2e11, "CNY")]),
    (CN, "北京亦庄规划建设总功率500兆瓦的智算中心集群，总投资约300亿元。", [F(500, "MW"), F(3e10, "CNY", True)]),
    (CN, "内蒙古和林格尔新区已建成的数据中心机架超过20万架，服务器装机能力150万台。", []),
    (CN, "A股三大指数集体收涨，沪指涨0.8%报3412点，创业板指涨1.5%。", []),
    (CN, "中芯国际董事长表示，公司今年计划新增约5万片12英寸月产能。", [F(50000, "wafer / month", True)]),
    (CN, "华虹半导体无锡二期项目投资67亿美元，规划月产能8.3万片。", [F(6.7e9, "USD"), F(83000, "wafer / month")]),
    (CN, "据统计，2024年中国AI服务器市场规模达到221亿美元。", [F(2.21e10, "USD")]),
    (CN, "美国对华半导体出口管制升级，涉及140家中国实体。", []),
    (CN, "英特尔宣布在马来西亚槟城投资70亿美元（约合人民币500亿元）建设先进封装工厂。",
     [F(7e9, "USD"), F(5e10, "CNY", True, None, 0)]),
    (CN, "2025年第二季度，全球DRAM市场营收环比增长17.1%至316亿美元，SK海力士以38.7%的份额排名第一。", [F(3.16e10, "USD")]),
    (CN, "拼多多股价盘后大跌10%，至每股98.5美元。", [F(98.5, "USD")]),
    (CN, "宁德时代匈牙利工厂总投资73.4亿欧元，预计创造2500个就业岗位。", [F(7.34e9, "EUR"), F(2500, "employee")]),
    (CN, "浙江省将设立规模为1000亿元的集成电路产业投资基金。", [F(1e11, "CNY")]),
    (CN, "港交所数据显示，上半年香港IPO募资总额达1070亿港元，重回全球第一。", [F(1.07e11, "HKD")]),
    (CN, "新加坡政府拨款5亿新加坡元支持人工智能计算资源建设。", [F(5e8, "SGD")]),
    (CN, "该工厂占地面积15万平方米，建筑面积约30万平方米。", [F(150000, "m ** 2"), F(300000, "m ** 2", True)]),
    (CN, "该集团计划投资 1,000 亿元人民币，在西部建设 8 个算力枢纽节点。", [F(1e11, "CNY")]),
    (CN, "紫光集团重整投资额约600亿元，战略投资者为智路建广联合体。", [F(6e10, "CNY", True)]),
    (CN, "到2025年底，全国智能算力规模将达到300 EFLOPS，带动相关产业规模超过1万亿元。", [F(1e12, "CNY", False, "lower")]),
    (CN, "国务院批准设立人民币1000亿元的国家人工智能产业投资基金，社会资本另出资1000亿人民币。",
     [F(1e11, "CNY"), F(1e11, "CNY")]),
    (CN, "台湾当局计划投入新台币1.2万亿元建设AI基础设施，其中台币500亿元用于算力中心。",
     [F(1.2e12, "TWD"), F(5e10, "TWD")]),
    (CN, "该项目规划装机容量1吉瓦，预计创造2万个就业岗位。", [F(1000, "MW"), F(20000, "employee")]),
    (CN, "公司计划新建月产能5万片的12英寸晶圆厂，并在越南购买500公顷土地。", [F(50000, "wafer / month"), F(5e6, "m ** 2")]),
    (CN, "毛利率同比提升3.2个百分点，8英寸晶圆产能利用率回升至95%。", []),
    (CN, "据彭博社报道，微软将在未来四年向阿联酋投资152亿美元，其中包括向G42投资15亿美元。",
     [F(1.52e10, "USD"), F(1.5e9, "USD")]),
    # -- Taiwan
    (TW, "台積電董事會核准約新台幣4,827億元資本預算，並增資美國子公司不超過100億美元。",
     [F(4.827e11, "TWD", True), F(1e10, "USD", False, "upper")]),
    (TW, "鴻海10月營收新台幣8,894億元，年增11.3%，創歷年同期新高。", [F(8.894e11, "TWD")]),
    (TW, "台積電股價終場上漲15元，收在1,160元，市值達新台幣30.1兆元。",
     [F(15, "TWD"), F(1160, "TWD"), F(30.1e12, "TWD")]),
    (TW, "新台幣兌美元匯率收在30.12元，升值1.2角。", []),
    (TW, "台灣加權指數收盤上漲201點，收在22,800點，成交金額4,520億元。", [F(4.52e11, "TWD")]),
    (TW, "經濟部宣布投入台幣500億元推動AI新十大建設，並規劃在南部設置5座資料中心。", [F(5e10, "TWD")]),
    (TW, "廣達AI伺服器出貨量年增逾200%，今年營收有望突破2兆元。", [F(2e12, "TWD")]),
    (TW, "力積電銅鑼新廠投資總額約新台幣2,780億元，月產能10萬片12吋晶圓。",
     [F(2.78e11, "TWD", True), F(100000, "wafer / month")]),
    (TW, "美光宣布未來將在台灣投資逾新台幣5,000億元，並雇用2,000名員工。",
     [F(5e11, "TWD", False, "lower"), F(2000, "employee")]),
    (TW, "國發基金將匡列100億元投資國內AI新創，並吸引民間資金1,000億元。", [F(1e10, "TWD"), F(1e11, "TWD")]),
    (TW, "台灣2024年半導體產值達新台幣5.3兆元，佔全球比重約18%。", [F(5.3e12, "TWD")]),
    (TW, "日月光投控第三季營收新台幣1,685億元，毛利率16.9%，每股稅後純益2.07元。", [F(1.685e11, "TWD"), F(2.07, "TWD")]),
    (TW, "英特爾將以每股23美元出售部分股權給軟銀，總額20億美元。", [F(23, "USD"), F(2e9, "USD")]),
    (TW, "輝達執行長黃仁勳宣布，將與台灣合作打造配備1萬顆GPU的AI超級電腦。", [F(10000, "gpu")]),
    (CN, "中芯国际：三季度营收22亿美元 毛利率20.5%", [F(2.2e9, "USD")]),
    (CN, "寒武纪前三季度营收46.07亿元，同比增长2386.38%，实现扭亏为盈。", [F(4.607e9, "CNY")]),
    (CN, "上海市发布人工智能专项政策，最高给予单个项目1亿元支持，算力补贴总额达6亿元。",
     [F(1e8, "CNY", False, "upper"), F(6e8, "CNY")]),
    (CN, "海光信息拟以换股方式吸收合并中科曙光，交易金额超千亿元。", [F(1e11, "CNY", False, "lower")]),
    (CN, "今年以来，A股半导体板块市值增加逾2万亿元。", [F(2e12, "CNY", False, "lower")]),
    (CN, "据IDC预测，到2028年中国智能算力规模将达到2781.9EFLOPS，五年复合增长率46.2%。", []),
    (CN, "该公司向银行申请不超过50亿元的综合授信额度，期限3年。", [F(5e9, "CNY", False, "upper")]),
    (CN, "英伟达向中国市场推出H20芯片，单价约1.2万至1.5万美元。",
     [F(12000, "USD", True, "lower"), F(15000, "USD", True, "upper")]),
    (CN, "合肥长鑫IPO估值约1500亿元，拟募资近300亿元。", [F(1.5e11, "CNY", True), F(3e10, "CNY", True)]),
    (CN, "中国半导体行业协会数据显示，2024年中国集成电路产业销售额为14313亿元。", [F(1.4313e12, "CNY")]),
    (TW, "聯發科第三季每股純益16.79元，營收1,420.97億元，季減5.5%。", [F(16.79, "TWD"), F(1.42097e11, "TWD")]),
    (TW, "台積電ADR收盤上漲2.3%，報每單位298.5美元。", [F(298.5, "USD")]),
    (TW, "輝達宣布在北投士林科技園區設立海外總部，預計投資逾新台幣800億元，創造數千個工作機會。", [F(8e10, "TWD", False, "lower")]),
    # ================================================================== English
    (EN, "Nvidia posts record $57 billion in quarterly revenue, guides to $65 billion", [F(5.7e10, "USD"), F(6.5e10, "USD")]),
    (EN, "Microsoft said it would spend about $80 billion in fiscal 2025 on AI-enabled data centers, more than half of it in the United States.",
     [F(8e10, "USD", True)]),
    (EN, "The Nasdaq Composite rose 1.2% to 19,842.5, while the S&P 500 added 38 points, or 0.6%, to 6,012.", []),
    (EN, "Shares of Micron jumped 7% to $112.40 in after-hours trading after the company forecast revenue of $8.7 billion, "
         "plus or minus $200 million, for the fiscal second quarter.",
     [F(112.4, "USD"), F(8.7e9, "USD"), F(2e8, "USD")]),
    (EN, "SK Hynix Inc. will invest 3.87 billion dollars to build an advanced packaging plant in West Lafayette, Indiana, creating about 1,000 jobs.",
     [F(3.87e9, "USD"), F(1000, "employee", True)]),
    (EN, "The CHIPS Act provides $52.7 billion for American semiconductor research, manufacturing and workforce development, "
         "including $39 billion in manufacturing incentives.",
     [F(5.27e10, "USD"), F(3.9e10, "USD")]),
    (EN, "Samsung Electronics said on Oct. 31, 2025, that its third-quarter operating profit rose to 12.2 trillion won ($8.6 billion) "
         "on revenue of 86.1 trillion won.",
     [F(12.2e12, "KRW"), F(8.6e9, "USD", False, None, 0), F(86.1e12, "KRW")]),
    (EN, "The dollar traded at 151.20 yen, while the won weakened to 1,438 per dollar.", []),
    (EN, "Intel's Ohio One project, first announced as a $20 billion investment in January 2022, could eventually reach $100 billion and 10,000 jobs.",
     [F(2e10, "USD"), F(1e11, "USD"), F(10000, "employee")]),
    (EN, "OpenAI, Oracle and SoftBank unveiled Stargate, a $500 billion joint venture, with an initial $100 billion to be deployed immediately.",
     [F(5e11, "USD"), F(1e11, "USD")]),
    (EN, "The Abilene, Texas, campus will draw 1.2 gigawatts and house up to 400,000 Nvidia GB200 chips.",
     [F(1200, "MW"), F(400000, "gpu", False, "upper")]),
    (EN, "xAI's Colossus supercomputer in Memphis was built with 100,000 H100 GPUs in 122 days and later doubled to 200k GPUs.",
     [F(100000, "gpu"), F(200000, "gpu")]),
    (EN, "TSMC reported net income of NT$452.3 billion (US$14.8 billion) for the third quarter, up 39.1% year over year.",
     [F(4.523e11, "TWD"), F(1.48e10, "USD", False, None, 0)]),
    (EN, "The Taiwan Stock Exchange's benchmark TAIEX closed up 1.1% at 23,410.24 points, with turnover of NT$512.6 billion.",
     [F(5.126e11, "TWD")]),
    (EN, "Reliance Industries plans to invest Rs 75,000 crore in a 3-gigawatt AI data centre in Jamnagar.",
     [F(7.5e11, "INR"), F(3000, "MW")]),
    (EN, "India's cabinet approved the ₹76,000 crore India Semiconductor Mission, and Tata's Dholera fab alone is worth INR 91,000 crore ($11 billion).",
     [F(7.6e11, "INR"), F(9.1e11, "INR"), F(1.1e10, "USD", False, None, 1)]),
    (EN, "The Japanese government has committed more than ¥3.9 trillion to chips since 2021, including ¥1.72 trillion for Rapidus.",
     [F(3.9e12, "JPY", False, "lower"), F(1.72e12, "JPY")]),
    (EN, "Broadcom shares closed at $356.70, giving the company a market value of about $1.68 trillion.",
     [F(356.7, "USD"), F(1.68e12, "USD", True)]),
    (EN, "Meta raised its 2025 capital expenditure forecast to $70 billion-$72 billion.",
     [F(7e10, "USD", False, "lower"), F(7.2e10, "USD", False, "upper")]),
    (EN, "Amazon said it would invest at least $20 billion in Pennsylvania and $10 billion in North Carolina to expand data-center infrastructure.",
     [F(2e10, "USD", False, "lower"), F(1e10, "USD")]),
    (EN, "The plant, which will employ 1,800 people when complete, will produce 20,000 wafers a month on the 28nm node.",
     [F(1800, "employee"), F(20000, "wafer / month")]),
    (EN, "About 2,500 people attended the keynote at the SAP Center in San Jose, California, on March 18.", []),
    (EN, "Nvidia's H20 was priced at around $12,000 to $15,000 per unit, compared with $25,000-$30,000 for the H100.",
     [F(12000, "USD", True, "lower"), F(15000, "USD", True, "upper"), F(25000, "USD", False, "lower"), F(30000, "USD", False, "upper")]),
    (EN, "GlobalFoundries announced a $16 billion investment plan and expects to hire about 1,500 more workers.",
     [F(1.6e10, "USD"), F(1500, "employee", True)]),
    (EN, "Apple's pledge now totals $600 billion over four years, up from the $500 billion it announced in February.",
     [F(6e11, "USD"), F(5e11, "USD")]),
    (EN, "Texas Instruments plans to spend more than $60bn across seven fabs in Texas and Utah, supporting 60,000 new jobs.",
     [F(6e10, "USD", False, "lower"), F(60000, "employee")]),
    (EN, "ASML booked €5.4 bn of orders in the third quarter, of which €3.6bn were EUV.", [F(5.4e9, "EUR"), F(3.6e9, "EUR")]),
    (EN, "The European Commission approved a €5 billion German state aid measure for ESMC, the TSMC-led joint venture in Dresden.",
     [F(5e9, "EUR")]),
    (EN, "Infineon will spend EUR 5bn on its new Smart Power Fab in Dresden, which is set to create 1,000 jobs.",
     [F(5e9, "EUR"), F(1000, "employee")]),
    (EN, "SoftBank Group posted a net profit of 2.5 trillion yen ($16.6 billion) for the July-September quarter.",
     [F(2.5e12, "JPY"), F(1.66e10, "USD", False, None, 0)]),
    (EN, "Kioxia's IPO priced at 1,455 yen a share, valuing the company at about 750 billion yen.",
     [F(1455, "JPY"), F(7.5e11, "JPY", True)]),
    (EN, "The fund, which has raised $6.6 billion so far, aims to close at $10 billion-plus by mid-2026.",
     [F(6.6e9, "USD"), F(1e10, "USD", False, "lower")]),
    (EN, "A $20-billion state guarantee program was also announced.", [F(2e10, "USD")]),
    (EN, "The facility spans 1.2 million square feet on a 500-acre site and will need 300 megawatts of power.",
     [F(1.2e6 * FT2, "m ** 2"), F(500 * ACRE, "m ** 2"), F(300, "MW")]),
    (EN, "Vantage Data Centers said the $25 billion Frontier campus near Abilene would total 1.4 GW across 10 buildings.",
     [F(2.5e10, "USD"), F(1400, "MW")]),
    (EN, "The Korean government plans to secure 10,000 high-performance GPUs by the end of the year and 30,000 by 2030.",
     [F(10000, "gpu"), F(30000, "gpu")]),
    (EN, "Rapidus aims to start mass production of 2nm chips in 2027 at its plant in Chitose, Hokkaido.", []),
    (EN, "The company repurchased 3.2 million shares for $1.1 billion during the quarter.", [F(1.1e9, "USD")]),
    (EN, "Micron will receive up to $6.165 billion in direct funding and about $7.5 billion in loans, the Commerce Department said on Wednesday.",
     [F(6.165e9, "USD", False, "upper"), F(7.5e9, "USD", True)]),
    (EN, "Call our investor relations team at +1 (408) 555-0123 or visit 2788 San Tomas Expressway, Santa Clara.", []),
    (EN, "The B200 delivers up to 20 petaflops of FP4 performance and carries 192GB of HBM3E memory at 8TB/s.", []),
    (EN, "AMD's MI355X, built on TSMC's N3P process, draws 1,400W; a rack of 128 GPUs consumes about 200 kilowatts.",
     [F(128, "gpu"), F(0.2, "MW", True)]),
    (EN, "Investors poured $97 billion into AI startups in 2024, roughly a third of global venture funding.", [F(9.7e10, "USD")]),
    (EN, "The UAE's MGX and a BlackRock-led consortium agreed to buy Aligned Data Centers for $40 billion.", [F(4e10, "USD")]),
    (EN, "Foxconn's revenue rose 11% to NT$2.06 trillion ($67 billion) in the third quarter.",
     [F(2.06e12, "TWD"), F(6.7e10, "USD", False, None, 0)]),
    (EN, "Taiwan's cabinet earmarked NT$300 billion for AI over four years, about US$9.3 billion.",
     [F(3e11, "TWD"), F(9.3e9, "USD", True)]),
    (EN, "Malaysia has approved investments of RM25 billion ($5.6 billion) in the semiconductor sector.",
     [F(2.5e10, "MYR"), F(5.6e9, "USD", False, None, 0)]),
    (EN, "Singapore will put S$500 million into a national AI compute plan, Deputy Prime Minister Lawrence Wong said.", [F(5e8, "SGD")]),
    (EN, "At 3 p.m., the KOSPI was trading 1.5% higher at 2,610, while the KOSDAQ slipped to 842.", []),
    (EN, "SK hynix's HBM sales are expected to double in 2026, and it plans to spend KRW 3.6 trillion on its M15X fab this year.",
     [F(3.6e12, "KRW")]),
    (EN, "Samsung's board approved a ₩10tn share buyback, its largest ever.", [F(1e13, "KRW")]),
    (EN, "The Japanese chip equipment maker expects JPY 400bn in operating profit for the fiscal year ending March 2026.", [F(4e11, "JPY")]),
    (EN, "CoreWeave signed a $14 billion deal with Meta and a $6.5 billion expansion with OpenAI, bringing its contract backlog to $55.6 billion.",
     [F(1.4e10, "USD"), F(6.5e9, "USD"), F(5.56e10, "USD")]),
    (EN, "The project will create 3,000 new jobs and 5,000 construction jobs over the next five years.",
     [F(3000, "employee"), F(5000, "employee")]),
    (EN, "Data-centre operators are spending some US$ 12 billion a year in the region; Equinix alone earmarked USD12bn.",
     [F(1.2e10, "USD", True), F(1.2e10, "USD")]),
    (EN, "The Chinese province will invest 12 billion U.S. dollars in computing power hubs, state media reported.", [F(1.2e10, "USD")]),
    (EN, "The government has announced incentives of Rs 1.5 lakh crore for electronics manufacturing.", [F(1.5e12, "INR")]),
    (EN, "The 12-inch wafer fab will have a capacity of 30K wpm at full ramp.", [F(30000, "wafer / month")]),
    (EN, "Its new facility in Hsinchu will produce 100,000 wafers a month of 300mm silicon.", [F(100000, "wafer / month")]),
    (EN, "The ruling party proposed a 1.5 billion euros fund for European AI gigafactories, each housing around 100,000 advanced AI chips.",
     [F(1.5e9, "EUR"), F(100000, "gpu", True)]),
    (EN, "Arm's royalty revenue rose 21% to $580 million, and licensing revenue was $565m.", [F(5.8e8, "USD"), F(5.65e8, "USD")]),
    (EN, "The company said it plans to spend $600m on a plant in Penang and hire 2,000 staff.", [F(6e8, "USD"), F(2000, "employee")]),
    (EN, "By 2030 the state-backed fund will have deployed 40 billion yen ($270 million) in startups.",
     [F(4e10, "JPY"), F(2.7e8, "USD", False, None, 0)]),
    (EN, "South Korea plans to offer 3.5 trillion won ($2.6 billion) in low-interest loans to chipmakers.",
     [F(3.5e12, "KRW"), F(2.6e9, "USD", False, None, 0)]),
    (EN, "A ¥2 trillion-plus package for AI and chips will be submitted to the Diet, officials said on Friday.",
     [F(2e12, "JPY", False, "lower")]),
    (EN, "Intel has said it will cut about 15% of its workforce, or roughly 15,000 positions.", [F(15000, "employee", True)]),
    (EN, "Nvidia was the No. 1 stock by trading value, with $43.2 billion changing hands, while AMD ranked No. 3.", [F(4.32e10, "USD")]),
    (EN, "Over the next decade, the partnership aims to deploy clusters of 100,000 GPUs in each of five regions.", [F(100000, "gpu")]),
    (EN, "The EU will contribute EUR 2bn and member states €1.3 bn to the program, on top of a $1.2tn global pipeline.",
     [F(2e9, "EUR"), F(1.3e9, "EUR"), F(1.2e12, "USD")]),
    (EN, "The developer bought 500 hectares near Johor Bahru for a 2-gigawatt campus.", [F(5e6, "m ** 2"), F(2000, "MW")]),
    (EN, "In 1Q25 revenue was flat, and for FY2025 the company guided to margins 2 percentage points higher, it said on Apr. 2, 2025.", []),
    (EN, "The 62-year-old chief executive, who took the No. 2 job in 2019, said the 3nm and A16 nodes were on track.", []),
    (EN, "| Company | Capex 2025 | Capex 2026E |\n| Microsoft | $88bn | $120bn |\n| Alphabet | $91bn | $110bn |",
     [F(8.8e10, "USD"), F(1.2e11, "USD"), F(9.1e10, "USD"), F(1.1e11, "USD")]),
    (EN, "\"We will put $35 billion to work over the next three years,\" the chief executive told Reuters on Tuesday.",
     [F(3.5e10, "USD")]),
    (EN, "Nvidia to invest up to $100 billion in OpenAI as part of 10-gigawatt data-center buildout",
     [F(1e11, "USD", False, "upper"), F(10000, "MW")]),
    (EN, "Alphabet lifted its 2025 capex outlook to between $91 billion and $93 billion.",
     [F(9.1e10, "USD", False, "lower"), F(9.3e10, "USD", False, "upper")]),
    (EN, "The yen weakened past 155 per dollar, prompting warnings from Tokyo.", []),
    (EN, "Samsung's operating profit jumped to 12.1 trillion won, or about $8.5 billion, beating estimates of 10.1 trillion won.",
     [F(1.21e13, "KRW"), F(8.5e9, "USD", True), F(1.01e13, "KRW")]),
    (EN, "Under the deal, the company will pay $2.50 a share in cash, valuing it at roughly $4.3bn including debt.",
     [F(2.5, "USD"), F(4.3e9, "USD", True)]),
    (EN, "The facility, expected to cost between $3 billion and $4 billion, will employ roughly 500 people.",
     [F(3e9, "USD", False, "lower"), F(4e9, "USD", False, "upper"), F(500, "employee", True)]),
    (EN, "SoftBank's Vision Fund posted a gain of ¥726.9bn in the quarter.", [F(7.269e11, "JPY")]),
    (EN, "Nebius signed a five-year, $17.4 billion GPU infrastructure deal with Microsoft, which could rise to $19.4 billion.",
     [F(1.74e10, "USD"), F(1.94e10, "USD")]),
    (EN, "The company ended the quarter with 1.2 million H100-equivalent GPUs, up from 700,000 a year earlier.",
     [F(1.2e6, "gpu"), F(700000, "gpu")]),
    (EN, "India approved four more chip projects worth ₹4,594 crore, taking the total to 10 projects with ₹1.6 lakh crore in investment.",
     [F(4.594e10, "INR"), F(1.6e12, "INR")]),
    (EN, "TSMC's Arizona unit will employ some 6,000 workers once all six fabs are running.", [F(6000, "employee", True)]),
    (EN, "The Philadelphia Semiconductor Index fell 3.1% to 5,412.8 on Thursday.", []),
    (EN, "Lam Research shares rose $4.21, or 4.5%, to $97.80.", [F(4.21, "USD"), F(97.8, "USD")]),
]


# ---------------------------------------------------------------- scoring
class Score(NamedTuple):
    """Counts of one language: true positives, false positives, misses, and
    attribute agreement (approx, bound, restates) over the true positives."""

    tp: int
    fp: int
    fn: int
    attr_ok: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def attributes(self) -> float:
        return self.attr_ok / self.tp if self.tp else 1.0


def family(locale: str) -> str:
    """Language of a locale: ko, ja, zh, en."""
    return locale.split("-")[0]


def score(extract, corpus=CORPUS):
    """Score ``extract(text, locale=...)`` on ``corpus``.

    Returns ``(scores, problems)``: ``scores`` maps "ko", "ja", "zh", "en" and
    "all" to a :class:`Score`; ``problems`` lists ``(locale, sentence, kind,
    detail)`` for every false positive, miss and attribute mismatch.
    """
    counts: dict[str, list[int]] = {}
    problems = []
    for locale, sentence, expected in corpus:
        got = extract(sentence, locale=locale)
        left = list(range(len(expected)))
        match: dict[int, int] = {}  # got index -> expected index
        for gi, f in enumerate(got):
            hit = next((ei for ei in left if expected[ei].unit == f.unit
                        and math.isclose(expected[ei].value, f.value, rel_tol=1e-6)), None)
            if hit is None:
                problems.append((locale, sentence, "false positive", f"{f.text!r} -> {f.value:g} {f.unit}"))
            else:
                left.remove(hit)
                match[gi] = hit
        for ei in left:
            problems.append((locale, sentence, "missed", f"{expected[ei].value:g} {expected[ei].unit}"))
        attr_ok = 0
        index_of = {id(f): gi for gi, f in enumerate(got)}
        for gi, ei in match.items():
            f, e = got[gi], expected[ei]
            restates = None
            if f.restates is not None:
                restates = match.get(index_of.get(id(f.restates), -1))
            have = (f.approx, f.bound, restates)
            want = (e.approx, e.bound, e.restates)
            if have == want:
                attr_ok += 1
            else:
                problems.append((locale, sentence, "attributes", f"{f.text!r}: got {have}, want {want}"))
        for key in (family(locale), "all"):
            c = counts.setdefault(key, [0, 0, 0, 0])
            c[0] += len(match)
            c[1] += len(got) - len(match)
            c[2] += len(left)
            c[3] += attr_ok
    return {k: Score(*v) for k, v in counts.items()}, problems


def report(scores) -> str:
    """A small table of precision, recall and attribute agreement per language."""
    lines = [f"{'lang':<5} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'attrs':>6}"]
    for k in ("ko", "ja", "zh", "en", "all"):
        if k in scores:
            s = scores[k]
            lines.append(f"{k:<5} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>9.3f} {s.recall:>7.3f} {s.attributes:>6.3f}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from dashboard.parse import extract_figures

    sc, probs = score(extract_figures)
    for loc, sent, kind, detail in probs:
        print(f"[{loc}] {kind}: {detail}\n      {sent[:110]}")
    print(report(sc))
    print("sentences:", {k: sum(1 for loc, _, _ in CORPUS if family(loc) == k) for k in ("ko", "ja", "zh", "en")})
