"""The ``semidash`` command line.

Each job owns one module in this package with a ``register(subparsers)``
function that adds its sub-commands; a sub-command's handler gets the parsed
arguments and returns an exit code. Project errors become one line on stderr,
never a traceback.

Building the parser imports nothing heavy (no pandas, SQLAlchemy, Dash or
plotly): handlers import what they need when they run, and option choices
that live in heavy modules (rate bases, categories) are :class:`LazyChoices`,
looked up only when the option is used or the help is shown. So
``semidash parse 400억엔`` loads the parser and nothing more.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence

from dashboard.errors import SemidashError

# modules of dashboard.cli that add sub-commands, in the order of --help
COMMAND_MODULES = ("parse", "data", "fx", "ingest", "serve")


class LazyChoices:
    """Option choices computed on first use (``argparse`` only looks at them
    when the option is given or the help is printed).

    Give the option an explicit ``metavar``, or argparse lists the choices
    (and so computes them) while building the parser.

    >>> choices = LazyChoices(lambda: ("a", "b"))
    >>> "a" in choices, list(choices), "c" in choices
    (True, ['a', 'b'], False)
    """

    def __init__(self, get: Callable[[], Iterable[str]]) -> None:
        self._get = get
        self._values: tuple[str, ...] | None = None

    def _all(self) -> tuple[str, ...]:
        if self._values is None:
            self._values = tuple(self._get())
        return self._values

    def __contains__(self, value: object) -> bool:
        return value in self._all()

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


def bases() -> LazyChoices:
    """The rate bases of :data:`dashboard.fx.BASES`, looked up on use."""

    def get() -> tuple[str, ...]:
        from dashboard.fx import BASES

        return BASES

    return LazyChoices(get)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters take two.

    >>> display_width("400억엔"), display_width("abc")
    (7, 3)
    """
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print ``head`` and ``rows`` as aligned columns (CJK text counted by :func:`display_width`).

    >>> print_table(["a", "b"], [["400억엔", "x"]])
    a        b
    400억엔  x
    """
    widths = [max(display_width(x) for x in col) for col in zip(head, *rows)]
    for line in [head, *rows]:
        print("  ".join(x + " " * (w - display_width(x)) for x, w in zip(line, widths)).rstrip())


def read_article_text(name: str) -> str:
    """An article file (``-``: standard input) as text, with the dashboard upload's limits:
    at most :data:`dashboard.intake.article.MAX_UPLOAD_BYTES` (a bigger file is refused
    after reading one byte more), text or HTML, damaged bytes replaced with a warning on stderr."""
    from dashboard.intake.article import read_article_file

    article = read_article_file(name)
    if article.warning:
        print(f"semidash: warning: {article.warning}", file=sys.stderr)
    return article.text


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


def attach_dash_values(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """``argv`` with a value that starts with ``-`` joined to its option
    (``--project -Plus`` -> ``--project=-Plus``), so argparse takes it as the value.

    Only for options of the chosen sub-command that take exactly one value, and
    only when the next word is not itself one of its options (``--project -h``
    still asks for help). ``--project=-Plus`` always works too.

    >>> p = build_parser()
    >>> attach_dash_values(p, ["add", "--project", "-Plus", "--notes", "--db", "x.db"])
    ['add', '--project=-Plus', '--notes', '--db', 'x.db']
    """
    argv = list(argv)
    sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    command = next((i for i, a in enumerate(argv) if not a.startswith("-")), None)
    if sub is None or command is None or argv[command] not in sub.choices:
        return argv
    options = sub.choices[argv[command]]._option_string_actions
    out = argv[:command + 1]
    i = command + 1
    while i < len(argv):
        word = argv[i]
        if word == "--":
            out += argv[i:]
            break
        action = options.get(word)
        takes_one = (action is not None and action.nargs is None
                     and isinstance(action, (argparse._StoreAction, argparse._AppendAction)))
        if takes_one and i + 1 < len(argv) and argv[i + 1].startswith("-") and argv[i + 1] not in options \
                and argv[i + 1].split("=", 1)[0] not in options:
            out.append(f"{word}={argv[i + 1]}")
            i += 2
            continue
        out.append(word)
        i += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(attach_dash_values(parser, sys.argv[1:] if argv is None else argv))
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
    except (ValueError, LookupError, OSError) as exc:  # never a traceback: say what went wrong
        print(f"semidash {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a bug: one line, and how to get the traceback
        if os.environ.get("SEMIDASH_DEBUG"):
            raise
        print(f"semidash {args.command}: internal error: {type(exc).__name__}: {exc} "
              "(set SEMIDASH_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
