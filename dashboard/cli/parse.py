"""``semidash parse`` and ``semidash extract``: read figures from text.

``semidash parse TEXT [--json] [--locale L]`` prints one figure and its
restatements; ``semidash extract [FILE|-] [--format json|csv|table] [--locale L]``
prints every figure of a text with its span, range and restatement links.

Tables show values as a reader writes them, in the notation of the source
("400억엔 / 40 billion JPY", "1,200 MW"), never "4e+10"; JSON and CSV keep the
exact numbers, and JSON is UTF-8 (no \\uXXXX escapes).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys

from dashboard.errors import ParseError

_FIELDS = ("start", "end", "text", "value", "unit", "kind", "approx", "bound", "restates", "range_with")
_QUANTITY_LABEL = {"gpu": "GPUs", "employee": "jobs", "m ** 2": "m²", "wafer / month": "wafers/month",
                   "wafer / year": "wafers/year", "wafer": "wafers", "datacenter": "data centres", "MW": "MW"}
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def _number(v: float, digits: int = 6) -> str:
    text = f"{v:,.{digits}g}" if abs(v) < 10**15 else f"{v:.{digits}g}"
    if "e" in text:
        return f"{v:,.0f}"
    return text


def readable(value: float, unit: str, kind: str, source: str = "") -> str:
    """A value as people write it: "400억엔 / 40 billion JPY", "1,200 MW", "100,000 GPUs".

    >>> readable(4e10, "JPY", "money", "400억엔")
    '400억엔 / 40 billion JPY'
    >>> readable(1.2e9, "USD", "money", "US$1.2bn"), readable(1200, "MW", "quantity")
    ('1.2 billion USD', '1,200 MW')
    """
    if kind != "money":
        return f"{_number(value)} {_QUANTITY_LABEL.get(unit, unit)}"
    english = f"{_number(value)} {unit}"
    for size, word in _SCALES:
        if value >= size:
            english = f"{_number(value / size)} {word} {unit}"
            break
    notation = _notation(source)
    if notation == "en":
        return english
    from dashboard.parse import format_amount

    try:
        native = format_amount(value, unit, notation=notation)
    except ValueError:
        return english
    return f"{native} / {english}"


def _notation(text: str) -> str:
    if any("\uac00" <= ch <= "\ud7a3" for ch in text):
        return "ko"
    if any("\u3040" <= ch <= "\u30ff" for ch in text) or "円" in text:
        return "ja"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "zh-TW" if any(ch in text for ch in "億萬幣臺圓") else "zh-CN"
    return "en"


def _flags(fig) -> str:
    flags = [w for w in ("approx" if fig.approx else "", f"bound={fig.bound}" if fig.bound else "") if w]
    return f" [{', '.join(flags)}]" if flags else ""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``parse`` and ``extract`` sub-commands."""
    p = subparsers.add_parser("parse", help="read one amount or quantity, e.g. '400억엔' or 'US$1.5bn'")
    p.add_argument("text", metavar="TEXT", help="the expression to read")
    p.add_argument("--json", action="store_true", help="print the figure as JSON")
    p.add_argument("--locale", metavar="L", default=None, help="ko, ja, zh-CN, zh-TW, en (changes how ¥ and 元 read)")
    p.set_defaults(handler=run_parse)

    e = subparsers.add_parser("extract", help="list every figure in a text file (or stdin)")
    e.add_argument("file", nargs="?", default="-", metavar="FILE", help="UTF-8 text file, or - for stdin (default)")
    e.add_argument("--format", choices=("json", "csv", "table"), default="table", help="output format (default: table)")
    e.add_argument("--locale", metavar="L", default=None, help="ko, ja, zh-CN, zh-TW, en")
    e.set_defaults(handler=run_extract)


def run_parse(args: argparse.Namespace) -> int:
    """Print one figure; a :class:`ParseError` becomes a one-line error (exit 2)."""
    from dashboard.parse import parse_amount

    fig = parse_amount(args.text, locale=args.locale)
    if args.json:
        keys = ("value", "unit", "kind", "approx", "bound", "text")
        d = fig.to_dict()
        out = {k: d[k] for k in keys}
        if fig.restated_by:
            out["restated_by"] = [{k: r.to_dict()[k] for k in keys} for r in fig.restated_by]
        _print(json.dumps(out, ensure_ascii=False))
    else:
        _print(f"{readable(fig.value, fig.unit, fig.kind, fig.text)} ({fig.kind}) from {fig.text!r}{_flags(fig)}")
        for r in fig.restated_by:
            _print(f"  restated as {readable(r.value, r.unit, r.kind, r.text)} from {r.text!r}{_flags(r)}")
    return 0


def _print(line: str) -> None:
    """Print UTF-8 whatever the terminal's encoding (never \\uXXXX, never a UnicodeEncodeError)."""
    try:
        print(line)
    except UnicodeEncodeError:
        sys.stdout.buffer.write((line + "\n").encode("utf-8"))


def _read_input(name: str) -> str:
    from dashboard.cli import read_article_text
    from dashboard.errors import ArticleError

    try:
        return read_article_text(name)
    except ArticleError as exc:  # this command's errors say "cannot parse FILE"
        raise ParseError(name, exc.reason) from None


def run_extract(args: argparse.Namespace) -> int:
    """Print every figure of the input with its span (start, end) and restatement link."""
    from dashboard.parse import extract_figures

    figures = extract_figures(_read_input(args.file), locale=args.locale)
    rows = []
    for f in figures:
        d = f.to_dict()
        rows.append({k: d[k] for k in _FIELDS})
    if args.format == "json":
        _print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=_FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        if not rows:
            print("no figures found")
            return 0
        shown = [
            [str(r["start"]), str(r["end"]), readable(r["value"], r["unit"], r["kind"], r["text"]), r["unit"], r["kind"],
             "~" if r["approx"] else "", r["bound"] or "", r["text"], r["restates"] or ""]
            for r in rows
        ]
        head = ["start", "end", "value", "unit", "kind", "approx", "bound", "text", "restates"]
        widths = [max(_width(x) for x in col) for col in zip(head, *shown)]
        for line in [head, *shown]:
            _print("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(line, widths)).rstrip())
    return 0


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)
