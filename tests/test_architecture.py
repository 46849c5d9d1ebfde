"""The import graph keeps the architecture: import-linter's contracts (.importlinter) hold."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

LINT = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run([str(LINT), "--config", str(REPO / ".importlinter"), "--no-cache"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed (pip install -e '.[test]')")
def test_contracts_are_kept():
    """lint-imports finds 0 broken contracts: no upward imports, no cycles, Dash only in the ui."""
    res = _lint(REPO, REPO)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 broken" in res.stdout


@pytest.mark.slow
@pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed (pip install -e '.[test]')")
def test_an_upward_import_breaks_the_contracts(tmp_path):
    """The same check fails on a copy of the package where the data layer imports the ui, or store imports load."""
    shutil.copytree(REPO / "dashboard", tmp_path / "dashboard", ignore=shutil.ignore_patterns("__pycache__", "assets", "*.csv"))
    schema = tmp_path / "dashboard" / "data" / "schema.py"
    schema.write_text(schema.read_text(encoding="utf-8") + "\nimport dashboard.ui.ids  # noqa\n", encoding="utf-8")
    store = tmp_path / "dashboard" / "data" / "store.py"
    store.write_text(store.read_text(encoding="utf-8") + "\nimport dashboard.data.load  # noqa\n", encoding="utf-8")
    res = _lint(tmp_path, tmp_path)
    assert res.returncode != 0
    assert "dashboard.data.schema -> dashboard.ui.ids" in res.stdout
    assert "dashboard.data.store -> dashboard.data.load" in res.stdout
