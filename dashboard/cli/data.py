"""Sub-commands for the projects data: ``add``, ``import``, ``list``, ``validate``.

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
    ("--company", "company", "company or companies (required)"),
    ("--country", "country", "ISO 3166-1 alpha-2 code, e.g. JP (required)"),
    ("--city", "city", "city or site"),
    ("--lat", "lat", "latitude in degrees"),
    ("--lon", "lon", "longitude in degrees"),
    ("--category", "category", "fab, packaging, rnd, datacenter, acquisition, subsidy, fund or equipment (required)"),
    ("--status", "status", "announced (default), planned, under_construction, operating, completed, delayed or cancelled"),
    ("--announced", "announced", "announcement date: YYYY-MM-DD, YYYY-MM or YYYY (required)"),
    ("--amount", "amount_reported", "the figure as reported, e.g. '400억엔' or 'US$20 billion'"),
    ("--period-end-year", "period_end_year", "last year of the investment period"),
    ("--gpus", "gpus", "number of GPUs"),
    ("--power-mw", "power_mw", "power in MW"),
    ("--wafers-per-month", "wafers_per_month", "capacity in wafers per month"),
    ("--parent-id", "parent_id", "id of the umbrella project this one belongs to"),
    ("--source-url", "source_url", "http(s) URL of the source (required)"),
    ("--source-publisher", "source_publisher", "publisher of the source"),
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


def _add(args: argparse.Namespace) -> int:
    from dashboard.data.store import Store

    from dashboard.errors import ValidationError

    record = {dest: getattr(args, dest) for _, dest, _ in _ADD_FIELDS if getattr(args, dest) is not None}
    with Store(args.db) as store:
        try:
            new_id = store.add(record)
        except ValidationError as exc:  # name the option beside the column
            problems = exc.problems
            for flag, dest, _ in _ADD_FIELDS:
                problems = [p.replace(f"column '{dest}':", f"column '{dest}' ({flag}):") for p in problems]
            raise ValidationError(problems, source=exc.source) from None
        print(f"added {new_id} to {store.display_url}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from dashboard.data.load import read_table
    from dashboard.data.schema import REQUIRED
    from dashboard.data.store import Store
    from dashboard.errors import ValidationError

    from dashboard.data.schema import COLUMNS

    path = Path(args.file)
    frame, problems = read_table(path, require=[c for c in REQUIRED if c != "id"])
    unknown = [c for c in frame.columns if c not in COLUMNS]
    if unknown:  # a misspelt column would otherwise be dropped without a word
        names = ", ".join(repr(c) for c in unknown)
        problems = [f"{path}:1: unknown column{'s' if len(unknown) > 1 else ''} {names}; "
                    f"the columns are: {', '.join(COLUMNS)}", *problems]
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
    frame, _ = read_table(path)
    amounts = int(frame["amount_reported"].notna().sum())
    parents = int(frame["parent_id"].notna().sum())
    print(f"{path}: OK, {len(frame)} rows, {amounts} amounts parsed, {parents} parent links, 0 problems")
    return 0
