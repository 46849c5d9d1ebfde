"""Every exception semidash raises on purpose: one base class, each subclass
also a builtin (``ValueError``, ``LookupError``, ``OSError``, ...).

Each error keeps the culprit as attributes and builds its message from them
(``__str__``), and its ``args`` are exactly its constructor's arguments, so it
survives pickling (multiprocessing, task queues) with its class, attributes and
message::

    >>> import pickle
    >>> from dashboard.errors import ParseError, SemidashError
    >>> issubclass(ParseError, ValueError) and issubclass(ParseError, SemidashError)
    True
    >>> err = pickle.loads(pickle.dumps(ParseError("2028년", "no amount", 0)))
    >>> str(err), err.position
    ("cannot parse '2028년' at position 0: no amount", 0)

New classes follow the same pattern: store the attributes, pass the
constructor's arguments (positionally, in order) to ``super().__init__`` and
write ``__str__`` from the attributes.
"""
from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "SemidashError",
    "ParseError",
    "UnknownCurrencyError",
    "RateNotFoundError",
    "DateOutOfRangeError",
    "ValidationError",
    "StoreError",
    "RecordNotFoundError",
    "ReadOnlyRecordError",
    "InputFileError",
    "DatasetNotFoundError",
    "ArticleError",
    "CliUsageError",
]


class SemidashError(Exception):
    """Base class of every error semidash raises on purpose.

    Attribute: ``message``. Subclasses with more attributes build the message
    from them.
    """

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        # the constructor's arguments are self.args (each class passes them on), the attributes follow
        return (type(self), tuple(self.args), self.__dict__)


class ParseError(SemidashError, ValueError):
    """Text could not be read as an amount or quantity.

    Attributes: ``text`` (the input), ``reason``, ``position`` (offset where
    reading failed, or ``None``).
    """

    def __init__(self, text: str, reason: str, position: int | None = None) -> None:
        self.text = text
        self.reason = reason
        self.position = position
        Exception.__init__(self, text, reason, position)

    def __str__(self) -> str:
        where = f" at position {self.position}" if self.position is not None else ""
        shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        return f"cannot parse {shown!r}{where}: {self.reason}"

    @property
    def message(self) -> str:
        return str(self)


class UnknownCurrencyError(SemidashError, LookupError):
    """A currency code that the FX layer has no rates for.

    Attributes: ``currency``, ``available`` (sorted codes that would do).
    """

    def __init__(self, currency: str, available: Sequence[str] = ()) -> None:
        self.currency = currency
        self.available = tuple(sorted(available))
        Exception.__init__(self, currency, self.available)

    def __str__(self) -> str:
        listed = ", ".join(self.available) if self.available else "none"
        return f"unknown currency {self.currency!r}; available: {listed}"

    @property
    def message(self) -> str:
        return str(self)


class RateNotFoundError(SemidashError, LookupError):
    """No published rate for a currency at (or before) a date."""


class DateOutOfRangeError(RateNotFoundError):
    """A date outside the span covered by a currency's rate data (or the CPI data)."""


class ValidationError(SemidashError, ValueError):
    """A data file or record failed validation; ``problems`` lists every one,
    ``source`` names the file or store (or is ``None``)."""

    def __init__(self, problems: Sequence[str], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        Exception.__init__(self, self.problems, source)

    def __str__(self) -> str:
        head = f"{self.source}: " if self.source else ""
        n = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        return f"{head}{n} problem{'s' if n != 1 else ''}:\n{lines}"

    @property
    def message(self) -> str:
        return str(self)


class StoreError(SemidashError, RuntimeError):
    """The user's store could not be read or written."""


class RecordNotFoundError(StoreError, LookupError):
    """No user record with the given id in the store.

    Attributes: ``store`` (the store's display URL), ``record_id``.
    """

    def __init__(self, store: str, record_id: str) -> None:
        self.store = store
        self.record_id = record_id
        Exception.__init__(self, store, record_id)

    def __str__(self) -> str:
        return f"{self.store}: no user record with id {self.record_id!r}"

    @property
    def message(self) -> str:
        return str(self)


class ReadOnlyRecordError(StoreError, PermissionError):
    """An attempt to change or delete a curated (read-only) record.

    Attributes: ``record_id``, ``action`` (what was refused: ``"edited"``,
    ``"deleted"``, ``"read from the store"``).
    """

    def __init__(self, record_id: str, action: str) -> None:
        self.record_id = record_id
        self.action = action
        Exception.__init__(self, record_id, action)

    def __str__(self) -> str:
        return (f"{self.record_id!r} is a curated record and cannot be {self.action}; curated rows live in "
                "the package's data/projects.csv (change them there, with a source)")

    @property
    def message(self) -> str:
        return str(self)


class InputFileError(SemidashError, OSError):
    """An input file that cannot be read (missing, not allowed, not text).

    Attributes: ``path`` (as given), ``reason``.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        # OSError reads a 2-tuple of args as (errno, strerror): keep OSError's own fields empty
        Exception.__init__(self, self.path, reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    @property
    def message(self) -> str:
        return str(self)


class DatasetNotFoundError(InputFileError, FileNotFoundError):
    """A projects file (bundled or given) does not exist."""

    def __init__(self, path: str, reason: str = "no such file") -> None:
        super().__init__(path, reason)


class ArticleError(SemidashError, ValueError):
    """An uploaded article that cannot be read (too large, empty, undecodable).

    Attributes: ``filename``, ``reason``.
    """

    def __init__(self, filename: str, reason: str) -> None:
        self.filename = filename
        self.reason = reason
        Exception.__init__(self, filename, reason)

    def __str__(self) -> str:
        return f"{self.filename}: {self.reason}"

    @property
    def message(self) -> str:
        return str(self)


class CliUsageError(SemidashError, ValueError):
    """Command-line options that do not go together."""
