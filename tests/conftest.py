"""Suite-wide test settings: never touch the real user data directory."""
from __future__ import annotations

import os
import tempfile

import pytest

# Set before any test module imports dashboard, so no code path can fall back to
# the user's real store or downloaded rate file. Tests that need their own
# database pass db= / --db or monkeypatch SEMIDASH_DB to a tmp_path file.
_session_dir = tempfile.mkdtemp(prefix="semidash-tests-")
os.environ.setdefault("SEMIDASH_DB", os.path.join(_session_dir, "user.sqlite"))
os.environ.setdefault("SEMIDASH_FX_DIR", os.path.join(_session_dir, "fx"))
os.environ.setdefault("SEMIDASH_DATA_DIR", _session_dir)


@pytest.fixture(scope="session")
def session_dir() -> str:
    """A temporary directory shared by the whole test session."""
    return _session_dir
