"""Tests of dashboard.query.state: the field table, the URL round trip, the controls."""
from __future__ import annotations

import datetime as dt

import pytest

from dashboard.query import FIELDS, ViewState


def test_round_trip_of_every_field():
    """A state with every field changed survives to_query -> from_query unchanged."""
    s = ViewState(currency="KRW", basis="fixed", as_of=dt.date(2025, 4, 2), real=True, real_year=2020,
                  countries=("JP", "KR"), companies=("sk-hynix", "group:softbank", "A Corp"), categories=("fab", "rnd"),
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


def test_field_table_is_the_one_declaration():
    """Every ViewState field is one row: unique URL keys, unique (control, property), defaults equal ViewState()'s."""
    import dataclasses

    assert [f.name for f in FIELDS] == [f.name for f in dataclasses.fields(ViewState)]
    assert len({f.key for f in FIELDS}) == len(FIELDS)
    assert len({f.control for f in FIELDS}) == len(FIELDS)
    assert all(getattr(ViewState(), f.name) == f.default for f in FIELDS)


def test_controls_round_trip():
    """A state shown in the controls reads back as the same state; a bad control value falls back to its default."""
    s = ViewState(currency="KRW", basis="fixed", as_of=dt.date(2025, 4, 2), real=True, real_year=2020,
                  countries=("JP",), date_from=dt.date(2024, 1, 1), text="fab", log=True, compare=("a",), tab="map")
    values = s.to_controls()
    assert ViewState.from_controls(values) == s
    values[[f.name for f in FIELDS].index("real_year")] = 2020.0  # a number input may send a float
    assert ViewState.from_controls(values).real_year == 2020
    values[[f.name for f in FIELDS].index("basis")] = "monthly"
    assert ViewState.from_controls(values).basis == "announcement"


def test_tab_values_come_from_the_views_table():
    """Every view of dashboard.query.VIEWS is a valid tab, and nothing else is."""
    from dashboard.query import VIEW_NAMES

    assert all(ViewState.from_query(f"tab={v}").tab == v for v in VIEW_NAMES)
    assert ViewState.from_query("tab=grid").tab == "ranking"


def test_a_switch_written_wrong_is_off_and_said():
    """log=maybe / real=abc are read as off, and the link notice says how a switch is written; 0/off/no are quiet."""
    state, notes = ViewState.read_query("?log=maybe&real=abc")
    assert (state.log, state.real) == (False, False)
    assert any(n.startswith("log=maybe ignored: a switch is written log=1 (on) or log=0 (off)") for n in notes), notes
    assert any(n.startswith("real=abc ignored") for n in notes), notes
    for q in ("?log=0", "?log=off", "?log=no", "?log=false", "?log=", "?log=1", "?log=YES"):
        assert ViewState.read_query(q)[1] == [], q
    assert ViewState.read_query("?log=YES")[0].log is True


def test_choices_and_lists_in_any_case():
    """category=FAB is the fab category, tab=Map the map, basis=Annual the annual basis: no notice; a real typo still is."""
    state, notes = ViewState.read_query("?category=FAB&category=DataCenter&tab=Map&basis=Annual")
    assert state.categories == ("fab", "datacenter") and state.tab == "map" and state.basis == "annual"
    assert notes == []
    state, notes = ViewState.read_query("?category=FABS&category=fab")
    assert state.categories == ("fab",)
    assert notes == ["category=FABS ignored: unknown value"]
    assert ViewState.read_query("?category=FAB")[0].to_query() == ViewState(categories=("fab",)).to_query()
