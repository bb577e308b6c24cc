"""Affiliations the text only implies.

An affiliation the text writes with a mention (a demonym, "of <country>", an apposition) is found
with the mention. The rest are filled here, most certain first: a title's default, the country the
person speaks for, the seat or ministry that issued the text, and last an elimination over the
countries the text names. A participant with no safe evidence keeps none.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from ...components.names import _POSSESSIVE, match_title, title_affiliation
from ...lexicon.data import cues, word_set
from ...lexicon.gazetteer import gazetteer
from ...lexicon.world import find_city
from .clusters import Clusters, Person
from .context import _a_subject_discussed, _names_a_thing

#: Names joined by hyphens or dashes: "Russian-French", "India–Brazil", "Japan-U.S.-ROK".
_PAIR = re.compile(r"\b[A-Z][\w.’']*(?:[-–][A-Z][\w.’']*)+")

#: A country that ends a place phrase ("in Qingdao, east China"): where the meeting was, not whose side.
_PLACE_TAIL = re.compile(r"\bin [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?,\s*(?:[a-z]+)?\s*$")

#: A government body cited as a story's source: "Seoul's foreign ministry said", "according to the Kenyan
#: presidency", "the Japanese government announced".
_CITED_BODY = re.compile(
    r"(?:(?:according to|said|stated|cited) (?:the )?|^|[.!?]\s+|\s)"
    r"(?P<who>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}?)(?:'s|’s)? "
    r"(?:foreign|external affairs|defen[cs]e|presidential|prime minister's|foreign affairs)? ?"
    r"(?:ministry|presidency|government|office)\b(?= (?:said|says|stated|announced|reported|added|noted)| statement)",
)


#: A sentence that opens by naming a side: "On the Chinese side, …", "From the Kenyan side, …".
_SIDE_OPENER = re.compile(r"\s*(?:On|From|For) the (?P<side>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) side,")


@cache
def _not_own_country() -> re.Pattern[str]:
    """Words before a country that make it a partner, a host or a subject, not the person's own side."""
    words = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in cues()["partner_markers"])
    return re.compile(rf"\b(?:{words})\b")


def _place_country(place: str) -> str | None:
    """The country a place names: itself, or the country of a city ("Asmara" → Eritrea)."""
    country = gazetteer().country(place)
    if country:
        return country
    city = find_city(place, frozenset())
    return city.country if city is not None else None


class Affiliations(Clusters):
    """Fills the affiliations the text only implies."""

    def _fill_affiliations(self) -> None:
        """Implied affiliations, most certain first; a participant with no safe evidence keeps none.

        1. title defaults ("Secretary of State" → United States);
        2. the country the person speaks for: "Prime Minister Tanaka stated that Japan will host …";
        3. an office named only by its title in a text issued by a seat of government ("A Kremlin
           spokesman said: 'The President took a call from …'");
        4. elimination over the countries named in the person's own sentences, never one the text
           names as someone else's, as a partner ("with", "thanked") or only in a group's sentence
           ("the three leaders condemned the launches by North Korea").
        """
        for p in self.persons:
            if p.affiliation is None and p.title:
                default = title_affiliation(p.title)
                body = self._office_of_another_body(p.title, default) if default else None
                if body or default:  # "Secretary General of the Baltic Ports Union": that body
                    p.mentions[0].affiliation = body or default
                    p.affiliation_implied = True
        for p in self.participants:
            if p.affiliation is None:
                stated = self._stated_country(p) or self._inviting_country(p) or self._own_stance_country(p)
                if stated:
                    p.mentions[0].affiliation = stated
                    p.affiliation_implied = True
        self._fill_from_side_openers()
        self._fill_from_led_sides()
        host, visitors = self._visit_destination()
        untied = [p for p in self.participants if p.affiliation is None and p.name]
        if len(untied) == 2 and len([p for p in untied if p in visitors]) == 1:
            untied = [p for p in untied if p not in visitors]  # "the guest's arrival in Apia": the other side hosts
        if host and len(untied) == 1 and host not in {p.affiliation for p in self.participants}:
            untied[0].mentions[0].affiliation = host  # "X's state visit to Estonia": the one host untied is Estonia's
            untied[0].affiliation_implied = True
        self._fill_from_seat()
        self._resolve_offices()  # "the Ukrainian president" ties a side before any elimination
        missing = [p for p in self.participants if p.affiliation is None and p.name]
        if not missing:
            return
        used = {p.affiliation for p in self.participants if p.affiliation}
        paired, _ = self._paired_countries(used)
        if len(missing) == 1 and len(paired) == 1:
            # one side left, and the text pairs the known side with one other country ("the ties between
            # Ghana and Togo"): that country is the side left
            missing[0].mentions[0].affiliation = paired.pop()
            missing[0].affiliation_implied = True
            missing[0].confidence = min(missing[0].confidence, 0.7)
            return
        gaz = gazetteer()
        counts: Counter[str] = Counter()
        places: list[tuple[int, str]] = []
        for ent in self.an.ents:
            if ent.label_ not in {"GPE", "NORP", "ORG"}:
                continue
            c = gaz.country_or_capital(ent.text)
            if c and not gaz.country(ent.text) and _names_a_thing(self.doc, ent.end):
                continue  # a capital naming a process or a text ("the Lima Process", "the Minsk accords") is no side
            if c and _a_subject_discussed(ent.root):
                continue  # "a settlement of the Palestinian issue", "the situation in Somalia": a topic, not a side
            before = self.doc[ent.start - 1] if ent.start > 0 else None
            if (
                c
                and ent.text.lower() in {"america", "american", "americas"}
                and before is not None
                and (before.lower_ in word_set("cues", "region_prefixes") or before.text in {"-", "–"})
            ):
                continue  # "Latin America", "Inter-American": a region, not the United States
            if c and not (ent.start > 0 and self.doc[ent.start - 1].lower_ == "in" and gaz.city(ent.text)):
                counts[c] += 1
                places.append((ent.start, c))
        used = {p.affiliation for p in self.participants if p.affiliation}
        # "his Zambian counterpart X": the counterpart's side is never the other person's
        used |= {
            p.affiliation for p in self.persons if p.name and p.affiliation and "counterpart" in (p.title or "").lower()
        }
        paired, paired_at = self._paired_countries(used)  # paired_at: where a country stands in such a pair
        for p in missing:
            score: Counter[str] = Counter({c: n for c, n in counts.items()})
            for c in used:
                score[c] -= 50
            for c in paired:
                score[c] += 30
            near: set[str] = set(paired)  # countries named in the person's own sentences or paired with a side
            for sent in self.an.sents:
                if not any(self._owner.get(t.i) is p for t in sent):
                    continue
                subject = any(self._owner.get(t.i) is p and t.dep_ in {"nsubj", "nsubjpass"} for t in sent)
                first_possessive = True
                for start, c in places:
                    if not sent.start <= start < sent.end:
                        continue
                    if self._names_another(start, p):
                        continue  # "China's Xi Jinping": the country is part of another person's mention
                    before = self.doc[max(sent.start, start - 3) : start].text.lower()
                    wider = self.doc[max(sent.start, start - 6) : start].text
                    near.add(c)
                    if start in paired_at:
                        continue  # "the ties between Ghana and Togo": the pair decides
                    if _not_own_country().search(before) or _PLACE_TAIL.search(wider):
                        score[c] -= 100
                    elif subject and first_possessive and start + 1 < len(self.doc):
                        ent_end = next((e.end for e in self.an.ents if e.start == start), start + 1)
                        if ent_end < len(self.doc) and (
                            self.doc[ent_end].text in _POSSESSIVE or self.doc[ent_end - 1].text.endswith(("’s", "'s"))
                        ):
                            score[c] += 20
                            first_possessive = False
            score = Counter({c: v for c, v in score.items() if c in near})
            if not score:
                continue
            ranked = sorted(score.values(), reverse=True)
            best, value = max(score.items(), key=lambda kv: (kv[1], kv[0]))
            if len(ranked) > 1 and ranked[1] == value:
                continue  # two countries equally likely: a guess between them is no evidence
            if value > 0:
                p.mentions[0].affiliation = best
                p.affiliation_implied = True
                p.confidence = min(p.confidence, 0.7)
                used.add(best)
        self._fill_from_seat()  # the elimination may leave one side untied that the seat then names
        self._fill_from_home_dateline()
        self._fill_from_sole_other_country(counts)

    def _fill_from_sole_other_country(self, counts: Counter[str]) -> None:
        """ "President Rahimi took a call from the UN Secretary-General … Mongolia's reforms …": one side left
        untied, and the text names one country again and again that no other side holds. Outlets and readouts
        leave their own leader's country unsaid; what else they name is the partner's side or the subject of
        talks, so the country must be named twice and be the only one so named that no side holds."""
        untied = [p for p in self.participants if p.affiliation is None and p.name]
        used = {p.affiliation for p in self.persons if p.affiliation}
        if len(untied) != 1 or not used & {p.affiliation for p in self.participants}:
            return
        left = [c for c, n in counts.items() if c not in used and n >= 2]
        if len(left) == 1:
            untied[0].mentions[0].affiliation = left[0]
            untied[0].affiliation_implied = True
            untied[0].confidence = min(untied[0].confidence, 0.6)

    def _names_another(self, start: int, p: Person) -> bool:
        """The country at token `start` belongs to someone else's mention: inside it, or as the possessive or
        demonym right before another person's name ("China's Xi Jinping", "Russian President Putin")."""
        other = self._owner.get(start)
        if other is not None and other is not p:
            return True
        k = next((e.end for e in self.an.ents if e.start == start), start + 1)
        while k < len(self.doc) and (self.doc[k].text in _POSSESSIVE or self.doc[k].is_punct):
            k += 1
        nxt = self._owner.get(k) if k < len(self.doc) else None
        return nxt is not None and nxt is not p

    def _fill_from_home_dateline(self) -> None:
        """ "OSLO — The King and the visiting Emir … held talks in Doha":
        a story filed from home (a dateline with no wire agency) about a meeting with a foreign side, the
        one side left untied is the home country's. A wire's dateline is where it filed, nothing more."""
        untied = [p for p in self.participants if p.affiliation is None and p.name]
        tied = {p.affiliation for p in self.participants if p.affiliation}
        line = self._dateline
        if len(untied) != 1 or not tied or line is None or not line.city or line.agency or line.kind == "header":
            return
        city = find_city(line.city, frozenset(tied))
        if city is None or city.country in tied or not gazetteer().country(city.country):
            return
        untied[0].mentions[0].affiliation = city.country
        untied[0].affiliation_implied = True
        untied[0].confidence = min(untied[0].confidence, 0.7)

    def _office_of_another_body(self, title: str, default: str) -> str | None:
        """The other body the text ties the office to ("Secretary General of the Baltic Ports Union
        Ambassador X", "BPU Secretary General"), when there is one: the title's usual holder
        ("Secretary-General" → United Nations) is then no evidence."""
        gaz = gazetteer()
        doc = self.doc
        words = title.split()
        others: list[str] = []
        for i in range(len(doc) - len(words)):
            if [t.text for t in doc[i : i + len(words)]] != words:
                continue
            before = doc[i - 1] if i > 0 else None
            if before is not None and before.text.isupper() and 2 <= len(before.text) <= 6:
                others.append(before.text)  # "BPU Secretary General"
            k = i + len(words)
            if k >= len(doc) or doc[k].lower_ != "of":
                continue
            k += 2 if k + 1 < len(doc) and doc[k + 1].lower_ == "the" else 1
            end = k
            while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ in {"of", "for", "and"}):
                if match_title(doc, end) or doc[end].ent_type_ == "PERSON" or end in self._owner:
                    break  # "… Ports Union Ambassador Karen Holm": the body ends at a title or a name
                end += 1
            while end > k and doc[end - 1].lower_ in {"of", "for", "and"}:
                end -= 1
            if end > k:
                others.append(doc[k:end].text)
        others = [o for o in others if gaz.affiliation(o) != default]
        return max(others, key=len) if others else None

    def _fill_from_side_openers(self) -> None:
        """ "On the Chinese side, the talks were attended by X and Y": the people of a sentence that opens
        by naming a side belong to it, unless the text ties them elsewhere."""
        gaz = gazetteer()
        for sent in self.an.sents:
            m = _SIDE_OPENER.match(self.an.text_of(sent))
            side = gaz.country(m.group("side")) if m else None
            if side is None:
                continue
            for p in self.persons:
                if p.affiliation is None and any(sent.start <= q.start < sent.end for q in p.mentions if q.name):
                    p.mentions[0].affiliation = side
                    p.affiliation_implied = True

    def _fill_from_led_sides(self) -> None:
        """ "The Chilean side was led by X", "the Indian delegation, headed by X", "the Mexican side was
        represented by X": the side's country is X's."""
        gaz = gazetteer()
        for tok in self.doc:
            if tok.lemma_.lower() not in word_set("cues", "side_leading_verbs") or tok.tag_ != "VBN":
                continue
            side = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if side is None and tok.dep_ == "acl":
                side = tok.head  # "the Indian delegation, led by X"
            if side is None or side.lemma_.lower() not in word_set("cues", "side_nouns"):
                continue
            country = next(
                (gaz.affiliation(c.text) for c in side.children if c.dep_ in {"amod", "compound", "poss", "nmod"}),
                None,
            )
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if country is None or agent is None:
                continue
            for leader in (g for g in agent.children if g.dep_ == "pobj"):
                named = [q for t in leader.subtree if (q := self._owner.get(t.i)) is not None]  # "…, Carla X"
                for p in [*(self.refer(leader) or []), *named]:
                    if p.affiliation is None:  # a person met twice is tied at the first
                        p.mentions[0].affiliation = country
                        p.affiliation_implied = True

    def _visit_destination(self) -> tuple[str | None, list[Person]]:
        """The country a participant's visit goes to ("Lind's state visit to Estonia", "Lind arrived in
        Estonia" → Estonia), when one; and the participants the text shows making it."""
        gaz = gazetteer()
        nouns = word_set("cues", "own_visit_nouns") - {"delegation"}
        found: set[str] = set()
        makers: list[Person] = []
        for p in self.participants:
            for m in p.mentions:
                owned = self._possessed_noun(m)
                if owned is None or owned.lemma_ not in nouns:
                    continue
                for prep in (c for c in owned.children if c.dep_ == "prep" and c.lower_ in {"to", "in"}):
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        # "the guest's arrival in Apia": a city names its country too
                        country = _place_country(self.doc[obj.left_edge.i : obj.i + 1].text)
                        if country and country != p.affiliation:
                            found.add(country)
                            makers.append(p)
        for tok in self.doc:  # "X, who is on a state visit to Vietnam", "X paid an official visit to Vietnam"
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
                continue
            visitors = self._visit_makers(tok)
            if not visitors:
                continue
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    country = gaz.country(self.doc[obj.left_edge.i : obj.i + 1].text)
                    if country and all(country != v.affiliation for v in visitors):
                        found.add(country)
                        makers.extend(visitors)
        for sent in self.an.sents:  # "The Belarusian president arrived in Kenya": the visitor's arrival
            for tok in sent:
                if tok.pos_ != "VERB" or tok.lemma_.lower() not in {"arrive", "land"}:
                    continue
                subjects = [c for c in tok.children if c.dep_ == "nsubj"]
                visitors = [q for s in subjects for q in (self.refer(s) or []) if q.participant]
                if not visitors:
                    continue
                for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "to"}):
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        country = _place_country(self.doc[obj.left_edge.i : obj.i + 1].text)
                        if country and all(country != v.affiliation for v in visitors):
                            found.add(country)  # "arrived in Kenya", "arrived in Asmara" (Eritrea)
                            makers.extend(visitors)
        return (found.pop(), makers) if len(found) == 1 else (None, [])

    def _visit_makers(self, visit: Any) -> list[Person]:
        """Who is making a visit: the subject of the verb it hangs on ("X is on a visit to", "X paid a visit
        to"), through a relative clause to its noun ("X, who is on a state visit to …")."""
        verb = visit.head.head if visit.dep_ == "pobj" else visit.head if visit.dep_ == "dobj" else None
        if verb is None or verb.pos_ not in {"VERB", "AUX"}:
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "relcl" and any(s.lower_ in {"who", "which", "that"} for s in subjects):
            subjects = [verb.head]
        return [q for s in subjects for q in (self.refer(s) or []) if q.participant]

    def _fill_from_seat(self) -> None:
        """The seat of government the text names gives its country to an office named alone ("the Prime
        Minister") or to the one side left untied ("received … at the Élysée"); so does the one ministry
        the text cites as its source ("Seoul's foreign ministry said")."""
        seat = self._issuing_seat() or self._issuing_ministry()
        if not seat:
            return
        used = {p.affiliation for p in self.participants if p.affiliation}
        unplaced = [p for p in self.participants if p.affiliation is None]
        for p in unplaced:
            if seat not in used and (not p.name or len(unplaced) == 1):
                p.mentions[0].affiliation = seat
                p.affiliation_implied = True
                used.add(seat)

    def _issuing_ministry(self) -> str | None:
        """The country of the one ministry or government office the text cites as its source: "South Korea's
        foreign ministry said", "according to the Kenyan presidency", "the Japanese government said"."""
        gaz = gazetteer()
        found: set[str] = set()
        for m in _CITED_BODY.finditer(self.an.text):
            who = re.sub(r"(?:'s|’s)$", "", m.group("who"))
            country = gaz.affiliation(who) or gaz.country_or_capital(who)  # "Seoul's foreign ministry"
            if country and gaz.country(country):
                found.add(country)
        return found.pop() if len(found) == 1 else None

    def _stated_country(self, p: Person) -> str | None:
        """The one country that is the subject of what the person says: "X said that Japan would …"."""
        gaz = gazetteer()
        found: set[str] = set()
        verbs = word_set("cues", "stating_verbs")
        for tok in self.doc:
            if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.lemma_ not in verbs:
                continue
            owner = self._owner.get(tok.i)
            if owner is not p and not (owner is None and p in (self.refer(tok) or [])):
                continue  # the person, by name or by office ("The Prime Minister reaffirmed that Canada …")
            clauses = [c for c in tok.head.children if c.dep_ == "ccomp"]
            clauses += [k for c in clauses for k in c.conjuncts if k.pos_ in {"VERB", "AUX"}]
            for clause in clauses:  # "… that the UK believes X, and that the UK would work with …"
                if not any(
                    t.dep_ == "aux" and t.lower_ in {"will", "would", "shall", "'ll"}
                    for t in self.doc[clause.left_edge.i : tok.sent.end]
                ):  # the clause's own will, or one it shares ("Canada does not and will not recognize")
                    continue  # "said that Japan will host": a pledge for one's own side; "said Russia ignores": not
                for subj in clause.children:
                    if subj.dep_ in {"nsubj", "nsubjpass"}:
                        c = gaz.country(self.doc[subj.left_edge.i : subj.i + 1].text)
                        if c:
                            found.add(c)
        return found.pop() if len(found) == 1 else None

    def _own_stance_country(self, p: Person) -> str | None:
        """The one country whose stance the person restates: "reiterated Canada's support for …", "expressed
        India's readiness to …" — a side speaks for its own country's resolve."""
        gaz = gazetteer()
        verbs = (word_set("cues", "commitment_frame_verbs") - {"welcome"}) | word_set("cues", "stance_giving_verbs")
        nouns = word_set("cues", "commitment_nouns") | {"support", "position", "stance", "willingness"}
        found: set[str] = set()
        for tok in self.doc:
            if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in verbs or p not in (self.refer(tok) or []):
                continue
            for obj in (c for c in tok.head.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns):
                # "India's readiness", and a country as modifier: "pledged U.S. support", "Canadian support"
                owners = [c for c in obj.children if c.i < obj.i and c.dep_ in {"poss", "compound", "amod", "nmod"}]
                for poss in owners:
                    country = gaz.country(self.doc[poss.left_edge.i : poss.i + 1].text)
                    if country:
                        found.add(country)
        return found.pop() if len(found) == 1 else None

    def _inviting_country(self, p: Person) -> str | None:
        """The one country the person invites another to visit: "X invited Y to visit India", "X extended an
        invitation to Y to visit India at a convenient time" — a host invites to their own country."""
        gaz = gazetteer()
        words = word_set("cues", "invitation_words")
        found: set[str] = set()
        for i, owner in self._owner.items():
            tok = self.doc[i]
            if owner is not p or tok.dep_ != "nsubj":
                continue
            verb = tok.head
            welcomed = self._welcomed_to(verb, p)
            if welcomed:  # "looked forward to welcoming President X to Canada": the host's country
                found.add(welcomed)
                continue
            cue = verb if verb.lemma_.lower() in words else None
            if cue is None and verb.lemma_.lower() in word_set("cues", "invitation_giving_verbs"):
                # "extended an invitation to …" (never "accepted an invitation to visit …": that is the guest)
                cue = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in words), None)
            if cue is None:
                continue
            guests = {q.affiliation for t in cue.subtree for q in (self.refer(t) or []) if q is not p}
            for t in cue.subtree:
                if t.lemma_.lower() != "visit" or t.i == cue.i:
                    continue
                for obj in t.children:
                    if obj.dep_ == "prep" and obj.lower_ == "to":
                        obj = next((c for c in obj.children if c.dep_ == "pobj"), obj)
                    if obj.dep_ in {"dobj", "pobj"}:
                        c = gaz.country(self.doc[obj.left_edge.i : obj.i + 1].text)
                        if c and c not in guests:
                            found.add(c)
        return found.pop() if len(found) == 1 else None

    def _welcomed_to(self, verb: Any, p: Person) -> str | None:
        """The country the person welcomes another participant to ("welcoming X to Canada"), through "looked
        forward to welcoming" as well."""
        gaz = gazetteer()
        for t in verb.subtree:
            if t.lemma_.lower() != "welcome" or t.pos_ != "VERB":
                continue
            guests = [q for c in t.children if c.dep_ == "dobj" for q in (self.refer(c) or []) if q is not p]
            for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    country = gaz.country(self.doc[obj.left_edge.i : obj.i + 1].text)
                    if guests and country and all(country != q.affiliation for q in guests):
                        return country
        return None

    def _paired_countries(self, used: set[str]) -> tuple[set[str], set[int]]:
        """Countries joined to a known side in a hyphenated pair ("Russian-French ties", "Japan-U.S.-ROK
        summit") or by "and"; with the tokens where an "and" pair stands (no partner marker counts there)."""
        gaz = gazetteer()
        out: set[str] = set()
        positions: set[int] = set()
        for m in _PAIR.finditer(self.an.text):
            parts = [gaz.country(x) for x in re.split(r"[-–]", m.group(0))]
            if all(parts) and len(set(parts)) == len(parts) and used & set(parts):
                out.update(c for c in parts if c and c not in used)
        # "ties between Ghana and Togo", "Togo and Benin share a port": two countries
        # joined by "and", one of them a known side
        for ent in self.an.ents:
            if ent.label_ != "GPE" or ent.root.dep_ != "conj":
                continue
            first = ent.root.head
            if first.ent_type_ != "GPE" or not any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children):
                continue
            pair = [gaz.country(self.doc[first.left_edge.i : first.i + 1].text), gaz.country(ent.text)]
            places = [
                k for k in first.conjuncts if k.ent_type_ in {"GPE", "NORP"}
            ]  # "Egypt and Jordan and the bonds …"
            if all(pair) and pair[0] != pair[1] and used & set(pair) and len(places) == 1:
                out.update(c for c in pair if c and c not in used)
                positions.update({ent.start, first.left_edge.i})
        return out, positions

    def _issuing_seat(self) -> str | None:
        """The country of the one seat of government the text names ("Downing Street", "the Kremlin")."""
        gaz = gazetteer()
        if gaz.seat_pattern is None:
            return None
        found = {gaz.seat(m.group(0)) for m in gaz.seat_pattern.finditer(self.an.text[: self.doc[-1].idx + 1])}
        found.discard(None)
        return found.pop() if len(found) == 1 else None
