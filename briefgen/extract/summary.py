"""The bottom line up front: at most four short lines built only from extracted facts.

Line 1 who met whom, where and on what occasion; line 2 the main topics; line 3 the first
commitments; line 4 the next step. Lines whose facts are missing are left out.
"""

from __future__ import annotations

from ..model import Commitment, OutlookItem, Person, Setting, Summary, Topic

_MAX_CHARS = 180


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_CHARS else text[: _MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _who(p: Person) -> str:
    name = p.name or p.title or "a participant"
    if p.name and p.title:
        name = f"{p.title} {p.name}"
    return f"{name} ({p.affiliation})" if p.affiliation else name


def build_summary(
    participants: list[Person],
    setting: Setting,
    topics: list[Topic],
    commitments: list[Commitment],
    outlook: list[OutlookItem],
) -> Summary:
    lines: list[str] = []
    if participants:
        who = [_who(p) for p in participants]
        line = (who[0] + " met " + " and ".join(who[1:])) if len(who) > 1 else who[0] + " took part"
        if setting.occasion:
            line += f" {setting.occasion}"
        if setting.location.city:
            line += f" in {setting.location.city}"
        if setting.date:
            line += f" on {setting.date.isoformat()}"
        elif setting.date_text:
            line += f" ({setting.date_text})"
        lines.append(_cut(line + "."))
    if topics:
        lines.append(_cut("Topics: " + "; ".join(t.label for t in topics[:4]) + "."))
    if commitments:
        c = commitments[0]
        extra = f" (+{len(commitments) - 1} more)" if len(commitments) > 1 else ""
        lines.append(_cut(f"Commitment: {c.actor} — {c.action}{extra}."))
    if outlook:
        lines.append(_cut("Next: " + outlook[0].text))
    evidence = [ev for item in (*participants[:1], *commitments[:1]) for ev in item.evidence[:1]]
    conf = 0.8 if participants else 0.3
    return Summary(lines=lines[:4], evidence=evidence, confidence=conf)
