"""Sub-commands for news intake: ``ingest`` (sources -> review queue) and
``queue list|accept|merge|reject`` (the analyst's decisions).

Both work on the user's store (``--db``, else ``$SEMIDASH_DB``, else the
default SQLite file): the queue lives in the same database as the records.
"""
from __future__ import annotations

import argparse
import json
import sys

from dashboard.cli.data import _db_option

# queue list --format json: the fields of each candidate, in order
LIST_FIELDS = ("id", "status", "value", "unit", "kind", "text", "approx", "sentence", "article_url", "article_date",
               "language", "company", "company_ids", "place", "country", "category", "restatements", "matched_id",
               "match_score", "match_reasons", "record_id", "sources", "created_at", "updated_at")

# queue accept: option -> record column it overrides
_ACCEPT_FIELDS = (("--project", "project"), ("--company", "company"), ("--country", "country"), ("--city", "city"),
                  ("--category", "category"), ("--status", "status"), ("--announced", "announced"),
                  ("--amount", "amount_reported"), ("--source-url", "source_url"), ("--notes", "notes"))


#: queue list shows this many candidates unless --limit says otherwise
LIST_LIMIT = 100


def _non_negative(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return n


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``ingest`` and ``queue``."""
    p = subparsers.add_parser(
        "ingest", help="read news (feeds, article URLs, files, folders) into the review queue",
        description="Read each SOURCE (an RSS/Atom feed URL, an article URL, a local .html/.txt file or a folder "
                    "of them): main text, date, language, figures with their audited restatements, company, place, "
                    "category and the known project each figure restates. New figures go to the review queue; "
                    "an article read before adds nothing.")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="feed URL, article URL, file or folder")
    p.add_argument("--broker", metavar="URL", default=None,
                   help="send the articles to Celery workers through this broker (e.g. redis://127.0.0.1:6379/0) "
                        "instead of reading them here; the workers write to the same --db (PostgreSQL for a team)")
    _db_option(p)
    p.set_defaults(handler=_ingest)

    q = subparsers.add_parser("queue", help="list the review queue and decide on candidates",
                              description="The review queue of candidates read by `semidash ingest`.")
    qs = q.add_subparsers(dest="queue_command", metavar="ACTION")
    qs.required = True
    p = qs.add_parser("list", help="show candidates")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.add_argument("--status", choices=("pending", "accepted", "merged", "rejected", "all"), default="all",
                   help="only candidates with this status (default: all)")
    p.add_argument("--language", metavar="CODE", help="only candidates from articles in this language (ko, ja, zh, en)")
    p.add_argument("--link", choices=("linked", "new", "all"), default="all",
                   help="only candidates linked to a known project, or only new ones")
    p.add_argument("--limit", type=_non_negative, default=LIST_LIMIT, metavar="N",
                   help=f"show at most N candidates (default: {LIST_LIMIT}; 0: all)")
    p.add_argument("--offset", type=_non_negative, default=0, metavar="K",
                   help="skip the first K candidates (oldest first), for the next page")
    _db_option(p)
    p.set_defaults(handler=_queue_list)

    p = qs.add_parser("accept", help="make a candidate a new user record (validated; prefilled from the article)")
    p.add_argument("id", type=int, metavar="ID")
    for flag, dest in _ACCEPT_FIELDS:
        p.add_argument(flag, dest=dest, metavar=dest.upper(), help=f"record's {dest} instead of the suggested one")
    _db_option(p)
    p.set_defaults(handler=_queue_accept)

    p = qs.add_parser("merge", help="add a candidate's articles as further sources of a known project")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("project_id", metavar="PROJECT_ID", help="id of a curated or user project")
    _db_option(p)
    p.set_defaults(handler=_queue_merge)

    p = qs.add_parser("reject", help="reject a candidate")
    p.add_argument("id", type=int, metavar="ID")
    _db_option(p)
    p.set_defaults(handler=_queue_reject)


def _ingest(args: argparse.Namespace) -> int:
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store
    from dashboard.intake.ingest import ingest

    with Store(args.db) as store:
        if args.broker:
            from dashboard.intake.tasks import dispatch

            report = dispatch(args.sources, store.url, broker=args.broker)
        else:
            report = ingest(args.sources, Queue(store))
        for source, why in report.failed:
            print(f"semidash ingest: {source}: {why}", file=sys.stderr)
        print(f"{report.summary()} ({store.display_url})")
    return 1 if report.failed and not report.articles else 0


def _shown(cand: dict) -> dict:
    from dashboard.intake.vocabulary import company_label

    out = dict(cand)
    out["company"] = "; ".join(company_label(c) for c in cand["company_ids"]) or None
    return {k: out.get(k) for k in LIST_FIELDS}


def _queue_list(args: argparse.Namespace) -> int:
    from dashboard.cli import print_table
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store

    filters = {"status": None if args.status == "all" else args.status, "language": args.language,
               "linked": {"linked": True, "new": False}.get(args.link)}
    with Store(args.db) as store:
        queue = Queue(store)
        rows = queue.list(**filters, limit=args.limit or None, offset=args.offset)
        total = queue.count(**filters) if (args.limit and len(rows) == args.limit) or args.offset else None
        where = store.display_url
    rows = [_shown(r) for r in rows]
    page = ""
    if total is not None and (args.offset or len(rows) < total):
        first, last = (args.offset + 1, args.offset + len(rows)) if rows else (0, 0)
        page = f"candidates {first}-{last} of {total} shown"
        if last < total:
            page += f"; next page: --offset {last}" + (f" --limit {args.limit}" if args.limit != LIST_LIMIT else "")
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        if page:  # stdout stays one JSON document
            print(f"semidash queue list: {page}", file=sys.stderr)
        return 0
    if not rows:
        print(f"no candidates in {where}" + (f" ({page})" if page else ""))
        return 0
    head = ["id", "status", "figure", "date", "lang", "company", "place", "category", "link", "sources"]
    print_table(head, [[str(r["id"]), r["status"], r["text"], r["article_date"] or "", r["language"] or "",
                        (r["company"] or "")[:30], r["place"] or "", r["category"] or "", r["matched_id"] or "new",
                        str(r["sources"])] for r in rows])
    print(f"{len(rows)} candidate{'s' if len(rows) != 1 else ''} in {where}" + (f" ({page})" if page else ""))
    return 0


def _queue_accept(args: argparse.Namespace) -> int:
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store
    from dashboard.intake.candidates import candidate_record

    overrides = {dest: getattr(args, dest) for _, dest in _ACCEPT_FIELDS if getattr(args, dest) is not None}
    with Store(args.db) as store:
        queue = Queue(store)
        record = candidate_record(queue.get(args.id), overrides)
        record_id = queue.accept(args.id, record)
        print(f"accepted candidate {args.id} as {record_id} in {store.display_url}")
    return 0


def _queue_merge(args: argparse.Namespace) -> int:
    from dashboard.data import load_projects
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store

    with Store(args.db) as store:
        known = load_projects(db=store)["id"]
        Queue(store).merge(args.id, args.project_id, known_ids=known)
        print(f"merged candidate {args.id} into {args.project_id} (its articles are now sources of it)")
    return 0


def _queue_reject(args: argparse.Namespace) -> int:
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store

    with Store(args.db) as store:
        Queue(store).reject(args.id)
        print(f"rejected candidate {args.id}")
    return 0
