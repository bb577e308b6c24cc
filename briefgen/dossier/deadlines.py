"""A deadline as written ("by the end of 2026", "within six months") → the last day it allows.

Only what the words fix is dated: "by mid-2027" is 30 June 2027, "within six months" counts
from the meeting's date and so needs it, "soon" or "in the coming period" give nothing, and a
commitment with such a deadline is never called overdue. dateparser does not read these
phrases (docs/EXTRACTION.md), hence this small grammar.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..merge.text import words_data

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"((?:19|20)\d\d)"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = words_data("dossier").get("number_words", {}).get(word)
    return int(value) if isinstance(value, int) else None


_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+{_YEAR}\b"), "day_month_year"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+{_YEAR}\b"), "month_day_year"),
    (re.compile(rf"\b(?:first half|middle|mid)\W*(?:of\s+)?{_YEAR}\b"), "mid"),
    (re.compile(rf"\bsecond half\s+of\s+{_YEAR}\b"), "year"),
    (re.compile(rf"\bearly\s+{_YEAR}\b"), "early"),
    (re.compile(rf"\b{_MONTH}\s+{_YEAR}\b"), "month_year"),
    (re.compile(rf"\bbefore\s+{_YEAR}\b"), "before_year"),
    (re.compile(rf"\b{_YEAR}\b"), "year"),
    (re.compile(r"\bnext year\b"), "next_year"),
    (re.compile(r"\b(?:end of (?:the|this) year|this year|year[- ]end)\b"), "this_year"),
    (re.compile(r"\bnext month\b"), "next_month"),
    (re.compile(r"\bwithin\s+(?:the\s+next\s+)?(\w+)\s+(day|week|month|year)s?\b"), "within"),
]


def resolve_deadline(text: str | None, meeting_date: dt.date | None) -> dt.date | None:
    """The last day a deadline allows, or None when its words do not fix one."""
    if not text:
        return None
    low = text.lower()
    for pattern, kind in _RULES:
        m = pattern.search(low)
        if not m:
            continue
        day = _apply(kind, m.groups(), meeting_date)
        if day is not None:
            return day
    return None


def _apply(kind: str, groups: tuple, meeting_date: dt.date | None) -> dt.date | None:  # noqa: C901 - a table
    try:
        if kind == "day_month_year":
            return dt.date(int(groups[2]), _MONTHS[groups[1]], int(groups[0]))
        if kind == "month_day_year":
            return dt.date(int(groups[2]), _MONTHS[groups[0]], int(groups[1]))
        if kind == "month_year":
            return _month_end(int(groups[1]), _MONTHS[groups[0]])
        if kind == "mid":
            return dt.date(int(groups[0]), 6, 30)
        if kind == "early":
            return dt.date(int(groups[0]), 4, 30)
        if kind == "year":
            return dt.date(int(groups[0]), 12, 31)
        if kind == "before_year":
            return dt.date(int(groups[0]) - 1, 12, 31)
    except ValueError:
        return None
    if meeting_date is None:
        return None
    if kind == "next_year":
        return dt.date(meeting_date.year + 1, 12, 31)
    if kind == "this_year":
        return dt.date(meeting_date.year, 12, 31)
    if kind == "next_month":
        nxt = _add_months(meeting_date.replace(day=1), 1)
        return _month_end(nxt.year, nxt.month)
    if kind == "within":
        n = _number(groups[0])
        if n is None:
            return None
        unit = groups[1]
        if unit == "day":
            return meeting_date + dt.timedelta(days=n)
        if unit == "week":
            return meeting_date + dt.timedelta(weeks=n)
        return _add_months(meeting_date, n * (12 if unit == "year" else 1))
    return None


_YEAR_RE = re.compile(rf"\b{_YEAR}\b")
_MONTH_RE = re.compile(rf"\b{_MONTH}(?!\w)")


def partial_date(text: str | None) -> tuple[int, int, int] | None:
    """(year, month or 0, day or 0) named in a date as written ("November 2024" → (2024, 11, 0))."""
    if not text:
        return None
    low = text.lower()
    year = _YEAR_RE.search(low)
    if not year:
        return None
    month = _MONTH_RE.search(low)
    day = re.search(r"\b(\d{1,2})\b", low[: month.start()] if month else "")
    return (int(year.group(1)), _MONTHS[month.group(1)] if month else 0, int(day.group(1)) if day else 0)
