"""Groups: meetings whose sides the text counts or names by office.

"The four Presidents", "the foreign ministers of A and B", "the two ministers": a count fills the
participants up to the group's size, an office over a list of sides gives one office-only participant
per side, and a group's office or a counterpart's becomes the title of participants given none.
"""

from __future__ import annotations

import re
from functools import cache

from ...components.names import match_place, name_sets
from ...lexicon.data import titles, word_set
from ...lexicon.gazetteer import gazetteer
from .clusters import Clusters, Mention, Person

#: What a text calls the other side's holder of the same office: "his Italian counterpart", "her peer".
_PEER_TITLES = {"counterpart", "counterparts", "peer", "peers"}


def _group_office(noun: str) -> str:
    """The office a counted group holds, singular: "foreign ministers" → "foreign minister", "top
    diplomats" → "foreign minister" (synonyms in titles.yaml); "" for a group of no one office."""
    synonyms = {str(k): str(v) for k, v in (titles().get("group_office_synonyms") or {}).items()}
    for phrase, office in synonyms.items():
        if noun == phrase or noun.endswith(" " + phrase):
            return office
    words = noun.split()
    if not words or words[-1] in {"leaders", "officials"}:
        return ""
    return " ".join([*words[:-1], words[-1][:-1] if words[-1].endswith("s") else words[-1]])


@cache
def _group_modifiers() -> frozenset[str]:
    """Words that may stand before a plural office ("foreign ministers", "defence ministers")."""
    t = titles()
    words = [*t.get("title_extension_words", []), *t.get("title_modifiers", [])]
    return frozenset(w.lower() for w in words if w[:1].isupper())


def _shared_office(title: str) -> str:
    """The office a counterpart shares: the last office of a double title ("Deputy Prime Minister and Foreign
    Minister" → "Foreign Minister"), never a portfolio listed after a comma ("Minister of Foreign Affairs,
    African Cooperation and Nationals Abroad" → "Minister of Foreign Affairs")."""
    heads = {w.lower() for w in titles().get("title_heads", [])} | {"president", "premier", "chancellor"}
    offices = [part for part in re.split(r" and |, ", title) if heads & {w.lower() for w in part.split()}]
    return offices[-1] if offices else title


class Groups(Clusters):
    """Fills participants and titles from the groups the text counts or names by office."""

    def _fill_to_group_count(self, chosen: list[Person]) -> None:
        """ "Three regional leaders met …", "the four Presidents": when the text counts the group and the
        frame named fewer, the next titled people the opening names join it, in order of mention."""
        count, _ = self._stated_group()
        if count <= len(chosen):
            return
        limit = self.an.sents[min(len(self.an.sents), 10) - 1].end if self.an.sents else 0
        for p in sorted(self.persons, key=lambda q: q.first_token):
            if len(chosen) >= count:
                break
            if p in chosen or not p.name or not p.title or p.reporter or p.first_token >= limit:
                continue
            if all(self._excluded_context(m) or self._possessive(m) for m in p.mentions if m.name):
                continue
            p.confidence = min(p.confidence, 0.7)
            chosen.append(p)

    def _counted_office_holders(self) -> list[Person]:
        """ "The three top diplomats met in Riga …" and, later, "Latvian Foreign Minister Anna Berzina …": when the
        opening counts a group by its office and names no one, the holders of that office it names later
        (as many as it counts, in order of mention) are the group."""
        count, noun = self._stated_group()
        office = _group_office(noun)
        if not count or not office:
            return []
        holders = [
            p
            for p in sorted(self.persons, key=lambda q: q.first_token)
            if p.name
            and not p.reporter
            and office in (p.title or "").lower()
            and not all(self._excluded_context(m) for m in p.mentions if m.name)
        ]
        return holders[:count] if len(holders) >= count else []

    def _stated_group(self) -> tuple[int, str]:
        """(size, office phrase) of the meeting's group as the opening states it ("three top regional
        leaders", "the three foreign ministers"), or (0, "")."""
        counts = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
        # "the three top diplomats": the last word of a synonym of an office names a group too
        group_heads = {"leaders", "ministers"} | {
            str(k).split()[-1] for k in titles().get("group_office_synonyms") or {}
        }
        for sent in self.an.sents[:2]:
            for tok in sent:
                if tok.lower_ not in counts or tok.head.tag_ not in {"NNS", "NNPS"}:
                    continue
                head = tok.head
                if head.lower_.rstrip("s") in name_sets()["office_nouns"] or head.lower_ in group_heads:
                    words = [t.lower_ for t in self.doc[tok.i + 1 : head.i + 1]]
                    return counts[tok.lower_], " ".join(words)
        return 0, ""

    def _respective_sides(self) -> None:
        """ "the foreign ministers of Peru and Bolivia, Jorge Paz and Luis Soto", "her counterparts from Peru
        and Bolivia, X and Y": an office over a list of sides, then as many names, pairs them in order.

        Each named person gets the side at the same place in the list, and the office (singular) as the
        title when the text gave none; "counterparts" and "peers" take the other side's office later.
        """
        doc = self.doc
        peers = {"counterparts", "peers", "colleagues", "counterpart", "peer"}
        for sent in self.an.sents[:3]:
            for tok in sent:
                # "Foreign Ministers of A, B and C": the parser tags a capitalised plural as a singular name
                looks_plural = tok.tag_ in {"NNS", "NNPS"} or (tok.tag_ == "NNP" and tok.lower_.endswith("s"))
                plural = looks_plural and tok.lower_.rstrip("s") in name_sets()["office_nouns"]
                if not (plural or tok.lower_ in peers) or tok.i + 2 >= sent.end:
                    continue
                if doc[tok.i + 1].lower_ not in {"of", "from"}:
                    continue
                sides, end = self._countries_and_end(tok.i + 2, sent.end)
                if len(sides) < 2 or end >= sent.end or doc[end].text != ",":
                    continue
                named = self._names_listed(end + 1, sent.end, len(sides))
                if not named:
                    continue
                office_start = tok.i
                while office_start > sent.start and doc[office_start - 1].lower_ in _group_modifiers():
                    office_start -= 1
                office = (doc[office_start : tok.i].text + " " + tok.text[:-1]).strip().lower()
                for person, side in zip(named, sides, strict=True):
                    first = min(person.mentions, key=lambda m: m.start)
                    first.affiliation = first.affiliation or side
                    if not person.title:
                        first.title = "counterpart" if tok.lower_ in peers else office
                    person.participant = person.participant or self.frame_sentence is sent
                return

    def _countries_and_end(self, i: int, limit: int) -> tuple[list[str], int]:
        """The countries listed from token i ("Argentina and Chile", "Japan, China and South Korea"), and the
        token just after the last of them."""
        countries: list[str] = []
        last = i
        while i < limit:
            place, end = match_place(self.doc, i, limit)
            country = gazetteer().country(place) if place else None
            if not country:
                break
            countries.append(country)
            i = last = end
            if i < limit and self.doc[i].text == ",":
                i += 1
            if i < limit and self.doc[i].lower_ == "and":
                i += 1
        return countries, last

    def _names_listed(self, i: int, limit: int, count: int) -> list[Person]:
        """`count` named people written one after another from token i ("Jorge Paz and Luis Soto"), or []."""
        starts = {m.start: (p, m) for p in self.persons for m in p.mentions if m.name}
        out: list[Person] = []
        while i < limit and len(out) < count:
            found = starts.get(i)
            if found is None or found[0] in out:
                return []
            out.append(found[0])
            i = found[1].end
            while i < limit and self.doc[i].text in {",", "and"}:
                i += 1
        return out if len(out) == count else []

    def _group_offices(self) -> None:
        """ "the foreign ministers of Argentina and Chile", "the Japanese, Chinese and South Korean foreign
        ministers": one participant per side, named by office, where no named participant holds it."""
        doc = self.doc
        sents = [self.frame_sentence] if self.frame_sentence is not None else []
        sents += [s for s in self.an.sents[:3] if s is not self.frame_sentence]
        for sent in sents:
            if self.an.in_headline(sent):
                continue  # a headline's "Chile, Peru ministers" labels the people the story names
            for tok in sent:
                if tok.tag_ not in {"NNS", "NNPS"} or tok.lower_.rstrip("s") not in name_sets()["office_nouns"]:
                    continue
                office_start = tok.i
                while (
                    office_start > sent.start
                    and doc[office_start - 1].text[:1].isalpha()
                    and (doc[office_start - 1].lower_ in _group_modifiers())
                ):
                    office_start -= 1
                office = (doc[office_start : tok.i].text + " " + tok.text[:-1]).strip()
                portfolio = self._portfolio_after(tok.i + 1, sent.end)  # "Ministers of Foreign Affairs of A and B"
                if portfolio > tok.i + 1:
                    office = f"{office} {doc[tok.i + 1 : portfolio].text}"
                sides = (
                    self._countries_listed(portfolio + 1, sent.end)
                    if portfolio < sent.end and (doc[portfolio].lower_ == "of")
                    else self._countries_listed_before(office_start, sent.start)
                )
                if len(sides) < 2:
                    continue
                for side in sides:
                    if any(p.participant and p.affiliation == side for p in self.persons):
                        continue
                    m = Mention(tok.i, tok.i, None, office.lower(), side, "group", office_start, tok.i + 1)
                    self.persons.append(Person(mentions=[m], participant=True, confidence=0.7))
                return

    def _portfolio_after(self, i: int, limit: int) -> int:
        """Where a portfolio after a plural office ends ("of Foreign Affairs" in "Ministers of Foreign Affairs of
        Peru and Ecuador"): the index of the "of" that opens the sides, or `i` when no portfolio comes."""
        doc = self.doc
        if i + 1 >= limit or doc[i].lower_ != "of" or doc[i + 1].lower_ not in _group_modifiers():
            return i
        k = i + 1
        while k < limit and (doc[k].lower_ in _group_modifiers() or doc[k].lower_ in {"and", "&"}):
            k += 1
        return k if k < limit and doc[k].lower_ == "of" else i

    def _name_office_by_next_subject(self) -> None:
        """ "The Georgian Foreign Minister spoke about … . Nika Beridze also emphasized …": an office-only
        participant that a sentence's subject names, then an untitled name opening the next sentence, are one
        person."""
        for office in [p for p in self.persons if not p.name and p.affiliation]:
            stand_ins = [q for q in self.participants if not q.name and q.affiliation == office.affiliation]
            if not office.participant and not stand_ins:
                continue
            subject = next((self.doc[m.end - 1] for m in office.mentions if self.doc[m.end - 1].dep_ == "nsubj"), None)
            if subject is None:
                continue
            si = self.an.sentence_index(subject.idx)
            if si + 1 >= len(self.an.sents):
                continue
            nxt = self.an.sents[si + 1]
            first = next((t for t in nxt if t.dep_ == "nsubj"), None)
            named = self._owner.get(first.i) if first is not None else None
            if named is None or named.participant or not named.name or named.title or named.affiliation:
                continue
            mention = office.mentions[0]
            named.mentions[0].title, named.mentions[0].affiliation = mention.title, mention.affiliation
            named.participant = True
            for q in [office, *stand_ins]:
                q.participant = False

    def _name_group_offices(self) -> None:
        """ "the leaders of Laos and Cambodia signed …" then "… Lao President X and
        Cambodian Prime Minister Y": the one named person of a side the opening names stands for that
        side's office-only participant."""
        if not self.an.sents:
            return
        limit = self.an.sents[min(len(self.an.sents), 5) - 1].end
        for office in [p for p in self.participants if not p.name and p.mentions[0].kind == "group"]:
            named = [
                q
                for q in self.persons
                if q.name
                and not q.participant
                and not q.reporter
                and q.affiliation == office.affiliation
                and q.first_token < limit
                and not all(self._excluded_context(m) for m in q.mentions if m.name)
            ]
            if len(named) == 1:
                named[0].participant = True
                named[0].confidence = min(named[0].confidence, 0.8)
                office.participant = False

    def _countries_listed(self, i: int, limit: int) -> list[str]:
        """Countries in a list starting at token i: "Argentina and Chile", "Japan, China and South Korea"."""
        return self._countries_and_end(i, limit)[0]

    def _countries_listed_before(self, end: int, floor: int) -> list[str]:
        """Demonyms listed before an office: "the Japanese, Chinese and South Korean foreign ministers"."""
        gaz = gazetteer()
        out: list[str] = []
        k = end - 1
        while k >= floor:
            tok = self.doc[k]
            if tok.text in {",", "and"}:
                k -= 1
                continue
            found = None
            for n in (3, 2, 1):
                if k - n + 1 >= floor:
                    found = gaz.country(self.doc[k - n + 1 : k + 1].text)
                    if found:
                        k -= n
                        break
            if not found:
                break
            out.insert(0, found)
        return out

    def _fill_group_titles(self) -> None:
        """ "The two ministers" gives "minister" to participants the text gives no title."""
        pattern = (
            r"\b(?:the|The) (?:two|three|four|five) ([a-z]+(?: [a-z]+)?)s\b|\b[Bb]oth ([a-z]+)s\b"
            r"|(?:^|[.!?]\s+)The ([a-z]+)s (?=[a-z]+ed\b)"  # "The ministers discussed …" opening a sentence
        )
        nouns = [(m.group(1) or m.group(2) or m.group(3) or "").strip() for m in re.finditer(pattern, self.an.text)]
        nouns = [
            n for n in nouns if n + "s" in name_sets()["office_nouns"] and n in name_sets()["office_nouns"] | {"leader"}
        ]
        if not nouns:
            nouns = self._plural_office_in_opening()
        if not nouns:
            return
        noun = nouns[0]
        for p in self.participants:
            if not p.title:
                p.mentions.append(Mention(p.mentions[0].start, p.mentions[0].start, None, noun, kind="group"))

    def _plural_office_in_opening(self) -> list[str]:
        """ "Foreign ministers of the Quad met …": the office a group of participants holds, singular."""
        doc = self.doc
        for sent in self.an.sents[:2]:
            for tok in sent:
                if tok.tag_ not in {"NNS", "NNPS"} or tok.lower_.rstrip("s") not in name_sets()["office_nouns"]:
                    continue
                k = tok.i
                while k > sent.start and doc[k - 1].lower_ in _group_modifiers():
                    k -= 1
                if k < tok.i:  # "foreign ministers", not a bare "ministers"
                    return [(doc[k : tok.i].text + " " + tok.text[:-1]).lower()]
        return []

    def _fill_counterpart_titles(self) -> None:
        """ "his Greek counterpart Giorgos Gerapetritis": a counterpart holds the other side's office."""
        for p in self.participants:
            if (p.title or "").lower() not in _PEER_TITLES:
                continue
            generic = word_set("titles", "generic_offices") | _PEER_TITLES
            own = {m.title for m in p.mentions if m.title and m.title.lower() not in generic}
            others = {q.title for q in self.participants if q is not p and q.title}
            others = {t for t in others if t.lower() not in _PEER_TITLES}
            if len(others) == 1:
                # "Deputy Prime Minister and Foreign Minister" Dar's counterpart shares the portfolio, the last
                # office of the two; an office the text gives the counterpart itself ("FM Araghchi") wins
                office = _shared_office(others.pop())
                if own:
                    office = max(own, key=len)
                # "his Pakistani counterpart" of an External Affairs Minister is a foreign minister: one
                # country's name for an office becomes the common one
                office = str((titles().get("counterpart_offices") or {}).get(office, office))
                for m in p.mentions:
                    if m.title and m.title.lower() in _PEER_TITLES:
                        m.title = office
