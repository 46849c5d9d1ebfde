"""Load benchmark: gunicorn with 2 workers on 127.0.0.1, the real view and grid
callbacks replayed at a fixed offered rate, latency from each request's
scheduled send time (open loop, so a slow server is not hidden by a client
that waits: no coordinated omission).

    python tests/benchmarks/bench_load.py [--rate 50] [--duration 60] [--workers 2] [--mix distinct|links]
                                          [--redis] [--url http://127.0.0.1:PORT] [--json] [--py-spy FILE]

Target (issue 14): 50 req/s for 60 s, 0 errors, p95 <= 500 ms on 2 workers, with ``--mix distinct``.

**Requests.** The bodies are built from the app's own callback map
(``/_dash-dependencies``), as the browser sends them: the views callback
(inputs ``url.search``, the data revision and the window width) and the grid
callback (state ``url.search``), about two views requests to one grid request
(a page load or a filter change sends both; a tab change only the first).

**View states.** Every URL is a view state drawn from the running app's own
state space, read from its page (``/_dash-layout``): the tabs that have a graph,
the offered currencies, the rate bases, the as-of range of the rates, the
countries, companies, categories and statuses of the filters, and the projects
of the compare picker (whose names also give the search words). Per URL:

=========  ==================================================================
tab        uniform over the views
cur        uniform over the offered currencies
basis      half the default (announcement day), else one of the others; a fixed
           basis has an ``asof`` day (uniform in the rates' range) 70% of the time
real       15% of the USD states, base year 2000-2025
country    35%: 1-3 countries
company    15%: 1-2 companies
category   25%: 1-2 categories
status     10%: 1-2 statuses
from/to    25%: a start day, an end day or both, 2018-01-01 to 2026-12-31
q          15%: a word of a project's name
log        20%;  ``color=category`` 20%
compare    on the compare tab, 85%: 2-6 projects; ``ratios=each`` 30%
viewport   25% a phone (390 px wide: compact figures), else 1440 px
=========  ==================================================================

**Mixes.** ``distinct`` (the default): every request of the run, warm-up
included, is a different state: no two views requests share a state (with its
viewport), no two grid requests share the part of the state the grid shows
(:func:`dashboard.ui.views.grid.grid_key`), so no response is ever answered
from a cache of earlier answers. ``links``: URLs drawn from 400 distinct shared
links with Zipf popularity (rank r has weight 1/r), the way a team opens the
dashboard from links in chats and reports.

**Report.** Offered and achieved rate (answers with status 200 and no error
inside per second of the run), errors by kind (HTTP status, timeout,
connection error, or a 200 whose view or grid says it could not be drawn),
latency p50/p95/p99/max from the scheduled send time, the server's CPU per
answered request (user + system of the gunicorn processes, from /proc), this
client's CPU per request, the mean compressed response size and the load
average at start and end. Every request has a 30 s timeout; the run is bounded
by ``rate * duration`` requests and ``duration + 35`` seconds. Only 127.0.0.1
is contacted.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import http.client
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.servers import callback_body, find_callback  # noqa: E402

TIMEOUT_S = 30.0
PHONE, DESKTOP = 390, 1440
DATE_SPAN = (dt.date(2018, 1, 1), dt.date(2026, 12, 31))
#: text of an answer that says the view or the grid could not be drawn (the server's own error notices)
_DRAWN_ERRORS = (b"could not be drawn", b"could not be converted")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _components(node, found: dict) -> dict:
    """``id -> props`` of every component with a string id in a ``/_dash-layout`` tree."""
    if isinstance(node, list):
        for n in node:
            _components(n, found)
    elif isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict):
            if isinstance(props.get("id"), str):
                found[props["id"]] = props
            for v in props.values():
                _components(v, found)
    return found


def _values(options: list) -> list[str]:
    return [o["value"] if isinstance(o, dict) else o for o in options]


@dataclass(frozen=True)
class StateSpace:
    """The values a view state can take in the running app (read from its page)."""

    tabs: tuple[str, ...]
    currencies: tuple[str, ...]
    bases: tuple[str, ...]
    rate_days: tuple[dt.date, dt.date]
    countries: tuple[str, ...]
    companies: tuple[str, ...]
    categories: tuple[str, ...]
    statuses: tuple[str, ...]
    projects: tuple[str, ...]
    words: tuple[str, ...]

    @classmethod
    def from_layout(cls, layout: dict) -> StateSpace:
        c = _components(layout, {})
        names = [o["label"] for o in c["ctl-compare"]["options"]]
        words = sorted({w.lower() for n in names for w in re.findall(r"[^\W\d_]{4,}", n.split(" (")[0])})
        return cls(
            tabs=tuple(k[len("graph-"):] for k in c if k.startswith("graph-")),
            currencies=tuple(_values(c["ctl-currency"]["options"])),
            bases=tuple(_values(c["ctl-basis"]["options"])),
            rate_days=(dt.date.fromisoformat(c["ctl-as-of"]["min_date_allowed"]),
                       dt.date.fromisoformat(c["ctl-as-of"]["max_date_allowed"])),
            countries=tuple(_values(c["ctl-country"]["options"])),
            companies=tuple(_values(c["ctl-company"]["options"])),
            categories=tuple(_values(c["ctl-category"]["options"])),
            statuses=tuple(_values(c["ctl-status"]["options"])),
            projects=tuple(_values(c["ctl-compare"]["options"])),
            words=tuple(words),
        )


def _day(rng: random.Random, lo: dt.date, hi: dt.date) -> str:
    return (lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))).isoformat()


def random_state(rng: random.Random, space: StateSpace) -> tuple[str, int]:
    """One URL query string (``?cur=KRW&tab=map...``) and a window width, drawn as the module docstring says."""
    q: list[tuple[str, str]] = []
    tab = rng.choice(space.tabs)
    cur = rng.choice(space.currencies)
    q += [("tab", tab), ("cur", cur)]
    default_basis = space.bases[0]
    if rng.random() < 0.5:
        basis = rng.choice([b for b in space.bases if b != default_basis])
        q.append(("basis", basis))
        if basis == "fixed" and rng.random() < 0.7:
            q.append(("asof", _day(rng, *space.rate_days)))
    if cur == "USD" and rng.random() < 0.15:
        q += [("real", "1"), ("year", str(rng.randint(2000, 2025)))]
    for key, values, p, most in (("country", space.countries, 0.35, 3), ("company", space.companies, 0.15, 2),
                                 ("category", space.categories, 0.25, 2), ("status", space.statuses, 0.10, 2)):
        if values and rng.random() < p:
            q += [(key, v) for v in rng.sample(values, min(len(values), rng.randint(1, most)))]
    if rng.random() < 0.25:
        a, b = sorted((_day(rng, *DATE_SPAN), _day(rng, *DATE_SPAN)))
        which = rng.random()
        if which < 0.4:
            q += [("from", a), ("to", b)]
        else:
            q.append(("from", a) if which < 0.7 else ("to", b))
    if space.words and rng.random() < 0.15:
        q.append(("q", rng.choice(space.words)))
    if rng.random() < 0.2:
        q.append(("log", "1"))
    if rng.random() < 0.2:
        q.append(("color", "category"))
    if tab == "compare" and space.projects and rng.random() < 0.85:
        q += [("compare", p) for p in rng.sample(space.projects, rng.randint(2, min(6, len(space.projects))))]
        if rng.random() < 0.3:
            q.append(("ratios", "each"))
    width = PHONE if rng.random() < 0.25 else DESKTOP
    return "?" + urlencode(q), width


class Callbacks:
    """The views and grid callbacks of a running app, from its ``/_dash-dependencies``."""

    def __init__(self, deps: list[dict]) -> None:
        self.views = find_callback(deps, "url", "search", ".summary.children")
        self.grid = find_callback(deps, "url", "search", ".grid.rowData")

    def body(self, which: str, search: str, width: int = DESKTOP) -> bytes:
        """The JSON body the browser posts for callback ``which`` ("views" or "grid") at URL ``search``."""
        if which == "views":
            return callback_body(self.views, {("url", "search"): search, ("viewport", "data"): width}, "url.search")
        return callback_body(self.grid, {("url", "search"): search, ("views-done", "data"): f"{search}#"},
                             "views-done.data")


class StateKeys:
    """Canonical keys of view states, as the app reads them, to make the ``distinct`` mix truly distinct."""

    def __init__(self, space: StateSpace) -> None:
        from dashboard.query import ViewState
        from dashboard.ui.views.grid import grid_key

        self._read = lambda s: ViewState.from_query(s, currencies=space.currencies)
        self._grid_key = grid_key

    def views(self, search: str, width: int) -> str:
        return f"{self._read(search).to_query()}|{'phone' if width < 576 else 'desktop'}"

    def grid(self, search: str) -> str:
        return self._grid_key(self._read(search))


def request_mix(cbs: Callbacks, space: StateSpace, n: int, mix: str, rng: random.Random, *,
                seen: set | None = None, links: int = 400) -> list[bytes]:
    """``n`` bodies, about one grid request per two views requests.

    ``distinct``: no state repeats (nor any in ``seen``, which is updated: pass the same set to the
    warm-up and the measured run). ``links``: ``links`` shared links with Zipf popularity.
    """
    kinds = ["grid" if rng.random() < 1 / 3 else "views" for _ in range(n)]
    if mix == "links":
        pool = [random_state(rng, space) for _ in range(links)]
        weights = [1.0 / (r + 1) for r in range(links)]
        picks = rng.choices(pool, weights, k=n)
        return [cbs.body(k, s, w) for k, (s, w) in zip(kinds, picks)]
    keys = StateKeys(space)
    seen = set() if seen is None else seen
    out = []
    for kind in kinds:
        for _attempt in range(1000):
            search, width = random_state(rng, space)
            key = ("v", keys.views(search, width)) if kind == "views" else ("g", keys.grid(search))
            if key not in seen:
                seen.add(key)
                break
        else:
            raise SystemExit("could not draw a state that was not drawn before")
        out.append(cbs.body(kind, search, width))
    return out


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


def _plain(body: bytes, encoding: str | None) -> bytes:
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


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
        raw = r.read()
        done = time.monotonic()
        size = len(raw)
        status = r.status
        if status == 200 and any(e in _plain(raw, r.getheader("Content-Encoding")) for e in _DRAWN_ERRORS):
            status = "200 with a drawing error"
        c.close()
    except socket.timeout:
        done, status = time.monotonic(), "timeout"
    except (OSError, http.client.HTTPException) as exc:
        done, status = time.monotonic(), type(exc).__name__
    with lock:
        results.append((done - scheduled, status, size))


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and its children (gunicorn's master and workers), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in [pid, *_children(pid)]:
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


def run_load(host: str, port: int, bodies: list[bytes], rate: float) -> dict:
    """Send ``bodies`` at ``rate`` per second on an open-loop schedule; returns the summary dict."""
    n = len(bodies)
    duration = n / rate
    results: list = []
    lock = threading.Lock()
    start = time.monotonic() + 0.5
    deadline = start + duration + TIMEOUT_S + 5
    cpu0 = time.process_time()
    with ThreadPoolExecutor(max_workers=400) as pool:
        for i, body in enumerate(bodies):
            scheduled = start + i / rate
            # submit shortly before the scheduled time: the thread sleeps until then
            delay = scheduled - 0.05 - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one_request, host, port, body, scheduled, results, lock, deadline)
    elapsed = time.monotonic() - start
    client_cpu = time.process_time() - cpu0
    lat = sorted(r[0] for r in results if r[1] == 200)
    statuses = Counter(str(r[1]) for r in results)
    ok = statuses.get("200", 0)
    return {
        "offered_rps": rate, "duration_s": round(duration, 1), "requests": n, "elapsed_s": round(elapsed, 1),
        "achieved_rps": round(ok / max(elapsed, 1e-9), 1), "status": dict(statuses),
        "errors": n - ok, "p50_ms": round(pct(lat, 50) * 1000), "p95_ms": round(pct(lat, 95) * 1000),
        "p99_ms": round(pct(lat, 99) * 1000), "max_ms": round((lat[-1] if lat else float("nan")) * 1000),
        "mean_bytes": round(sum(r[2] for r in results) / max(len(results), 1)),
        "client_cpu_ms_per_request": round(client_cpu * 1000 / max(n, 1), 1),
    }


def _loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


@contextlib.contextmanager
def py_spy(pids: list[int], out: Path, seconds: float):
    """Sample ``pids`` with py-spy (collapsed stacks, one file per pid) while the block runs."""
    exe = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    procs = [subprocess.Popen([exe, "record", "--pid", str(p), "--duration", str(int(seconds) + 1), "--format", "raw",
                               "--rate", "200", "--nonblocking", "--output", f"{out}.{p}.txt"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for p in pids]
    try:
        yield
    finally:
        for p in procs:
            try:
                p.wait(timeout=seconds + 30)
            except subprocess.TimeoutExpired:
                p.terminate()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=50.0, help="offered requests per second (default 50)")
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of offered load (default 60, at most 300)")
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    ap.add_argument("--warmup", type=float, default=5.0, help="seconds of load at the same rate before measuring (default 5)")
    ap.add_argument("--mix", choices=("distinct", "links"), default="distinct",
                    help="distinct: every request a different view state; links: 400 shared links, Zipf popularity")
    ap.add_argument("--seed", type=int, default=14, help="seed of the drawn states (default 14)")
    ap.add_argument("--redis", action="store_true",
                    help="start a throwaway redis-server and share the cache through it (SEMIDASH_CACHE_URL)")
    ap.add_argument("--url", default=None, help="an already running server on 127.0.0.1 (no gunicorn started)")
    ap.add_argument("--py-spy", dest="py_spy", default=None, metavar="FILE",
                    help="sample the workers with py-spy during the measured run (collapsed stacks to FILE.<pid>.txt)")
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
        cbs = Callbacks(get_json(host, port, "/_dash-dependencies"))
        space = StateSpace.from_layout(get_json(host, port, "/_dash-layout"))
        rng = random.Random(args.seed)
        seen: set = set()
        warm = request_mix(cbs, space, int(args.rate * args.warmup), args.mix, rng, seen=seen)
        bodies = request_mix(cbs, space, int(args.rate * duration), args.mix, rng, seen=seen)
        load_start = _loadavg()
        if warm:
            run_load(host, port, warm, args.rate)
        cpu0 = tree_cpu_seconds(proc.pid) if proc is not None else None
        spy = (py_spy(_children(proc.pid), Path(args.py_spy), duration) if args.py_spy and proc is not None
               else contextlib.nullcontext())
        with spy:
            summary = {"mix": args.mix, **run_load(host, port, bodies, args.rate)}
        if cpu0 is not None:
            # server CPU per request: independent of how busy the rest of the machine is
            # (per answered request; under overload the server also spends CPU on requests whose client gave up)
            answered = sum(v for k, v in summary["status"].items() if k[:3].isdigit())
            summary["server_cpu_ms_per_answer"] = round((tree_cpu_seconds(proc.pid) - cpu0) * 1000 / max(answered, 1), 1)
        summary["workers"] = args.workers
        summary["cache"] = os.environ.get("SEMIDASH_CACHE_URL") or "in-process"
        summary["loadavg_start"] = load_start
        summary["loadavg_end"] = _loadavg()
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        stack.close()
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(summary))
    else:
        for k, v in summary.items():
            print(f"{k:>26}  {v}")
    ok = summary["errors"] == 0 and summary["p95_ms"] <= 500 and args.rate >= 50 and duration >= 60 and args.workers <= 2
    print("target 50 req/s x 60 s, 0 errors, p95 <= 500 ms on 2 workers:", "MET" if ok else "not met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
