"""Tests for dashboard.data.companies: the bundled file, its checks and the alias index."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data import load_projects
from dashboard.data.companies import (
    alias_index,
    display_names,
    load_companies,
    read_companies,
    resolve_company,
    resolve_names,
)
from dashboard.errors import ValidationError


def test_bundled_companies_are_valid_and_softbank_is_two_companies_of_one_group():
    """One row per company; SoftBank Corp. and SoftBank Group are two companies of group softbank."""
    frame, problems = read_companies()
    assert problems == [] and frame["company_id"].is_unique and len(frame) >= 150
    c = load_companies()
    assert c.loc[["softbank-corp", "softbank-group"], "group_id"].tolist() == ["softbank", "softbank"]
    assert c.loc["softbank-group", "name_en"] == "SoftBank Group"


@pytest.mark.parametrize(("name", "cid"), [
    ("Samsung Electronics", "samsung-electronics"), ("삼성전자", "samsung-electronics"), ("サムスン電子", "samsung-electronics"),
    ("三星电子", "samsung-electronics"), ("SAMSUNG", "samsung-electronics"), ("softbank corp.", "softbank-corp"),
    ("SBG", "softbank-group"), ("台積電", "tsmc"), ("Taiwan Semiconductor Manufacturing Company Limited", "tsmc"),
    ("Amazon", "amazon"), ("AWS", "aws"), ("Alphabet", "alphabet"), ("  nvidia  corporation ", "nvidia"),
])
def test_alias_index_is_case_insensitive_over_every_language(name, cid):
    """Every name, in any of the languages, resolves to one id, case and spacing aside."""
    assert resolve_company(name) == cid


def test_unknown_names_stay_free_text():
    """resolve_names splits known companies from free-text names, keeping order."""
    assert resolve_names("OpenAI; Acme Fabs; SoftBank Group") == (["openai", "softbank-group"], ["Acme Fabs"])
    assert resolve_company("Acme Fabs") is None and "acme fabs" not in alias_index()


def test_projects_resolve_and_show_display_names():
    """Every company_ids entry of the projects resolves; the loader shows display names."""
    df = load_projects(include_user=False).set_index("id")
    ids = set(load_companies()["company_id"])
    used = {c for v in df["company_ids"] for c in v.split(";")}
    assert used <= ids
    assert df.loc["softbank-sharp-sakai-acquisition", "company"].startswith("SoftBank Corp.")
    assert display_names(pd.Series(["softbank-group;openai", None])).tolist()[0] == "SoftBank Group; OpenAI"


def test_a_name_for_two_companies_and_bad_cells_are_all_reported(tmp_path):
    """An alias naming two companies, a bad id and an empty group are each reported with file and line."""
    path = tmp_path / "companies.csv"
    path.write_text(
        "company_id,name_en,names_ko,names_ja,names_zh,aliases,group_id,country\n"
        "amazon,Amazon,,,,,amazon,US\n"
        "aws,Amazon Web Services,,,,Amazon;AWS,amazon,US\n"
        "Bad Id,Someone,,,,,,XX\n", encoding="utf-8")
    _, problems = read_companies(path)
    assert problems == [
        f"{path}:3: column 'aliases': 'Amazon' already names 'amazon' (line 2); a name may point at one company only",
        f"{path}:4: column 'company_id': 'Bad Id' is not an id: use lower-case letters, digits and single hyphens (e.g. 'softbank-group')",
        f"{path}:4: column 'group_id': is empty; a value is required",
        f"{path}:4: column 'country': 'XX' is not an ISO 3166-1 alpha-2 country code (EU for EU bodies)",
    ]
    with pytest.raises(ValidationError, match="4 problems"):
        load_companies(path)


def test_company_token_reads_ids_names_groups_and_text():
    """A filter word becomes an id (id in any case, any name or alias), a group (group:ID, or a bare
    group id that no company has), else stays text."""
    from dashboard.data.companies import company_token

    assert company_token("TSMC") == "tsmc"  # the id: the company, not its group
    assert company_token("group:TSMC") == "group:tsmc"
    assert company_token("softbank") == "group:softbank"  # no company has the id softbank
    assert company_token("SoftBank Group") == company_token("sbg") == company_token("소프트뱅크그룹") == "softbank-group"
    assert company_token("group:nosuch") == "group:nosuch" and company_token("  Acme   Fabs ") == "Acme Fabs"
    assert company_token("   ") == ""


def test_matcher_picks_groups_joint_rows_and_text():
    """A group picks every member; a joint row is picked by any partner; text starts a word of any name."""
    from dashboard.data.companies import CompanyMatcher, company_groups

    group = CompanyMatcher(["group:softbank"])
    assert group.ids == set(company_groups()["softbank"]) == {"softbank-group", "softbank-corp", "sb-energy", "idc-frontier"}
    assert group("idc-frontier", "IDC Frontier Inc.") and group("openai;softbank-group;oracle;mgx", "")
    assert not group("openai;oracle", "OpenAI; Oracle")
    text = CompanyMatcher(["bank"])
    assert not text("softbank-group", "") and CompanyMatcher(["soft"])("softbank-group", "")
    assert CompanyMatcher(["acme"])("", "Beta; Acme Fabs") and not CompanyMatcher(["acme"])("", "Nacme")
    assert CompanyMatcher(["三星"])("samsung-electronics", "")  # names in other scripts, anywhere
    assert not CompanyMatcher([])("tsmc", "TSMC")
