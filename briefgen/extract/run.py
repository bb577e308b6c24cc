"""The extraction run: analyse once, then each field family reads the same analysis."""

from __future__ import annotations

from ..model import Meeting, Person, SourceInfo
from .components.document import analyse
from .fields.commitments import extract_commitments
from .fields.outlook import extract_background, extract_outlook
from .fields.people import Person as Cluster
from .fields.people import find_people
from .fields.quotes import extract_quotes
from .fields.setting import extract_setting
from .fields.topics import extract_topics


def _person(an, p: Cluster) -> Person:
    person = Person(
        name=p.name,
        title=p.title,
        affiliation=p.affiliation,
        side=p.affiliation,  # unknown stays empty: a person is not their own delegation
        confidence=round(p.confidence if not p.affiliation_implied else min(p.confidence, 0.75), 2),
    )
    seen: set[int] = set()
    for m in p.mentions[:3]:
        if m.end <= m.start and m.kind == "group":
            continue
        tok = an.doc[min(m.start, len(an.doc) - 1)]
        ev = an.evidence(tok.idx, tok.idx + len(tok.text))
        if ev.start not in seen:
            seen.add(ev.start)
            person.evidence.append(ev)
    return person


def run_extraction(text: str, info: SourceInfo) -> Meeting:
    if not text.strip():
        return Meeting(source=info)
    an = analyse(text, info.published)
    if not an.sents:
        return Meeting(source=info)
    people = find_people(an)
    participants = [_person(an, p) for p in people.participants]
    mentioned = [_person(an, p) for p in people.mentioned]
    setting = extract_setting(an, people)
    commitments = extract_commitments(an, people)
    topics = extract_topics(an, people, commitments)
    quotes = extract_quotes(an, people)
    outlook = extract_outlook(an, people, commitments)
    background = extract_background(an, people, setting.date_text)
    return Meeting(
        source=info,
        participants=participants,
        mentioned=mentioned,
        setting=setting,
        topics=topics,
        commitments=commitments,
        quotes=quotes,
        outlook=outlook,
        background=background,
    )
