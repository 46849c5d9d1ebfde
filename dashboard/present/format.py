"""Amounts formatted for readers, in the way each currency's readers write them.

KRW uses 만/억/조 with 원 (``3,918억원``, ``700조원``), JPY 万/億/兆 with 円
(``400億円``), CNY 万/亿/万亿 with 元 (``500亿元``); every other currency uses
the babel (CLDR) currency symbol with K/M/B/T (``$3.9B``, never plotly's
``G``). The vector form :func:`format_amounts` formats a whole column at once
(numpy picks each value's scale), so labels for thousands of points stay
cheap; :func:`format_amount` is the scalar form of the same rules.

>>> format_amount(3.918e11, "KRW")
'3,918억원'
>>> format_amount(7e14, "KRW")
'700조원'
>>> format_amount(4e10, "JPY")
'400億円'
>>> format_amount(3.9e9, "USD")
'$3.9B'
>>> format_amount(float("nan"), "USD")
''
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

__all__ = ["format_amount", "format_amounts", "format_ratio", "rate_labels", "currency_symbol", "axis_ticks", "format_zero"]

# (threshold, divisor, suffix) from the largest down; the suffix follows the number.
_EAST_ASIAN: dict[str, tuple[tuple[float, str], ...]] = {
    "KRW": ((1e12, "조"), (1e8, "억"), (1e4, "만")),
    "JPY": ((1e12, "兆"), (1e8, "億"), (1e4, "万")),
    "CNY": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
}
_EAST_ASIAN_UNIT = {"KRW": "원", "JPY": "円", "CNY": "元"}
_WESTERN: tuple[tuple[float, str], ...] = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


@lru_cache(maxsize=64)
def currency_symbol(currency: str) -> str:
    """The CLDR (babel) symbol readers of English know for ``currency``.

    >>> currency_symbol("USD"), currency_symbol("TWD"), currency_symbol("AED")
    ('$', 'NT$', 'AED ')
    """
    from babel.numbers import get_currency_symbol

    sym = get_currency_symbol(currency, locale="en_US")
    # a code used as its own symbol reads better with a space: "AED 3.1B"
    return sym + " " if sym == currency else sym


def _sig(x: np.ndarray, digits: int) -> list[str]:
    """Numbers rounded to ``digits`` significant figures, grouped, no trailing zeros."""
    out = []
    with np.errstate(divide="ignore", invalid="ignore"):
        mag = np.floor(np.log10(np.abs(np.where(x == 0, 1, x))))
    decimals = np.clip(digits - 1 - mag, 0, 6).astype(int)
    for v, d in zip(x.tolist(), decimals.tolist()):
        s = f"{v:,.{d}f}"
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        out.append(s)
    return out


def format_amounts(values: Sequence[float] | np.ndarray | pd.Series, currency: str | None, *, digits: int = 3) -> list[str]:
    """Format many amounts of one currency; NaN gives ``""``.

    East Asian currencies show the integer count of their largest unit below
    100 of the next (``3,918억원``), others ``digits`` significant figures.

    >>> format_amounts([3.918e11, 1.25e13, 5e7], "KRW")
    ['3,918억원', '12.5조원', '5,000만원']
    >>> format_amounts([1.5e12, 2.7e8, 950.0], "USD")
    ['$1.5T', '$270M', '$950']
    >>> format_amounts([5e10], "CNY")
    ['500亿元']
    """
    arr = np.asarray(values, dtype="float64")
    if arr.size == 0:
        return []
    cur = (currency or "").upper()
    nan = np.isnan(arr)
    absval = np.abs(np.where(nan, 0.0, arr))
    divisor = np.ones_like(arr)
    suffix = np.full(arr.shape, "", dtype=object)
    steps = tuple((t, s) for t, s in _EAST_ASIAN[cur]) if cur in _EAST_ASIAN else _WESTERN
    for threshold, name in reversed(steps):  # smallest first, larger scales overwrite
        hit = absval >= threshold * 0.9995
        divisor[hit] = threshold
        suffix[hit] = name
    scaled = np.where(nan, 0.0, arr) / divisor
    if cur in _EAST_ASIAN:
        # 3,918억: whole units while they are >= 100, otherwise 3 significant figures
        numbers = [f"{v:,.0f}" if abs(v) >= 100 else t for v, t in zip(scaled.tolist(), _sig(scaled, digits))]
        unit = _EAST_ASIAN_UNIT[cur]
        out = [f"{n}{s}{unit}" for n, s in zip(numbers, suffix.tolist())]
    else:
        sym = currency_symbol(cur) if cur else ""
        numbers = _sig(scaled, digits)
        out = [f"-{sym}{n[1:]}{s}" if n.startswith("-") else f"{sym}{n}{s}" for n, s in zip(numbers, suffix.tolist())]
    return ["" if m else s for m, s in zip(nan.tolist(), out)]


def rate_date_labels(dates, basis) -> list[str]:
    """The rate date as a reader should see it: the day (``2024-01-05``), or
    on the annual basis the year's average (``annual 2024 average``), which is no day.

    >>> rate_date_labels(pd.to_datetime(["2024-12-31", "2024-01-05", None]), ["annual 2024", "announcement", "annual 2023"])
    ['annual 2024 average', '2024-01-05', '']
    """
    days = pd.to_datetime(pd.Series(list(dates)), errors="coerce")
    text = days.dt.strftime("%Y-%m-%d").fillna("").tolist()
    bases = [str(b) if b is not None and b == b else "" for b in (basis if not isinstance(basis, str) else [basis] * len(text))]
    return [f"annual {b.split()[1] if len(b.split()) > 1 else d[:4]} average" if d and b.startswith("annual") else d
            for d, b in zip(text, bases)]


_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def format_human(value: float, currency: str) -> str:
    """An amount as a person writes it in a sentence: Korean won in 억/조
    (``3,918억원``), other currencies in words with the code (``40 billion JPY``).

    >>> format_human(3.918e11, "KRW"), format_human(4e10, "JPY"), format_human(1.234e9, "USD"), format_human(950.5, "EUR")
    ('3,918억원', '40 billion JPY', '1.23 billion USD', '950.5 EUR')
    """
    if currency.upper() == "KRW":
        return format_amount(value, "KRW")
    if value != value:
        return ""
    for size, word in _WORDS[:3]:
        if abs(value) >= size * 0.9995:
            return f"{_sig(np.array([value / size]), 3)[0]} {word} {currency}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") + f" {currency}"


def format_amount(value: float | None, currency: str | None, *, digits: int = 3) -> str:
    """Format one amount (see :func:`format_amounts`).

    >>> format_amount(676e6, "USD"), format_amount(1.05e12, "JPY")
    ('$676M', '1.05兆円')
    """
    if value is None or pd.isna(value):
        return ""
    return format_amounts([float(value)], currency, digits=digits)[0]


def rate_labels(from_currency, rate, to_currency, *, places: int | None = None) -> list[str]:
    """``1 JPY = 9.07 KRW`` per row (columns or scalars); ``""`` where the rate is missing.

    The one wording of a rate, in the grid, the hover text, the compare table
    and the article audit. Rates show 6 significant figures, or ``places``
    decimals when given (to set two rates side by side).

    >>> rate_labels(["JPY", "EUR"], [9.0712, float("nan")], "KRW")
    ['1 JPY = 9.0712 KRW', '']
    >>> rate_labels("JPY", 9.05, "KRW", places=3)
    ['1 JPY = 9.050 KRW']
    """
    rates = np.atleast_1d(np.asarray(rate, dtype="float64"))
    n = len(rates)

    def column(v) -> list[str]:
        if isinstance(v, str) or v is None:
            return [v or ""] * n
        return ["" if x is None or x != x else str(x) for x in list(v)]

    froms, tos = column(from_currency), column(to_currency)
    fmt = (lambda r: f"{r:,.6g}") if places is None else (lambda r: f"{r:,.{places}f}")
    return ["" if r != r else f"1 {f} = {fmt(r)} {t}" for f, r, t in zip(froms, rates.tolist(), tos)]


def format_ratio(ratio: float) -> str:
    """A ratio rounded for reading: two significant figures with a ``~``.

    >>> format_ratio(1812.4), format_ratio(2.46), format_ratio(1.0)
    ('~1,800×', '~2.5×', '1×')
    """
    if not np.isfinite(ratio):
        return "n/a"
    if abs(ratio - 1) < 0.005:
        return "1×"
    text = _sig(np.array([float(f"{ratio:.2g}")]), 2)[0]
    return f"~{text}×"


def _nice_step(span: float, n: int = 5) -> float:
    raw = span / max(n, 1)
    if raw <= 0 or not np.isfinite(raw):
        return 1.0
    mag = 10 ** np.floor(np.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return float(m * mag)
    return float(10 * mag)


def axis_ticks(values: Sequence[float] | np.ndarray | pd.Series, currency: str | None, *, log: bool = False) -> dict:
    """``tickvals``/``ticktext`` for an amount axis, labelled like :func:`format_amounts`.

    Plotly's own SI labels say ``G`` for billions and know nothing of 억/兆,
    so amount axes get explicit ticks.

    >>> axis_ticks([0, 3.2e9], "USD")["ticktext"]
    ['$0', '$1B', '$2B', '$3B', '$4B']
    >>> axis_ticks([2e8, 5e11], "KRW", log=True)["ticktext"]
    ['1억원', '10억원', '100억원', '1,000억원', '1조원']
    """
    arr = np.asarray(values, dtype="float64")
    arr = arr[np.isfinite(arr)]
    if log:
        arr = arr[arr > 0]
    if arr.size == 0:
        return {}
    lo, hi = float(arr.min()), float(arr.max())
    if log:
        a, b = int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi)))
        exps = list(range(a, b + 1))
        while len(exps) > 8:
            exps = exps[::2]
        ticks = [10.0**e for e in exps]
    else:
        lo = min(lo, 0.0)
        step = _nice_step(hi - lo)
        start = np.floor(lo / step) * step
        ticks = list(np.arange(start, hi + step * 1.0001, step))
    text = format_amounts(ticks, currency)
    if not log:
        text = [t if v != 0 else format_zero(currency) for t, v in zip(text, ticks)]
    return {"tickvals": [float(t) for t in ticks], "ticktext": text}


def format_zero(currency: str | None) -> str:
    """Zero in a currency's style.

    >>> format_zero("KRW"), format_zero("USD")
    ('0원', '$0')
    """
    cur = (currency or "").upper()
    if cur in _EAST_ASIAN_UNIT:
        return "0" + _EAST_ASIAN_UNIT[cur]
    return (currency_symbol(cur) if cur else "") + "0"
