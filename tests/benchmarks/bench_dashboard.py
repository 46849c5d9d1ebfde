"""Benchmark of the dashboard: the main filter→figures callback at 10k, 100k
and 1M synthetic records, and the time to first render in headless Chromium.

    python tests/benchmarks/bench_dashboard.py [--sizes 10000 100000 1000000] [--repeat 7] [--no-browser]

Targets (issue 5): callback ≤ 100 ms median at 10k, ≤ 1 s at 1M; first render ≤ 2 s.
Records are generated here (never shipped): the columns of ``load_projects()``,
amounts in seven currencies over 2012–2026, converted through the real FX layer.
The callback is timed as the server runs it (``view_outputs`` for the ranking
view and for every other view, and ``grid_outputs``), after the one conversion
the cache keeps per currency/basis (timed separately, as "convert").
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

CURRENCIES = np.array(["USD", "KRW", "JPY", "EUR", "CNY", "TWD", "INR"])
SCALE = np.array([1.0, 1400.0, 150.0, 0.9, 7.0, 31.0, 83.0])
COUNTRIES = np.array(["US", "KR", "JP", "DE", "CN", "TW", "IN", "FR", "NL", "SG", "MY", "IL"])
CATEGORIES = np.array(["fab", "packaging", "rnd", "datacenter", "acquisition", "subsidy", "fund", "equipment"])
STATUSES = np.array(["announced", "approved", "signed", "under_construction", "operating", "delayed", "suspended",
                     "cancelled", "completed", "enacted"])
SCOPES = np.array(["site", "site", "site", "programme", "company_plan", "company_capex", "fund"])


def synthetic_projects(n: int, seed: int = 5) -> pd.DataFrame:
    """``n`` made-up records with the columns and dtypes of ``load_projects()``."""
    rng = np.random.default_rng(seed)
    cur_i = rng.integers(0, len(CURRENCIES), n)
    usd = np.exp(rng.normal(np.log(2e9), 1.6, n))
    value = usd * SCALE[cur_i]
    value[rng.random(n) < 0.1] = np.nan
    days = rng.integers(np.datetime64("2012-01-01").astype(int), np.datetime64("2026-06-30").astype(int), n)
    dates = pd.to_datetime(days.astype("datetime64[D]"))
    ids = np.char.add("p", np.arange(n).astype(str))
    company = np.char.add("Company ", rng.integers(0, max(50, n // 50), n).astype(str))
    parent = np.where(rng.random(n) < 0.05, ids[rng.integers(0, n, n)], None)
    df = pd.DataFrame({
        "id": ids,
        "project": np.char.add("Project ", np.arange(n).astype(str)),
        "company": company,
        "country": COUNTRIES[rng.integers(0, len(COUNTRIES), n)],
        "city": "Somewhere",
        "lat": rng.uniform(-40, 60, n).round(2),
        "lon": rng.uniform(-120, 150, n).round(2),
        "category": CATEGORIES[rng.integers(0, len(CATEGORIES), n)],
        "status": STATUSES[rng.integers(0, len(STATUSES), n)],
        "announced": dates.strftime("%Y-%m-%d"),
        "announced_date": dates,
        "amount_reported": "synthetic",
        "amount_value": value,
        "currency": np.where(np.isnan(value), None, CURRENCIES[cur_i]),
        "amount_approx": rng.random(n) < 0.2,
        "period_end_year": pd.array([pd.NA] * n, dtype="Int64"),
        "gpus": np.where(rng.random(n) < 0.05, rng.integers(1000, 400000, n), np.nan),
        "power_mw": np.where(rng.random(n) < 0.05, rng.integers(10, 2000, n), np.nan),
        "wafers_per_month": np.where(rng.random(n) < 0.05, rng.integers(1000, 100000, n), np.nan),
        "parent_id": parent,
        "relation": np.where(parent == None, None, np.where(rng.random(n) < 0.7, "part_of", "funds")),  # noqa: E711
        "scope": SCOPES[rng.integers(0, len(SCOPES), n)],
        "source_url": "https://example.org/",
        "source_publisher": "synthetic",
        "notes": "",
        "origin": "user",
    })
    df["amount_low"] = df["amount_high"] = df["amount_value"]
    df["amount_bound"] = np.where(np.isnan(value), None, "exact")
    from dashboard.data.totals import in_total

    df["in_total"] = in_total(df).to_numpy()
    return df


SEARCHES = ["?country=KR&country=JP", "?category=fab", "?from=2020-01-01&to=2024-12-31", "", "?status=operating&country=US",
            "?q=company+12", "?category=datacenter&category=fab&log=1"]


def _median_ms(fn, repeat: int) -> float:
    times = []
    for k in range(repeat):
        t0 = time.perf_counter()
        fn(k)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_callback(n: int, repeat: int) -> dict[str, float]:
    """Median ms of the callbacks over filter changes at ``n`` records."""
    from dashboard.query import SELECTION_VIEWS as TABS
    from dashboard.query import ViewState, convert
    from dashboard.ui.views import view_outputs
    from dashboard.ui.views.grid import grid_outputs

    df = synthetic_projects(n)
    t0 = time.perf_counter()
    convert(df, ViewState())
    out = {"convert": (time.perf_counter() - t0) * 1000}
    view_outputs(df, "?q=warm")  # builds the text index once, as the first search of a session does
    for tab in TABS:
        extra = "&compare=p1&compare=p2&compare=p3" if tab == "compare" else ""
        out[tab] = _median_ms(lambda k: view_outputs(df, (SEARCHES[k % len(SEARCHES)] or "?") + f"&tab={tab}{extra}"), repeat)
    out["grid"] = _median_ms(lambda k: grid_outputs(df, SEARCHES[k % len(SEARCHES)] + "&x", None), repeat)
    return out


def bench_source(repeat: int = 200) -> float:
    """Median µs of the per-request store check (``ProjectSource.frame()`` with
    an unchanged store of 100 user records): what every callback adds so that
    saved records show at once."""
    from dashboard.app import ProjectSource
    from dashboard.data.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "store.sqlite")
        with Store(db) as store:
            store.add_many([{"project": f"Bench {k}", "company": "Bench Co", "country": "KR", "category": "fab", "status": "announced",
                             "announced": "2025-01-02", "amount_reported": f"{k + 1}억원", "source_url": "https://example.org/"}
                            for k in range(100)])
        source = ProjectSource(db=db)
        source.frame()
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            source.frame()
            times.append((time.perf_counter() - t0) * 1e6)
        source._revision.__self__.close()
    return statistics.median(times)


def bench_first_render(repeat: int = 3) -> float:
    """Median ms from navigation start until the ranking and the grid are drawn (real data)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import os

    from screenshots import chrome, start_server

    tmp = tempfile.TemporaryDirectory()
    os.environ["SEMIDASH_DB"] = str(Path(tmp.name) / "store.sqlite")
    from dashboard.app import create_app

    url, stop = start_server(create_app())
    driver = chrome(1440, 1000)
    js = ("return (document.querySelector('#graph-ranking .main-svg .bars path') && "
          "document.querySelector('.ag-center-cols-container .ag-row')) ? performance.now() : null")
    times = []
    try:
        for k in range(repeat + 1):
            driver.get(url)
            t = None
            deadline = time.time() + 20
            while t is None and time.time() < deadline:
                t = driver.execute_script(js)
                time.sleep(0.01)
            if k:  # the first load also loads the data on the server
                times.append(float(t))
    finally:
        driver.quit()
        stop()
        tmp.cleanup()
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="dashboard benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    import warnings

    warnings.simplefilter("ignore")
    for n in args.sizes:
        res = bench_callback(n, args.repeat)
        cells = "  ".join(f"{k} {v:,.0f}" for k, v in res.items())
        print(f"{n:>9,} records  median ms: {cells}", flush=True)
    print(f"store check per request (unchanged store, 100 user records): {bench_source():,.0f} µs median", flush=True)
    if not args.no_browser:
        print(f"first render (headless Chromium, bundled data): {bench_first_render():,.0f} ms median", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
