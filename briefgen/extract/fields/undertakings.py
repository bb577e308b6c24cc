"""Undertakings written without a party as the subject of a cue verb.

Readouts of every government report some undertakings sideways rather than as "X agreed to":

- impersonally: "it was agreed to expand …", "it was decided that a commission would be set up …",
  "an agreement was reached to hold …" — the undertaking is the sides'; so is a consensus they
  reached with an infinitive ("reached a consensus on … to prepare the anniversary");
- through praise of another party's resolve: "thanked X for his commitment to sustaining …",
  "commended X's willingness to engage in dialogue" — the undertaking is the possessor's;
- as a task a participant gave someone ("asked the foreign minister to convene …", "instructed their
  ministers to prepare …"): the undertaking is the one tasked;
- as a visit that lies ahead ("her trip to Rome next month"): the visitor's, when a time is given;
- as an invitation accepted ("accepted an invitation to visit Ghana"): the guest's visit.

commitments.py owns the cue verbs with a party as subject; this module finds these shapes, from
the parse, with the word lists in cues.yaml. Each finding is (verb the evidence hangs on, first token
of the action, one past its last token, actor or None for the sides, confidence).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..lexicon.data import word_set
from .people import People


@dataclass(frozen=True)
class Undertaking:
    verb: Any  # the token the evidence sentence is taken from
    first: Any  # the first token of the action
    end: int  # one past the action's last token
    possessor: Any  # the party whose resolve was praised; None: the sides together
    confidence: float


def _impersonal(tok: Any) -> Undertaking | None:
    """ "it was agreed to X" / "it was decided that X" / "an agreement was reached to X"."""
    kids = list(tok.children)
    if tok.tag_ != "VBN" or not any(k.dep_ == "auxpass" for k in kids) or any(k.dep_ == "agent" for k in kids):
        return None
    subject = next((k for k in kids if k.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    lemma = tok.lemma_.lower()
    impersonal_verb = lemma in word_set("cues", "impersonal_agreement_verbs") and subject.lower_ == "it"
    agreement_noun = lemma in word_set("cues", "agreement_reached_verbs") and subject.lemma_.lower() in word_set(
        "cues", "agreement_nouns"
    )
    if not (impersonal_verb or agreement_noun):
        return None
    comp = next(
        (k for k in kids if k.i > tok.i and k.dep_ in {"xcomp", "ccomp", "advcl"} and k.pos_ in {"VERB", "AUX"}),
        None,
    )
    if comp is None:
        return None
    first = comp.left_edge
    while first.i < comp.i and first.lower_ in {"to", "that"}:
        first = tok.doc[first.i + 1]
    return Undertaking(tok, first, comp.right_edge.i + 1, None, 0.7)


def _consensus_reached(tok: Any, people: People) -> Undertaking | None:
    """ "The two ministers reached a consensus on major orientations to prepare the anniversary": an
    agreement the sides reached, with its infinitive, is their undertaking."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in word_set("cues", "agreement_reached_verbs"):
        return None
    kids = list(tok.children)
    subject = next((k for k in kids if k.dep_ == "nsubj"), None)
    noun = next((k for k in kids if k.dep_ == "dobj" and k.lemma_.lower() in word_set("cues", "agreement_nouns")), None)
    if subject is None or noun is None or not people.refer(subject):
        return None
    inner = [noun, *(g for p in noun.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj")]
    comp = next((c for n in inner for c in n.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"), None)
    comp = comp or next((c for c in kids if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB" and c.i > noun.i), None)
    if comp is None or not any(k.dep_ == "aux" and k.lower_ == "to" for k in comp.children):
        return None
    first = comp.left_edge if comp.left_edge.lower_ != "to" else tok.doc[comp.left_edge.i + 1]
    while first.i < comp.i and first.pos_ in {"ADV", "PART"}:
        first = tok.doc[first.i + 1]  # "to well prepare": the adverb is not the undertaking's first word
    return Undertaking(tok, first, comp.right_edge.i + 1, subject, 0.7)


def _praised_resolve(tok: Any, people: People) -> Undertaking | None:
    """ "thanked X for his commitment to sustaining Y", "commended X's willingness to engage in Z"."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in word_set("cues", "commitment_nouns"):
        return None
    possessor = next((k for k in tok.children if k.dep_ == "poss"), None)
    if possessor is None or not people.refer(possessor):
        return None
    head, steps = tok, 0
    while head.dep_ in {"pobj", "dobj", "conj", "prep"} and steps < 4 and head.head.i != head.i:
        head, steps = head.head, steps + 1
    if head.pos_ != "VERB" or head.lemma_.lower() not in word_set("cues", "praise_verbs"):
        return None
    if possessor.pos_ == "PRON":
        possessor = _pronoun_owner(tok, head, people) or possessor
    after = next((k for k in tok.children if k.i > tok.i and k.dep_ in {"prep", "acl"}), None)
    if after is None:
        return None
    if after.dep_ == "acl":  # "willingness to engage in …"
        first = after.left_edge if after.left_edge.lower_ != "to" else tok.doc[after.left_edge.i + 1]
    elif after.lower_ == "to":  # "commitment to sustaining …" / "commitment to peace"
        target = next((k for k in after.children if k.dep_ in {"pcomp", "pobj"}), None)
        if target is None:
            return None
        first = target if target.dep_ == "pcomp" else target.left_edge
    else:
        return None
    return Undertaking(head, first, after.right_edge.i + 1, possessor, 0.65)


def _pronoun_owner(noun: Any, verb: Any, people: People) -> Any:
    """Whom "his" means in praise: the person praised, not the praiser ("thanked X for his commitment").

    The verb's object when it is a person; else, for a noun coordinated with a possessed one ("X's
    commitment … and his willingness"), that first possessor.
    """
    obj = next((k for k in verb.children if k.dep_ == "dobj" and people.refer(k)), None)
    if obj is not None:
        return obj
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is not noun:
        owner = next((k for k in first.children if k.dep_ == "poss"), None)
        if owner is not None and owner.pos_ != "PRON" and people.refer(owner):
            return owner
    return None


def _tasked(tok: Any, people: People) -> Undertaking | None:
    """ "asked Minister X to convene Y", "instructed their ministers to prepare Z": a participant tasks
    someone; the undertaking is the tasked party's. Only a named person counts as the one tasked."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in word_set("cues", "tasking_verbs"):
        return None
    kids = list(tok.children)
    asker = next((k for k in kids if k.dep_ == "nsubj"), None)
    tasked = next((k for k in kids if k.dep_ == "dobj" and k.i > tok.i), None)
    comp = next((k for k in kids if k.dep_ in {"xcomp", "ccomp"} and k.pos_ in {"VERB", "AUX"} and k.i > tok.i), None)
    if asker is None or tasked is None or comp is None:
        return None
    participants = set(map(id, people.participants))
    if not any(id(p) in participants for p in people.refer(asker) or []) or not people.refer(tasked):
        return None
    first = comp.left_edge if comp.left_edge.lower_ != "to" else tok.doc[comp.left_edge.i + 1]
    if first.i <= tasked.i:  # the parse put the object inside the clause: take the clause after it
        first = next((t for t in tok.doc[tasked.right_edge.i + 1 : comp.i + 1] if t.lower_ != "to"), comp)
    return Undertaking(tok, first, comp.right_edge.i + 1, tasked, 0.65)


def _important_event(tok: Any) -> Undertaking | None:
    """ "The importance of convening a business forum in spring was stressed": an event the sides stress the
    need to hold is theirs to hold (marked for review); the importance of a mere policy is a view."""
    if tok.lemma_.lower() not in word_set("cues", "need_nouns"):
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    step = next((c for c in of.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None) if of is not None else None
    if step is None or step.lemma_.lower() not in word_set("cues", "arrangement_verbs"):
        return None
    events = word_set("cues", "deadline_events") | word_set("cues", "created_bodies") | {"exhibition", "festival"}
    obj = next((c for c in step.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in events:
        return None
    end = step.right_edge.i + 1
    verb = tok.head
    auxes = [c.i for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i > step.i]
    if tok.dep_ == "nsubjpass" and auxes:
        end = min(auxes)  # "… of holding a forum this autumn was noted": up to the passive
    return Undertaking(verb, step, end, None, 0.6)


def _in_agreement(tok: Any, people: People) -> Undertaking | None:
    """ "The ministers were in agreement that the two countries should deepen …": what they agree the sides
    should or will do is their undertaking."""
    if tok.lemma_.lower() not in word_set("cues", "agreement_nouns") or tok.dep_ != "pobj":
        return None
    prep, be = tok.head, tok.head.head
    if prep.lower_ != "in" or be.lemma_ != "be":
        return None
    subject = next((k for k in be.children if k.dep_ == "nsubj"), None)
    if subject is None or not people.refer(subject):
        return None
    clause = next((k for k in tok.children if k.dep_ in {"acl", "ccomp", "relcl"} and k.pos_ == "VERB"), None)
    if clause is None or not any(k.dep_ == "aux" and k.lower_ in UNDERTAKING_MODALS for k in clause.children):
        return None
    return Undertaking(be, clause, clause.right_edge.i + 1, subject, 0.75)


#: Modals that make what is agreed a step to take: "should deepen", "will hold", "would meet".
UNDERTAKING_MODALS = frozenset({"should", "will", "would", "shall", "must"})


def _accepted_invitation(tok: Any, people: People) -> Undertaking | None:
    """ "X accepted an invitation to visit Ghana in 2026": the guest undertakes the visit."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "accept":
        return None
    guest = next((k for k in tok.children if k.dep_ == "nsubj"), None)
    noun = next((k for k in tok.children if k.dep_ == "dobj" and k.lemma_.lower() == "invitation"), None)
    if guest is None or noun is None or not people.refer(guest):
        return None
    visit = next(
        (
            k
            for k in noun.children
            if k.dep_ in {"acl", "relcl"} and k.lemma_.lower() in word_set("cues", "guest_steps")
        ),
        None,
    )
    if visit is None:
        return None
    return Undertaking(tok, visit, visit.right_edge.i + 1, guest, 0.7)


@dataclass(frozen=True)
class PlannedVisit:
    noun: Any  # "visit", "trip"
    visitor: Any  # the possessor token ("his", "Trump's")
    destination: str | None  # "the UK", "Argentina and Brazil"


def planned_visit(tok: Any, people: People) -> PlannedVisit | None:
    """A visit that lies ahead, owned by a participant: "the leaders look forward to her trip to Rome next
    month", "the visits she is to pay to both capitals within weeks". The caller requires a deadline."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in {"visit", "trip", "tour"}:
        return None
    visitor = next((k for k in tok.children if k.dep_ == "poss"), None)
    if visitor is None:  # "the visits he will make": the subject of the relative clause
        clause = next((k for k in tok.children if k.dep_ == "relcl"), None)
        visitor = next((k for k in clause.children if k.dep_ == "nsubj"), None) if clause is not None else None
    if visitor is None or not people.refer(visitor):
        return None
    places = [
        obj
        for node in [tok, *(k for k in tok.children if k.dep_ == "relcl")]
        for prep in node.children
        if prep.dep_ == "prep" and prep.lower_ == "to"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    destination = tok.doc[places[0].left_edge.i : places[0].right_edge.i + 1].text if places else None
    return PlannedVisit(tok, visitor, destination)


def sideways_undertakings(sent: Any, people: People) -> Iterator[Undertaking]:
    """The impersonal, praised and tasked undertakings of one sentence, in text order."""
    for tok in sent:
        found = (
            _impersonal(tok)
            or _praised_resolve(tok, people)
            or _tasked(tok, people)
            or _consensus_reached(tok, people)
            or _accepted_invitation(tok, people)
            or _in_agreement(tok, people)
            or _important_event(tok)
        )
        if found is not None and found.end - found.first.i >= 2:
            yield found
