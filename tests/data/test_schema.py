"""Tests for dashboard.data.schema: the pandera schema and its messages."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from dashboard.data.schema import (
    CATEGORIES,
    COLUMNS,
    STATUSES,
    build_schema,
    check_frame,
    country_codes,
    period_start,
    text_frame,
)


def _where(label: object) -> str:
    return f"t.csv:{label}"


def _row(**changes: object) -> dict:
    base = {
        "id": "stargate-project", "project": "Stargate", "company": "OpenAI; SoftBank Group",
        "country": "US", "category": "datacenter", "status": "under_construction",
        "announced": "2025-01-21", "amount_reported": "US$500 billion",
        "source_url": "https://tiatra.com/?p=48913",
    }
    base.update(changes)
    return base


def _check(*rows: dict, **kw) -> list[str]:
    return check_frame(text_frame(rows, index=range(2, 2 + len(rows))), where=_where, **kw)


def test_valid_row_has_no_problems():
    """A complete, correct row passes every check."""
    assert _check(_row()) == []


def test_enums_match_the_interface():
    """Categories and statuses are the ones the common interface lists."""
    assert CATEGORIES == ("fab", "packaging", "rnd", "datacenter", "acquisition", "subsidy", "fund", "equipment")
    assert STATUSES == ("announced", "planned", "under_construction", "operating", "completed", "delayed", "cancelled")


def test_country_codes_are_iso_alpha2_plus_eu():
    """pycountry's 249 ISO 3166-1 codes plus EU; user-assigned codes like XK are refused."""
    codes = country_codes()
    assert len(codes) == 250 and {"KR", "JP", "US", "TW", "CN", "IN", "AE", "EU"} <= codes
    assert "XK" not in codes and "UK" not in codes


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("announced", "2025-13-45", r"t\.csv:2: column 'announced': '2025-13-45' is not a real date"),
        ("announced", "2025-02-30", r"column 'announced': '2025-02-30' is not a real date"),
        ("announced", "March 2025", r"column 'announced': 'March 2025' is not a real date"),
        ("country", "UK", r"column 'country': 'UK' is not an ISO 3166-1 alpha-2"),
        ("category", "foundry", r"column 'category': 'foundry' is not a category; valid: fab, packaging"),
        ("status", "done", r"column 'status': 'done' is not a status; valid: announced, planned"),
        ("id", "Stargate_1", r"column 'id': 'Stargate_1' is not an id"),
        ("lat", "91", r"column 'lat': '91' is not a latitude"),
        ("source_url", "www.example.org/a", r"column 'source_url': 'www.example.org/a' is not an http\(s\) URL"),
        ("period_end_year", "29", r"column 'period_end_year': '29' is not a year"),
        ("gpus", "1.5", r"column 'gpus': '1.5' is not a non-negative whole number"),
        ("power_mw", "-1", r"column 'power_mw': '-1' is not a non-negative number"),
        ("wafers_per_month", "many", r"column 'wafers_per_month': 'many' is not a non-negative number"),
        ("project", "", r"column 'project': is empty; a value is required"),
    ],
)
def test_each_check_names_line_column_and_value(column, value, message):
    """One bad cell gives exactly one problem naming line 2, the column and the value."""
    extra = {"lon": "0"} if column == "lat" else {}
    problems = _check(_row(**{column: value}, **extra))
    assert len(problems) == 1, problems
    assert re.search(message, problems[0]), problems[0]


def test_future_announcement_is_refused():
    """An announcement date after today is reported with today's date."""
    next_year = str(dt.date.today().year + 1)
    [problem] = _check(_row(announced=next_year, amount_reported=None))
    assert problem == f"t.csv:2: column 'announced': '{next_year}' is after today ({dt.date.today().isoformat()})"


def test_cross_column_checks():
    """lat without lon, an end year before the announcement and a missing parent are each reported once."""
    problems = _check(_row(lat="30.1", period_end_year="2020", parent_id="nowhere"))
    assert problems == [
        "t.csv:2: column 'lat': '30.1' with lon '': lat and lon must be given together",
        "t.csv:2: column 'period_end_year': '2020' is before the year announced",
        "t.csv:2: column 'parent_id': 'nowhere' refers to no existing id",
    ]


def test_parent_may_point_at_known_ids_and_not_at_itself():
    """parent_id may name an id outside the frame when it is known, never the row itself."""
    assert _check(_row(id="abilene", parent_id="stargate-project"), known_ids={"stargate-project"}) == []
    [problem] = _check(_row(parent_id="stargate-project"))
    assert problem.endswith("column 'parent_id': 'stargate-project' refers to the row itself")


def test_duplicate_id_points_at_the_first_line():
    """The second use of an id names the line of the first."""
    problems = _check(_row(), _row(project="again"))
    assert problems == ["t.csv:3: column 'id': 'stargate-project' is a duplicate of the id at t.csv:2"]


def test_reserved_ids_use_the_given_reason():
    """Reserved ids are refused with the caller's reason."""
    [problem] = _check(_row(), reserved_ids={"stargate-project"}, reserved_reason=lambda i: f"{i} is curated")
    assert problem == "t.csv:2: column 'id': 'stargate-project' stargate-project is curated"


def test_problems_are_sorted_by_row_then_column_order():
    """Problems come in file order: by row, then by the column order of the CSV."""
    problems = _check(_row(status="x", country="??"), _row(id="b", announced="2025-00"))
    assert [p.split(": column ")[1].split(":")[0] for p in problems] == ["'country'", "'status'", "'announced'"]
    assert problems[0].startswith("t.csv:2:") and problems[2].startswith("t.csv:3:")


def test_money_check_reports_the_parser_reason():
    """An amount the parser cannot read, or a non-money quantity, is refused with the parser's reason."""
    [problem] = _check(_row(amount_reported="a lot"))
    assert problem.startswith("t.csv:2: column 'amount_reported': 'a lot' is not an amount of money (")
    [problem] = _check(_row(amount_reported="1.2 GW"))
    assert "column 'amount_reported': '1.2 GW' is not an amount of money (this is a" in problem


def test_schema_is_a_pandera_schema_with_every_column():
    """build_schema gives a pandera DataFrameSchema covering every CSV column."""
    import pandera.pandas as pa

    schema = build_schema()
    assert isinstance(schema, pa.DataFrameSchema)
    assert tuple(schema.columns) == COLUMNS


def test_period_start_is_first_day():
    """Year and month periods start on their first day; impossible dates become NaT."""
    out = period_start(pd.Series(["2019", "2024-02", "2024-02-29", "2023-02-29"]))
    assert out.tolist()[:3] == [pd.Timestamp("2019-01-01"), pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-29")]
    assert pd.isna(out.iloc[3])


def test_text_frame_turns_values_into_stripped_text():
    """Numbers become text, blanks and None become missing."""
    frame = text_frame([{"id": " a ", "gpus": 100000, "power_mw": 1.5, "city": "  ", "notes": None}])
    assert frame.loc[0, "id"] == "a" and frame.loc[0, "gpus"] == "100000" and frame.loc[0, "power_mw"] == "1.5"
    assert pd.isna(frame.loc[0, "city"]) and pd.isna(frame.loc[0, "notes"])
