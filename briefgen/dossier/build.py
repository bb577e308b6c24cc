"""Meetings → Dossier: keep those between the parties, order them, follow what runs through them."""

from __future__ import annotations

import datetime as dt

from ..errors import DossierError, MergeError
from ..merge import merge_meetings
from ..merge.people import names_match
from ..model import Dossier, DossierMeeting, Meeting
from . import threads
from .parties import default_parties, party_in, usual_affiliations
from .tracker import track

#: One input: the meeting, how to name the input, and its source texts by source id.
Input = tuple[Meeting, str, dict[str, str]]


def _shares_person(a: Meeting, b: Meeting) -> bool:
    return any(p.name and q.name and names_match(p.name, q.name) for p in a.participants for q in b.participants)


def merge_accounts(items: list[Input]) -> list[Input]:
    """Inputs that are accounts of one meeting (dates at most a day apart, a participant in
    common) become one merged meeting, as `--merge` would make it; the rest stay as they are."""
    dated = sorted((i for i in items if i[0].setting.date), key=lambda i: (i[0].setting.date, i[1]))
    groups: list[list[Input]] = []
    for item in dated:
        last = groups[-1] if groups else None
        if (
            last
            and (item[0].setting.date - last[0][0].setting.date).days <= 1
            and any(_shares_person(item[0], other[0]) for other in last)
        ):
            last.append(item)
        else:
            groups.append([item])
    out = [i for i in items if not i[0].setting.date]
    for group in groups:
        if len(group) == 1:
            out.extend(group)
            continue
        try:
            merged = merge_meetings([m for m, _, _ in group], labels=[label for _, label, _ in group])
        except MergeError:
            out.extend(group)
            continue
        ids = {(s.path, s.sha256, s.title): s.id for s in merged.sources}
        texts = {
            ids[(info.path, info.sha256, info.title)]: text
            for m, _, by_id in group
            for sid, text in by_id.items()
            if (info := m.source_by_id(sid)) and (info.path, info.sha256, info.title) in ids
        }
        out.append((merged, " + ".join(label for _, label, _ in group), texts))
    return out


def build_dossier(
    meetings: list[Meeting],
    labels: list[str],
    parties: list[str] | None = None,
    as_of: dt.date | None = None,
    texts: list[str | None] | None = None,
) -> Dossier:
    """The dossier of the meetings between `parties` (default: the pair most meetings share).

    Raises DossierError when no meeting is between the parties. `labels` name the inputs;
    `texts` are the source texts of inputs that were sources (the tracker reads them whole).
    Inputs that are accounts of one meeting are merged first (`merge_accounts`).
    """
    texts = texts or [None] * len(meetings)
    if not meetings:
        raise DossierError("dossier", "no inputs")
    parties = [p for p in (parties or default_parties(meetings)) if p.strip()]
    if not parties:
        raise DossierError(", ".join(labels[:3]), "cannot tell the parties (no participant has a side); give --parties")
    usual = usual_affiliations(meetings)
    chosen: list[Input] = [
        (m, label, {m.sources[0].id or "": text} if text else {})
        for m, label, text in zip(meetings, labels, texts, strict=True)
        if all(party_in(p, m, usual) for p in parties)
    ]
    if not chosen:
        raise DossierError(
            " and ".join(parties),
            f"no meeting between these parties among the {len(meetings)} input{'s' if len(meetings) != 1 else ''}",
        )
    chosen = merge_accounts(chosen)
    chosen.sort(key=lambda mlt: (threads.when(mlt[0]), mlt[1]))
    ordered = [m for m, _, _ in chosen]
    ids = [f"M{n + 1}" for n in range(len(ordered))]
    if as_of is None:
        as_of = max((m.setting.date for m in ordered if m.setting.date), default=None)
    records, names = threads.people(ordered, ids)
    return Dossier(
        parties=parties,
        as_of=as_of,
        meetings=[
            DossierMeeting(
                id=mid,
                date=m.setting.date,
                date_text=m.setting.date_text,
                place=threads.place(m),
                occasion=m.setting.occasion,
                participants=[threads.person_line(p, names) for p in m.participants],
                sources=m.sources,
                input=label,
            )
            for mid, (m, label, _) in zip(ids, chosen, strict=True)
        ],
        timeline=threads.timeline(ordered, ids, names),
        commitments=track(ordered, ids, as_of, [text for _, _, text in chosen]),
        topics=threads.topics(ordered, ids),
        quotes=threads.quotes(ordered, ids, names),
        people=records,
    )
