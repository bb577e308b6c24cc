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
from . import compose
from .sources_view import conflicts_view, source_view
from .templates import MdSafe, clean_text
from .wording import is_generic_title, key, pronoun_led, sentence_start, short_label, title_case

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


def _present_line(line: str, people: list[Any]) -> str:
    """A BLUF line with each participant's title as a title, or dropped when it is generic."""
    for p in people:
        if not (p.name and p.title):
            continue
        name, title = _text(p.name), _text(p.title)
        if not name or not title:
            continue
        replacement = name if is_generic_title(title) else f"{title_case(title)} {name}"
        pattern = re.compile(r"(?<!\w)" + re.escape(title) + r"\s+" + re.escape(name) + r"(?!\w)", re.I)
        line = pattern.sub(lambda _m, r=replacement: r, line)
    return sentence_start(line) or line


_key = key


def _unrepeated_outlook(outlook: list[dict[str, Any]], meeting: Meeting) -> list[dict[str, Any]]:
    """Next steps without those the commitments table already states.

    An outlook item repeats a commitment when it rests on the same source sentence, or when its
    text contains the commitment's action.
    """
    sentences = {_key(ev.text) for c in meeting.commitments for ev in c.evidence if ev.text}
    actions = [_key(c.action) for c in meeting.commitments if c.action and len(c.action) > 12]
    kept = []
    for item, source in zip(outlook, meeting.outlook, strict=True):
        text = _key(item["text"])
        if any(_key(ev.text) in sentences for ev in source.evidence if ev.text):
            continue
        if any(action in text for action in actions):
            continue
        kept.append(item)
    return kept


class Citations:
    """Give each distinct evidence sentence one footnote label, in order of first use.

    Sentences are compared by their text (whitespace and case folded), so the same sentence
    cited by several items, or recorded at slightly different offsets, is one excerpt. With
    several sources (`named_sources`), an excerpt is also told apart by its source and names it.
    """

    def __init__(self, named_sources: bool = False) -> None:
        self.labels: dict[str, str] = {}
        self.excerpts: list[dict[str, Any]] = []
        self.named_sources = named_sources

    def label(self, ev: Evidence) -> str | None:
        text = _text(ev.text)
        if text is None:
            return None
        source = ev.source if self.named_sources else None
        key = f"{source}\0{_key(text)}" if source else _key(text)
        if key not in self.labels:
            self.labels[key] = f"s{len(self.labels) + 1}"
            self.excerpts.append(
                {"label": self.labels[key], "text": text, "start": ev.start, "end": ev.end, "source": source}
            )
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


def _inline_action(action: str | None, item: Item) -> str | None:
    """The action as it reads after "Rwanda to …": 'Establish a centre' → 'establish a centre'.

    The first letter is lowered only when the evidence sentence has that word in lower case,
    so a name ('Kigali will …') keeps its capital.
    """
    if not action or not action[:1].isupper():
        return action
    first = action.split()[0]
    if first[1:] != first[1:].lower():
        return action
    lowered = first.lower()
    if any(re.search(r"(?<!\w)" + re.escape(lowered) + r"(?!\w)", ev.text) for ev in item.evidence):
        return lowered + action[len(first) :]
    return action


def _topic(t, cites: Citations) -> dict[str, Any]:
    """A topic with its label as written (capitalised) and a short heading made from it.

    `poor` marks a label that cannot stand as a heading even shortened (it starts or ends with
    a pronoun: "expanding it"); the BLUF's topic list leaves such labels out.
    """
    label = _text(t.label)
    short = short_label(label) if label else NOT_STATED
    words = short.split()
    poor = not label or pronoun_led(short) or (len(words) > 1 and pronoun_led(words[-1]))
    return _item(
        t,
        cites,
        label=sentence_start(label) or NOT_STATED,
        short=short,
        heading=sentence_start(short),
        poor=poor,
        category=_text(t.category),
        points=[pt for p in t.points if (pt := _text(p))],
    )


def _mark_new_points(topics: list[dict[str, Any]]) -> None:
    """`new_points`: the points no earlier topic showed, so a shared sentence is printed once."""
    seen: set[str] = set()
    for t in topics:
        t["new_points"] = [p for p in t["points"] if _key(p) not in seen]
        seen.update(_key(p) for p in t["points"])


def _person(p, cites: Citations) -> dict[str, Any]:
    name, affiliation, side = _text(p.name), _text(p.affiliation), _text(p.side)
    title = title_case(_text(p.title))
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


def _unresolved_date(date_text: str | None) -> str | None:
    """A date the text gives only relatively ("today", "on Wednesday"): shown as written, and said
    to be unresolved, so nobody reads "today" as the day the memo is read."""
    text = _text(date_text)
    return f"{text} (as written; no calendar date in the source)" if text else None


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
    cites = Citations(named_sources=len(meeting.sources) > 1)
    summary_cite = cites.markers(meeting.summary)
    differ = conflicts_view(meeting, format_date)
    people = [_person(p, cites) for p in meeting.participants]
    setting = meeting.setting
    location = _location(meeting)
    setting_view = _item(
        setting,
        cites,
        date_iso=setting.date.isoformat() if setting.date else None,
        date=format_date(setting.date),
        date_text=_text(setting.date_text),
        date_display=format_date(setting.date) or _unresolved_date(setting.date_text),
        city=_text(setting.location.city),
        country=_text(setting.location.country),
        venue=_text(setting.location.venue),
        location=location,
        occasion=_text(setting.occasion),
        differ=differ["setting"],
    )
    topics = [_topic(t, cites) for t in meeting.topics]
    _mark_new_points(topics)
    commitments = [
        _item(
            c,
            cites,
            actor=_text(c.actor),
            action=sentence_start(_text(c.action)) or NOT_STATED,
            raw_action=_inline_action(_text(c.action), c),
            deadline=_text(c.deadline),
            deadline_in_action=bool(c.deadline and c.action and _key(c.deadline) in _key(c.action)),
            deadline_differ=differ["by_field"].get(f"commitments.{i}.deadline"),
            reported_by_some=differ["by_field"].get(f"commitments.{i}"),
        )
        for i, c in enumerate(meeting.commitments)
    ]
    quotes = [_item(q, cites, speaker=_text(q.speaker), text=_text(q.text) or "") for q in meeting.quotes]
    outlook = [
        _item(o, cites, text=(text := _text(o.text) or ""), pronoun_led=pronoun_led(text)) for o in meeting.outlook
    ]
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
    # The DATE line: the memo_date setting, else the source's published date; never the clock.
    memo_date = _text(settings.memo_date) or format_date(source.published)
    keywords = [t["heading"] for t in topics if t["label"] != NOT_STATED]
    summary = {
        "lines": [_present_line(ln, meeting.participants) for line in meeting.summary.lines if (ln := _text(line))],
        "cite": summary_cite,
        "review": meeting.summary.needs_review,
    }
    meeting_view = {
        "summary": summary,
        "participants": people,
        "sides": _sides(people),
        "mentioned": mentioned,
        "setting": setting_view,
        "topics": topics,
        "commitments": commitments,
        "quotes": quotes,
        "outlook": outlook,
        "next_steps": _unrepeated_outlook(outlook, meeting),
        "background": background,
        "timeline": timeline,
    }
    meeting_view["bluf"] = compose.bluf(summary["lines"], summary, meeting_view)
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
        "meeting": meeting_view,
        "talking": compose.talking_points(meeting, meeting_view, settings.own_side),
        "source": {
            "title": _text(source.title),
            "url": _text(source.url),
            "published": format_date(source.published),
            "author": _text(source.author),
            "file": PurePath(source.path).name if source.path else None,
            "sha256": source.sha256,
            "format": source.format,
        },
        "sources": [source_view(info, format_date) for info in meeting.sources] if len(meeting.sources) > 1 else [],
        "conflicts": differ["all"],
        "excerpts": cites.excerpts,
    }
