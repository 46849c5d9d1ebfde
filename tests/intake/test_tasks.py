"""Team ingestion for real: a throwaway redis-server, the throwaway PostgreSQL store, two Celery
worker processes; `semidash ingest --broker` fills the queue as the local run does, and a second run adds nothing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time

import pytest

from tests.helpers import free_port
from tests.intake.news_site import EXPECTED, PAGES

pytestmark = [pytest.mark.slow, pytest.mark.pg]


@pytest.fixture
def redis_url():
    """A redis-server on a free port of 127.0.0.1, without persistence, stopped afterwards."""
    exe = shutil.which("redis-server")
    if exe is None:
        pytest.skip("redis-server not installed (apt-get install redis-server)")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="semidash-redis-")
    proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", workdir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.time() + 20
    while True:
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(10)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def worker(redis_url):
    """A real Celery worker (prefork, 2 processes) on the broker."""
    env = {**os.environ, "SEMIDASH_BROKER": redis_url}
    exe = os.path.join(os.path.dirname(sys.executable), "celery")
    proc = subprocess.Popen([exe, "-A", "dashboard.intake.tasks", "worker", "--concurrency", "2", "--loglevel", "WARNING",
                             "--without-gossip", "--without-mingle", "--without-heartbeat"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    from dashboard.intake.tasks import app, configure

    configure(redis_url)  # an earlier test in the session may have used another broker
    deadline = time.time() + 60
    while not (app.control.ping(timeout=1.0)):
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError(f"the Celery worker did not start: {proc.stdout.read().decode(errors='replace')[-2000:]}")
    yield redis_url
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_celery_workers_fill_the_postgresql_queue(worker, news_site, pg_cluster, tmp_path):
    import uuid

    from dashboard.data.queue import Queue
    from dashboard.data.store import Store

    base, _ = news_site
    name = f"team_{uuid.uuid4().hex[:10]}"
    db = pg_cluster.create_database(name)
    try:
        exe = os.path.join(os.path.dirname(sys.executable), "semidash")
        run = lambda: subprocess.run([exe, "ingest", "--broker", worker, "--db", db, f"{base}/feed.xml"],  # noqa: E731
                                     capture_output=True, text=True, timeout=300)
        out = run()
        assert out.returncode == 0, out.stderr
        n = sum(len(figs) for figs in EXPECTED.values()) - 1
        assert out.stdout.startswith(f"{len(PAGES)} articles read, 0 already read; {n} new candidates, {n + 1} sources added")
        with Store(db) as store:
            rows = Queue(store).list()
        assert len(rows) == n
        assert {r["text"]: r["matched_id"] for r in rows}["400억엔"] == "samsung-yokohama-apl"
        again = run()
        assert again.returncode == 0, again.stderr
        assert again.stdout.startswith(f"0 articles read, {len(PAGES)} already read; 0 new candidates, 0 sources added")
    finally:
        pg_cluster.drop_database(name)
