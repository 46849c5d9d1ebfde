"""The Celery worker of a team deployment: the news-intake tasks and the
dashboard's background callbacks (its "read into the queue" action), on the
broker ``$SEMIDASH_BROKER`` and the store ``$SEMIDASH_DB``::

    SEMIDASH_BROKER=redis://cache.internal:6379/1 SEMIDASH_DB=postgresql+psycopg://me@db/semidash \\
        celery -A dashboard.ui.worker worker --concurrency 4

Dash names a background callback's task after its code, so the worker builds
the same dashboard the web servers build (once, at import) to know those tasks.
Without ``$SEMIDASH_BROKER`` there is nothing for a worker to do: the
dashboard then runs its background callbacks in child processes itself.
"""
from __future__ import annotations

import os

from dashboard.intake.tasks import BROKER_ENV, app, configure

__all__ = ["app"]

if os.environ.get(BROKER_ENV):
    configure(os.environ[BROKER_ENV])
    from dashboard.ui.app import get_app

    get_app()  # registers the dashboard's background callbacks as tasks of `app`
