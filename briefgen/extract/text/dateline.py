"""Datelines: "ANKARA, March 3 (Reuters) -", "ADDIS ABABA —", "WASHINGTON:" at the very start of a text.

Why its own module: the dateline is read by the setting (where and when) and blanked out before
parsing (as the subject of the first sentence it confuses the parser: "BUENOS AIRES … pledged").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?)"
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?|\d{1,2} [A-Z][a-z]+(?: \d{4})?))?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?P<sep>[-–—:])\s+"
)


@dataclass
class Dateline:
    city: str | None
    date_text: str | None
    agency: str | None
    end: int
    dash: bool = False  # "ADDIS ABABA —" (news style: where the story happened) vs "WASHINGTON:" (where it was issued)


def dateline(text: str) -> Dateline | None:
    """A dateline at the very start of the text, e.g. "ANKARA, March 3 (Reuters) -" or "WASHINGTON:"."""
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    raw = m.group("city").strip()
    city_word = raw.split(",")[0].strip()
    if not city_word.isupper() and not m.group("agency"):
        return None
    return Dateline(
        city_word.title() if city_word.isupper() else city_word,
        m.group("date"),
        m.group("agency"),
        m.end(),
        m.group("sep") != ":",
    )
