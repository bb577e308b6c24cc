"""Undertakings told twice: a readout's summary sentence and a leader's quote often state the same
target ("agreed to raise trade to $15 billion by 2028"), and the memo should list it once.

Two commitments are one when their deadlines do not disagree and most content words of the shorter
action appear in the other: three in four, or half when they share a figure ("USD15 billion"), since a
figure is rarely repeated by chance. The one kept is the more confident, or else the earlier.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ...model import Commitment

#: Share of the shorter action's content words found in the other that makes two actions one.
SAME_ACTION = 0.75
SAME_ACTION_WITH_FIGURE = 0.5
_WORD = re.compile(r"[^\W_]+")


def _content(action: str) -> set[str]:
    return {w for w in (m.group().lower() for m in _WORD.finditer(action)) if w not in STOP_WORDS}


def _same(a: Commitment, b: Commitment) -> bool:
    if a.deadline and b.deadline:
        da, db = _content(a.deadline), _content(b.deadline)
        if not (da <= db or db <= da):
            return False
    wa, wb = _content(a.action), _content(b.action)
    shared = wa & wb
    shorter = min(len(wa), len(wb))
    share = SAME_ACTION_WITH_FIGURE if any(any(c.isdigit() for c in w) for w in shared) else SAME_ACTION
    return shorter >= 3 and len(shared) >= share * shorter


def drop_repeats(items: list[Commitment]) -> list[Commitment]:
    """Keep one of each group of commitments that state the same undertaking, in text order."""
    kept: list[Commitment] = []
    for item in items:
        twin = next((k for k in kept if _same(k, item)), None)
        if twin is None:
            kept.append(item)
        elif item.confidence > twin.confidence:
            kept[kept.index(twin)] = item
    return kept
