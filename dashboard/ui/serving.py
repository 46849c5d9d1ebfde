"""How the app's Flask server answers under load and under attack.

:func:`configure_server` adds, in this order:

- **request checks** on ``POST /_dash-update-component``: a body over
  :data:`MAX_CALLBACK_BODY` bytes is a 413; a body that is not a JSON object, or
  whose ``output`` / ``outputs`` / ``inputs`` / ``state`` do not have the
  shape the browser sends, or that names a callback this app does not have, or
  gives a property a value of the wrong type (:data:`VALUE_TYPES`, e.g. grid
  rows that are not objects) is a 400 with a one-line message. So no crafted
  body reaches a callback and turns into a 500.
- a **response cache** for the pure callbacks (the views and the grid: same
  body, same data revision, same rates revision, same answer), shared by every
  worker and every instance when ``$SEMIDASH_CACHE_URL`` names a Redis server
  (``redis://host:6379/0``), in-process otherwise (nothing to start). The same
  cache keeps converted frames (:func:`dashboard.query.selection.use_shared_cache`).
- **compression** (Flask-Compress: brotli, else gzip, at the levels :data:`BROTLI_QUALITY` and
  :data:`GZIP_LEVEL`, picked by measurement) of JSON, HTML, CSS and JS;
  static files are compressed once per process (:class:`StaticCompressed`) and
  a browser's revalidation of them is a cheap 304 (the compressed copy's ETag
  is matched against Dash's own).

A broken or unreachable cache never breaks a request: it is skipped and logged
once (:class:`SafeCache`).

>>> [cache_config(u)["CACHE_TYPE"] for u in ("redis://127.0.0.1:6390/0", "file:///tmp/c", None)]
['RedisCache', 'FileSystemCache', 'SimpleCache']
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable
from typing import Any

__all__ = ["configure_server", "cache_config", "check_callback_body", "SafeCache", "CACHE_ENV_VARS",
           "MAX_CALLBACK_BODY", "VALUE_TYPES"]

log = logging.getLogger(__name__)

#: environment variables naming the shared cache, first set wins ("redis://...", "simple", "null")
CACHE_ENV_VARS = ("SEMIDASH_CACHE_URL", "SEMIDASH_REDIS_URL")

#: largest callback body accepted (the browser's largest is an 8 MB article upload, base64: ~11 MB)
MAX_CALLBACK_BODY = 12 * 1024 * 1024

#: entries of the in-process cache per worker (responses are 5-60 kB: at most ~60 MB)
LOCAL_CACHE_ENTRIES = 1000
#: seconds an entry lives (keys carry the data and rates revisions, so this only bounds memory in Redis)
CACHE_TIMEOUT_S = 3600

#: compression levels, picked by measurement (CPU ms / compressed kB of real answers, load ~8):
#: map figure (129 kB): brotli 1 0.28 / 29.4, 2 0.58 / 27.7, 4 0.99 / 26.1, 5 1.44 / 24.5; gzip 1 0.72 / 31.0, 6 1.84 / 26.7.
#: grid rows (198 kB): brotli 1 0.52 / 45.6, 4 1.69 / 40.2; gzip 1 1.25 / 50.6, 6 3.37 / 41.8.
#: On a 2-core server CPU is what runs out first: brotli 1 costs a third of brotli 4 for 12% more bytes
#: (and is smaller and faster than any gzip level), gzip 1 is for clients without brotli. Static files,
#: compressed once per process (StaticCompressed), get the same level: plotly.js (4.7 MB) is 1,630 kB
#: at brotli 1 against 1,377 kB at brotli 4 (29 ms against 150 ms, once).
BROTLI_QUALITY = 1
GZIP_LEVEL = 1

_UPDATE = "_dash-update-component"

# callbacks whose answer depends only on the request body and the data/rates revisions
_PURE_OUTPUTS = (".summary.children", ".grid.rowData")

_JSON_SCALAR = (str, int, float, bool, type(None))


def _str_or_none(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _rows(v: Any) -> bool:
    return v is None or (isinstance(v, list) and all(isinstance(r, dict) for r in v))


def _str_list(v: Any) -> bool:
    return v is None or isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, _JSON_SCALAR) for x in v))


#: (component id, property) -> check of the value the browser may send for it
VALUE_TYPES: dict[tuple[str, str], Callable[[Any], bool]] = {
    ("url", "search"): _str_or_none,
    ("url", "pathname"): _str_or_none,
    ("grid", "virtualRowData"): _rows,
    ("grid", "rowData"): _rows,
    ("grid", "selectedRows"): _rows,
    ("grid-key", "data"): _str_or_none,
    ("article-upload", "contents"): _str_or_none,
    ("article-upload", "filename"): _str_or_none,
    ("article-text", "value"): _str_or_none,
    ("ctl-text", "value"): _str_or_none,
    ("ctl-country", "value"): _str_list,
    ("ctl-company", "value"): _str_list,
    ("ctl-category", "value"): _str_list,
    ("ctl-status", "value"): _str_list,
    ("ctl-compare", "value"): _str_list,
}


def cache_config(url: str | None) -> dict[str, Any]:
    """Flask-Caching settings for a cache URL: ``redis://`` / ``rediss://`` /
    ``unix://`` a Redis server (shared by every worker and instance), ``file:///DIR`` files in DIR
    (shared by the workers of one machine, nothing to start), ``null`` none, anything else (or
    nothing) the in-process cache of each worker."""
    base = {"CACHE_DEFAULT_TIMEOUT": CACHE_TIMEOUT_S, "CACHE_KEY_PREFIX": "semidash:"}
    if url and url.split("://", 1)[0] in ("redis", "rediss", "unix"):
        return {**base, "CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": url,
                "CACHE_OPTIONS": {"socket_timeout": 2.0, "socket_connect_timeout": 2.0}}
    if url and url.startswith("file://"):
        return {**base, "CACHE_TYPE": "FileSystemCache", "CACHE_DIR": url[len("file://"):],
                "CACHE_THRESHOLD": 4 * LOCAL_CACHE_ENTRIES}
    if url == "null":
        return {**base, "CACHE_TYPE": "NullCache"}
    return {**base, "CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": LOCAL_CACHE_ENTRIES}


def cache_url_from_env() -> str | None:
    """The cache URL of the first set variable of :data:`CACHE_ENV_VARS`."""
    return next((os.environ[v] for v in CACHE_ENV_VARS if os.environ.get(v)), None)


class SafeCache:
    """A cache whose failures (Redis down, a value that does not unpickle) are
    misses: logged once, never raised into a request."""

    def __init__(self, cache: Any, where: str) -> None:
        self._cache = cache
        self.where = where
        self._warned = False

    def _failed(self, exc: Exception) -> None:
        if not self._warned:
            log.warning("semidash: cache %s unavailable (%s); serving without it", self.where, exc)
            self._warned = True

    def get(self, key: str) -> Any:
        try:
            return self._cache.get(key)
        except Exception as exc:  # noqa: BLE001 - any cache failure is a miss
            self._failed(exc)
            return None

    def set(self, key: str, value: Any) -> None:
        try:
            self._cache.set(key, value)
        except Exception as exc:  # noqa: BLE001
            self._failed(exc)


def _check_items(items: Any, what: str, declared: list[dict] | None) -> str | None:
    if not isinstance(items, list):
        return f"'{what}' must be a list"
    if declared is not None and len(items) != len(declared):
        return f"'{what}' has {len(items)} entries; this callback takes {len(declared)}"
    for i, item in enumerate(items):
        group = item if isinstance(item, list) else [item]  # pattern-matching ALL gives a list
        for entry in group:
            if not isinstance(entry, dict) or not isinstance(entry.get("property"), str) \
                    or not isinstance(entry.get("id"), (str, dict)):
                return f"'{what}'[{i}] must be an object with an 'id' and a 'property'"
            if isinstance(entry["id"], str):
                check = VALUE_TYPES.get((entry["id"], entry["property"]))
                if check is not None and "value" in entry and not check(entry["value"]):
                    return f"'{what}'[{i}]: {entry['id']}.{entry['property']} has a value of the wrong type"
    return None


def check_callback_body(body: Any, callback_map: dict) -> str | None:
    """Why a callback request body is malformed, or ``None`` if it is well formed.

    >>> check_callback_body([1], {})
    'the body must be a JSON object'
    >>> cmap = {"out.children": {"inputs": [{"id": "url", "property": "search"}], "state": []}}
    >>> check_callback_body({"output": "out.children", "outputs": {"id": "out", "property": "children"},
    ...     "inputs": [{"id": "url", "property": "search", "value": 5}]}, cmap)
    "'inputs'[0]: url.search has a value of the wrong type"
    """
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str):
        return "'output' must be a string"
    spec = callback_map.get(output)
    if spec is None:
        return "no such callback"
    outputs = body.get("outputs")
    if not isinstance(outputs, (dict, list)):
        return "'outputs' must be an object or a list"
    for out in outputs if isinstance(outputs, list) else [outputs]:
        group = out if isinstance(out, list) else [out]
        if not all(isinstance(o, dict) and isinstance(o.get("property"), str) for o in group):
            return "every entry of 'outputs' must be an object with a 'property'"
    problem = _check_items(body.get("inputs"), "inputs", spec.get("inputs"))
    if problem is None:
        problem = _check_items(body.get("state", []), "state", spec.get("state"))
    changed = body.get("changedPropIds", [])
    if problem is None and not (isinstance(changed, list) and all(isinstance(c, str) for c in changed)):
        problem = "'changedPropIds' must be a list of strings"
    return problem


def _rates_key() -> str:
    from dashboard.query.selection import rates_key

    return rates_key()


#: the suffix Flask-Compress adds to a compressed answer's ETag
_ENCODED_ETAG = re.compile(r':(?:br|gzip|deflate|zstd)"$')
_STATIC_PATHS = ("/_dash-component-suites/", "/assets/")


def static_key(request: Any) -> str:
    """Flask-Compress's cache key: a static file's path (GETs under the
    component suites and assets, whose content is fixed while the process
    runs), else ``""``, which :class:`StaticCompressed` never keeps."""
    if request.method == "GET" and any(p in request.path for p in _STATIC_PATHS):
        return request.full_path
    return ""


class StaticCompressed:
    """Compressed bodies of the static files, per path and encoding, so each
    is compressed once per process (plotly.js: 4.8 MB) and not on every page
    load; callback answers (key ``"<encoding>;"``) are never kept.

    >>> c = StaticCompressed()
    >>> c.set("br;/assets/a.css?", b"x"); c.set("br;", b"y")
    >>> c.get("br;/assets/a.css?"), c.get("br;")
    (b'x', None)
    """

    def __init__(self) -> None:
        self._bodies: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._bodies.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";"):
            self._bodies[key] = value


def configure_server(app: Any, data_revision: Callable[[], str]) -> SafeCache:
    """Checks, response cache and compression on ``app``'s Flask server (see
    the module docstring); returns the cache (also ``app.semidash_cache``)."""
    import flask
    from flask_caching import Cache
    from flask_compress import Compress
    from werkzeug.exceptions import BadRequest

    from dashboard import __version__

    server = app.server
    url = cache_url_from_env()
    cache = SafeCache(Cache(server, config=cache_config(url)), where=url or "in-process")
    server.config.setdefault("MAX_CONTENT_LENGTH", MAX_CALLBACK_BODY)

    @server.before_request
    def _check_and_answer_from_cache():
        req = flask.request
        if req.method != "POST" or not req.path.endswith("/" + _UPDATE):
            return None
        if req.content_length is not None and req.content_length > MAX_CALLBACK_BODY:
            return _error(413, f"callback body over {MAX_CALLBACK_BODY:,} bytes")
        raw = req.get_data(cache=True)
        if len(raw) > MAX_CALLBACK_BODY:
            return _error(413, f"callback body over {MAX_CALLBACK_BODY:,} bytes")
        try:
            # parsed once: Dash's dispatch gets this same object from the request's cache
            body = req.get_json(force=True, cache=True)
        except BadRequest:
            return _error(400, "the callback body is not JSON")
        problem = check_callback_body(body, app.callback_map)
        if problem:
            return _error(400, f"malformed callback request: {problem}")
        if any(p in body["output"] for p in _PURE_OUTPUTS):
            # the code's version too: instances of another release on the same Redis never share answers
            salt = f"{__version__}\0{data_revision()}\0{_rates_key()}".encode()
            key = "resp:" + hashlib.sha256(raw + b"\0" + salt).hexdigest()
            hit = cache.get(key)
            if hit is not None:
                return flask.Response(hit, mimetype="application/json")
            flask.g.semidash_cache_key = key
        return None

    # compression first: Flask runs after_request handlers last-registered first, so the cache
    # below stores the plain body and every answer (cached or not) is compressed after it
    server.config.update(
        COMPRESS_MIMETYPES=["application/json", "text/html", "text/css", "application/javascript", "text/javascript"],
        COMPRESS_MIN_SIZE=1024, COMPRESS_ALGORITHM=["br", "gzip"], COMPRESS_BR_LEVEL=BROTLI_QUALITY, COMPRESS_LEVEL=GZIP_LEVEL,
        COMPRESS_CACHE_BACKEND=StaticCompressed, COMPRESS_CACHE_KEY=static_key,
    )
    Compress(server)

    @server.before_request
    def _own_etag():
        # the browser revalidates plotly.js with the compressed copy's ETag ("<tag>:br"); Dash compares
        # it with its own "<tag>", so without this it sent the whole file again, compressed (~0.5-1 s of
        # CPU for plotly.js), only for Flask-Compress to turn the answer into a 304
        tag = flask.request.environ.get("HTTP_IF_NONE_MATCH", "")
        if tag and flask.request.method == "GET":
            plain = _ENCODED_ETAG.sub('"', tag)
            if plain != tag:
                flask.request.environ["HTTP_IF_NONE_MATCH"] = plain

    @server.after_request
    def _remember(response):
        key = flask.g.pop("semidash_cache_key", None)
        if key is not None and response.status_code == 200 and not response.direct_passthrough:
            cache.set(key, response.get_data())
        return response

    from dashboard.query.selection import use_shared_cache

    # converted frames only go to a cache other processes read: the in-process one would keep a pickled
    # second copy of what the per-frame cache of dashboard.query.selection already holds
    shared = cache_config(url)["CACHE_TYPE"] in ("RedisCache", "FileSystemCache")
    use_shared_cache(cache if shared else None)
    app.semidash_cache = cache
    return cache


def _error(status: int, message: str):
    import flask

    return flask.Response(json.dumps({"error": message}), status=status, mimetype="application/json")
