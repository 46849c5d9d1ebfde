"""Explicit waits for the browser tests: every lookup waits for what it needs.

Dash renders after the page loads and after every callback, so an element (or
a text, or a class) is looked up only through one of these, never with a bare
``find_element`` that races the renderer.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def until(fn: Callable[[], T], timeout: float = 15.0, what: str = "condition") -> T:
    """Poll ``fn`` until it returns something true (an element not there yet counts as false); return it."""
    from selenium.common.exceptions import WebDriverException

    deadline = time.time() + timeout
    last: BaseException | None = None
    while time.time() < deadline:
        try:
            value = fn()
        except (AssertionError, WebDriverException, LookupError) as exc:
            value, last = None, exc
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}" + (f" (last: {last})" if last else ""))


def element(driver, css: str, timeout: float = 15.0) -> Any:
    """The first element matching ``css``, once it is in the page (Dash's own inner elements too, e.g. an upload's input)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, css)), message=f"no element {css!r} after {timeout:g} s")


def by_id(driver, element_id: str, timeout: float = 15.0) -> Any:
    """The element with ``element_id`` once it exists (through the DOM: selenium's id lookup cannot quote JSON ids)."""
    return until(lambda: driver.execute_script("return document.getElementById(arguments[0])", element_id),
                 timeout, f"element with id {element_id}")


def downloaded(folder, pattern: str, timeout: float = 15.0):
    """The file matching ``pattern`` in the browser's download ``folder`` once Chrome has finished writing it:
    no partial download left in the folder, not empty, and the same size on two looks 0.2 s apart
    (headless Chrome can create the file before it has written all of it)."""
    from pathlib import Path

    folder = Path(folder)
    seen: dict[Path, int] = {}

    def complete():
        if any(folder.glob("*.crdownload")) or any(folder.glob(".com.google.Chrome.*")):
            return None
        for f in sorted(folder.glob(pattern)):
            size = f.stat().st_size
            if size > 0 and seen.get(f) == size:
                return f
            seen[f] = size
        time.sleep(0.1)  # with until's 0.1 s: two looks 0.2 s apart
        return None

    return until(complete, timeout, f"a complete download matching {pattern}")
