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

New classes follow the same pattern: ``__init__`` hands its arguments, in
order, to ``self._keep(name=value, ...)`` (attributes and ``args``), and
``__str__`` writes the message from the attributes.
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
    from them (``__str__``); ``message`` is then the same text.
    """

    @property
    def message(self) -> str:
        return self.__dict__.get("_message") or str(self)

    @message.setter
    def message(self, text: str) -> None:
        self.__dict__["_message"] = text

    def __init__(self, message: str) -> None:
        self._keep(message=message)

    def _keep(self, **attributes: object) -> None:
        """Keep the constructor's arguments as attributes and as ``args`` (in order), for pickling."""
        for name, value in attributes.items():
            setattr(self, name, value)
        # Exception's own __init__: OSError's would read two args as (errno, strerror)
        Exception.__init__(self, *attributes.values())

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        # rebuilt by calling the class with its constructor's arguments, then the attributes
        return (type(self), tuple(self.args), self.__dict__)


class ParseError(SemidashError, ValueError):
    """Text could not be read as an amount or quantity.

    Attributes: ``text`` (the input), ``reason``, ``position`` (offset where
    reading failed, or ``None``).
    """

    def __init__(self, text: str, reason: str, position: int | None = None) -> None:
        self._keep(text=text, reason=reason, position=position)

    def __str__(self) -> str:
        where = f" at position {self.position}" if self.position is not None else ""
        shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        return f"cannot parse {shown!r}{where}: {self.reason}"

class UnknownCurrencyError(SemidashError, LookupError):
    """A currency code that the FX layer has no rates for.

    Attributes: ``currency``, ``available`` (sorted codes that would do).
    """

    def __init__(self, currency: str, available: Sequence[str] = ()) -> None:
        self._keep(currency=currency, available=tuple(sorted(available)))

    def __str__(self) -> str:
        listed = ", ".join(self.available) if self.available else "none"
        return f"unknown currency {self.currency!r}; available: {listed}"

class RateNotFoundError(SemidashError, LookupError):
    """No published rate for a currency at (or before) a date."""


class DateOutOfRangeError(RateNotFoundError):
    """A date outside the span covered by a currency's rate data (or the CPI data)."""


class ValidationError(SemidashError, ValueError):
    """A data file or record failed validation; ``problems`` lists every one,
    ``source`` names the file or store (or is ``None``)."""

    def __init__(self, problems: Sequence[str], source: str | None = None) -> None:
        self._keep(problems=list(problems), source=source)

    def __str__(self) -> str:
        head = f"{self.source}: " if self.source else ""
        n = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        return f"{head}{n} problem{'s' if n != 1 else ''}:\n{lines}"

class StoreError(SemidashError, RuntimeError):
    """The user's store could not be read or written."""


class RecordNotFoundError(StoreError, LookupError):
    """No user record with the given id in the store.

    Attributes: ``store`` (the store's display URL), ``record_id``.
    """

    def __init__(self, store: str, record_id: str) -> None:
        self._keep(store=store, record_id=record_id)

    def __str__(self) -> str:
        return f"{self.store}: no user record with id {self.record_id!r}"

class ReadOnlyRecordError(StoreError, PermissionError):
    """An attempt to change or delete a curated (read-only) record.

    Attributes: ``record_id``, ``action`` (what was refused: ``"edited"``,
    ``"deleted"``, ``"read from the store"``).
    """

    def __init__(self, record_id: str, action: str) -> None:
        self._keep(record_id=record_id, action=action)

    def __str__(self) -> str:
        return (f"{self.record_id!r} is a curated record and cannot be {self.action}; curated rows live in "
                "the package's data/projects.csv (change them there, with a source)")

class InputFileError(SemidashError, OSError):
    """An input file that cannot be read (missing, not allowed, not text).

    Attributes: ``path`` (as given), ``reason``.
    """

    def __init__(self, path: str, reason: str) -> None:
        self._keep(path=str(path), reason=reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

class DatasetNotFoundError(InputFileError, FileNotFoundError):
    """A projects file (bundled or given) does not exist."""

    def __init__(self, path: str, reason: str = "no such file") -> None:
        super().__init__(path, reason)


class ArticleError(SemidashError, ValueError):
    """An uploaded article that cannot be read (too large, empty, undecodable).

    Attributes: ``filename``, ``reason``.
    """

    def __init__(self, filename: str, reason: str) -> None:
        self._keep(filename=filename, reason=reason)

    def __str__(self) -> str:
        return f"{self.filename}: {self.reason}"

class CliUsageError(SemidashError, ValueError):
    """Command-line options that do not go together."""
