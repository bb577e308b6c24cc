"""One person across accounts: name variants and short forms become one entry.

Accounts name people differently: "Sergei Lavrov", "Lavrov", "S. Lavrov", "Mr Lavrov", or
only by office ("Rwanda's foreign minister"). A shorter form joins a fuller one when its words
appear, in order, among the fuller name's words (an initial stands for a word with that first
letter) and the affiliations do not contradict each other; an office without a name joins the
one named person of that affiliation whose title fits. A short form that fits two different
people ("Wang" for "Wang Yi" and "Wang Wenbin") joins neither: a wrong merge is worse than a
duplicate an analyst can see. The fullest name any account gives is kept.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Evidence, Person
from .text import fold, word_set


@lru_cache(maxsize=65536)
def name_words(name: str | None) -> tuple[str, ...]:
    """A name as folded words without courtesy titles: 'H.E. Mr Sergei Lavrov' → ('sergei', 'lavrov')."""
    honorifics = word_set("honorifics")
    return tuple(w for w in fold(name).split() if w not in honorifics)


def _fits(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether `short` is `full` with words left out (in order); a letter stands for an initial."""
    if not short or len(short) > len(full):
        return False
    if all(len(w) == 1 for w in short):
        return False
    i = 0
    for word in short:
        while i < len(full) and not (full[i] == word or (len(word) == 1 and full[i].startswith(word))):
            i += 1
        if i == len(full):
            return False
        i += 1
    return True


def names_match(a: str | None, b: str | None) -> bool:
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    return _fits(wa, wb) if len(wa) <= len(wb) else _fits(wb, wa)


def _title_words(title: str | None) -> frozenset[str]:
    return frozenset(fold(title).split()) - {"of", "the", "for", "and"}


def titles_compatible(a: str | None, b: str | None) -> bool:
    """'Foreign Minister' fits 'Minister of Foreign Affairs'; 'Deputy Foreign Minister' does not."""
    ta, tb = _title_words(a), _title_words(b)
    if not ta or not tb:
        return True
    qualifiers = word_set("title_qualifiers")
    if ta & qualifiers != tb & qualifiers:
        return False
    return ta <= tb or tb <= ta


def affiliations_compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or fold(a) == fold(b)


@dataclass
class Entry:
    """One account's record of a person, with the sources it rests on and its place in the input."""

    person: Person
    sources: frozenset[str]
    rank: tuple[int, int]
    participant: bool


@dataclass
class Cluster:
    entries: list[Entry] = field(default_factory=list)

    @property
    def key_name(self) -> str | None:
        return self.entries[0].person.name

    @property
    def affiliation(self) -> str | None:
        return next((e.person.affiliation for e in self.entries if e.person.affiliation), None)

    @property
    def sources(self) -> frozenset[str]:
        return frozenset().union(*(e.sources for e in self.entries))

    @property
    def rank(self) -> tuple[int, int]:
        return min(e.rank for e in self.entries)


def _fullness(entry: Entry) -> tuple:
    name = entry.person.name or ""
    return (-len(name_words(name)), -len(name), fold(name), name, entry.rank)


def cluster_people(entries: list[Entry]) -> list[Cluster]:
    """Group entries that name one person; clusters in order of first appearance.

    Fuller names are placed first so each cluster starts from its fullest name; the result
    depends only on the entries, not on the order of the accounts.
    """
    named = sorted((e for e in entries if name_words(e.person.name)), key=_fullness)
    unnamed = sorted((e for e in entries if not name_words(e.person.name)), key=lambda e: e.rank)
    clusters: list[Cluster] = []
    by_word: dict[str, list[int]] = defaultdict(list)  # a full word → clusters whose name has it
    for entry in named:
        words = name_words(entry.person.name)
        near = sorted({i for w in words if len(w) > 1 for i in by_word.get(w, ())})
        fits = [
            clusters[i]
            for i in near
            if _fits(words, name_words(clusters[i].key_name))
            and affiliations_compatible(entry.person.affiliation, clusters[i].affiliation)
        ]
        if len(fits) == 1:
            fits[0].entries.append(entry)
        else:
            clusters.append(Cluster([entry]))
            for w in words:
                by_word[w].append(len(clusters) - 1)
    for entry in unnamed:
        p = entry.person
        fits = [
            c
            for c in clusters
            if p.affiliation
            and c.affiliation
            and fold(p.affiliation) == fold(c.affiliation)
            and all(titles_compatible(p.title, e.person.title) for e in c.entries)
        ]
        if len(fits) == 1:
            fits[0].entries.append(entry)
        else:
            clusters.append(Cluster([entry]))
    return sorted(clusters, key=lambda c: c.rank)


def merged_evidence(items: list) -> list[Evidence]:
    """Every item's evidence once, ordered by source and offset."""
    seen: dict[tuple, Evidence] = {}
    for item in items:
        for ev in item.evidence:
            seen.setdefault((ev.source, ev.start, ev.end), ev)
    return [seen[k] for k in sorted(seen, key=lambda k: (len(k[0] or ""), k[0] or "", k[1], k[2]))]


def source_values(entries: list[Entry], attr: str) -> list[tuple[str, str]]:
    """(source, value) for each source that states `attr`; the fullest value when it states several."""
    best: dict[str, str] = {}
    for e in entries:
        value = getattr(e.person, attr)
        if not value:
            continue
        for sid in e.sources:
            if sid not in best or len(value) > len(best[sid]):
                best[sid] = value
    return sorted(best.items(), key=lambda sv: (len(sv[0]), sv[0]))
