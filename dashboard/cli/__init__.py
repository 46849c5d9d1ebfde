"""The ``semidash`` command line.

Each job owns one module in this package with a ``register(subparsers)``
function that adds its sub-commands; a sub-command's handler gets the parsed
arguments and returns an exit code. Project errors become one line on stderr,
never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from dashboard.errors import SemidashError

# modules of dashboard.cli that add sub-commands, in the order of --help
COMMAND_MODULES = ("parse", "data", "fx", "serve")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="semidash",
        description="Semiconductor and AI-infrastructure investment figures: parse, convert, curate, show.",
    )
    from dashboard import __version__

    parser.add_argument("--version", action="version", version=f"semidash {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(f"dashboard.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except SemidashError as exc:
        first = str(exc).splitlines()
        print(f"semidash {args.command}: error: {first[0] if first else type(exc).__name__}", file=sys.stderr)
        for line in first[1:]:
            print(line, file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `semidash extract big.txt | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
