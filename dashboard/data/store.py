"""The user's own records, kept in a database through SQLAlchemy.

By default a SQLite file ``projects.db`` under ``platformdirs.user_data_dir("semidash")``;
``$SEMIDASH_DB`` or an explicit ``url`` (a SQLAlchemy URL, or a bare path meaning
a SQLite file) overrides it, and a PostgreSQL URL works the same way
(``postgresql+psycopg://user@host/db``; it needs the driver:
``pip install "psycopg[binary]"``; a bare ``postgresql://`` URL uses psycopg when
psycopg2 is not installed). Records are stored as the text the user gave,
column for column like the curated ``projects.csv``, and go through the same schema
as the curated rows before anything is written, plus what every database can
hold (ids up to 120 characters, no NUL characters). Curated ids are read-only
and cannot be reused.

A user's record has the curated columns (dataset v2) plus ``company``, and
these defaults, applied before the checks (:func:`normalize_record`): ``scope``
``site``; ``status_as_of`` today (the day the user states the status);
``last_verified`` may stay empty; ``relation`` ``part_of`` when a
``parent_id`` is given without one. Names in ``company`` that match a company
of ``companies.csv`` (any name or alias, case-insensitive) become its id in
``company_ids``; names that match none stay in ``company`` as free text and
show after the known names. A store written by semidash 1.x gains the new
columns on first use: its records get scope ``site``, ``status_as_of`` the
day they were last updated, and the retired status ``planned`` becomes
``announced``.

Writers are serialised, so several processes can add at once without losing
records, and checks made inside a write (the id is still free, the parent
still exists) hold until it commits. SQLite files run in WAL mode with a busy
timeout and every write is one ``BEGIN IMMEDIATE`` transaction; on PostgreSQL
every write is one READ COMMITTED transaction that first takes a
transaction-level advisory lock (which also makes creating the table on first
use safe when several writers start at once). Timestamps are UTC.

>>> resolve_url("/tmp/semidash-example.db")
'sqlite:////tmp/semidash-example.db'
>>> resolve_url("postgresql://me@localhost/semidash")
'postgresql://me@localhost/semidash'
"""
from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import os
import re
import unicodedata
import uuid
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.schema import CreateTable

from dashboard.data.companies import company_ids, resolve_names
from dashboard.data.curated import curated_ids
from dashboard.data.schema import TYPED_COLUMNS, USER_COLUMNS, check_frame, text_frame
from dashboard.data.table import to_typed

COLUMNS = USER_COLUMNS  # a user's record: the curated columns plus free-text ``company``
from dashboard.errors import (
    ReadOnlyRecordError,
    RecordNotFoundError,
    StoreError,
    ValidationError,
)

__all__ = ["Store", "resolve_url", "default_url", "make_id", "normalize_record", "ENV_VAR", "TABLE_NAME"]

ENV_VAR = "SEMIDASH_DB"
"""Environment variable naming the store (URL or SQLite file path)."""

TABLE_NAME = "user_projects"

ID_LENGTH = 120
"""Longest id the store holds (the ``id`` column is ``VARCHAR(120)``)."""

_metadata = sa.MetaData()
_table = sa.Table(
    TABLE_NAME,
    _metadata,
    sa.Column("id", sa.String(ID_LENGTH), primary_key=True),
    *(sa.Column(c, sa.Text, nullable=True) for c in COLUMNS if c != "id"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

BUSY_TIMEOUT_S = 10
"""Seconds a SQLite write waits for another writer before giving up with "try again": well
below gunicorn's worker timeout (30 s), so a waiting request answers instead of being killed."""

# key of the PostgreSQL advisory lock that serialises writers (any fixed 64-bit number)
_PG_LOCK_KEY = zlib.crc32(f"semidash.{TABLE_NAME}".encode())


def default_url() -> str:
    """SQLite file ``projects.db`` in the user's data directory (not created here)."""
    import platformdirs

    return "sqlite:///" + str(Path(platformdirs.user_data_dir("semidash")) / "projects.db")


def resolve_url(url: str | os.PathLike | None = None) -> str:
    """SQLAlchemy URL of the store: ``url``, else ``$SEMIDASH_DB``, else :func:`default_url`.

    A value without ``://`` is a path to a SQLite file (``~`` expanded, made absolute).
    """
    if url is None:
        url = os.environ.get(ENV_VAR) or None
    if url is None:
        return default_url()
    text = os.fspath(url)
    if "://" in text:
        try:
            sa.engine.make_url(text)
        except sa.exc.ArgumentError as exc:
            raise StoreError(f"{text!r} is not a database URL ({exc}); give a SQLAlchemy URL "
                             "such as postgresql+psycopg://user@host/db, or a SQLite file path") from None
        return text
    return "sqlite:///" + str(Path(text).expanduser().absolute())


def make_id(project: str | None) -> str:
    """A fresh id for a user record: a slug of the project name plus a random suffix.

    >>> import re
    >>> bool(re.fullmatch(r"samsung-advanced-packaging-lab-[0-9a-f]{6}", make_id("Samsung Advanced Packaging Lab")))
    True
    >>> make_id("삼성 패키징")[:7]
    'record-'
    """
    text = unicodedata.normalize("NFKD", project or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > 50:
        slug = slug[:50].rsplit("-", 1)[0] or slug[:50]
    return f"{slug or 'record'}-{uuid.uuid4().hex[:6]}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, float) and v != v) or v is pd.NA or (isinstance(v, str) and not v.strip())


def normalize_record(record: Mapping[str, object], *, today: dt.date | None = None) -> dict[str, object]:
    """A user's record with the defaults of a user record and company names mapped to ids.

    >>> r = normalize_record({"project": "Lab", "company": "softbank group; Acme Fabs"}, today=dt.date(2026, 12, 1))
    >>> r["company_ids"], r["company"], r["scope"], r["status_as_of"]
    ('softbank-group', 'Acme Fabs', 'site', '2026-12-01')
    """
    out = dict(record)
    if _blank(out.get("scope")):
        out["scope"] = "site"
    if _blank(out.get("status_as_of")):
        out["status_as_of"] = (today or dt.date.today()).isoformat()
    if not _blank(out.get("parent_id")) and _blank(out.get("relation")):
        out["relation"] = "part_of"
    if not _blank(out.get("company")):
        ids, free = resolve_names(str(out["company"]))
        given = [] if _blank(out.get("company_ids")) else [c.strip() for c in str(out["company_ids"]).split(";") if c.strip()]
        out["company_ids"] = ";".join(dict.fromkeys(given + ids)) or None
        out["company"] = "; ".join(free) or None
    return out


class Store:
    """The user's records in a SQL database.

    ``curated`` is the curated projects CSV whose ids are read-only and may be
    used as ``parent_id`` (default: the bundled file). Nothing is created until
    the first write; reading a store that does not exist gives no records.
    """

    def __init__(self, url: str | os.PathLike | None = None, *, curated: str | os.PathLike | None = None) -> None:
        self.url = resolve_url(url)
        self._url = sa.engine.make_url(self.url)
        self._curated = curated
        self._engine: sa.Engine | None = None
        self._ready = False

    def __repr__(self) -> str:
        return f"Store({self.display_url!r})"

    @property
    def display_url(self) -> str:
        """The URL with any password hidden (for messages)."""
        return self._url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        """Whether the store is a SQLite database."""
        return self._url.get_backend_name() == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        """Whether the store is a PostgreSQL database."""
        return self._url.get_backend_name() == "postgresql"

    @property
    def sqlite_file(self) -> Path | None:
        """The database file of a SQLite store (``None`` for memory or other databases)."""
        db = self._url.database
        if not self.is_sqlite or not db or db == ":memory:" or db.startswith("file:"):
            return None
        return Path(db)

    # --- engine and transactions ---------------------------------------------

    @property
    def engine(self) -> sa.Engine:
        if self._engine is None:
            if self.is_sqlite:
                if self.sqlite_file is not None:
                    self.sqlite_file.parent.mkdir(parents=True, exist_ok=True)
                engine = sa.create_engine(self.url, connect_args={"timeout": BUSY_TIMEOUT_S})
                sa.event.listen(engine, "connect", _sqlite_on_connect)
                sa.event.listen(engine, "begin", _sqlite_on_begin)
            else:
                url = self._url
                if (url.drivername == "postgresql" and importlib.util.find_spec("psycopg2") is None
                        and importlib.util.find_spec("psycopg") is not None):
                    url = url.set(drivername="postgresql+psycopg")  # SQLAlchemy's default is psycopg2
                try:
                    # READ COMMITTED whatever the server's default: each statement after
                    # the writers' lock must see what the previous writer committed
                    engine = sa.create_engine(url, pool_pre_ping=True, isolation_level="READ COMMITTED")
                except (ImportError, sa.exc.NoSuchModuleError) as exc:
                    hint = (' (for PostgreSQL: pip install "psycopg[binary]" and use a postgresql+psycopg:// URL)'
                            if self.is_postgresql else "")
                    raise StoreError(f"{self.display_url}: the database driver is not installed ({exc}){hint}") from exc
            self._engine = engine
        return self._engine

    def close(self) -> None:
        """Release the database connections."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._ready = False

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """One write transaction, the only writer until it ends; the table exists inside it.

        SQLite: ``BEGIN IMMEDIATE``. PostgreSQL: a transaction-level advisory
        lock taken first (also around ``CREATE TABLE IF NOT EXISTS``, which is
        not safe against a concurrent create on PostgreSQL).
        """
        try:
            with self.engine.connect() as conn:
                conn.execution_options(semidash_write=True)
                with conn.begin():
                    if self.is_postgresql:
                        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
                    if not self._ready:
                        conn.execute(CreateTable(_table, if_not_exists=True))
                        _upgrade(conn)
                    yield conn
                self._ready = True
        except sa.exc.IntegrityError as exc:
            raise StoreError(f"{self.display_url}: write refused by the database: {_one_line(exc.orig)}") from exc
        except sa.exc.DBAPIError as exc:
            if _is_busy(exc):
                raise StoreError(f"{self.display_url}: the store is busy (another write held it for over "
                                 f"{BUSY_TIMEOUT_S:g} s); nothing was written, try again") from exc
            raise StoreError(f"{self.display_url}: database error: {_one_line(exc.orig)}") from exc

    def _exists(self) -> bool:
        f = self.sqlite_file
        if f is not None and not f.exists():
            return False
        try:
            exists = sa.inspect(self.engine).has_table(TABLE_NAME)
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"{self.display_url}: database error: {_one_line(exc.orig)}") from exc
        if exists and not self._ready:
            # a store of an older version gains the new columns before it is read
            columns = {c["name"] for c in sa.inspect(self.engine).get_columns(TABLE_NAME)}
            if not set(_table.c.keys()) <= columns:
                with self._write():
                    pass
        return exists

    # --- reading ---------------------------------------------------------------

    def ids(self) -> set[str]:
        """Ids of the stored records."""
        if not self._exists():
            return set()
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(_table.c.id)).scalars())

    def list(self) -> pd.DataFrame:
        """Stored records as text, one row each, with ``created_at``/``updated_at``, oldest first."""
        cols = [*COLUMNS, "created_at", "updated_at"]
        if not self._exists():
            return pd.DataFrame(columns=cols, dtype="str")
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(_table).order_by(_table.c.created_at, _table.c.id)).mappings().all()
        frame = text_frame(rows, columns=COLUMNS)
        frame["created_at"] = pd.to_datetime([r["created_at"] for r in rows], utc=True)
        frame["updated_at"] = pd.to_datetime([r["updated_at"] for r in rows], utc=True)
        return frame[cols]

    def revision(self) -> tuple[int, str | None]:
        """A cheap token that changes whenever a record is added, edited or deleted.

        ``(number of records, latest updated_at)``: an add or a delete changes
        the count, an edit (or a delete and an add in between two looks) moves
        the latest ``updated_at``. A store that does not exist yet is ``(0, None)``.
        One indexed aggregate query; nothing is created.

        >>> import tempfile, os
        >>> Store(os.path.join(tempfile.mkdtemp(), "none.db")).revision()
        (0, None)
        """
        f = self.sqlite_file
        if f is not None and not f.exists():
            return (0, None)
        query = sa.select(sa.func.count(), sa.func.max(_table.c.updated_at))
        try:
            with self.engine.connect() as conn:
                count, latest = conn.execute(query).one()
        except sa.exc.OperationalError as exc:
            if "no such table" in str(exc.orig) or not self._exists():
                return (0, None)
            raise StoreError(f"{self.display_url}: database error: {_one_line(exc.orig)}") from exc
        except sa.exc.ProgrammingError as exc:  # other databases: table not created yet
            if not self._exists():
                return (0, None)
            raise StoreError(f"{self.display_url}: database error: {_one_line(exc.orig)}") from exc
        if isinstance(latest, dt.datetime) and latest.tzinfo is not None:
            # PostgreSQL gives the time in the session's zone: the same instant reads the same
            latest = latest.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return (int(count), None if latest is None else str(latest))

    def get(self, record_id: str) -> dict[str, str | None]:
        """One stored record as a dict of text (missing cells are ``None``)."""
        self._refuse_curated(record_id, "read from the store")
        if self._exists():
            with self.engine.connect() as conn:
                row = conn.execute(sa.select(_table).where(_table.c.id == record_id)).mappings().first()
            if row is not None:
                return {c: row[c] for c in COLUMNS}
        raise RecordNotFoundError(self.display_url, record_id)

    def load(self) -> pd.DataFrame:
        """Stored records validated and typed like ``load_projects`` (``origin == "user"``)."""
        frame = self.list()
        if frame.empty:
            return pd.DataFrame(columns=list(TYPED_COLUMNS))
        curated = self._curated_ids()
        text = frame[list(COLUMNS)].set_axis(frame["id"].tolist())
        problems = check_frame(
            text, where=lambda rid: f"{self.display_url}: record {rid!r}", known_ids=curated,
            reserved_ids=curated, reserved_reason="is now a curated id; delete or re-add this user record",
            company_ids=company_ids(), user=True,
        )
        if problems:
            raise ValidationError(problems, source=self.display_url)
        return to_typed(text, "user")

    # --- writing ---------------------------------------------------------------

    def add(self, record: Mapping[str, object]) -> str:
        """Validate and store one record; returns its id (made from the project if not given)."""
        return self.add_many([record])[0]

    def add_many(self, records: Iterable[Mapping[str, object]] | pd.DataFrame, *, source: str | None = None) -> list[str]:
        """Validate every record, then store all of them in one transaction, or none.

        ``records`` are mappings of column -> value, or a text frame from
        ``read_table`` (indexed by line; then ``source`` names the file so
        problems read ``FILE:LINE: column ...``). Raises
        :class:`~dashboard.errors.ValidationError` listing every problem before
        anything is written.
        """
        problems: list[str] = []
        if isinstance(records, pd.DataFrame):
            frame = records.reindex(columns=list(COLUMNS)).copy()
            normal = [normalize_record(r) for r in frame.to_dict("records")]
            frame = text_frame(normal, index=frame.index, columns=COLUMNS)

            def where(label: object) -> str:
                return f"{source or '<input>'}:{label}"
        else:
            records = list(records)
            for n, rec in enumerate(records, start=1):
                unknown = sorted(set(rec) - set(COLUMNS))
                if unknown:
                    problems.append(
                        f"record {n}: unknown field(s) {', '.join(map(repr, unknown))}; valid fields: {', '.join(COLUMNS)}"
                    )
            frame = text_frame([normalize_record(r) for r in records], index=range(1, len(records) + 1),
                               columns=COLUMNS)
            prefix = f"{source}: " if source else ""

            def where(label: object) -> str:
                return f"{prefix}record {label}"
        if frame.empty:
            return []
        no_id = frame["id"].isna()
        frame.loc[no_id, "id"] = [make_id(p if isinstance(p, str) else None) for p in frame.loc[no_id, "project"]]
        curated = self._curated_ids()
        stored = self.ids()

        def why(rid: str) -> str:
            return "is a curated id (read-only); choose another id" if rid in curated else "is already in the store"

        problems += check_frame(frame, where=where, known_ids=curated | stored,
                                reserved_ids=curated | stored, reserved_reason=why,
                                company_ids=company_ids(), user=True)
        problems += _storage_problems(frame, where)
        if problems:
            raise ValidationError(problems, source=source or self.display_url)
        generated = set(frame.loc[no_id, "id"])
        now = _now()
        rows = [
            {**{c: (None if pd.isna(v) else str(v)) for c, v in rec.items()}, "created_at": now, "updated_at": now}
            for rec in frame.to_dict("records")
        ]
        with self._write() as conn:
            # checked again as the only writer: another process may have written since validation
            while taken := set(conn.execute(
                    sa.select(_table.c.id).where(_table.c.id.in_([r["id"] for r in rows]))).scalars()):
                given = taken - generated
                if given:
                    raise StoreError(f"{self.display_url}: id(s) {', '.join(sorted(given))} were added by "
                                     "another writer meanwhile; nothing was added")
                for row in rows:  # a made-up id someone else just took: make another
                    if row["id"] in taken:
                        row["id"] = make_id(row["project"])
                        generated.add(row["id"])
            ids = [r["id"] for r in rows]
            self._check_parents(conn, rows, curated | set(ids))
            try:
                conn.execute(sa.insert(_table), rows)
            except sa.exc.IntegrityError as exc:  # a writer that does not take the lock
                raise StoreError(f"{self.display_url}: an id among {', '.join(ids)} was added by another writer "
                                 f"meanwhile ({_one_line(exc.orig)}); nothing was added") from exc
        return ids

    def update(self, record_id: str, fields: Mapping[str, object]) -> None:
        """Change fields of a stored user record (validated like a new one); the id cannot change."""
        self._refuse_curated(record_id, "edited")
        current = self.get(record_id)
        problems = []
        unknown = sorted(set(fields) - set(COLUMNS))
        if unknown:
            problems.append(f"record {record_id!r}: unknown field(s) {', '.join(map(repr, unknown))}; valid fields: {', '.join(COLUMNS)}")
        if "id" in fields and fields["id"] != record_id:
            problems.append(f"record {record_id!r}: column 'id': {str(fields['id'])!r} the id of a record cannot change")
        merged = {**current, **{k: v for k, v in fields.items() if k in COLUMNS and k != "id"}}
        if "company" in fields and "company_ids" not in fields:
            merged["company_ids"] = None  # the names given now decide the ids again
        frame = text_frame([normalize_record(merged)], index=[record_id], columns=COLUMNS)
        curated = self._curated_ids()
        others = self.ids() - {record_id}
        problems += check_frame(frame, where=lambda rid: f"record {rid!r}", known_ids=curated | others,
                                reserved_ids=curated | others, company_ids=company_ids(), user=True)
        problems += _storage_problems(frame, lambda rid: f"record {rid!r}")
        if problems:
            raise ValidationError(problems, source=self.display_url)
        values = {c: (None if pd.isna(v) else str(v)) for c, v in frame.iloc[0].items() if c != "id"}
        with self._write() as conn:
            self._check_parents(conn, [values], curated)
            done = conn.execute(
                sa.update(_table).where(_table.c.id == record_id).values(**values, updated_at=_now())
            ).rowcount
        if not done:
            raise RecordNotFoundError(self.display_url, record_id)

    def delete(self, record_id: str) -> None:
        """Delete a stored user record; refused while other user records name it as parent."""
        self._refuse_curated(record_id, "deleted")
        if not self._exists():
            raise RecordNotFoundError(self.display_url, record_id)
        with self._write() as conn:
            children = sorted(conn.execute(
                sa.select(_table.c.id).where(_table.c.parent_id == record_id)).scalars())
            if children:
                raise StoreError(
                    f"{self.display_url}: record {record_id!r} is the parent_id of {', '.join(children)}; "
                    "change or delete those first"
                )
            done = conn.execute(sa.delete(_table).where(_table.c.id == record_id)).rowcount
        if not done:
            raise RecordNotFoundError(self.display_url, record_id)

    # --- helpers ---------------------------------------------------------------

    def _check_parents(self, conn: sa.Connection, rows: list[dict], known: Iterable[str]) -> None:
        """Inside a write: every ``parent_id`` not in ``known`` must still be a stored record."""
        wanted = {r["parent_id"] for r in rows if r.get("parent_id")} - set(known)
        if not wanted:
            return
        present = set(conn.execute(sa.select(_table.c.id).where(_table.c.id.in_(wanted))).scalars())
        gone = sorted(wanted - present)
        if gone:
            raise StoreError(f"{self.display_url}: parent_id(s) {', '.join(gone)} were deleted by another writer "
                             "meanwhile; nothing was written")

    def _curated_ids(self) -> frozenset[str]:
        return curated_ids(self._curated)

    def _refuse_curated(self, record_id: str, verb: str) -> None:
        if record_id in self._curated_ids():
            raise ReadOnlyRecordError(record_id, verb)


def _upgrade(conn: sa.Connection) -> None:
    """Inside a write: add the columns a store of semidash 1.x lacks, with the defaults of a user record."""
    have = {c["name"] for c in sa.inspect(conn).get_columns(TABLE_NAME)}
    missing = [c for c in _table.c.keys() if c not in have]
    if not missing:
        return
    for name in missing:
        conn.execute(sa.text(f'ALTER TABLE {TABLE_NAME} ADD COLUMN "{name}" TEXT'))
    t = _table
    if "scope" in missing:
        conn.execute(sa.update(t).where(t.c.scope.is_(None)).values(scope="site"))
    if "status_as_of" in missing:
        conn.execute(sa.update(t).where(t.c.status_as_of.is_(None))
                     .values(status_as_of=sa.func.substr(sa.cast(t.c.updated_at, sa.Text), 1, 10)))
    conn.execute(sa.update(t).where(t.c.status == "planned").values(status="announced"))


def _storage_problems(frame: pd.DataFrame, where) -> list[str]:
    """What a database cannot hold although the schema allows it: ids longer than
    :data:`ID_LENGTH` and NUL characters (PostgreSQL text cannot contain them).

    >>> for p in _storage_problems(text_frame([{"id": "a" * 121, "notes": "x\\0y"}]), lambda i: f"record {i + 1}"):
    ...     print(p[:38], "...", p[-38:])
    record 1: column 'id': 'aaaaaaaaaaaaaa ... than 120 characters; use a shorter id
    record 1: column 'notes': 'x\\x00y' con ... ter, which cannot be stored; remove it
    """
    problems = []
    for label, row in frame.iterrows():
        for col in frame.columns:
            value = row[col]
            if not isinstance(value, str):
                continue
            if col == "id" and len(value) > ID_LENGTH:
                problems.append(f"{where(label)}: column 'id': {value!r} is longer than "
                                f"{ID_LENGTH} characters; use a shorter id")
            if "\x00" in value:
                problems.append(f"{where(label)}: column {col!r}: {value!r} contains a NUL character, "
                                "which cannot be stored; remove it")
    return problems


def _is_busy(exc: sa.exc.DBAPIError) -> bool:
    """A lock wait that timed out: SQLite's "database is locked" / "busy", PostgreSQL's lock timeout."""
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text or "lock timeout" in text


def _one_line(error: BaseException) -> str:
    """A database error's message on one line (PostgreSQL adds DETAIL/HINT lines)."""
    return " ".join(str(error).split())


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # take over transaction control from pysqlite (SQLAlchemy's documented recipe),
    # then wait for locks rather than fail, and let readers run beside a writer
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.close()


def _sqlite_on_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("semidash_write") else "BEGIN")

