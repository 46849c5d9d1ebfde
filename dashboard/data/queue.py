"""The review queue: candidate records read from the news, kept in the same
database as the user's records (SQLite or PostgreSQL), waiting for an
analyst's decision.

Tables (created on the first write, inside the store's writer lock):

* ``queue_candidates``: one row per figure, however many articles report it
  (``fingerprint`` unique), with its status ``pending``, ``accepted``,
  ``merged`` or ``rejected`` and the record it became or joined;
* ``queue_sources``: every article reporting a candidate, with its sentence
  (unique per candidate and article URL);
* ``queue_articles``: every article read (URL unique), so reading it again adds nothing;
* ``project_sources``: further sources of a project (curated or user) added by ``merge``.

>>> import tempfile, os
>>> q = Queue(Store(os.path.join(tempfile.mkdtemp(), "q.db")))
>>> cand = {"fingerprint": "tsmc|money|USD|1.65e+11", "kind": "money", "value": 1.65e11, "unit": "USD",
...         "text": "US$165 billion", "sentence": "TSMC will invest US$165 billion.", "start": 17, "end": 31,
...         "article_url": "http://127.0.0.1/a", "article_date": "2025-03-04", "language": "en",
...         "company_ids": ["tsmc"], "matched_id": None}
>>> q.add_article({"url": "http://127.0.0.1/a", "date": "2025-03-04"}, [cand])
(1, 1)
>>> q.add_article({"url": "http://127.0.0.1/a", "date": "2025-03-04"}, [cand])
(0, 0)
>>> [(r["id"], r["value"], r["status"], r["sources"]) for r in q.list()]
[(1, 165000000000.0, 'pending', 1)]
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from dashboard.data.store import Store
from dashboard.errors import RecordNotFoundError, StoreError

__all__ = ["Queue", "STATUSES", "CANDIDATES_TABLE", "SOURCES_TABLE", "ARTICLES_TABLE", "PROJECT_SOURCES_TABLE"]

STATUSES: tuple[str, ...] = ("pending", "accepted", "merged", "rejected")
"""Statuses of a candidate: waiting, made into a new record, added as a source of a project, rejected."""

CANDIDATES_TABLE = "queue_candidates"
SOURCES_TABLE = "queue_sources"
ARTICLES_TABLE = "queue_articles"
PROJECT_SOURCES_TABLE = "project_sources"

_metadata = sa.MetaData()
_cand = sa.Table(
    CANDIDATES_TABLE, _metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("fingerprint", sa.String(400), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("unit", sa.String(40), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("approx", sa.Boolean, nullable=False, default=False),
    sa.Column("bound", sa.String(8)),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("article_url", sa.Text, nullable=False),
    sa.Column("article_date", sa.String(10)),
    sa.Column("title", sa.Text),
    sa.Column("language", sa.String(8)),
    sa.Column("company_ids", sa.Text),
    sa.Column("place", sa.Text),
    sa.Column("country", sa.String(4)),
    sa.Column("category", sa.String(40)),
    sa.Column("restatements", sa.Text),  # JSON list
    sa.Column("matched_id", sa.String(120)),
    sa.Column("match_score", sa.Float),
    sa.Column("match_reasons", sa.Text),  # JSON list
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("record_id", sa.String(120)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
_src = sa.Table(
    SOURCES_TABLE, _metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("candidate_id", sa.Integer, sa.ForeignKey(f"{CANDIDATES_TABLE}.id"), nullable=False, index=True),
    sa.Column("article_url", sa.String(2000), nullable=False),
    sa.Column("article_date", sa.String(10)),
    sa.Column("title", sa.Text),
    sa.Column("language", sa.String(8)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("candidate_id", "article_url"),
)
_art = sa.Table(
    ARTICLES_TABLE, _metadata,
    sa.Column("url", sa.String(2000), primary_key=True),
    sa.Column("date", sa.String(10)),
    sa.Column("title", sa.Text),
    sa.Column("language", sa.String(8)),
    sa.Column("figures", sa.Integer, nullable=False, default=0),
    sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
)
_psrc = sa.Table(
    PROJECT_SOURCES_TABLE, _metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("project_id", sa.String(120), nullable=False, index=True),
    sa.Column("source_url", sa.String(2000), nullable=False),
    sa.Column("article_date", sa.String(10)),
    sa.Column("text", sa.Text),
    sa.Column("candidate_id", sa.Integer),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("project_id", "source_url"),
)

_JSON_FIELDS = ("restatements", "match_reasons")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Queue:
    """The review queue of a :class:`~dashboard.data.store.Store` (same database, its own tables)."""

    def __init__(self, store: Store | str | None = None) -> None:
        self.store = store if isinstance(store, Store) else Store(store)
        self._ready = False

    def __repr__(self) -> str:
        return f"Queue({self.store.display_url!r})"

    def _write(self):
        """The store's one-writer transaction, with the queue's tables created on first use."""
        queue = self

        class _Tx:
            def __enter__(self_inner):
                self_inner._cm = queue.store._write()
                conn = self_inner._cm.__enter__()
                if not queue._ready:
                    _metadata.create_all(conn, checkfirst=True)
                return conn

            def __exit__(self_inner, *exc):
                out = self_inner._cm.__exit__(*exc)
                if exc[0] is None:
                    queue._ready = True
                return out

        return _Tx()

    def _exists(self) -> bool:
        if self._ready:  # tables once there stay there (asked on every dashboard request)
            return True
        f = self.store.sqlite_file
        if f is not None and not f.exists():
            return False
        try:
            self._ready = sa.inspect(self.store.engine).has_table(PROJECT_SOURCES_TABLE)
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"{self.store.display_url}: database error: {exc.orig}") from exc
        return self._ready

    # --- ingestion -------------------------------------------------------------

    def known_articles(self, urls: Iterable[str]) -> set[str]:
        """The URLs among ``urls`` that were read before."""
        urls = list(urls)
        if not urls or not self._exists():
            return set()
        with self.store.engine.connect() as conn:
            found: set[str] = set()
            for i in range(0, len(urls), 500):
                found |= set(conn.execute(sa.select(_art.c.url).where(_art.c.url.in_(urls[i:i + 500]))).scalars())
            return found

    def add_article(self, article: Mapping[str, Any], candidates: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
        """Record one article and its candidates in one transaction; returns
        ``(new candidates, new sources)``. An article read before adds nothing; a
        figure already queued from another article gains this one as a source."""
        return self.add_articles([(article, list(candidates))])

    def add_articles(self, batch: Iterable[tuple[Mapping[str, Any], list[Mapping[str, Any]]]]) -> tuple[int, int]:
        """:meth:`add_article` for many articles in one transaction."""
        batch = list(batch)
        if not batch:
            return (0, 0)
        now = _now()
        new_c = new_s = 0
        with self._write() as conn:
            urls = [a["url"] for a, _ in batch]
            done = set(conn.execute(sa.select(_art.c.url).where(_art.c.url.in_(urls))).scalars())
            prints = sorted({c["fingerprint"] for a, cs in batch if a["url"] not in done for c in cs})
            ids: dict[str, int] = {}
            for i in range(0, len(prints), 500):
                ids.update(conn.execute(sa.select(_cand.c.fingerprint, _cand.c.id)
                                        .where(_cand.c.fingerprint.in_(prints[i:i + 500]))).all())
            have = set()
            if ids:
                for i in range(0, len(ids), 500):
                    chunk = list(ids.values())[i:i + 500]
                    have |= set(conn.execute(sa.select(_src.c.candidate_id, _src.c.article_url)
                                             .where(_src.c.candidate_id.in_(chunk))).all())
            articles, new_rows, sources = [], {}, []
            for article, cands in batch:
                url = article["url"]
                if url in done:
                    continue
                done.add(url)
                articles.append({"url": url, "date": article.get("date"), "title": article.get("title"),
                                 "language": article.get("language"), "figures": len(cands), "read_at": now})
                for c in cands:
                    if c["fingerprint"] not in ids and c["fingerprint"] not in new_rows:
                        new_rows[c["fingerprint"]] = {**_candidate_row(c), "status": "pending",
                                                      "created_at": now, "updated_at": now}
                    sources.append(c)
            if articles:
                conn.execute(sa.insert(_art), articles)
            if new_rows:  # one multi-row insert, then their ids by fingerprint
                conn.execute(sa.insert(_cand), list(new_rows.values()))
                prints = list(new_rows)
                for i in range(0, len(prints), 500):
                    ids.update(conn.execute(sa.select(_cand.c.fingerprint, _cand.c.id)
                                            .where(_cand.c.fingerprint.in_(prints[i:i + 500]))).all())
                new_c = len(new_rows)
            rows = []
            for c in sources:
                cid = ids[c["fingerprint"]]
                if (cid, c["article_url"]) in have:
                    continue
                have.add((cid, c["article_url"]))
                rows.append({"candidate_id": cid, "article_url": c["article_url"], "article_date": c.get("article_date"),
                             "title": c.get("title"), "language": c.get("language"), "text": c["text"],
                             "sentence": c["sentence"], "added_at": now})
            if rows:
                conn.execute(sa.insert(_src), rows)
            new_s = len(rows)
        return new_c, new_s

    # --- reading ---------------------------------------------------------------

    def list(self, *, status: str | None = None, language: str | None = None, linked: bool | None = None,
             limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Candidates (oldest first) as dicts, filtered by status, language and
        whether they link to a project; each with ``sources`` (how many articles report it)."""
        if not self._exists():
            return []
        # the source count per row of the page, through the candidate_id index (not a count over every source)
        counts = (sa.select(sa.func.count()).select_from(_src).where(_src.c.candidate_id == _cand.c.id)
                  .correlate(_cand).scalar_subquery())
        query = _filtered(sa.select(_cand, counts.label("sources")), status, language, linked)
        query = query.order_by(_cand.c.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.store.engine.connect() as conn:
            return [_candidate_out(r) for r in conn.execute(query).mappings()]

    def count(self, *, status: str | None = None, language: str | None = None, linked: bool | None = None) -> int:
        """How many candidates match the filters of :meth:`list`."""
        if not self._exists():
            return 0
        query = _filtered(sa.select(sa.func.count()).select_from(_cand), status, language, linked)
        with self.store.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def get(self, candidate_id: int) -> dict[str, Any]:
        """One candidate with its ``source_list`` (every article reporting it)."""
        if self._exists():
            with self.store.engine.connect() as conn:
                row = conn.execute(sa.select(_cand).where(_cand.c.id == int(candidate_id))).mappings().first()
                if row is not None:
                    out = _candidate_out(row)
                    srcs = conn.execute(sa.select(_src).where(_src.c.candidate_id == int(candidate_id))
                                        .order_by(_src.c.id)).mappings().all()
                    out["source_list"] = [{k: s[k] for k in ("article_url", "article_date", "title", "language",
                                                              "text", "sentence")} for s in srcs]
                    out["sources"] = len(srcs)
                    return out
        raise RecordNotFoundError(f"{self.store.display_url} review queue", str(candidate_id))

    def project_sources(self, project_id: str) -> list[dict[str, Any]]:
        """Further sources merged into a project, oldest first."""
        if not self._exists():
            return []
        with self.store.engine.connect() as conn:
            rows = conn.execute(sa.select(_psrc).where(_psrc.c.project_id == project_id).order_by(_psrc.c.id)).mappings()
            return [{k: r[k] for k in ("project_id", "source_url", "article_date", "text", "candidate_id")} for r in rows]

    def further_sources(self) -> dict[str, list[str]]:
        """Every project's merged sources: project id -> article URLs, oldest first (one query)."""
        if not self._exists():
            return {}
        out: dict[str, list[str]] = {}
        with self.store.engine.connect() as conn:
            for pid, url in conn.execute(sa.select(_psrc.c.project_id, _psrc.c.source_url).order_by(_psrc.c.id)):
                out.setdefault(pid, []).append(url)
        return out

    def sources_revision(self) -> tuple[int, int | None]:
        """A cheap token that changes when a merge adds sources: ``(count, largest id)`` of ``project_sources``."""
        if not self._exists():
            return (0, None)
        with self.store.engine.connect() as conn:
            count, last = conn.execute(sa.select(sa.func.count(), sa.func.max(_psrc.c.id))).one()
        return int(count), last

    # --- decisions -------------------------------------------------------------

    def _pending(self, candidate_id: int) -> dict[str, Any]:
        cand = self.get(candidate_id)
        if cand["status"] != "pending":
            raise StoreError(f"{self.store.display_url}: candidate {candidate_id} is already {cand['status']}"
                             + (f" ({cand['record_id']})" if cand.get("record_id") else ""))
        return cand

    def _set(self, conn, candidate_id: int, status: str, record_id: str | None) -> None:
        done = conn.execute(sa.update(_cand).where(_cand.c.id == int(candidate_id), _cand.c.status == "pending")
                            .values(status=status, record_id=record_id, updated_at=_now())).rowcount
        if not done:
            raise StoreError(f"{self.store.display_url}: candidate {candidate_id} was decided by another "
                             "reviewer meanwhile; nothing was changed")

    def accept(self, candidate_id: int, record: Mapping[str, object]) -> str:
        """Store ``record`` (validated like any user record) and mark the candidate accepted; returns the record id."""
        self._pending(candidate_id)
        record_id = self.store.add(record)
        try:
            with self._write() as conn:
                self._set(conn, candidate_id, "accepted", record_id)
        except StoreError:
            self.store.delete(record_id)
            raise
        return record_id

    def merge(self, candidate_id: int, project_id: str, *, known_ids: Iterable[str]) -> None:
        """Add the candidate's articles as further sources of ``project_id`` (one of ``known_ids``)."""
        cand = self._pending(candidate_id)
        if project_id not in set(known_ids):
            raise RecordNotFoundError(self.store.display_url, project_id)
        now = _now()
        with self._write() as conn:
            have = set(conn.execute(sa.select(_psrc.c.source_url).where(_psrc.c.project_id == project_id)).scalars())
            for s in cand["source_list"]:
                if s["article_url"] in have:
                    continue
                conn.execute(sa.insert(_psrc).values(project_id=project_id, source_url=s["article_url"],
                                                     article_date=s["article_date"], text=s["text"],
                                                     candidate_id=int(candidate_id), added_at=now))
            self._set(conn, candidate_id, "merged", project_id)

    def reject(self, candidate_id: int) -> None:
        """Mark the candidate rejected."""
        self._pending(candidate_id)
        with self._write() as conn:
            self._set(conn, candidate_id, "rejected", None)


def _candidate_row(c: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "fingerprint": c["fingerprint"], "kind": c["kind"], "value": float(c["value"]), "unit": c["unit"],
        "text": c["text"], "approx": bool(c.get("approx")), "bound": c.get("bound"),
        "sentence": c["sentence"], "span_start": int(c.get("start", 0)), "span_end": int(c.get("end", 0)),
        "article_url": c["article_url"], "article_date": c.get("article_date"), "title": c.get("title"),
        "language": c.get("language"), "company_ids": ";".join(c.get("company_ids") or []) or None,
        "place": c.get("place"), "country": c.get("country"), "category": c.get("category"),
        "restatements": json.dumps(c.get("restatements") or [], ensure_ascii=False),
        "matched_id": c.get("matched_id"), "match_score": float(c.get("match_score") or 0.0),
        "match_reasons": json.dumps(c.get("match_reasons") or [], ensure_ascii=False),
    }


def _candidate_out(row: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: row[k] for k in _cand.c.keys()}
    for k in _JSON_FIELDS:
        out[k] = json.loads(out[k]) if out[k] else []
    out["company_ids"] = out["company_ids"].split(";") if out["company_ids"] else []
    out["start"], out["end"] = out.pop("span_start"), out.pop("span_end")
    for k in ("created_at", "updated_at"):
        v = out[k]
        if isinstance(v, dt.datetime):
            if v.tzinfo is None:
                v = v.replace(tzinfo=dt.timezone.utc)
            out[k] = v.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    if "sources" in row:
        out["sources"] = int(row["sources"])
    return out


def _filtered(query, status: str | None, language: str | None, linked: bool | None):
    """``query`` narrowed to the candidates of one status, language and linked state (None: any)."""
    if status:
        query = query.where(_cand.c.status == status)
    if language:
        query = query.where(_cand.c.language == language)
    if linked is not None:
        query = query.where(_cand.c.matched_id.is_not(None) if linked else _cand.c.matched_id.is_(None))
    return query
