"""Sub-commands for money: ``convert``, ``audit``, ``fx bounds``, ``fx update``.

``convert AMOUNT`` reads the amount as people write it (``400억엔``,
``US$1.5bn``, ``1e9 USD``) and prints the converted value with its rate
record; ``audit`` checks the conversions an article reports; ``fx bounds``
lists every currency's date range; ``fx update`` installs a newer ECB file.
"""
from __future__ import annotations

import argparse
import json
import re
import sys

from dashboard.cli import print_table

_PLAIN = re.compile(r"^\s*([-+]?\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*([A-Za-z]{3})\s*$")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``convert``, ``audit`` and ``fx`` (with ``bounds`` and ``update``)."""
    from dashboard.cli import bases

    p = subparsers.add_parser(
        "convert",
        help="convert an amount to another currency, with the rate's date and source",
        description="Convert AMOUNT (e.g. 400억엔, 'US$1.5 billion', '2e9 JPY') to CUR.",
    )
    p.add_argument("amount", metavar="AMOUNT", help="the amount as written, currency included")
    p.add_argument("--to", required=True, metavar="CUR", help="target ISO 4217 code, e.g. USD")
    p.add_argument("--date", metavar="D", help="date of the record: YYYY-MM-DD, YYYY-MM or YYYY")
    p.add_argument("--basis", choices=bases(), default="announcement", metavar="BASIS",
                   help="which rate: %(choices)s (default %(default)s)")
    p.add_argument("--as-of", metavar="D", help="the one date of basis 'fixed'")
    p.add_argument("--real", type=int, metavar="YEAR", help="constant US dollars of YEAR (CPI-U); needs --to USD")
    p.add_argument("--nearest", action="store_true", help="outside the data, use the nearest bound (and say so)")
    p.add_argument("--locale", help="locale hint for reading AMOUNT, e.g. ko_KR")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_convert)

    p = subparsers.add_parser(
        "audit",
        help="check the currency conversions an article reports",
        description="Read an article (FILE or - for stdin) and print one row per restated money figure "
        "with its implied rate, the reference rate of --date, and the deviation.",
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="article text (default: stdin)")
    p.add_argument("--date", required=True, metavar="D", help="the article's date")
    p.add_argument("--tolerance", type=float, default=0.03, metavar="T", help="flag above this relative deviation")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--locale", help="locale hint, e.g. ko_KR")
    p.set_defaults(handler=_audit)

    p = subparsers.add_parser("fx", help="exchange-rate data: bounds, update", description="Exchange-rate data.")
    fx_sub = p.add_subparsers(dest="fx_command", metavar="ACTION")
    fx_sub.required = True
    b = fx_sub.add_parser("bounds", help="list currencies with their first and last dates and sources")
    b.add_argument("--json", action="store_true", help="print JSON")
    b.set_defaults(handler=_bounds)
    u = fx_sub.add_parser(
        "update",
        help="download the current ECB history file, check it and install it",
        description="Download the ECB history file, check it (parses, has USD/JPY/..., dates in order, "
        "no less coverage than the file in use) and replace the local copy atomically.",
    )
    u.add_argument("--url", default=None, help="where to fetch from (default: the ECB's history file, as in sources.json)")
    u.add_argument("--max-mb", type=float, default=None, metavar="MB",
                   help="refuse a download or unpacked CSV larger than MB megabytes (default: 16 and 32)")
    u.set_defaults(handler=_update)


def _amount(text: str, locale: str | None) -> tuple[float, str]:
    m = _PLAIN.match(text)
    if m:
        return float(m.group(1).replace("_", "")), m.group(2).upper()
    from dashboard.errors import ParseError
    from dashboard.parse import parse_amount

    fig = parse_amount(text, locale=locale)
    if fig.kind != "money":
        raise ParseError(text, f"{fig.text!r} is a quantity ({fig.unit}), not an amount of money")
    return fig.value, fig.currency


def _convert(args: argparse.Namespace) -> int:
    from dashboard.fx import convert

    value, currency = _amount(args.amount, args.locale)
    basis, note = args.basis, None
    if args.date is None and basis in ("announcement", "annual"):
        # no record date to take the rate of: the latest rates, and say so
        basis = "latest"
        note = "no --date given: using the latest rates (give --date YYYY-MM-DD for the rate of that day)"
    c = convert(
        value,
        currency,
        args.to.upper(),
        date=args.date,
        basis=basis,
        as_of=args.as_of,
        real_year=args.real,
        fallback="nearest" if args.nearest else None,
    )
    out = {
        "value": c.value,
        "currency": c.currency,
        "rate": c.rate,
        "rate_date": c.rate_date.isoformat(),
        "source": c.source,
        "origins": [o.id for o in c.origins],
        "basis": c.basis,
        "from_value": c.original_value,
        "from_currency": c.original_currency,
        "date": args.date,
        "fallback": c.fallback,
        "note": note,
    }
    if c.real_year is not None:
        out.update(nominal_value=c.nominal_value, deflator=c.deflator, real_year=c.real_year, cpi_source=c.cpi_source)
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    from dashboard.present.format import format_human

    unit = f"{c.real_year} USD" if c.real_year is not None else c.currency
    print(format_human(c.value, c.currency) + (f" ({c.real_year} prices)" if c.real_year is not None else ""))
    print(f"  exactly {c.value:,.2f} {unit} (--json for every digit)")
    print(f"  rate {c.rate:.6g} {c.currency}/{c.original_currency} of {c.rate_date} ({c.basis})")
    print(f"  source: {c.source}")
    if c.real_year is not None:
        print(f"  deflator {c.deflator:.4f}: {c.cpi_source}")
    if note:
        print(f"  note: {note}")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from dashboard.fx import audit_conversions

    from dashboard.cli import read_article_text

    text = read_article_text(args.file)
    df = audit_conversions(text, args.date, tolerance=args.tolerance, locale=args.locale)
    records = []
    for row in df.itertuples(index=False):  # output formatting of a handful of rows
        records.append(
            {
                "original": row.original,
                "reported": row.reported,
                "implied_rate": row.implied_rate,
                "reference_rate": row.reference_rate,
                "rate_date": row.rate_date.isoformat(),
                "deviation": row.deviation,
                "flagged": bool(row.flagged),
                "matches": f"matches rates of {row.matches}" if row.matches else None,
                "source": row.source,
            }
        )
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    if not records:
        print("no restated money figures found")
        return 0
    head = ["original", "reported", "implied_rate", "reference_rate", "rate_date", "deviation", "flagged", "matches"]
    cells = [
        [
            r["original"],
            r["reported"],
            f"{r['implied_rate']:.6g}",
            f"{r['reference_rate']:.6g}",
            r["rate_date"],
            f"{r['deviation']:+.1%}",
            "yes" if r["flagged"] else "no",
            r["matches"] or "",
        ]
        for r in records
    ]
    print_table(head, cells)
    return 0


def _bounds(args: argparse.Namespace) -> int:
    from dashboard.fx import get_table

    table = get_table()
    rows = []
    for code, (first, last) in table.bounds().items():
        j = table.index[code]
        rows.append({"currency": code, "first": first.isoformat(), "last": last.isoformat(),
                     "source": table.sources[j], "origins": list(table.col_origins[j]),
                     "discontinued": bool(table.discontinued[j])})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        mark = "  (discontinued)" if r["discontinued"] else ""
        print(f"{r['currency']}  {r['first']}  {r['last']}  {r['source']}{mark}")
    return 0


def _update(args: argparse.Namespace) -> int:
    from dashboard.fx import update_rates

    limits = {}
    if args.max_mb is not None:
        limits = {"max_download": int(args.max_mb * 2**20), "max_uncompressed": int(args.max_mb * 2**20)}
    res = update_rates(args.url, **limits)
    print(
        f"installed {res.path}: {len(res.currencies)} currencies, {res.first} to {res.last} "
        f"(previous data ended {res.previous_last})"
    )
    return 0


__all__ = ["register"]
