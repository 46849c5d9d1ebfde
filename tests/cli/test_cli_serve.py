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
