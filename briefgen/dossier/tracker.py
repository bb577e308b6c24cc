"""The commitment tracker: each commitment followed from the meeting where it was first made.

* **Restated**: a later meeting's commitment states the same action for the same actor
  (matched across wording, `merge.text.same_statement`).
* **Reported done**: a later meeting's text holds a sentence that states the action with a
  word of completion ("opened", "was signed") and nothing that keeps it in the future or
  denies it ("will", "reaffirmed", "not yet"); the cue words are in data/dossier.yaml.
* **Due / overdue**: the deadline, dated by `deadlines.resolve_deadline`, against `as_of`.
* **No deadline**: none of the above can be said.

Sentences and commitments are indexed by content stem (`merge.text.StemIndex`), so matches
come from shared-stem counts without pairwise comparison: a dossier of hundreds of meetings
stays fast.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from ..merge.people import names_match
from ..merge.text import StemIndex, fold, without_deadline, word_set
from ..model import Cite, Commitment, Evidence, Meeting, TrackedCommitment
from .deadlines import resolve_deadline


@dataclass
class Row:
    first: int
    commitment: Commitment
    deadline: str | None
    action: str  # without its deadline words, for matching restatements and reports
    restated: list[int] = field(default_factory=list)
    done: int | None = None
    cites: list[Cite] = field(default_factory=list)


def bare(c: Commitment) -> str:
    return without_deadline(c.action, c.deadline)


@dataclass(frozen=True)
class Sentence:
    meeting: int
    evidence: Evidence


def actors_fit(a: str | None, b: str | None) -> bool:
    """Unknown, the same, the same person, or sharing a party ("Portugal" in "Portugal and Mozambique")."""
    if not a or not b or fold(a) == fold(b) or names_match(a, b):
        return True
    stop = word_set("stopwords")
    return bool((set(fold(a).split()) - stop) & (set(fold(b).split()) - stop))


@cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def pattern(key: str) -> re.Pattern[str]:
        words = sorted(word_set(key, "dossier"), key=len, reverse=True)
        return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")

    return pattern("done_cues"), pattern("not_done_cues")


def reports_done(sentence: str) -> bool:
    done, not_done = _cue_patterns()
    low = " ".join(sentence.lower().split())
    return bool(done.search(low)) and not not_done.search(low)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+|\n\s*\n")


def split_sentences(text: str, source: str | None) -> list[Evidence]:
    """A source text cut at sentence ends and blank lines (enough to find a report of progress)."""
    out, start = [], 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = start + len(piece) - len(piece.lstrip())
            out.append(Evidence(start=lead, end=lead + len(stripped), text=" ".join(stripped.split()), source=source))
        start = m.end() if m else len(text)
    return out


def _sentences(meetings: list[Meeting], texts: list[dict[str, str]]) -> list[Sentence]:
    """Every distinct sentence of each meeting: its source texts where the inputs were sources,
    and the evidence sentences its model keeps."""
    out: list[Sentence] = []
    for n, (m, by_source) in enumerate(zip(meetings, texts, strict=True)):
        seen: set[str] = set()
        evidence = [ev for _, item in m.iter_items() for ev in item.evidence]
        for sid, text in sorted(by_source.items(), reverse=True):
            evidence = split_sentences(text, sid) + evidence
        for ev in evidence:
            key = fold(ev.text)
            if key and key not in seen:
                seen.add(key)
                out.append(Sentence(n, ev))
    return out


def track(
    meetings: list[Meeting], ids: list[str], as_of: dt.date | None, texts: list[dict[str, str]] | None = None
) -> list[TrackedCommitment]:
    """Tracker rows for meetings given in date order (`ids` name them: M1, M2, …); `texts` hold
    each meeting's source texts by source id, where the inputs were sources."""
    rows: list[Row] = []
    index = StemIndex()  # row r's action is phrase r
    for n, m in enumerate(meetings):
        for c in m.commitments:
            action = bare(c)
            match = next(
                (
                    rows[r]
                    for r in index.same(action)
                    if n != rows[r].first
                    and n not in rows[r].restated
                    and actors_fit(rows[r].commitment.actor, c.actor)
                ),
                None,
            )
            cites = [Cite(meeting=ids[n], evidence=ev) for ev in c.evidence]
            if match is None:
                rows.append(Row(n, c, c.deadline, action, cites=cites))
                index.add(action)
            else:
                match.restated.append(n)
                match.deadline = c.deadline or match.deadline  # a restatement may move the deadline
                match.cites.extend(cites)
    _find_done(rows, meetings, ids, texts or [{} for _ in meetings])
    return [_tracked(row, meetings, ids, as_of) for row in rows]


def _find_done(rows: list[Row], meetings: list[Meeting], ids: list[str], texts: list[dict[str, str]]) -> None:
    sentences = _sentences(meetings, texts)
    index = StemIndex()
    for s in sentences:
        index.add(s.evidence.text)
    for row in rows:
        found: Sentence | None = None  # the earliest later sentence that reports it done
        for i in index.same(row.action):
            s = sentences[i]
            if s.meeting <= row.first or (found is not None and s.meeting >= found.meeting):
                continue
            if reports_done(s.evidence.text):
                found = s
        if found is not None:
            row.done = found.meeting
            row.cites.append(Cite(meeting=ids[found.meeting], evidence=found.evidence))


def _tracked(row: Row, meetings: list[Meeting], ids: list[str], as_of: dt.date | None) -> TrackedCommitment:
    made = meetings[row.first].setting.date
    last = meetings[row.restated[-1]].setting.date if row.restated and row.deadline != row.commitment.deadline else made
    deadline_date = resolve_deadline(row.deadline, last or made)

    def known_by(n: int) -> bool:
        """Whether meeting n had happened by `as_of`: later texts cannot decide a status then."""
        day = meetings[n].setting.date
        return as_of is None or day is None or day <= as_of

    if row.done is not None and known_by(row.done):
        status = "reported done"
    elif deadline_date is not None and as_of is not None:
        status = "overdue" if as_of > deadline_date else "due"
    elif any(known_by(n) for n in row.restated):
        status = "restated"
    elif row.deadline:
        status = "due"
    else:
        status = "no deadline"
    return TrackedCommitment(
        actor=row.commitment.actor,
        action=row.commitment.action,
        deadline=row.deadline,
        deadline_date=deadline_date,
        first_made=ids[row.first],
        restated_at=[ids[n] for n in row.restated],
        reported_done_at=ids[row.done] if row.done is not None else None,
        status=status,
        evidence=row.cites,
    )
