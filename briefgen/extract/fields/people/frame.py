"""The frame: the sentence that says who met whom ("X met with Y", "X had a conversation with Y").

Participants are the people of that sentence, so finding it is a job of its own: meeting verbs by
kind from cues.yaml, never a headline, never a meeting still to come or another meeting told to date
this one. A frame that is a telephone or video call tells the setting that the meeting had no place.
"""

from __future__ import annotations

import re
from typing import Any

from ...components.names import name_sets
from ...lexicon.data import cues, word_set
from .clusters import Clusters, Person
from .context import _GROUP_WORDS, elsewhere_tokens

#: A call is a meeting with no place ("held a phone call with", "a video conference", "spoke by telephone").
_CALL_NOUNS = {"call", "phone", "telephone", "conversation", "videoconference", "teleconference"}

_CALL_WORDS = re.compile(
    r"\b(?:phone|telephone|video|videoconference|teleconference|virtual meeting|call with|calls with|spoke by)\b"
)

#: Auxiliaries that put a meeting verb in the future or the hypothetical.
_NOT_HAPPENED_AUX = {"will", "would", "shall", "'ll", "’ll", "to", "could", "may", "might", "should"}


class FrameFinder(Clusters):
    """Finds the sentence that frames the meeting."""

    def _frame_sentence(self) -> Any:
        """The first sentence (of eight) where a meeting verb of cues.yaml frames people meeting."""
        s = name_sets()
        frames = cues().get("frame_verbs", {})
        fallback = None
        for sent in self.an.sents[:8]:
            if (
                sent.start_char < self.an.headline_end
                and not self.an.body[self.an.headline_end : sent.end_char].strip()
            ):
                continue  # a headline names the story; the body frames the meeting
            people = {id(self._owner[t.i]) for t in sent if t.i in self._owner}
            if not people:
                continue
            elsewhere = elsewhere_tokens(sent)
            for tok in sent:
                lemma = tok.lemma_.lower()
                if tok.pos_ not in {"VERB", "AUX"} or lemma not in s["meeting_verbs"]:
                    continue
                if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _NOT_HAPPENED_AUX for c in tok.children) and not (
                    tok.head.lemma_.lower() in word_set("cues", "arrival_verbs") and tok.dep_ in {"xcomp", "advcl"}
                ):
                    continue  # "would meet this autumn", "agreed to meet": a meeting to come, not this one
                if tok.i in elsewhere:
                    continue  # "A day after X hosted Y, …": another meeting, told to date this one
                kids = {c.lower_ for c in tok.children}
                # "X called Prime Minister Y": the parser may take Y for an object predicate (oprd)
                objs = [c for c in tok.children if c.dep_ in {"dobj", "attr", "oprd"}]
                if tok.dep_ == "relcl" and not objs:
                    objs = [tok.head]  # "the talks she held in Oslo with X": the noun the clause qualifies
                # "held two rounds of talks", "had a series of meetings": the meeting noun after "of"
                objs += [
                    g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                ]
                if lemma in frames.get("direct", []):
                    return sent
                if lemma in frames.get("with_meeting_noun", []) and any(
                    o.lower_ in s["meeting_nouns"] or o.lemma_.lower() in s["meeting_nouns"] for o in objs
                ):
                    return sent
                if kids & set(frames.get("with_preposition", {}).get(lemma, [])):
                    return sent  # "spoke with", "called on"
                if lemma in frames.get("with_person_object", []) and any(o.i in self._owner for o in objs):
                    return sent
            if fallback is None and (self._visit_or_delegation_frame(sent) or self._joint_subjects_frame(sent)):
                fallback = sent  # used only where no sentence has a meeting verb
            if not any(t.pos_ in {"VERB", "AUX"} for t in sent):
                continue  # "Kask in talks with Swedish counterpart": a headline's words, not a sentence
            for tok in sent:  # "In a telephone call with President Ruto, the Secretary discussed …"
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in _CALL_NOUNS | s["meeting_nouns"]:
                    # "After a phone call of Foreign Minister A, his French counterpart B and …": "of" joins the
                    # people of a call as "with" does (never a summit "of" or "between" leaders still to meet)
                    joining = {"with", "of"} if tok.lemma_.lower() in _CALL_NOUNS else {"with"}
                    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in joining):
                        if any(g.i in self._owner for g in prep.subtree if g.i != prep.i):
                            return sent
        return fallback

    def _joint_subjects_frame(self, sent: Any) -> bool:
        """ "The Secretary-General and President X spoke about …", "President X and Prime Minister Y signed …":
        two people joined as the subject of a verb only people who met do together."""
        verbs = word_set("cues", "joint_frame_verbs")
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
                continue
            if any(c.dep_ == "aux" and c.lower_ in _NOT_HAPPENED_AUX for c in tok.children):
                continue
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                joined = any(t.dep_ == "conj" for t in subj.subtree)  # "X and Y", however the parse hangs Y
                owners = {id(self._owner[t.i]) for t in subj.subtree if t.i in self._owner}
                if joined and len(owners) >= 2:
                    return True
        return False

    def _visit_or_delegation_frame(self, sent: Any) -> bool:
        """Two frames without a meeting verb: a visit by invitation ("X arrived in Lima on a state visit at
        Y's invitation") and delegations led by name ("The Indian side was led by X and the
        Argentine side by Y"). Both need two people in the sentence."""
        people = {id(self._owner[t.i]) for t in sent if t.i in self._owner}
        if len(people) < 2:
            return False
        visits = word_set("cues", "own_visit_nouns") - {"meeting", "talk", "talks", "call", "conversation"}
        arrivals = word_set("cues", "arrival_verbs") - {"be", "go", "head"}
        elsewhere = elsewhere_tokens(sent)
        for tok in sent:
            arrival = tok.pos_ == "VERB" and tok.lemma_.lower() in arrivals and tok.i not in elsewhere
            words = {t.lemma_.lower() for t in tok.subtree} if arrival else set()
            if words & visits and "invitation" in words:
                return True
            if tok.lemma_.lower() in word_set("cues", "side_leading_verbs") and tok.tag_ == "VBN":
                side = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                if side is not None and side.lemma_.lower() in word_set("cues", "side_nouns"):
                    return True
        return False

    @property
    def frame_is_call(self) -> bool:
        """The meeting was a telephone or video call: it has no place."""
        frame = self.frame_sentence
        if frame is None:
            return False
        low = self.an.text_of(frame).lower()
        return bool(_CALL_WORDS.search(low)) or any(
            t.lemma_ == "speak" and any(c.lower_ in {"to", "with", "by"} for c in t.children) for t in frame
        )

    def _group_frame(self) -> tuple[Any, int] | None:
        """ "The two leaders held talks in Gaborone": a meeting framed by a group, whose members the text
        named before; (sentence, how many: 2 for "two", 0 when not counted)."""
        counts = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
        meeting = name_sets()["meeting_verbs"]
        for sent in self.an.sents[:8]:
            for tok in sent:
                if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.lower_ not in _GROUP_WORDS | {"leaders", "ministers"}:
                    continue
                if tok.head.lemma_ not in meeting:
                    continue
                number = next((counts[c.lower_] for c in tok.children if c.lower_ in counts), 0)
                return sent, number
        return None

    def _object_split_off(self, frame: Any, chosen: list[Person]) -> list[Person]:
        """ "X received at the palace today | Foreign Minister Y, who …": when the parser cut the frame
        before its object, the first person the next sentence names is the other side."""
        verbs = [t for t in frame if t.lemma_ in name_sets()["meeting_verbs"] and t.pos_ == "VERB"]
        if not verbs or any(c.dep_ in {"dobj", "attr"} for v in verbs for c in v.children):
            return []
        k = self.an.sents.index(frame) + 1 if frame in self.an.sents else len(self.an.sents)
        if k >= len(self.an.sents):
            return []
        nxt = self.an.sents[k]
        for tok in nxt:
            p = self._owner.get(tok.i)
            if p is not None and p.name and p not in chosen and not p.reporter:
                return [p]
        return []
