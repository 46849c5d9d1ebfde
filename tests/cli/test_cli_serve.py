"""Tests of the `semidash export` and `serve` sub-commands."""
from __future__ import annotations

import csv

from dashboard.cli import build_parser, main


def test_export_writes_converted_rows(tmp_path, capsys):
    """export --to KRW --country JP writes the Japanese projects in KRW, largest first, with provenance."""
    out = tmp_path / "jp.csv"
    assert main(["export", "--to", "krw", "--country", "JP", "--db", str(tmp_path / "s.sqlite"), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {r["country"] for r in rows} == {"JP"} and {r["converted_currency"] for r in rows if r["converted_value"]} == {"KRW"}
    values = [float(r["converted_value"]) for r in rows if r["converted_value"]]
    assert values == sorted(values, reverse=True)
    assert "fx_rate_date" in rows[0] and "rows in KRW (announcement)" in capsys.readouterr().err


def test_export_rejects_unknown_currency(tmp_path, capsys):
    """An unknown target currency is one error line listing the valid codes."""
    assert main(["export", "--to", "XYZ", "--db", str(tmp_path / "s.sqlite"), "-o", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert "unknown currency 'XYZ'" in err and "KRW" in err


def test_real_needs_usd(tmp_path, capsys):
    """Constant prices are constant US dollars: --real with --to JPY is refused."""
    assert main(["export", "--to", "JPY", "--real", "2020", "--db", str(tmp_path / "s.sqlite"), "-o", "-"]) == 2
    assert "use --to USD" in capsys.readouterr().err


def test_serve_options():
    """serve takes --host, --port and --debug with local defaults."""
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.debug) == ("127.0.0.1", 8050, False)


def test_serve_runs_one_app_on_the_given_store(tmp_path, monkeypatch, capsys):
    """serve --db builds the dashboard on that store (one app, one store) and runs it."""
    from dash import Dash

    from dashboard.cli import main
    from dashboard.data.store import resolve_url

    ran = []
    monkeypatch.setattr(Dash, "run", lambda self, **kw: ran.append((self, kw)))
    db = tmp_path / "team.sqlite"
    assert main(["serve", "--db", str(db), "--port", "8123"]) == 0
    (app, kw), = ran
    assert app.semidash_store.url == resolve_url(str(db)) and kw["port"] == 8123
    assert str(db) in capsys.readouterr().err


def test_export_defaults_usd_to_a_named_file(tmp_path, monkeypatch, capsys):
    """Without --to and -o, export writes USD to a file in the current directory named after currency and basis."""
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--db", str(tmp_path / "s.sqlite")]) == 0
    (written,) = tmp_path.glob("semidash-projects-USD-announcement-*.csv")
    rows = list(csv.DictReader(written.open(encoding="utf-8")))
    assert {r["converted_currency"] for r in rows if r["converted_value"]} == {"USD"}
    assert written.name in capsys.readouterr().err


def test_export_stdout_and_xlsx(tmp_path, capsys):
    """-o - writes the CSV to standard output; --format xlsx writes a workbook with an About sheet."""
    import openpyxl

    assert main(["export", "--db", str(tmp_path / "s.sqlite"), "-o", "-", "--country", "KR"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("id,") and "in_total" in out.splitlines()[0]
    target = tmp_path / "kr.xlsx"
    assert main(["export", "--to", "KRW", "--db", str(tmp_path / "s.sqlite"), "-o", str(target), "--country", "KR"]) == 0
    wb = openpyxl.load_workbook(target)
    about = {r[0].value: r[1].value for r in wb["About"].iter_rows()}
    assert about["Currency"] == "KRW" and wb["Projects"].max_row == about["Rows"] + 1


def test_export_company_is_case_blind_and_never_silently_empty(tmp_path, capsys):
    """--company softbank (any case) is the SoftBank group: SoftBank Group and its subsidiaries, joint projects
    included; it says which companies it took; a name that matches nothing is an error naming it."""
    from dashboard.data.companies import company_groups

    db = str(tmp_path / "s.sqlite")
    group = set(company_groups()["softbank"])
    assert main(["export", "--company", "SoftBank", "--db", db, "-o", "-"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(captured.out.splitlines()))
    assert rows and all(group & set(r["company_ids"].split(";")) for r in rows)
    names = {n.strip() for r in rows for n in r["company"].split(";")}
    assert {"SoftBank Group", "SoftBank Corp.", "SB Energy", "IDC Frontier Inc."} <= names
    assert any(len(r["company_ids"].split(";")) > 1 for r in rows)  # Stargate: OpenAI; SoftBank Group; ...
    assert "(companies: IDC Frontier Inc., SB Energy, SoftBank Corp., SoftBank Group)" not in captured.err  # stdout run: no summary
    assert main(["export", "--company", "softbank", "--db", db, "-o", str(tmp_path / "x.csv")]) == 0
    assert f"{len(rows)} rows in USD" in (err := capsys.readouterr().err)
    assert "(companies: IDC Frontier Inc., SB Energy, SoftBank Corp., SoftBank Group)" in err
    assert main(["export", "--company", "nosuchcompany", "--db", db, "-o", "-"]) == 2
    assert "--company 'nosuchcompany': no project's company goes by it" in capsys.readouterr().err
    assert main(["export", "--country", "JP", "--since", "2030-01-01", "--db", db, "-o", "-"]) == 1
    assert "0 rows match" in capsys.readouterr().err


def test_cli_export_neutralises_payloads(tmp_path, monkeypatch, capsys):
    """Formula payloads in project, company and notes are harmless in the CLI's CSV and exact text cells in its XLSX."""
    import io

    import openpyxl

    import dashboard.data
    from tests.payloads import PAYLOADS, assert_csv_safe

    base = dashboard.data.load_projects(db=str(tmp_path / "s.sqlite"))
    frame = base.iloc[: len(PAYLOADS)].copy()
    frame["id"] = [f"p{i}" for i in range(len(frame))]
    for col in ("project", "company", "notes"):
        frame[col] = list(PAYLOADS)
    monkeypatch.setattr(dashboard.data, "load_projects", lambda db=None: frame)
    assert main(["export", "-o", "-"]) == 0
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out, newline=""))}
    assert len(rows) == len(PAYLOADS)
    for i, text in enumerate(PAYLOADS):
        for col in ("project", "company", "notes"):
            assert_csv_safe(rows[f"p{i}"][col], text)
    target = tmp_path / "p.xlsx"
    assert main(["export", "--format", "xlsx", "-o", str(target)]) == 0
    ws = openpyxl.load_workbook(target)["Projects"]
    header = [c.value for c in ws[1]]
    got = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=header.index("project") + 1) for r in range(2, ws.max_row + 1)}
    assert all((got[f"p{i}"].value, got[f"p{i}"].data_type) == (t, "s") for i, t in enumerate(PAYLOADS))


def test_export_company_by_alias_and_group(tmp_path, capsys):
    """--company takes another name a company goes by (소프트뱅크 = SoftBank Corp.) and group:ID for a whole group."""
    db = str(tmp_path / "s.sqlite")
    assert main(["export", "--company", "소프트뱅크", "--db", db, "-o", "-"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows and all("SoftBank Corp." in r["company"] for r in rows)
    assert main(["export", "--company", "group:softbank", "--db", db, "-o", "-"]) == 0
    group = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    names = {n.strip() for r in group for n in r["company"].split(";")}
    assert {"SoftBank Corp.", "SoftBank Group"} <= names and len(group) >= len(rows)
