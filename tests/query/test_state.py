"""Tests of dashboard.query: URL state round trip, filters, select."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard.query import ViewState, conversion_settings, filter_mask, select


def test_round_trip_of_every_field():
    """A state with every field changed survives to_query -> from_query unchanged."""
    s = ViewState(currency="KRW", basis="fixed", as_of=dt.date(2025, 4, 2), real=True, real_year=2020,
                  countries=("JP", "KR"), companies=("SK hynix", "A Corp"), categories=("fab", "rnd"),
                  statuses=("announced",), date_from=dt.date(2023, 1, 1), date_to=dt.date(2025, 12, 31),
                  text="yongin fab", log=True, color_by="category", compare=("a", "b"), tab="compare")
    assert ViewState.from_query(s.to_query()) == s


def test_defaults_give_empty_query():
    """The default state has an empty query string, so the bare URL is the default view."""
    assert ViewState().to_query() == ""


@pytest.mark.parametrize("query", ["cur=XYZ", "basis=monthly", "asof=2025-02-30", "year=1700", "tab=admin",
                                   "color=size", "category=casino", "status=dreaming", "country=Korea", "from=yesterday", "zzz=1"])
def test_bad_values_fall_back_to_defaults(query):
    """Unknown keys and bad values give the default state instead of an error."""
    assert ViewState.from_query(query) == ViewState()


def test_compare_is_capped_at_six():
    """At most six projects are compared; duplicates are dropped."""
    s = ViewState.from_query("compare=a&compare=a&" + "&".join(f"compare=p{i}" for i in range(10)))
    assert s.compare == ("a", "p0", "p1", "p2", "p3", "p4")


def test_filters(small):
    """Country, company (one of several names), category, dates and text filter rows."""
    mask = lambda **kw: small["id"][filter_mask(small, ViewState(**kw))].tolist()  # noqa: E731
    assert mask(countries=("KR", "JP")) == ["fab", "lab"]
    assert mask(companies=("B Corp",)) == ["plan"]
    assert mask(companies=("A Corp",)) == ["plan", "site"]
    assert mask(categories=("rnd",)) == ["lab"]
    assert mask(date_from=dt.date(2025, 1, 1)) == ["plan", "site"]
    assert mask(date_to=dt.date(2024, 12, 31)) == ["fab", "lab"]
    assert mask(text="400억") == ["lab"]
    assert mask(text="FIRST site") == ["site"]


def test_select_converts_and_sorts(small):
    """select converts to the target currency with rate provenance, largest first."""
    out = select(small, ViewState(currency="KRW"))
    assert out["id"].tolist() == ["plan", "site", "fab", "lab"]
    lab = out.set_index("id").loc["lab"]
    assert lab["fx_rate_date"] == dt.datetime(2023, 12, 21)
    assert 3.0e11 < lab["converted_value"] < 4.5e11
    assert out.set_index("id").loc["fab", "converted_value"] == 1.2e14


def test_select_reuses_conversion(small):
    """Changing only a filter does not convert again (same cached frame)."""
    from dashboard.query import convert

    a = convert(small, ViewState(currency="EUR"))
    select(small, ViewState(currency="EUR", countries=("KR",)))
    assert convert(small, ViewState(currency="EUR", text="x")) is a


def test_conversion_settings_real_only_in_usd():
    """Constant prices apply to USD only; the fixed basis defaults to the last rate day."""
    assert conversion_settings(ViewState(currency="JPY", real=True))[3] is None
    to, basis, as_of, year = conversion_settings(ViewState(basis="fixed", real=True, real_year=2020))
    assert (to, basis, year) == ("USD", "fixed", 2020) and as_of.year >= 2025
