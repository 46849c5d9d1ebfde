"""Project exceptions: one base class, each subclass also a builtin.

Every error keeps the culprit as attributes and says it in its message, so a
caller (or the CLI) can print one clear line.

>>> from dashboard.errors import ParseError, SemidashError
>>> issubclass(ParseError, ValueError) and issubclass(ParseError, SemidashError)
True
"""
from __future__ import annotations


class SemidashError(Exception):
    """Base class of every error semidash raises on purpose."""


class ParseError(SemidashError, ValueError):
    """Text could not be read as an amount or quantity.

    Attributes: ``text`` (the input), ``position`` (offset where reading failed
    or ``None``), ``reason``.
    """

    def __init__(self, text: str, reason: str, position: int | None = None) -> None:
        self.text = text
        self.reason = reason
        self.position = position
        where = f" at position {position}" if position is not None else ""
        shown = text if len(text) <= 80 else text[:77] + "..."
        super().__init__(f"cannot parse {shown!r}{where}: {reason}")


class UnknownCurrencyError(SemidashError, LookupError):
    """A currency code that the FX layer has no rates for."""

    def __init__(self, currency: str, available: list[str] | tuple[str, ...] = ()) -> None:
        self.currency = currency
        self.available = tuple(sorted(available))
        listed = ", ".join(self.available) if self.available else "none"
        super().__init__(f"unknown currency {currency!r}; available: {listed}")


class RateNotFoundError(SemidashError, LookupError):
    """No published rate for a currency at (or before) a date."""


class DateOutOfRangeError(RateNotFoundError):
    """A date outside the span covered by a currency's rate data."""


class ValidationError(SemidashError, ValueError):
    """A data file or record failed validation; ``problems`` lists every one."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        head = f"{source}: " if source else ""
        n = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{head}{n} problem{'s' if n != 1 else ''}:\n{lines}")


class StoreError(SemidashError, RuntimeError):
    """The user's store could not be read or written."""


class DatasetNotFoundError(SemidashError, FileNotFoundError):
    """A projects file (bundled or given) does not exist."""


class RecordNotFoundError(StoreError, LookupError):
    """No user record with the given id in the store."""


class ReadOnlyRecordError(StoreError, PermissionError):
    """An attempt to change or delete a curated (read-only) record."""


class DownloadError(SemidashError, OSError):
    """A file could not be downloaded (network, HTTP status, or over the size limit).

    Attributes: ``url`` and ``reason``; the message is built from them, and
    the error pickles (``__reduce__``) with both.

    >>> import pickle
    >>> err = pickle.loads(pickle.dumps(DownloadError("https://example.org/x.zip", "HTTP 404 Not Found")))
    >>> str(err), err.url, err.reason
    ('cannot download https://example.org/x.zip: HTTP 404 Not Found', 'https://example.org/x.zip', 'HTTP 404 Not Found')
    """

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"cannot download {url}: {reason}")

    def __reduce__(self):
        return (type(self), (self.url, self.reason))

    def __str__(self) -> str:
        return f"cannot download {self.url}: {self.reason}"
