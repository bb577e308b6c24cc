"""Clusters: one person as the mentions that name them, and the state the parts of `People` share.

Every field reads people through these clusters, so they live apart from the rules that fill them.
A cluster's name is the fullest written form (never a first name the text lacks); a cluster with no
name stands for an office named alone ("the Prime Minister").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ...components.document import Analysis
from ...lexicon.data import titles
from ...lexicon.gazetteer import fold


@dataclass
class Mention:
    start: int  # first token of the name (or of the title when no name)
    end: int  # one past the last name token
    name: str | None
    title: str | None = None
    affiliation: str | None = None
    kind: str = "titled"  # titled | appos | ent | bare | office | group | alias
    outer_start: int | None = None  # first token including title and demonym
    outer_end: int | None = None
    alias_of: Mention | None = None  # "Joko Widodo (Jokowi)": the name this short form belongs to


@dataclass
class Person:
    """A cluster of mentions of one person (or one office when no name is given)."""

    mentions: list[Mention] = field(default_factory=list)
    participant: bool = False
    affiliation_implied: bool = False
    reporter: bool = False
    confidence: float = 0.9

    @property
    def name(self) -> str | None:
        names = [m.name for m in self.mentions if m.name and m.kind != "alias"]
        if not names:
            return None
        return max(names, key=lambda n: (len(n.replace(",", " ").split()), len(n)))

    @property
    def surname(self) -> str | None:
        name = self.name
        if not name:
            return None
        words = [w for w in re.split(r"[\s,]+", name) if w and w.rstrip(".").lower() not in {"jr", "sr", "ii", "iii"}]
        return words[-1] if words else None

    @property
    def title(self) -> str | None:
        """The person's own title: the longest written with the name, else one an office mention gave."""
        found = [m.title for m in self.mentions if m.title and m.name] or [m.title for m in self.mentions if m.title]
        if not found:
            return None
        capital = [t for t in found if t[:1].isupper()]
        best = max(capital or found, key=len)
        # "PM Modi", "Deputy PM Zhang": the office written out
        return _abbreviation(best) or " ".join(_abbreviation(w) or w for w in best.split())

    @property
    def affiliation(self) -> str | None:
        for m in self.mentions:
            if m.affiliation:
                return m.affiliation
        return None

    @property
    def first_token(self) -> int:
        return min(m.start for m in self.mentions)

    def label(self) -> str:
        """How an actor or speaker is written: the name, or the office."""
        return self.name or self.title or "unnamed participant"


def _other_given_name(words: list[str], p: Person) -> bool:
    """Two full names of one family: the same surname, a different first name (and not an initial)."""
    for m in p.mentions:
        if not m.name or m.kind == "alias":
            continue
        other = [w.lower() for w in re.split(r"[\s,]+", m.name) if w]
        if len(other) > len(words) and other[-len(words) :] == words:
            continue  # "von der Leyen" is the tail of "Ursula von der Leyen": the name without the given name
        if len(other) > 1 and other[0] != words[0] and len(other[0].rstrip(".")) > 1 and len(words[0].rstrip(".")) > 1:
            return True
    return False


def _variant(a: str, b: str) -> bool:
    """Two spellings of one surname ("Zelensky"/"Zelenskyy", "Erdogan"/"Erdoğan"): equal once folded, or
    one letter apart in a long name."""
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 6 or abs(len(fa) - len(fb)) > 1:
        return False
    if len(fa) == len(fb):
        return sum(x != y for x, y in zip(fa, fb, strict=True)) == 1
    short, long_ = sorted((fa, fb), key=len)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


@cache
def _abbreviations() -> dict[str, str]:
    return {str(k): str(v) for k, v in (titles().get("title_abbreviations") or {}).items()}


def _abbreviation(word: str) -> str | None:
    """ "PM" → Prime Minister, "FM" → Foreign Minister: abbreviations texts use for an office."""
    return _abbreviations().get(word.rstrip("."))


class Clusters:
    """The people found in one text and which token names whom: the state every part of `People` reads."""

    an: Analysis
    doc: Any
    persons: list[Person]
    _owner: dict[int, Person]
    _refs: list[tuple[int, Person]]
    frame_sentence: Any
    _dateline: Any  # the text's dateline (text.dateline.Dateline) or None
    _dateline_agency: str | None
    listed_groups: list[list[Mention]]  # "Ministers A of X, B of Y and C of Z": names listed under one plural title

    @property
    def participants(self) -> list[Person]:
        return [p for p in self.persons if p.participant]

    @property
    def mentioned(self) -> list[Person]:
        return [p for p in self.persons if not p.participant and p.name]
