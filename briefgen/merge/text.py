"""Small text helpers for comparing what several accounts say: folded keys, content stems, overlap.

Accounts of one meeting word the same fact differently ("will open an embassy in Kigali by
2027" and "plans to open its embassy in Kigali"). Two phrasings are taken to state the same
thing when most content words of the shorter one (stemmed, function words left out) occur in
the longer one: the overlap coefficient, which a restatement that drops detail still passes.
The word lists live in briefgen/data/merge.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..yamlio import load_data_yaml

_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*", re.UNICODE)
#: Overlap of content stems at or above which two phrasings state the same thing. High, so
#: that one differing word of substance ("an office in Beira" / "an office in Porto") keeps
#: two short commitments apart.
SAME_THRESHOLD = 0.8


@cache
def words_data(name: str = "merge") -> dict[str, Any]:
    """A word-list file from briefgen/data/, parsed once per process."""
    text = resources.files("briefgen.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = load_data_yaml(text)
    return data if isinstance(data, dict) else {}


@cache
def word_set(key: str, name: str = "merge") -> frozenset[str]:
    return frozenset(str(w).casefold() for w in words_data(name).get(key, []))


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Case, accents, punctuation and spacing folded: 'Nduhungirehe,' == 'nduhungirehe'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(w.casefold() for w in _WORD.findall(plain))


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """One word's stem; cached, as the pure-Python Snowball stemmer costs ~20 µs a word."""
    return _stemmer().stemWord(word)


@lru_cache(maxsize=65536)
def stems(text: str | None) -> frozenset[str]:
    """The content words of a phrase, stemmed ('opening embassies' → {'open', 'embassi'})."""
    stop = word_set("stopwords")
    # Numbers other than years ("2027") say little on their own; years tell deadlines apart.
    return frozenset(_stem(w) for w in fold(text).split() if w not in stop and (not w.isdigit() or len(w) == 4))


@lru_cache(maxsize=65536)
def without_deadline(action: str, deadline: str | None) -> str:
    """The action without its deadline words ("sign X within six months" → "sign X"), so that two
    statements of one action with different deadlines still read as the same action."""
    if not deadline:
        return action
    pattern = re.compile(r"\s*" + r"\s+".join(re.escape(w) for w in deadline.split()) + r"\s*", re.I)
    bare = pattern.sub(" ", action).strip()
    return bare or action


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / min(|a|, |b|); 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_statement(a: str | None, b: str | None, threshold: float = SAME_THRESHOLD) -> bool:
    """Whether two phrasings state the same thing (see the module docstring).

    A single shared word is not enough unless both phrasings are that one word.
    """
    sa, sb = stems(a), stems(b)
    shared = len(sa & sb)
    if shared == 0 or (shared == 1 and max(len(sa), len(sb)) > 1):
        return False
    return overlap(sa, sb) >= threshold


class StemIndex:
    """Phrases indexed by content stem, to find those that state the same thing as a new one.

    The shared-stem counts gathered from the index are the intersections `same_statement`
    measures, so a lookup needs no pairwise comparison: a dossier of hundreds of meetings
    compares each commitment only with phrases it shares stems with.
    """

    def __init__(self) -> None:
        self._by_stem: dict[str, list[int]] = defaultdict(list)
        self._sizes: list[int] = []

    def add(self, text: str | None) -> int:
        """Index a phrase; returns its number (0, 1, … in the order added)."""
        number = len(self._sizes)
        found = stems(text)
        self._sizes.append(len(found))
        for stem in found:
            self._by_stem[stem].append(number)
        return number

    def same(self, text: str | None, threshold: float = SAME_THRESHOLD) -> list[int]:
        """Numbers of the indexed phrases that state the same thing as `text`, ascending."""
        found = stems(text)
        counts: dict[int, int] = defaultdict(int)
        for stem in found:
            for number in self._by_stem.get(stem, ()):
                counts[number] += 1
        out = []
        for number, shared in counts.items():
            size = self._sizes[number]
            if shared == 1 and max(size, len(found)) > 1:
                continue
            if shared / min(size, len(found)) >= threshold:
                out.append(number)
        return sorted(out)


def combined_confidence(per_source: list[float]) -> float:
    """Confidence when independent sources agree: 1 − Π(1 − cᵢ), one value per source.

    One source keeps its confidence; two at 0.6 give 0.84. Two copies of one source are not
    independent, so callers pass one value per distinct source.
    """
    miss = 1.0
    for c in per_source:
        miss *= 1.0 - c
    return round(1.0 - miss, 2)
