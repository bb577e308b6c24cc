"""Dossier + settings → the plain data the dossier template sees.

As for a memo, templates get raw strings (escaped on output) and ready-made citation markers.
Each distinct evidence sentence of each meeting's source gets one footnote; the excerpt names
the meeting (and the source's letter when that meeting has several sources).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..config import MemoSettings
from ..merge.text import fold
from ..model import Cite, Dossier
from ..render.context import format_date
from ..render.templates import MdSafe

STATUS_ORDER = ("overdue", "due", "restated", "no deadline", "reported done")


class Citations:
    def __init__(self, several: set[str]) -> None:
        self.labels: dict[tuple, str] = {}
        self.excerpts: list[dict[str, Any]] = []
        self.several = several  # meetings with more than one source

    def markers(self, cites: list[Cite]) -> MdSafe:
        labels = []
        for cite in cites:
            ev = cite.evidence
            key = (cite.meeting, ev.source if cite.meeting in self.several else None, fold(ev.text))
            if not key[2]:
                continue
            if key not in self.labels:
                self.labels[key] = f"d{len(self.labels) + 1}"
                where = f"{cite.meeting} ({key[1]})" if key[1] else cite.meeting
                self.excerpts.append({"label": self.labels[key], "text": f"{where}: {' '.join(ev.text.split())}"})
            labels.append(self.labels[key])
        return MdSafe("".join(f"[^{label}]" for label in dict.fromkeys(labels)))


def build_context(dossier: Dossier, settings: MemoSettings) -> dict[str, Any]:
    meetings = {m.id: m for m in dossier.meetings}
    cites = Citations({m.id for m in dossier.meetings if len(m.sources) > 1})

    def meeting_label(mid: str | None) -> str | None:
        if mid is None:
            return None
        m = meetings[mid]
        when = format_date(m.date) or m.date_text
        return f"{mid} ({when})" if when else mid

    parties = " and ".join(dossier.parties)
    dates = [m.date for m in dossier.meetings if m.date]
    span = f"{format_date(min(dates))} – {format_date(max(dates))}" if len(dates) > 1 else None
    timeline = [
        {
            "background": e.kind == "background",
            "meeting": e.meeting,
            "date": format_date(e.date) or e.date_text,
            "place": e.place,
            "occasion": e.occasion,
            "participants": "; ".join(e.participants),
            "outcome": e.outcome,
            "cite": cites.markers(e.evidence),
        }
        for e in dossier.timeline
    ]
    commitments = [
        {
            "actor": c.actor,
            "action": c.action,
            "deadline": c.deadline,
            "first_made": meeting_label(c.first_made),
            "restated": ", ".join(c.restated_at),
            "done_at": meeting_label(c.reported_done_at),
            "status": c.status,
            "cite": cites.markers(c.evidence),
        }
        for c in dossier.commitments
    ]
    counts = Counter(c.status for c in dossier.commitments)
    topics = [
        {
            "label": t.label,
            "count": len(t.meetings),
            "first": meeting_label(t.first_raised),
            "last": meeting_label(t.last_raised),
            "cite": cites.markers(t.evidence[:1]),
        }
        for t in dossier.topics
    ]
    quotes = [
        {
            "speaker": s.speaker,
            "quotes": [
                {"text": q.text, "meeting": meeting_label(q.meeting), "cite": cites.markers(q.evidence)}
                for q in s.quotes
            ],
        }
        for s in dossier.quotes
    ]
    people = [
        {
            "name": p.name,
            "affiliation": p.affiliation,
            "titles": "; ".join(
                f"{t.title} ({t.first})" if t.first == t.last else f"{t.title} ({t.first}–{t.last})" for t in p.titles
            ),
            "meetings": len(p.meetings),
        }
        for p in dossier.people
    ]
    sources = [
        {
            "id": m.id,
            "date": format_date(m.date) or m.date_text,
            "place": m.place,
            "input": m.input,
            "sources": "; ".join(
                (f"{s.id}: " if len(m.sources) > 1 else "") + (s.title or s.path or "untitled source")
                for s in m.sources
            ),
        }
        for m in dossier.meetings
    ]
    return {
        "memo": {
            "to": settings.to,
            "from": settings.from_,
            "organisation": settings.organisation,
            "classification": settings.classification,
            "date": format_date(dossier.as_of),
            "subject": f"Relationship dossier: {parties}",
            "keywords": list(dossier.parties),
        },
        "dossier": {
            "parties": parties,
            "as_of": format_date(dossier.as_of),
            "span": span,
            "meeting_count": len(dossier.meetings),
            "status_counts": [{"status": s, "count": counts[s]} for s in STATUS_ORDER if counts[s]],
            "timeline": timeline,
            "commitments": commitments,
            "topics": topics,
            "quotes": quotes,
            "people": people,
            "meetings": sources,
        },
        "excerpts": cites.excerpts,
    }
