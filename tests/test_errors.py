"""Tests of dashboard.errors: every exception pickles with its class, attributes and message."""
from __future__ import annotations

import inspect
import pickle

import pytest

from dashboard import errors
from dashboard.errors import SemidashError

# one constructor call per class, and the message it must say (every class of dashboard.errors is listed)
EXAMPLES: dict[type, tuple[tuple, str]] = {
    errors.SemidashError: (("something went wrong",), "something went wrong"),
    errors.ParseError: (("2028년", "no amount or quantity with a unit", 0),
                        "cannot parse '2028년' at position 0: no amount or quantity with a unit"),
    errors.UnknownCurrencyError: (("XYZ", ["USD", "KRW"]), "unknown currency 'XYZ'; available: KRW, USD"),
    errors.RateNotFoundError: (("no JPY rate on or before 1998-01-01",), "no JPY rate on or before 1998-01-01"),
    errors.DateOutOfRangeError: (("TWD has no rate for 2010-11-21",), "TWD has no rate for 2010-11-21"),
    errors.ValidationError: ((["f.csv:2: column 'x': bad"], "f.csv"), "f.csv: 1 problem:\n  f.csv:2: column 'x': bad"),
    errors.StoreError: (("sqlite:///x.db: database error: locked",), "sqlite:///x.db: database error: locked"),
    errors.RecordNotFoundError: (("sqlite:///x.db", "nope"), "sqlite:///x.db: no user record with id 'nope'"),
    errors.ReadOnlyRecordError: (("stargate-project", "deleted"),
                                 "'stargate-project' is a curated record and cannot be deleted; curated rows live in "
                                 "the package's data/projects.csv (change them there, with a source)"),
    errors.InputFileError: (("article.txt", "cannot read (Permission denied)"), "article.txt: cannot read (Permission denied)"),
    errors.DatasetNotFoundError: (("/no/projects.csv",), "/no/projects.csv: no such file"),
    errors.ArticleError: (("news.html", "the file is empty"), "news.html: the file is empty"),
    errors.CliUsageError: (("--real 2020 gives constant US dollars: use --to USD, not --to JPY",),
                           "--real 2020 gives constant US dollars: use --to USD, not --to JPY"),
    errors.DownloadError: (("https://example.org/x.zip", "HTTP 404 Not Found"),
                           "cannot download https://example.org/x.zip: HTTP 404 Not Found"),
}

CLASSES = [c for _, c in inspect.getmembers(errors, inspect.isclass)
           if issubclass(c, SemidashError) and c.__module__ == errors.__name__]


def test_every_class_has_an_example():
    """Each exception class of dashboard.errors is in EXAMPLES (a new class needs its round-trip test)."""
    assert sorted(c.__name__ for c in CLASSES) == sorted(c.__name__ for c in EXAMPLES)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_pickle_round_trip_keeps_class_attributes_and_message(cls):
    """pickle.loads(pickle.dumps(e)) is the same class, with the same attributes, args and message (args[0] is the message)."""
    args, message = EXAMPLES[cls]
    err = cls(*args)
    assert str(err) == message and err.args == (message,)
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is cls
    assert str(again) == message and again.args == err.args
    assert vars(again) == vars(err)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_each_class_is_a_builtin_too(cls):
    """Every project error is also a builtin exception a caller may already catch (ValueError, LookupError, OSError...)."""
    builtin = [b for b in inspect.getmro(cls) if b.__module__ == "builtins" and b not in (Exception, BaseException, object)]
    assert builtin or cls is SemidashError


def test_attributes_name_the_culprit():
    """The culprit is kept as attributes, not only in the text."""
    e = errors.ParseError("400억", "no currency", 4)
    assert (e.text, e.reason, e.position) == ("400억", "no currency", 4)
    assert errors.UnknownCurrencyError("XYZ", ["USD"]).available == ("USD",)
    assert errors.ValidationError(["a", "b"]).problems == ["a", "b"]
    missing = errors.DatasetNotFoundError("/x.csv")
    assert isinstance(missing, FileNotFoundError) and missing.path == "/x.csv"
    assert errors.RecordNotFoundError("db", "r1").record_id == "r1"


def test_errors_cross_a_process_pool():
    """An error raised in a worker process arrives whole (class, attributes, message) in the parent."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        with pytest.raises(errors.ParseError, match=r"cannot parse '2028년'") as info:
            pool.submit(_raise_parse_error).result()
    assert info.value.position == 0


def _raise_parse_error():
    from dashboard.parse import parse_amount

    parse_amount("2028년")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_place_leads_the_message_and_pickles(cls):
    """error.at(where) puts the place first; the round trip keeps it."""
    args, message = EXAMPLES[cls]
    err = cls(*args).at("row 3, field currency")
    assert str(err) == f"row 3, field currency: {message}"
    assert str(pickle.loads(pickle.dumps(err))) == str(err)


def test_rewritten_args_are_the_message_and_pickle():
    """Code that rewrites args to add context (the FX layer today) still gets its text, also after pickling."""
    err = errors.UnknownCurrencyError("ABC", ["USD"])
    err.args = (f"row 1, field currency: {err.args[0]}",)
    assert str(err) == "row 1, field currency: unknown currency 'ABC'; available: USD"
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is errors.UnknownCurrencyError and again.currency == "ABC" and str(again) == str(err)
