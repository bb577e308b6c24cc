"""Lookups: the people a token refers to, the one coreference step every field shares.

Quotes, commitments, setting and outlook name their actors through `refer`, `owner` and
`salient_before`; an office named alone ("the PM", "the South African president") resolves here to
the one person holding it for that side.
"""

from __future__ import annotations

import bisect
from typing import Any

from ...components.names import match_place, match_title, name_sets, prefix_affiliation, title_entry
from ...lexicon.data import titles, word_set
from ...lexicon.gazetteer import gazetteer
from .clusters import Clusters, Person, _abbreviation
from .context import _GROUP_WORDS, low_office

_PRONOUNS = {"he", "she", "him", "her", "his"}

#: "The two countries will …", "both governments agreed …": the participants' sides as a group.
_PARTY_NOUNS = {"countries", "nations", "governments", "states", "delegations", "teams"}

_GROUP_COUNTS = {"two", "three", "four", "five", "both", "all"}


class Lookup(Clusters):
    """Resolves names, pronouns, offices and groups to the people they refer to."""

    def owner(self, token_index: int) -> Person | None:
        return self._owner.get(token_index)

    def last_before(self, token_index: int, participants_first: bool = True) -> Person | None:
        """The person most recently named before a token: the referent of "he", "she"."""
        k = bisect.bisect_left(self._refs, token_index, key=lambda r: r[0])
        fallback = None
        for idx in range(k - 1, -1, -1):
            p = self._refs[idx][1]
            if p.reporter:
                continue
            if not participants_first or p.participant:
                return p
            fallback = fallback or p
        return fallback

    def refer(self, tok: Any) -> list[Person] | None:
        """The people a subject token refers to: the one coreference step quotes and commitments share.

        A name or short form owns its tokens; a pronoun is the most salient person before it (the
        last subject, else the last person named); an office phrase ("the PM", "the Kazakh Head of
        State", "the South African president") is the one person holding that office for that side;
        a group ("the two leaders", "both sides") is the participants.
        """
        p = self._owner.get(tok.i)
        if p is not None:
            return [p]
        low = tok.lower_
        if low in _PRONOUNS:
            found = self.salient_before(tok.i)
            return [found] if found else None
        if tok.tag_ in {"NNS", "NNPS"} and low in name_sets()["office_nouns"]:
            # "the foreign ministers": the participants holding that office, where two or more do
            phrase = " ".join(t.lower_ for t in self.doc[tok.left_edge.i : tok.i + 1] if t.dep_ != "det")
            office = phrase[:-1] if phrase.endswith("s") else phrase
            holders = [p for p in self.participants if office and office in (p.title or "").lower()]
            return holders if len(holders) >= 2 else (self.participants or None)
        if low in _GROUP_WORDS:
            return self.participants or None
        if low in _PARTY_NOUNS and any(c.lower_ in _GROUP_COUNTS for c in tok.children):
            return self.participants or None  # "the two countries", "both governments"
        if low in _PARTY_NOUNS and self._the_sides(tok):
            return self.participants  # "The countries have also vowed to …": the sides, named before
        if low in {"counterpart", "peer"}:
            found = self._counterpart_of(tok)
            return [found] if found else None
        addresses = titles().get("honorific_addresses") or {}
        if low in addresses:  # "His Majesty", "His Highness": the one royal participant
            held = {str(t).lower() for t in addresses[low]}
            royals = [p for p in self.participants if (p.title or "").lower() in held]
            return royals if len(royals) == 1 else None
        found = self._by_office_phrase(tok) or self._by_side_noun(tok)
        return [found] if found else None

    def _the_sides(self, tok: Any) -> bool:
        """ "the countries" alone, as a subject, where the participants come from two or more countries: the
        sides. Never "the countries of the region" or "the countries that border it": those name others."""
        kids = list(tok.children)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
        qualified = any(c.dep_ in {"prep", "relcl", "acl", "amod", "compound"} for c in kids)
        sides = {p.affiliation for p in self.participants if p.affiliation}
        return definite and not qualified and tok.dep_ in {"nsubj", "nsubjpass"} and len(sides) >= 2

    def _by_side_noun(self, tok: Any) -> Person | None:
        """ "the German official", "the Kenyan leader": the one participant of the side the demonym names."""
        if tok.lemma_.lower() not in word_set("titles", "side_person_nouns"):
            return None
        phrase = self.doc[tok.left_edge.i : tok.i + 1].text.lower()
        if any(phrase.endswith(str(alias)) for alias in titles().get("office_aliases") or {}):
            return None  # "the Estonian top diplomat" names an office: the office aliases decide
        gaz = gazetteer()
        sides = {gaz.country(c.text) for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "poss"}}
        sides.discard(None)
        if len(sides) != 1:
            return None
        found = [p for p in self.participants if p.affiliation in sides]
        return found[0] if len(found) == 1 else None

    def _counterpart_of(self, tok: Any) -> Person | None:
        """ "his counterpart", "Varga's Estonian counterpart": the one other participant of the owner.

        The owner is the possessor (a pronoun resolved as any other); a demonym before "counterpart"
        narrows the others to that side. Only a single remaining participant is an answer.
        """
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        owners = self.refer(poss) if poss is not None and poss.lower_ not in {"their", "its"} else None
        if not owners or len(owners) != 1:
            return None
        others = [p for p in self.participants if p is not owners[0] and p.name]
        side, _ = prefix_affiliation(self.doc, tok.i)
        if side:
            others = [p for p in others if p.affiliation == side]
        return others[0] if len(others) == 1 else None

    def _by_office_phrase(self, tok: Any) -> Person | None:
        """ "the PM", "the Kazakh Head of State", "the South African president", "the Secretary of State"."""
        doc = self.doc
        start = tok.left_edge.i
        end = max(tok.i + 1, min(tok.right_edge.i + 1, tok.i + 5))
        while start < tok.i and doc[start].lower_ in {"the", "a", "an", "his", "her", "their"}:
            start += 1
        affiliation, _ = prefix_affiliation(doc, tok.i) if start < tok.i else (None, tok.i)
        if affiliation is None and end > tok.i + 1 and doc[tok.i + 1].lower_ == "of":
            k = tok.i + 2
            while k < end and doc[k].lower_ == "the":
                k += 1
            affiliation, _ = match_place(doc, k, end)  # "the head of the Uzbekistan Foreign Ministry"
            if affiliation is None:
                affiliation, _ = prefix_affiliation(doc, end) if end < len(doc) else (None, end)
            if affiliation is None:  # "the head of the Foreign Ministry of Chile"
                last = min(tok.right_edge.i + 1, tok.i + 12)
                places = [match_place(doc, j, last)[0] for j in range(tok.i + 2, last) if doc[j - 1].lower_ == "of"]
                affiliation = next((p for p in reversed(places) if p), None)
        side = affiliation or next(
            (gazetteer().country(t.text) for t in doc[start : tok.i] if gazetteer().country(t.text)), None
        )
        alias = self._office_alias(doc[start : tok.i + 1].text.lower(), side) or self._office_alias(
            doc[start:end].text.lower(), side
        )
        if alias is not None:
            return alias  # "the head of state said", "the Iranian top diplomat told reporters"
        office = _abbreviation(tok.text)
        for k in range(start, end):
            n = match_title(doc, k, end)
            if n:
                office = doc[k : k + n].text
                break
        if office is None and low_office(tok):
            office = tok.text
        if office is None:
            return None
        found = self._person_by_office(office, affiliation)
        if found is None:
            # two presidents in the text: "President added" is the one the text was just speaking of
            salient = self.salient_before(tok.i)
            if (
                salient is not None
                and self._holds(salient, office)
                and (affiliation is None or salient.affiliation in {None, affiliation})
            ):
                return salient
        return found

    def _office_alias(self, phrase: str, affiliation: str | None) -> Person | None:
        """The one participant a descriptive name of an office stands for: "head of state" is the one
        president or monarch, "top diplomat" the one foreign minister (for the side named, if any)."""
        aliases = titles().get("office_aliases") or {}
        for alias, offices in aliases.items():
            if not phrase.endswith(str(alias)):
                continue
            held = [str(o) for o in offices]
            found = [
                p
                for p in self.participants
                if any(o in (p.title or "").lower() for o in held)
                and (affiliation is None or p.affiliation in {None, affiliation})
            ]
            return found[0] if len(found) == 1 else None
        return None

    def salient_before(self, token_index: int) -> Person | None:
        """The referent of "he" or "she": the last person who was a subject before it (in this sentence
        or the two before), else the last person named."""
        sent_start = self.doc[token_index].sent.start
        window = self.an.sents[max(0, self.an.sentence_index(self.doc[sent_start].idx) - 2)].start
        k = bisect.bisect_left(self._refs, token_index, key=lambda r: r[0])
        named: tuple[int, Person] | None = None
        for idx in range(k - 1, -1, -1):
            i, p = self._refs[idx]
            if i < window:
                break
            if p.reporter:
                continue
            if self.doc[i].dep_ in {"nsubj", "nsubjpass"} or self._subject_head(i):
                named = (i, p)
                break
        # a subject written as an office or a side ("the German official recalled …"), later than any name
        for tok in reversed(self.doc[(named[0] + 1) if named else window : token_index]):
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.i not in self._owner and tok.pos_ != "PRON":
                found = self._by_office_phrase(tok) or self._by_side_noun(tok)
                if found is not None and not found.reporter:
                    return found
        return named[1] if named else self.last_before(token_index)

    def _subject_head(self, i: int) -> bool:
        """Token i is inside a subject noun phrase ("President Ruto" with "Ruto" as nsubj), or opens its
        sentence (the small parser mislabels an unknown sentence-initial name, but it is the subject)."""
        tok = self.doc[i]
        if i - tok.sent.start <= 3 and tok.head.pos_ in {"VERB", "AUX"} and tok.i < tok.head.i:
            return True
        while tok.dep_ in {"compound", "flat", "appos", "amod"} and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in {"nsubj", "nsubjpass"}

    def _person_by_office(self, title: str, affiliation: str | None) -> Person | None:
        """The one named person holding an office ("the Secretary" → Secretary Blinken, "the Kazakh Head
        of State" → the Kazakh president, "the PM" → the Prime Minister); None when it is not one person."""
        office = _abbreviation(title) or title
        head = office.lower().replace("-", " ").split()[-1:] or [""]
        generic = head[0] in word_set("titles", "generic_offices")
        pool = [p for p in self.persons if p.name and not p.reporter]
        if self.participants:
            pool = [p for p in pool if p.participant] + [p for p in pool if not p.participant]
        if affiliation:
            sided = [p for p in pool if p.affiliation == affiliation]
            fitting = [p for p in sided if self._holds(p, office)] or (sided if generic else [])
        else:
            fitting = [p for p in pool if self._holds(p, office)]
            exact = [p for p in fitting if (p.title or "").lower() == office.lower()]
            fitting = exact if len(exact) == 1 else fitting
        if len(fitting) == 1:
            return fitting[0]
        named = [p for p in fitting if p.participant]
        return named[0] if len(named) == 1 else None

    def _holds(self, p: Person, title: str | None) -> bool:
        """The person's title carries the office's head word ("Foreign Minister" holds "the minister"), or
        both are one office by another name ("Secretary of State" and "Foreign Minister", titles.yaml)."""
        office = (_abbreviation(title or "") or title or "").lower().replace("-", " ").split()[-1:]
        if bool(office) and office[0] in (p.title or "").lower().replace("-", " ").split():
            return True
        common = {str(k).lower(): str(v).lower() for k, v in (titles().get("counterpart_offices") or {}).items()}
        mine, theirs = (p.title or "").lower(), (title or "").lower()
        return bool(mine and theirs) and common.get(mine, mine) == common.get(theirs, theirs)

    def _resolve_offices(self) -> None:
        """Office-only mentions left alone at clustering ("the Botswana president") join the named person
        holding that office for that side, now that implied affiliations are known."""
        tied = {p.affiliation for p in self.persons if p.name and p.affiliation}
        for office in [p for p in self.persons if not p.name and not p.participant]:
            m = office.mentions[0]
            owner = self._person_by_office(m.title or "", m.affiliation)
            acting = any(self.doc[k].dep_ in {"nsubj", "nsubjpass"} for k in range(m.start, max(m.end, m.start + 1)))
            if owner is None and m.affiliation and m.affiliation not in tied and acting:
                # "the Ukrainian president" and the president whose side nothing else ties: the one holder,
                # or the one the text was just speaking of
                untied = [p for p in self.persons if p.name and p.affiliation is None and self._holds(p, m.title)]
                sides = [p for p in untied if p.participant]
                salient = self.salient_before(m.start)
                if len(sides) == 1:
                    owner = sides[0]
                elif len(untied) == 1:
                    owner = untied[0]
                else:
                    owner = salient if salient in (sides or untied) else None
            if owner is None or owner is office:
                continue
            if owner.title and owner.title.lower() != (m.title or "").lower():
                for om in office.mentions:  # "Secretary of State" means the US only while no one else holds it
                    if om.affiliation and title_entry(om.title or "").get("affiliation") == om.affiliation:
                        om.affiliation = None
            owner.mentions.extend(office.mentions)
            tied.add(m.affiliation)
            self.persons.remove(office)
            for k, p in list(self._owner.items()):
                if p is office:
                    self._owner[k] = owner
            self._refs = [(i, owner if p is office else p) for i, p in self._refs]
