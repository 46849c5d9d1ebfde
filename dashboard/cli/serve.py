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

    p = subparsers.add_parser("export", help="write the projects, converted, as CSV or XLSX (the dashboard's download)",
                              description="Write the selected projects converted to one currency, largest first, with "
                                          "the provenance of every number (rate, rate date, source, basis) and in_total: "
                                          "the dashboard's total is the sum of converted_value over the in_total rows.")
    p.add_argument("--to", default="USD", metavar="CUR", help="target currency (ISO code, e.g. USD, KRW, JPY; default USD)")
    p.add_argument("--format", choices=("csv", "xlsx"), default=None,
                   help="csv or xlsx (default: from the -o file name, else csv)")
    p.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 byte-order mark (Excel opens it right)")
    p.add_argument("--basis", choices=bases(), default="announcement", metavar="BASIS",
                   help="exchange-rate basis: %(choices)s (default %(default)s)")
    p.add_argument("--as-of", type=_date, default=None, metavar="DATE", help="the date of the fixed basis (default: last day with rates)")
    p.add_argument("--real", type=int, nargs="?", const=DEFAULT_REAL_YEAR, default=None, metavar="YEAR",
                   help=f"constant US dollars of YEAR (default {DEFAULT_REAL_YEAR}; needs --to USD)")
    p.add_argument("--country", action="append", default=[], metavar="CC", help="keep this country (repeatable)")
    p.add_argument("--company", action="append", default=[], metavar="NAME",
                   help="keep companies whose name contains NAME, any case, or that go by NAME (소프트뱅크, SBG), or the "
                        "companies of a group with group:ID (group:softbank); repeatable. softbank finds SoftBank Corp. "
                        "and SoftBank Group")
    p.add_argument("--category", action="append", default=[], choices=_schema("CATEGORIES"), metavar="CATEGORY",
                   help="keep this category (repeatable): %(choices)s")
    p.add_argument("--status", action="append", default=[], choices=_schema("STATUSES"), metavar="STATUS",
                   help="keep this status (repeatable): %(choices)s")
    p.add_argument("--since", type=_date, default=None, metavar="DATE", help="announced on or after DATE")
    p.add_argument("--until", type=_date, default=None, metavar="DATE", help="announced on or before DATE")
    p.add_argument("--search", default="", metavar="TEXT", help="free-text filter, as in the dashboard")
    p.add_argument("--db", default=None, metavar="URL_OR_PATH", help="your store (default: $SEMIDASH_DB, else the user data dir)")
    p.add_argument("-o", "--output", default=None, metavar="FILE",
                   help="output file, '-' for standard output (default: a file in the current directory named after "
                        "the currency and basis, e.g. semidash-projects-USD-announcement-2026-12-01.csv)")
    p.set_defaults(handler=_export)


def _serve(args: argparse.Namespace) -> int:
    from dashboard.ui.app import create_app

    app = create_app(db=args.db)  # the one app of this process, on the one store
    print(f"semidash: serving {app.semidash_store.display_url} on http://{args.host}:{args.port}/ (Ctrl+C stops)",
          file=sys.stderr)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def _company_words(words: list[str], names: list[str]) -> list[str]:
    """``--company`` values with known aliases turned into display names and
    ``group:ID`` into every company of that group (other words are kept for
    the case-blind name match)."""
    from dashboard.data.companies import load_companies, resolve_company

    table = load_companies().set_index("company_id")
    out: list[str] = []
    for word in words:
        if word.lower().startswith("group:"):
            members = table.index[table["group_id"] == word.split(":", 1)[1].strip().lower()]
            out.extend(table.loc[members, "name_en"].tolist() or [word])
            continue
        cid = resolve_company(word)
        alias = table.loc[cid, "name_en"] if cid is not None and cid in table.index else None
        if alias is None or any(word.casefold() in n.casefold() for n in names):
            out.append(word)  # matched by name (softbank: SoftBank Corp. and SoftBank Group)
        if alias is not None and alias not in out:
            out.append(alias)  # another name it goes by (소프트뱅크, SBG)
    return out


def _export(args: argparse.Namespace) -> int:
    from dashboard.data import load_projects
    from dashboard.present.export import export_filename, provenance_rows, to_csv, to_xlsx
    from dashboard.query import ViewState, company_names, select
    from dashboard.query.bases import BASIS_PHRASES
    from dashboard.query.selection import conversion_settings
    from dashboard.query.state import match_names, offered_currencies

    to = args.to.upper()
    projects = load_projects(db=args.db)
    dates = projects["announced_date"].dropna()
    offered = offered_currencies(dates.min().date(), dates.max().date()) if len(dates) else offered_currencies()
    if to not in offered:
        raise UnknownCurrencyError(to, offered)
    if args.real is not None and to != "USD":
        raise CliUsageError(f"--real {args.real} gives constant US dollars: use --to USD, not --to {to}")
    companies: tuple[str, ...] = ()
    if args.company:
        names = company_names(projects["company"])
        companies, unmatched = match_names(_company_words(args.company, names), names)
        if unmatched:
            raise CliUsageError(f"--company {', '.join(repr(u) for u in unmatched)}: no company name contains it "
                                f"(names are matched in any case; e.g. {', '.join(names[:8])}, …)")
    fmt = args.format or ("xlsx" if (args.output or "").lower().endswith(".xlsx") else "csv")
    state = ViewState(
        currency=to, basis=args.basis, as_of=args.as_of, real=args.real is not None,
        real_year=args.real or DEFAULT_REAL_YEAR, countries=tuple(c.upper() for c in args.country),
        companies=companies, categories=tuple(args.category), statuses=tuple(args.status),
        date_from=args.since, date_to=args.until, text=args.search,
    )
    frame = select(projects, state)
    if len(frame) == 0:
        print("semidash export: 0 rows match these filters (nothing to write)", file=sys.stderr)
        return 1
    output = args.output or export_filename(to, args.basis, real_year=args.real, ext=fmt)
    if fmt == "xlsx":
        _, _, as_of, real_year = conversion_settings(state)
        about = provenance_rows(frame, currency=to, basis=args.basis, basis_text=BASIS_PHRASES[args.basis], as_of=as_of,
                                real_year=real_year, link="?" + state.to_query())
        data = to_xlsx(frame, about=about)
        if output == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            Path(output).write_bytes(data)
    else:
        text = to_csv(frame, bom=args.bom)
        if output == "-":
            sys.stdout.write(text)
        else:
            Path(output).write_text(text, encoding="utf-8")
    if output != "-":
        picked = f" (companies: {', '.join(companies)})" if args.company else ""
        print(f"semidash export: {len(frame)} rows in {to} ({args.basis}){picked} -> {output}", file=sys.stderr)
    return 0
