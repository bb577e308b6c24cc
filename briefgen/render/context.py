"""Meeting + MemoSettings → the plain data a template sees.

Templates get dicts of raw strings (escaping happens on output, in templates.py) plus a few
things that are awkward to compute in Jinja: participants grouped by side, the background as a
sorted timeline, review flags, and citation markers. Each distinct evidence sentence gets one
footnote label; markdown-it numbers the labels in order of first citation, and only cited
excerpts reach the sources annex.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath
from typing import Any

from ..config import MemoSettings
from ..model import Evidence, Item, Meeting
from .templates import MdSafe, clean_text

NOT_STATED = "Not stated in the source"
MONTHS = tuple(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_MONTH_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.I)
_YEAR_RE = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def format_date(value: dt.date | None) -> str | None:
    """'7 March 2025': unambiguous in every English-speaking bureaucracy, no locale needed."""
    return None if value is None else f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _text(value: str | None) -> str | None:
    """Source strings with XML-illegal characters removed; empty strings count as unstated."""
    if value is None:
        return None
    cleaned = clean_text(value).strip()
    return cleaned or None


class Citations:
    """Give each distinct evidence span one footnote label, in order of first use."""

    def __init__(self) -> None:
        self.labels: dict[tuple[int, int, str], str] = {}
        self.excerpts: list[dict[str, Any]] = []

    def label(self, ev: Evidence) -> str | None:
        text = _text(ev.text)
        if text is None:
            return None
        key = (ev.start, ev.end, text)
        if key not in self.labels:
            self.labels[key] = f"s{len(self.labels) + 1}"
            self.excerpts.append({"label": self.labels[key], "text": text, "start": ev.start, "end": ev.end})
        return self.labels[key]

    def markers(self, item: Item) -> MdSafe:
        labels = [label for ev in item.evidence if (label := self.label(ev))]
        return MdSafe("".join(f"[^{label}]" for label in dict.fromkeys(labels)))


def _item(item: Item, cites: Citations, **fields: Any) -> dict[str, Any]:
    return {
        **fields,
        "confidence": round(item.confidence, 2),
        "confidence_pct": f"{round(item.confidence * 100)}%",
        "review": item.needs_review,
        "cite": cites.markers(item),
    }


def _person(p, cites: Citations) -> dict[str, Any]:
    name, title, affiliation, side = _text(p.name), _text(p.title), _text(p.affiliation), _text(p.side)
    return _item(
        p,
        cites,
        name=name,
        title=title,
        affiliation=affiliation,
        side=side,
        side_label=side or affiliation,
        display=name or title or NOT_STATED,
    )


def _sides(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Participants grouped by delegation, in order of first appearance."""
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for person in people:
        groups.setdefault(person["side_label"], []).append(person)
    return [{"label": label, "people": members} for label, members in groups.items()]


def _timeline_key(event: dict[str, Any], index: int) -> tuple[int, int, int, int]:
    """Sort background events by the date they carry, else by year/month named in their date text."""
    if event["date_iso"]:
        d = dt.date.fromisoformat(event["date_iso"])
        return (0, d.year, d.month, d.day * 100 + index)
    text = event["date_text"] or ""
    year = _YEAR_RE.search(text)
    if year is None:
        return (1, 0, 0, index)
    month = _MONTH_RE.search(text)
    month_no = MONTHS.index(month.group(1).capitalize()) + 1 if month else 0
    return (0, int(year.group(1)), month_no, index)


def _location(meeting: Meeting) -> str | None:
    loc = meeting.setting.location
    parts = [_text(loc.venue), _text(loc.city), _text(loc.country)]
    return ", ".join(p for p in parts if p) or None


def _subject(meeting: Meeting, people: list[dict[str, Any]], location: str | None) -> str:
    """The SUBJECT line: who met whom, and where; the source title when nobody is named."""
    names = []
    for p in people[:4]:
        who = p["name"] or p["title"]
        if who:
            names.append(f"{who} ({p['affiliation']})" if p["affiliation"] and p["name"] else who)
    if names:
        subject = "Meeting of " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0])
        where = _text(meeting.setting.location.city) or location
        return subject + (f", {where}" if where else "")
    return _text(meeting.source.title) or "Meeting (participants not stated in the source)"


def build_context(meeting: Meeting, settings: MemoSettings) -> dict[str, Any]:
    """Everything a template may use, as plain dicts, lists and strings."""
    cites = Citations()
    summary_cite = cites.markers(meeting.summary)
    people = [_person(p, cites) for p in meeting.participants]
    setting = meeting.setting
    location = _location(meeting)
    setting_view = _item(
        setting,
        cites,
        date_iso=setting.date.isoformat() if setting.date else None,
        date=format_date(setting.date),
        date_text=_text(setting.date_text),
        date_display=format_date(setting.date) or _text(setting.date_text),
        city=_text(setting.location.city),
        country=_text(setting.location.country),
        venue=_text(setting.location.venue),
        location=location,
        occasion=_text(setting.occasion),
    )
    topics = [
        _item(
            t,
            cites,
            label=_text(t.label) or NOT_STATED,
            category=_text(t.category),
            points=[pt for p in t.points if (pt := _text(p))],
        )
        for t in meeting.topics
    ]
    commitments = [
        _item(c, cites, actor=_text(c.actor), action=_text(c.action) or NOT_STATED, deadline=_text(c.deadline))
        for c in meeting.commitments
    ]
    quotes = [_item(q, cites, speaker=_text(q.speaker), text=_text(q.text) or "") for q in meeting.quotes]
    outlook = [_item(o, cites, text=_text(o.text) or "") for o in meeting.outlook]
    background = [
        _item(
            b,
            cites,
            text=_text(b.text) or "",
            date_iso=b.date.isoformat() if b.date else None,
            date_text=_text(b.date_text),
            date_display=format_date(b.date) or _text(b.date_text),
        )
        for b in meeting.background
    ]
    timeline = [e for _, e in sorted(enumerate(background), key=lambda pair: _timeline_key(pair[1], pair[0]))]
    mentioned = [_person(p, Citations()) for p in meeting.mentioned]
    source = meeting.source
    memo_date = _text(settings.memo_date) or format_date(source.published)
    keywords = [t["label"] for t in topics if t["label"] != NOT_STATED]
    return {
        "not_stated": NOT_STATED,
        "memo": {
            "to": _text(settings.to),
            "from": _text(settings.from_),
            "organisation": _text(settings.organisation),
            "classification": _text(settings.classification),
            "date": memo_date,
            "subject": _subject(meeting, people, location),
            "keywords": keywords,
        },
        "meeting": {
            "summary": {
                "lines": [ln for line in meeting.summary.lines if (ln := _text(line))],
                "cite": summary_cite,
                "review": meeting.summary.needs_review,
            },
            "participants": people,
            "sides": _sides(people),
            "mentioned": mentioned,
            "setting": setting_view,
            "topics": topics,
            "commitments": commitments,
            "quotes": quotes,
            "outlook": outlook,
            "background": background,
            "timeline": timeline,
        },
        "source": {
            "title": _text(source.title),
            "url": _text(source.url),
            "published": format_date(source.published),
            "author": _text(source.author),
            "file": PurePath(source.path).name if source.path else None,
            "sha256": source.sha256,
            "format": source.format,
        },
        "excerpts": cites.excerpts,
    }
