"""Topics: short labels naming the substance talked about, each placed in the policy taxonomy.

A label is the object of a verb of discussion ("discussed the security situation in eastern
Democratic Republic of Congo"), a framing phrase ("On Taiwan, …", "Regarding the Israel-Hamas
conflict, …") or an item of an "including …" list, cut to a short noun phrase. A label made only of
generic words ("cooperation", "issues") is dropped. The sentence it came from becomes its key point.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..model import Topic
from .document import Analysis
from .people import People
from .resources import load, taxonomy

_MAX_WORDS = 10
_MAX_TOPICS = 18
_LEAD = re.compile(r"^(?:the|a|an|our|their|its|his|her|this|these|those|both|all|further|continued)\s+", re.I)


@cache
def _generic() -> frozenset[str]:
    return frozenset(load("taxonomy").get("generic_words", []))


@cache
def _verbs() -> frozenset[str]:
    return frozenset(load("taxonomy").get("topic_verbs", []))


def _content(label: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w’'-]+", label) if len(w) > 2 and w.lower() not in _generic()} - {
        "the", "and", "for", "with", "between", "its", "their", "our", "that", "this", "from", "into",
    }  # fmt: skip


def category(text: str) -> str | None:
    """The taxonomy category with most word hits in a label (then in its sentence)."""
    low = " " + re.sub(r"[^\w-]+", " ", text.lower()) + " "
    best, best_n = None, 0
    for cat in taxonomy():
        n = sum(1 for w in cat.get("words", []) if f" {w} " in low or (len(w) > 4 and f" {w}" in low))
        if n > best_n:
            best, best_n = str(cat["name"]), n
    return best


def _phrase(an: Analysis, head: Any, people: People) -> str | None:
    """A short noun phrase around a head noun: its chunk plus one prepositional complement."""
    doc = an.doc
    if head.pos_ not in {"NOUN", "PROPN"} or people.owner(head.i) is not None or head.ent_type_ in {"DATE", "TIME"}:
        return None
    if head.lower_ in _generic():
        # "views on debt relief", "commitment to the fight against X": the complement is the topic
        for child in head.children:
            if child.dep_ == "prep" and child.i > head.i:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return _phrase(an, objs[0], people)
        return None
    left = head.left_edge.i
    right = head.i + 1
    for child in head.children:
        if (
            child.i > head.i
            and child.dep_ == "prep"
            and child.lower_
            in {
                "of",
                "in",
                "on",
                "regarding",
                "for",
                "to",
                "about",
                "with",
                "between",
                "against",
                "across",
                "over",
                "within",
                "among",
                "towards",
                "toward",
            }
        ):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                right = max(right, objs[0].i + 1)
                for c in objs[0].children:
                    if c.dep_ == "prep" and c.i > objs[0].i and c.lower_ in {"in", "of", "on"}:
                        inner = [g for g in c.children if g.dep_ == "pobj"]
                        if inner:
                            right = max(right, inner[0].i + 1)
            break
    span = doc[left:right]
    words = [t for t in span if t.dep_ not in {"punct"} or t.text in {"-", "–", "/"}]
    if not words:
        return None
    text = doc[words[0].i : words[-1].i + 1].text
    text = _LEAD.sub("", _LEAD.sub("", text.strip(" ,.;:")))
    if len(text.split()) > _MAX_WORDS:
        text = " ".join(text.split()[:_MAX_WORDS])
    if not _content(text):
        return None
    from .gazetteer import gazetteer

    if gazetteer().affiliation(text) and head.ent_type_ in {"GPE", "ORG", "NORP"} and len(text.split()) <= 3:
        return None  # a bare country or body is a party, not a topic
    return text


def extract_topics(an: Analysis, people: People) -> list[Topic]:
    found: dict[str, Topic] = {}
    seen_words: list[set[str]] = []

    def add(label: str | None, sent: Any) -> None:
        if not label:
            return
        words = _content(label)
        if not words:
            return
        for i, prev in enumerate(seen_words):
            if words <= prev:
                topic = list(found.values())[i]
                point = sent.text.strip()
                if point not in topic.points:
                    topic.points.append(point)
                return
        topic = Topic(label=label, category=category(label) or category(sent.text), confidence=0.7)
        topic.points = [sent.text.strip()]
        topic.evidence = [an.sentence_evidence(sent)]
        found[label] = topic
        seen_words.append(words)

    nouns = frozenset(load("taxonomy").get("topic_nouns", []))

    def add_with_conj(head: Any, sent: Any) -> None:
        add(_phrase(an, head, people), sent)
        for conj in head.children:
            if conj.dep_ == "conj":
                add(_phrase(an, conj, people), sent)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.i > head.i:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        for conj in pobj.children:
                            if conj.dep_ == "conj":
                                add(_phrase(an, conj, people), sent)

    for sent in an.sents:
        m = re.match(
            r"\s*(?:On|Regarding|Concerning|As for|Turning to|With regard to|On the subject of)\s+([^,]{3,80}),",
            sent.text,
        )
        if m:
            add(_LEAD.sub("", m.group(1).strip()), sent)
        for tok in sent:
            if tok.pos_ == "VERB" and tok.lemma_.lower() in _verbs():
                for obj in tok.children:
                    if obj.dep_ in {"dobj", "attr"}:
                        add_with_conj(obj, sent)
                    elif obj.dep_ == "prep" and obj.lower_ in {"on", "upon", "about", "regarding"}:
                        for pobj in obj.children:
                            if pobj.dep_ == "pobj":
                                add(_phrase(an, pobj, people), sent)
            if (tok.lemma_.lower() in nouns or tok.lower_ in nouns) and tok.pos_ == "NOUN":
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"on", "about", "regarding", "in"}:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                add_with_conj(pobj, sent)
            if tok.lower_ in {"including", "particularly", "especially", "notably", "such"} and tok.i + 1 < sent.end:
                for pobj in tok.children:
                    if pobj.dep_ == "pobj":
                        add_with_conj(pobj, sent)
        if len(found) >= _MAX_TOPICS:
            break
    return list(found.values())
