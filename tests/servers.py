"""Real servers for the deployment, failure and load tests: a throwaway
redis-server and gunicorn serving the app, each on a free port of 127.0.0.1,
stopped (and their files deleted) on exit. PostgreSQL is in :mod:`tests.pg`.
"""
from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.pg import free_port

ROOT = Path(__file__).resolve().parents[1]


def redis_missing() -> str | None:
    """Why a throwaway Redis cannot run here, or ``None``."""
    if shutil.which("redis-server") is None:
        return "redis-server not found (apt-get install redis-server)"
    try:
        import redis  # noqa: F401
    except ImportError:
        return "the redis client is not installed (pip install redis)"
    return None


@dataclass(frozen=True)
class Redis:
    port: int
    root: Path

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=5)


@contextlib.contextmanager
def start_redis() -> Iterator[Redis]:
    """A fresh redis-server on 127.0.0.1 (no persistence, 64 MB max memory)."""
    reason = redis_missing()
    if reason:
        raise RuntimeError(reason)
    root = Path(tempfile.mkdtemp(prefix="semidash-redis-"))
    proc = None
    try:
        for _attempt in range(5):
            port = free_port()
            proc = subprocess.Popen(
                ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", str(root), "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"],
                stdout=(root / "redis.log").open("wb"), stderr=subprocess.STDOUT)
            server = Redis(port, root)
            end = time.monotonic() + 20
            up = False
            while not up and time.monotonic() < end and proc.poll() is None:
                try:
                    up = bool(server.client().ping())
                except Exception:  # noqa: BLE001 - not up yet
                    time.sleep(0.05)
            if up:
                break
            if proc.poll() is None:  # alive but never answered: try another port
                proc.kill()
                proc.wait(timeout=10)
        else:
            raise RuntimeError(f"redis-server did not start: {(root / 'redis.log').read_text()[-1000:]}")
        yield server
    finally:
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(root, ignore_errors=True)


def gunicorn_missing() -> str | None:
    if not Path(sys.executable).with_name("gunicorn").exists():
        return "gunicorn is not installed in this environment"
    return None


@dataclass(frozen=True)
class App:
    port: int
    log: Path
    pid: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 60) -> tuple[int, bytes, dict]:
        """One raw HTTP request; returns (status, body, headers)."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            c.request(method, path, body, headers or {})
            r = c.getresponse()
            return r.status, r.read(), {k.lower(): v for k, v in r.getheaders()}
        finally:
            c.close()

    def deps(self) -> list[dict]:
        """The app's callback map as the browser reads it (``/_dash-dependencies``)."""
        status, body, _ = self.request("GET", "/_dash-dependencies")
        if status != 200:
            raise RuntimeError(f"/_dash-dependencies answered {status}")
        return json.loads(body)


@contextlib.contextmanager
def start_gunicorn(env: dict[str, str], *, workers: int = 2, timeout: int = 30,
                   app: str = "dashboard.app:server", wait_s: float = 120) -> Iterator[App]:
    """gunicorn with ``workers`` sync workers serving ``app`` on a free port, with ``env``
    added to this process's environment; waits until the page answers."""
    root = Path(tempfile.mkdtemp(prefix="semidash-gunicorn-"))
    log = root / "gunicorn.log"
    port = free_port()
    full_env = {**os.environ, **env}
    cmd = [str(Path(sys.executable).with_name("gunicorn")), "-w", str(workers), "-b", f"127.0.0.1:{port}",
           "--timeout", str(timeout), app]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    server = App(port, log, proc.pid)
    try:
        end = time.monotonic() + wait_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({proc.returncode}): {log.read_text(errors='replace')[-3000:]}")
            try:
                if server.request("GET", "/_dash-layout", timeout=30)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > end:
                raise RuntimeError(f"gunicorn did not answer in {wait_s:.0f} s: {log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


def _component_id(text: str):
    return json.loads(text) if text.startswith("{") else text


def _split_output(output: str) -> list[dict]:
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    out = []
    for p in parts:
        cid, prop = p.rsplit(".", 1)
        out.append({"id": _component_id(cid), "property": prop.split("@")[0]})
    return out


def find_callback(deps: list[dict], input_id: str, input_prop: str, output_part: str = "") -> dict:
    """The callback of the app's ``/_dash-dependencies`` that reads that property, as an input or a
    state (the grid reads the URL as a state, started by the views callback), and has
    ``output_part`` in its output."""
    for d in deps:
        reads = d["inputs"] + d.get("state", [])
        if any(i["id"] == input_id and i["property"] == input_prop for i in reads) and output_part in d["output"]:
            return d
    raise LookupError(f"no callback on {input_id}.{input_prop} with {output_part!r} in its output")


def callback_body(dep: dict, values: dict, changed: str) -> bytes:
    """The JSON body the browser posts for callback ``dep`` (an entry of ``/_dash-dependencies``).

    ``values`` maps ``(id, property)`` (``id`` as text, JSON for pattern ids) to the value; the rest
    are ``None``. ``changed`` is the ``"id.property"`` that fired.
    """
    def items(entries):
        return [{"id": _component_id(e["id"]), "property": e["property"], "value": values.get((e["id"], e["property"]))}
                for e in entries]

    outputs = _split_output(dep["output"])
    return json.dumps({"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
                       "inputs": items(dep["inputs"]), "changedPropIds": [changed],
                       "state": items(dep["state"])}).encode()
