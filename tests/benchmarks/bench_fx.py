"""Benchmark: convert_frame on 1,000,000 records vs a per-record loop vs bare numpy.

Run: ``python tests/benchmarks/bench_fx.py [N]`` (default N = 1,000,000).

Three timings on the same records (mixed currencies, one date per record):

1. ``convert_frame(df, "USD")``: the full path (parsing the currency column,
   out-of-range checks, provenance columns).
2. A per-record ``currency_converter.CurrencyConverter.convert`` loop (with
   ``fallback_on_missing_rate`` so weekends/holidays do not raise). A random
   sample of 20,000 records is timed (best of 3) and the time is extrapolated
   linearly to N (printed as such).
3. Bare numpy: precomputed integer currency codes and day numbers, then
   ``searchsorted`` + gather + multiply on the same dense EUR table; no
   checks, no provenance. Also shown: the same with a day -> row calendar
   table instead of ``searchsorted`` (the trick convert_frame itself uses).

Targets (issue 3): (1) at least 20x faster than (2), within 3x of (3).
"""
from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from dashboard.fx import convert_frame, get_table

CURRENCIES = ["USD", "JPY", "KRW", "EUR", "CNY", "INR", "GBP", "SGD", "MYR", "HKD", "CHF", "AUD", "CAD"]
LOOP_SAMPLE = 20_000


def make_records(n: int, seed: int = 1) -> pd.DataFrame:
    """n records: random currency from CURRENCIES, random day 2010-01-01..2026-10-30, random amount."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2010-01-01", "D")
    span = (np.datetime64("2026-10-30", "D") - start).astype(int)
    days = start + rng.integers(0, span + 1, n).astype("timedelta64[D]")
    return pd.DataFrame(
        {
            "amount_value": rng.uniform(1e6, 1e11, n),
            "currency": np.array(CURRENCIES, dtype=object)[rng.integers(0, len(CURRENCIES), n)],
            "announced_date": pd.to_datetime(days),
        }
    )


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(n: int = 1_000_000) -> None:
    table = get_table()
    df = make_records(n)
    convert_frame(df.head(1000), "USD")  # warm caches (table, sources)

    t_frame = best_of(lambda: convert_frame(df, "USD"))

    # bare numpy: codes and day numbers prepared outside the timing
    codes = np.array([table.index[c] for c in CURRENCIES])[
        pd.Categorical(df["currency"], categories=CURRENCIES).codes
    ]
    day_numbers = df["announced_date"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    values = df["amount_value"].to_numpy()
    usd = table.index["USD"]
    dense = np.where(np.isnan(table.values), np.nan, table.values)

    def bare():
        i = np.searchsorted(table.days, day_numbers, side="right") - 1
        return values * dense[i, usd] / dense[i, codes]

    t_numpy = best_of(bare)

    # stricter floor: a day -> row table (forward-filled calendar) instead of searchsorted
    day0 = int(table.days[0])
    cal_row = np.searchsorted(table.days, np.arange(day0, int(table.days[-1]) + 1), side="right") - 1
    day_index = day_numbers - day0

    def bare_calendar():
        i = cal_row[day_index]
        return values * dense[i, usd] / dense[i, codes]

    t_numpy_cal = best_of(bare_calendar)

    # per-record loop with the currencyconverter package on a sample
    from currency_converter import CurrencyConverter

    cc = CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)
    rng = np.random.default_rng(2)
    sample = df.iloc[rng.choice(n, size=min(LOOP_SAMPLE, n), replace=False)]
    rows = list(
        zip(sample["amount_value"].tolist(), sample["currency"].tolist(), sample["announced_date"].dt.date.tolist())
    )

    def loop():
        return [cc.convert(v, c, "USD", date=d) for v, c, d in rows]

    t_loop_sample = best_of(loop, repeat=3)
    t_loop = t_loop_sample * n / len(rows)

    # agreement on the sample (currencyconverter interpolates missing days, we take the last published)
    out = convert_frame(sample, "USD")
    ref = np.array(loop())
    published = np.isin(sample["announced_date"].to_numpy(dtype="datetime64[D]"), table.dates)
    rel = np.abs(out["converted_value"].to_numpy()[published] / ref[published] - 1)

    print(f"records: {n:,} ({len(CURRENCIES)} currencies, dates 2010-01-01..2026-10-30)")
    print(f"convert_frame            : {t_frame * 1e3:9.1f} ms  (best of 3)")
    print(f"bare numpy searchsorted+gather+multiply: {t_numpy * 1e3:9.1f} ms  (best of 3)")
    print(f"bare numpy calendar gather+multiply    : {t_numpy_cal * 1e3:9.1f} ms  (best of 3; no checks)")
    print(
        f"currencyconverter loop   : {t_loop:9.1f} s   (extrapolated from {len(rows):,} records "
        f"timed at {t_loop_sample:.2f} s)"
    )
    print(f"speed-up vs loop         : {t_loop / t_frame:9.1f}x  (target >= 20x)")
    print(f"ratio to bare numpy (searchsorted)     : {t_frame / t_numpy:9.2f}x  (target <= 3x)")
    print(f"ratio to bare numpy (calendar gather)  : {t_frame / t_numpy_cal:9.2f}x")
    print(
        f"agreement with currencyconverter on {published.sum():,} sampled ECB publication days: "
        f"max rel. difference {rel.max():.1e}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
