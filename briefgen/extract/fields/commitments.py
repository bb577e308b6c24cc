"""Commitments: who undertook to do what, by when.

Cues come from data (cues.yaml): "agreed to", "committed to", "pledged", "plans to", "intends to",
"is preparing to", a "will" whose subject is a party, "reaffirmed their readiness/resolve to",
"welcomed the resumption of", and money pledged for a purpose. Verbs that only report talk
("discussed", "urged", "encouraged") never make a commitment. The actor is the subject of the cue,
resolved to names (and their countries) or to the participants as a group; the deadline is the date
expression inside the action ("by 2030", "early next year") and nothing else.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ...model import Commitment
from ..components.document import Analysis
from ..lexicon.data import cues, word_set
from ..lexicon.gazetteer import gazetteer, is_news_agency
from ..text.phrases import opens_on_a_past_date, without_article
from .bodies import body_antecedent
from .goals import goal_after
from .people import People, Person
from .repeats import drop_repeats
from .undertakings import UNDERTAKING_MODALS, planned_visit, sideways_undertakings

_MAX_ACTION_WORDS = 45
_PAST_MARKERS = re.compile(
    r"\bsince\b|\blast (?:year|month|week|october|november|december|january|february|march|april|may|june|"
    r"july|august|september)\b",
    re.I,
)


@cache
def _cue_table() -> dict[str, dict[str, Any]]:
    return {str(c["lemma"]): c for c in cues().get("commitment_cues", [])}


@cache
def _side_nouns() -> frozenset[str]:
    """Nouns that stand for a country's side when a country or demonym modifies them."""
    return frozenset(cues().get("side_nouns", []))


@cache
def _actor_bodies() -> frozenset[str]:
    """Nouns of a body that can undertake something ("the Administration will provide …")."""
    return frozenset(cues().get("actor_bodies", []))


def actor_label(persons: list[Person]) -> str:
    """ "Antony J. Blinken and Sergey Lavrov (United States and Russia)"."""
    affs = list(dict.fromkeys(p.affiliation for p in persons if p.affiliation))
    if affs and not any(p.name for p in persons) and len(affs) == len(persons):
        # offices named by side only ("the foreign ministers of A and B"): the sides are the actors
        return affs[0] if len(affs) == 1 else ", ".join(affs[:-1]) + " and " + affs[-1]
    names = [p.label() for p in persons]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if affs:
        joined += " (" + (affs[0] if len(affs) == 1 else ", ".join(affs[:-1]) + " and " + affs[-1]) + ")"
    return joined


def _subjects(verb: Any) -> list[Any]:
    """Subjects of a verb, climbing through xcomp/conj chains ("agreed to continue to work")."""
    v = verb
    for _ in range(6):
        subs = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
        if subs:  # a headline's "Vietnam, Philippines agree to …": the country before the comma is a subject too
            subs = [c for c in v.children if c.dep_ == "npadvmod" and c.ent_type_ == "GPE" and c.i < subs[0].i] + subs
            out = []
            for s in subs:
                out.append(s)
                out.extend(c for c in s.subtree if c.dep_ == "conj" and c.head.i in {x.i for x in out})
            return out
        if v.dep_ in {"xcomp", "conj", "advcl", "ccomp", "pcomp", "acl"} and v.head.i != v.i:
            v = v.head
        else:
            break
    return []


def _actor(an: Analysis, people: People, verb: Any, possessor: Any = None) -> tuple[str | None, float]:
    gaz = gazetteer()
    heads = [possessor, *possessor.conjuncts] if possessor is not None else _subjects(verb)
    persons: list[Person] = []
    places: list[str] = []
    texts: list[str] = []
    for tok in heads:
        found = people.refer(tok)
        if found:
            for p in found:
                if p not in persons:
                    persons.append(p)
            continue
        span = an.doc[tok.left_edge.i : tok.i + 1]
        place = _subject_country(an, tok) or gaz.affiliation(tok.text) or _side_of(tok)
        if place:
            places.append(place)
        elif tok.ent_type_ in {"DATE", "TIME"}:
            continue  # "Thursday": a parse that made the day the subject is no actor
        elif is_news_agency(span.text, start_of_name=True):
            continue  # "Press Trust of India reported …": the reporter, never a party
        elif _joint_body(tok) and (sides := _sides_label(people)):
            texts.append(f"{sides} ({without_article(span.text)})")  # "the Joint Commission will meet …"
        elif (body := body_antecedent(tok, an.sents)) is not None:
            texts.append(body.text)  # "the leaders set up a group …; it will meet in the autumn"
        elif tok.lower_ in {"teams", "team"} or tok.pos_ == "PROPN" or tok.lemma_.lower() in _actor_bodies():
            owner = [people.owner(t.i) for t in span if people.owner(t.i)]
            texts.append(span.text + (f" ({actor_label(owner)})" if owner else ""))
    if persons:
        label = actor_label(persons)
        places = [pl for pl in places if pl not in {p.affiliation for p in persons}]
        if places:
            label += " with " + " and ".join(places)
        return label, 0.85
    if places:
        return " and ".join(dict.fromkeys(places)), 0.8
    if texts:
        return "; ".join(texts), 0.7
    return None, 0.5


def _action_text(an: Analysis, start_tok: Any, end_i: int) -> str:
    doc = an.doc
    end_i = min(end_i, start_tok.sent.end)
    span = doc[start_tok.i : end_i]
    words = span.text.split()
    it = next((t for t in span if t.lower_ == "it" and t.dep_ in {"dobj", "nsubjpass"}), None)
    antecedent = _document_before(an, start_tok) if it is not None else None
    if it is not None and antecedent is not None:  # "committed to sign it": sign the agreement named before
        words = (doc[start_tok.i : it.i].text + " " + antecedent + it.whitespace_ + doc[it.i + 1 : end_i].text).split()
    text = " ".join(words[:_MAX_ACTION_WORDS])
    return text.rstrip(' ,;."”’»') or start_tok.text


def _second_infinitive(first: Any, end: int) -> Any:
    """ "to expand trade and to implement joint projects": the second verb, with its own "to", coordinated
    with the first inside the action; else None."""
    if first.pos_ not in {"VERB", "AUX"}:
        return None
    for conj in first.children:
        if conj.dep_ == "conj" and conj.i < end and any(c.dep_ == "aux" and c.lower_ == "to" for c in conj.children):
            return conj
    return None


def _coordinator_before(verb: Any) -> int:
    """Where the first of two coordinated infinitives ends: at the "and" (or comma) before the second's "to"."""
    k = verb.left_edge.i
    doc = verb.doc
    while k > 0 and doc[k - 1].lower_ in {"and", ",", "as", "well"}:
        k -= 1
    return k


def _document_before(an: Analysis, tok: Any) -> str | None:
    """The last agreement, plan or project the sentence names before `tok`: what "it" stands for there."""
    nouns = word_set("cues", "document_nouns")
    chunks = [c for c in tok.sent.noun_chunks if c.end <= tok.i and c.root.lemma_.lower() in nouns]
    return chunks[-1].text if chunks else None


def clause_end(verb: Any) -> int:
    """One past the last token of a verb's own clause.

    A coordinated verb ("… and agreed that …") starts a new clause, and so does a trailing clause
    after a comma ("…, adding that …", "…, as the two allies seek …"): it is not part of the action.
    """
    end = verb.right_edge.i + 1
    doc = verb.doc
    for child in verb.children:
        if child.i > verb.i and child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            cc = [c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < child.i]
            end = min(end, cc[-1].i if cc else child.left_edge.i)
        elif child.i > verb.i and child.dep_ in {"advcl", "ccomp"} and child.left_edge.i > verb.i + 1:
            left = child.left_edge.i
            if doc[left - 1].text in {",", ";", "—", "–"}:
                end = min(end, left - 1)
    return end


#: Words after a dash or colon that spell out what the clause before it announced ("two bodies will be
#: formed -- one for the ports and the other for the rail link").
_ENUMERATION_STARTS = {"one", "two", "three", "four", "namely", "including", "first", "the", "both", "each"}


def with_enumeration(doc: Any, end: int, limit: int) -> int:
    """The end of a clause, carried to `limit` when a dash or colon at `end` opens its enumeration."""
    if end + 1 >= limit or doc[end].text not in {"--", "—", "–", ":"}:
        return end
    nxt = doc[end + 1]
    if nxt.lower_ in _ENUMERATION_STARTS and (nxt.lower_ != "the" or doc[min(end + 2, limit - 1)].lower_ == "first"):
        return limit
    return end


def _in_quote(an: Analysis, people: People, tok: Any) -> bool:
    """Inside quotation marks: reported rhetoric, not an undertaking recorded by the text.

    Except where the quotation is the readout itself (a spokesperson's statement quoted whole,
    holding the sentence that frames the meeting): its undertakings are the meeting's.
    """
    span = an.quote_at(tok.idx)
    if span is None:
        return False
    if _quoted_readout(an, span, tok):
        return False
    frame = people.frame_sentence
    if frame is None:
        return True
    overlap = min(frame.end_char, span.end) - max(frame.start_char, span.start)
    return overlap * 2 <= frame.end_char - frame.start_char  # the quote holds most of the frame: a readout


#: How long a quotation must be to be a statement read out whole rather than a remark.
_READOUT_CHARS = 200
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")


def _quoted_readout(an: Analysis, span: Any, tok: Any) -> bool:
    """A spokesperson's statement quoted whole ("A spokesperson said: '… The two ministers will meet again
    in Paris tomorrow.'"): a long quotation that tells the meeting in the third person, in this sentence."""
    if span.end - span.start < _READOUT_CHARS:
        return False
    return not _FIRST_PERSON.search(an.text_of(tok.sent))


_DEADLINE_WORDS = re.compile(
    r"\d{4}|next|coming|end of|early|late|mid|month|year|week|day|spring|summer|autumn|fall|winter|quarter|tomorrow"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?",
    re.I,
)
#: Words that may open a deadline before the date itself: "before the summer", "early next year", "later this year".
_DEADLINE_PREPS = {
    "by",
    "within",
    "before",
    "until",
    "over",
    "in",
    "on",
    "during",
    "after",
    "no",
    "later",
    "than",
    "from",
}
_DEADLINE_MODIFIERS = {"early", "late", "later", "earlier", "mid", "middle"}


def _agreement_reported(tok: Any, verbs: frozenset[str]) -> bool:
    """A speaker reporting what the sides agreed ("both sides agreed to continue talks", "we decided to
    …") records an undertaking even inside quotation marks; other quoted promises are rhetoric."""
    if tok.lemma_.lower() not in verbs or tok.pos_ != "VERB":
        return False
    subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        s.lower_ in {"we", "they"} or s.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in s.children)
        for s in subjects
    )


def _deadline(an: Analysis, first: int, last: int, governor: Any = None) -> str | None:
    """The date expression inside an action, as written, with its preposition ("by the end of 2026").

    With `governor`, the span lies before the action ("By the end of the year, the two sides will
    sign …"): a date there is a deadline only when it hangs from that verb behind a limiting preposition."""
    doc = an.doc
    for ent in an.ents:
        if ent.label_ != "DATE" or ent.start < first or ent.end > last:
            continue
        if governor is not None and not _fronted_limit(doc, ent, governor):
            continue
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        end = ent.end
        if end + 1 < len(doc) and doc[end].text in {"-", "–", "to"} and doc[end + 1].like_num:
            end += 2  # "Aug. 17-19", "3 to 5 May": a span of days
        span_ahead = before == "from" and (end > ent.end or bool(re.search(r"\d\s*[-–]\s*\d", ent.text)))
        if (before in {"since", "from"} and not span_ahead) or ent.text.lower().startswith(
            ("last", "since", "today", "yesterday")
        ):
            continue
        if not _DEADLINE_WORDS.search(ent.text):
            continue
        root = ent.root
        if (
            root.dep_ in {"nummod", "compound", "amod", "nmod"}
            and root.head.i >= ent.end
            and root.head.pos_ in {"NOUN", "PROPN"}
        ):
            continue  # a date naming a thing: "the 1951 Mutual Defense Treaty", "the March 3 declaration"
        if (
            ent.end < len(doc)
            and doc[ent.end].lower_ == "of"
            and re.search(r"\b(?:years?|months?|decades?)$", ent.text)
        ):
            continue  # "60 years of cooperation": an age, not a time limit
        start = ent.start
        if start > first and doc[start - 1].lower_ in _DEADLINE_MODIFIERS:
            start -= 1  # "early next year", "later this year"
        # "within six months", "no later than June", "before the summer"
        while start > first and doc[start - 1].lower_ in _DEADLINE_PREPS and ent.start - start < 4:
            if doc[start - 1].lower_ == "than" and not (start > 1 and doc[start - 2].lower_ in {"later", "earlier"}):
                break  # "more than 60 years" is a quantity; "no later than June" is a limit
            start -= 1
        if start == ent.start:
            start = _event_before(doc, start, first)  # "ahead of the 60th anniversary next year"
        return doc[start:end].text
    return None if governor is not None else _undated_deadline(doc[first:last].text)


#: Prepositions that make a date put before its verb a limit ("By May, …", "Within a year, …").
_FRONTED_LIMITS = {"by", "before", "within", "until", "in", "during", "over"}


def _fronted_limit(doc: Any, ent: Any, governor: Any) -> bool:
    """Is this date, put before the verb, a limit that verb's undertaking keeps to?"""
    prep = doc[ent.start - 1] if ent.start > 0 else None
    if prep is None or prep.lower_ not in _FRONTED_LIMITS:
        return False
    return any(a.i == governor.i for a in ent.root.ancestors)


#: Words that open a time limit set by an event: "ahead of the 60th anniversary next year".
_EVENT_LIMITS = {"ahead", "before", "by", "until", "prior"}


def _event_before(doc: Any, start: int, first: int) -> int:
    """Where a deadline set by an event begins, when the date only dates the event ("ahead of the
    anniversary next year"): back over the event's words to "ahead of"/"before"/"by"; else `start`."""
    k = start - 1
    while k > first and start - k <= 6 and doc[k].pos_ in {"NOUN", "PROPN", "ADJ", "DET", "NUM"}:
        k -= 1
    if doc[k].lower_ == "of" and k - 1 >= first and doc[k - 1].lower_ in {"ahead", "prior"}:
        return k - 1
    if doc[k].lower_ in _EVENT_LIMITS and k < start - 1:
        return k
    return start


@cache
def _undated_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    c = cues()
    words = sorted(c["urgency_deadlines"], key=len, reverse=True)
    urgency = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    events = "|".join(re.escape(w) for w in c["deadline_events"])
    event = re.compile(
        r"\b(?:(?:by|before|ahead of|until|in time for) the (?:next|upcoming|forthcoming|coming)\b"
        rf"(?:[ \w'’-]{{0,40}}? )?|(?:ahead of|in time for) the (?:[\w'’-]+ ){{0,3}}?)(?:{events})"
        r"(?: meeting| of talks| of consultations| of negotiations)?\b",
        re.I,
    )
    return urgency, event


def _urgency_words() -> frozenset[str]:
    return word_set("cues", "urgency_deadlines")


def _undated_deadline(action: str) -> str | None:
    """A deadline the action states without a date: urgency ("immediately", "without delay") or a coming
    event ("by the next summit", "before the upcoming round of talks")."""
    urgency, event = _undated_patterns()
    m = event.search(action) or urgency.search(action)
    return m.group(0) if m else None


#: Tokens that may stand between a cue verb and its "to": "agreed on Monday to", "agreed today to".
_ADVERBIAL_WORDS = {"on", "today", "also", "again", "formally", "jointly", "publicly", "unanimously", "further", ","}


def _after_adverbial(an: Analysis, tok: Any, limit: int) -> Any:
    """The token after a short time adverbial following a cue verb, or None."""
    k = tok.i + 1
    while (
        k < limit
        and k - tok.i <= 6
        and (an.doc[k].ent_type_ in {"DATE", "TIME"} or an.doc[k].lower_ in _ADVERBIAL_WORDS)
    ):
        k += 1
    return an.doc[k] if tok.i + 1 < k < limit else None


_UNDERTAKING_MODALS = {"will", "would", "shall", "should", "must", "could", "can", "'ll", "’ll"}


def _undertaking_clause(verb: Any) -> bool:
    """The "that" clause of "agreed that …" says what is to be done: a modal or a passive arrangement
    ("agreed that a meeting will be held", "that the two sides should resume talks")."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _UNDERTAKING_MODALS for c in clause.children):
            return True
        if clause.lemma_ in {"need", "have"} and any(c.dep_ == "xcomp" for c in clause.children):
            return True  # "agreed that they needed to …"
    return False


def _noun_complement(verb: Any, noun: Any) -> tuple[list[Any], Any]:
    """What completes a noun of resolve, and the side an "of" names: "readiness to assist", "commitment to the
    treaty", "interest in exploring …", "the will of Chile and Peru to continue …" (→ "continue", Chile).

    The parser often hangs the infinitive on the verb instead of the noun ("stressed his keenness to
    continue …", "the will of X to continue" as an adverbial clause); it is taken from there."""
    after = [ch for ch in noun.children if ch.dep_ in {"acl", "prep", "relcl"} and ch.i > noun.i]
    hung = [ch for ch in verb.children if ch.dep_ in {"xcomp", "advcl"} and ch.left_edge.i == noun.right_edge.i + 1]
    if after and after[0].dep_ == "prep" and after[0].lower_ == "of" and hung and hung[0].left_edge.lower_ == "to":
        side = next((g for g in after[0].children if g.dep_ == "pobj"), None)
        return hung[:1], side
    if after and after[0].dep_ == "prep" and after[0].lower_ == "in":
        step = next((g for g in after[0].children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        return ([step] if step is not None else []), None
    return (after or [h for h in hung if h.dep_ == "xcomp"]), None


def _agreed_necessity(verb: Any, need_adjectives: set[str]) -> Any:
    """The step of "agreed (that) it was vital to build a coalition": what the sides agree must be done is
    theirs to do. Returns the infinitive ("build"), or None."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and c.lemma_ == "be"):
        expletive = any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children)
        need = next((c for c in clause.children if c.dep_ == "acomp" and c.lower_ in need_adjectives), None)
        if not expletive or need is None:
            continue
        for step in (c for c in [*need.children, *clause.children] if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            if any(k.dep_ == "aux" and k.lower_ == "to" for k in step.children):
                return step
    return None


def _infinitive_after_phrase(verb: Any) -> Any:
    """The "to" of a cue verb's infinitive when a prepositional phrase stands between them
    ("agreed in bilateral talks in Munich to strengthen …"), or None."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "advcl"} and child.i > verb.i and child.i - verb.i <= 14:
            to = child.left_edge
            between = verb.doc[verb.i + 1 : to.i]
            if to.lower_ == "to" and between and between[0].dep_ == "prep":
                return to
    return None


def _agentless_arrangement(an: Analysis, people: People, verb: Any) -> str | None:
    """ "Two joint commissions are to be created to manage …" → "create two joint commissions to manage …":
    a passive arrangement ("is to be", "will be", "shall be") whose subject is a thing, not a party."""
    kids = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return None
    future = any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "’ll"} for c in kids)
    be_to = verb.i >= 3 and an.doc[verb.i - 1].lower_ == "be" and an.doc[verb.i - 2].lower_ == "to"
    if not (future or be_to):
        return None
    subject = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if subject is None and verb.dep_ in {"xcomp", "ccomp"}:  # "… are to be created": the subject is the head's
        subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    relative = _relative_antecedent(verb, subject)
    if relative is not None:  # "the next session of the commission, which is to be held in May"
        noun_phrase = relative
    else:
        if subject is None or people.refer(subject) or subject.pos_ == "PRON":
            return None
        if gazetteer().affiliation(an.doc[subject.left_edge.i : subject.i + 1].text):
            return None
        if subject.lemma_.lower() in word_set("cues", "own_country_events"):
            return None  # "a new presidential election has to be held": a country's own vote, no undertaking
        first_aux = min([c.i for c in kids if c.dep_ in {"aux", "auxpass"}] + [verb.i])
        # the subject up to its verb, whatever the parser hung on it ("consultations with X and with Y will be …")
        k = subject.i + 1
        verbs = {verb.i, verb.head.i}
        while k < verb.i and not (an.doc[k].pos_ in {"AUX", "VERB"} and (k in verbs or an.doc[k].head.i in verbs)):
            k += 1
        noun_phrase = an.doc[subject.left_edge.i : min(k, first_aux) if first_aux > subject.i else k].text
    rest = an.doc[verb.i + 1 : with_enumeration(an.doc, clause_end(verb), verb.sent.end)].text.strip(" ,;.")
    return " ".join(x for x in (verb.lemma_, noun_phrase[:1].lower() + noun_phrase[1:], rest) if x)


def _scheduled_event(tok: Any) -> tuple[str, int] | None:
    """ "A meeting of the ministers is scheduled to take place in Minsk on 4 May" → ("hold a meeting of the
    ministers in Minsk on 4 May", end): an event the text puts on the calendar, with no one said to hold it."""
    if tok.lemma_.lower() not in word_set("cues", "calendar_verbs") or tok.tag_ not in {"VBN", "JJ"}:
        return None
    subject = next((c for c in tok.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.lemma_ in {"take", "hold", "convene", "be"}), None)
    if subject is None or comp is None or subject.lemma_.lower() not in word_set("cues", "deadline_events"):
        return None
    if comp.lemma_ == "take" and not any(c.lower_ == "place" for c in comp.children):
        return None
    doc = tok.doc
    noun = doc[subject.left_edge.i : subject.right_edge.i + 1].text
    rest_from = next((c.i for c in comp.children if c.lower_ == "place"), comp.i) + 1
    held = next((c for c in comp.children if c.dep_ in {"xcomp", "acomp"} and c.lemma_ == "hold"), None)
    rest_from = max(rest_from, held.i + 1) if held is not None else rest_from
    end = clause_end(comp)
    rest = doc[rest_from:end].text.strip(" ,;.")
    return " ".join(x for x in ("hold", noun[:1].lower() + noun[1:], rest) if x), end


def _relative_antecedent(verb: Any, subject: Any) -> str | None:
    """The event a relative clause arranges: "the next meeting of the commission, which is to be held …" →
    "the next meeting of the commission" (climbing from "commission" to the event it is the meeting of)."""
    if subject is None or subject.lower_ not in {"which", "that"}:
        return None
    clause = verb if verb.dep_ == "relcl" else verb.head if verb.head.dep_ == "relcl" else None
    if clause is None:
        return None
    noun = clause.head
    events = word_set("cues", "deadline_events")
    while noun.lemma_.lower() not in events and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    if noun.lemma_.lower() not in events:
        return None
    doc = verb.doc
    return doc[noun.left_edge.i : clause.left_edge.i].text.strip(" ,")


def _sides_label(people: People) -> str | None:
    """The participants' sides, when an arrangement names no agent: "Spain and Portugal"."""
    parts = people.participants
    if len(parts) < 2:
        return None
    affs = list(dict.fromkeys(p.affiliation for p in parts if p.affiliation))
    if len(affs) >= 2:
        return ", ".join(affs[:-1]) + " and " + affs[-1]
    return actor_label(parts)


def _be_to_verb(an: Analysis, tok: Any) -> Any:
    """The verb of "is to visit" / "are to meet" (an arrangement), or None."""
    if tok.i + 2 >= len(an.doc) or tok.lower_ not in {"is", "are"}:
        return None
    verb = an.doc[tok.i + 2]
    return verb if verb.tag_ == "VB" and verb.pos_ == "VERB" else None


def _future_modal(tok: Any) -> bool:
    """ "will", or "would" reporting what a speaker said a party would do."""
    if tok.tag_ != "MD":
        return False
    if tok.lower_ in {"will", "’ll", "'ll"}:
        # "expressed hope that the forum will emerge stronger": a wish about the future, not an undertaking
        return not (tok.head.dep_ in {"ccomp", "acl"} and _hoped(tok.head.head))
    if tok.lower_ != "would":
        return False
    clause = tok.head
    return clause.dep_ == "ccomp" and clause.head.lemma_ in _REPORTING_VERBS


def _hoped(tok: Any) -> bool:
    """A verb or noun of hope or belief ("hoped", "expressed hope", "is confident", "believes")."""
    return tok.lemma_.lower() in word_set("cues", "hope_words")


_REPORTING_VERBS = {
    "say",
    "state",
    "announce",
    "confirm",
    "tell",
    "add",
    "note",
    "indicate",
    "inform",
    "assure",
    "affirm",
}


def _party_subject(an: Analysis, people: People, verb: Any) -> bool:
    """The verb's subject is a party to the meeting: a person, a country or body, a team or government."""
    return any(
        people.refer(s)
        or _subject_country(an, s)
        or _side_of(s)
        or (_joint_body(s) and s.dep_ == "nsubj")  # "the joint bodies will be created" is an arrangement
        or s.lower_ in {"teams", "administration", "government"}
        or body_antecedent(s, an.sents) is not None
        for s in _subjects(verb)
    )


def _speaks_for_subject(an: Analysis, people: People, verb: Any) -> bool:
    """In "Wang said China is willing to …", the one reporting is a participant of the country the clause
    is about."""
    said = verb.head
    if said.dep_ == "acl":  # "praised the plan for the port saying Ghana was keen": hung on a noun
        said = said.head
        while said.pos_ not in {"VERB", "AUX"} and said.head.i != said.i:  # tokens compare by index
            said = said.head
    speakers = [p for s in _subjects(said) for p in (people.refer(s) or [])]
    countries = {_subject_country(an, s) for s in _subjects(verb)} - {None}
    return len(countries) == 1 and any(p.participant and p.affiliation in countries for p in speakers)


def _joint_body(tok: Any) -> bool:
    """A body of both sides: "the Joint Permanent Commission", "the bilateral working group"."""
    if {tok.lemma_.lower(), tok.lower_}.isdisjoint(word_set("cues", "created_bodies")):
        return False
    modifiers = word_set("cues", "joint_body_modifiers")
    return any(t.lower_ in modifiers for t in tok.doc[tok.left_edge.i : tok.i])


def _subject_country(an: Analysis, tok: Any) -> str | None:
    """The country or body a subject names, a capital standing for its government included ("Kampala will
    host the next summit", "Moscow is ready to …")."""
    gaz = gazetteer()
    text = an.doc[tok.left_edge.i : tok.i + 1].text
    found = gaz.affiliation(text)
    if found is None and tok.left_edge.i == tok.i and tok.ent_type_ == "GPE":
        found = gaz.country_or_capital(text)
    return found


def _side_of(tok: Any) -> str | None:
    """ "the Vietnamese side", "the Chinese delegation", "the Kenyan government": that country."""
    if tok.lemma_.lower() not in _side_nouns():
        return None
    for child in tok.children:
        if child.dep_ in {"amod", "compound", "nmod", "poss"}:
            found = gazetteer().affiliation(child.text)
            if found:
                return found
    return None


def _readiness_verb(adjective: Any) -> Any:
    """The verb an adjective of readiness completes: "is" in "is willing and ready to", "stands" in "stands ready"."""
    pred = adjective
    while pred.dep_ == "conj" and pred.head.i != pred.i:
        pred = pred.head
    verb = pred.head
    return verb if verb is not pred and verb.pos_ in {"VERB", "AUX"} else None


def _commitment_phrase(an: Analysis, noun: Any, prep: Any) -> str | None:
    """ "ironclad commitment to the Philippines under the 1951 Treaty": a commitment to a party or thing.

    When "commitment/pledge to" takes a noun rather than a verb, what was undertaken is the commitment
    itself; the phrase is kept whole, without its article, possessor or the actor's own country ("the
    ironclad U.S. commitment" → "ironclad commitment").
    """
    if prep.lower_ != "to" or prep.dep_ != "prep" or not any(c.dep_ == "pobj" for c in prep.children):
        return None
    gaz = gazetteer()
    dropped: set[int] = set()
    for child in noun.children:
        if child.i < noun.i and (
            child.dep_ in {"det", "poss"}
            or (child.dep_ in {"compound", "amod", "nmod"} and gaz.affiliation(child.text))
        ):
            dropped.update(t.i for t in child.subtree)
    words = []
    for tok in an.doc[noun.left_edge.i : noun.right_edge.i + 1]:
        if tok.i in dropped:
            continue
        words.append(tok.text_with_ws)
    text = "".join(words).strip().rstrip(" ,;.")
    return " ".join(text.split()[:_MAX_ACTION_WORDS]) or None


def _is_perfect_past(verb: Any) -> bool:
    return (
        any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for c in verb.children)
        or verb.tag_ == "VBD"
        and False
    )


def _past_step(noun: Any, past_mods: set[str]) -> bool:
    """ "the Government's recent launch of its plan": a step one side already took, not an undertaking."""
    return any(
        c.dep_ == "poss" or (c.dep_ in {"amod", "advmod"} and c.lower_ in past_mods)
        for c in noun.children
        if c.i < noun.i
    )


def _step_action(an: Analysis, noun: Any, end: int, steps: dict[str, str]) -> str:
    """The whole welcomed step as an undertaking: "resumption of cooperation to combat X, and establishment of
    a group" → "resume cooperation to combat X, and establish a group".

    Why the whole clause: what is resumed and what for is the undertaking; the bare noun phrase is not.
    """
    doc = an.doc
    end = min(end, noun.sent.end)
    words: list[str] = []
    i = noun.i
    while i < end:
        tok = doc[i]
        verb = steps.get(tok.lower_)
        if verb and i + 1 < end and doc[i + 1].lower_ == "of":
            if words and words[-1].strip().lower() in {"the", "a", "an"}:
                words.pop()
            words.append(verb + " ")
            i += 2
            continue
        words.append(tok.text_with_ws)
        i += 1
    text = " ".join("".join(words).split()[:_MAX_ACTION_WORDS])
    return text.rstrip(" ,;.")


def _programme_item(verb: Any) -> bool:
    """ "will address a joint press conference", "will host a dinner for the guest": an item of the visit's
    programme, an outlook, not an undertaking."""
    items = word_set("cues", "programme_nouns")
    for obj in (c for c in verb.children if c.dep_ in {"dobj", "attr"}):
        compounds = [c.lower_ for c in obj.children if c.dep_ == "compound" and c.i < obj.i]
        if obj.lemma_.lower() in items or " ".join([*compounds, obj.lemma_.lower()]) in items:
            return True
    return False


def _names_a_need(prep: Any, need_nouns: set[str], step_nouns: set[str]) -> bool:
    """ "agreed on the importance of continued engagement": the object is a need noun, and what is needed
    is no agreed step ("agreed on the importance of the immediate implementation of …" is one)."""
    if prep is None or prep.lower_ != "on":
        return False
    for need in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in need_nouns):
        needed = [g for c in need.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return not any(g.lemma_.lower() in step_nouns for g in needed)
    return False


def _needed_verb(prep: Any, need_nouns: set[str]) -> Any:
    """The verb of "agreed on the urgent need to increase X": "increase" is what was agreed, or None."""
    if prep is None or prep.lower_ != "on":
        return None
    for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in need_nouns):
        for verb in (c for c in pobj.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"):
            if any(k.dep_ == "aux" and k.lower_ == "to" for k in verb.children):
                return verb
        # "agreed on the importance of cutting tariffs …": a step written as a gerund is agreed too
        for of in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for verb in (g for g in of.children if g.dep_ == "pcomp" and g.tag_ == "VBG"):
                return verb
    return None


def extract_commitments(an: Analysis, people: People) -> list[Commitment]:
    c = cues()
    table = _cue_table()
    nouns = set(c.get("commitment_nouns", []))
    shared_only = set(c.get("shared_only_commitment_nouns", []))
    frame_verbs = set(c.get("commitment_frame_verbs", []))
    verbal_only = word_set("cues", "verbal_commitment_nouns")
    steps = {str(k): str(v) for k, v in (c.get("agreed_step_nouns") or {}).items()}
    past_mods = set(c.get("past_step_modifiers", []))
    need_nouns = set(c.get("need_nouns", []))
    need_adjectives = set(c.get("need_adjectives", []))
    agreeing = set(c.get("quoted_agreement_verbs", []))  # the verbs of agreeing: agree, decide, concur, resolve
    weak_reporting = set(c.get("weak_reporting_verbs", []))
    not_verbs = set(c.get("not_commitment_verbs", []))
    arrangements = set(c.get("arrangement_verbs", []))
    found: list[Commitment] = []
    covered: list[tuple[int, int]] = []

    def inside(i: int) -> bool:
        return any(a <= i < b for a, b in covered)

    def add(
        verb: Any, action_from: Any, action_end: int, confidence: float, possessor: Any = None, text: str | None = None
    ) -> None:
        actor, actor_conf = _actor(an, people, verb, possessor)
        if actor is None:
            return
        second = _second_infinitive(action_from, action_end) if text is None else None
        whole_end = action_end
        if second is not None:  # "intention to expand trade and to implement joint projects": two undertakings
            action_end = min(action_end, _coordinator_before(second))
        goal = goal_after(action_from, action_end) if text is None and action_from.pos_ == "VERB" else None
        if goal is not None:
            action_end = goal.cut  # "…, with the aim of closing them": a second undertaking, below
        action = text or _action_text(an, action_from, action_end)
        if len(action.split()) < 2:
            return
        deadline = _deadline(an, action_from.i, action_end)
        if deadline is None and action_from.i > verb.sent.start:
            deadline = _deadline(an, verb.sent.start, min(verb.i, action_from.i), governor=action_from)
            opening = an.doc[verb.sent.start : min(verb.i, action_from.i)].text
            found = _undated_deadline(opening) if deadline is None else None
            if found and opening.lower().startswith(found.lower()):
                deadline = found  # "In the near future, Japan plans to open …"
        confidence = round(min(confidence, actor_conf + 0.1), 2)
        record(actor, action, deadline, confidence, verb.sent, action_from.i, action_end)
        if goal is not None:
            goal_deadline = _deadline(an, goal.first, goal.end)
            record(actor, goal.action, goal_deadline, round(confidence - 0.1, 2), verb.sent, goal.first, goal.end)
        if second is not None:
            add(verb, second, whole_end, confidence, possessor)

    def record(actor: str, action: str, deadline: str | None, confidence: float, sent: Any, a: int, b: int) -> None:
        """Keep one commitment, with its sentence as evidence; tokens [a, b) are spoken for."""
        item = Commitment(actor=actor, action=action, deadline=deadline, confidence=confidence)
        item.evidence = [an.sentence_evidence(sent)]
        found.append(item)
        covered.append((a, b))

    readiness = set(c.get("readiness_adjectives", []))
    devoted = word_set("cues", "committed_adjectives")
    quoted_agreements = word_set("cues", "quoted_agreement_verbs")
    relevant = set(table) | frame_verbs | readiness | devoted | {"be", "look"}  # the lemmas any rule below starts from
    for sent in an.sents:
        if an.in_headline(sent) and len(an.sents) > 2:
            continue  # a headline's "X, Y commit to …" labels what the body tells in full
        past = _PAST_MARKERS.search(an.text_of(sent)) or opens_on_a_past_date(an.text_of(sent))
        if past and not re.search(r"\bwill\b", an.text_of(sent)):
            continue
        # 0. a visit that lies ahead, with its time: "looked forward to the President's visit to the UK in July"
        for tok in sent:
            visit = planned_visit(tok, people) if not inside(tok.i) else None
            if visit is None:
                continue
            scope = [visit.noun, *visit.noun.subtree]
            first, last = min(t.i for t in scope), max(t.i for t in scope) + 1
            deadline = _deadline(an, first, last)
            if deadline is None or deadline in _urgency_words():
                continue
            actor, _ = _actor(an, people, visit.noun, visit.visitor)
            if actor is None:
                continue
            action = "visit" + (f" {visit.destination}" if visit.destination else "")
            record(actor, action, deadline, 0.6, sent, first, last)
        for tok in sent:
            lemma = tok.lemma_.lower()
            if (lemma not in relevant and tok.tag_ != "MD") or inside(tok.i):
                continue
            if _in_quote(an, people, tok) and not _agreement_reported(tok, quoted_agreements):
                continue
            nxt = an.doc[tok.i + 1] if tok.i + 1 < len(an.doc) else None
            # 1. cue verbs: agreed to, committed to, pledged, plans to …; a verb that also frames a noun of
            #    resolve ("affirmed to keep …" / "affirmed their resolve to …") takes this rule only before "to"
            framing_cue = lemma in frame_verbs and (
                nxt is None or nxt.lower_ not in set(table.get(lemma, {}).get("next") or [])
            )
            if lemma in table and tok.pos_ in {"VERB", "AUX", "NOUN"} and tok.pos_ != "NOUN" and not framing_cue:
                cue = table[lemma]
                wanted = cue.get("next")
                if tok.dep_ in {"amod", "acl"} or any(ch.dep_ == "auxpass" for ch in tok.children):
                    continue
                if cue.get("future_only") and tok.tag_ in {"VBD", "VBN"} and tok.dep_ not in {"xcomp", "ccomp"}:
                    continue  # "signed a memorandum": an outcome of the meeting, not an undertaking
                negated = None
                if (
                    nxt is not None
                    and nxt.lower_ == "not"
                    and tok.i + 2 < sent.end
                    and an.doc[tok.i + 2].lower_ == "to"
                ):
                    negated, nxt = nxt, an.doc[tok.i + 2]  # "agreed not to allow …": the "not" is the undertaking
                necessity = _agreed_necessity(tok, need_adjectives) if lemma in agreeing else None
                if necessity is not None:
                    add(tok, necessity, clause_end(necessity), float(cue.get("confidence", 0.8)) - 0.05)
                    continue
                if wanted:
                    later = _after_adverbial(an, tok, sent.end)  # "agreed on Monday to resume talks"
                    if later is None and "to" in wanted:
                        later = _infinitive_after_phrase(tok)  # "agreed in talks in Munich, Germany, to …"
                    if later is not None and later.lower_ in set(wanted):
                        nxt = later
                    elif nxt is None or nxt.lower_ not in set(wanted):
                        continue
                if lemma == "commit" and _is_perfect_past(tok):
                    continue
                if nxt is not None and nxt.lower_ == "that" and not _undertaking_clause(tok):
                    continue  # "agreed that they were meeting at a difficult time": a shared view, not a step
                comp = next((c for c in tok.children if c.dep_ in {"xcomp", "ccomp"} and c.i > tok.i), None)
                that = nxt is not None and nxt.lower_ == "that"
                if that and comp is not None and comp.dep_ == "ccomp" and comp.lemma_ == "be":
                    continue  # "agreed that the summit will be a historic opportunity": a shared view
                start = nxt if nxt is not None and nxt.lower_ in {"to", "on", "that", "upon"} else tok
                start = an.doc[start.i + 1] if start.i + 1 < sent.end and start is not tok else (nxt or tok)
                start = negated if negated is not None else start
                needed = _needed_verb(nxt, need_nouns)
                if needed is None and _names_a_need(nxt, need_nouns, set(steps)):
                    continue  # "agreed on the importance of continued engagement": a shared view, no step
                start = needed or start  # "agreed on the urgent need to increase X"
                conf = float(cue.get("confidence", 0.8))
                if that and comp is not None:
                    modal = next((c for c in comp.children if c.dep_ == "aux" and c.lower_ in UNDERTAKING_MODALS), None)
                    inner = next((c for c in comp.children if c.dep_ == "nsubj"), None)
                    sides = inner is not None and (inner.pos_ == "PRON" or bool(people.refer(inner)))
                    if modal is not None and sides and modal.i + 1 < sent.end:
                        start = an.doc[modal.i + 1]  # "agreed that the two countries should sustain …": the step
                objectful = comp is not None and any(c.dep_ in {"dobj", "prep", "attr"} for c in comp.children)
                if objectful and any(c.dep_ == "conj" and c.pos_ == "VERB" for c in comp.children):
                    # "agreed to set up X and to hold Y": one commitment per coordinated verb
                    add(tok, start, clause_end(comp), conf)
                    for conj in (c for c in comp.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == "VB"):
                        first = conj.left_edge if conj.left_edge.lower_ != "to" else an.doc[conj.left_edge.i + 1]
                        add(tok, first, clause_end(conj), conf)
                else:
                    add(tok, start, clause_end(tok), conf)
                continue
            # 2. reaffirmed their readiness / expressed the shared intention / welcomed X's commitment
            if lemma in frame_verbs and tok.pos_ == "VERB":
                for obj in (ch for ch in tok.children if ch.dep_ in {"dobj", "attr"}):
                    olemma = obj.lemma_.lower()
                    if olemma in nouns or (olemma == "need" and lemma in {"affirm", "reaffirm"}):
                        poss = next((ch for ch in obj.children if ch.dep_ == "poss"), None)
                        if olemma in shared_only and poss is not None and poss.lower_ not in {"their", "our"}:
                            break  # "reaffirmed the United States' desire to …": one side's wish restated
                        possessor = (
                            poss
                            if poss is not None
                            and (people.refer(poss) or gazetteer().affiliation(poss.text))
                            and lemma == "welcome"
                            else None
                        )
                        if lemma == "welcome" and possessor is None:
                            continue
                        after, side = _noun_complement(tok, obj)
                        if (
                            after
                            and after[0].dep_ in {"acl", "xcomp"}
                            and any(k.dep_ == "nsubj" for k in after[0].children)
                        ):
                            break  # "his eagerness that the region must stay calm": a wish about others, not a step
                        if olemma in verbal_only and not (after and after[0].pos_ in {"VERB", "AUX"}):
                            break  # "interest in the region", "the will of the people": no step
                        if side is not None and (people.refer(side) or gazetteer().affiliation(side.text)):
                            possessor = side  # "stressed the will of Peru and Chile to keep …"
                        start = (
                            an.doc[after[0].i + 1]
                            if after and after[0].lower_ in {"to", "of"}
                            else (after[0] if after else obj)
                        )
                        if after and after[0].dep_ in {"acl", "xcomp", "advcl", "pcomp"}:
                            start = after[0]
                            kids = [k for k in after[0].children if k.dep_ == "aux" and k.lower_ == "to"]
                            start = an.doc[kids[0].i + 1] if kids else start
                        phrase = _commitment_phrase(an, obj, after[0]) if after else None
                        # "reiterated President Biden's resolve" / "the United States' ironclad commitment": a side's
                        # standing policy restated, not an undertaking made at the meeting: kept, marked for review
                        own_policy = lemma != "welcome" and any(ch.dep_ == "poss" for ch in obj.children)
                        hung_on_verb = after and after[0].dep_ in {"xcomp", "advcl"}
                        end = clause_end(after[0]) if hung_on_verb else obj.right_edge.i + 1
                        add(tok, start, end, 0.55 if own_policy else 0.75, possessor, text=phrase)
                        break
                    if lemma == "welcome" and olemma in steps:
                        if not _past_step(obj, past_mods):
                            end = clause_end(tok)
                            add(tok, obj, end, 0.65, text=_step_action(an, obj, end, steps))
                        break
                continue
            # 3. "is ready to / willing to / stands ready to work with …": an undertaking of the subject
            if tok.lower_ in readiness and tok.dep_ in {"acomp", "conj", "oprd", "attr"}:
                verb = _readiness_verb(tok)
                comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
                comp = comp or next(  # "keen on helping Samoa map its reefs"
                    (
                        g
                        for c in tok.children
                        if c.dep_ == "prep" and c.lower_ in {"on", "about"}
                        for g in c.children
                        if g.dep_ == "pcomp" and g.tag_ == "VBG"
                    ),
                    None,
                )
                reported = verb is not None and verb.dep_ == "ccomp" and verb.head.lemma_ in _REPORTING_VERBS
                # "X stated that the US stands ready to …" is an offer reported: an undertaking only when X speaks
                # for that side ("Wang said China is willing to …"), and then marked for review
                own_side = reported and _speaks_for_subject(an, people, verb)
                negated = verb is not None and any(c.dep_ == "neg" for c in verb.children)
                if (
                    not negated  # "was not willing to provide further answers"
                    and verb is not None
                    and comp is not None
                    and (not reported or own_side)
                    and _party_subject(an, people, verb)
                ):
                    first = comp.left_edge if comp.left_edge.lower_ != "to" else an.doc[comp.left_edge.i + 1]
                    end = comp.right_edge.i + 1 if comp.dep_ == "pcomp" else clause_end(comp)
                    add(verb, first, end, 0.6 if reported else 0.7)
                continue
            # 3b. "Ghana remains committed to expanding rail links": a standing undertaking, said or reported
            if tok.lower_ in devoted and tok.dep_ in {"acomp", "conj", "oprd"}:
                verb = _readiness_verb(tok)
                to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
                comp = next((c for c in to.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None) if to else None
                if verb is not None and comp is not None and _party_subject(an, people, verb):
                    add(verb, comp, clause_end(comp), 0.65)
                continue
            # 3c. "Fiji looks forward to assuming the chairmanship": a country's own step ahead, for review
            if lemma == "look" and any(c.lower_ == "forward" and c.dep_ in {"prt", "advmod"} for c in tok.children):
                to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
                comp = next((c for c in to.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None) if to else None
                sides = [_subject_country(an, s) or _side_of(s) for s in _subjects(tok)]
                if comp is not None and sides and all(sides):
                    add(tok, comp, clause_end(comp), 0.6)
                continue
            # 4. "will" with a party as subject; "would" in reported speech ("X said that Japan would host");
            #    "is to visit"
            be_to = lemma == "be" and nxt is not None and nxt.lower_ == "to" and _be_to_verb(an, tok)
            if be_to or _future_modal(tok):
                head = _be_to_verb(an, tok) if be_to else tok.head
                if head is None or head.lemma_ in not_verbs or head.lemma_ == "be" or _programme_item(head):
                    continue
                if any(c.dep_ == "auxpass" for c in head.children):
                    continue  # a passive: "X will be hosted by Y" is done for X; "talks will be held" is 4b's
                if not _party_subject(an, people, head):
                    continue
                # "would not allow": the negation is part of the undertaking
                neg = next((c for c in head.children if c.dep_ == "neg" and c.i < head.i), None)
                conf = 0.75 if tok.lower_ != "would" else 0.7
                if tok.lower_ == "would" and tok.head.head.lemma_ in weak_reporting:
                    conf = 0.55  # "noting that the US would continue to invest at home": stated policy, for review
                add(head, neg if neg is not None else head, clause_end(head), conf)
                continue
        # 4b. an arrangement with no agent: "two commissions are to be created", "the next round will be held"
        for tok in sent:
            if inside(tok.i) or tok.tag_ != "VBN" or tok.lemma_ not in arrangements:
                continue
            phrase = _agentless_arrangement(an, people, tok)
            if phrase:
                actor = _sides_label(people)
                if actor is None:
                    continue
                end = clause_end(tok)
                record(actor, phrase, _deadline(an, tok.sent.start, end), 0.6, sent, tok.i, end)
        # 4b'. an event on the calendar: "a meeting of the ministers is scheduled to take place in Minsk on 4 May"
        for tok in sent:
            if inside(tok.i):
                continue
            scheduled = _scheduled_event(tok)
            if scheduled is not None:
                actor = _sides_label(people)
                if actor is None:
                    continue
                phrase, end = scheduled
                record(actor, phrase, _deadline(an, tok.sent.start, end), 0.6, sent, tok.i, end)
        # 4c. undertakings written sideways: "it was agreed to …", "thanked X for his commitment to …"
        for found_ in sideways_undertakings(sent, people):
            if inside(found_.first.i):
                continue
            if found_.possessor is not None:
                add(found_.verb, found_.first, found_.end, found_.confidence, found_.possessor)
                continue
            actor = _sides_label(people)
            if actor is not None:
                action = _action_text(an, found_.first, found_.end)
                deadline = _deadline(an, found_.first.i, found_.end)
                record(actor, action, deadline, found_.confidence, sent, found_.first.i, found_.end)
        # 5. money for a purpose, with no other cue in the sentence
        if not any(sent.start <= a < sent.end for a, _ in covered):
            giving = word_set("cues", "provision_verbs")
            money = [
                e
                for e in an.ents_in(sent.start, sent.end)
                if e.label_ == "MONEY" and any(a.lemma_.lower() in giving for a in e.root.ancestors)
            ]  # "will provide $28 million for …", never "exports worth $12.7 billion"
            if money and not _PAST_MARKERS.search(an.text_of(sent)):
                root = sent.root
                add(root, an.doc[min(root.i + 1, sent.end - 1)], sent.end, 0.6)
    return drop_repeats(found)
