"""Dates as the text states them: ISO only when day and year are fixed, never guessed.

dateparser resolves relative expressions ("on Wednesday", "yesterday") against the published
date; without one they stay as text. `search_dates` over whole texts gives false hits, so only
spaCy's DATE spans and datelines are parsed here.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import Any

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH},? \d{{4}}|{MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.I,
)
DAY_MONTH = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH}|{MONTH} \d{{1,2}}(?:st|nd|rd|th)?)\b", re.I)
RELATIVE = re.compile(
    r"\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening)|(?:on |last )?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # date.weekday() order
_WEEKDAY_ONLY = re.compile("(" + "|".join(_WEEKDAYS) + ")", re.I)


@cache
def _parser_for(base: dt.date | None) -> Any:
    """One dateparser per reference day: building one costs milliseconds (it normalises its tables)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12, 0)
    return DateDataParser(languages=["en"], settings=settings)


_MONTH_NUMBER = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
)}  # fmt: skip
_DAY_MONTH_YEAR = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<m1>[A-Za-z]+)\.?"
    r"|(?P<m2>[A-Za-z]+)\.? (?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r"(?:,? (?P<y>\d{4}))?$"
)
_RELATIVE_DAY = re.compile(
    r"(today|yesterday|tonight|this (?:morning|afternoon|evening)|last (" + "|".join(_WEEKDAYS) + "))"
)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _calendar_day(text: str, base: dt.date | None) -> dt.date | None | bool:
    """A day-month(-year) or ISO string read directly; False when the string has another shape.

    Why: these are nearly all the dates a meeting text states, and reading them needs no parser;
    dateparser (a second to load its language data) is left for the rare other shapes.
    """
    iso = _ISO.match(text)
    relative = _RELATIVE_DAY.fullmatch(text.strip().lower())
    if relative and base is not None:
        word, weekday = relative.group(1), relative.group(2)
        if weekday:  # "last Monday": the one before the reference day
            back = (base.weekday() - _WEEKDAYS.index(weekday)) % 7 or 7
            return base - dt.timedelta(days=back)
        return base - dt.timedelta(days=1) if word == "yesterday" else base
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        m = _DAY_MONTH_YEAR.match(" ".join(text.split()))
        if not m:
            return False
        month = _MONTH_NUMBER.get((m.group("m1") or m.group("m2") or "")[:3].lower())
        if month is None:
            return False
        year = int(m.group("y")) if m.group("y") else base.year if base is not None else None
        if year is None:
            return None
        return dt.date(year, month, int(m.group("d1") or m.group("d2")))
    except ValueError:  # "31 February"
        return None


@lru_cache(maxsize=4096)
def _parse(text: str, base: dt.date | None) -> dt.date | None:
    direct = _calendar_day(text, base)
    if direct is not False:
        return direct
    try:
        data = _parser_for(base).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings; a date is optional
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


#: A day written in figures with dots, day first: "15.03.2018".
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})")


def resolve(text: str, published: dt.date | None) -> dt.date | None:
    """The calendar day a date expression fixes, or None.

    Without a published date only a full day-month-year is accepted; with one, day-month and
    relative days ("on Wednesday", "today") are resolved against it.
    """
    text = re.sub(r"^(?:on|On|ON)\s+", "", text.strip())
    dotted = _DOTTED.fullmatch(text)
    if dotted:  # "15.03.2018": day first, as the ministries that write it so do
        try:
            return dt.date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
        except ValueError:
            return None
    full = FULL_DATE.search(text)
    if full:
        return _parse(full.group(0), None)
    if published is None:
        return None
    weekday = _WEEKDAY_ONLY.fullmatch(text)
    if weekday:  # "on Thursday" in a text of Thursday is that day; otherwise the one before
        wanted = _WEEKDAYS.index(weekday.group(1).lower())
        return published - dt.timedelta(days=(published.weekday() - wanted) % 7)
    if DAY_MONTH.search(text) or RELATIVE.search(text):
        found = _parse(DAY_MONTH.search(text).group(0) if DAY_MONTH.search(text) else text, published)
        if found and found <= published + dt.timedelta(days=1):
            return found
        if found and DAY_MONTH.search(text):  # "March 3" read as next year: take the year before
            try:
                return found.replace(year=found.year - 1)
            except ValueError:
                return None
    return None


def is_day_expression(text: str) -> bool:
    """A date expression that names a day (absolute or relative), as a meeting date is written."""
    return bool(FULL_DATE.search(text) or DAY_MONTH.search(text) or RELATIVE.search(text))
