"""Outlook (next steps, future meetings) and background (earlier events with their dates).

Outlook: sentences with a forward-looking cue from cues.yaml ("will", "look forward", "next year",
"further contacts", "plans to" …), outside quotations, one item per sentence. Background: date
expressions naming an earlier period ("in November 2024") attached to an event noun ("the first
ministerial meeting held in Sochi"), never the meeting's own date.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import BackgroundEvent, Commitment, OutlookItem
from .dates import FULL_DATE, resolve
from .document import Analysis
from .people import People
from .resources import cues

_MAX_WORDS = 40
#: Undertakings this sure (cue verbs: agreed, committed, decided …) make their sentence a next step.
_COMMITMENT_CONFIDENCE = 0.8
_EVENT_NOUNS = {
    "meeting", "summit", "conference", "visit", "talks", "session", "forum", "agreement", "election", "elections",
    "dialogue", "ministerial", "consultations", "call", "treaty", "memorandum", "declaration", "round", "trip",
}  # fmt: skip


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:_MAX_WORDS]) + (" …" if len(words) > _MAX_WORDS else "")


def extract_outlook(an: Analysis, people: People, commitments: list[Commitment] | None = None) -> list[OutlookItem]:
    """Next steps, one item per sentence: forward-looking sentences and the sentences that hold an undertaking."""
    phrases = [c.lower() for c in cues().get("outlook_cues", [])]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
    undertaken = {ev.start for c in commitments or [] if c.confidence >= _COMMITMENT_CONFIDENCE for ev in c.evidence}
    out: list[OutlookItem] = []
    if not people.participants:
        return out  # a statement with no meeting has no next steps of a meeting
    for sent in an.sents:
        evidence = an.sentence_evidence(sent)
        body = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", an.text_of(sent))
        hits = pattern.findall(body.lower())
        past = bool(re.search(r"\b(?:has|have|had) (?:committed|pledged)\b", body)) and "will" not in hits
        if evidence.start in undertaken:
            confidence = 0.7
        elif not hits or sent is people.frame_sentence or past:
            continue
        else:
            confidence = 0.6 if hits != ["will"] else 0.5
        item = OutlookItem(text=_short(an.text_of(sent).strip()), confidence=confidence)
        item.evidence = [evidence]
        out.append(item)
    return out


def _event_head(tok: Any) -> Any:
    """Climb from a date to the event noun it dates ("meeting held in Sochi in November 2024")."""
    cur = tok
    for _ in range(5):
        if cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ in {"NOUN", "PROPN"} and (cur.lemma_.lower() in _EVENT_NOUNS or cur.text.lower() in _EVENT_NOUNS):
            return cur
    return None


def extract_background(an: Analysis, people: People, meeting_date_text: str | None) -> list[BackgroundEvent]:
    doc = an.doc
    out: list[BackgroundEvent] = []
    for ent in an.ents:
        if ent.label_ != "DATE":
            continue
        if meeting_date_text and ent.text in meeting_date_text:
            continue
        if not re.search(r"\b(1[89]\d\d|20\d\d)\b", ent.text) or re.search(
            r"\b(next|coming|by|until)\b", ent.text, re.I
        ):
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in {"by", "until", "before"}:
            continue
        head = _event_head(ent.root)
        if head is None:
            continue
        left = min(head.left_edge.i, ent.start)
        right = max(ent.end, head.i + 1)
        if right - left > 25:
            left = max(left, ent.start - 12)
        text = doc[left:right].text.strip(" ,.;")
        date = resolve(ent.text, None) if FULL_DATE.search(ent.text) else None
        item = BackgroundEvent(text=text, date_text=ent.text, date=date, confidence=0.7)
        item.evidence = [an.sentence_evidence(ent.sent)]
        out.append(item)
    return out
