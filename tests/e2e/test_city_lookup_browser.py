"""End-to-end test of the record form's city lookup in headless Chromium: typing a city (in any of
the four languages) fills latitude and longitude from the offline gazetteer; typed coordinates stay."""
from __future__ import annotations

import json

import pytest

from tests.e2e.test_article_browser import _el, _open_article_tab, dom_id
from tests.e2e.waits import until
from tests.helpers import free_port

pytestmark = pytest.mark.browser


def _value(driver, field: str) -> str:
    return _el(driver, dom_id("new", field)).get_attribute("value")


def _type(driver, field: str, text: str) -> None:
    el = _el(driver, dom_id("new", field))
    el.clear()
    el.send_keys(text)


def test_typing_a_city_fills_the_coordinates(dash_duo, tmp_path):
    """横浜 (with JP) fills 35.4333 / 139.65; Taylor, TX fills Texas's; an unknown place says so and leaves them."""
    from dashboard.app import create_app

    dash_duo.start_server(create_app(db=str(tmp_path / "store.sqlite")), port=free_port())
    drv = dash_duo.driver
    _open_article_tab(drv, dash_duo.server_url)
    note = json.dumps({"form": "new", "type": "rec-city-note"}, separators=(",", ":"))
    _type(drv, "country", "JP")
    _type(drv, "city", "横浜\n")
    until(lambda: (_value(drv, "lat"), _value(drv, "lon")) == ("35.4333", "139.65"), 20, "Yokohama's coordinates")
    assert "Yokohama, JP" in _el(drv, note).text and "GeoNames" in _el(drv, note).text
    # another city replaces coordinates the lookup filled
    _type(drv, "country", "US")
    _type(drv, "city", "Taylor, TX\n")
    until(lambda: _value(drv, "lat").startswith("30.57"), 20, "Taylor's latitude")
    assert _value(drv, "lon").startswith("-97.4")
    # coordinates typed by hand are kept
    _type(drv, "lat", "30.6")
    _type(drv, "city", "Phoenix, AZ\n")
    until(lambda: "kept your coordinates" in _el(drv, note).text, 20, "the kept-coordinates note")
    assert _value(drv, "lat") == "30.6" and "Phoenix, US" in _el(drv, note).text
    _type(drv, "city", "Qwzxv Nowhere\n")
    until(lambda: "not in US in the offline gazetteer" in _el(drv, note).text, 20, "the not-found note")
    assert _value(drv, "lat") == "30.6"
