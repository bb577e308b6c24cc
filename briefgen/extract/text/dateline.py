"""Datelines: where and when a story was filed, in the forms agencies and ministries write them.

    ANKARA, March 3 (Reuters) -          CITY, DATE (Agency) -   (or no dash: "Havana, Apr 21 (PL) Cuban …")
    Ankara, IRNA –                       City, AGENCY -
    HAVANA, February 20. /TASS/.         CITY, DATE. /AGENCY/.
    ASTANA. KAZINFORM -                  CITY. AGENCY -
    AGENCY (CITY, 29 March 2022) -       agency first, place and date in brackets
    CAIRO (AP) --                        CITY (Agency) -
    Seoul - Yonhap                       a line of its own
    Bogor:                               a place and a colon
    New York / 23 September 2023         a readout's heading lines
    Geneva, 3 March 2021                 a readout's heading line (under up to three title lines)
    United Nations, New York, 9 Feb 2010 the same after the issuing body
    ALBAWABA -                           an agency alone: no place
    15.03.2018, Baku -                   a dotted date, then the place

Why its own module, with no lexicon: the shapes are grammar; whether the word is a city (and not an
agency or a month) is decided by the setting field with the gazetteer. The dateline is also blanked
out before parsing: as the subject of the first sentence it confuses the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTH

_DASH = r"(?:-{1,2}|–|—|:)"
_DATE = rf"(?:{MONTH} \d{{1,2}}(?:,? \d{{4}})?|\d{{1,2}} {MONTH}(?:,? \d{{4}})?)"
_UPPER_PLACE = r"[A-Z][A-Z.'’\- ]{1,40}?"
_MIXED_PLACE = r"[A-Z][a-zà-ÿ'’\-]+(?: [A-Z][a-zà-ÿ'’\-]+){0,3}"
_PLACE = rf"(?:{_UPPER_PLACE}|{_MIXED_PLACE})"

_FORMS: list[tuple[str, re.Pattern[str]]] = [
    # AGENCY (CITY, DATE) -
    (
        "agency",
        re.compile(
            rf"^\s*(?P<agency>[A-Z][A-Za-z]{{1,15}})\s*\((?P<city>{_PLACE})\s*,\s*(?P<date>{_DATE})\)\s*{_DASH}+\s*"
        ),
    ),
    # CITY, Region, DATE (Agency) -   /   City, DATE (Agency) --
    (
        "agency",
        re.compile(
            rf"^\s*(?P<city>{_PLACE})(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))??"
            rf"(?:\s*,\s*(?P<date>{_DATE}))?\s*\((?P<agency>[^)\n]{{1,40}})\)\s*(?:{_DASH}+\s*|(?=[A-Z]))"
        ),
    ),
    # CITY, DATE. /AGENCY/.
    (
        "agency",
        re.compile(rf"^\s*(?P<city>{_PLACE}),\s*(?P<date>{_DATE})\.\s*/(?P<agency>[A-Za-z\-]{{2,20}})/\.?\s*"),
    ),
    # CITY. AGENCY -
    ("agency", re.compile(rf"^\s*(?P<city>{_UPPER_PLACE})\.\s+(?P<agency>[A-Z][A-Z\-]{{1,20}})\s*{_DASH}+\s*")),
    # City - Agency (a line of its own)
    ("agency", re.compile(rf"^\s*(?P<city>{_PLACE})\s+[-–—]\s+(?P<agency>[A-Z][A-Za-z\- ]{{1,25}})\s*\n")),
    # City, DATE on a line of its own (a readout's heading: "Geneva, 3 March 2021"), perhaps after the
    # issuing body ("United Nations, New York, 9 February 2010")
    (
        "header",
        re.compile(
            rf"^\s*(?:[A-Z][\w.]*(?: [A-Z][\w.]*){{0,4}},\s*(?=[^,\n]+,\s*{_DATE}))?"
            rf"(?P<city>{_MIXED_PLACE}|{_UPPER_PLACE}),\s*(?P<date>{_DATE})[ \t]*\n"
        ),
    ),
    # DD.MM.YYYY, City - (a ministry's dotted date before the place)
    ("dash", re.compile(rf"^\s*(?P<date>\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d{{2}}),\s*(?P<city>{_PLACE})\s*{_DASH}+\s*")),
    # CITY, DATE -   /   CITY -   /   City:
    (
        "dash",
        re.compile(
            rf"^\s*(?P<city>{_UPPER_PLACE}|{_MIXED_PLACE})(?:,\s*(?P<region>[A-Z][A-Za-z.]+))??(?:\s*,\s*(?P<date>{_DATE}))?"
            rf"\s*(?P<sep>{_DASH})\s*"
        ),
    ),
    # a heading line that is only a place, then (optionally) a line that is only a date
    ("header", re.compile(rf"^\s*(?P<city>{_MIXED_PLACE}|{_UPPER_PLACE})[ \t]*\n\s*(?:(?P<date>{_DATE})[ \t]*\n)?")),
]
_MONTH_ONLY = re.compile(rf"^{MONTH}$")


@dataclass
class Dateline:
    city: str | None  # as written, title-cased when written in capitals; a candidate the caller must verify
    date_text: str | None
    agency: str | None
    end: int
    kind: str  # "agency" (news: where it was filed), "dash", "colon" (issued at), "header" (a readout's heading)
    start: int = 0  # where it begins: after a readout's title line, else the start of the text


def _title(place: str) -> str:
    place = place.strip().rstrip(".,")
    return place.title() if place.isupper() else place


def dateline(text: str) -> Dateline | None:
    """The dateline at the very start of a text, or the heading lines of place and date under a readout's
    title ("Readout of a call with the President of …" / "Geneva, 3 March 2021")."""
    found = _at_start(text)
    if found is not None:
        return found
    # under a readout's title lines (a byline, a title: each a line with no final stop, then a blank line)
    offset = 0
    for _ in range(_TITLE_LINES):
        title = _TITLE_LINE.match(text, offset)
        if title is None:
            break
        offset = title.end()
        below = _at_start(text[offset:])
        if below is not None and below.kind == "header" and below.date_text:
            return Dateline(below.city, below.date_text, below.agency, offset + below.end, below.kind, offset)
    return _opening_paragraph(text)


#: How many paragraphs a page may put above the story's dateline (headline, byline, photo caption).
_OPENING_PARAGRAPHS = 5


def _opening_paragraph(text: str) -> Dateline | None:
    """A dateline opening one of the first paragraphs, under a page's headline, byline and caption:
    only the unmistakable forms, a city in capitals before a dash or a colon ("AMMAN — …", "ISLAMABAD: …")
    or an agency's."""
    for m in list(re.finditer(r"\n\s*\n", text[:1500]))[:_OPENING_PARAGRAPHS]:
        found = _at_start(text[m.end() :])
        if found is None or not found.city or found.kind not in {"dash", "agency", "colon"}:
            continue
        raw = text[m.end() : m.end() + found.end].lstrip()
        if not raw[: len(found.city)].isupper() and not raw[:1].isdigit():  # "15.03.2018, Baku -" is one too
            continue
        start = m.end() + (len(text[m.end() :]) - len(text[m.end() :].lstrip()))
        return Dateline(found.city, found.date_text, found.agency, m.end() + found.end, found.kind, start)
    return None


#: A heading line above a readout's place-and-date line: no final stop, then a blank line.
_TITLE_LINE = re.compile(r"[ \t]*[^\n]{6,200}[^.\n][ \t]*\n\s*\n")
#: How many such lines may stand above it ("Secretary-General Ban Ki-moon" / "Readout of …" / place, date).
_TITLE_LINES = 3


def _at_start(text: str) -> Dateline | None:
    head = text[:240]
    for kind, pattern in _FORMS:
        m = pattern.match(head)
        if not m:
            continue
        groups = m.groupdict()
        city = groups.get("city")
        if city and (_MONTH_ONLY.match(city.strip()) or len(city.split()) > 4):
            continue
        if kind == "dash" and groups.get("sep") == ":":
            kind = "colon"
        if kind == "dash" and city and not city.isupper() and not groups.get("date") and not groups.get("region"):
            continue  # "Greece's Prime Minister - …" is a sentence, not a dateline
        agency = groups.get("agency")
        region = groups.get("region")
        if kind == "dash" and city and region and region.isupper() and not city.isupper():
            kind, agency = "agency", region  # "Ankara, IRNA – …": capitals after a mixed-case city name an agency
        return Dateline(_title(city) if city else None, groups.get("date"), agency, m.end(), kind)
    return None
