"""The Dash app: :func:`create_app` builds one; :func:`get_app` /
:func:`create_server` give the one app of this process, for
``gunicorn 'dashboard.app:server'`` (or ``gunicorn 'dashboard.ui.app:create_server()'``).

Nothing is built at import: the app is made on the first call (or the first
access of ``dashboard.app.server``), and data are read on the first request.
Each app holds one :class:`~dashboard.data.store.Store` (the user's records),
shared by the views and the article intake, and one cache
(:mod:`dashboard.ui.serving`: in-process, or Redis named by
``$SEMIDASH_CACHE_URL``) for answers and converted frames; its server checks
callback bodies (malformed ones are a 400) and compresses its answers. Everything the page needs
(Bootstrap CSS, plotly.js, the topojson base maps) is served by the app itself,
so it works with no internet.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from dash import Dash
    from flask import Flask

    from dashboard.data.store import Store

__all__ = ["create_app", "create_server", "get_app", "ProjectSource", "ASSETS"]

ASSETS = Path(__file__).with_name("assets")


class ProjectSource:
    """The projects behind every view, reloaded when the user's store changes.

    ``load`` defaults to :func:`dashboard.data.load_projects` on ``store``
    (the app's one store; else a store on ``db``); ``revision`` to that store's
    :meth:`~dashboard.data.store.Store.revision`. Each call of :meth:`frame`
    asks for the revision (one small query, ~0.1 ms) and reloads only when it
    changed, so the same frame object (and the conversions cached on it)
    serves every request until a record is added, edited or deleted, by this
    process or any other. With a custom ``load`` and no ``revision`` the frame
    is loaded once.

    >>> import pandas as pd
    >>> calls = []
    >>> src = ProjectSource(lambda: calls.append(1) or pd.DataFrame({"id": [len(calls)]}), revision=lambda: len(calls) // 2)
    >>> src.frame() is src.frame(), len(calls)
    (True, 1)
    """

    def __init__(self, load: Callable[[], pd.DataFrame] | None = None, *, store: Store | None = None,
                 db: str | None = None, revision: Callable[[], object] | None = None) -> None:
        if load is None:
            from dashboard.data import load_projects
            from dashboard.data.store import Store

            store = store if store is not None else Store(db)

            def load() -> pd.DataFrame:
                return load_projects(db=store)

            if revision is None:  # records, and the sources merged from the review queue
                from dashboard.data.queue import Queue

                queue = Queue(store)

                def revision() -> tuple:
                    merged = queue.sources_revision()
                    return store.revision() if merged == (0, None) else (*store.revision(), *merged)
        self._load = load
        self._revision = revision
        self._frame: pd.DataFrame | None = None
        self._rev: object = None
        self._lock = threading.Lock()

    def revision(self) -> str:
        """The data revision as text (``""`` without a store): changes with every write."""
        return "" if self._revision is None else str(self._revision())

    def frame(self) -> pd.DataFrame:
        """The projects, reloaded if the store changed since the last call."""
        rev = self._revision() if self._revision is not None else None
        frame = self._frame
        if frame is not None and rev == self._rev:
            return frame
        with self._lock:
            if self._frame is None or rev != self._rev:
                # the revision is read before loading: a write in between only causes one more reload
                frame = self._load()
                if self._revision is not None:
                    # the same content in every process: conversions are shared under this key
                    from dashboard import __version__
                    from dashboard.query.selection import set_frame_key

                    set_frame_key(frame, f"{__version__}:{rev}")
                self._frame = frame
                self._rev = rev
            return self._frame


def create_app(load: Callable[[], pd.DataFrame] | None = None, *, db: str | None = None, store: Store | None = None,
               **dash_kwargs) -> Dash:
    """Build a dashboard app; ``dash_kwargs`` go to :class:`dash.Dash`
    (e.g. ``requests_pathname_prefix``).

    ``store`` (or ``db``: a SQLAlchemy URL or SQLite path; default
    ``SEMIDASH_DB``, else the user data dir) is the user's store: records added
    from an article go there, and the views follow it. ``load`` replaces the
    data (tests): then the views show that frame as it is.
    """
    import dash_bootstrap_components  # noqa: F401  (registers the components)
    from dash import Dash

    from dashboard.data import CATEGORIES, STATUSES
    from dashboard.data.store import Store
    from dashboard.ui.controls import currencies_for, project_options, register_control_callbacks
    from dashboard.ui.layout import create_layout
    from dashboard.ui.serving import configure_server
    from dashboard.ui.views import register_view_callbacks
    from dashboard.ui.views.article import register_intake_callbacks
    from dashboard.ui.views.grid import register_grid_callbacks
    from dashboard.ui.views.queue import register_queue_callbacks

    store = store if store is not None else Store(db)
    source = ProjectSource(load, store=store) if load is None else ProjectSource(load)
    app = Dash(__name__, title="semidash", assets_folder=str(ASSETS), update_title=None, **dash_kwargs)
    topojson_url = app.get_relative_path("/assets/topojson/")

    def _currencies() -> tuple[str, ...]:  # only currencies whose rates cover the data
        return currencies_for(source.frame())

    def layout():
        from dashboard.fx import bounds

        lo, hi = bounds("USD")
        options, countries, companies = project_options(source.frame())
        return create_layout(
            topojson_url=topojson_url,
            currencies=_currencies(),
            countries=countries,
            companies=companies,
            categories=CATEGORIES,
            statuses=STATUSES,
            project_options=options,
            rate_bounds=(str(lo), str(hi)),
        )

    app.layout = layout
    register_control_callbacks(app, source.frame, _currencies)
    register_view_callbacks(app, source.frame, _currencies)
    register_grid_callbacks(app, source.frame, _currencies, source.revision)
    register_intake_callbacks(app, store, source)
    register_queue_callbacks(app, store, source)
    configure_server(app, source.revision)
    app.semidash_store = store  # the app's one store (tests, scripts)
    return app


_app: Dash | None = None
_app_lock = threading.Lock()


def get_app() -> Dash:
    """The one app of this process (built on the first call, on ``$SEMIDASH_DB``)."""
    global _app
    if _app is None:
        with _app_lock:
            if _app is None:
                _app = create_app()
    return _app


#: the cyclic garbage collector's thresholds in a server process. One callback allocates tens of thousands
#: of short-lived objects (pandas), so with the default (700, 10, 10) collections ran all the time:
#: 0.54 s of collection over 500 distinct view and grid requests, 0.04 s with these thresholds and the
#: app's objects frozen (gc.freeze) once it is built (about 1 ms per request, ~8% of its CPU).
SERVER_GC_THRESHOLDS = (20_000, 20, 100)


def create_server() -> Flask:
    """The Flask server of this process's app, for WSGI servers:
    ``gunicorn 'dashboard.ui.app:create_server()'``. The process is a server from here on:
    the objects built so far are frozen out of the garbage collector's work and its thresholds
    raised (:data:`SERVER_GC_THRESHOLDS`)."""
    import gc

    server = get_app().server
    gc.collect()
    gc.freeze()
    gc.set_threshold(*SERVER_GC_THRESHOLDS)
    return server
