"""The WSGI entry point: ``gunicorn 'dashboard.app:server'``.

``server`` is looked up lazily (PEP 562 module ``__getattr__``): importing this
module builds nothing; the first access builds the one app of the process
(:func:`dashboard.ui.app.get_app`) and returns its Flask server. Build your own
apps with :func:`dashboard.ui.app.create_app`.
"""
from __future__ import annotations

__all__ = ["server", "create_app", "get_app"]


def __getattr__(name: str):
    if name == "server":
        from dashboard.ui.app import create_server

        return create_server()
    if name in ("create_app", "get_app", "ProjectSource"):
        from dashboard.ui import app as _ui_app

        return getattr(_ui_app, name)
    raise AttributeError(f"module 'dashboard.app' has no attribute {name!r}")
