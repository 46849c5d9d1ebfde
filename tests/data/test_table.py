"""Tests of dashboard.data.table: CSV text to a text frame indexed by line, and to the typed frame."""
from __future__ import annotations

import io

import pytest

from dashboard.data.schema import text_frame
from dashboard.data.table import read_table, to_typed
from dashboard.errors import DatasetNotFoundError, InputFileError, ParseError


def test_read_table_line_numbers_follow_multiline_cells():
    """Each record is indexed by the physical line where it starts; blank lines are skipped."""
    text = 'id,notes\na,"one\ntwo\nthree"\n\nb,x\n'
    frame, problems = read_table(io.StringIO(text), name="x.csv", require=["id", "notes"])
    assert problems == [] and list(frame.index) == [2, 6]
    assert frame.loc[2, "notes"] == "one\ntwo\nthree"


def test_unreadable_file_is_an_input_file_error(tmp_path):
    """A path that cannot be read as a file (here a directory) raises InputFileError naming it, never ParseError."""
    with pytest.raises(InputFileError, match=rf"{tmp_path.name}: cannot read") as info:
        read_table(tmp_path)
    assert not isinstance(info.value, ParseError) and isinstance(info.value, OSError)
    with pytest.raises(DatasetNotFoundError, match=r"nope\.csv: no such file"):
        read_table(tmp_path / "nope.csv")


def test_typed_frame_parses_amounts_and_periods():
    """to_typed parses amounts into value and currency and announcement periods into their first day."""
    t = to_typed(text_frame([{"id": "a", "announced": "2025", "amount_reported": "400억엔"}]), "curated")
    assert (t.loc[0, "amount_value"], t.loc[0, "currency"]) == (4e10, "JPY")
    assert t.loc[0, "announced_date"].isoformat() == "2025-01-01T00:00:00" and t.loc[0, "origin"] == "curated"
