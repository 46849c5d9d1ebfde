"""``semidash parse`` and ``semidash extract``: read figures from text.

``semidash parse TEXT [--json] [--locale L]`` prints one figure;
``semidash extract [FILE|-] [--format json|csv|table] [--locale L]`` prints
every figure of a text with its span and restatement link.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys

from dashboard.errors import ParseError

_FIELDS = ("start", "end", "text", "value", "unit", "kind", "approx", "bound", "restates")


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
        d = fig.to_dict()
        print(json.dumps({k: d[k] for k in ("value", "unit", "kind", "approx", "bound", "text")}, ensure_ascii=False))
    else:
        flags = [w for w in ("approx" if fig.approx else "", f"bound={fig.bound}" if fig.bound else "") if w]
        line = f"{fig.value:g} {fig.unit} ({fig.kind}) from {fig.text!r}"
        print(line + (f" [{', '.join(flags)}]" if flags else ""))
        for r in fig.restated_by:
            print(f"  restated as {r.value:g} {r.unit} from {r.text!r}")
    return 0


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
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=_FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        if not rows:
            print("no figures found")
            return 0
        shown = [
            [str(r["start"]), str(r["end"]), f"{r['value']:g}", r["unit"], r["kind"],
             "~" if r["approx"] else "", r["bound"] or "", r["text"], r["restates"] or ""]
            for r in rows
        ]
        head = ["start", "end", "value", "unit", "kind", "approx", "bound", "text", "restates"]
        widths = [max(_width(x) for x in col) for col in zip(head, *shown)]
        for line in [head, *shown]:
            print("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(line, widths)).rstrip())
    return 0


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)
