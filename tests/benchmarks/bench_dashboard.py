"""Benchmark of the dashboard: the main filter→figures callback at 10k, 100k
and 1M synthetic records, and the time to first render in headless Chromium.

    python tests/benchmarks/bench_dashboard.py [--sizes 10000 100000 1000000] [--repeat 7] [--no-browser] [--paint-only]

Targets (issue 13): callback ≤ 100 ms median at 10k, ≤ 1 s at 1M; first chart paint ≤ 1.5 s warm.
Records are generated here (never shipped, see :func:`synthetic_projects`): the
columns of ``load_projects()``, 32 countries, 25 currencies, tens of thousands
of companies and sites at 1M, converted through the real FX layer. Each
callback is timed as the server runs it (``view_outputs`` for every view, and
``grid_outputs``), wall and CPU time, as the median over a mix of filter
changes and again with no filter (every row selected), after the one
conversion the cache keeps per currency/basis (timed separately, as "convert").
The first lines printed say the machine load and how many rows each search
selects.
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

from dashboard.data.schema import CATEGORIES, COORD_PRECISIONS, FUNDING, SCOPES, STATUSES

# (country, a point near its centre of activity, its currency, weight): the curated data's countries and a few more
COUNTRY_TABLE = [
    ("US", 39.0, -97.0, "USD", 30), ("JP", 36.0, 138.5, "JPY", 12), ("KR", 36.5, 127.8, "KRW", 8), ("IN", 21.0, 78.0, "INR", 6),
    ("TW", 23.7, 120.9, "TWD", 6), ("CN", 31.0, 113.0, "CNY", 6), ("DE", 51.0, 10.4, "EUR", 4), ("FR", 46.6, 2.4, "EUR", 3),
    ("MY", 3.5, 102.0, "MYR", 2), ("SA", 24.0, 45.0, "SAR", 2), ("GB", 52.5, -1.5, "GBP", 2), ("IT", 42.8, 12.5, "EUR", 2),
    ("SG", 1.35, 103.8, "SGD", 2), ("VN", 16.0, 106.0, "USD", 1), ("IL", 31.5, 34.9, "ILS", 1), ("AE", 24.3, 54.4, "AED", 1),
    ("BR", -15.0, -48.0, "BRL", 1), ("MX", 23.0, -102.0, "MXN", 1), ("CA", 50.0, -96.0, "CAD", 1), ("IE", 53.3, -7.7, "EUR", 1),
    ("CZ", 49.8, 15.5, "CZK", 1), ("PT", 39.6, -8.0, "EUR", 1), ("TH", 14.0, 101.0, "THB", 1), ("PL", 52.0, 19.4, "PLN", 1),
    ("NO", 61.0, 9.0, "NOK", 1), ("ID", -6.5, 107.0, "IDR", 1), ("AU", -33.9, 151.0, "AUD", 1), ("SE", 59.3, 18.0, "SEK", 1),
    ("NL", 52.2, 5.3, "EUR", 1), ("ES", 40.4, -3.7, "EUR", 1), ("CH", 47.0, 8.2, "CHF", 1), ("PH", 14.6, 121.0, "PHP", 1),
]
# rough size of a currency unit in US dollars' worth, to make amounts of a realistic size in each currency
PER_USD = {"USD": 1, "JPY": 150, "KRW": 1400, "INR": 83, "TWD": 31, "CNY": 7.2, "EUR": 0.92, "MYR": 4.5, "SAR": 3.75,
           "GBP": 0.79, "SGD": 1.35, "ILS": 3.7, "AED": 3.67, "BRL": 5.0, "MXN": 17, "CAD": 1.35, "CZK": 23, "THB": 35,
           "PLN": 4.0, "NOK": 10.5, "IDR": 15500, "AUD": 1.5, "SEK": 10.5, "CHF": 0.9, "PHP": 56}


def synthetic_projects(n: int, seed: int = 5) -> pd.DataFrame:
    """``n`` made-up records with the columns and dtypes of ``load_projects()``,
    shaped like the curated data at scale: 32 countries weighted as in the data,
    amounts mostly in the country's currency (a quarter in USD, 25 currencies in
    all) over 2012–2026, ``n/20`` companies of very different sizes (some rows
    name two), ``n/10`` sites clustered around each country's centres (8 % of rows
    without coordinates, 4 % at a country-level point), every category, status,
    scope and funding, 5 % with GPUs/MW/wafers, 5 % inside a parent plan."""
    rng = np.random.default_rng(seed)
    countries = np.array([c[0] for c in COUNTRY_TABLE])
    weight = np.array([c[4] for c in COUNTRY_TABLE], dtype=float)
    ci = rng.choice(len(countries), n, p=weight / weight.sum())
    local = np.array([c[3] for c in COUNTRY_TABLE])[ci]
    currency = np.where(rng.random(n) < 0.25, "USD", local)
    usd = np.exp(rng.normal(np.log(5e8), 1.8, n))
    value = usd * np.vectorize(PER_USD.get)(currency)
    value[rng.random(n) < 0.1] = np.nan
    days = rng.integers(np.datetime64("2012-01-01").astype(int), np.datetime64("2026-06-30").astype(int), n)
    dates = pd.to_datetime(days.astype("datetime64[D]"))
    ids = np.char.add("p", np.arange(n).astype(str))
    n_comp = max(50, n // 20)
    comp = np.minimum(rng.zipf(1.3, n), n_comp) - 1  # a few companies with many projects, many with one
    company = np.char.add("Company ", comp.astype(str))
    second = rng.random(n) < 0.05
    company = np.where(second, np.char.add(np.char.add(company, "; Company "), rng.integers(0, n_comp, n).astype(str)), company)
    company_ids = np.char.replace(np.char.lower(company), "company ", "company-")
    # sites: n/10 points, each near one of its country's centres; a project sits at a site of its country
    n_sites = max(len(countries), n // 10)
    site_country = np.concatenate([np.arange(len(countries)),  # every country has a site
                                   rng.choice(len(countries), n_sites - len(countries), p=weight / weight.sum())])
    centre_lat = np.array([c[1] for c in COUNTRY_TABLE])
    centre_lon = np.array([c[2] for c in COUNTRY_TABLE])
    site_lat = (centre_lat[site_country] + rng.normal(0, 2.5, n_sites)).clip(-60, 75).round(4)
    site_lon = (centre_lon[site_country] + rng.normal(0, 4.0, n_sites)).round(4)
    pick = rng.random(n)
    site_of = np.empty(n, dtype=np.int64)
    for c in range(len(countries)):  # per country, not per row
        rows, pool = np.flatnonzero(ci == c), np.flatnonzero(site_country == c)
        site_of[rows] = pool[(pick[rows] * len(pool)).astype(np.int64)]
    lat, lon = site_lat[site_of], site_lon[site_of]
    precision = rng.choice(np.array(COORD_PRECISIONS), n, p=[0.5, 0.3, 0.16, 0.04])
    national = precision == "country"
    lat = np.where(national, centre_lat[ci], lat)
    lon = np.where(national, centre_lon[ci], lon)
    no_site = rng.random(n) < 0.08
    lat[no_site] = np.nan
    lon[no_site] = np.nan
    precision = np.where(no_site, None, precision)
    parent = np.where(rng.random(n) < 0.05, ids[rng.integers(0, n, n)], None)
    status_day = dates + pd.to_timedelta(rng.integers(0, 400, n), unit="D")
    df = pd.DataFrame({
        "id": ids,
        "project": np.char.add("Project ", np.arange(n).astype(str)),
        "company": company,
        "company_ids": np.char.replace(company_ids, "; ", ";"),
        "country": countries[ci],
        "city": np.char.add("City ", site_of.astype(str)),
        "lat": lat,
        "lon": lon,
        "coord_precision": precision,
        "category": np.array(CATEGORIES)[rng.integers(0, len(CATEGORIES), n)],
        "scope": np.array(SCOPES)[rng.choice(len(SCOPES), n, p=[0.6, 0.12, 0.12, 0.08, 0.08])],
        "funding": np.array(FUNDING)[rng.integers(0, len(FUNDING), n)],
        "status": np.array(STATUSES)[rng.integers(0, len(STATUSES), n)],
        "status_as_of": status_day.strftime("%Y-%m-%d"),
        "status_as_of_date": status_day,
        "status_source_url": "https://example.org/status",
        "announced": dates.strftime("%Y-%m-%d"),
        "announced_date": dates,
        "amount_reported": "synthetic",
        "amount_value": value,
        "currency": np.where(np.isnan(value), None, currency),
        "amount_approx": rng.random(n) < 0.2,
        "period_end_year": pd.array([pd.NA] * n, dtype="Int64"),
        "gpus": np.where(rng.random(n) < 0.05, rng.integers(1000, 400000, n), np.nan),
        "power_mw": np.where(rng.random(n) < 0.05, rng.integers(10, 2000, n), np.nan),
        "wafers_per_month": np.where(rng.random(n) < 0.05, rng.integers(1000, 100000, n), np.nan),
        "parent_id": parent,
        "relation": np.where(parent == None, None, np.where(rng.random(n) < 0.7, "part_of", "funds")),  # noqa: E711
        "source_url": "https://example.org/",
        "source_publisher": "synthetic",
        "last_verified": "2026-12-01",
        "last_verified_date": pd.Timestamp("2026-12-01"),
        "notes": "",
        "origin": "user",
    })
    df["amount_low"] = df["amount_high"] = df["amount_value"]
    df["amount_bound"] = np.where(np.isnan(value), None, "exact")
    from dashboard.data.totals import in_total

    df["in_total"] = in_total(df).to_numpy()
    return df


def describe(df: pd.DataFrame) -> str:
    """How varied the synthetic data are (so a reader can judge the numbers)."""
    located = df["lat"].notna()
    sites = pd.unique(np.round(df.loc[located, "lat"].to_numpy() * 10) * 1e4 + np.round(df.loc[located, "lon"].to_numpy() * 10))
    return (f"{len(df):,} rows: {df['company'].nunique():,} companies, {df['country'].nunique()} countries, "
            f"{df['currency'].nunique()} currencies, {df['category'].nunique()} categories, "
            f"{df['announced_date'].nunique():,} dates, {len(sites):,} map cells of 0.1°, "
            f"{int((~located).sum()):,} without coordinates")


SEARCHES = ["?country=KR&country=JP", "?category=fab", "?from=2020-01-01&to=2024-12-31", "", "?status=operating&country=US",
            "?q=company+12", "?category=datacenter&category=fab&log=1"]


def _timed(fn, repeat: int) -> tuple[float, float, list]:
    """Median wall ms and median CPU ms (``time.process_time``) of ``fn(k)`` for k in range(repeat), and its results."""
    walls, cpus, results = [], [], []
    for k in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        results.append(fn(k))
        cpus.append((time.process_time() - c0) * 1000)
        walls.append((time.perf_counter() - t0) * 1000)
    return statistics.median(walls), statistics.median(cpus), results


def bench_callback(n: int, repeat: int) -> dict[str, tuple[float, float, float, float]]:
    """Per view, at ``n`` records: ``(median wall ms, median CPU ms)`` over the
    filter changes of :data:`SEARCHES`, then the same with no filter (all ``n``
    rows selected, the worst case), each median of ``repeat`` calls. "convert"
    is the one conversion the cache keeps per currency/basis (one call)."""
    from dashboard.query import SELECTION_VIEWS as TABS
    from dashboard.query import ViewState, convert
    from dashboard.ui.views import view_outputs
    from dashboard.ui.views.grid import grid_outputs

    df = synthetic_projects(n)
    t0, c0 = time.perf_counter(), time.process_time()
    convert(df, ViewState())
    out = {"convert": ((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000, np.nan, np.nan)}
    view_outputs(df, "?q=warm")  # builds the text index once, as the first search of a session does
    picks = "&compare=" + "&compare=".join(df["id"].iloc[[1, n // 2, n - 1]])
    for tab in TABS:
        extra = picks if tab == "compare" else ""
        view_outputs(df, f"?tab={tab}{extra}")  # a first call (imports, compare's fixed-basis rates)
        mixed = _timed(lambda k: view_outputs(df, (SEARCHES[k % len(SEARCHES)] or "?") + f"&tab={tab}{extra}"), repeat)
        every = _timed(lambda k: view_outputs(df, f"?tab={tab}{extra}"), max(3, repeat // 2))
        for result in mixed[2] + every[2]:  # a view that failed answers fast with an error notice: never time that
            failed = [c for c in result[-2] if "view-error" in (getattr(c, "className", "") or "")]
            if failed:
                raise RuntimeError(f"the {tab} view failed at {n:,} rows: {failed[0].children}")
        out[tab] = (mixed[0], mixed[1], every[0], every[1])
    mixed = _timed(lambda k: grid_outputs(df, SEARCHES[k % len(SEARCHES)] + "&x", None), repeat)
    every = _timed(lambda k: grid_outputs(df, "?x", None), max(3, repeat // 2))
    out["grid"] = (mixed[0], mixed[1], every[0], every[1])
    return out


def selected_rows(n: int) -> list[int]:
    """How many of the ``n`` synthetic rows each search of :data:`SEARCHES` selects."""
    from dashboard.query import ViewState, select

    df = synthetic_projects(n)
    return [len(select(df, ViewState.read_query(q)[0])) for q in SEARCHES]


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
        shared = Store(db)
        source = ProjectSource(store=shared)
        source.frame()
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            source.frame()
            times.append((time.perf_counter() - t0) * 1e6)
        shared.close()
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


# installed before any page script: notes the time of the first frame painted after the ranking's bars exist
_PAINT_PROBE = """
window.__firstChartPaint = null;
new MutationObserver(function (_, obs) {
  if (document.querySelector('#graph-ranking .main-svg .bars path')) {
    obs.disconnect();
    requestAnimationFrame(function () { window.__firstChartPaint = performance.now(); });
  }
}).observe(document, {childList: true, subtree: true});
"""


def bench_first_paint(repeat: int = 7, width: int = 1440, height: int = 1000) -> dict[str, float]:
    """Warm time from navigation start to the first frame painted with the
    ranking's bars (a MutationObserver installed before the page's scripts,
    then the next animation frame), and to the grid's first row; median ms
    over ``repeat`` loads after one warm-up load."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import os

    from screenshots import chrome, start_server

    tmp = tempfile.TemporaryDirectory()
    os.environ["SEMIDASH_DB"] = str(Path(tmp.name) / "store.sqlite")
    from dashboard.app import create_app

    url, stop = start_server(create_app())
    driver = chrome(width, height)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _PAINT_PROBE})
    grid_js = "return document.querySelector('.ag-center-cols-container .ag-row') ? performance.now() : null"
    paints, grids, sizes = [], [], []
    try:
        for k in range(repeat + 1):
            driver.get(url)
            paint = grid = None
            deadline = time.time() + 30
            while (paint is None or grid is None) and time.time() < deadline:
                paint = paint or driver.execute_script("return window.__firstChartPaint")
                grid = grid or driver.execute_script(grid_js)
                time.sleep(0.005)
            if k:  # the first load also loads the data and converts on the server
                paints.append(float(paint))
                grids.append(float(grid))
                sizes.append(driver.execute_script(
                    "return performance.getEntriesByType('resource').reduce((a, e) => a + (e.transferSize || 0), 0)"))
    finally:
        driver.quit()
        stop()
        tmp.cleanup()
    return {"first chart paint": statistics.median(paints), "paint min": min(paints), "paint max": max(paints),
            "grid rows": statistics.median(grids), "transferred MB (cache off: first)": max(sizes) / 1e6}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="dashboard benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--paint-only", action="store_true", help="only the first-paint measurement")
    args = parser.parse_args(argv)
    if args.paint_only:
        paint = bench_first_paint()
        print("  ".join(f"{k} {v:,.2f}" if "MB" in k else f"{k} {v:,.0f} ms" for k, v in paint.items()))
        return 0
    import warnings

    warnings.simplefilter("ignore")
    import os

    print(f"machine load (uptime): {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
          f"{os.cpu_count()} cores", flush=True)
    print("searches: " + "  ".join(repr(q or "(none)") for q in SEARCHES), flush=True)
    for n in args.sizes:
        print(describe(synthetic_projects(n)) + "; rows selected per search: "
              + ", ".join(f"{k:,}" for k in selected_rows(n)), flush=True)
        res = bench_callback(n, args.repeat)
        print(f"{n:>9,} records   median ms over the searches wall/CPU   and with no filter (all {n:,} rows) wall/CPU", flush=True)
        for k, (w, c, w_all, c_all) in res.items():
            target = "" if k == "convert" else ("  (target <= 100 ms)" if n <= 10_000 else "  (target <= 1,000 ms)" if n >= 1_000_000 else "")
            every = "" if np.isnan(w_all) else f"   {w_all:>8,.0f} / {c_all:>8,.0f}"
            print(f"    {k:<11} {w:>8,.0f} / {c:>8,.0f}{every}{target}", flush=True)
    print(f"store check per request (unchanged store, 100 user records): {bench_source():,.0f} µs median", flush=True)
    if not args.no_browser:
        print(f"first render (headless Chromium, bundled data): {bench_first_render():,.0f} ms median", flush=True)
        paint = bench_first_paint()
        print("first paint (headless Chromium, warm, target <= 1,500 ms): "
              + "  ".join(f"{k} {v:,.2f}" if "MB" in k else f"{k} {v:,.0f} ms" for k, v in paint.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
