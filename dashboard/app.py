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
    """Loads the projects once, on first use, and keeps them.

    ``load`` defaults to :func:`dashboard.data.load_projects` (bundled data
    plus the user's store, ``SEMIDASH_DB`` respected).
    """

    def __init__(self, load: Callable[[], pd.DataFrame] | None = None) -> None:
        self._load = load
        self._frame: pd.DataFrame | None = None
        self._lock = threading.Lock()

    def frame(self) -> pd.DataFrame:
        """The loaded projects (loaded on the first call)."""
        if self._frame is None:
            with self._lock:
                if self._frame is None:
                    if self._load is None:
                        from dashboard.data import load_projects

                        self._frame = load_projects()
                    else:
                        self._frame = self._load()
        return self._frame


def _currencies() -> tuple[str, ...]:
    from dashboard.fx import available_currencies

    return tuple(available_currencies())


def create_app(load: Callable[[], pd.DataFrame] | None = None, **dash_kwargs) -> Dash:
    """Build the dashboard app; ``dash_kwargs`` go to :class:`dash.Dash`
    (e.g. ``requests_pathname_prefix``)."""
    import dash_bootstrap_components  # noqa: F401  (registers the components)

    from dashboard.components.callbacks import register_callbacks
    from dashboard.components.layout import create_layout
    from dashboard.data import CATEGORIES, STATUSES
    from dashboard.view import company_names

    source = ProjectSource(load)
    app = Dash(__name__, title="semidash", assets_folder=str(ASSETS), update_title=None, **dash_kwargs)
    topojson_url = app.get_relative_path("/assets/topojson/")

    def layout():
        from dashboard.fx import bounds

        df = source.frame()
        lo, hi = bounds("USD")
        options = [{"label": f"{p} ({c})", "value": i} for i, p, c in
                   zip(df["id"].astype(str), df["project"].astype(str), df["company"].fillna("").astype(str))]
        return create_layout(
            topojson_url=topojson_url,
            currencies=_currencies(),
            countries=sorted(df["country"].dropna().astype(str).unique()),
            companies=company_names(df["company"]),
            categories=CATEGORIES,
            statuses=STATUSES,
            project_options=options,
            rate_bounds=(str(lo), str(hi)),
        )

    app.layout = layout
    register_callbacks(app, source.frame, _currencies)
    return app


app = create_app()
server = app.server
