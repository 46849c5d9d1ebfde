"""Every exception semidash raises on purpose: one base class, each subclass
also a builtin (``ValueError``, ``LookupError``, ``OSError``, ...).

Each error keeps the culprit as attributes and builds its message from them
(``describe()``; ``args`` holds the message, as for any exception), and it
pickles by its constructor's arguments, so it survives multiprocessing and task
queues with its class, attributes and message::

    >>> import pickle
    >>> from dashboard.errors import ParseError, SemidashError
    >>> issubclass(ParseError, ValueError) and issubclass(ParseError, SemidashError)
    True
    >>> err = pickle.loads(pickle.dumps(ParseError("2028년", "no amount", 0)))
    >>> str(err), err.position
    ("cannot parse '2028년' at position 0: no amount", 0)

New classes follow the same pattern: ``__init__`` hands its arguments, in
order, to ``self._keep(name=value, ...)`` (attributes and ``args``), and
``describe()`` writes the message from the attributes. To say where an error
happened, use ``error.at("row 3, field currency")`` rather than rewriting
``args``.
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
    "DownloadError",
]


class SemidashError(Exception):
    """Base class of every error semidash raises on purpose.

    Attribute: ``message``; subclasses keep their own attributes and write the
    message from them (:meth:`describe`). ``where`` (set by :meth:`at`) names
    the place, e.g. ``"row 3, field currency"``, and leads the message.

    >>> str(SemidashError("no rate").at("row 3, field currency"))
    'row 3, field currency: no rate'
    """

    where: str | None = None

    def __init__(self, message: str) -> None:
        self._keep(message=message)

    def _keep(self, **attributes: object) -> None:
        """Keep the constructor's arguments as attributes (and, in order, for pickling); ``args`` is the message."""
        for name, value in attributes.items():
            setattr(self, name, value)
        self.__dict__["_ctor"] = tuple(attributes.values())
        # Exception's own __init__ (OSError's would read two args as errno and strerror)
        Exception.__init__(self, self.describe())
        self.__dict__["_args"] = self.args

    @property
    def message(self) -> str:
        """The whole message (as ``str(error)``)."""
        return str(self)

    @message.setter
    def message(self, text: str) -> None:
        self.__dict__["_message"] = text

    def describe(self) -> str:
        """The message without the place; subclasses build it from their attributes."""
        return str(self.__dict__.get("_message", ""))

    def at(self, where: str) -> SemidashError:
        """Name the place of the error (it leads the message); returns the error itself."""
        self.where = where
        return self

    def __str__(self) -> str:
        if self.args != self.__dict__.get("_args", self.args):
            # args rewritten after construction (older code adds context that way): they are the message
            return str(self.args[0]) if self.args else ""
        text = self.describe()
        return f"{self.where}: {text}" if self.where else text

    def __reduce__(self):
        # rebuilt by calling the class with its constructor's arguments, then the attributes (and args as they are now)
        return (type(self), tuple(self.__dict__.get("_ctor", self.args)), {**self.__dict__, "_final_args": self.args})

    def __setstate__(self, state: dict) -> None:
        final = state.pop("_final_args", None)
        self.__dict__.update(state)
        if final is not None:
            self.args = final


class ParseError(SemidashError, ValueError):
    """Text could not be read as an amount or quantity.

    Attributes: ``text`` (the input), ``reason``, ``position`` (offset where
    reading failed, or ``None``).
    """

    def __init__(self, text: str, reason: str, position: int | None = None) -> None:
        self._keep(text=text, reason=reason, position=position)

    def describe(self) -> str:
        where = f" at position {self.position}" if self.position is not None else ""
        shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        return f"cannot parse {shown!r}{where}: {self.reason}"

class UnknownCurrencyError(SemidashError, LookupError):
    """A currency code that the FX layer has no rates for.

    Attributes: ``currency``, ``available`` (sorted codes that would do).
    """

    def __init__(self, currency: str, available: Sequence[str] = ()) -> None:
        self._keep(currency=currency, available=tuple(sorted(available)))

    def describe(self) -> str:
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

    def describe(self) -> str:
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

    def describe(self) -> str:
        return f"{self.store}: no user record with id {self.record_id!r}"

class ReadOnlyRecordError(StoreError, PermissionError):
    """An attempt to change or delete a curated (read-only) record.

    Attributes: ``record_id``, ``action`` (what was refused: ``"edited"``,
    ``"deleted"``, ``"read from the store"``).
    """

    def __init__(self, record_id: str, action: str) -> None:
        self._keep(record_id=record_id, action=action)

    def describe(self) -> str:
        return (f"{self.record_id!r} is a curated record and cannot be {self.action}; curated rows live in "
                "the package's data/projects.csv (change them there, with a source)")

class InputFileError(SemidashError, OSError):
    """An input file that cannot be read (missing, not allowed, not text).

    Attributes: ``path`` (as given), ``reason``.
    """

    def __init__(self, path: str, reason: str) -> None:
        self._keep(path=str(path), reason=reason)

    def describe(self) -> str:
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

    def describe(self) -> str:
        return f"{self.filename}: {self.reason}"

class CliUsageError(SemidashError, ValueError):
    """Command-line options that do not go together."""


class DownloadError(SemidashError, OSError):
    """A file could not be downloaded (network, HTTP status, time or size limit).

    Attributes: ``url`` and ``reason``.

    >>> import pickle
    >>> err = pickle.loads(pickle.dumps(DownloadError("https://example.org/x.zip", "HTTP 404 Not Found")))
    >>> str(err), err.url, err.reason
    ('cannot download https://example.org/x.zip: HTTP 404 Not Found', 'https://example.org/x.zip', 'HTTP 404 Not Found')
    """

    def __init__(self, url: str, reason: str) -> None:
        self._keep(url=url, reason=reason)

    def describe(self) -> str:
        return f"cannot download {self.url}: {self.reason}"
