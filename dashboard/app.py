"""The Dash app: ``create_app()`` builds it; ``server`` is its Flask server
for ``gunicorn dashboard.app:server``.

Data is read on the first request, never at import. Everything the page needs
(Bootstrap CSS, plotly.js, the topojson base maps) is served by the app itself,
so it works with no internet.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from dash import Dash

__all__ = ["create_app", "ProjectSource", "server"]

ASSETS = Path(__file__).with_name("assets")


class ProjectSource:
    """The projects behind every view, reloaded when the user's store changes.

    ``load`` defaults to :func:`dashboard.data.load_projects` on the store
    ``db`` (else ``SEMIDASH_DB``, else the user data dir); ``revision`` to that
    store's :meth:`~dashboard.data.store.Store.revision`. Each call of
    :meth:`frame` asks for the revision (one small query, ~0.1 ms) and reloads
    only when it changed, so the same frame object (and the conversions cached
    on it) serves every request until a record is added, edited or deleted, by
    this process or any other. With a custom ``load`` and no ``revision`` the
    frame is loaded once.

    >>> import pandas as pd
    >>> calls = []
    >>> src = ProjectSource(lambda: calls.append(1) or pd.DataFrame({"id": [len(calls)]}), revision=lambda: len(calls) // 2)
    >>> src.frame() is src.frame(), len(calls)
    (True, 1)
    """

    def __init__(self, load: Callable[[], pd.DataFrame] | None = None, *, db: str | None = None,
                 revision: Callable[[], object] | None = None) -> None:
        if load is None:
            from dashboard.data.store import Store

            store = Store(db)

            def load() -> pd.DataFrame:
                from dashboard.data import load_projects

                return load_projects(db=store.url)

            revision = revision or store.revision
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
                self._frame = self._load()
                self._rev = rev
            return self._frame


def _currencies() -> tuple[str, ...]:
    from dashboard.fx import available_currencies

    return tuple(available_currencies())


def create_app(load: Callable[[], pd.DataFrame] | None = None, *, db: str | None = None, **dash_kwargs) -> Dash:
    """Build the dashboard app; ``dash_kwargs`` go to :class:`dash.Dash`
    (e.g. ``requests_pathname_prefix``).

    ``db`` is the user's store (SQLAlchemy URL or SQLite path; default
    ``SEMIDASH_DB``, else the user data dir): records added from an article go
    there, and the views follow it. ``load`` replaces the data (tests): then the
    views show that frame as it is.
    """
    import dash_bootstrap_components  # noqa: F401  (registers the components)

    from dashboard.components.callbacks import register_callbacks
    from dashboard.components.intake import project_options, register_intake_callbacks
    from dashboard.components.layout import create_layout
    from dashboard.data import CATEGORIES, STATUSES
    from dashboard.data.store import Store

    source = ProjectSource(load, db=db)
    app = Dash(__name__, title="semidash", assets_folder=str(ASSETS), update_title=None, **dash_kwargs)
    topojson_url = app.get_relative_path("/assets/topojson/")

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
    register_callbacks(app, source.frame, _currencies, source.revision)
    register_intake_callbacks(app, Store(db), source)
    return app


app = create_app()
server = app.server
