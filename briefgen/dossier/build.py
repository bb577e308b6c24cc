"""Meetings → Dossier: keep those between the parties, order them, follow what runs through them."""

from __future__ import annotations

import datetime as dt

from ..errors import DossierError
from ..model import Dossier, DossierMeeting, Meeting
from . import threads
from .parties import default_parties, party_in, usual_affiliations
from .tracker import track


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
    """
    texts = texts or [None] * len(meetings)
    if not meetings:
        raise DossierError("dossier", "no inputs")
    parties = [p for p in (parties or default_parties(meetings)) if p.strip()]
    if not parties:
        raise DossierError(", ".join(labels[:3]), "cannot tell the parties (no participant has a side); give --parties")
    usual = usual_affiliations(meetings)
    chosen = [
        (m, label, text)
        for m, label, text in zip(meetings, labels, texts, strict=True)
        if all(party_in(p, m, usual) for p in parties)
    ]
    if not chosen:
        raise DossierError(
            " and ".join(parties),
            f"no meeting between these parties among the {len(meetings)} input{'s' if len(meetings) != 1 else ''}",
        )
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
