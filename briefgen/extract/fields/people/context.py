"""Sentence context: the clauses and phrases of a sentence that are about something other than the meeting.

A sentence names more people and places than the ones who met: "A day after X hosted Y in Moscow, Z
met W", "… met Y to discuss preparations for Z's visit", "the situation in Somalia". These predicates
mark such clauses so that roles and affiliations read only what the text ties to the meeting; the
setting field uses them too.
"""

from __future__ import annotations

from typing import Any

from ...components.names import name_sets
from ...lexicon.data import cues, word_set

_GROUP_WORDS = {
    "they", "both", "sides", "leaders", "ministers", "officials", "parties", "delegations", "two", "counterparts",
    "presidents", "secretaries", "we", "heads", "vice", "them", "three", "four", "five", "duo", "pair", "trio",
    "governments", "politicians", "diplomats", "statesmen",
}  # fmt: skip


#: Dependencies that keep a token inside a subject's list of names (not its relative clauses or objects).
_NAME_PHRASE_DEPS = {"conj", "appos", "compound", "cc", "amod", "flat", "poss", "case", "punct", "det", "nmod"}


def _name_phrase(tok: Any) -> list[Any]:
    """The tokens of a subject's list of names: through conjunctions and appositions, never into a
    relative clause ("the group, which will be led by X")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in _NAME_PHRASE_DEPS)
    return out


def other_time_clause(tok: Any) -> bool:
    """A verb in a clause that places another event in time ("after X hosted Y", "since they met")."""
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ not in {"advcl", "pcomp"}:
        return False
    markers = {c.lower_ for c in tok.children if c.dep_ in {"mark", "prep"}} | {tok.head.lower_}
    return bool(markers & _TIME_MARKERS)


def elsewhere_tokens(sent: Any) -> set[int]:
    """Tokens of clauses about another meeting at another time, when the sentence's main clause is itself
    a meeting ("A day after X hosted Y in Moscow, Z met W"); none when the time clause holds the only
    meeting ("She was briefing reporters once the pair had conferred in Lima")."""
    clauses = [tok for tok in sent if other_time_clause(tok)]
    if not clauses:
        return set()
    inside = {t.i for c in clauses for t in c.subtree}
    frames = cues().get("frame_verbs", {})
    nouns = name_sets()["meeting_nouns"]

    def meets(t: Any) -> bool:  # "met", "hosted", "held talks", never a bare "was speaking"
        if t.pos_ != "VERB" or t.i in inside:
            return False
        if t.lemma_ in frames.get("direct", []):
            return True
        objects = [c for c in t.children if c.dep_ == "dobj"]
        return t.lemma_ in frames.get("with_meeting_noun", []) and any(o.lemma_.lower() in nouns for o in objects)

    return inside if any(meets(t) for t in sent) else set()


def discussed_tokens(sent: Any) -> set[int]:
    """Tokens of a purpose clause of discussion ("… met Y to discuss preparations for Z's visit"): the
    people named there are what was talked about, not who talked."""
    verbs = word_set("taxonomy", "topic_list_verbs") | {"prepare", "plan"}
    out: set[int] = set()
    for tok in sent:
        purpose = tok.pos_ == "VERB" and tok.dep_ in {"xcomp", "advcl"} and tok.lemma_.lower() in verbs
        if purpose and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children):
            for child in tok.children:  # what was discussed, not whom it was discussed with ("talk to X")
                if child.i > tok.i and (
                    child.dep_ in {"dobj", "xcomp", "ccomp"}
                    or (child.dep_ == "prep" and child.lower_ not in {"with", "to", "in", "at"})
                ):
                    out.update(t.i for t in child.subtree)
    return out


#: Words that put a clause at another time than the main one.
_TIME_MARKERS = {"after", "before", "since", "when", "while", "until", "following"}


def low_office(tok: Any) -> bool:
    """A bare office noun as the head of a phrase ("the president", "the minister")."""
    return tok.lower_ in name_sets()["office_nouns"] and tok.tag_ in {"NN", "NNP"}


def _a_subject_discussed(tok: Any) -> bool:
    """A place inside a phrase about a matter ("the Palestinian issue", "the situation in Somalia", "North
    Korea's nuclear programme"): what was discussed, which says nothing of anyone's side."""
    heads = word_set("cues", "matter_nouns")
    cur = tok
    for _ in range(5):  # "the situation in Sudan, South Sudan and Somalia": through the list to its head
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in {"nsubj", "nsubjpass", "dobj", "ROOT"}:
            return False
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in heads:
            return True
    return False


def _names_a_thing(doc: Any, end: int) -> bool:
    """The words after a place name make it the name of a process or a text ("Nairobi Process")."""
    for tok in doc[end : min(len(doc), end + 4)]:
        if tok.lower_ in word_set("cues", "named_by_a_place"):
            return True
        if tok.text in {"-", "–"}:
            continue  # "the Luanda Mini-Summit"
        if not tok.text[:1].isupper() or tok.is_punct:
            return False
    return False
