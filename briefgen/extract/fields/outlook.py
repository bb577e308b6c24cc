"""Outlook (next steps, future meetings) and background (earlier events with their dates).

Outlook: sentences with a forward-looking cue from cues.yaml ("will", "look forward", "next year",
"further contacts", "plans to" …), outside quotations, one item per sentence. Background: date
expressions naming an earlier period ("in November 2024") attached to an event noun ("the first
ministerial meeting held in Sochi"), never the meeting's own date.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import BackgroundEvent, Commitment, OutlookItem
from ..components.document import Analysis
from ..lexicon.data import cues, word_set
from ..text.dates import FULL_DATE, resolve
from ..text.phrases import opens_on_a_past_date
from .people import People

_MAX_WORDS = 40
#: Undertakings this sure make their sentence a next step: cue verbs (agreed, committed …), arrangements
#: without an agent (0.6) and praised resolve (0.65); a restated policy (0.55) does not. Measured on the dev
#: texts: outlook recall 0.63 → 0.68 at 0.6, with precision unchanged.
_COMMITMENT_CONFIDENCE = 0.6
_EVENT_NOUNS = {
    "meeting", "summit", "conference", "visit", "talks", "session", "forum", "agreement", "election", "elections",
    "dialogue", "ministerial", "consultations", "call", "treaty", "memorandum", "declaration", "round", "trip",
}  # fmt: skip


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:_MAX_WORDS]) + (" …" if len(words) > _MAX_WORDS else "")


def extract_outlook(an: Analysis, people: People, commitments: list[Commitment] | None = None) -> list[OutlookItem]:
    """Next steps, one item per sentence: forward-looking sentences and the sentences that hold an undertaking."""
    phrases = [c.lower() for c in cues().get("outlook_cues", [])]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
    undertaken = {ev.start for c in commitments or [] if c.confidence >= _COMMITMENT_CONFIDENCE for ev in c.evidence}
    out: list[OutlookItem] = []
    if not people.participants:
        return out  # a statement with no meeting has no next steps of a meeting
    for sent in an.sents:
        if an.in_headline(sent):
            continue  # the headline's "X, Y commit to …" labels what the story tells in full
        evidence = an.sentence_evidence(sent)
        body = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", an.text_of(sent))
        # inside quotation marks a bare "will" is a speaker's prediction; a named next step still counts
        hits = pattern.findall(body.lower())
        hits += [h for h in pattern.findall(an.text_of(sent).lower()) if h != "will" and h not in hits]
        past = bool(re.search(r"\b(?:has|have|had) (?:committed|pledged)\b", body)) and "will" not in hits
        past = past or (opens_on_a_past_date(body) and "will" not in hits)  # "In September 2019, X agreed to …"
        # "a follow-up to the previous gathering", "thanked him for the invitation": looking back, not ahead
        weak = word_set("cues", "weak_outlook_cues")
        looks_back = bool(_LOOKS_BACK.search(body))
        past = past or (set(hits) <= weak and looks_back)
        if evidence.start in undertaken:
            confidence = 0.7
        elif not hits or past or (sent is people.frame_sentence and not _discussed_ahead(sent, hits)):
            continue
        else:
            confidence = 0.6 if hits != ["will"] else 0.5
        item = OutlookItem(
            text=_short(_forward_clause(an, sent, pattern) or an.text_of(sent).strip()), confidence=confidence
        )
        item.evidence = [evidence]
        out.append(item)
    return out


#: Words of a sentence that looks back on what was done ("reviewed the progress in the implementation of …", "the
#: implementation … has started", "visiting at the invitation of …"): a weak cue there is no next step.
_LOOKS_BACK = re.compile(
    r"\b(?:previous|earlier|last|ago|thanked|progress|achieved|has started|have started|has begun|"
    r"noted with satisfaction|at the invitation of)\b",
    re.I,
)


def _discussed_ahead(sent: Any, hits: list[str]) -> bool:
    """The meeting's own sentence is a next step only where what it discussed lies ahead ("discussed the
    agenda of upcoming meetings"); a frame such as "met ahead of the forthcoming summit" is not."""
    discussed = next((t for t in sent if t.lemma_.lower() in _DISCUSSION_VERBS), None)
    if discussed is None:
        return False
    after = sent.doc[discussed.i : sent.end].text.lower()
    return any(h != "will" and h in after for h in hits)


_DISCUSSION_VERBS = {"discuss", "review", "consider", "examine", "address", "exchange"}
_PRONOUN_TAGS = {"PRP", "PRP$"}
_REPORTING = {"say", "add", "note", "state", "stress", "tell", "express", "emphasize", "emphasise", "underline"}


def _forward_clause(an: Analysis, sent: Any, pattern: re.Pattern[str]) -> str | None:
    """The forward-looking clause of a sentence that leans on context ("He said the talks … to explore ways
    of further expanding bilateral cooperation" → "explore ways of further expanding bilateral cooperation").

    Only for sentences that open with a pronoun or report speech; the whole sentence stays the evidence.
    """
    from .commitments import clause_end

    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None:
        return None
    pronoun_led = first.tag_ in _PRONOUN_TAGS
    body = an.text_of(sent).lower()
    for m in pattern.finditer(body):
        tok = next((t for t in sent if t.idx - sent.start_char >= m.start()), None)
        if tok is None or an.quote_at(tok.idx) is not None:
            continue
        verb = tok
        for _ in range(3):  # "look for ways of …": from the cue word up to its verb
            if verb.pos_ == "VERB" or verb.head.i == verb.i:
                break
            verb = verb.head
        verb = tok.head if tok.tag_ == "MD" else verb if verb.pos_ == "VERB" else None
        if verb is None or verb is sent.root:
            continue
        # only a clause reported by a verb of speech ("… and said the meeting was an occasion to …") or in a
        # sentence that opens with a pronoun; otherwise the sentence stands on its own
        if not pronoun_led and not any(a.lemma_ in _REPORTING for a in verb.ancestors):
            continue
        last = verb
        while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.dep_ == "xcomp":
            verb = verb.head  # "to set up a working group and to hold the next meeting": the whole coordination
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        owner = _described_noun(verb)
        if subject is not None and subject.tag_ not in _PRONOUN_TAGS:
            start = subject.left_edge.i
        elif owner is not None:
            start = owner.left_edge.i  # "a regional forum set to be held in June": from the forum
        else:
            start = verb.left_edge.i if verb.left_edge.i >= verb.i - 1 else verb.i
            if an.doc[start].lower_ == "to":
                start += 1
        end = min(clause_end(last) if last is not verb else clause_end(verb), sent.end)
        if an.doc[start].tag_ in _PRONOUN_TAGS:
            continue
        words = []
        for tok in an.doc[start:end]:
            antecedent = _antecedent(an, sent, start) if tok.lower_ == "it" and tok.dep_ in {"dobj", "pobj"} else None
            words.append((antecedent or tok.text) + tok.whitespace_)
        text = "".join(words).strip(" ,.;")
        if len(text.split()) >= 3 and not re.search(r"\bit\b", text):
            return text
    return None


def _described_noun(verb: Any) -> Any:
    """The noun a participle clause qualifies ("a summit set to be held …", "talks scheduled for May"),
    climbing through "set to"/"due to" complements; None when the verb heads its own clause."""
    node = verb
    for _ in range(3):
        if node.dep_ in {"acl", "relcl"} and node.head.pos_ in {"NOUN", "PROPN"}:
            return node.head
        if node.dep_ not in {"xcomp", "auxpass"} or node.head.i == node.i:
            return None
        node = node.head
    return None


def _antecedent(an: Analysis, sent: Any, before: int) -> str | None:
    """What "it" stands for: the last object noun earlier in the same sentence, as a topic label
    ("review the “excellent bilateral cooperation” … and to explore ways of further expanding it")."""
    from .topics import clean_labels

    for tok in reversed(list(an.doc[sent.start : before])):
        refers_on = any(g.lower_ == "it" for c in tok.children if c.dep_ == "prep" for g in c.children)
        if tok.dep_ == "dobj" and tok.pos_ == "NOUN" and not refers_on:  # not "stock" in "take stock of it"
            labels = clean_labels(re.sub(r"[“”\"«»‘’]", "", an.doc[tok.left_edge.i : tok.i + 1].text))
            return labels[0] if labels else None
    return None


def _event_head(tok: Any) -> Any:
    """Climb from a date to the event noun it dates ("meeting held in Sochi in November 2024")."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in {"NOUN", "PROPN"} and (cur.lemma_.lower() in _EVENT_NOUNS or cur.text.lower() in _EVENT_NOUNS):
            return cur
    return None


def extract_background(an: Analysis, people: People, meeting_date_text: str | None) -> list[BackgroundEvent]:
    doc = an.doc
    out: list[BackgroundEvent] = []
    for ent in an.ents:
        if ent.label_ != "DATE":
            continue
        if meeting_date_text and ent.text in meeting_date_text:
            continue
        if not re.search(r"\b(1[89]\d\d|20\d\d)\b", ent.text) or re.search(
            r"\b(next|coming|by|until)\b", ent.text, re.I
        ):
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in {"by", "until", "before"}:
            continue
        head = _event_head(ent.root)
        if head is None:
            continue
        left = min(head.left_edge.i, ent.start)
        right = max(ent.end, head.i + 1)
        if right - left > 25:
            left = max(left, ent.start - 12)
        text = doc[left:right].text.strip(" ,.;")
        date = resolve(ent.text, None) if FULL_DATE.search(ent.text) else None
        item = BackgroundEvent(text=text, date_text=ent.text, date=date, confidence=0.7)
        item.evidence = [an.sentence_evidence(ent.sent)]
        out.append(item)
    return out
