"""The "Review queue" view: candidates read from the news, each with its
sentence (the figure highlighted), companies, date, language, the project it
most likely restates, and accept / merge / reject.

A URL box reads feeds and articles into the queue through a Dash background
callback, so a long feed never holds a web worker or hits a request timeout:
embedded, a diskcache manager runs it in a child process of the server (nothing
to start; the job's state lives under the user cache directory, shared by the
workers of one machine); for a team, with ``$SEMIDASH_BROKER`` set, a Celery
manager on that Redis runs it on the workers started with
``celery -A dashboard.ui.worker worker`` (:mod:`dashboard.ui.worker`), which
write to the same ``$SEMIDASH_DB``. The button is disabled while it runs and
the progress (articles read so far) is shown.
Filters: status (default pending), language, link (linked to a known project,
or new). An accepted candidate becomes a user record (prefilled, through the
usual validation); the data revision is written so every chart, the grid and
the export show it at once. Merge adds the candidate's articles as sources of
the project named in its box (the suggested link, editable); the grid's "More
sources" column and the export's ``further_sources`` show them at once. Article text is
only ever passed to components as children strings, never as HTML.

The work is done by plain functions (:func:`queue_cards`, :func:`decide`)
that the tests call; :func:`register_queue_callbacks` only wires them.
"""
from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, dcc, html, no_update

from dashboard.ui import ids

NAME = "queue"

#: most candidates shown at once (the rest: narrow the filters)
PAGE = 100

INGEST_LABEL = "Read into the queue"

#: app token -> store URL, for the background jobs of the apps of this process (a forked job
#: inherits it; a Celery worker does not know the token and uses its own $SEMIDASH_DB)
_STORES: dict[str, str] = {}

_LANGUAGES = {"ko": "Korean", "ja": "Japanese", "zh": "Chinese", "en": "English"}
_STATUS_COLOR = {"pending": "secondary", "accepted": "success", "merged": "info", "rejected": "danger"}


def _select(id_: str, options: Mapping[str, str], value: str) -> dbc.Select:
    return dbc.Select(id=id_, options=[{"label": v, "value": k} for k, v in options.items()], value=value, size="sm")


def create_queue_view() -> html.Div:
    """The tab's layout: filters, a message line, the candidates."""
    return html.Div([
        dcc.Store(id=ids.QUEUE_REV, data=0),
        dcc.Store(id=ids.QUEUE_APP, data=None),
        dbc.InputGroup([
            dbc.Input(id=ids.QUEUE_SOURCE, placeholder="feed or article URL(s), separated by spaces", size="sm"),
            dbc.Button(INGEST_LABEL, id=ids.QUEUE_INGEST, size="sm", color="primary"),
        ], size="sm", className="mb-2"),
        html.Div(id=ids.QUEUE_PROGRESS, className="small text-secondary mb-1"),
        dbc.Row([
            dbc.Col([dbc.Label("Status", className="small mb-0"),
                     _select(ids.QUEUE_STATUS, {"pending": "pending", "accepted": "accepted", "merged": "merged",
                                                "rejected": "rejected", "all": "all"}, "pending")], md=3),
            dbc.Col([dbc.Label("Language", className="small mb-0"),
                     _select(ids.QUEUE_LANGUAGE, {"all": "all", **_LANGUAGES}, "all")], md=3),
            dbc.Col([dbc.Label("Link", className="small mb-0"),
                     _select(ids.QUEUE_LINK, {"all": "all", "linked": "restates a known project", "new": "new"}, "all")],
                    md=3),
            dbc.Col(dbc.Button("Refresh", id=ids.QUEUE_REFRESH, size="sm", color="secondary", outline=True,
                               className="mt-3"), md=3),
        ], className="g-2 mb-2"),
        html.Div(id=ids.QUEUE_MESSAGE, className="small mb-2"),
        html.Div(id=ids.QUEUE_COUNT, className="small text-secondary mb-1"),
        html.Div(id=ids.QUEUE_LIST),
    ], className="p-2")


def _sentence(cand: Mapping[str, Any]) -> list:
    s, e, text = int(cand.get("start") or 0), int(cand.get("end") or 0), cand.get("sentence") or ""
    if not (0 <= s < e <= len(text)):
        return [text]
    return [text[:s], html.Mark(text[s:e], className="queue-figure"), text[e:]]


def queue_cards(rows: Iterable[Mapping[str, Any]], label: Callable[[str], str] = str) -> list:
    """One card per candidate (``label`` turns a company id into its name)."""
    cards = []
    for c in rows:
        cid = int(c["id"])
        link = c.get("matched_id")
        pending = c["status"] == "pending"
        restated = "; ".join(r["text"] for r in c.get("restatements") or [])
        head = [
            html.Strong(c["text"], className="me-2"),
            dbc.Badge(c["status"], color=_STATUS_COLOR.get(c["status"], "secondary"), className="me-2"),
            html.Span(" · ".join(x for x in (
                "; ".join(label(i) for i in c.get("company_ids") or []) or "company unknown",
                c.get("place") or "", c.get("category") or "", c.get("article_date") or "no date",
                _LANGUAGES.get(c.get("language") or "", c.get("language") or ""),
                f"{c.get('sources', 1)} source{'s' if c.get('sources', 1) != 1 else ''}") if x),
                className="small text-secondary"),
        ]
        body = [
            html.Div(head),
            html.Blockquote(_sentence(c), className="mb-1 mt-1 queue-sentence", id=f"queue-sentence-{cid}"),
        ]
        if restated:
            body.append(html.Div(f"restated as {restated}", className="small text-secondary"))
        body.append(html.Div(
            [html.Span("Suggested link: ", className="small"),
             html.Code(link, id=f"queue-link-{cid}") if link else html.Span("none (looks new)", className="small fst-italic",
                                                                           id=f"queue-link-{cid}"),
             html.Span(f" ({', '.join(c.get('match_reasons') or [])})" if link else "", className="small text-secondary")],
            className="mb-1"))
        body.append(html.A(c["article_url"], href=c["article_url"], target="_blank", rel="noopener noreferrer",
                           className="small d-block mb-1 text-truncate"))
        if pending:
            body.append(dbc.InputGroup([
                dbc.Button("Accept", id={"type": ids.QUEUE_ACCEPT, "id": cid}, color="success", size="sm"),
                dbc.Input(id={"type": ids.QUEUE_TARGET, "id": cid}, value=link or "", placeholder="project id",
                          size="sm", style={"maxWidth": "22rem"}),
                dbc.Button("Merge", id={"type": ids.QUEUE_MERGE, "id": cid}, color="info", size="sm"),
                dbc.Button("Reject", id={"type": ids.QUEUE_REJECT, "id": cid}, color="danger", size="sm", outline=True),
            ], size="sm"))
        elif c.get("record_id"):
            body.append(html.Div(f"→ {c['record_id']}", className="small"))
        cards.append(dbc.Card(dbc.CardBody(body, className="py-2"), className="mb-2", id=f"queue-card-{cid}"))
    return cards


def list_candidates(queue, status: str | None, language: str | None, link: str | None) -> tuple[list, str]:
    """The cards for the filters and the count line."""
    from dashboard.intake.vocabulary import company_label

    rows = queue.list(status=None if status in (None, "all") else status,
                      language=None if language in (None, "all") else language,
                      linked={"linked": True, "new": False}.get(link or "all"), limit=PAGE + 1)
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    count = f"{len(rows)}{'+' if more else ''} candidate{'s' if len(rows) != 1 else ''}"
    return queue_cards(rows, company_label), count


def decide(queue, action: str, candidate_id: int, target: str | None = None,
           known_ids: Callable[[], Iterable[str]] = tuple) -> tuple[str, bool]:
    """Do ``action`` (``accept``, ``merge``, ``reject``) on a candidate; returns
    ``(message, whether the records changed)``. Problems become the message."""
    from dashboard.errors import SemidashError, ValidationError
    from dashboard.intake.candidates import candidate_record

    try:
        if action == "accept":
            record_id = queue.accept(candidate_id, candidate_record(queue.get(candidate_id)))
            return f"Accepted candidate {candidate_id} as {record_id}.", True
        if action == "merge":
            target = (target or "").strip()
            if not target:
                return f"Candidate {candidate_id}: give the id of the project to merge into.", False
            queue.merge(candidate_id, target, known_ids=known_ids())
            return f"Merged candidate {candidate_id} into {target}.", True  # the grid shows the further source
        if action == "reject":
            queue.reject(candidate_id)
            return f"Rejected candidate {candidate_id}.", False
    except ValidationError as exc:
        return (f"Candidate {candidate_id} not accepted: " + "; ".join(p.split(": ", 1)[-1] for p in exc.problems)
                + f" (give the missing fields on the command line: semidash queue accept {candidate_id} --help)"), False
    except SemidashError as exc:
        return f"Candidate {candidate_id}: {str(exc).splitlines()[0]}", False
    return f"unknown action {action!r}", False


def ingest_from_view(queue, text: str | None, progress: Callable[[str], None] | None = None) -> str:
    """Read the URLs of ``text`` into ``queue`` in this process (the background
    callback's manager chose the process); returns the summary line. ``progress``
    is told what was done after each batch of articles."""
    from dashboard.errors import SemidashError
    from dashboard.intake.ingest import ingest

    sources = [s for s in (text or "").split() if s]
    if not sources:
        return "Give a feed or article URL to read."
    try:
        report = ingest(sources, queue, progress=(lambda r: progress(f"So far: {r.summary()}.")) if progress else None)
    except SemidashError as exc:
        return f"Not read: {str(exc).splitlines()[0]}"
    failed = "".join(f" {src}: {why}." for src, why in report.failed)
    return report.summary() + "." + failed


def background_manager():
    """The manager of the "read into the queue" background callback: a Celery
    manager on ``$SEMIDASH_BROKER`` when it is set, else a diskcache manager
    (one per process and kind; Dash registers every background callback with each)."""
    import os

    broker = os.environ.get("SEMIDASH_BROKER")
    return _celery_manager(broker) if broker else _diskcache_manager()


@functools.cache
def _celery_manager(broker: str):
    from dash import CeleryManager

    from dashboard.intake.tasks import app as celery_app, configure

    configure(broker)
    return CeleryManager(celery_app, expire=3600)


@functools.cache
def _diskcache_manager():
    from pathlib import Path

    import diskcache
    import platformdirs
    from dash import DiskcacheManager

    folder = Path(platformdirs.user_cache_dir("semidash")) / "background"
    folder.mkdir(parents=True, exist_ok=True)
    return DiskcacheManager(diskcache.Cache(str(folder)), expire=3600)


def _background_ingest(set_progress, _n, text, rev, token):
    """The background job: read ``text``'s sources into the queue of the app's store."""
    from dashboard.data.queue import Queue
    from dashboard.data.store import Store

    set_progress("Reading…")
    store = Store(_STORES.get(token or ""))  # unknown token (a Celery worker): $SEMIDASH_DB
    try:
        message = ingest_from_view(Queue(store), text, set_progress)
    finally:
        store.close()
    set_progress("")
    return message, (rev or 0) + 1


def register_queue_callbacks(app, store, source) -> None:
    """Wire the view to ``app``: ``store`` holds the queue; ``source`` is the app's ProjectSource."""
    from dashboard.data.queue import Queue

    queue = Queue(store)

    @app.callback(Output(ids.QUEUE_LIST, "children"), Output(ids.QUEUE_COUNT, "children"),
                  Input(ids.QUEUE_STATUS, "value"), Input(ids.QUEUE_LANGUAGE, "value"), Input(ids.QUEUE_LINK, "value"),
                  Input(ids.QUEUE_REV, "data"), Input(ids.QUEUE_REFRESH, "n_clicks"), Input(ids.TABS, "active_tab"))
    def _list(status, language, link, _rev, _refresh, tab):
        if tab != NAME:
            return no_update, no_update
        return list_candidates(queue, status, language, link)

    token = uuid.uuid4().hex
    _STORES[token] = store.url

    @app.callback(Output(ids.QUEUE_APP, "data"), Input(ids.TABS, "active_tab"))
    def _token(_tab):
        return token

    app.callback(Output(ids.QUEUE_MESSAGE, "children", allow_duplicate=True),
                 Output(ids.QUEUE_REV, "data", allow_duplicate=True),
                 Input(ids.QUEUE_INGEST, "n_clicks"), State(ids.QUEUE_SOURCE, "value"), State(ids.QUEUE_REV, "data"),
                 State(ids.QUEUE_APP, "data"),
                 background=True, manager=background_manager(),
                 running=[(Output(ids.QUEUE_INGEST, "disabled"), True, False),
                          (Output(ids.QUEUE_INGEST, "children"), "Reading…", INGEST_LABEL)],
                 progress=[Output(ids.QUEUE_PROGRESS, "children")],
                 prevent_initial_call=True)(_background_ingest)

    @app.callback(Output(ids.QUEUE_MESSAGE, "children"), Output(ids.QUEUE_REV, "data"),
                  Output(ids.DATA_REV, "data", allow_duplicate=True),
                  Input({"type": ids.QUEUE_ACCEPT, "id": ALL}, "n_clicks"),
                  Input({"type": ids.QUEUE_MERGE, "id": ALL}, "n_clicks"),
                  Input({"type": ids.QUEUE_REJECT, "id": ALL}, "n_clicks"),
                  State({"type": ids.QUEUE_TARGET, "id": ALL}, "value"), State(ids.QUEUE_REV, "data"),
                  prevent_initial_call=True)
    def _decide(_a, _m, _r, targets, rev):
        trig = ctx.triggered_id
        if not isinstance(trig, Mapping) or not any(t.get("value") for t in ctx.triggered):
            return no_update, no_update, no_update
        action = {ids.QUEUE_ACCEPT: "accept", ids.QUEUE_MERGE: "merge", ids.QUEUE_REJECT: "reject"}[trig["type"]]
        target = next((v for s, v in zip(ctx.states_list[0], targets) if s["id"]["id"] == trig["id"]), None)
        message, changed = decide(queue, action, int(trig["id"]), target, lambda: source.frame()["id"])
        return message, (rev or 0) + 1, source.revision() if changed else no_update

