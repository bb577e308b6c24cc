"""The bottom line up front: at most four short lines built only from extracted facts.

Line 1 who met whom (titles, affiliations), where and on what occasion; then the one or two most
important outcomes (undertakings with a deadline first; the topics discussed when there is at most
one); last the next step, a forward-looking clause that does not lean on an earlier sentence ("He
said …" never opens a line). Only the model's facts are recombined; lines whose facts are missing
are left out.
"""

from __future__ import annotations

from ...model import Commitment, OutlookItem, Person, Setting, Summary, Topic

_MAX_CHARS = 180
#: A line never opens with a word that needs the sentence before it to be understood.
_PRONOUNS = {"he", "she", "it", "they", "this", "that", "these", "those", "we", "his", "her", "their", "its"}


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_CHARS else text[: _MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _who(p: Person) -> str:
    name = p.name or p.title or "a participant"
    if p.name and p.title:
        name = f"{p.title[:1].upper()}{p.title[1:]} {p.name}"
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
    # the outcomes that matter most: undertakings with a deadline, then the surest
    ranked = sorted(commitments, key=lambda c: (c.deadline is None, -c.confidence))[:2]
    for c in ranked:
        action = c.action
        if c.deadline and c.deadline not in action:
            action += f" ({c.deadline})"
        lines.append(_cut(f"Outcome: {c.actor} — {action}."))
    if len(ranked) < 2 and topics:
        lines.append(_cut("Discussed: " + "; ".join(t.label for t in topics[:4]) + "."))
    shown = {c.action.lower() for c in ranked}
    step = next(
        (
            o.text
            for o in outlook
            if o.text.split()[0].lower() not in _PRONOUNS and not any(a in o.text.lower() for a in shown)
        ),
        None,
    )
    if step:
        step = step[0].upper() + step[1:]
        lines.append(_cut("Next step: " + step.rstrip(" .") + "."))
    evidence = [ev for item in (*participants[:1], *commitments[:1]) for ev in item.evidence[:1]]
    conf = 0.8 if participants else 0.3
    return Summary(lines=lines[:4], evidence=evidence, confidence=conf)
