"""Tests for dashboard.cli.data: `semidash add`, `import`, `list` and `validate`."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import main

from tests.helpers import FIXTURES, SHIPPED

ADD_ARGS = [
    "add", "--project", "JASM Kumamoto Fab 1", "--company", "JASM (TSMC; Sony; Denso; Toyota)",
    "--country", "JP", "--city", "Kikuyo (Kumamoto)", "--category", "fab", "--status", "operating",
    "--announced", "2021-10", "--amount", "US$8.6 billion", "--wafers-per-month", "55000",
    "--source-url", "https://asia.nikkei.com/Business/Tech/Semiconductors/Japan-to-subsidize-TSMC-s-Kumamoto-plant-by-up-to-3.5bn",
    "--source-publisher", "Nikkei Asia",
]


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    """A fresh SQLite file; SEMIDASH_DB points elsewhere so --db must win."""
    monkeypatch.setenv("SEMIDASH_DB", str(tmp_path / "env.db"))
    return tmp_path / "cli.db"


def test_add_then_list(db, capsys):
    """`add` stores a record with a given id; `list` shows it as table, csv and json."""
    assert main([*ADD_ARGS, "--id", "my-jasm", "--db", str(db)]) == 0
    assert capsys.readouterr().out.strip() == f"added my-jasm to sqlite:///{db}"
    assert main(["list", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "my-jasm" in out and "US$8.6 billion" in out and out.strip().endswith(f"1 record in sqlite:///{db}")
    assert main(["list", "--db", str(db), "--format", "json"]) == 0
    [rec] = json.loads(capsys.readouterr().out)
    assert (rec["id"], rec["wafers_per_month"], rec["lat"]) == ("my-jasm", "55000", None)
    assert main(["list", "--db", str(db), "--format", "csv"]) == 0
    [row] = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert row["announced"] == "2021-10" and row["country"] == "JP"
    assert not (db.parent / "env.db").exists()


def test_add_uses_semidash_db(tmp_path, monkeypatch, capsys):
    """Without --db, `add` writes to $SEMIDASH_DB."""
    env_db = tmp_path / "from-env.db"
    monkeypatch.setenv("SEMIDASH_DB", str(env_db))
    assert main(ADD_ARGS) == 0
    assert f"sqlite:///{env_db}" in capsys.readouterr().out and env_db.exists()


def test_add_bad_record_names_fields(db, capsys):
    """A bad `add` exits non-zero, lists each bad field, and stores nothing."""
    args = [a if a != "2021-10" else "2021-13" for a in ADD_ARGS]
    assert main([*args, "--country", "Japan", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "record 1: column 'country' (--country): 'Japan' is not an ISO 3166-1 alpha-2 country code" in err
    assert "record 1: column 'announced' (--announced): '2021-13' is not a real date" in err
    assert main(["list", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("no records in")


def test_import_all_or_nothing(db, tmp_path, capsys):
    """`import` adds every row of a good file and none of a file with one bad row."""
    good = tmp_path / "good.csv"
    good.write_text(
        "project,company,country,category,status,announced,amount_reported,source_url\n"
        "Micron Boise leading-edge DRAM fab (ID1),Micron Technology,US,fab,under_construction,2022-09-01,US$15 billion,"
        "https://www.oregonlive.com/silicon-forest/2022/09/micron-chooses-boise-for-15-billion-chip-factory.html\n"
        "TSMC Arizona Fab 21 (first fab),TSMC,US,fab,operating,2020-05-15,US$12 billion,"
        "https://www.convergedigest.com/2020/05/tsmc-to-invest-12-billion-in-5nm-fab-in.html\n",
        encoding="utf-8",
    )
    assert main(["import", str(good), "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith(f"imported 2 records from {good} into sqlite:///{db}")
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8").replace(",2020-05-15,", ",2020-05-15x,"), encoding="utf-8")
    assert main(["import", str(bad), "--db", str(db)]) == 2
    assert f"{bad}:3: column 'announced': '2020-05-15x' is not a real date" in capsys.readouterr().err
    assert main(["list", "--db", str(db), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


@pytest.mark.pg
def test_add_import_list_on_postgresql(pg_cluster, tmp_path, capsys):
    """`add`, `import` (all or nothing) and `list` work with --db set to a PostgreSQL URL."""
    url = pg_cluster.create_database("cli_data")
    try:
        assert main([*ADD_ARGS, "--id", "my-jasm", "--db", url]) == 0
        assert capsys.readouterr().out.strip() == f"added my-jasm to {url}"
        bad = tmp_path / "bad.csv"
        bad.write_text(
            "project,company,country,category,status,announced,amount_reported,source_url\n"
            "TSMC Arizona Fab 21 (first fab),TSMC,US,fab,operating,2020-05-15,US$12 billion,"
            "https://www.convergedigest.com/2020/05/tsmc-to-invest-12-billion-in-5nm-fab-in.html\n"
            "Micron Boise leading-edge DRAM fab (ID1),Micron Technology,US,fab,under_construction,2022-09-31,"
            "US$15 billion,https://www.oregonlive.com/silicon-forest/2022/09/micron-chooses-boise-for-15-billion-chip-factory.html\n",
            encoding="utf-8",
        )
        assert main(["import", str(bad), "--db", url]) == 2
        assert f"{bad}:3: column 'announced': '2022-09-31' is not a real date" in capsys.readouterr().err
        bad.write_text(bad.read_text(encoding="utf-8").replace("2022-09-31", "2022-09-01"), encoding="utf-8")
        assert main(["import", str(bad), "--db", url]) == 0
        assert capsys.readouterr().out.strip() == f"imported 2 records from {bad} into {url}"
        assert main(["list", "--db", url]) == 0
        out = capsys.readouterr().out
        assert "my-jasm" in out and "US$15 billion" in out and out.strip().endswith(f"3 records in {url}")
        assert main(["list", "--db", url, "--format", "json"]) == 0
        records = json.loads(capsys.readouterr().out)
        assert [r["id"] for r in records][0] == "my-jasm" and len(records) == 3
        assert {r["amount_reported"] for r in records} == {"US$8.6 billion", "US$12 billion", "US$15 billion"}
    finally:
        pg_cluster.drop_database("cli_data")


def test_validate_shipped_file(capsys):
    """`validate` with no path checks the bundled file, prints one OK line, then the v2 counts."""
    assert main(["validate"]) == 0
    first, *counts = capsys.readouterr().out.strip().splitlines()
    assert first.startswith(f"{SHIPPED.resolve()}: OK, ") and first.endswith(", 0 problems")
    # dataset v2: the counts an analyst checks (every row verified, what totals add, per scope and status)
    assert counts[0].startswith("  verified (last_verified set): ") and "in totals (in_total): " in counts[0]
    assert [c.split(":")[0].strip() for c in counts[1:]] == ["scope", "status", "relation", "amount_bound", "countries"]


def test_validate_broken_copy(tmp_path, capsys):
    """A broken copy of the shipped file fails with exit code 1, naming line and column."""
    copy = tmp_path / "projects.csv"
    lines = SHIPPED.read_text(encoding="utf-8").splitlines(keepends=True)
    [n] = [i for i, line in enumerate(lines) if line.startswith("softbank-sharp-sakai-acquisition,")]
    assert ",2025-03-14," in lines[n]
    # v2: the date is also status_as_of; change the announcement (the cell before the amount) only
    lines[n] = lines[n].replace(",2025-03-14,約1000億円,", ",2025-13-45,約1000億円,", 1)
    copy.write_text("".join(lines), encoding="utf-8")
    assert main(["validate", str(copy)]) == 1
    captured = capsys.readouterr()
    line = n + 1  # physical line, header is line 1
    assert captured.out == f"{copy}:{line}: column 'announced': '2025-13-45' is not a real date; write YYYY-MM-DD, YYYY-MM or YYYY\n"
    assert captured.err.strip() == f"{copy}: 1 problem"


def test_validate_fixture_prints_every_problem(capsys):
    """`validate` prints all problems of the broken fixture, one per line."""
    assert main(["validate", str(FIXTURES / "projects_broken.csv")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 18 and all("projects_broken.csv:" in line for line in out)


def test_validate_runs_as_a_program(tmp_path):
    """`python -m dashboard validate FILE` from another directory exits 1 on a broken file."""
    copy = tmp_path / "broken.csv"
    shutil.copy(FIXTURES / "projects_broken.csv", copy)
    out = subprocess.run([sys.executable, "-m", "dashboard", "validate", "broken.csv"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert "broken.csv:2: column 'announced': '2025-13-45' is not a real date" in out.stdout


def test_edit_and_delete_a_record(db, capsys):
    """`edit ID --status ...` changes one field and keeps the rest; `delete ID` removes it; a curated id is refused."""
    assert main([*ADD_ARGS, "--id", "my-jasm", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["edit", "my-jasm", "--status", "completed", "--gpus", "100", "--db", str(db)]) == 0
    assert "edited my-jasm" in capsys.readouterr().out
    assert main(["list", "--db", str(db), "--format", "json"]) == 0
    [rec] = json.loads(capsys.readouterr().out)
    assert (rec["status"], rec["gpus"], rec["wafers_per_month"]) == ("completed", "100", "55000")
    assert main(["edit", "my-jasm", "--gpus", "-5", "--db", str(db)]) == 2
    assert "gpus" in capsys.readouterr().err
    assert main(["edit", "my-jasm", "--db", str(db)]) == 2
    assert "at least one field" in capsys.readouterr().err
    assert main(["delete", "samsung-yokohama-apl", "--db", str(db)]) == 2
    assert "curated" in capsys.readouterr().err.lower()
    assert main(["delete", "my-jasm", "--db", str(db)]) == 0
    assert "deleted my-jasm" in capsys.readouterr().out
    assert main(["delete", "my-jasm", "--db", str(db)]) == 2
    assert "my-jasm" in capsys.readouterr().err


def test_import_unknown_columns_fail_naming_them(db, tmp_path, capsys):
    """A CSV with columns the table does not have is refused, naming each one; nothing is written."""
    odd = tmp_path / "odd.csv"
    odd.write_text(
        "project,company,country,category,status,announced,amount_reported,source_url,amout,capex_note\n"
        "TSMC Arizona Fab 21 (first fab),TSMC,US,fab,operating,2020-05-15,US$12 billion,"
        "https://www.convergedigest.com/2020/05/tsmc-to-invest-12-billion-in-5nm-fab-in.html,12,x\n",
        encoding="utf-8",
    )
    assert main(["import", str(odd), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert f"{odd}:1: unknown columns 'amout', 'capex_note'; the columns are: id, project" in err
    assert main(["list", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("form", [["--project", "-Plus"], ["--project=-Plus"]])
def test_values_starting_with_a_dash(db, capsys, form):
    """`--project -Plus` and `--project=-Plus` both store the project '-Plus' (and a notes text '--- draft')."""
    args = [a for a in ADD_ARGS]
    i = args.index("--project")
    args[i:i + 2] = form
    assert main([*args, "--notes", "--- draft", "--lat", "-33.9", "--lon", "151.2", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db), "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["project"], row["notes"], row["lat"]) == ("-Plus", "--- draft", "-33.9")


def test_add_and_edit_take_codes_in_any_case(db, capsys):
    """--country jp, --category FAB and --status Operating are stored as JP, fab and operating (as the record form
    takes them); a code that is wrong in any case is still refused, naming the option."""
    args = [a if a not in ("JP", "fab", "operating") else {"JP": "jp", "fab": "FAB", "operating": "Operating"}[a]
            for a in ADD_ARGS]
    assert main([*args, "--id", "lower-jasm", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["edit", "lower-jasm", "--country", "kr", "--status", "Under_Construction", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db), "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["country"], row["category"], row["status"]) == ("KR", "fab", "under_construction")
    assert main(["edit", "lower-jasm", "--country", "zz", "--db", str(db)]) == 2
    assert "column 'country' (--country): 'ZZ' is not an ISO 3166-1 alpha-2 country code" in capsys.readouterr().err
