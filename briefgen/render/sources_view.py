"""What a memo built from several accounts adds: the list of sources and "Sources differ" lines.

A memo from one source looks as it always did; these views are empty or unused then. With
several sources, each conflict in the model becomes one line, "Sources differ: A: …; B: …",
that the template prints beside the field (setting) or in a section of its own, and the
sources annex lists every source under its letter, which the citations repeat.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath
from typing import Any

from ..model import Conflict, Meeting, SourceInfo

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FIELD_NAMES = {
    "setting.date": "Date",
    "setting.date_text": "Date",
    "setting.location.city": "Place (city)",
    "setting.location.country": "Place (country)",
    "setting.location.venue": "Venue",
    "setting.occasion": "Occasion",
}


def source_view(info: SourceInfo, format_date) -> dict[str, Any]:
    return {
        "id": info.id,
        "title": info.title,
        "url": info.url,
        "published": format_date(info.published),
        "author": info.author,
        "file": PurePath(info.path).name if info.path else None,
        "sha256": info.sha256,
        "format": info.format,
    }


def _value(conflict: Conflict, value: str | None, format_date) -> str:
    if value is None:
        return "does not report it" if re.fullmatch(r"commitments\.\d+", conflict.field) else "not stated"
    if _ISO.match(value):
        return format_date(dt.date.fromisoformat(value)) or value
    return value


def differ_line(conflict: Conflict, format_date) -> str:
    """'Sources differ: A: 12 May 2026; B: 13 May 2026'."""
    parts = [f"{v.source}: {_value(conflict, v.value, format_date)}" for v in conflict.values]
    return "Sources differ: " + "; ".join(parts)


def _what(conflict: Conflict) -> str:
    field = conflict.field
    if field in _FIELD_NAMES:
        return _FIELD_NAMES[field]
    if field.endswith(".title"):
        return f"Title of {conflict.subject}" if conflict.subject else "Title"
    if field.endswith(".deadline"):
        return f"Deadline of “{conflict.subject}”"
    if field.endswith(".speaker"):
        return f"Speaker of “{conflict.subject}”"
    if re.fullmatch(r"commitments\.\d+", field):
        return f"Commitment “{conflict.subject}”"
    return field


def conflicts_view(meeting: Meeting, format_date) -> dict[str, Any]:
    """`all`: every conflict as {field, what, text}; `by_field`: its line keyed by model path;
    `setting`: the line to print beside the date, the place and the occasion (or None)."""
    rows = [{"field": c.field, "what": _what(c), "text": differ_line(c, format_date)} for c in meeting.conflicts]
    by_field = {r["field"]: r["text"] for r in rows}
    place = [r for r in rows if r["field"].startswith("setting.location.")]
    setting = {
        "date": by_field.get("setting.date") or by_field.get("setting.date_text"),
        "location": place[0]["text"]
        if len(place) == 1
        else ("; ".join(f"{r['what']}: {r['text']}" for r in place) or None),
        "occasion": by_field.get("setting.occasion"),
    }
    return {"all": rows, "by_field": by_field, "setting": setting}
