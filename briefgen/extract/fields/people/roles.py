"""Roles: who took part, and who was only spoken of or reported.

Participants are the people in the sentence that frames the meeting ("X met with Y", "X had a
conversation with Y"); with no such sentence, the people who speak or act in the text. Reporters,
possessors ("Putin's envoy") and people named where they are no party ("on behalf of") stay out; a
visitor whose visit the opening reports, and people the text says were present, come in.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from ...components.names import _POSSESSIVE, name_sets
from ...lexicon.data import cues, word_set
from .clusters import Clusters, Mention, Person
from .context import _name_phrase, discussed_tokens, elsewhere_tokens

#: Roles in the frame sentence that make a bare surname a side of the meeting.
_SIDE_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}


@cache
def _presence_predicate() -> re.Pattern[str]:
    """A predicate saying the sentence's people were at the meeting ("…, were also present at …")."""
    phrases = sorted(word_set("cues", "presence_predicates"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(x) for x in phrases) + r")\b")


class Roles(Clusters):
    """Decides who took part, then has the implied titles and affiliations filled."""

    def decide_roles(self) -> None:
        """Mark participants, reporters, and fill implied titles and affiliations."""
        for p in self.persons:
            p.reporter = self._is_reporter(p)
        frame = self._frame_sentence()
        chosen: list[Person] = []
        if frame is not None:
            self.frame_sentence = frame
            elsewhere = elsewhere_tokens(frame) | discussed_tokens(frame)
            for p in self.persons:
                if p.reporter:
                    continue
                for m in p.mentions:
                    if m.start in elsewhere:
                        continue
                    if frame.start <= m.start < frame.end and not self._possessive(m) and not self._excluded_context(m):
                        chosen.append(p)
                        break
                else:  # a later bare surname in the frame ("Scholz hosted Macron")
                    in_frame = [m for m in p.mentions if frame.start <= m.start < frame.end]
                    if any(self._excluded_context(m) for m in in_frame):
                        continue
                    if p.name and any(
                        self._owner.get(k) is p and self.doc[k].dep_ in _SIDE_DEPS and k not in elsewhere
                        for k in range(frame.start, frame.end)
                    ):
                        chosen.append(p)
        if frame is not None and len([p for p in chosen if p.name]) == 1:
            chosen.extend(self._object_split_off(frame, chosen))
        if not any(p.name for p in chosen):
            chosen.extend(self._counted_office_holders())  # "The three top diplomats met …" / later, by name
        if frame is None and not chosen:
            group = self._group_frame()
            if group is not None:
                sent, count = group
                self.frame_sentence = frame = sent
                named = [
                    p
                    for p in sorted(self.persons, key=lambda q: q.first_token)
                    if p.name
                    and not p.reporter
                    and p.first_token < sent.end
                    and not all(self._excluded_context(m) for m in p.mentions)
                ]
                chosen.extend(named[: count or len(named)])
        if len({id(p) for p in chosen if p.name or p.title}) < 2:
            acting = self._acting_people()
            if frame is None and len(acting) < 2:
                # "X visited the White House, where he was welcomed by Y": the host the text places there
                acting += [p for p in self._said_present() if p not in acting]
            if frame is None and len(acting) < 2:
                acting = []  # one person speaking is a statement, not a meeting
            for p in acting:
                if p not in chosen and (frame is None or p.name):
                    chosen.append(p)
                if len(chosen) >= 5:
                    break
        if len({id(p) for p in chosen if p.name}) < 2:
            chosen.extend(p for p in self._visitors() if p not in chosen)
        chosen.extend(p for p in self._opening_list() if p not in chosen)
        self._fill_to_group_count(chosen)
        if chosen:
            chosen.extend(p for p in self._said_present() if p not in chosen)
        for p in chosen:
            p.participant = True
            if frame is None:
                p.confidence = min(p.confidence, 0.75)
        self._respective_sides()
        self._group_offices()
        self._name_group_offices()
        self._name_office_by_next_subject()
        self._fill_group_titles()
        self._fill_counterpart_titles()
        self._fill_affiliations()
        self._resolve_offices()  # offices whose holder only the elimination's sides reveal

    def _opening_list(self) -> list[Person]:
        """ "The Weimar Triangle foreign ministers: Ministers A of X, B of Y and C of Z, found common ground in
        Paris": names listed under one plural title in the story's first sentence are its participants."""
        body = self.an.body_sents
        if not body:
            return []
        first = body[0]
        found: list[Person] = []
        for group in self.listed_groups:
            if first.start <= group[0].start < first.root.i:  # the sentence's subject, not whom it talks about
                found += [p for m in group if (p := self._owner.get(m.start)) is not None and p not in found]
        return found if len(found) >= 2 else []

    def _said_present(self) -> list[Person]:
        """Named people the text says were there: "X, who was present, …", "Also present were X and Y",
        "accompanied by X". Phrases from cues.yaml; a person only spoken of is not made present."""
        after = tuple(word_set("cues", "presence_after_name"))
        before = tuple(word_set("cues", "presence_before_names"))
        present = self._present_by_predicate()
        found: list[Person] = []
        for p in self.persons:
            if not p.name or p.reporter or p.participant:
                continue
            for m in p.mentions:
                end = max(m.end, m.start + 1)
                tail = self.doc[end : min(len(self.doc), end + 8)].text.lower().lstrip(" ,")
                said = tail.startswith(after) or self._listed_after(m.start, before) or m.start in present
                if said and not self._excluded_context(m):
                    found.append(p)
                    break
        return found

    def _present_by_predicate(self) -> set[int]:
        """Tokens of a sentence that says people "were also present" or "also attended" with them as its
        subject: "X and Y, who are in Washington for …, were also present, along with their counterparts,
        A and B". Read from the surface: the small parser often loses such a long subject."""
        out: set[int] = set()
        for sent in self.an.sents:
            m = _presence_predicate().search(self.an.text_of(sent))
            if m is None or self.an.text_of(sent)[: m.start()].count(",") > 4:
                continue
            out.update(range(sent.start, sent.end))
        return out

    def _listed_after(self, start: int, phrases: tuple[str, ...]) -> bool:
        """A phrase earlier in the sentence introduces a list this mention belongs to: only names, titles,
        commas and "and" stand between ("accompanied by Trade Minister X and Finance Minister Y")."""
        sent = self.doc[start].sent
        head = self.doc[sent.start : start]
        low = head.text.lower()
        for phrase in phrases:
            k = low.rfind(phrase)
            if k < 0:
                continue
            gap = [t for t in head if t.idx - head.start_char >= k + len(phrase)]
            if not any(t.pos_ in {"VERB", "AUX"} or t.lower_ in {"who", "which", "while"} for t in gap):
                return True
        return False

    def _is_reporter(self, p: Person) -> bool:
        rep_titles = name_sets()["reporter_titles"]
        if p.title and p.title.lower() in rep_titles:
            return True
        for m in p.mentions:
            if not m.name:
                continue  # "a spokesman said the PM …": the office mention is who is spoken of
            start = m.outer_start if m.outer_start is not None else m.start
            sent_start = self.doc[start].sent.start  # "…, a spokesman said. Scholz hosted …": not Scholz
            before = self.doc[max(0, sent_start, start - 4) : start].text.lower()
            if any(ph in before for ph in cues().get("reporter_phrases", [])):
                return True
        return False

    def _possessed_noun(self, m: Mention) -> Any:
        """What a possessive mention owns ("Ouattara's state visit" → visit), or None when not possessive."""
        end = m.outer_end or m.end
        if not (end < len(self.doc) and self.doc[end].text in _POSSESSIVE):
            return None
        if self.doc[end].text in {"'", "’"} and end + 1 < len(self.doc) and self.doc[end + 1].text[:1].isupper():
            return None  # "Dahal 'Prachanda'": an opening quote around a byname, not a possessive
        last = self.doc[end - 1]
        if last.dep_ == "poss" and last.head.i >= end:  # "Lind ’s state visit": the name's head is what it owns
            return last.head
        owned = self.doc[end].head if not m.start <= self.doc[end].head.i < end else None
        if owned is None:
            owned = next((t for t in self.doc[end + 1 : end + 4] if t.pos_ == "NOUN"), None)
        return owned if owned is not None else self.doc[end]

    def _possessive(self, m: Mention) -> bool:
        """ "Putin's envoy": a possessive name is not a side, unless what it owns is the visit itself
        ("Ouattara's state visit", "Banda's delegation")."""
        owned = self._possessed_noun(m)
        if owned is None:
            return False
        return owned.lemma_ not in set(cues().get("own_visit_nouns", []))

    def _excluded_context(self, m: Mention) -> bool:
        """Named in the frame sentence but not a party: "on behalf of", "citizens", "greetings from"."""
        start = m.outer_start if m.outer_start is not None else m.start
        before = " " + self.doc[max(0, start - 4) : start].text.lower() + " "
        return any(w in before for w in cues().get("not_party_contexts", []))

    def _visitors(self) -> list[Person]:
        """Named people whose visit the opening reports ("X's state visit to South Africa was …"): the
        visitor is a side of the meeting the visit was for, though never the subject of a verb."""
        nouns = word_set("cues", "own_visit_nouns") - {"delegation"}
        limit = self.an.sents[min(len(self.an.sents), 5) - 1].end if self.an.sents else 0
        found: list[Person] = []
        for p in self.persons:
            if not p.name or p.reporter:
                continue
            for m in p.mentions:
                if m.start >= limit:
                    break
                owned = self._possessed_noun(m)
                if owned is not None and owned.lemma_ in nouns and not self._excluded_context(m):
                    found.append(p)
                    break
        return found

    def _acting_people(self) -> list[Person]:
        """People who speak or act as subjects of verbs, most active first."""
        counts: Counter[int] = Counter()
        by_id: dict[int, Person] = {}
        verbs = name_sets()["participant_verbs"]
        for tok in self.doc:
            if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.lemma_ not in verbs:
                continue
            # everyone named in the subject phrase ("A, B, C and D agreed"; "US President A and Russian
            # President B discussed", however the parser attached the second name)
            owners = {id(p): p for t in _name_phrase(tok) if (p := self._owner.get(t.i)) is not None and not p.reporter}
            for key, p in owners.items():
                counts[key] += 1
                by_id[key] = p
        ordered = sorted(by_id.values(), key=lambda p: (-counts[id(p)], p.first_token))
        return [p for p in ordered if p.name]
