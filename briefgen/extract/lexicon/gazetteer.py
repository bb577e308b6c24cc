"""Countries, demonyms, capitals, cities and international bodies: names → canonical places.

Why a class over a data file: every field family (people's affiliations, the meeting's city,
commitment actors) asks the same questions ("is this a country?", "which country is this city
in?"), and one index answers them consistently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .data import load, word_set


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A lookup key: case, accents, curly apostrophes, dots and spacing do not matter ("San José" = "San Jose")."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\.(?=\S)", ". ", text)  # "D.C." and "D. C." alike
    text = text.replace(".", "")
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    return " ".join(text.lower().split())


def _split(field_text: str) -> list[str]:
    return [part.strip() for part in field_text.split(",") if part.strip()]


@dataclass
class Gazetteer:
    countries: dict[str, str] = field(default_factory=dict)  # country names and other names → country
    demonyms: dict[str, str] = field(default_factory=dict)  # "Rwandan" → Rwanda
    cities: dict[str, tuple[str, str]] = field(default_factory=dict)  # city key → (city as listed, country)
    capitals: dict[str, str] = field(default_factory=dict)  # capital key → country (metonyms: "Moscow")
    regions: dict[str, str] = field(default_factory=dict)  # "california" → United States
    bodies: dict[str, str] = field(default_factory=dict)  # "au" → African Union
    seats: dict[str, str] = field(default_factory=dict)  # "downing street" → United Kingdom
    seat_pattern: re.Pattern[str] | None = None  # the seats as written, for a scan over a whole text
    venue_pattern: re.Pattern[str] | None = None  # venues that fix a city, as written
    venues: dict[str, str] = field(default_factory=dict)  # "elysee palace" → Paris
    event_words: set[str] = field(default_factory=set)
    first_capital: dict[str, str] = field(default_factory=dict)  # Iraq → Baghdad
    longest_city: int = 1  # most words in a city name, for the token matchers

    def country(self, text: str | None) -> str | None:
        """The country a name, other name or demonym refers to."""
        if not text:
            return None
        key = fold(text)
        key = re.sub(r"('s|')$", "", key)
        return self.countries.get(key) or self.demonyms.get(key)

    def country_or_capital(self, text: str | None) -> str | None:
        """Also accepts a capital used for its government ("Moscow and Kigali")."""
        if not text:
            return None
        return self.country(text) or self.capitals.get(re.sub(r"('s|')$", "", fold(text)))

    def body(self, text: str | None) -> str | None:
        if not text:
            return None
        return self.bodies.get(re.sub(r"('s|')$", "", fold(text)))

    def affiliation(self, text: str | None) -> str | None:
        """A country or an international body."""
        return self.country(text) or self.body(text)

    def city(self, text: str | None) -> tuple[str, str] | None:
        """(city, country) for a known city."""
        if not text:
            return None
        return self.cities.get(fold(text))

    def seat(self, text: str | None) -> str | None:
        """The country a seat of government stands for ("Downing Street", "the Kremlin")."""
        if not text:
            return None
        return self.seats.get(re.sub(r"('s|')$", "", fold(text)))

    def venue_city(self, text: str) -> tuple[str, str] | None:
        """(city, country) of the first venue named in a text that fixes a city ("at the Élysée Palace")."""
        if self.venue_pattern is None:
            return None
        m = self.venue_pattern.search(text)
        return self.city(self.venues.get(fold(m.group(0)), "")) if m else None

    def capital_of(self, country: str) -> str | None:
        """The (first listed) capital of a country, for "the Iraqi capital"."""
        return self.first_capital.get(country)

    def region(self, text: str | None) -> str | None:
        if not text:
            return None
        return self.regions.get(fold(text))


@cache
def gazetteer() -> Gazetteer:
    data = load("gazetteer")
    gaz = Gazetteer()
    for line in data.get("countries", []):
        parts = [p.strip() for p in str(line).split("|")] + [""] * 5
        name, others, demonyms, capitals, cities = parts[:5]
        for alias in [name, *_split(others)]:
            gaz.countries[fold(alias)] = name
        for dem in _split(demonyms):
            gaz.demonyms.setdefault(fold(dem), name)
        for cap in _split(capitals):
            gaz.first_capital.setdefault(name, cap)
            gaz.capitals[fold(cap)] = name
            gaz.cities.setdefault(fold(cap), (cap, name))
        for city in _split(cities):
            gaz.cities.setdefault(fold(city), (city, name))
    for country, regions in (data.get("regions") or {}).items():
        for region in regions:
            gaz.regions[fold(region)] = country
    for line in data.get("bodies", []):
        parts = [p.strip() for p in str(line).split("|")] + [""]
        name, others = parts[0], parts[1]
        for alias in [name, *_split(others)]:
            gaz.bodies[fold(alias)] = name
    for seat, country in (data.get("seats") or {}).items():
        gaz.seats[fold(str(seat))] = str(country)
    names = sorted((str(seat) for seat in (data.get("seats") or {})), key=len, reverse=True)
    if names:
        gaz.seat_pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    venues = {str(k): str(v) for k, v in (data.get("venues") or {}).items()}
    for venue, city in venues.items():
        gaz.venues[fold(venue)] = city
    if venues:
        names = sorted(venues, key=len, reverse=True)
        gaz.venue_pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    gaz.event_words = set(data.get("event_words", []))
    gaz.longest_city = max((len(k.replace("-", " - ").split()) for k in gaz.cities), default=1)
    return gaz


@cache
def _agency_keys() -> frozenset[str]:
    return frozenset(fold(a) for a in word_set("cues", "news_agencies"))


def is_news_agency(text: str, *, start_of_name: bool = False) -> bool:
    """A news agency or outlet of cues.yaml ("Yonhap"); with `start_of_name`, also the first words of one
    ("Press Trust" of "Press Trust of India"). Agencies report; they are never people, parties or actors."""
    key = fold(text)
    if not key:
        return False
    return key in _agency_keys() or (start_of_name and any(a.startswith(key + " ") for a in _agency_keys()))
