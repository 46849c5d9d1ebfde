"""Projects CSV text -> a text frame indexed by line, and a validated text
frame -> the typed frame of ``load_projects``.

>>> import io
>>> frame, problems = read_table(io.StringIO('id,notes\\na,"two\\nlines"\\nb,x\\n'), name="f.csv", require=["id"])
>>> list(frame.index), problems
([2, 4], [])
"""
from __future__ import annotations

import contextlib
import csv
import io
import os
from collections.abc import Iterable
from typing import IO

import numpy as np
import pandas as pd

from dashboard.data.schema import COLUMNS, TYPED_COLUMNS, check_frame, parse_money, period_start
from dashboard.errors import DatasetNotFoundError, InputFileError

__all__ = ["read_table", "check_table", "read_checked", "to_typed"]

PathLike = str | os.PathLike


def read_table(
    source: PathLike | IO[str], *, name: str | None = None, require: Iterable[str] = COLUMNS,
) -> tuple[pd.DataFrame, list[str]]:
    """Read a projects CSV as text, indexed by the physical line where each record starts.

    Returns the frame (every column of ``COLUMNS``, missing cells as NaN, cells
    stripped) and the structural problems (bad header, wrong field counts, bad
    encoding). Quoted cells may span lines; blank lines are skipped. Columns in
    ``require`` must be in the header; other known columns that are absent are
    filled with NaN; unknown columns are kept after the known ones.
    """
    if name is None:
        name = "<input>" if hasattr(source, "read") else str(source)
    problems: list[str] = []
    with contextlib.ExitStack() as stack:
        if hasattr(source, "read"):
            handle = source
        else:
            try:
                handle = stack.enter_context(open(source, encoding="utf-8-sig", newline=""))
            except FileNotFoundError:
                raise DatasetNotFoundError(name) from None
            except OSError as exc:  # a directory, no permission, ...
                raise InputFileError(name, f"cannot read ({exc.strerror or exc})") from None
        try:
            text = handle.read()
        except UnicodeDecodeError as exc:
            return pd.DataFrame(columns=list(COLUMNS), dtype="str"), [
                f"{name}: not UTF-8 text (byte {exc.start}: {exc.reason})"
            ]
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    last = 0
    try:
        for fields in reader:
            start = last + 1
            last = reader.line_num
            if not fields or all(not f.strip() for f in fields):
                continue
            if header is None:
                header = [f.strip() for f in fields]
                continue
            if len(fields) != len(header):
                problems.append(f"{name}:{start}: expected {len(header)} fields as in the header, found {len(fields)}")
                continue
            rows.append(fields)
            lines.append(start)
    except csv.Error as exc:
        problems.append(f"{name}:{reader.line_num}: not valid CSV ({exc})")
    if header is None:
        problems.append(f"{name}:1: empty file; expected a header with columns: {', '.join(COLUMNS)}")
        return pd.DataFrame(columns=list(COLUMNS), dtype="str"), problems
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        problems.append(f"{name}:1: duplicate column(s) in header: {', '.join(dupes)}")
        return pd.DataFrame(columns=list(COLUMNS), dtype="str"), problems
    missing = [c for c in require if c not in header]
    if missing:
        problems.append(
            f"{name}:1: missing column(s): {', '.join(missing)}; expected columns: {', '.join(COLUMNS)}"
        )
    frame = pd.DataFrame(rows, columns=header, index=lines, dtype="str")
    frame = frame.apply(lambda s: s.str.strip()).replace("", np.nan) if len(frame) else frame
    for c in COLUMNS:
        if c not in frame.columns:
            frame[c] = pd.Series(np.nan, index=frame.index, dtype="str")
    extra = [c for c in frame.columns if c not in COLUMNS]
    frame = frame[[*COLUMNS, *extra]]
    frame.attrs["missing_columns"] = tuple(missing)
    return frame, problems


def check_table(frame: pd.DataFrame, name: str, *, known_ids=(), reserved_ids=(), reserved_reason="is already taken",
           skip_columns: Iterable[str] = ()) -> list[str]:
    problems = check_frame(
        frame, where=lambda line: f"{name}:{line}", known_ids=known_ids,
        reserved_ids=reserved_ids, reserved_reason=reserved_reason,
    )
    skip = [f"column '{c}':" for c in skip_columns]
    return [p for p in problems if not any(s in p for s in skip)]


def _line_of(problem: str, name: str) -> int:
    rest = problem[len(name) + 1:] if problem.startswith(name + ":") else ""
    head = rest.split(":", 1)[0]
    return int(head) if head.isdigit() else 0


def read_checked(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """The text frame of a file and all its problems, sorted by line (stable within a line)."""
    frame, problems = read_table(path)
    problems = problems + check_table(frame, str(path), skip_columns=frame.attrs.get("missing_columns", ()))
    return frame, sorted(problems, key=lambda p: _line_of(p, str(path)))


def to_typed(frame: pd.DataFrame, origin: str) -> pd.DataFrame:
    """Turn a validated text frame into the typed frame of ``load_projects``.

    >>> from dashboard.data.schema import text_frame
    >>> t = to_typed(text_frame([{"id": "a", "announced": "2025-03", "gpus": "100000"}]), "user")
    >>> t.loc[0, "announced_date"].isoformat(), float(t.loc[0, "gpus"]), t.loc[0, "origin"]
    ('2025-03-01T00:00:00', 100000.0, 'user')
    """
    out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    src = frame.reset_index(drop=True)
    texts = ["id", "project", "company", "country", "city", "category", "status", "announced",
             "amount_reported", "parent_id", "source_url", "source_publisher", "notes"]
    for c in texts:
        out[c] = src[c].astype("str").where(src[c].notna())
    for c in ("lat", "lon", "gpus", "power_mw", "wafers_per_month"):
        out[c] = pd.to_numeric(src[c], errors="raise").astype("float64")
    out["period_end_year"] = pd.to_numeric(src["period_end_year"]).astype("Int64")
    out["announced_date"] = period_start(src["announced"]).astype("datetime64[ns]")
    figures = [parse_money(t) if isinstance(t, str) else None for t in src["amount_reported"]]
    for f in figures:
        if isinstance(f, Exception):
            raise f
    out["amount_value"] = np.array([f.value if f is not None else np.nan for f in figures], dtype="float64")
    out["currency"] = pd.Series([f.currency if f is not None else None for f in figures],
                                index=out.index, dtype="str")
    out["currency"] = out["currency"].where(out["currency"].notna() & (out["currency"] != "None"))
    out["amount_approx"] = np.array([bool(f.approx) if f is not None else False for f in figures], dtype=bool)
    out["origin"] = origin
    extra = [c for c in frame.columns if c not in COLUMNS]
    for c in extra:
        out[c] = src[c]
    return out[[*TYPED_COLUMNS, *extra]]


