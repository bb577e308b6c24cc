"""Mentions: finding the people a text names, and grouping the mentions into clusters.

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
lacks).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ...components.names import (
    _POSSESSIVE,
    capitalised_family_name,
    extend_title,
    given_name_titles,
    grab_name,
    is_name_word,
    lower_title,
    match_place,
    match_title,
    name_sets,
    name_text,
    place_name_ends,
    prefix_affiliation,
    title_entry,
)
from ...lexicon.data import load, titles, word_set
from ...lexicon.gazetteer import fold, gazetteer, is_news_agency
from .clusters import Clusters, Mention, Person, _other_given_name, _variant


@cache
def _outlet_ends() -> frozenset[str]:
    return frozenset(load("names").get("outlet_name_ends", []))


def _without_surname_article(surname: str) -> str:
    """ "al-haddad" → "haddad": a hyphened article before a surname ("Al-", "El-") is often dropped in short
    mentions ("Haddad said …"); both spellings are one person."""
    head, _, rest = surname.partition("-")
    return rest if rest and head in word_set("names", "surname_articles") else surname


class MentionFinder(Clusters):
    """Finds the mentions of people in a text and groups them into clusters."""

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
                    self.listed_groups.append(group)
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
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            verb = head.head if tok.dep_ == "conj" else head
            if (
                verb.lemma_ not in name_sets()["participant_verbs"]
                or not is_name_word(tok)
                or tok.ent_type_ in {"GPE", "NORP", "DATE"}
            ):
                continue
            if tok.dep_ == "nsubjpass" and verb.lemma_ in word_set("cues", "talked_about_verbs"):
                continue  # "The AU Reform was also discussed": a matter, not a person
            if any(c.dep_ == "compound" and c.text.isupper() and len(c.text) > 1 for c in tok.children):
                continue  # "AU Reform", "EU Council": a body's acronym names a thing
            if any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.text[:1].isupper() for g in c.children)
                for c in tok.children
            ):
                continue  # "Directorate of Foreign Relations said": a body named with its remit, not a person
            s = tok.i
            while s > 0 and (s - 1) not in taken and is_name_word(doc[s - 1]) and doc[s - 1].head.i == tok.i:
                s -= 1
            particles = name_sets()["particles"]
            if s > 2 and doc[s - 1].text in {"-", "‑"} and doc[s - 2].lower_ in particles and is_name_word(doc[s - 3]):
                s -= 3  # "Omar Al-Hakim, Oman's oil minister, met …": the name before the particle
                while s > 0 and (s - 1) not in taken and is_name_word(doc[s - 1]) and not doc[s - 1].ent_type_:
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
        words = m.name.split()
        last = words[-1]
        if last in ends or (m.end < len(doc) and doc[m.end].text in ends):
            return True
        if words[0] in word_set("names", "place_name_starts"):
            return True  # "Palacio de San Carlos": a venue in the language of its country
        if len(words) > 1 and all(w.isupper() and len(w) <= 5 for w in words):
            return True  # "FMM MLC": acronyms, never a person's name written out (one alone may be a source: "NTB")
        if m.title is None and last in _outlet_ends():
            return True  # "Ammon News", "Daily Times": an outlet, not a person
        if last in word_set("names", "body_name_ends"):
            return True  # "the Multi-Donor Fund", "the Central Committee": a body
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
                    or capitalised_family_name(doc, s - 1, k)  # "Ms. KAMIKAWA Yoko, Minister …"
                    or (doc[s - 1].lower_ in particles and s - 2 >= 0 and is_name_word(doc[s - 2]))
                    # "Omar Al-Hakim, Oman's oil minister": a hyphen joining a particle to the name
                    or (doc[s - 1].text in {"-", "‑"} and s - 2 >= 0 and doc[s - 2].lower_ in particles)
                )
            ):
                s -= 1  # "Khalid bin Saif Al Mansoori, Deputy Prime Minister": particles inside the name
            if s == k or (s > 0 and doc[s - 1].lower_ in {"the", "of", "a"}):
                continue
            start, end = grab_name(doc, s, k)
            post_nominals = word_set("titles", "post_nominals")
            if end - start >= 2 and all(t.text.rstrip(".") in post_nominals for t in doc[end:k]):
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
                    # "the African Union (AU) Commission, X": the body's name goes on after its acronym
                    t = j
                    while t < limit and t - j < 3 and doc[t].text[:1].isupper() and doc[t].is_alpha:
                        t += 1
                    if t > j and t < limit and doc[t].text == ",":
                        j = t
        listed = self._portfolio_list(
            j, limit
        )  # "Minister of Foreign Affairs, Regional Cooperation and Nationals Abroad,"
        if listed != j:
            title, j = doc[i:listed].text, listed
        k = j + 1 if j < limit and doc[j].text == "," and not self._object_before_subject(j) else j
        s, e = grab_name(doc, k, limit)
        if e == s and k + 1 < limit and doc[k].text in given_name_titles() and is_name_word(doc[k + 1]):
            s, e = k, grab_name(doc, k + 1, limit)[1]  # "… of Chad Amir Saleh Daoud": a name, not a title
        elif e == s and k > j and (n2 := match_title(doc, k, limit)):
            # "Minister of Foreign Affairs, Ambassador Yusuf Tuggar": a rank worn as a style before the name
            s, e = grab_name(doc, k + n2, limit)
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
        # "Prime Minister invited …": a readout's bare title opening a sentence before its verb is an office too
        opens = doc[i].is_sent_start and j < limit and doc[j].pos_ in {"VERB", "AUX"}
        if det in {"the", "a"} or (outer_start < i and doc[outer_start].lower_ == "the") or aff or opens:
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
        while k < len(doc) and doc[k].text.rstrip(".") in word_set("titles", "post_nominals"):
            k += 1  # "Ana Lind MP, Minister for Foreign Affairs of Sweden"
            m.end = k  # the letters belong to the mention (the parse may make them its head), not the name
        if k >= len(doc) or doc[k].text != ",":
            return
        k += 1
        limit = min(len(doc), k + 14)
        if k < limit and doc[k].lower_ in {"the", "a"}:
            k += 1
        while k < limit and doc[k].lower_ in word_set("titles", "passing_modifiers"):
            k += 1  # "X, the newly appointed Ambassador of Chad", "X, the outgoing envoy"
        aff = None
        place, k2 = match_place(doc, k, limit)
        if place:
            aff = place
            k = k2 + 1 if k2 < limit and doc[k2].text in _POSSESSIVE else k2
        n = match_title(doc, k, limit) or (lower_title(doc, k, limit) if aff else 0)
        if not n:
            self._office_closing_apposition(m, k)
            return
        j = extend_title(doc, k + n, limit)
        s_next, e_next = grab_name(doc, j, limit)
        if e_next > s_next:
            return  # "Tanabe, US Trade Representative Dana Holt and …": the next person of a list
        if j + 1 < limit and doc[j].lower_ == "and":  # "X, Deputy Prime Minister and Minister of Foreign Affairs,"
            n2 = match_title(doc, j + 1, limit)
            if n2 and doc[j + 1].text[:1].isupper():
                j = extend_title(doc, j + 1 + n2, limit)
        title = doc[k:j].text
        if j < limit and doc[j].lower_ == "of":
            place, _ = match_place(doc, j + 1, limit, cities=True)
            aff = aff or place
        if m.title in word_set("titles", "styles"):
            m.title = None  # "Prince X, Minister of Foreign Affairs": the office, not the style
        m.title = m.title or title
        m.affiliation = m.affiliation or aff
        m.kind = "appos" if m.kind != "titled" else m.kind

    def _portfolio_list(self, j: int, limit: int) -> int:
        """Where a title ends that lists its portfolios after a comma ("Minister of Foreign Affairs, African
        Cooperation and Nationals Abroad, Ivo Kask"): the comma before the name; else `j`."""
        doc = self.doc
        if j < limit and doc[j].lower_ == "and":
            return self._portfolio_added(j, limit)
        if j >= limit or doc[j].text != "," or j == 0 or doc[j - 1].text[:1].islower():
            return j
        k = j + 1
        while k < min(limit, j + 9) and (doc[k].text[:1].isupper() or doc[k].lower_ == "and"):
            k += 1
        words = doc[j + 1 : k]
        if (
            k >= limit
            or doc[k].text != ","
            or not any(t.lower_ == "and" for t in words)
            or any(t.ent_type_ in {"PERSON", "GPE"} and gazetteer().country(t.text) for t in words)
        ):
            return j
        s, e = grab_name(doc, k + 1, limit)
        return k if e > s else j

    def _portfolio_added(self, j: int, limit: int) -> int:
        """ "Minister of Foreign Affairs and Expatriates, Omar Al-Haddad": a portfolio joined by "and" (portfolio
        words only), then a comma and the name; the comma before the name, else `j`."""
        doc = self.doc
        portfolio = {w.lower() for w in titles().get("title_extension_words", [])}
        k = j + 1
        while k < min(limit, j + 5) and doc[k].text[:1].isupper() and doc[k].lower_ in portfolio:
            k += 1
        if k == j + 1 or k >= limit or doc[k].text != ",":
            return j
        s, e = grab_name(doc, k + 1, limit)
        return k if e > s else j

    def _office_closing_apposition(self, m: Mention, k: int) -> None:
        """ "X, a member of the Political Bureau … and Chinese foreign minister, held talks": the office
        after the last "and" of an apposition that starts with no title, up to its closing comma."""
        doc = self.doc
        close = next((i for i in range(k, min(len(doc), k + 30)) if doc[i].text in {",", ";", "."}), None)
        if close is None or doc[close].text != ",":
            return
        for i in range(close - 1, k, -1):
            if doc[i].lower_ != "and":
                continue
            start = i + 1
            place, after = match_place(doc, start, close)
            if place:
                start = after + 1 if after < close and doc[after].text in _POSSESSIVE else after
            n = match_title(doc, start, close)
            if n and extend_title(doc, start + n, close) == close:
                m.title = m.title or doc[start:close].text
                m.affiliation = m.affiliation or place
                m.kind = "appos" if m.kind != "titled" else m.kind
            return

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
            words = [*words[:-1], _without_surname_article(words[-1])] if words else words  # "Al-Haddad" → "haddad"
            target = None
            for p in self.persons:
                pwords = {w.lower() for mm in p.mentions if mm.name for w in re.split(r"[\s,\-]+", mm.name)}
                psur = _without_surname_article((p.surname or "").lower())
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
        self._join_alias_holders()
        for m in offices:
            owner = self._person_by_office(m.title or "", m.affiliation)
            if owner is not None and self._holder_named_beside(owner, m):
                owner = None  # "The Prime Minister spoke to Prime Minister Tane": the issuer's own, another person
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

    def _join_alias_holders(self) -> None:
        """ "President Bamsut receives …" over "President Bambang Sutrisno (Bamsut) received …": a person the headline
        named by the short form before the text gave it in brackets is the person the short form belongs to."""
        for p in list(self.persons):
            for alias in [m.name for m in p.mentions if m.kind == "alias" and m.name]:
                for q in [q for q in self.persons if q is not p]:
                    if q.mentions and all(m.name == alias for m in q.mentions if m.name) and q.name:
                        p.mentions = sorted([*p.mentions, *q.mentions], key=lambda m: m.start)
                        self.persons.remove(q)

    def _object_before_subject(self, comma: int) -> bool:
        """ "Welcoming the Peruvian minister, Soto praised …": the office before the comma is the
        object of an opening phrase and the name after it the sentence's subject, two people, no apposition."""
        doc = self.doc
        office, name = doc[comma - 1], doc[comma + 1] if comma + 1 < len(doc) else None
        if name is None or office.dep_ not in {"dobj", "pobj"}:
            return False
        root = name
        while root.dep_ in {"compound", "flat"} and root.head.i != root.i:  # tokens compare by index
            root = root.head
        return root.dep_ in {"nsubj", "nsubjpass"} and root.head.i != office.head.i and office.head.pos_ == "VERB"

    def _holder_named_beside(self, owner: Person, office: Mention) -> bool:
        """Whether a bare office as a sentence's subject comes before the first naming of its holder, in the
        same sentence and not as an apposition: "The Prime Minister spoke to Prime Minister Tane" names two
        people, the readout's own principal and the other side's."""
        body = self.an.headline_end  # a headline's "PM call with Prime Minister Tane" names no one first
        named = sorted(mm.start for mm in owner.mentions if mm.name and self.doc[mm.start].idx >= body)
        head = self.doc[office.end - 1]
        if not named or named[0] <= office.start or head.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        sent = head.sent
        after = named[0] - (office.outer_end or office.end)
        return named[0] < sent.end and after > 2 and not any(t.i == named[0] for t in head.subtree)

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
