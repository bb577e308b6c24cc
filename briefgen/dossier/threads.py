"""What runs through many meetings: the timeline, topics, quotes by person, people and titles.

Meetings arrive in date order with their ids (M1, M2, …). People are unified across meetings
as across accounts of one meeting (`merge.people`), so "Lavrov" in one readout and "Sergei
Lavrov" in the next are one person whose titles are listed in the order held.
"""

from __future__ import annotations

from collections import defaultdict

from ..merge.people import Entry, cluster_people, titles_compatible
from ..merge.text import fold, same_statement, stems
from ..model import (
    Cite,
    Meeting,
    PersonRecord,
    QuoteEntry,
    SpeakerQuotes,
    TimelineEntry,
    TitleHeld,
    TopicThread,
)
from .deadlines import partial_date

NO_SPEAKER = "Speaker not stated in the source"


def when(meeting: Meeting) -> tuple[int, int, int]:
    """A sort key for a meeting: its date, else the date as written, else its publication date."""
    s = meeting.setting
    if s.date:
        return (s.date.year, s.date.month, s.date.day)
    written = partial_date(s.date_text)
    if written:
        return written
    published = max((src.published for src in meeting.sources if src.published), default=None)
    if published:
        return (published.year, published.month, published.day)
    return (9999, 0, 0)


def place(meeting: Meeting) -> str | None:
    loc = meeting.setting.location
    return ", ".join(p for p in (loc.venue, loc.city, loc.country) if p) or None


def person_line(p, names: dict[str, str] | None = None) -> str:
    """'Ingrid Halvorsen (Foreign Minister, Norway)', with the fullest name in `names` if given."""
    details = ", ".join(x for x in (p.title, p.affiliation) if x)
    who = (names or {}).get(fold(p.name), p.name) if p.name else p.title or "Name not stated"
    return f"{who} ({details})" if details and p.name else who


def outcome(meeting: Meeting) -> str | None:
    """One line: the most confident commitment, else the first next step, summary line or topic."""
    if meeting.commitments:
        c = max(meeting.commitments, key=lambda c: c.confidence)
        return f"{c.actor}: {c.action}" if c.actor else c.action
    if meeting.outlook:
        return meeting.outlook[0].text
    if meeting.summary.lines:
        return meeting.summary.lines[0]
    if meeting.topics:
        return f"Discussed {meeting.topics[0].label}"
    return None


def cites(meeting_id: str, evidence, limit: int = 2) -> list[Cite]:
    return [Cite(meeting=meeting_id, evidence=ev) for ev in evidence[:limit]]


def timeline(meetings: list[Meeting], ids: list[str], names: dict[str, str]) -> list[TimelineEntry]:
    """Meetings and, marked as background, earlier engagements the texts mention, in date order."""
    entries: list[tuple[tuple[int, int, int], int, TimelineEntry]] = []
    for n, (m, mid) in enumerate(zip(meetings, ids, strict=True)):
        entry = TimelineEntry(
            kind="meeting",
            meeting=mid,
            date=m.setting.date,
            date_text=m.setting.date_text,
            place=place(m),
            occasion=m.setting.occasion,
            participants=[person_line(p, names) for p in m.participants],
            outcome=outcome(m),
            evidence=cites(mid, m.setting.evidence),
        )
        entries.append((when(m), n, entry))
    known = {
        (m.setting.date.year, m.setting.date.month, fold(m.setting.location.city)) for m in meetings if m.setting.date
    }
    kept: list[tuple[str, str | None, object]] = []
    for m, mid in zip(meetings, ids, strict=True):
        for b in m.background:
            key = (b.date.year, b.date.month, b.date.day) if b.date else partial_date(b.date_text)
            if key and any(key[:2] == (y, mo) and city and city in fold(b.text) for y, mo, city in known):
                continue  # a meeting the dossier already holds
            if any(_same_event(b, k) for k in kept):
                continue
            kept.append((b.text, fold(b.date_text) or (b.date.isoformat() if b.date else None), b))
            entry = TimelineEntry(
                kind="background",
                meeting=mid,
                date=b.date,
                date_text=b.date_text,
                outcome=b.text,
                evidence=cites(mid, b.evidence, 1),
            )
            entries.append((key or (9999, 0, 0), len(meetings) + len(kept), entry))
    return [e for _, _, e in sorted(entries, key=lambda t: (t[0], t[1]))]


def _same_event(b, kept: tuple[str, str | None, object]) -> bool:
    text, date_key, _ = kept
    mine = fold(b.date_text) or (b.date.isoformat() if b.date else None)
    return (mine == date_key or not mine or not date_key) and same_statement(b.text, text)


def topics(meetings: list[Meeting], ids: list[str]) -> list[TopicThread]:
    threads: list[tuple[str, list[int], list[Cite]]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for n, m in enumerate(meetings):
        for t in m.topics:
            near = sorted({i for s in stems(t.label) for i in index.get(s, ())})
            match = next((i for i in near if same_statement(threads[i][0], t.label)), None)
            if match is None:
                threads.append((t.label, [n], cites(ids[n], t.evidence, 1)))
                for s in stems(t.label):
                    index[s].append(len(threads) - 1)
            elif n not in threads[match][1]:
                threads[match][1].append(n)
                threads[match][2].extend(cites(ids[n], t.evidence, 1))
    out = [
        TopicThread(
            label=label,
            meetings=[ids[n] for n in ns],
            first_raised=ids[ns[0]],
            last_raised=ids[ns[-1]],
            evidence=evidence,
        )
        for label, ns, evidence in threads
    ]
    return sorted(out, key=lambda t: (-len(t.meetings), ids.index(t.first_raised)))


def people(meetings: list[Meeting], ids: list[str]) -> tuple[list[PersonRecord], dict[str, str]]:
    """Everyone who took part, with titles in the order held; and the map of name variants."""
    entries = [
        Entry(p, frozenset({ids[n]}), (n, i), True)
        for n, m in enumerate(meetings)
        for i, p in enumerate(m.participants)
    ]
    records: list[PersonRecord] = []
    names: dict[str, str] = {}
    for cluster in cluster_people(entries):
        first = cluster.entries[0].person
        name = first.name or first.title or "Name not stated"
        held: list[TitleHeld] = []
        seen_meetings: list[str] = []
        for e in sorted(cluster.entries, key=lambda e: e.rank):
            mid = ids[e.rank[0]]
            if mid not in seen_meetings:
                seen_meetings.append(mid)
            title = e.person.title
            if not title:
                continue
            if held and titles_compatible(held[-1].title, title):
                longer = title if len(title) > len(held[-1].title) else held[-1].title
                held[-1] = TitleHeld(title=longer, first=held[-1].first, last=mid)
            else:
                held.append(TitleHeld(title=title, first=mid, last=mid))
        records.append(PersonRecord(name=name, affiliation=cluster.affiliation, titles=held, meetings=seen_meetings))
        if first.name:
            for e in cluster.entries:
                if e.person.name:
                    names[fold(e.person.name)] = first.name
    return records, names


def quotes(meetings: list[Meeting], ids: list[str], names: dict[str, str]) -> list[SpeakerQuotes]:
    by_speaker: dict[str, list[QuoteEntry]] = {}
    for n, m in enumerate(meetings):
        for q in m.quotes:
            speaker = names.get(fold(q.speaker), q.speaker) if q.speaker else NO_SPEAKER
            by_speaker.setdefault(speaker, []).append(
                QuoteEntry(meeting=ids[n], text=q.text, evidence=cites(ids[n], q.evidence, 1))
            )
    return [SpeakerQuotes(speaker=s, quotes=qs) for s, qs in by_speaker.items()]
