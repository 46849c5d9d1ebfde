"""Benchmark of news ingestion (plain script, not collected by pytest).

Run: ``python tests/benchmarks/bench_ingest.py [N_ARTICLES]``

Reports, on one core, with a fresh SQLite store:
* articles per second end to end from local files (read, decode, trafilatura,
  date, language, figures, audit, companies, place, category, linking, queue
  writes) over N copies of the test site's pages, each with its own amounts
  (target >= 50/s); and a second run over the same folder (everything known);
* the queue with 10,000 candidates: adding them, listing a page of 50, the
  whole list, counting, filtering by status and link, and one decision.
"""
from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.intake.news_site import PAGES  # noqa: E402


def _articles(root: Path, n: int) -> Path:
    """``n`` pages made from the test site's, each with different amounts (so each figure is new)."""
    folder = root / "articles"
    folder.mkdir()
    for i in range(n):
        page = PAGES[i % len(PAGES)]
        html = re.sub(r"(?<![\d.])(\d{2,4})(?=(억|億|亿|조|兆| billion|GW))",
                      lambda m: str(int(m.group(1)) + 1 + i // len(PAGES)), page.html)
        (folder / f"{i:05d}-{Path(page.path).name}").write_bytes(html.encode(page.encoding))
    return folder


def bench_ingest(n: int) -> None:
    from dashboard.data import load_projects
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store
    from dashboard.intake.ingest import ingest

    root = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    folder = _articles(root, n)
    queue = Queue(Store(root / "q.db"))
    projects = load_projects(db=queue.store)
    ingest([str(_articles(Path(tempfile.mkdtemp()), 3))], queue, projects=projects)  # warm up imports and caches
    import os

    t0, c0 = time.perf_counter(), time.process_time()
    report = ingest([str(folder)], queue, projects=projects)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"ingest {n} local articles: {dt:.2f} s wall, {cpu:.2f} s CPU: {report.articles / cpu:.0f} articles/s "
          f"of CPU, {report.articles / dt:.0f}/s wall ({report.candidates} candidates, {report.sources} sources)  "
          f"[target >= 50/s on one core; load {os.getloadavg()[0]:.1f}]")
    t0 = time.perf_counter()
    again = ingest([str(folder)], queue, projects=projects)
    dt = time.perf_counter() - t0
    print(f"second run over the same folder: {dt:.2f} s, {again.skipped} skipped, {again.candidates} added")


def _cli_list(db: str, *extra: str) -> int:
    """``semidash queue list`` in this process, its output discarded; returns the lines it printed."""
    import contextlib
    import io

    from dashboard.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["queue", "list", "--db", db, *extra])
    return out.getvalue().count("\n")


def bench_queue(n: int = 10_000) -> None:
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store

    queue = Queue(Store(Path(tempfile.mkdtemp(prefix="bench-queue-")) / "q.db"))
    batch = []
    for i in range(n):
        url = f"http://127.0.0.1/a/{i}"
        cand = {"fingerprint": f"c{i % 400}|money|USD|{i}", "kind": "money", "value": 1e9 + i, "unit": "USD",
                "text": f"${1 + i / 1000:.3f} billion", "sentence": f"Company {i % 400} will invest ${i} in a fab.",
                "start": 0, "end": 5, "article_url": url, "article_date": "2025-03-14",
                "language": ("ko", "ja", "zh", "en")[i % 4], "company_ids": [f"c{i % 400}"],
                "matched_id": None if i % 3 else f"p{i % 97}", "match_score": 0.0}
        batch.append(({"url": url, "date": "2025-03-14"}, [cand]))
    t0 = time.perf_counter()
    for i in range(0, n, 500):
        queue.add_articles(batch[i:i + 500])
    print(f"queue: add {n:,} candidates in batches of 500: {time.perf_counter() - t0:.2f} s")
    for label, fn in [
        ("first page of 50", lambda: queue.list(status="pending", limit=50)),
        ("last page of 50", lambda: queue.list(status="pending", limit=50, offset=n - 50)),
        (f"whole list ({n:,})", lambda: queue.list()),
        ("count pending", lambda: queue.count(status="pending")),
        ("`semidash queue list` (default page of 100, table)", lambda: _cli_list(queue.store.url)),
        ("`semidash queue list --limit 0 --format json` (all)", lambda: _cli_list(queue.store.url, "--limit", "0",
                                                                               "--format", "json")),
        ("linked, in Japanese", lambda: queue.list(language="ja", linked=True)),
        ("get one with its sources", lambda: queue.get(n // 2)),
        ("reject one", lambda: queue.reject(n // 2)),
        ("re-add the same 500 articles", lambda: queue.add_articles(batch[:500])),
    ]:
        t0 = time.perf_counter()
        out = fn()
        size = len(out) if isinstance(out, list) else (f"{out['sources']} source(s)" if isinstance(out, dict) else out)
        print(f"queue ({n:,}): {label}: {(time.perf_counter() - t0) * 1000:.1f} ms -> {size}")


if __name__ == "__main__":
    bench_ingest(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
    bench_queue()
