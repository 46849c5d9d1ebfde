"""Tests for dashboard.data.load: reading, validating and typing the projects file."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from dashboard.data import CATEGORIES, COLUMNS, STATUSES, TYPED_COLUMNS, load_projects, validate_projects
from dashboard.data.load import bundled_path, metadata_path, read_table
from dashboard.data.schema import REQUIRED, locale_of
from dashboard.errors import DatasetNotFoundError, ValidationError
from dashboard.parse import parse_reported

from tests.helpers import BROKEN_CSV, SHIPPED, SHIPPED_METADATA, VALID_CSV



def _shipped_rows() -> list[dict[str, str]]:
    with open(SHIPPED, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- the broken fixture: every problem, with line and column -------------------


@pytest.mark.parametrize(
    "expected",
    [
        r"projects_broken\.csv:2: column 'announced': '2025-13-45' is not a real date",
        r"projects_broken\.csv:4: column 'id': 'Bad Id' is not an id",
        r"projects_broken\.csv:4: column 'company_ids': is empty; a value is required",
        r"projects_broken\.csv:4: column 'country': 'XX' is not an ISO 3166-1 alpha-2",
        r"projects_broken\.csv:4: column 'lat': '134\.56' is not a latitude",
        r"projects_broken\.csv:4: column 'category': 'shopping' is not a category; valid: fab, packaging, rnd",
        r"projects_broken\.csv:4: column 'amount_reported': 'lots of money' is not an amount of money",
        r"projects_broken\.csv:4: column 'source_url': 'ftp://example\.org/a' is not an http\(s\) URL",
        r"projects_broken\.csv:5: column 'lat': '34\.5600' with lon '': lat and lon must be given together",
        r"projects_broken\.csv:5: column 'status': 'rumoured' is not a status",
        r"projects_broken\.csv:5: column 'period_end_year': '2024' is before the year announced",
        r"projects_broken\.csv:5: column 'gpus': '-5' is not a non-negative whole number",
        r"projects_broken\.csv:5: column 'parent_id': 'nowhere' refers to no existing id",
        r"projects_broken\.csv:6: column 'id': 'samsung-yokohama-apl' is a duplicate of the id at \S+projects_broken\.csv:2",
        r"projects_broken\.csv:6: column 'amount_reported': '100000 GPUs' is not an amount of money",
        r"projects_broken\.csv:6: column 'period_end_year': '2023\.5' is not a year",
        r"projects_broken\.csv:6: column 'parent_id': 'samsung-yokohama-apl' refers to the row itself",
        r"projects_broken\.csv:7: expected 26 fields as in the header, found 4",
    ],
)
def test_broken_file_raises_with_line_and_column(expected):
    """load_projects lists each deliberate problem with its physical line (after a two-line cell) and column."""
    with pytest.raises(ValidationError, match=expected):
        load_projects(BROKEN_CSV, include_user=False)


def test_broken_file_lists_all_problems_at_once():
    """All 18 problems come in one error, sorted by line; nothing stops at the first."""
    with pytest.raises(ValidationError) as info:
        load_projects(BROKEN_CSV, include_user=False)
    problems = info.value.problems
    assert len(problems) == 18
    lines = [int(p.split("projects_broken.csv:")[1].split(":")[0]) for p in problems]
    assert lines == sorted(lines) and set(lines) == {2, 4, 5, 6, 7}
    assert problems == validate_projects(BROKEN_CSV)
    assert str(info.value).startswith(f"{BROKEN_CSV}: 18 problems:")


def test_header_problems(tmp_path):
    """A missing column is named on line 1 with the expected columns; its cells are not reported again."""
    path = tmp_path / "p.csv"
    text = VALID_CSV.read_text(encoding="utf-8").replace(",source_url,", ",url,", 1)
    path.write_text(text, encoding="utf-8")
    problems = validate_projects(path)
    assert problems == [f"{path}:1: missing column(s): source_url; expected columns: {', '.join(COLUMNS)}"]


def test_empty_and_non_utf8_files(tmp_path):
    """An empty file and a file in another encoding each give one clear problem."""
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert validate_projects(empty) == [f"{empty}:1: empty file; expected a header with columns: {', '.join(COLUMNS)}"]
    latin = tmp_path / "latin.csv"
    latin.write_bytes(VALID_CSV.read_text(encoding="utf-8").replace("동아일보", "Caf\u00e9").encode("latin-1", "replace"))
    [problem] = validate_projects(latin)
    assert problem.startswith(f"{latin}: not UTF-8 text")


def test_missing_file_is_named():
    """A path that does not exist raises DatasetNotFoundError naming it."""
    with pytest.raises(DatasetNotFoundError, match=r"nope\.csv: no such file"):
        load_projects("nope.csv", include_user=False)


# --- typing ---------------------------------------------------------------------


def test_valid_fixture_is_typed():
    """The valid fixture loads with the interface's columns and dtypes; amounts are parsed."""
    df = load_projects(VALID_CSV, include_user=False)
    assert list(df.columns) == list(TYPED_COLUMNS)
    assert len(df) == 6 and set(df["origin"]) == {"curated"}
    assert str(df["announced_date"].dtype).startswith("datetime64")
    assert df["amount_value"].dtype == "float64" and df["amount_approx"].dtype == bool
    assert str(df["period_end_year"].dtype) == "Int64"
    for c in ("lat", "lon", "gpus", "power_mw", "wafers_per_month"):
        assert df[c].dtype == "float64", c
    row = df.set_index("id").loc["samsung-yokohama-apl"]
    assert (row["amount_value"], row["currency"], row["period_end_year"]) == (4e10, "JPY", 2028)
    assert row["announced_date"] == pd.Timestamp("2023-12-21")
    dc = df.set_index("id").loc["softbank-openai-sakai-ai-dc"]
    assert pd.isna(dc["amount_value"]) and pd.isna(dc["currency"]) and dc["gpus"] == 100000.0
    assert dc["announced_date"] == pd.Timestamp("2025-03-01")
    assert df.set_index("id").loc["stargate-project", "amount_value"] == 5e11


def test_cache_returns_copies_and_notices_changes(tmp_path):
    """Repeated loads give equal but independent frames; editing the file is picked up."""
    path = tmp_path / "p.csv"
    shutil.copy(VALID_CSV, path)
    first = load_projects(path, include_user=False)
    first.loc[0, "project"] = "changed by the caller"
    second = load_projects(path, include_user=False)
    assert second.loc[0, "project"] != "changed by the caller"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")  # drop the last row
    os.utime(path, ns=(1, 1))
    assert len(load_projects(path, include_user=False)) == 5


# --- the shipped dataset ---------------------------------------------------------


def test_bundled_file_is_the_repository_dataset():
    """The package finds its own data/projects.csv (a real file, no symlink) and its metadata sidecar."""
    assert not SHIPPED.is_symlink() and not SHIPPED_METADATA.is_symlink()
    assert bundled_path() == SHIPPED.resolve()
    assert metadata_path() == SHIPPED_METADATA.resolve()


def test_shipped_dataset_is_valid():
    """The shipped file has no problems and at least 120 rows."""
    assert validate_projects() == []
    df = load_projects(include_user=False)
    assert len(df) >= 120 and df["id"].is_unique


@pytest.mark.parametrize("row", [r for r in _shipped_rows() if r["amount_reported"].strip()], ids=lambda r: r["id"])
def test_every_shipped_amount_parses_to_money(row):
    """Every amount_reported of the shipped file parses (in its country's locale) to a positive amount of money."""
    fig = parse_reported(row["amount_reported"], locale=locale_of(row["country"]))
    assert fig.kind == "money" and 0 < fig.low <= fig.high and len(fig.currency) == 3


def test_shipped_parent_links_point_to_existing_ids():
    """Every parent_id names another row of the shipped file, and no chain loops."""
    rows = {r["id"]: r["parent_id"].strip() for r in _shipped_rows()}
    parents = {k: v for k, v in rows.items() if v}
    assert parents, "the dataset marks umbrella plans with parent_id"
    assert {k: v for k, v in parents.items() if v not in rows or v == k} == {}
    for start in parents:
        seen, node = set(), start
        while node in parents:
            assert node not in seen, f"parent_id loop through {start}"
            seen.add(node)
            node = parents[node]


def test_shipped_must_include_rows():
    """The rows that started the project carry the reported figures."""
    df = load_projects(include_user=False).set_index("id")
    apl = df.loc["samsung-yokohama-apl"]
    # v2: the wording of the Japanese source (more than 40 billion yen), not the Korean restatement 400억엔
    assert (apl["amount_reported"], apl["amount_value"], apl["currency"], apl["amount_bound"], apl["period_end_year"]) == (
        "400億円を上回る", 4e10, "JPY", "lower", 2028)
    sakai = df.loc["softbank-sharp-sakai-acquisition"]
    assert (sakai["amount_value"], sakai["currency"], sakai["announced"]) == (1e11, "JPY", "2025-03-14")
    assert df.loc["softbank-openai-sakai-ai-dc", "gpus"] == 100000
    assert (df.loc["stargate-project", "amount_value"], df.loc["stargate-project", "currency"]) == (5e11, "USD")


def test_datapackage_describes_the_same_columns():
    """datapackage.json lists the CSV's columns, the same enums, and marks the required columns required."""
    meta = json.loads(metadata_path().read_text(encoding="utf-8"))
    [resource] = [r for r in meta["resources"] if r["path"] == "projects.csv"]
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert tuple(fields) == COLUMNS
    assert tuple(fields["category"]["constraints"]["enum"]) == CATEGORIES
    assert tuple(fields["status"]["constraints"]["enum"]) == STATUSES
    assert all(fields[c].get("constraints", {}).get("required") for c in REQUIRED)


def test_loads_from_another_working_directory(tmp_path):
    """A fresh process started in an unrelated directory loads the bundled file."""
    code = (
        "from dashboard.data import load_projects\n"
        "df = load_projects()\n"
        "print(len(df), sorted(set(df['origin'])))\n"
    )
    env = {**os.environ, "SEMIDASH_DB": str(tmp_path / "none.db")}
    env.pop("PYTHONPATH", None)
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    n = len(_shipped_rows())
    assert out.stdout.strip() == f"{n} ['curated']"
    assert not (tmp_path / "none.db").exists()


def test_datapackage_documents_v2_companies_and_the_total_rule():
    """datapackage.json is 2.0.0, lists the v2 enums, the companies resource and the in_total rule of the code."""
    from dashboard.data.companies import COMPANY_COLUMNS
    from dashboard.data.schema import COORD_PRECISIONS, FUNDING, RELATIONS, SCOPES
    from dashboard.data.totals import RULE

    meta = json.loads(metadata_path().read_text(encoding="utf-8"))
    assert meta["version"] == "2.0.0" and meta["x_in_total"] == RULE
    res = {r["name"]: r for r in meta["resources"]}
    fields = {f["name"]: f for f in res["projects"]["schema"]["fields"]}
    for col, enum in (("scope", SCOPES), ("funding", FUNDING), ("relation", RELATIONS), ("coord_precision", COORD_PRECISIONS)):
        assert tuple(fields[col]["constraints"]["enum"]) == enum
    assert all(f["description"] for f in fields.values())
    assert tuple(f["name"] for f in res["companies"]["schema"]["fields"]) == COMPANY_COLUMNS
    assert "low end" in meta["x_amount_parsing"] and "zh-TW" in meta["x_amount_parsing"]


def test_shipped_rows_have_source_scope_dates_and_resolving_companies():
    """Every shipped row has a source, scope, status_as_of and last_verified; 250+ rows; the Taiwan 元 rows are TWD."""
    df = load_projects(include_user=False)
    assert len(df) >= 250
    for col in ("source_url", "scope", "status_as_of", "last_verified", "company_ids"):
        assert df[col].notna().all(), col
    tw = df.set_index("id").loc["tw-chip-driven-industrial-innovation-program"]
    assert (tw["amount_reported"], tw["currency"], tw["amount_value"]) == ("3000億元", "TWD", 3e11)
    rng = df.set_index("id").loc["tsmc-2025-capex"]
    assert (rng["amount_bound"], rng["amount_value"], rng["amount_high"]) == ("range", 38e9, 42e9)
