"""Several accounts of one meeting → one Meeting with evidence from each and explicit conflicts.

    text.py     folded keys, content stems, "same statement" overlap, combined confidence
    people.py   one person across accounts (short forms, offices without names)
    items.py    commitments, topics, quotes, outlook, background: grouped across accounts
    setting.py  date, place, occasion, with a conflict for each disagreement
    same.py     refuse accounts that are not one meeting

Only the model is imported: no extraction, no rendering. The result does not depend on the
order of the accounts (they are put in a canonical order first), and merging an account with
itself gives it back unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from ..model import Conflict, Item, Meeting, Person, SourceInfo, source_id
from . import items as it
from .people import Cluster, Entry, cluster_people, merged_evidence, source_values, titles_compatible
from .same import check_dates, check_people
from .setting import merge_setting
from .text import combined_confidence, fold

__all__ = ["account_label", "merge_meetings"]

#: Offset added to the rank of people only mentioned, so participants come first.
_MENTIONED = 1_000_000


def account_label(meeting: Meeting) -> str:
    """How an error names an account: its file names, else titles."""
    names = [PurePath(s.path).name if s.path else (s.title or "") for s in meeting.sources]
    return "+".join(n for n in names if n) or "an account without a file name"


def _source_key(info: SourceInfo) -> str:
    return info.model_dump_json(exclude={"id"})


def _remap(item: Item, mapping: dict[str, str]) -> Item:
    evidence = [ev.model_copy(update={"source": mapping[ev.source or ""]}) for ev in item.evidence]
    return item.model_copy(update={"evidence": evidence})


def _sources_of(item: Item, fallback: frozenset[str]) -> frozenset[str]:
    return frozenset(ev.source for ev in item.evidence if ev.source) or fallback


def merge_meetings(meetings: Sequence[Meeting], labels: Sequence[str] | None = None) -> Meeting:
    """One Meeting from several accounts of it; MergeError when they are not one meeting.

    `labels` name the accounts in errors (default: their file names).
    """
    if not meetings:
        raise ValueError("nothing to merge")
    labels = list(labels) if labels is not None else [account_label(m) for m in meetings]
    keyed = sorted(
        ((m.model_dump_json(), m, label) for m, label in zip(meetings, labels, strict=True)), key=lambda t: t[0]
    )
    accounts: dict[str, tuple[Meeting, str]] = {}
    for key, m, label in keyed:  # the same account twice is one account
        accounts.setdefault(key, (m, label))
    if len(accounts) == 1:
        return next(iter(accounts.values()))[0]
    return _merge([m for m, _ in accounts.values()], [label for _, label in accounts.values()])


def _merge(meetings: list[Meeting], labels: list[str]) -> Meeting:
    check_dates([m.setting.date for m in meetings], labels)
    sources: dict[str, SourceInfo] = {}
    mappings: list[dict[str, str]] = []
    for m in meetings:
        mapping = {}
        for info in m.sources:
            key = _source_key(info)
            if key not in sources:
                sources[key] = info.model_copy(update={"id": source_id(len(sources))})
            mapping[info.id or ""] = sources[key].id or ""
        mappings.append(mapping)
    all_ids = [s.id or "" for s in sources.values()]
    own = [frozenset(mp.values()) for mp in mappings]

    entries = []
    for n, (m, mp) in enumerate(zip(meetings, mappings, strict=True)):
        for i, p in enumerate(m.participants):
            q = _remap(p, mp)
            entries.append(Entry(q, _sources_of(q, own[n]), (n, i), True))
        for i, p in enumerate(m.mentioned):
            q = _remap(p, mp)
            entries.append(Entry(q, _sources_of(q, own[n]), (n, _MENTIONED + i), False))
    clusters = cluster_people(entries)
    check_people(clusters, labels)
    participants, mentioned, names, person_conflicts = _people(clusters)

    def renamed(item: Item, attr: str) -> Item:
        value = getattr(item, attr)
        canonical = names.get(fold(value)) if value else None
        return item.model_copy(update={attr: canonical}) if canonical and canonical != value else item

    def found(kind: str, rename: str | None = None) -> list[it.Found]:
        out = []
        for n, (m, mp) in enumerate(zip(meetings, mappings, strict=True)):
            for i, item in enumerate(getattr(m, kind)):
                q = _remap(item, mp)
                if rename:
                    q = renamed(q, rename)
                out.append(it.Found(q, _sources_of(q, own[n]), (n, i)))
        return out

    commitments, commitment_conflicts = it.merge_commitments(
        it.group(found("commitments", "actor"), it.same_commitment), all_ids
    )
    quotes, quote_conflicts = it.merge_quotes(it.group(found("quotes", "speaker"), it.same_quote))
    setting, setting_conflicts = merge_setting(
        [
            (m.model_copy(update={"setting": _remap(m.setting, mp)}), sorted(own[n], key=lambda s: (len(s), s)))
            for n, (m, mp) in enumerate(zip(meetings, mappings, strict=True))
        ]
    )
    richest = max(range(len(meetings)), key=lambda n: (_size(meetings[n]), -n))
    conflicts: list[Conflict] = [*setting_conflicts, *person_conflicts, *commitment_conflicts, *quote_conflicts]
    return Meeting(
        sources=list(sources.values()),
        summary=_remap(meetings[richest].summary, mappings[richest]),
        participants=participants,
        mentioned=mentioned,
        setting=setting,
        topics=it.merge_topics(it.group(found("topics"), it.same_topic)),
        commitments=commitments,
        quotes=quotes,
        outlook=it.merge_outlook(it.group(found("outlook"), it.same_outlook)),
        background=it.merge_background(it.group(found("background"), it.same_background)),
        conflicts=conflicts,
    )


def _size(m: Meeting) -> int:
    return len(m.participants) + len(m.topics) + len(m.commitments) + len(m.quotes) + len(m.outlook)


def _people(clusters: list[Cluster]) -> tuple[list[Person], list[Person], dict[str, str], list[Conflict]]:
    """Merged participants and mentioned people, the name map for actors/speakers, title conflicts."""
    participants: list[Person] = []
    mentioned: list[Person] = []
    names: dict[str, str] = {}
    conflicts: list[Conflict] = []
    for cluster in clusters:
        people = [e.person for e in cluster.entries]
        name = cluster.entries[0].person.name
        titles = source_values(cluster.entries, "title")
        compatible = all(titles_compatible(a, b) for _, a in titles for _, b in titles)
        if compatible:
            title = max((t for _, t in titles), key=lambda t: (len(t.split()), len(t), t), default=None)
        else:
            title = it.vote(titles)
        affiliation = it.vote(source_values(cluster.entries, "affiliation"))
        person = Person(
            name=name,
            title=title,
            affiliation=affiliation,
            side=it.vote(source_values(cluster.entries, "side")) or affiliation,
            evidence=merged_evidence(people),
            confidence=combined_confidence([p.confidence for p in people]),
        )
        is_participant = any(e.participant for e in cluster.entries)
        target = participants if is_participant else mentioned
        if not compatible:
            index = len(target)
            field = f"{'participants' if is_participant else 'mentioned'}.{index}.title"
            members = [it.Found(e.person, e.sources, e.rank) for e in cluster.entries]
            conflicts.append(it.conflict(field, name or title, titles, members))
        target.append(person)
        if name:
            for p in people:
                if p.name:
                    names[fold(p.name)] = name
    return participants, mentioned, names, conflicts
