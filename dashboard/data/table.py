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

from dashboard.data.companies import display_names, read_companies
from dashboard.data.schema import COLUMNS, TYPED_COLUMNS, check_frame, locale_of, parse_money, period_start
from dashboard.data.totals import in_total, superseded_by
from dashboard.errors import DatasetNotFoundError, InputFileError

__all__ = ["read_table", "check_table", "read_checked", "to_typed"]

PathLike = str | os.PathLike


def read_table(
    source: PathLike | IO[str], *, name: str | None = None, require: Iterable[str] = COLUMNS,
    columns: Iterable[str] = COLUMNS,
) -> tuple[pd.DataFrame, list[str]]:
    """Read a projects CSV as text, indexed by the physical line where each record starts.

    Returns the frame (every column of ``COLUMNS``, missing cells as NaN, cells
    stripped) and the structural problems (bad header, wrong field counts, bad
    encoding). Quoted cells may span lines; blank lines are skipped. Columns in
    ``require`` must be in the header; other known columns (``columns``) that
    are absent are filled with NaN; unknown columns are kept after the known ones.
    """
    COLUMNS = tuple(columns)  # noqa: N806 (the known columns of this read)
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
           skip_columns: Iterable[str] = (), companies=None, user: bool = False) -> list[str]:
    """Every schema problem of a text frame read by :func:`read_table`, as ``NAME:LINE: ...``.

    ``companies``: the valid company ids (default: those of the bundled ``companies.csv``).
    """
    problems = check_frame(
        frame, where=lambda line: f"{name}:{line}", known_ids=known_ids,
        reserved_ids=reserved_ids, reserved_reason=reserved_reason,
        company_ids=_company_ids() if companies is None else companies, user=user,
    )
    skip = [f"column '{c}':" for c in skip_columns]
    return [p for p in problems if not any(s in p for s in skip)]


def _company_ids() -> frozenset[str]:
    """Ids of the bundled companies file, read structurally (its own problems are reported apart)."""
    frame, _ = read_companies()
    return frozenset(frame["company_id"].dropna())


def _line_of(problem: str, name: str) -> int:
    rest = problem[len(name) + 1:] if problem.startswith(name + ":") else ""
    head = rest.split(":", 1)[0]
    return int(head) if head.isdigit() else 0


def read_checked(path: PathLike) -> tuple[pd.DataFrame, list[str]]:
    """The text frame of a file and all its problems, sorted by line (stable within a line)."""
    frame, problems = read_table(path)
    problems = problems + check_table(frame, str(path), skip_columns=frame.attrs.get("missing_columns", ()))
    problems = sorted(problems, key=lambda p: _line_of(p, str(path)))
    return frame, list(read_companies()[1]) + problems


def _figures(text: pd.Series, country: pd.Series) -> list:
    figures = []
    for t, c in zip(text, country):
        f = parse_money(t, locale_of(c)) if isinstance(t, str) else None
        if isinstance(f, Exception):
            raise f
        figures.append(f)
    return figures


def _company_display(src: pd.DataFrame) -> pd.Series:
    """Display names of ``company_ids``, then a user's free-text ``company`` names not among them."""
    shown = display_names(src["company_ids"]) if "company_ids" in src else pd.Series(np.nan, index=src.index)
    if "company" not in src or not src["company"].notna().any():
        return shown.astype("object")
    out = []
    for names, free in zip(shown, src["company"]):
        parts = [n.strip() for n in names.split(";")] if isinstance(names, str) else []
        folded = {p.casefold() for p in parts}
        if isinstance(free, str):
            parts += [n.strip() for n in free.split(";") if n.strip() and n.strip().casefold() not in folded]
        out.append("; ".join(parts) if parts else None)
    return pd.Series(out, index=src.index, dtype="object")


def to_typed(frame: pd.DataFrame, origin: str) -> pd.DataFrame:
    """Turn a validated text frame into the typed frame of ``load_projects``.

    Amounts are read with ``parse_reported`` in the row's country's locale
    (:func:`~dashboard.data.schema.locale_of`): ``amount_value`` is the amount
    (for a range its low end), ``amount_low``/``amount_high`` the ends,
    ``amount_bound`` exact/approx/lower/upper/range. ``in_total`` is computed
    over this frame (:func:`~dashboard.data.totals.in_total`).

    >>> from dashboard.data.schema import text_frame
    >>> t = to_typed(text_frame([{"id": "a", "announced": "2025-03", "gpus": "100000", "company_ids": "softbank-group;openai",
    ...     "country": "US", "amount_reported": "$60 billion to $65 billion"}]), "user")
    >>> t.loc[0, "announced_date"].isoformat(), float(t.loc[0, "gpus"]), t.loc[0, "origin"], t.loc[0, "company"]
    ('2025-03-01T00:00:00', 100000.0, 'user', 'SoftBank Group; OpenAI')
    >>> float(t.loc[0, "amount_value"]), float(t.loc[0, "amount_high"]), t.loc[0, "amount_bound"], t.loc[0, "currency"]
    (60000000000.0, 65000000000.0, 'range', 'USD')
    """
    out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    src = frame.reset_index(drop=True)
    texts = ["id", "project", "company_ids", "country", "city", "coord_precision", "category", "scope", "funding",
             "status", "status_as_of", "status_source_url", "announced", "amount_reported", "parent_id", "relation",
             "source_url", "source_publisher", "last_verified", "notes"]
    for c in texts:
        out[c] = src[c].astype("str").where(src[c].notna()) if c in src else pd.Series(np.nan, index=out.index, dtype="object")
    out["company"] = _company_display(src).to_numpy()
    for c in ("lat", "lon", "gpus", "power_mw", "wafers_per_month"):
        out[c] = pd.to_numeric(src[c], errors="raise").astype("float64")
    out["period_end_year"] = pd.to_numeric(src["period_end_year"]).astype("Int64")
    out["announced_date"] = period_start(src["announced"]).astype("datetime64[ns]")
    out["status_as_of_date"] = period_start(src["status_as_of"]).astype("datetime64[ns]")
    out["last_verified_date"] = period_start(src["last_verified"]).astype("datetime64[ns]")
    figures = _figures(src["amount_reported"], src["country"])

    def num(attr: str) -> np.ndarray:
        return np.array([getattr(f, attr) if f is not None else np.nan for f in figures], dtype="float64")

    out["amount_value"] = num("value")
    out["amount_low"] = num("low")
    out["amount_high"] = num("high")
    out["amount_bound"] = pd.Series([f.bound if f is not None else None for f in figures], index=out.index, dtype="object")
    out["currency"] = pd.Series([f.currency if f is not None else None for f in figures], index=out.index, dtype="object")
    out["amount_approx"] = np.array([bool(f.approx) if f is not None else False for f in figures], dtype=bool)
    out["origin"] = origin
    out["in_total"] = in_total(out).to_numpy()
    out["superseded_by"] = superseded_by(out).to_numpy()
    extra = [c for c in frame.columns if c not in COLUMNS and c not in TYPED_COLUMNS]
    for c in extra:
        out[c] = src[c]
    return out[[*TYPED_COLUMNS, *extra]]
