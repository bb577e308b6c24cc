"""Quotes: the words inside quotation marks, verbatim, with their speaker.

A quoted span of one or two words is a scare quote (a label the writer marks, not speech) and is
skipped. Three words or more count when someone is speaking in the sentence: the speaker is the
subject of a verb of speech next to the quote ("…,” Lavrov said", "He said the talks … the “…”"),
resolved through names, offices ("the Secretary") and pronouns ("he said") to the person. A quote
whose speaker cannot be found is kept with no speaker and low confidence, never given a guess.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Quote
from .document import Analysis
from .people import People
from .resources import cues

_PAIRS = re.compile(r"“([^“”]{2,2000}?)”|\"([^\"\n]{2,2000}?)\"|«([^«»]{2,2000}?)»|„([^„“”]{2,2000}?)[“”]")
_MIN_WORDS = 3


def _speech_lemmas() -> set[str]:
    return set(cues().get("speech_verbs", []))


def _speaker_near(an: Analysis, people: People, start: int, end: int) -> tuple[str | None, float]:
    """The speaker of a quote at [start, end): a subject of a speech verb outside the quote, nearest first."""
    doc = an.doc
    si = an.sentence_index(start)
    ei = an.sentence_index(max(start, end - 1))
    sents = an.sents[si : ei + 2] if ei + 1 < len(an.sents) else an.sents[si : ei + 1]
    verbs = _speech_lemmas()
    candidates: list[tuple[int, Any]] = []
    for sent in sents:
        if sent.start_char > end + 2 and not re.match(
            r"\s*[,—–-]?\s*[\w-]+(?: [\w-]+)? (said|added|stated|says)\b", sent.text
        ):
            continue
        for tok in sent:
            if start <= tok.idx < end:
                continue
            if tok.pos_ in {"VERB", "AUX"} and tok.lemma_ in verbs:
                distance = min(abs(tok.idx - start), abs(tok.idx - end))
                candidates.append((distance, tok))
        if sent.start_char > end:
            break
    candidates.sort(key=lambda c: c[0])
    for _, verb in candidates:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and not (start <= child.idx < end):
                found = people.refer(child)
                if found:
                    return found[0].label(), 0.9
                if child.ent_type_ in {"ORG", "GPE", "NORP"} or child.text[:1].isupper():
                    span = doc[child.left_edge.i : child.i + 1].text
                    return span, 0.7
    # "According to X, …" or a person subject of the sentence
    for sent in sents[:1]:
        for tok in sent:
            if start <= tok.idx < end:
                continue
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                found = people.refer(tok)
                if found and found[0].participant:
                    return found[0].label(), 0.7
    return None, 0.4


def _looks_like_title(inner: str) -> bool:
    """A quoted name of a document or programme ("Pact for the Future"), not speech."""
    words = inner.split()
    small = {"for", "of", "the", "and", "in", "on", "to", "a", "an", "with"}
    return (
        len(words) <= 8
        and all(w[:1].isupper() or w in small for w in words)
        and not inner.rstrip().endswith((".", "!", "?", ","))
    )


def _only_quote(an: Analysis, start: int, end: int) -> bool:
    """The quote fills its sentence: no words of attribution around it."""
    si, ei = an.sentence_index(start), an.sentence_index(max(start, end - 1))
    outside = an.text[an.sents[si].start_char : start] + an.text[end : an.sents[ei].end_char]
    return not re.search(r"\w", outside)


def extract_quotes(an: Analysis, people: People) -> list[Quote]:
    text = an.text[: an.doc[-1].idx + len(an.doc[-1].text)] if len(an.doc) else ""
    quotes: list[Quote] = []
    for m in _PAIRS.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        inner = m.group(group)
        s, e = m.start(group), m.end(group)
        stripped = inner.strip().rstrip(",").strip()
        if len(re.findall(r"\w+", stripped)) < _MIN_WORDS or _looks_like_title(stripped):
            continue
        if (
            quotes
            and _only_quote(an, m.start(), m.end())
            and an.text[quotes[-1].evidence[0].end : m.start()].count("\n") <= 1
        ):
            # a quote standing alone right after another continues the same speaker's words
            speaker, confidence = quotes[-1].speaker, min(quotes[-1].confidence, 0.8)
        else:
            speaker, confidence = _speaker_near(an, people, m.start(), m.end())
        quote = Quote(speaker=speaker, text=stripped, confidence=confidence)
        quote.evidence = [an.evidence(s, e)]
        quotes.append(quote)
    return quotes
