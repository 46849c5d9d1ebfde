"""Quantity words -> (registry unit, exact factor to that unit).

Quantities are stored in one canonical unit per kind of thing so that figures
compare directly: power in ``MW``, area in ``m**2`` (평/坪 = 400/121 m², 亩 = 10000/15 m², acre =
4046.8564224 m²), accelerators in ``gpu``, wafer output in ``wafer / month``
(or ``wafer`` when no period is written), jobs in ``employee``.

>>> from dashboard.parse.quantities import POWER
>>> POWER["GW"]
('MW', Fraction(1000, 1))
"""
from __future__ import annotations

from fractions import Fraction

__all__ = ["POWER", "AREA", "GPU_WORDS", "CANONICAL"]

_MW = "MW"
_M2 = "m ** 2"
CANONICAL = {"power": _MW, "area": _M2, "gpu": "gpu", "wafer_month": "wafer / month", "wafer": "wafer", "jobs": "employee"}

# keys as written; English words are matched case-insensitively, so their
# keys here are lower case (the unit symbols GW/MW/kW keep their case).
POWER: dict[str, tuple[str, Fraction]] = {
    "GW": (_MW, Fraction(1000)), "MW": (_MW, Fraction(1)), "kW": (_MW, Fraction(1, 1000)),
    "KW": (_MW, Fraction(1, 1000)), "TW": (_MW, Fraction(10**6)),
    "gigawatt": (_MW, Fraction(1000)), "gigawatts": (_MW, Fraction(1000)),
    "megawatt": (_MW, Fraction(1)), "megawatts": (_MW, Fraction(1)),
    "kilowatt": (_MW, Fraction(1, 1000)), "kilowatts": (_MW, Fraction(1, 1000)),
    "기가와트": (_MW, Fraction(1000)), "메가와트": (_MW, Fraction(1)), "킬로와트": (_MW, Fraction(1, 1000)),
    "ギガワット": (_MW, Fraction(1000)), "メガワット": (_MW, Fraction(1)), "キロワット": (_MW, Fraction(1, 1000)),
    "吉瓦": (_MW, Fraction(1000)), "兆瓦": (_MW, Fraction(1)), "千瓦": (_MW, Fraction(1, 1000)),
    "瓩": (_MW, Fraction(1, 1000)),
}

_PYEONG = Fraction(400, 121)
_ACRE = Fraction(40468564224, 10**7)
_FT2 = Fraction(9290304, 10**8)
AREA: dict[str, tuple[str, Fraction]] = {
    "㎡": (_M2, Fraction(1)), "m²": (_M2, Fraction(1)), "m2": (_M2, Fraction(1)),
    "sq m": (_M2, Fraction(1)), "sq. m": (_M2, Fraction(1)), "sqm": (_M2, Fraction(1)),
    "square meters": (_M2, Fraction(1)), "square metres": (_M2, Fraction(1)),
    "square meter": (_M2, Fraction(1)), "square metre": (_M2, Fraction(1)),
    "㎢": (_M2, Fraction(10**6)), "km²": (_M2, Fraction(10**6)), "km2": (_M2, Fraction(10**6)),
    "sq km": (_M2, Fraction(10**6)), "square kilometers": (_M2, Fraction(10**6)),
    "square kilometres": (_M2, Fraction(10**6)),
    "ft²": (_M2, _FT2), "sq ft": (_M2, _FT2), "sq. ft": (_M2, _FT2), "sq. ft.": (_M2, _FT2),
    "square feet": (_M2, _FT2), "square foot": (_M2, _FT2),
    "acre": (_M2, _ACRE), "acres": (_M2, _ACRE), "hectare": (_M2, Fraction(10**4)),
    "hectares": (_M2, Fraction(10**4)), "ha": (_M2, Fraction(10**4)),
    "평방미터": (_M2, Fraction(1)), "제곱미터": (_M2, Fraction(1)), "제곱킬로미터": (_M2, Fraction(10**6)),
    "평": (_M2, _PYEONG), "헥타르": (_M2, Fraction(10**4)), "에이커": (_M2, _ACRE),
    "平方米": (_M2, Fraction(1)), "平米": (_M2, Fraction(1)), "平方公尺": (_M2, Fraction(1)),
    "平方公里": (_M2, Fraction(10**6)), "平方メートル": (_M2, Fraction(1)),
    "平方キロメートル": (_M2, Fraction(10**6)), "平方キロ": (_M2, Fraction(10**6)),
    "坪": (_M2, _PYEONG), "亩": (_M2, Fraction(10000, 15)), "公顷": (_M2, Fraction(10**4)), "公頃": (_M2, Fraction(10**4)),
    "ヘクタール": (_M2, Fraction(10**4)), "エーカー": (_M2, _ACRE), "英亩": (_M2, _ACRE), "英畝": (_M2, _ACRE),
}

# Words that make a counted number a number of accelerators.
GPU_WORDS = (
    "GPU", "GPUs", "TPU", "TPUs", "NPU", "NPUs", "graphics processing units", "AI chips", "AI accelerators",
    "accelerators", "accelerator chips", "AI칩", "AI 칩", "AI가속기", "AI 가속기", "가속기", "AI반도체", "AI 반도체",
    "그래픽처리장치", "AIチップ", "AI半導体", "AI 半導体", "アクセラレーター", "AI芯片", "AI 芯片", "加速卡", "算力卡",
    "GPU芯片", "GPU 칩", "GPU칩",
)
