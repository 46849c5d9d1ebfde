"""Tests of dashboard.cli (the root): the parser is light to build, errors are one line."""
from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "sqlalchemy", "dash", "plotly")


def _loaded_after(code: str, tmp_path) -> tuple[str, list[str]]:
    probe = (f"import sys\n{code}\n"
             f"print('LOADED', [m for m in {HEAVY!r} if m in sys.modules])")
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert res.returncode == 0, res.stderr
    out, _, loaded = res.stdout.rpartition("LOADED ")
    return out, eval(loaded)


@pytest.mark.slow
def test_parse_command_imports_nothing_heavy(tmp_path):
    """`semidash parse 400억엔` runs without importing pandas, SQLAlchemy, Dash or plotly."""
    out, loaded = _loaded_after("from dashboard.cli import main\nassert main(['parse', '400억엔']) == 0", tmp_path)
    assert "400억엔 / 40 billion JPY" in out
    assert loaded == []


@pytest.mark.slow
def test_building_the_parser_imports_nothing_heavy(tmp_path):
    """Every sub-command is registered without importing the data stack."""
    _, loaded = _loaded_after("from dashboard.cli import build_parser\nbuild_parser()", tmp_path)
    assert loaded == []


def test_lazy_choices_still_check_values(capsys):
    """A basis or category outside the lazily looked-up choices is refused by argparse, as before."""
    from dashboard.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["convert", "400억엔", "--to", "USD", "--basis", "monthly"])
    assert "invalid choice: 'monthly'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export", "--to", "USD", "--category", "casino", "-o", "-"])
    assert "invalid choice: 'casino'" in capsys.readouterr().err
    assert build_parser().parse_args(["export", "--to", "USD", "--basis", "annual", "-o", "-"]).basis == "annual"


def test_project_errors_are_one_line(tmp_path, capsys):
    """A project error prints `semidash CMD: error: ...` and exits 2, no traceback."""
    from dashboard.cli import main

    assert main(["audit", str(tmp_path / "missing.txt"), "--date", "2025-04-02"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("semidash audit: error: ") and "missing.txt: cannot read" in err and "Traceback" not in err
