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
                   help="keep projects of this company: its id (tsmc), any name or alias in any script and case "
                        "(SBG, 소프트뱅크), a whole group (group:softbank, or a bare group id such as softbank: "
                        "SoftBank Group, SoftBank Corp., SB Energy, IDC Frontier), else text inside a company name; "
                        "repeatable. A joint project is kept when any partner matches")
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


def _company_tokens(words: list[str], projects) -> tuple[tuple[str, ...], str]:
    """``--company`` values as the dashboard's filter tokens (an id, ``group:ID``
    or text inside a name, see :func:`dashboard.data.companies.company_token`)
    and the companies they pick in the data, for the summary line. A word that
    picks no row is an error naming it."""
    from dashboard.data.companies import CompanyMatcher, company_token, load_companies
    from dashboard.query import company_names
    from dashboard.query.selection import company_mask

    tokens = tuple(dict.fromkeys(t for t in (company_token(w) for w in words) if t))
    unmatched = [w for w, t in zip(words, (company_token(w) for w in words)) if not t or not company_mask(projects, (t,)).any()]
    if unmatched:
        names = company_names(projects["company"])
        raise CliUsageError(f"--company {', '.join(repr(u) for u in unmatched)}: no project's company goes by it or has it "
                            f"in a name (any case; ids, names in any script, aliases and group:ID work; e.g. "
                            f"{', '.join(names[:8])}, …)")
    rows = projects[company_mask(projects, tokens)]
    names = load_companies()["name_en"]
    match = CompanyMatcher(tokens)
    picked: set[str] = set()
    for ids, shown in zip(rows["company_ids"].fillna("").astype(str), rows["company"].fillna("").astype(str)):
        ids_list = [c for c in ids.split(";") if c]
        pairs = [(c, "") for c in ids_list] if ids_list else [("", n) for n in shown.split("; ")]
        picked.update(str(names.get(c, n)) for c, n in pairs if match(c, n))
    return tokens, ", ".join(sorted(picked, key=str.casefold))


def _export(args: argparse.Namespace) -> int:
    from dashboard.data import load_projects
    from dashboard.present.export import export_filename, provenance_rows, to_csv, to_xlsx
    from dashboard.query import ViewState, select
    from dashboard.query.bases import BASIS_PHRASES
    from dashboard.query.selection import conversion_settings
    from dashboard.query.state import offered_currencies

    to = args.to.upper()
    projects = load_projects(db=args.db)
    dates = projects["announced_date"].dropna()
    offered = offered_currencies(dates.min().date(), dates.max().date()) if len(dates) else offered_currencies()
    if to not in offered:
        raise UnknownCurrencyError(to, offered)
    if args.real is not None and to != "USD":
        raise CliUsageError(f"--real {args.real} gives constant US dollars: use --to USD, not --to {to}")
    companies: tuple[str, ...] = ()
    picked_names = ""
    if args.company:
        companies, picked_names = _company_tokens(args.company, projects)
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
        picked = f" (companies: {picked_names})" if args.company else ""
        print(f"semidash export: {len(frame)} rows in {to} ({args.basis}){picked} -> {output}", file=sys.stderr)
    return 0
