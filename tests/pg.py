"""A throwaway PostgreSQL server for the store tests (a real server, started and deleted here).

:func:`start_cluster` runs Debian's (or any) ``initdb`` and ``pg_ctl`` into a
fresh directory under the system temp dir: trust authentication, listening
only on 127.0.0.1 on a free port (and a Unix socket inside its own dir), fsync
off because the data is thrown away, and the server's time zone set to
Asia/Seoul so timestamps are checked away from UTC. PostgreSQL refuses to run
as root, so when the tests run as root (CI) the server runs as the unprivileged
``postgres`` user made by the Debian package (via ``runuser``, else ``sudo``)
and the directory is handed to that user. :func:`missing` says why the server
cannot run here (no binaries, no driver, root without an unprivileged user), so
the PostgreSQL tests are skipped with that reason rather than failing.
"""
from __future__ import annotations

import contextlib
import glob
import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "postgres"
"""Unprivileged account that runs the server when the tests run as root."""

SUPERUSER = "semidash"
"""Database superuser created by ``initdb`` (trust authentication, no password)."""


def bin_dir() -> Path | None:
    """Directory holding ``initdb`` and ``pg_ctl``: the newest Debian one, else from ``$PATH``."""
    def version(p: str) -> tuple[int, ...]:
        part = Path(p).parents[1].name
        return tuple(int(x) for x in part.split(".") if x.isdigit())

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl", path=str(Path(initdb).parent)):
        return Path(initdb).parent
    return None


def _run_as() -> list[str]:
    """Command prefix that runs the server binaries as a non-root user ([] when not root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser"):
        return ["runuser", "-u", SERVER_USER, "--"]
    return ["sudo", "-u", SERVER_USER, "--"]


def missing() -> str | None:
    """Why a throwaway server cannot be started here, or ``None`` if it can."""
    if importlib.util.find_spec("psycopg") is None:
        return "the PostgreSQL driver is not installed (pip install 'psycopg[binary]')"
    if bin_dir() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) not found (apt-get install postgresql)"
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"running as root and there is no {SERVER_USER!r} user to run PostgreSQL as"
        if not (shutil.which("runuser") or shutil.which("sudo")):
            return "running as root and neither runuser nor sudo is available to drop privileges"
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Cluster:
    """A running throwaway server."""

    root: Path
    port: int

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL (psycopg 3 driver) of ``database`` on this server."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        """Run one statement outside a transaction on the server's default database."""
        import sqlalchemy as sa

        engine = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(sql)
        finally:
            engine.dispose()

    def create_database(self, name: str) -> str:
        """Create database ``name`` and return its URL."""
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop database ``name``, ending any sessions still connected to it."""
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _check(cmd: list[str], what: str, log: Path | None = None) -> None:
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        extra = log.read_text(errors="replace")[-2000:] if log is not None and log.exists() else ""
        raise RuntimeError(f"{what} failed ({out.returncode}): {out.stderr.strip() or out.stdout.strip()}\n{extra}")


@contextlib.contextmanager
def start_cluster() -> Iterator[Cluster]:
    """Start a fresh server (see the module docstring); stop it and delete its files on exit."""
    reason = missing()
    if reason:
        raise RuntimeError(reason)
    bins = bin_dir()
    prefix = _run_as()
    root = Path(tempfile.mkdtemp(prefix="semidash-pg-"))
    if prefix:
        shutil.chown(root, user=SERVER_USER)
    data, log = root / "data", root / "server.log"
    started = False
    try:
        _check([*prefix, str(bins / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
                "--encoding=UTF8", "--no-locale", "--no-sync"], "initdb")
        for attempt in range(5):
            port = free_port()
            opts = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50 -c timezone=Asia/Seoul")
            try:
                _check([*prefix, str(bins / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts,
                        "-w", "-t", "60", "start"], "pg_ctl start", log)
            except RuntimeError:
                if attempt == 4:
                    raise
                continue  # port taken meanwhile: try another
            started = True
            break
        yield Cluster(root, port)
    finally:
        if started:
            subprocess.run([*prefix, str(bins / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=120)
        shutil.rmtree(root, ignore_errors=True)
