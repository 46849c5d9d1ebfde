"""Tests of dashboard.ui.views.grid: the grid's rows and its CSV download, called directly on the real projects."""
from __future__ import annotations

import csv
import io

from dash import no_update

from dashboard.ui.views.grid import export_download, grid_outputs


def test_grid_follows_currency_and_skips_tab_changes(projects):
    """The grid's converted column changes with the currency; a tab switch does not resend rows."""
    rows, note, key = grid_outputs(projects, "?cur=USD", None)
    assert rows[0]["converted_label"].startswith("$") and note == f"{len(projects)} rows"
    rows_krw, _, key_krw = grid_outputs(projects, "?cur=KRW", key)
    assert rows_krw[0]["converted_label"].endswith("원") and key_krw != key
    assert grid_outputs(projects, "?cur=KRW&tab=map", key_krw) == [no_update] * 3


def test_export_is_the_grid(projects):
    """The download has the grid's rows in the grid's order and a name with currency and basis."""
    rows, _, _ = grid_outputs(projects, "?cur=EUR&country=KR", None)
    shown = list(reversed(rows))
    data = export_download(projects, "?cur=EUR&country=KR&basis=annual", shown)
    got = [r["id"] for r in csv.DictReader(io.StringIO(data["content"]))]
    assert got == [r["id"] for r in shown]
    assert data["filename"].startswith("semidash-projects-EUR-annual-")


def test_grid_key_changes_with_data_revision(projects):
    """The grid resends its rows when the data revision changes, even for the same view."""

    rows, _, key = grid_outputs(projects, "?cur=USD", None, data_rev="(0, None)")
    assert grid_outputs(projects, "?cur=USD&tab=map", key, data_rev="(0, None)") == [no_update] * 3
    again = grid_outputs(projects, "?cur=USD", key, data_rev="(1, '2026-11-23')")
    assert again[0] == rows and again[2] != key
    assert all("origin" in r for r in rows)
