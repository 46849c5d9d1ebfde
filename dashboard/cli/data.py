"""Sub-commands for the projects data: ``add``, ``edit``, ``delete``, ``import``, ``list``, ``validate``.

``add`` and ``import`` write to the user's store (``--db``, else ``$SEMIDASH_DB``,
else a SQLite file in the user's data directory) after validating everything;
``validate`` checks a projects CSV (default: the bundled one) and prints every
problem as ``PATH:LINE: column 'X': 'value' ...``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# option name -> column; every optional column of the table has a flag
_ADD_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("--id", "id", "record id (lower-case slug); made from the project name if not given"),
    ("--project", "project", "project name (required)"),
    ("--company", "company", "company or companies by name, ';'-separated (names in companies.csv become ids; "
                             "others are kept as text); this or --company-ids is required"),
    ("--company-ids", "company_ids", "company ids from companies.csv, ';'-separated (e.g. softbank-group;openai)"),
    ("--country", "country", "ISO 3166-1 alpha-2 code, e.g. JP (required)"),
    ("--city", "city", "city or site"),
    ("--lat", "lat", "latitude in degrees"),
    ("--lon", "lon", "longitude in degrees"),
    ("--coord-precision", "coord_precision", "what lat/lon point at: site, city, region or country"),
    ("--category", "category", "fab, packaging, rnd, datacenter, acquisition, subsidy, fund, equipment, materials "
                               "or programme (required)"),
    ("--scope", "scope", "site (default), programme, company_plan, company_capex or fund"),
    ("--funding", "funding", "private, public_grant, public_loan, tax_credit, public_private or equity"),
    ("--status", "status", "announced (default), approved, signed, under_construction, operating, delayed, suspended, "
                           "cancelled, completed or enacted"),
    ("--status-as-of", "status_as_of", "date the status was true: YYYY-MM-DD, YYYY-MM or YYYY (default: today)"),
    ("--status-source-url", "status_source_url", "http(s) URL of the page that states the status"),
    ("--announced", "announced", "announcement date: YYYY-MM-DD, YYYY-MM or YYYY (required)"),
    ("--amount", "amount_reported", "the figure as reported, e.g. '400억엔' or 'US$20 billion'"),
    ("--period-end-year", "period_end_year", "last year of the investment period"),
    ("--gpus", "gpus", "number of GPUs"),
    ("--power-mw", "power_mw", "power in MW"),
    ("--wafers-per-month", "wafers_per_month", "capacity in wafers per month"),
    ("--parent-id", "parent_id", "id of the row this one sits inside, funds or supersedes"),
    ("--relation", "relation", "part_of (default with --parent-id), funds or supersedes"),
    ("--source-url", "source_url", "http(s) URL of the source (required)"),
    ("--source-publisher", "source_publisher", "publisher of the source"),
    ("--last-verified", "last_verified", "date you last checked the record against its source (YYYY-MM-DD)"),
    ("--notes", "notes", "free text"),
)

_LIST_COLUMNS = ["id", "project", "company", "country", "category", "status", "announced", "amount_reported"]


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL_OR_PATH", default=None,
        help="store: a SQLAlchemy URL or a SQLite file path (default: $SEMIDASH_DB, else the user data dir)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``add``, ``import``, ``list`` and ``validate`` sub-commands."""
    p = subparsers.add_parser("add", help="add one record to your store (validated first)",
                              description="Add one record to your store. The record is checked with the "
                                          "same schema as the curated data; nothing is written if it fails.")
    for flag, dest, text in _ADD_FIELDS:
        p.add_argument(flag, dest=dest, metavar=dest.upper(), help=text,
                       default="announced" if dest == "status" else None)
    _db_option(p)
    p.set_defaults(handler=_add)

    p = subparsers.add_parser("edit", help="change fields of one of your records (validated first)",
                              description="Change the given fields of record ID in your store; other fields stay. "
                                          "Curated records cannot be edited. An empty value ('') clears a field.")
    p.add_argument("record_id", metavar="ID", help="the record's id (see `semidash list`)")
    for flag, dest, text in _ADD_FIELDS:
        if dest != "id":
            p.add_argument(flag, dest=dest, metavar=dest.upper(), help=text, default=None)
    _db_option(p)
    p.set_defaults(handler=_edit)

    p = subparsers.add_parser("delete", help="delete one of your records",
                              description="Delete record ID from your store (curated records cannot be deleted; "
                                          "a record that is another record's parent_id is kept until those change).")
    p.add_argument("record_id", metavar="ID", help="the record's id (see `semidash list`)")
    _db_option(p)
    p.set_defaults(handler=_delete)

    p = subparsers.add_parser("import", help="add every record of a CSV file to your store (all or nothing)",
                              description="Validate every row of FILE (columns as in the bundled projects.csv; "
                                          "id may be missing or empty), then add all rows in one transaction.")
    p.add_argument("file", metavar="FILE.csv", help="CSV file with a header row")
    _db_option(p)
    p.set_defaults(handler=_import)

    p = subparsers.add_parser("list", help="show the records in your store")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)")
    _db_option(p)
    p.set_defaults(handler=_list)

    p = subparsers.add_parser("validate", help="check a projects CSV and print every problem",
                              description="Check a projects CSV (default: the bundled dataset). Prints each problem "
                                          "as PATH:LINE: column 'X': 'value' ...; exit code 1 if there is any.")
    p.add_argument("path", nargs="?", default=None, metavar="PATH", help="CSV file (default: the bundled projects.csv)")
    p.set_defaults(handler=_validate)


def _codes(record: dict) -> dict:
    """Codes in any case, as the record form takes them: ``--country jp`` is JP, ``--status Operating`` operating."""
    out = dict(record)
    country = out.get("country")
    if isinstance(country, str) and len(country.strip()) == 2:  # a code; anything else is reported as written
        out["country"] = country.strip().upper()
    for key in ("category", "status"):
        if isinstance(out.get(key), str):
            out[key] = out[key].strip().lower()
    return out


def _add(args: argparse.Namespace) -> int:
    from dashboard.data.store import Store

    from dashboard.errors import ValidationError

    record = _codes({dest: getattr(args, dest) for _, dest, _ in _ADD_FIELDS if getattr(args, dest) is not None})
    with Store(args.db) as store:
        try:
            new_id = store.add(record)
        except ValidationError as exc:
            raise _with_options(exc) from None
        print(f"added {new_id} to {store.display_url}")
    return 0


def _with_options(exc):
    """The store's ValidationError with each command-line option named beside its column."""
    from dashboard.errors import ValidationError

    problems = exc.problems
    for flag, dest, _ in _ADD_FIELDS:
        problems = [p.replace(f"column '{dest}':", f"column '{dest}' ({flag}):") for p in problems]
    return ValidationError(problems, source=exc.source)


def _edit(args: argparse.Namespace) -> int:
    from dashboard.data.store import Store
    from dashboard.errors import CliUsageError, ValidationError

    fields = _codes({dest: (getattr(args, dest) or None) for _, dest, _ in _ADD_FIELDS
                     if dest != "id" and getattr(args, dest) is not None})
    if not fields:
        raise CliUsageError("edit: give at least one field to change, e.g. --status operating")
    with Store(args.db) as store:
        try:
            store.update(args.record_id, fields)
        except ValidationError as exc:
            raise _with_options(exc) from None
        print(f"edited {args.record_id} in {store.display_url}: {', '.join(sorted(fields))}")
    return 0


def _delete(args: argparse.Namespace) -> int:
    from dashboard.data.store import Store

    with Store(args.db) as store:
        store.delete(args.record_id)
        print(f"deleted {args.record_id} from {store.display_url}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from dashboard.data.load import read_table
    from dashboard.data.schema import REQUIRED_USER, USER_COLUMNS
    from dashboard.data.store import Store
    from dashboard.errors import ValidationError

    path = Path(args.file)
    # the defaults of a user record fill scope and status_as_of when the file has no such columns
    require = [c for c in REQUIRED_USER if c not in ("id", "scope", "status_as_of")]
    frame, problems = read_table(path, require=require, columns=USER_COLUMNS)
    unknown = [c for c in frame.columns if c not in USER_COLUMNS]
    if unknown:  # a misspelt column would otherwise be dropped without a word
        names = ", ".join(repr(c) for c in unknown)
        problems = [f"{path}:1: unknown column{'s' if len(unknown) > 1 else ''} {names}; "
                    f"the columns are: {', '.join(USER_COLUMNS)}", *problems]
    if problems:
        raise ValidationError(problems, source=str(path))
    with Store(args.db) as store:
        ids = store.add_many(frame, source=str(path))
        print(f"imported {len(ids)} record{'s' if len(ids) != 1 else ''} from {path} into {store.display_url}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from dashboard.data.store import Store

    with Store(args.db) as store:
        frame = store.list()
        where = store.display_url
    if args.format == "csv":
        frame.drop(columns=["created_at", "updated_at"]).to_csv(sys.stdout, index=False)
    elif args.format == "json":
        out = frame.drop(columns=["created_at", "updated_at"]).astype(object)
        records = out.where(out.notna(), None).to_dict("records")
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif frame.empty:
        print(f"no records in {where}")
    else:
        shown = frame[_LIST_COLUMNS].astype(object).where(frame[_LIST_COLUMNS].notna(), "")
        print(shown.to_string(index=False))
        print(f"{len(frame)} record{'s' if len(frame) != 1 else ''} in {where}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from dashboard.data.load import bundled_path, read_table, validate_projects

    path = bundled_path() if args.path is None else Path(args.path)
    problems = validate_projects(path)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{path}: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return 1
    from dashboard.data.companies import load_companies
    from dashboard.data.load import load_projects

    df = load_projects(path, include_user=False)
    amounts = int(df["amount_value"].notna().sum())
    parents = int(df["parent_id"].notna().sum())
    verified = int(df["last_verified"].notna().sum())
    companies = len(load_companies())

    def counts(col: str) -> str:
        return ", ".join(f"{k} {v}" for k, v in df[col].value_counts().items())

    print(f"{path}: OK, {len(df)} rows, {amounts} amounts parsed, {parents} parent links, 0 problems")
    print(f"  verified (last_verified set): {verified}; in totals (in_total): {int(df['in_total'].sum())}; "
          f"companies: {companies}")
    print(f"  scope: {counts('scope')}")
    print(f"  status: {counts('status')}")
    print(f"  relation: {counts('relation')}")
    print(f"  amount_bound: {counts('amount_bound')}")
    print(f"  countries: {df['country'].nunique()} ({counts('country')})")
    return 0
