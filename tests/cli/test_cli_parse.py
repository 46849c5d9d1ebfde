"""Tests for dashboard.cli.parse: the `parse` and `extract` sub-commands."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from dashboard.cli import main


def test_parse_json(capsys):
    """`parse --json` prints the figure's value, unit, kind, flags and text."""
    assert main(["parse", "約4千億円", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"value": 4e11, "unit": "JPY", "kind": "money", "approx": True, "bound": None, "text": "約4千億円"}


def test_parse_readable_line_with_restatement(capsys):
    """Without --json a readable line is printed, then the restatement."""
    assert main(["parse", "1000억엔(약 9800억원)"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "1,000억엔 / 100 billion JPY (money) from '1000억엔'",
        "  restated as 9,800억원 / 980 billion KRW from '약 9800억원' [approx]",
    ]


def test_parse_json_reports_the_restatement_in_utf8(capsys):
    """`parse --json` of "400억엔(약 3,620억원)" lists the restatement; Hangul stays Hangul."""
    assert main(["parse", "400억엔(약 3,620억원)", "--json"]) == 0
    raw = capsys.readouterr().out
    assert "\\u" not in raw and "3,620억원" in raw
    out = json.loads(raw)
    assert (out["value"], out["unit"]) == (4e10, "JPY")
    assert out["restated_by"] == [
        {"value": 3.62e11, "unit": "KRW", "kind": "money", "approx": True, "bound": None, "text": "약 3,620억원"}
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("400억엔", "400억엔 / 40 billion JPY"),
        ("約4千億円", "4,000億円 / 400 billion JPY"),
        ("US$1.5bn", "1.5 billion USD"),
        ("1.2GW", "1,200 MW"),
        ("10만 개의 GPU", "100,000 GPUs"),
        ("3,440億元", "人民幣3,440億元 / 344 billion CNY"),
    ],
)
def test_parse_shows_values_as_people_write_them(text, shown, capsys):
    """The readable line writes values in the source's notation and in English words, never 4e+10."""
    assert main(["parse", text]) == 0
    out = capsys.readouterr().out
    assert out.startswith(shown + " (")
    assert "e+" not in out


def test_parse_locale_changes_yuan(capsys):
    """--locale zh-TW reads 元 as TWD."""
    assert main(["parse", "500億元", "--json", "--locale", "zh-TW"]) == 0
    assert json.loads(capsys.readouterr().out)["unit"] == "TWD"


def test_parse_error_is_one_line_naming_the_input(capsys):
    """Unparseable input exits non-zero with one error line quoting it."""
    assert main(["parse", "2028년"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("semidash parse: error: cannot parse '2028년' at position 0: no amount")


def test_extract_json_from_file(tmp_path, capsys):
    """`extract FILE --format json` lists every figure with span and restatement link."""
    path = tmp_path / "article.txt"
    text = "TSMC는 1000억달러(약 146조원)를 투자하고 3,000명을 고용한다."
    path.write_text(text, encoding="utf-8")
    assert main(["extract", str(path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    spans = [(text.index(t), text.index(t) + len(t)) for t in ("1000억달러", "약 146조원", "3,000명")]
    assert [(r["value"], r["unit"], (r["start"], r["end"]), r["restates"]) for r in rows] == [
        (1e11, "USD", spans[0], None),
        (1.46e14, "KRW", spans[1], "1000억달러"),
        (3000.0, "employee", spans[2], None),
    ]


def test_extract_csv_from_stdin(monkeypatch, capsys):
    """`extract -` reads stdin; csv output has a header and one row per figure."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("3,440億元（約新台幣1.42兆元）"))
    assert main(["extract", "-", "--format", "csv", "--locale", "zh-TW"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["unit"], r["restates"]) for r in rows] == [("CNY", ""), ("TWD", "3,440億元")]


def test_extract_table(tmp_path, capsys):
    """The default table shows a header and the figure's text."""
    path = tmp_path / "a.txt"
    path.write_text("The fab makes 20,000 wafers per month.", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["start", "end", "value", "unit", "kind", "approx", "bound", "text", "restates"]
    assert "20,000 wafers per month" in out[1]
    assert out[1].split()[2:4] == ["20,000", "wafers/month"]


def test_extract_table_money_is_readable(tmp_path, capsys):
    """Money in the table reads "1,000억달러 / 100 billion USD", not 1e+11."""
    path = tmp_path / "a.txt"
    path.write_text("TSMC는 1000억달러를 투자한다.", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1,000억달러 / 100 billion USD" in out and "e+" not in out


def test_extract_missing_file_is_one_line(capsys):
    """A missing file gives a one-line error naming it, exit code 2."""
    assert main(["extract", "/nonexistent/article.txt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["semidash extract: error: cannot parse '/nonexistent/article.txt': cannot read file (No such file or directory)"]


@pytest.mark.parametrize(("text", "code"), [("US$1.5bn", 0), ("no figure here", 2)])
def test_parse_through_a_real_subprocess(text, code):
    """`python -m dashboard parse` works as a real process: JSON out, or one error line."""
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "parse", text, "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert proc.returncode == code, proc.stderr
    if code == 0:
        assert json.loads(proc.stdout)["value"] == 1.5e9
    else:
        assert proc.stderr.count("\n") == 1 and "'no figure here'" in proc.stderr
        assert "Traceback" not in proc.stderr
