"""What "it" means when a meeting creates a body and then says what the body will do.

Readouts announce a body ("the leaders set up a high-level group on trade") and go on with a pronoun
("it will report to the ministers by June"). The undertaking is the body's. "it" is read as the
body when the nearest noun before it that could be meant (in this or the previous sentence) is a body
noun from cues.yaml; when that nearest candidate is a country or anything else, "it" stays unresolved,
because guessing would invent an actor.
"""

from __future__ import annotations

from typing import Any

from ..lexicon.data import word_set
from ..lexicon.gazetteer import gazetteer

_PRONOUNS = {"it", "its"}


def body_antecedent(pronoun: Any, sentences: list[Any]) -> Any | None:
    """The span naming the body "it" stands for, or None. `sentences` are the document's sentences."""
    if pronoun.lower_ not in _PRONOUNS:
        return None
    doc = pronoun.doc
    sent = pronoun.sent
    index = next((i for i, s in enumerate(sentences) if s.start == sent.start), None)
    floor = sentences[index - 1].start if index else sent.start
    bodies = word_set("cues", "created_bodies")
    for tok in reversed(doc[floor : pronoun.i]):
        if tok.ent_type_ in {"GPE", "NORP", "ORG"} or (tok.pos_ == "PROPN" and gazetteer().affiliation(tok.text)):
            return None  # a country or organisation is nearer: "it" may well mean that
        if tok.pos_ == "PROPN":
            continue  # a person ("Maris said it will …") is never "it"
        if tok.pos_ != "NOUN" or tok.dep_ == "compound":
            continue
        while (
            tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ != "of" and tok.head.head.pos_ == "NOUN"
        ):
            tok = tok.head.head  # "a group on energy": the phrase's head, not its complement ("the work of the
            # group" stays the group)
        if tok.lemma_.lower() not in bodies:
            if tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
                return None  # another thing is the nearer candidate
            continue
        words = [t for t in tok.subtree if t.dep_ not in {"det", "poss", "punct", "relcl"} or t.i > tok.i]
        first = next((t for t in words if t.dep_ not in {"det", "poss"}), tok)
        last = max((t.i for t in words if t.i < pronoun.i and t.sent == tok.sent), default=tok.i)
        return doc[first.i : last + 1]
    return None
