"""The package data travel with the package: a non-editable install (wheel, and from the sdist)
loads the curated projects from any working directory, with no file from the repository."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
from pathlib import Path

import pytest

from tests.helpers import REPO

PROBE = """
import pathlib, sys
import dashboard
from dashboard import load_projects
from dashboard.data import bundled_path, metadata_path
from dashboard.ui.app import ASSETS
here = pathlib.Path(dashboard.__file__).resolve()
assert "site-packages" in here.parts, here
df = load_projects(include_user=False)
print(len(df), bundled_path().is_symlink(), metadata_path().is_file(), (ASSETS / "topojson" / "world_110m.json").is_file(),
      (here.parent / "units.txt").is_file())
"""


def _venv(root: Path) -> Path:
    """A throwaway venv that sees the test venv's dependencies but not its (editable) semidash."""
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, timeout=300)
    python = root / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # a plain path entry: .pth files inside it (the editable finder) are not processed
    Path(site, "semidash_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python


def _install_and_probe(python: Path, target: str, tmp_path: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", target], check=True, timeout=600,
                   cwd=tmp_path, env=env, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    res = subprocess.run([str(python), "-c", PROBE], capture_output=True, text=True, cwd=elsewhere, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    return res.stdout.split()


@pytest.mark.slow
def test_wheel_install_loads_the_projects(tmp_path):
    """`pip install .` (not editable) into a fresh venv: load_projects() works from another directory."""
    python = _venv(tmp_path / "venv")
    n, is_link, meta, topo, units = _install_and_probe(python, str(REPO), tmp_path)
    assert int(n) >= 120 and is_link == "False" and meta == topo == units == "True"


@pytest.mark.slow
def test_sdist_carries_the_package_data(tmp_path):
    """The sdist holds the curated files and the assets, and installs into a working package."""
    python = _venv(tmp_path / "venv")
    out = tmp_path / "dist"
    build = ("import sys; from setuptools import build_meta as b; "
             "print(b.build_sdist(sys.argv[1]))")
    name = subprocess.run([str(python), "-c", build, str(out)], cwd=REPO, capture_output=True, text=True,
                          check=True, timeout=300).stdout.strip().splitlines()[-1]
    sdist = out / name
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"dashboard/data/projects.csv", "dashboard/data/companies.csv", "dashboard/data/datapackage.json", "dashboard/units.txt",
            "dashboard/ui/assets/topojson/world_110m.json", "datasets/README.md"} <= names
    n, is_link, meta, topo, units = _install_and_probe(python, str(sdist), tmp_path)
    assert int(n) >= 120 and meta == topo == units == "True"
