"""Facts stated in several accounts become one item with evidence from each.

Items are grouped greedily in order of first appearance: an item joins the first group whose
first item states the same thing and which holds nothing from its own account yet (one
account's two commitments stay two, even when they read alike: that is the account's claim,
and merging does not rewrite it). A group's confidence rises with each independent account
(`text.combined_confidence`). Where the accounts disagree on a detail (a deadline, a
speaker), or only some of them report a commitment, the disagreement is returned as a
`Conflict` rather than settled.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..model import BackgroundEvent, Commitment, Conflict, ConflictValue, Item, OutlookItem, Quote, Topic
from .people import merged_evidence
from .text import combined_confidence, fold, same_statement, without_deadline


@dataclass
class Found:
    """An item as one input gave it, with the sources it rests on and its place in the input."""

    item: Item
    sources: frozenset[str]
    rank: tuple[int, int]


def group(found: list[Found], same: Callable[[Item, Item], bool]) -> list[list[Found]]:
    groups: list[list[Found]] = []
    held: list[set[str]] = []
    for f in sorted(found, key=lambda f: f.rank):
        for g, sources in zip(groups, held, strict=True):
            if not (sources & f.sources) and same(g[0].item, f.item):
                g.append(f)
                sources.update(f.sources)
                break
        else:
            groups.append([f])
            held.append(set(f.sources))
    return groups


def _sid_key(sid: str) -> tuple[int, str]:
    return (len(sid), sid)


def per_source(members: list[Found], attr: str) -> list[tuple[str, str]]:
    """(source, value) for each source whose item states `attr`, in source order."""
    out: dict[str, str] = {}
    for f in members:
        value = getattr(f.item, attr)
        if value:
            for sid in f.sources:
                out.setdefault(sid, value)
    return sorted(out.items(), key=lambda sv: _sid_key(sv[0]))


def vote(values: list[tuple[str, str]]) -> str | None:
    """The value most sources give; a tie goes to the earliest source."""
    if not values:
        return None
    counts = Counter(fold(v) for _, v in values)
    best = max(counts.values())
    return next(v for _, v in values if counts[fold(v)] == best)


def differ(values: list[tuple[str, str]], same: Callable[[str, str], bool] | None = None) -> bool:
    """Whether the sources give values that are not the same (folded, or by `same`)."""
    firsts: list[str] = []
    for _, v in values:
        if not any((same(v, u) if same else fold(v) == fold(u)) for u in firsts):
            firsts.append(v)
    return len(firsts) > 1


def conflict(field: str, subject: str | None, values: list[tuple[str, str | None]], members: list[Found]) -> Conflict:
    """A Conflict whose values each carry the evidence of the source that gave them."""
    out = []
    for sid, value in values:
        evidence = [ev for f in members for ev in f.item.evidence if ev.source == sid]
        out.append(ConflictValue(source=sid, value=value, evidence=_unique(evidence)))
    return Conflict(field=field, subject=subject, values=out)


def _unique(evidence: list) -> list:
    seen: dict[tuple, object] = {}
    for ev in evidence:
        seen.setdefault((ev.source, ev.start, ev.end), ev)
    return list(seen.values())


def _common(members: list[Found]) -> dict:
    items = [f.item for f in members]
    return {"evidence": merged_evidence(items), "confidence": combined_confidence([i.confidence for i in items])}


def _lead(members: list[Found]) -> Item:
    """The item whose wording stands for the group: most confident, then fullest, then first."""

    def strength(f: Found) -> tuple:
        wording = str(getattr(f.item, _WORDING[type(f.item)], ""))
        return (f.item.confidence, len(wording), tuple(-r for r in f.rank))

    return max(members, key=strength).item


_WORDING = {Commitment: "action", Topic: "label", Quote: "text", OutlookItem: "text", BackgroundEvent: "text"}


def _actors_fit(a: str | None, b: str | None) -> bool:
    return not a or not b or fold(a) == fold(b)


def same_commitment(a: Commitment, b: Commitment) -> bool:
    bare_a, bare_b = without_deadline(a.action, a.deadline), without_deadline(b.action, b.deadline)
    return _actors_fit(a.actor, b.actor) and same_statement(bare_a, bare_b)


def same_topic(a: Topic, b: Topic) -> bool:
    return same_statement(a.label, b.label)


def same_quote(a: Quote, b: Quote) -> bool:
    ta, tb = fold(a.text), fold(b.text)
    return _actors_fit(a.speaker, b.speaker) and bool(ta and tb) and (ta in tb or tb in ta)


def same_outlook(a: OutlookItem, b: OutlookItem) -> bool:
    return same_statement(a.text, b.text)


def same_background(a: BackgroundEvent, b: BackgroundEvent) -> bool:
    if a.date and b.date and a.date != b.date:
        return False
    if a.date_text and b.date_text and fold(a.date_text) != fold(b.date_text):
        return False
    return same_statement(a.text, b.text)


def merge_commitments(groups: list[list[Found]], all_sources: list[str]) -> tuple[list[Commitment], list[Conflict]]:
    out: list[Commitment] = []
    conflicts: list[Conflict] = []
    for i, members in enumerate(groups):
        deadlines = per_source(members, "deadline")
        deadline = vote(deadlines)
        # The wording comes from an account that gives the deadline kept, so the two agree.
        agreeing = [f for f in members if fold(f.item.deadline) == fold(deadline)]
        lead = _lead(agreeing or members)
        actors = per_source(members, "actor")
        item = Commitment(
            actor=vote(actors) or None,
            action=lead.action,
            deadline=deadline,
            **_common(members),
        )
        out.append(item)
        subject = f"{item.actor}: {item.action}" if item.actor else item.action
        if differ(deadlines):
            conflicts.append(conflict(f"commitments.{i}.deadline", subject, deadlines, members))
        reporting = {sid for f in members for sid in f.sources}
        if len(all_sources) > 1 and reporting != set(all_sources):
            said = {sid: f.item.action for f in members for sid in f.sources}
            values = [(sid, said.get(sid)) for sid in all_sources]
            conflicts.append(conflict(f"commitments.{i}", subject, values, members))
    return out, conflicts


def merge_topics(groups: list[list[Found]]) -> list[Topic]:
    out = []
    for members in groups:
        lead = _lead(members)
        points: dict[str, str] = {}
        for f in sorted(members, key=lambda f: f.rank):
            for point in f.item.points:
                points.setdefault(fold(point), point)
        category = vote(per_source(members, "category"))
        out.append(Topic(label=lead.label, category=category, points=list(points.values()), **_common(members)))
    return out


def merge_quotes(groups: list[list[Found]]) -> tuple[list[Quote], list[Conflict]]:
    out, conflicts = [], []
    for i, members in enumerate(groups):
        text = max((f.item.text for f in members), key=lambda t: (len(t), t))
        speakers = per_source(members, "speaker")
        out.append(Quote(speaker=vote(speakers), text=text, **_common(members)))
        if differ(speakers):
            conflicts.append(conflict(f"quotes.{i}.speaker", text, speakers, members))
    return out, conflicts


def merge_outlook(groups: list[list[Found]]) -> list[OutlookItem]:
    return [OutlookItem(text=_lead(members).text, **_common(members)) for members in groups]


def merge_background(groups: list[list[Found]]) -> list[BackgroundEvent]:
    out = []
    for members in groups:
        dates = [(sid, d.isoformat()) for f in members if (d := f.item.date) for sid in f.sources]
        out.append(
            BackgroundEvent(
                text=_lead(members).text,
                date_text=vote(per_source(members, "date_text")),
                date=vote(sorted(dates, key=lambda sv: _sid_key(sv[0]))),
                **_common(members),
            )
        )
    return out
