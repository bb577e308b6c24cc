"""Which meetings are between the parties, and which parties most meetings share.

A party is named as the user would say it: a country or body ("Rwanda", "African Union") or a
person ("Lavrov"). It matches a meeting when it is the side, the affiliation or the name of a
participant there (folded: case, accents and punctuation do not matter; a person's surname
alone is enough). A participant also stands for the affiliation most inputs give them, so one
account that leaves out (or mistakes) a minister's country does not drop the meeting.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from ..merge.people import name_words, names_match
from ..merge.text import fold
from ..model import Meeting


def meeting_sides(meeting: Meeting) -> dict[str, str]:
    """The sides a meeting's participants stand for: folded key → name as written."""
    sides: dict[str, str] = {}
    for p in meeting.participants:
        for value in (p.side, p.affiliation):
            if value and fold(value) and fold(value) not in sides:
                sides[fold(value)] = value
    return sides


def usual_affiliations(meetings: list[Meeting]) -> dict[str, str]:
    """Surname → the affiliation (folded) most inputs give a participant of that surname."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in meetings:
        for p in m.participants:
            words = name_words(p.name)
            if words and p.affiliation:
                votes[words[-1]][fold(p.affiliation)] += 1
    return {name: max(sorted(c), key=lambda k: c[k]) for name, c in votes.items()}


def party_in(party: str, meeting: Meeting, usual: dict[str, str] | None = None) -> bool:
    key = fold(party)
    if not key:
        return False
    if key in meeting_sides(meeting):
        return True
    for p in meeting.participants:
        words = name_words(p.name)
        if words and usual and usual.get(words[-1]) == key:
            return True
    return any(p.name and names_match(party, p.name) for p in meeting.participants)


def default_parties(meetings: list[Meeting]) -> list[str]:
    """The two sides that meet in the most inputs (a tie goes to the alphabetically first pair)."""
    pairs: Counter[tuple[str, str]] = Counter()
    names: dict[str, str] = {}
    singles: Counter[str] = Counter()
    for m in meetings:
        sides = meeting_sides(m)
        names.update({k: v for k, v in sides.items() if k not in names})
        singles.update(list(sides))
        pairs.update(combinations(sorted(sides), 2))
    if pairs:
        best = max(pairs.values())
        a, b = min(pair for pair, n in pairs.items() if n == best)
        return [names[a], names[b]]
    return [names[k] for k in sorted(singles, key=lambda k: (-singles[k], k))[:2]]
