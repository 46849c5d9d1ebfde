"""Sub-commands ``serve`` (run the dashboard on a store) and ``export`` (the
dashboard's CSV from the command line: same rows, same columns, same
provenance). Both read through :mod:`dashboard.query`, as the dashboard does."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from dashboard.cli import LazyChoices, bases
from dashboard.dates import parse_date
from dashboard.errors import CliUsageError, UnknownCurrencyError
from dashboard.query.state import DEFAULT_REAL_YEAR


def _date(text: str) -> dt.date:
    try:
        return parse_date(text, periods=False)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-04-02") from None


def _schema(name: str) -> LazyChoices:
    def get() -> tuple[str, ...]:
        from dashboard.data import schema

        return getattr(schema, name)

    return LazyChoices(get)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``serve`` and ``export`` sub-commands."""
    p = subparsers.add_parser("serve", help="run the dashboard in a local web server",
                              description="Serve the dashboard on the bundled data plus your store "
                                          "(--db, else $SEMIDASH_DB, else the user data dir).")
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    p.add_argument("--debug", action="store_true", help="Dash debug mode (reloads on change, shows errors in the page)")
    p.add_argument("--db", default=None, metavar="URL_OR_PATH",
                   help="your store: a SQLAlchemy URL or a SQLite file path (default: $SEMIDASH_DB, else the user data dir)")
    p.set_defaults(handler=_serve)

    p = subparsers.add_parser("export", help="write the projects, converted, as CSV (the dashboard's download)",
                              description="Write the selected projects converted to one currency, largest first, with "
                                          "the provenance of every number (rate, rate date, source, basis).")
    p.add_argument("--to", required=True, metavar="CUR", help="target currency (ISO code, e.g. USD, KRW, JPY)")
    p.add_argument("--basis", choices=bases(), default="announcement", metavar="BASIS",
                   help="exchange-rate basis: announcement (default), fixed, annual or latest")
    p.add_argument("--as-of", type=_date, default=None, metavar="DATE", help="the date of the fixed basis (default: last day with rates)")
    p.add_argument("--real", type=int, nargs="?", const=DEFAULT_REAL_YEAR, default=None, metavar="YEAR",
                   help=f"constant US dollars of YEAR (default {DEFAULT_REAL_YEAR}; needs --to USD)")
    p.add_argument("--country", action="append", default=[], metavar="CC", help="keep this country (repeatable)")
    p.add_argument("--company", action="append", default=[], metavar="NAME", help="keep this company (repeatable)")
    p.add_argument("--category", action="append", default=[], choices=_schema("CATEGORIES"), metavar="CATEGORY",
                   help="keep this category (repeatable): fab, packaging, rnd, datacenter, ...")
    p.add_argument("--status", action="append", default=[], choices=_schema("STATUSES"), metavar="STATUS",
                   help="keep this status (repeatable): announced, approved, signed, under_construction, ...")
    p.add_argument("--since", type=_date, default=None, metavar="DATE", help="announced on or after DATE")
    p.add_argument("--until", type=_date, default=None, metavar="DATE", help="announced on or before DATE")
    p.add_argument("--search", default="", metavar="TEXT", help="free-text filter, as in the dashboard")
    p.add_argument("--db", default=None, metavar="URL_OR_PATH", help="your store (default: $SEMIDASH_DB, else the user data dir)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.csv", help="output file ('-' for standard output)")
    p.set_defaults(handler=_export)


def _serve(args: argparse.Namespace) -> int:
    from dashboard.ui.app import create_app

    app = create_app(db=args.db)  # the one app of this process, on the one store
    print(f"semidash: serving {app.semidash_store.display_url} on http://{args.host}:{args.port}/ (Ctrl+C stops)",
          file=sys.stderr)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def _export(args: argparse.Namespace) -> int:
    from dashboard.data import load_projects
    from dashboard.fx import available_currencies
    from dashboard.present.export import to_csv
    from dashboard.query import ViewState, select

    to = args.to.upper()
    if to not in available_currencies():
        raise UnknownCurrencyError(to, available_currencies())
    if args.real is not None and to != "USD":
        raise CliUsageError(f"--real {args.real} gives constant US dollars: use --to USD, not --to {to}")
    state = ViewState(
        currency=to, basis=args.basis, as_of=args.as_of, real=args.real is not None,
        real_year=args.real or DEFAULT_REAL_YEAR, countries=tuple(c.upper() for c in args.country),
        companies=tuple(args.company), categories=tuple(args.category), statuses=tuple(args.status),
        date_from=args.since, date_to=args.until, text=args.search,
    )
    frame = select(load_projects(db=args.db), state)
    text = to_csv(frame)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"semidash export: {len(frame)} rows in {to} ({args.basis}) -> {args.output}", file=sys.stderr)
    return 0

