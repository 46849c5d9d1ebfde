"""Browser tests: Chromium options for a closed network, and one temporary user store."""
from __future__ import annotations

import pytest


def pytest_setup_options():
    """Chrome options for dash_duo: no background traffic (it fails on a closed network and logs errors)."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for arg in ("--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en-US"):
        options.add_argument(arg)
    return options


@pytest.fixture(scope="session")
def projects(tmp_path_factory):
    """The real projects (bundled file + an empty temporary SQLite store), loaded once."""
    from dashboard.data import load_projects

    return load_projects(db=str(tmp_path_factory.mktemp("store") / "store.sqlite"))
