"""People: who took part, who was merely mentioned, their titles and affiliations.

The small statistical model misses names it has never seen ("Nduhungirehe" comes out as an
organisation) and glues titles onto names ("Spokesperson Tammy Bruce"). So names are found by
rules over the parsed tokens, in this order of trust:

1. a title of office in front of a name ("Foreign Minister Ana Ruiz", "President Tomas Varga of the
   Republic of Hungary", "Minister of Trade of the Kingdom of Morocco Karim Alaoui"), with a
   demonym, a possessive country or "of <country>" as affiliation;
2. an apposition after a name ("Olivier Nduhungirehe, Rwanda's foreign minister,");
3. PERSON entities of the model;
4. a capitalised word that is the subject of a verb of speech or meeting ("Nduhungirehe welcomed").

Mentions are grouped by surname; the fullest written form is the name (never a first name the text
lacks). Participants are the people in the sentence that frames the meeting ("X met with Y", "X had a
conversation with Y"); with no such sentence, the people who speak or act in the text. Affiliations
that the text only implies are filled by elimination over the countries the text names.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..components.document import Analysis
from ..components.names import (
    _POSSESSIVE,
    extend_title,
    grab_name,
    is_name_word,
    match_place,
    match_title,
    name_sets,
    name_text,
    place_name_ends,
    prefix_affiliation,
    title_entry,
)
from ..lexicon.data import cues, titles, word_set
from ..lexicon.gazetteer import fold, gazetteer, is_news_agency
from ..text.dateline import dateline

_GROUP_WORDS = {
    "they", "both", "sides", "leaders", "ministers", "officials", "parties", "delegations", "two", "counterparts",
    "presidents", "secretaries", "we", "heads", "vice", "them", "three", "four", "five",
}  # fmt: skip
_PRONOUNS = {"he", "she", "him", "her", "his"}
#: Names joined by hyphens or dashes: "Russian-French", "India–Brazil", "Japan-U.S.-ROK".
_PAIR = re.compile(r"\b[A-Z][\w.’']*(?:[-–][A-Z][\w.’']*)+")
#: A call is a meeting with no place ("held a phone call with", "a video conference", "spoke by telephone").
_CALL_NOUNS = {"call", "phone", "telephone", "conversation", "videoconference", "teleconference"}
_CALL_WORDS = re.compile(
    r"\b(?:phone|telephone|video|videoconference|teleconference|virtual meeting|call with|calls with|spoke by)\b"
)
#: Roles in the frame sentence that make a bare surname a side of the meeting.
_SIDE_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}
#: "The two countries will …", "both governments agreed …": the participants' sides as a group.
_PARTY_NOUNS = {"countries", "nations", "governments", "states", "delegations", "teams"}
_GROUP_COUNTS = {"two", "three", "four", "five", "both", "all"}


@dataclass
class Mention:
    start: int  # first token of the name (or of the title when no name)
    end: int  # one past the last name token
    name: str | None
    title: str | None = None
    affiliation: str | None = None
    kind: str = "titled"  # titled | appos | ent | bare | office | group | alias
    outer_start: int | None = None  # first token including title and demonym
    outer_end: int | None = None
    alias_of: Mention | None = None  # "Joko Widodo (Jokowi)": the name this short form belongs to


@dataclass
class Person:
    """A cluster of mentions of one person (or one office when no name is given)."""

    mentions: list[Mention] = field(default_factory=list)
    participant: bool = False
    affiliation_implied: bool = False
    reporter: bool = False
    confidence: float = 0.9

    @property
    def name(self) -> str | None:
        names = [m.name for m in self.mentions if m.name and m.kind != "alias"]
        if not names:
            return None
        return max(names, key=lambda n: (len(n.replace(",", " ").split()), len(n)))

    @property
    def surname(self) -> str | None:
        name = self.name
        if not name:
            return None
        words = [w for w in re.split(r"[\s,]+", name) if w and w.rstrip(".").lower() not in {"jr", "sr", "ii", "iii"}]
        return words[-1] if words else None

    @property
    def title(self) -> str | None:
        """The person's own title: the longest written with the name, else one an office mention gave."""
        found = [m.title for m in self.mentions if m.title and m.name] or [m.title for m in self.mentions if m.title]
        if not found:
            return None
        capital = [t for t in found if t[:1].isupper()]
        best = max(capital or found, key=len)
        # "PM Modi", "Deputy PM Zhang": the office written out
        return _abbreviation(best) or " ".join(_abbreviation(w) or w for w in best.split())

    @property
    def affiliation(self) -> str | None:
        for m in self.mentions:
            if m.affiliation:
                return m.affiliation
        return None

    @property
    def first_token(self) -> int:
        return min(m.start for m in self.mentions)

    def label(self) -> str:
        """How an actor or speaker is written: the name, or the office."""
        return self.name or self.title or "unnamed participant"


@cache
def _group_modifiers() -> frozenset[str]:
    """Words that may stand before a plural office ("foreign ministers", "defence ministers")."""
    t = titles()
    words = [*t.get("title_extension_words", []), *t.get("title_modifiers", [])]
    return frozenset(w.lower() for w in words if w[:1].isupper())


#: A country that ends a place phrase ("in Qingdao, east China"): where the meeting was, not whose side.
_PLACE_TAIL = re.compile(r"\bin [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?,\s*(?:[a-z]+)?\s*$")

#: Auxiliaries that put a meeting verb in the future or the hypothetical.
#: A government body cited as a story's source: "Seoul's foreign ministry said", "according to the Kenyan
#: presidency", "the Japanese government announced".
_CITED_BODY = re.compile(
    r"(?:(?:according to|said|stated|cited) (?:the )?|^|[.!?]\s+|\s)"
    r"(?P<who>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}?)(?:'s|’s)? "
    r"(?:foreign|external affairs|defen[cs]e|presidential|prime minister's|foreign affairs)? ?"
    r"(?:ministry|presidency|government|office)\b(?= (?:said|says|stated|announced|reported|added|noted)| statement)",
)
_NOT_HAPPENED_AUX = {"will", "would", "shall", "'ll", "’ll", "to", "could", "may", "might", "should"}


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


def _other_given_name(words: list[str], p: Person) -> bool:
    """Two full names of one family: the same surname, a different first name (and not an initial)."""
    for m in p.mentions:
        if not m.name or m.kind == "alias":
            continue
        other = [w.lower() for w in re.split(r"[\s,]+", m.name) if w]
        if len(other) > 1 and other[0] != words[0] and len(other[0].rstrip(".")) > 1 and len(words[0].rstrip(".")) > 1:
            return True
    return False


def _variant(a: str, b: str) -> bool:
    """Two spellings of one surname ("Zelensky"/"Zelenskyy", "Erdogan"/"Erdoğan"): equal once folded, or
    one letter apart in a long name."""
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 6 or abs(len(fa) - len(fb)) > 1:
        return False
    if len(fa) == len(fb):
        return sum(x != y for x, y in zip(fa, fb, strict=True)) == 1
    short, long_ = sorted((fa, fb), key=len)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


@cache
def _abbreviations() -> dict[str, str]:
    return {str(k): str(v) for k, v in (titles().get("title_abbreviations") or {}).items()}


def _abbreviation(word: str) -> str | None:
    """ "PM" → Prime Minister, "FM" → Foreign Minister: abbreviations texts use for an office."""
    return _abbreviations().get(word.rstrip("."))


def low_office(tok: Any) -> bool:
    """A bare office noun as the head of a phrase ("the president", "the minister")."""
    return tok.lower_ in name_sets()["office_nouns"] and tok.tag_ in {"NN", "NNP"}


@cache
def _not_own_country() -> re.Pattern[str]:
    """Words before a country that make it a partner, a host or a subject, not the person's own side."""
    words = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in cues()["partner_markers"])
    return re.compile(rf"\b(?:{words})\b")


def _a_subject_discussed(tok: Any) -> bool:
    """A place inside a phrase about a matter ("the Palestinian issue", "the situation in Somalia", "North
    Korea's nuclear programme"): what was discussed, which says nothing of anyone's side."""
    heads = word_set("cues", "matter_nouns")
    cur = tok
    for _ in range(5):  # "the situation in Sudan, South Sudan and Somalia": through the list to its head
        if cur.head is cur:
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


class People:
    """All people in a text, with the lookups quotes and commitments need to name their actors."""

    def __init__(self, an: Analysis) -> None:
        self.an = an
        self.doc = an.doc
        self.persons: list[Person] = []
        self._owner: dict[int, Person] = {}
        self._refs: list[tuple[int, Person]] = []
        self.frame_sentence: Any = None
        line = dateline(an.text)  # the agency a dateline names is never a person ("ERBIL (Outlet 24) –")
        self._dateline_agency = fold(line.agency) if line is not None and line.agency else None
        self._find()

    # ------------------------------------------------------------------ finding mentions
    def _find(self) -> None:
        doc = self.doc
        mentions: list[Mention] = []
        taken: set[int] = set()

        def add(m: Mention) -> None:
            mentions.append(m)
            taken.update(range(m.outer_start if m.outer_start is not None else m.start, m.outer_end or m.end))

        for sent in self.an.sents:
            i, limit = sent.start, sent.end
            while i < limit:
                group = self._plural_titled_at(i, limit) if i not in taken else []
                for m in group:
                    add(m)
                if group:
                    i = max(m.outer_end or m.end for m in group)
                    continue
                m = self._titled_at(i, limit) if i not in taken else None
                if m:
                    add(m)
                    i = max(m.outer_end or m.end, i + 1)
                else:
                    i += 1
        for m in self._before_title_appositions(taken):
            add(m)
        for ent in self.an.ents:
            if ent.label_ != "PERSON" or any(k in taken for k in range(ent.start, ent.end)):
                continue
            if ent.start > 0 and doc[ent.start - 1].lower_ in {"the", "at"}:
                continue  # "the Kremlin", "at Singha Durbar": an untitled name after these is a place
            k = ent.start
            while k < ent.end and (
                match_title(doc, k, ent.end) or doc[k].lower_.rstrip(".") in name_sets()["honorifics"]
            ):
                k += max(1, match_title(doc, k, ent.end))
            s, e = grab_name(doc, k, ent.end)
            if e > s:
                add(Mention(s, e, name_text(doc, s, e), kind="ent"))
        for tok in doc:
            if tok.i in taken or tok.dep_ not in {"nsubj", "nsubjpass", "conj"}:
                continue
            head = tok.head
            while head.dep_ == "conj" and head.head is not head:
                head = head.head
            verb = head.head if tok.dep_ == "conj" else head
            if (
                verb.lemma_ not in name_sets()["participant_verbs"]
                or not is_name_word(tok)
                or tok.ent_type_ in {"GPE", "NORP", "DATE"}
            ):
                continue
            s = tok.i
            while s > 0 and (s - 1) not in taken and is_name_word(doc[s - 1]) and doc[s - 1].head.i == tok.i:
                s -= 1
            add(Mention(s, tok.i + 1, name_text(doc, s, tok.i + 1), kind="bare"))
        for m in mentions:
            if m.name and (m.title is None or m.affiliation is None):
                self._apposition(m)
        mentions += self._aliases(mentions, taken)
        mentions = [m for m in mentions if not self._not_a_person(m)]
        mentions.sort(key=lambda m: m.start)
        self._cluster(mentions)
        self._echoes(taken)

    def _aliases(self, mentions: list[Mention], taken: set[int]) -> list[Mention]:
        """ "Joko Widodo (Jokowi)", "Mohammed bin Salman (MBS)": a short form in brackets after a name."""
        doc = self.doc
        out = []
        for m in mentions:
            k = m.end
            if not m.name or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
                continue
            word = doc[k + 1]
            if word.text[:1].isupper() and word.is_alpha and not gazetteer().affiliation(word.text):
                out.append(Mention(k + 1, k + 2, word.text, kind="alias", alias_of=m))
                taken.add(k + 1)
        return out

    def _not_a_person(self, m: Mention) -> bool:
        """A news agency, a building or a place written like a name ("Kazinform", "Akinola Aguda House")."""
        if not m.name:
            return False
        doc = self.doc
        if is_news_agency(m.name) or fold(m.name) == self._dateline_agency:
            return True
        if m.end < len(doc) and doc[m.end].lower_ == "of" and is_news_agency(m.name, start_of_name=True):
            return True  # "Press Trust of India": the start of an agency's name
        ends = place_name_ends()
        last = m.name.split()[-1]
        if last in ends or (m.end < len(doc) and doc[m.end].text in ends):
            return True
        # "received him at Singha Durbar, Kathmandu": an untitled name after "at" and before a city is a venue
        after_at = m.title is None and m.start > 0 and doc[m.start - 1].lower_ == "at"
        return (
            after_at and m.end + 1 < len(doc) and doc[m.end].text == "," and bool(gazetteer().city(doc[m.end + 1].text))
        )

    def _plural_titled_at(self, i: int, limit: int) -> list[Mention]:
        """ "Foreign Ministers A of X and B of Y", "Presidents A and B": each name holds the singular title."""
        doc = self.doc
        k = i
        while k < limit and k - i < 5 and doc[k].text[:1].isupper() and not doc[k].lower_.endswith("s"):
            k += 1
        if k >= limit or not doc[k].lower_.endswith("s") or not doc[k].text[:1].isupper():
            return []
        singular = doc[k].text[:-1]
        words = [t.text for t in doc[i:k]] + [singular]
        if not title_entry(" ".join(words)) and not title_entry(singular):
            return []
        title = " ".join(words) if title_entry(" ".join(words)) else singular
        aff, outer = prefix_affiliation(doc, i)
        out: list[Mention] = []
        j = k + 1
        while j < limit:
            s, e = grab_name(doc, j, limit)
            if e <= s:
                break
            end = e
            own = None
            if e < limit and doc[e].lower_ == "of":
                own, end = match_place(doc, e + 1, limit)
                end = end if own else e
            out.append(Mention(s, e, name_text(doc, s, e), title, own or aff, "titled", outer if not out else s, end))
            if end < limit and doc[end].text == "," and end + 1 < limit and doc[end + 1].lower_ == "and":
                end += 1
            if end < limit and doc[end].lower_ in {"and", ","}:
                j = end + 1
                continue
            break
        return out if len(out) >= 2 else []

    def _before_title_appositions(self, taken: set[int]) -> list[Mention]:
        """ "H.E. Mr. Abiy Tessema, Prime Minister of …": capitalised words before a comma and a title."""
        doc = self.doc
        out: list[Mention] = []
        for tok in doc:
            k = tok.i
            if tok.text != "," or k < 1 or k + 1 >= len(doc) or (k - 1) in taken:
                continue
            t = k + 2 if doc[k + 1].lower_ in {"the", "a"} else k + 1
            if not match_title(doc, t) or not doc[t].text[:1].isupper():
                continue
            s = k
            particles = name_sets()["particles"]
            while (
                s > 0
                and (s - 1) not in taken
                and k - s < 7
                and (
                    is_name_word(doc[s - 1])
                    or (doc[s - 1].lower_ in particles and s - 2 >= 0 and is_name_word(doc[s - 2]))
                )
            ):
                s -= 1  # "Khalid bin Saif Al Mansoori, Deputy Prime Minister": particles inside the name
            if s == k or (s > 0 and doc[s - 1].lower_ in {"the", "of", "a"}):
                continue
            start, end = grab_name(doc, s, k)
            if end == k and end - start >= 2:
                out.append(Mention(start, end, name_text(doc, start, end), kind="appos"))
        return out

    def _titled_at(self, i: int, limit: int) -> Mention | None:
        doc = self.doc
        n = match_title(doc, i, limit)
        if not n:
            return None
        aff, outer_start = prefix_affiliation(doc, i)
        if aff is None and i > 1 and doc[i - 1].lower_ == "and":
            # "Kenyan Prime Cabinet Secretary and Foreign Minister Grace Wanjiru": the demonym serves both offices
            k = i - 2
            while k > max(0, i - 8) and doc[k].text[:1].isupper() and not gazetteer().affiliation(doc[k].text):
                k -= 1
            found, _ = prefix_affiliation(doc, k + 1) if k + 1 < i - 1 else (None, i)
            if found and any(match_title(doc, j, i - 1) for j in range(k + 1, i - 1)):
                aff = found
        if not doc[i].text[:1].isupper() and not (aff and outer_start < i):
            return None  # a lower-case title counts only after a demonym ("his Greek counterpart X")
        j = extend_title(doc, i + n, limit)
        title = doc[i:j].text
        if j < limit and doc[j].lower_ == "of":
            place, k = match_place(doc, j + 1, limit)
            if place:
                aff = aff or place
                j = k
                if j < limit and doc[j].text == "(":
                    while j < limit and doc[j].text != ")":
                        j += 1
                    j += 1
        k = j + 1 if j < limit and doc[j].text == "," else j
        s, e = grab_name(doc, k, limit)
        if e > s:
            end = e
            if e < limit and doc[e].lower_ == "of":
                place, k2 = match_place(doc, e + 1, limit)
                if place:
                    aff = aff or place
                    end = k2
            return Mention(s, e, name_text(doc, s, e), title, aff, "titled", outer_start, end)
        det = doc[i - 1].lower_ if i > 0 else ""
        if j < limit and doc[j].text[:1].isupper() and doc[j].is_alpha:
            return None  # part of a longer proper name ("the UN General Assembly")
        if det in {"the", "a"} or (outer_start < i and doc[outer_start].lower_ == "the") or aff:
            if title.lower() in name_sets()["reporter_titles"]:
                return None
            return Mention(i, j, None, title, aff, "office", outer_start, j)
        return None

    def _apposition(self, m: Mention) -> None:
        """ "X, Rwanda's foreign minister," / "X, President of Y," / "X, the Minister of Z of Y";
        also "X of Angola" and "Japan's X", the ties a name carries without a title."""
        doc = self.doc
        if m.affiliation is None and m.end + 1 < len(doc) and doc[m.end].lower_ == "of":
            place, _ = match_place(doc, m.end + 1)
            if place:
                m.affiliation = place
        if m.affiliation is None and m.start > 1 and doc[m.start - 1].text in _POSSESSIVE:
            place, _ = prefix_affiliation(doc, m.start)
            if place:
                m.affiliation = place
        k = m.end
        if k >= len(doc) or doc[k].text != ",":
            return
        k += 1
        limit = min(len(doc), k + 14)
        if k < limit and doc[k].lower_ in {"the", "a"}:
            k += 1
        aff = None
        place, k2 = match_place(doc, k, limit)
        if place:
            aff = place
            k = k2 + 1 if k2 < limit and doc[k2].text in _POSSESSIVE else k2
        n = match_title(doc, k, limit)
        if not n:
            return
        j = extend_title(doc, k + n, limit)
        if j + 1 < limit and doc[j].lower_ == "and":  # "X, Deputy Prime Minister and Minister of Foreign Affairs,"
            n2 = match_title(doc, j + 1, limit)
            if n2 and doc[j + 1].text[:1].isupper():
                j = extend_title(doc, j + 1 + n2, limit)
        title = doc[k:j].text
        if j < limit and doc[j].lower_ == "of":
            place, _ = match_place(doc, j + 1, limit)
            aff = aff or place
        m.title = m.title or title
        m.affiliation = m.affiliation or aff
        m.kind = "appos" if m.kind != "titled" else m.kind

    # ------------------------------------------------------------------ clustering
    def _cluster(self, mentions: list[Mention]) -> None:
        offices: list[Mention] = []
        for m in mentions:
            if m.alias_of is not None:  # the short form joins its name's person, before later mentions use it
                owner = next((p for p in self.persons if any(x is m.alias_of for x in p.mentions)), None)
                if owner is not None:
                    owner.mentions.append(m)
                continue
            if not m.name:
                offices.append(m)
                continue
            words = [w.lower() for w in re.split(r"[\s,]+", m.name) if w and w.rstrip(".").lower() not in {"jr", "sr"}]
            target = None
            for p in self.persons:
                pwords = {w.lower() for mm in p.mentions if mm.name for w in re.split(r"[\s,\-]+", mm.name)}
                psur = (p.surname or "").lower()
                if len(words) > 1 and _other_given_name(words, p):
                    continue  # "Tamim bin Hamad Al Thani" is not "Mohammad bin Abdulrahman Al Thani"
                if (
                    (len(words) == 1 and (words[0] in pwords or _variant(words[0], psur)))
                    or (words and (words[-1] == psur or _variant(words[-1], psur)))
                    or (psur and psur in words and len(words) > 1 and len(pwords) == 1)
                ):
                    target = p
                    break
            if target is None:
                target = Person()
                self.persons.append(target)
            target.mentions.append(m)
        for m in offices:
            owner = self._person_by_office(m.title or "", m.affiliation)
            if owner is None:
                owner = Person(confidence=0.75)
                self.persons.append(owner)
            owner.mentions.append(m)
        for p in self.persons:
            for m in p.mentions:
                for k in range(m.outer_start if m.outer_start is not None else m.start, m.outer_end or m.end):
                    self._owner[k] = p
                self._refs.append((m.start, p))
        self._refs.sort(key=lambda r: r[0])

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

    def _echoes(self, taken: set[int]) -> None:
        """Later bare uses of a known surname ("Lavrov said") refer to that person."""
        by_word: dict[str, Person] = {}
        for p in self.persons:
            for m in p.mentions:
                if m.kind == "alias" and m.name:
                    by_word.setdefault(m.name, p)
            if p.surname:
                by_word.setdefault(p.surname, p)
                for part in p.surname.split("-"):
                    if len(part) > 2 and part[:1].isupper():
                        by_word.setdefault(part, p)
        for tok in self.doc:
            if tok.i in self._owner:
                continue
            p = by_word.get(tok.text)
            if p is not None:
                self._owner[tok.i] = p
                bisect.insort(self._refs, (tok.i, p), key=lambda r: r[0])

    # ------------------------------------------------------------------ roles
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
        self._fill_to_group_count(chosen)
        if chosen:
            chosen.extend(p for p in self._said_present() if p not in chosen)
        for p in chosen:
            p.participant = True
            if frame is None:
                p.confidence = min(p.confidence, 0.75)
        self._group_offices()
        self._fill_group_titles()
        self._fill_counterpart_titles()
        self._fill_affiliations()
        self._resolve_offices()  # offices whose holder only the elimination's sides reveal

    def _said_present(self) -> list[Person]:
        """Named people the text says were there: "X, who was present, …", "Also present were X and Y",
        "accompanied by X". Phrases from cues.yaml; a person only spoken of is not made present."""
        after = tuple(word_set("cues", "presence_after_name"))
        before = tuple(word_set("cues", "presence_before_names"))
        found: list[Person] = []
        for p in self.persons:
            if not p.name or p.reporter or p.participant:
                continue
            for m in p.mentions:
                end = max(m.end, m.start + 1)
                tail = self.doc[end : min(len(self.doc), end + 8)].text.lower().lstrip(" ,")
                said = tail.startswith(after) or self._listed_after(m.start, before)
                if said and not self._excluded_context(m):
                    found.append(p)
                    break
        return found

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

    def _fill_to_group_count(self, chosen: list[Person]) -> None:
        """ "Three regional leaders met …", "the four Presidents": when the text counts the group and the
        frame named fewer, the next titled people the opening names join it, in order of mention."""
        count = self._stated_group_count()
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

    def _stated_group_count(self) -> int:
        """The size of the meeting's group as the opening states it ("three top regional leaders"), or 0."""
        counts = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
        for sent in self.an.sents[:2]:
            for tok in sent:
                if tok.lower_ not in counts or tok.head.tag_ not in {"NNS", "NNPS"}:
                    continue
                head = tok.head
                if head.lower_.rstrip("s") in name_sets()["office_nouns"] or head.lower_ in {"leaders", "ministers"}:
                    return counts[tok.lower_]
        return 0

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

    def _group_offices(self) -> None:
        """ "the foreign ministers of Argentina and Chile", "the Japanese, Chinese and South Korean foreign
        ministers": one participant per side, named by office, where no named participant holds it."""
        doc = self.doc
        sents = [self.frame_sentence] if self.frame_sentence is not None else []
        sents += [s for s in self.an.sents[:3] if s is not self.frame_sentence]
        for sent in sents:
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
                sides = (
                    self._countries_listed(tok.i + 2, sent.end)
                    if tok.i + 1 < sent.end and (doc[tok.i + 1].lower_ == "of")
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

    def _countries_listed(self, i: int, limit: int) -> list[str]:
        """Countries in a list starting at token i: "Argentina and Chile", "Japan, China and South Korea"."""
        out: list[str] = []
        while i < limit:
            place, end = match_place(self.doc, i, limit)
            country = gazetteer().country(place) if place else None
            if not country:
                break
            out.append(country)
            i = end
            if i < limit and self.doc[i].text == ",":
                i += 1
            if i < limit and self.doc[i].lower_ == "and":
                i += 1
        return out

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

    def _frame_sentence(self) -> Any:
        """The first sentence (of eight) where a meeting verb of cues.yaml frames people meeting."""
        s = name_sets()
        frames = cues().get("frame_verbs", {})
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
                objs = [c for c in tok.children if c.dep_ in {"dobj", "attr"}]
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
            for tok in sent:  # "In a telephone call with President Ruto, the Secretary discussed …"
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in _CALL_NOUNS | s["meeting_nouns"]:
                    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"):
                        if any(g.i in self._owner for g in prep.subtree if g.i != prep.i):
                            return sent
        return None

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

    def _visit_destination(self) -> str | None:
        """The country a participant's visit goes to ("Lind's state visit to Estonia" → Estonia), when one."""
        gaz = gazetteer()
        nouns = word_set("cues", "own_visit_nouns") - {"delegation"}
        found: set[str] = set()
        for p in self.participants:
            for m in p.mentions:
                owned = self._possessed_noun(m)
                if owned is None or owned.lemma_ not in nouns:
                    continue
                for prep in (c for c in owned.children if c.dep_ == "prep" and c.lower_ in {"to", "in"}):
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        country = gaz.country(self.doc[obj.left_edge.i : obj.i + 1].text)
                        if country and country != p.affiliation:
                            found.add(country)
        return found.pop() if len(found) == 1 else None

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
            if (p.title or "").lower() not in {"counterpart", "counterparts"}:
                continue
            others = {q.title for q in self.participants if q is not p and q.title}
            others = {t for t in others if t.lower() not in {"counterpart", "counterparts"}}
            if len(others) == 1:
                office = others.pop()
                # "his Pakistani counterpart" of an External Affairs Minister is a foreign minister: one
                # country's name for an office becomes the common one
                office = str((titles().get("counterpart_offices") or {}).get(office, office))
                for m in p.mentions:
                    if m.title and m.title.lower() in {"counterpart", "counterparts"}:
                        m.title = office

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
                default = title_entry(p.title).get("affiliation")
                if default:
                    p.mentions[0].affiliation = default
                    p.affiliation_implied = True
        for p in self.participants:
            if p.affiliation is None:
                stated = self._stated_country(p)
                if stated:
                    p.mentions[0].affiliation = stated
                    p.affiliation_implied = True
        host = self._visit_destination()
        untied = [p for p in self.participants if p.affiliation is None and p.name]
        if host and len(untied) == 1 and host not in {p.affiliation for p in self.participants}:
            untied[0].mentions[0].affiliation = host  # "X's state visit to Estonia": the one host untied is Estonia's
            untied[0].affiliation_implied = True
        self._fill_from_seat()
        self._resolve_offices()  # "the Ukrainian president" ties a side before any elimination
        missing = [p for p in self.participants if p.affiliation is None and p.name]
        if not missing:
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
        paired = self._paired_countries(used)
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
                    before = self.doc[max(sent.start, start - 3) : start].text.lower()
                    wider = self.doc[max(sent.start, start - 6) : start].text
                    near.add(c)
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
        for i, owner in self._owner.items():
            tok = self.doc[i]
            if (
                owner is not p
                or tok.dep_ not in {"nsubj", "nsubjpass"}
                or tok.head.lemma_ not in word_set("cues", "stating_verbs")
            ):
                continue
            for clause in tok.head.children:
                if clause.dep_ != "ccomp" or not any(
                    c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"} for c in clause.children
                ):
                    continue  # "said that Japan will host": a pledge for one's own side; "said Russia ignores": not
                for subj in clause.children:
                    if subj.dep_ in {"nsubj", "nsubjpass"}:
                        c = gaz.country(self.doc[subj.left_edge.i : subj.i + 1].text)
                        if c:
                            found.add(c)
        return found.pop() if len(found) == 1 else None

    def _paired_countries(self, used: set[str]) -> set[str]:
        """Countries joined to a known side in a hyphenated pair: "Russian-French ties", "Japan-U.S.-ROK summit"."""
        gaz = gazetteer()
        out: set[str] = set()
        for m in _PAIR.finditer(self.an.text):
            parts = [gaz.country(x) for x in re.split(r"[-–]", m.group(0))]
            if all(parts) and len(set(parts)) == len(parts) and used & set(parts):
                out.update(c for c in parts if c and c not in used)
        return out

    def _issuing_seat(self) -> str | None:
        """The country of the one seat of government the text names ("Downing Street", "the Kremlin")."""
        gaz = gazetteer()
        if gaz.seat_pattern is None:
            return None
        found = {gaz.seat(m.group(0)) for m in gaz.seat_pattern.finditer(self.an.text[: self.doc[-1].idx + 1])}
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    # ------------------------------------------------------------------ lookups
    @property
    def participants(self) -> list[Person]:
        return [p for p in self.persons if p.participant]

    @property
    def mentioned(self) -> list[Person]:
        return [p for p in self.persons if not p.participant and p.name]

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
        if low in _GROUP_WORDS or (tok.tag_ in {"NNS", "NNPS"} and low in name_sets()["office_nouns"]):
            return self.participants or None
        if low in _PARTY_NOUNS and any(c.lower_ in _GROUP_COUNTS for c in tok.children):
            return self.participants or None  # "the two countries", "both governments"
        if low == "counterpart":
            found = self._counterpart_of(tok)
            return [found] if found else None
        addresses = titles().get("honorific_addresses") or {}
        if low in addresses:  # "His Majesty", "His Highness": the one royal participant
            held = {str(t).lower() for t in addresses[low]}
            royals = [p for p in self.participants if (p.title or "").lower() in held]
            return royals if len(royals) == 1 else None
        found = self._by_office_phrase(tok)
        return [found] if found else None

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

    def salient_before(self, token_index: int) -> Person | None:
        """The referent of "he" or "she": the last person who was a subject before it (in this sentence
        or the two before), else the last person named."""
        sent_start = self.doc[token_index].sent.start
        window = self.an.sents[max(0, self.an.sentence_index(self.doc[sent_start].idx) - 2)].start
        k = bisect.bisect_left(self._refs, token_index, key=lambda r: r[0])
        for idx in range(k - 1, -1, -1):
            i, p = self._refs[idx]
            if i < window:
                break
            if p.reporter:
                continue
            if self.doc[i].dep_ in {"nsubj", "nsubjpass"} or self._subject_head(i):
                return p
        return self.last_before(token_index)

    def _subject_head(self, i: int) -> bool:
        """Token i is inside a subject noun phrase ("President Ruto" with "Ruto" as nsubj), or opens its
        sentence (the small parser mislabels an unknown sentence-initial name, but it is the subject)."""
        tok = self.doc[i]
        if i - tok.sent.start <= 3 and tok.head.pos_ in {"VERB", "AUX"} and tok.i < tok.head.i:
            return True
        while tok.dep_ in {"compound", "flat", "appos", "amod"} and tok.head is not tok:
            tok = tok.head
        return tok.dep_ in {"nsubj", "nsubjpass"}
