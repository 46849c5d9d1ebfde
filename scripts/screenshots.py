"""Screenshots of every view of the dashboard, taken in headless Chromium.

    python scripts/screenshots.py OUTDIR [--width 1440] [--height 1000] [--views ranking,map] [--readme docs/screenshot.png]

    # the README's pair: desktop and phone
    python scripts/screenshots.py docs/screenshots/1440 --width 1440 --height 1000 --views ranking,map,compare,breakdown,quantities
    python scripts/screenshots.py docs/screenshots/390 --width 390 --height 844 --views ranking,map,compare,breakdown,quantities

Serves the app (bundled data; your store only with --db) on a free port of
127.0.0.1, opens each view in Debian's chromium through chromedriver
(selenium, from the ``test`` extra) and writes OUTDIR/<view>.png. With
``--readme`` it also writes a small PNG of the main view for the README.
Korean/Japanese labels need a CJK font (Debian: fonts-noto-cjk).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

VIEWS = {
    "ranking": "?tab=ranking",
    "ranking-krw": "?cur=KRW&tab=ranking",
    "ranking-apple": "?tab=ranking&company=apple",
    "breakdown-oracle": "?tab=breakdown&company=oracle",
    "timeline": "?tab=timeline&log=1",
    "map": "?tab=map",
    "breakdown": "?tab=breakdown",
    "compare": "?cur=KRW&tab=compare&compare=stargate-project&compare=softbank-sharp-sakai-acquisition&compare=samsung-yokohama-apl",
    "quantities": "?tab=quantities",
    "article": "?tab=article",
}

# a made-up Korean article (fictional companies), also used by the browser tests
SAMPLE_ARTICLE = Path(__file__).resolve().parents[1] / "tests" / "e2e" / "data" / "article_ko.txt"


def start_server(app) -> tuple[str, callable]:
    """Serve ``app`` on a free port of 127.0.0.1 in a thread; returns (url, stop)."""
    import logging

    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    srv = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{srv.server_port}/", srv.shutdown


def chrome(width: int, height: int):
    """Headless Chromium through chromedriver on PATH."""
    from selenium import webdriver

    opts = webdriver.ChromeOptions()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                f"--window-size={width},{height}", "--force-device-scale-factor=1", "--lang=en-US"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(options=opts)
    if width < 500:  # Chromium's windows are at least 500 px wide: emulate a phone's viewport instead
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    return driver


def wait_rendered(driver, timeout: float = 20.0) -> None:
    """Wait until the active view's plot and the grid's rows are drawn."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, timeout)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".tab-pane.active .js-plotly-plot .main-svg")))
    wait.until(lambda d: d.execute_script(  # the view's own figure, not the layout's "Loading…" placeholder
        "const g = document.querySelector('.tab-pane.active .js-plotly-plot');"
        "return !!(g && g.layout && !(g.layout.meta && g.layout.meta.placeholder))"))
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".ag-center-cols-container .ag-row")))
    wait.until(lambda d: d.execute_script("return !document.querySelector('._dash-loading-callback, [data-dash-is-loading=true]')"))
    time.sleep(0.8)  # plotly transitions and fonts


def fill_article(driver, timeout: float = 20.0) -> None:
    """On the "Add from article" view: paste the sample article, give its date, pick its first amount."""
    import json

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, timeout)
    wait.until(lambda d: d.find_elements(By.ID, "article-text"))
    driver.find_element(By.ID, "article-text").send_keys(SAMPLE_ARTICLE.read_text(encoding="utf-8"))
    driver.find_element(By.ID, "article-date").send_keys("2024-03-15\n")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#article-marked mark.fig")) >= 8
               and "reference" in d.find_element(By.ID, "fig-row-1").text)
    driver.execute_script("document.querySelector('#article-marked mark.fig').click()")
    field = json.dumps({"field": "amount_reported", "form": "new", "type": "rec-field"}, separators=(",", ":"))
    wait.until(lambda d: d.execute_script("return document.getElementById(arguments[0]).value", field))
    for name, value in (("project", "한빛반도체 구마모토 패키징 공장"), ("company", "Hanbit Semiconductor (fictional)"),
                        ("country", "JP"), ("city", "Kumamoto")):
        fid = json.dumps({"field": name, "form": "new", "type": "rec-field"}, separators=(",", ":"))
        driver.execute_script("return document.getElementById(arguments[0])", fid).send_keys(value)
    time.sleep(0.8)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--readme", type=Path, default=None, help="also write a small PNG of the main view here")
    parser.add_argument("--views", default=",".join(VIEWS), help=f"comma-separated views to take (default: all: {', '.join(VIEWS)})")
    parser.add_argument("--db", default=None, help="your store to include (default: an empty temporary one)")
    args = parser.parse_args(argv)
    tmp = tempfile.TemporaryDirectory()
    os.environ["SEMIDASH_DB"] = args.db or str(Path(tmp.name) / "store.sqlite")
    from dashboard.app import create_app

    url, stop = start_server(create_app())
    args.outdir.mkdir(parents=True, exist_ok=True)
    driver = chrome(args.width, args.height)
    try:
        for name in [v.strip() for v in args.views.split(",") if v.strip()]:
            query = VIEWS[name]
            if name == "article":  # a taller window: the article, its figures and their audit
                driver.set_window_size(args.width, 1500)
            driver.get(url + query)
            if name == "article":
                fill_article(driver)
            else:
                wait_rendered(driver)
            path = args.outdir / f"{name}.png"
            driver.save_screenshot(str(path))
            driver.set_window_size(args.width, args.height)
            print(path)
        if args.readme:
            driver.set_window_size(1200, 800)
            driver.get(url + "?tab=ranking")
            wait_rendered(driver)
            args.readme.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.readme))
            _shrink(args.readme, 960)
            print(args.readme)
    finally:
        driver.quit()
        stop()
        tmp.cleanup()
    return 0


def _shrink(path: Path, width: int) -> None:
    """Scale a PNG down to ``width`` pixels wide (if Pillow is there)."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as im:
        h = round(im.height * width / im.width)
        im.convert("RGB").resize((width, h), Image.LANCZOS).quantize(colors=256).save(path, optimize=True)


if __name__ == "__main__":
    sys.exit(main())
