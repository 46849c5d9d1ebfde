"""End-to-end tests in headless Chromium of the article upload's limits: every refused file
(too big, wrong type; in the browser or on the server) says why, and damaged text shows a warning."""
from __future__ import annotations

import pytest

from tests.e2e.test_article_browser import _el, _open_article_tab
from tests.e2e.waits import element, until
from tests.helpers import free_port

pytestmark = pytest.mark.browser

UPLOAD = "#article-upload input[type=file]"
NOTE = "#article-upload-note"


@pytest.fixture
def page(dash_duo, tmp_path):
    from dashboard.app import create_app

    dash_duo.start_server(create_app(db=str(tmp_path / "store.sqlite")), port=free_port())
    _open_article_tab(dash_duo.driver, dash_duo.server_url)
    return dash_duo


@pytest.mark.parametrize("name, size, expect", [
    ("huge.txt", 9_000_000, "huge.txt: 9,000,000 bytes is over the 2,000,000-byte limit for an article"),  # dcc.Upload drops it
    ("big.txt", 3_000_000, "big.txt: 3,000,000 bytes is over the 2,000,000-byte limit for an article"),    # the server refuses it
    ("scan.pdf", 2_000, "scan.pdf: not a text or HTML file (.pdf); save the article as .txt, .text, .html or .htm"),
], ids=["over-browser-cap", "over-limit", "wrong-type"])
def test_refused_upload_says_why(page, tmp_path, name, size, expect):
    """Too big or of another type: one red message naming the file, whichever side refused it."""
    path = tmp_path / name
    path.write_bytes(b"a" * size)
    element(page.driver, UPLOAD, 20).send_keys(str(path))
    page.wait_for_contains_text(NOTE, expect, timeout=60)
    assert "alert-danger" in element(page.driver, f"{NOTE} .alert").get_attribute("class")
    assert _el(page.driver, "article-text").get_attribute("value") == ""


def test_damaged_upload_is_read_with_a_warning(page, tmp_path):
    """A UTF-8 file with a bad byte fills the text area (with U+FFFD) and shows a yellow warning."""
    text = "[가상 기사] 누리칩스는 평택에 약 5조원을 투자한다."
    data = text.encode("utf-8")
    at = len("[가상 기사] ".encode("utf-8"))
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    element(page.driver, UPLOAD, 20).send_keys(str(path))
    page.wait_for_contains_text(NOTE, "damaged.txt: 1 damaged byte replaced with \ufffd (read as utf-8)", timeout=60)
    assert "alert-warning" in element(page.driver, f"{NOTE} .alert").get_attribute("class")
    until(lambda: _el(page.driver, "article-text").get_attribute("value").replace("\ufffd", "") == text,
          what="the damaged text in the text area")
