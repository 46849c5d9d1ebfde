"""Load benchmark: gunicorn with 2 workers on 127.0.0.1, the real view and grid
callbacks replayed at a fixed offered rate, latency from each request's
scheduled send time (open loop, so a slow server is not hidden by a client
that waits: no coordinated omission).

    python tests/benchmarks/bench_load.py [--rate 50] [--duration 60] [--workers 2] [--mix unique|links] [--redis]
                                          [--url http://127.0.0.1:PORT]

Target (issue 14): 50 req/s for 60 s, 0 errors, p95 <= 500 ms on 2 workers.

The request bodies are built from the app's own callback map
(``/_dash-dependencies``), as the browser sends them: for the views callback
``{"output": "..graph-ranking.figure...summary.children..", "outputs": [...],
"inputs": [{"id": "url", "property": "search", "value": "?cur=KRW..."}, ...],
"changedPropIds": ["url.search"], "state": [...]}``. URLs vary over currencies,
bases, tabs, countries, categories, log scale and search words (a fixed seed).
Every request has a 30 s timeout; the run is bounded by ``rate * duration``
requests and ``duration + 35`` seconds. Only 127.0.0.1 is contacted.
"""
from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.servers import callback_body, find_callback  # noqa: E402
TIMEOUT_S = 30.0

CURRENCIES = ["USD", "KRW", "JPY", "EUR", "CNY", "TWD", "INR"]
BASES = ["announcement", "annual", "latest", "fixed"]
TABS = ["ranking", "timeline", "map", "breakdown", "compare", "quantities"]
COUNTRIES = ["JP", "KR", "US", "TW", "CN", "IN", "DE"]
CATEGORIES = ["fab", "packaging", "rnd", "datacenter", "subsidy"]
WORDS = ["samsung", "tsmc", "micron", "fab", "kumamoto", "stargate", "intel", "hynix"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def random_search(rng: random.Random) -> str:
    """One dashboard URL query string (``?cur=KRW&tab=map...``), varied like real links."""
    q: list[tuple[str, str]] = [("cur", rng.choice(CURRENCIES))]
    if rng.random() < 0.4:
        q.append(("basis", rng.choice(BASES)))
    q.append(("tab", rng.choice(TABS)))
    if rng.random() < 0.4:
        q += [("country", c) for c in rng.sample(COUNTRIES, rng.randint(1, 3))]
    if rng.random() < 0.2:
        q.append(("category", rng.choice(CATEGORIES)))
    if rng.random() < 0.2:
        q.append(("log", "1"))
    if rng.random() < 0.15:
        q.append(("q", rng.choice(WORDS)))
    return "?" + urlencode(q)


class Callbacks:
    """The views and grid callbacks of a running app, from its ``/_dash-dependencies``."""

    def __init__(self, deps: list[dict]) -> None:
        self.views = find_callback(deps, "url", "search", ".summary.children")
        self.grid = find_callback(deps, "url", "search", ".grid.rowData")

    def body(self, which: str, search: str) -> bytes:
        """The JSON body the browser posts for callback ``which`` ("views" or "grid") at URL ``search``."""
        return callback_body(self.views if which == "views" else self.grid, {("url", "search"): search}, "url.search")


def start_gunicorn(port: int, workers: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    cmd = [str(gunicorn), "-w", str(workers), "-b", f"127.0.0.1:{port}", "--timeout", "30", "dashboard.app:server"]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def wait_up(host: str, port: int, timeout: float = 90.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            c = http.client.HTTPConnection(host, port, timeout=30)
            c.request("GET", "/_dash-layout")
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"server on {host}:{port} did not answer in {timeout:.0f} s")


def get_json(host: str, port: int, path: str):
    c = http.client.HTTPConnection(host, port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    return json.loads(r.read())


def one_request(host: str, port: int, body: bytes, scheduled: float, results: list, lock: threading.Lock,
                deadline: float) -> None:
    now = time.monotonic()
    if now < scheduled:
        time.sleep(scheduled - now)
    status: object
    size = 0
    try:
        c = http.client.HTTPConnection(host, port, timeout=max(0.1, min(TIMEOUT_S, deadline - time.monotonic())))
        c.request("POST", "/_dash-update-component", body,
                  {"Content-Type": "application/json", "Accept-Encoding": "gzip, br"})
        r = c.getresponse()
        size = len(r.read())
        status = r.status
        c.close()
    except (OSError, http.client.HTTPException) as exc:
        status = type(exc).__name__
    done = time.monotonic()
    with lock:
        results.append((done - scheduled, status, size))


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and its children (gunicorn's master and workers), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    try:
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def pct(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def request_mix(cbs: Callbacks, n: int, mix: str, rng: random.Random, links: int = 400) -> list[bytes]:
    """``n`` bodies, about one grid request per two view requests (a page load or URL change sends both).

    ``unique``: every request draws a fresh URL (almost no two alike: the worst case for caches).
    ``links``: URLs drawn from ``links`` distinct shared links with Zipf popularity (rank r has
    weight 1/r), the way a team's dashboard is opened from links in chats and reports.
    """
    if mix == "unique":
        return [cbs.body("grid" if rng.random() < 0.33 else "views", random_search(rng)) for _ in range(n)]
    pool = [random_search(rng) for _ in range(links)]
    weights = [1.0 / (r + 1) for r in range(links)]
    return [cbs.body("grid" if rng.random() < 0.33 else "views", s) for s in rng.choices(pool, weights, k=n)]


def run_load(host: str, port: int, rate: float, duration: float, seed: int = 14, mix: str = "unique") -> dict:
    """Offer ``rate`` req/s for ``duration`` s; returns the summary dict."""
    cbs = Callbacks(get_json(host, port, "/_dash-dependencies"))
    rng = random.Random(seed)
    n = int(rate * duration)
    bodies = request_mix(cbs, n, mix, rng)
    results: list = []
    lock = threading.Lock()
    start = time.monotonic() + 0.5
    deadline = start + duration + TIMEOUT_S + 5
    with ThreadPoolExecutor(max_workers=400) as pool:
        for i, body in enumerate(bodies):
            scheduled = start + i / rate
            # submit shortly before the scheduled time: the thread sleeps until then
            delay = scheduled - 0.05 - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one_request, host, port, body, scheduled, results, lock, deadline)
    elapsed = time.monotonic() - start
    lat = sorted(r[0] for r in results if r[1] == 200)
    statuses = Counter(str(r[1]) for r in results)
    ok = statuses.get("200", 0)
    return {
        "mix": mix, "offered_rps": rate, "duration_s": duration, "requests": n, "elapsed_s": round(elapsed, 1),
        "achieved_rps": round(ok / max(elapsed, 1e-9), 1), "status": dict(statuses),
        "errors": n - ok, "p50_ms": round(pct(lat, 50) * 1000), "p95_ms": round(pct(lat, 95) * 1000),
        "p99_ms": round(pct(lat, 99) * 1000), "max_ms": round((lat[-1] if lat else float("nan")) * 1000),
        "mean_bytes": round(sum(r[2] for r in results) / max(len(results), 1)),
        "loadavg": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=50.0, help="offered requests per second (default 50)")
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of offered load (default 60, at most 300)")
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    ap.add_argument("--warmup", type=float, default=5.0, help="seconds of load at the same rate before measuring")
    ap.add_argument("--mix", choices=("unique", "links"), default="unique",
                    help="unique: a fresh URL per request; links: 400 shared links, Zipf popularity (default unique)")
    ap.add_argument("--redis", action="store_true",
                    help="start a throwaway redis-server and share the cache through it (SEMIDASH_CACHE_URL)")
    ap.add_argument("--url", default=None, help="an already running server on 127.0.0.1 (no gunicorn started)")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    duration = min(args.duration, 300.0)
    proc = None
    tmp = tempfile.mkdtemp(prefix="semidash-load-")
    stack = contextlib.ExitStack()
    if args.redis:
        from tests.servers import start_redis

        os.environ["SEMIDASH_CACHE_URL"] = stack.enter_context(start_redis()).url
    if args.url:
        parts = urlsplit(args.url)
        if parts.hostname not in ("127.0.0.1", "localhost"):
            raise SystemExit("the load benchmark only targets 127.0.0.1")
        host, port = "127.0.0.1", parts.port or 80
    else:
        host, port = "127.0.0.1", free_port()
        env = dict(os.environ)
        env.setdefault("SEMIDASH_DB", os.path.join(tmp, "user.sqlite"))
        env.setdefault("SEMIDASH_FX_DIR", os.path.join(tmp, "fx"))
        env.setdefault("SEMIDASH_DATA_DIR", tmp)
        proc = start_gunicorn(port, args.workers, env, Path(tmp) / "gunicorn.log")
    try:
        wait_up(host, port)
        print(f"uptime at start: {open('/proc/loadavg').read().split()[:3]}", file=sys.stderr)
        if args.warmup > 0:
            run_load(host, port, args.rate, args.warmup, seed=1, mix="unique")
        cpu0 = tree_cpu_seconds(proc.pid) if proc is not None else None
        summary = run_load(host, port, args.rate, duration, mix=args.mix)
        if cpu0 is not None:
            # server CPU per request: independent of how busy the rest of the machine is
            # (per answered request; under overload the server also spends CPU on requests whose client gave up)
            answered = sum(v for k, v in summary["status"].items() if k.isdigit())
            summary["server_cpu_ms_per_answer"] = round((tree_cpu_seconds(proc.pid) - cpu0) * 1000 / max(answered, 1), 1)
        summary["workers"] = args.workers
        summary["cache"] = os.environ.get("SEMIDASH_CACHE_URL") or "in-process"
        summary["loadavg_end"] = open("/proc/loadavg").read().split()[:3]
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        stack.close()
    if args.json:
        print(json.dumps(summary))
    else:
        for k, v in summary.items():
            print(f"{k:>14}  {v}")
    ok = summary["errors"] == 0 and summary["p95_ms"] <= 500
    print("target 50 req/s, 0 errors, p95 <= 500 ms:", "MET" if ok and args.rate >= 50 else "not met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
