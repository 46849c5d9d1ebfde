"""Team ingestion on Celery workers, Redis as the broker, the PostgreSQL store.

The caller expands its sources (a feed's new entries, a folder's files) and
sends each article as one task; any number of worker processes read them and
write to the same store, whose writer lock keeps the queue right when two
workers meet the same figure (one candidate, two sources) or the same article
(read once). The broker and the result backend come from ``$SEMIDASH_BROKER``
(default ``redis://127.0.0.1:6379/0``); the store from the task's ``db``.

Start a worker::

    SEMIDASH_BROKER=redis://127.0.0.1:6379/0 celery -A dashboard.ui.worker worker --concurrency 2   # also runs the dashboard's background callbacks
    SEMIDASH_BROKER=redis://127.0.0.1:6379/0 celery -A dashboard.intake.tasks worker --concurrency 2  # the intake tasks only

and send work with ``semidash ingest --broker redis://127.0.0.1:6379/0 --db postgresql+psycopg://... SOURCE...``.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable

from celery import Celery

__all__ = ["app", "BROKER_ENV", "configure", "ingest_articles", "dispatch"]

BROKER_ENV = "SEMIDASH_BROKER"
"""Environment variable naming the Celery broker (and result backend) URL."""

app = Celery("semidash")
app.conf.update(
    broker_url=os.environ.get(BROKER_ENV, "redis://127.0.0.1:6379/0"),
    result_backend=os.environ.get(BROKER_ENV, "redis://127.0.0.1:6379/0"),
    task_serializer="json", result_serializer="json", accept_content=["json"],
    task_acks_late=True, worker_prefetch_multiplier=1, broker_connection_retry_on_startup=True,
)



def configure(broker: str) -> None:
    """Use ``broker`` (a Redis URL) as the broker and the result backend from now on.

    Celery keeps the connections it made for the previous broker in the app's
    pools and result backend; they are dropped here, so a process that changes
    broker (a long-lived server, a test session) never talks to the old one.
    """
    if app.conf.broker_url == broker and app.conf.result_backend == broker:
        return
    app.conf.update(broker_url=broker, result_backend=broker)
    pool, app._pool = app._pool, None  # Celery has no public reset for these caches
    if pool is not None:
        pool.force_close_all()
    app.amqp._producer_pool = None
    app._backend_cache = None  # the result backend, cached per app or per thread
    app._local.__dict__.pop("backend", None)


_lock = threading.Lock()
_indexes: dict[str, tuple[object, object]] = {}


def _index(store):
    """The worker's project index for ``store``, rebuilt when the user's records change."""
    from dashboard.data import load_projects
    from dashboard.intake.linking import ProjectIndex

    rev = store.revision()
    with _lock:
        cached = _indexes.get(store.url)
        if cached is None or cached[0] != rev:
            cached = (rev, ProjectIndex(load_projects(db=store)))
            _indexes[store.url] = cached
        return cached[1]


@app.task(name="semidash.ingest_articles")
def ingest_articles(items: list, db: str) -> dict:
    """Read ``items`` (article URLs or files, or ``[url, feed date]`` pairs) into the queue of ``db``."""
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store
    from dashboard.intake.ingest import ingest

    store = Store(db)
    try:
        index = _index(store)
        report = ingest([tuple(i) if isinstance(i, list) else i for i in items], Queue(store),
                        projects=index.frame, index=index)
    finally:
        store.close()
    return {"articles": report.articles, "skipped": report.skipped, "candidates": report.candidates,
            "sources": report.sources, "failed": report.failed}


def dispatch(sources: Iterable[str], db: str, *, broker: str | None = None, chunk: int = 5,
             timeout: float = 600) -> "IngestReport":  # noqa: F821
    """Expand ``sources`` here, send the articles to the workers in chunks, wait, and add up their reports."""
    from celery import group

    from dashboard.data.queue import Queue
    from dashboard.data.store import Store
    from dashboard.intake.ingest import IngestReport, expand_sources

    if broker:
        configure(broker)
    report = IngestReport()
    with Store(db) as store:
        queue = Queue(store)
        items = [[i.source, i.feed_date, i.feed_date_updated_only]
                 for i in expand_sources(sources, report=report, known=queue.known_articles)]
    if items:
        job = group(ingest_articles.s(items[k:k + chunk], db) for k in range(0, len(items), chunk)).apply_async()
        for part in job.get(timeout=timeout):
            report.articles += part["articles"]
            report.skipped += part["skipped"]
            report.candidates += part["candidates"]
            report.sources += part["sources"]
            report.failed += [tuple(f) for f in part["failed"]]
    return report
