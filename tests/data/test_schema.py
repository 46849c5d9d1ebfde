"""Tests for dashboard.data.schema: the pandera schema and its messages."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from dashboard.data.schema import (
    CATEGORIES,
    COLUMNS,
    COORD_PRECISIONS,
    FUNDING,
    RELATIONS,
    SCOPES,
    STATUSES,
    build_schema,
    check_frame,
    country_codes,
    USER_COLUMNS,
    locale_of,
    parse_money,
    period_start,
    text_frame,
)


def _where(label: object) -> str:
    return f"t.csv:{label}"


def _row(**changes: object) -> dict:
    base = {
        "id": "stargate-project", "project": "Stargate", "company_ids": "openai;softbank-group",
        "country": "US", "category": "datacenter", "scope": "programme", "status": "under_construction",
        "status_as_of": "2025-09-23", "announced": "2025-01-21", "amount_reported": "US$500 billion",
        "source_url": "https://tiatra.com/?p=48913", "last_verified": "2026-12-01",
    }
    base.update(changes)
    return base


def _check(*rows: dict, **kw) -> list[str]:
    return check_frame(text_frame(rows, index=range(2, 2 + len(rows))), where=_where, **kw)


def test_valid_row_has_no_problems():
    """A complete, correct row passes every check."""
    assert _check(_row()) == []


def test_enums_match_the_interface():
    """Categories, statuses, scopes, funding kinds, relations and precisions are dataset v2's vocabulary."""
    assert CATEGORIES == ("fab", "packaging", "rnd", "datacenter", "acquisition", "subsidy", "fund", "equipment",
                          "materials", "programme")
    assert STATUSES == ("announced", "approved", "signed", "under_construction", "operating", "delayed", "suspended",
                        "cancelled", "completed", "enacted")
    assert SCOPES == ("site", "programme", "company_plan", "company_capex", "fund")
    assert FUNDING == ("private", "public_grant", "public_loan", "tax_credit", "public_private", "equity")
    assert RELATIONS == ("part_of", "funds", "supersedes")
    assert COORD_PRECISIONS == ("site", "city", "region", "country")


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
        ("status", "done", r"column 'status': 'done' is not a status; valid: announced, approved, signed"),
        ("status", "planned", r"column 'status': 'planned' is not a status"),
        ("scope", "pledge", r"column 'scope': 'pledge' is not a scope; valid: site, programme, company_plan"),
        ("funding", "grant", r"column 'funding': 'grant' is not a funding kind; valid: private, public_grant"),
        ("coord_precision", "street", r"column 'coord_precision': 'street' is not a coordinate precision; valid: site"),
        ("status_as_of", "2025-13", r"column 'status_as_of': '2025-13' is not a real date"),
        ("last_verified", "", r"column 'last_verified': is empty; a value is required"),
        ("status_source_url", "example.org", r"column 'status_source_url': 'example.org' is not an http\(s\) URL"),
        ("company_ids", "OpenAI", r"column 'company_ids': 'OpenAI' is not a list of ids separated by ';'"),
        ("amount_reported", "$60 billion and $5 billion",
         r"column 'amount_reported': '\$60 billion and \$5 billion' is not an amount of money \(more than one amount"),
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
        "t.csv:2: column 'period_end_year': '2020' is before the year announced (allowed for scope company_capex only)",
        "t.csv:2: column 'parent_id': 'nowhere' refers to no existing id",
        "t.csv:2: column 'relation': '' with parent_id 'nowhere': parent_id and relation must be given together",
    ]


def test_parent_may_point_at_known_ids_and_not_at_itself():
    """parent_id may name an id outside the frame when it is known, never the row itself."""
    assert _check(_row(id="abilene", parent_id="stargate-project", relation="part_of"),
                  known_ids={"stargate-project"}) == []
    [problem] = _check(_row(parent_id="stargate-project", relation="part_of"))
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


def test_company_ids_must_resolve_and_name_the_closest():
    """Each company_ids entry must be a known id; an unknown one is named with the closest ids."""
    known = {"openai", "softbank-group", "softbank-corp"}
    assert _check(_row(), company_ids=known) == []
    [problem] = _check(_row(company_ids="openai;softbank"), company_ids=known)
    assert problem == ("t.csv:2: column 'company_ids': 'openai;softbank' names company_id(s) not in companies.csv: "
                       "'softbank' (closest: softbank-corp, softbank-group); add the company there or use an id it lists")


def test_relation_and_parent_come_together_and_cycles_are_refused():
    """A relation without parent_id is refused, and parent links may not loop."""
    [problem] = _check(_row(relation="funds"))
    assert problem == "t.csv:2: column 'relation': 'funds' with parent_id '': parent_id and relation must be given together"
    a = _row(id="a", parent_id="b", relation="part_of")
    b = _row(id="b", parent_id="a", relation="part_of")
    problems = _check(a, b)
    assert problems == ["t.csv:2: column 'parent_id': 'b' makes a cycle of parent_id links",
                        "t.csv:3: column 'parent_id': 'a' makes a cycle of parent_id links"]


def test_ranges_and_bounds_are_amounts_and_locale_follows_country():
    """Ranges and qualified amounts pass; a bare 元 in a Taiwanese row is read as TWD."""
    for text in ("$60 billion to $65 billion", "more than $15 billion", "up to EUR 5 billion", "€30-50 billion"):
        assert _check(_row(amount_reported=text)) == [], text
    assert parse_money("3000億元", locale_of("TW")).currency == "TWD"
    assert parse_money("3000億元", locale_of("JP")).currency == "CNY"


def test_user_rows_may_leave_last_verified_empty_but_need_a_company():
    """A user's record needs no last_verified; it needs company_ids or free-text company."""
    user = _row(last_verified=None, company_ids=None, company="Acme Fabs")
    frame = text_frame([user], index=[2], columns=USER_COLUMNS)
    assert check_frame(frame, where=_where, user=True) == []
    frame = text_frame([{**user, "company": None}], index=[2], columns=USER_COLUMNS)
    assert check_frame(frame, where=_where, user=True) == [
        "t.csv:2: column 'company': is empty; a value is required (a company name, or its id in company_ids)"]
