"""Setting: the meeting's date, city and country, and occasion; what the text does not state stays empty.

Order of trust for the place: the sentence that frames the meeting ("… met … in Antalya, Türkiye"),
then a sentence that names the occasion together with a city ("The Second Ministerial Conference in
Cairo …"), then a news-agency dateline ("ANKARA, March 3 (Reuters) -"). A government readout's
dateline ("WASHINGTON:") is where the statement was issued: it is used only when the text names no
occasion elsewhere. An event is never a city.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ...model import Location, Setting
from ..components.document import Analysis
from ..components.names import area_name_ends, match_place, place_name_ends
from ..lexicon.data import cues, word_set
from ..lexicon.gazetteer import fold, gazetteer
from ..lexicon.world import find_city
from ..text.dateline import Dateline, dateline
from ..text.dates import FULL_DATE, is_day_expression, resolve
from ..text.phrases import without_article
from .people import People, elsewhere_tokens


def _region_or_country_after(doc: Any, after: int, limit: int) -> str | None:
    """The country or region named after the comma that follows a place (", Türkiye", ", California").

    One helper for both readings of a place (known city, or capitalised span), longest tail first, up to three tokens.
    """
    gaz = gazetteer()
    if after + 1 < limit and doc[after].text == ",":
        for m in range(min(3, limit - after - 1), 0, -1):
            tail = doc[after + 1 : after + 1 + m].text
            demonym = fold(tail) in gaz.demonyms and fold(tail) not in gaz.countries
            region_country = (
                None if demonym else (gaz.country(tail) or gaz.region(tail))
            )  # ", Türkiye", never ", Indian"
            if region_country:
                return region_country
    return None


def _context_countries(an: Analysis) -> frozenset[str]:
    """Countries the text names (by name or demonym): they decide between cities of the same name."""
    gaz = gazetteer()
    found = {gaz.country(e.text) for e in an.ents if e.label_ in {"GPE", "NORP"}}
    return frozenset(c for c in found if c)


def _capital_named(doc: Any, i: int, limit: int) -> tuple[str | None, str | None, int]:
    """ "the Iraqi capital", "the capital of Iraq", "Kenya's capital": the capital of that country."""
    gaz = gazetteer()
    j = i + 1 if i < limit and doc[i].lower_ == "the" else i
    if j + 1 < limit and doc[j + 1].lower_ == "capital":
        country = gaz.country(doc[j].text)
        if country and gaz.capital_of(country):
            return gaz.capital_of(country), country, j + 2
    if j + 2 < limit and doc[j + 1].text in {"'s", "’s"} and doc[j + 2].lower_ == "capital":
        country = gaz.country(doc[j].text)
        if country and gaz.capital_of(country):
            return gaz.capital_of(country), country, j + 3
    if j < limit and doc[j].lower_ == "capital" and j + 2 < limit and doc[j + 1].lower_ == "of":
        place, end = match_place(doc, j + 2, limit)
        country = gaz.country(place) if place else None
        if country and gaz.capital_of(country):
            return gaz.capital_of(country), country, end
    return None, None, i


def _place_after(
    doc: Any, i: int, limit: int, context: frozenset[str] = frozenset()
) -> tuple[str | None, str | None, int]:
    """(city, country, end) for a place named at token i: "Antalya, Türkiye", "Woodside, California", "Cairo".

    The curated gazetteer first, then every city in the world (ranked by the countries the text
    names); "Bogor City" is Bogor, and "the Iraqi capital" is Baghdad.
    """
    gaz = gazetteer()
    if i >= limit:
        return None, None, i
    capital = _capital_named(doc, i, limit)
    if capital[0]:
        return capital
    i = _past_place_noun(doc, i, limit)  # "the capital Accra", "the German city of Meseberg"
    if not doc[i].text[:1].isupper():
        return None, None, i
    for n in range(min(gaz.longest_city + 1, limit - i), 0, -1):
        span = doc[i : i + n]
        if not span[-1].text[:1].isupper():
            continue
        if n == 1 and doc[i].lower_ == "the":
            continue
        text = span.text
        country_here = gaz.country(text)
        if country_here:
            state = find_city(text, context)
            if state is not None and state.country == country_here and fold(state.name) == fold(text):
                return state.name, country_here, i + n  # a city-state: "in Singapore"
            return None, country_here, i + n  # "in Sri Lanka": a country, never a town named "Sri"
        if n > 1 and span[-1].text == "City" and find_city(doc[i : i + n - 1].text, context):
            text = doc[i : i + n - 1].text  # "Bogor City"; "Mexico City" and "Quezon City" are listed whole
        city = find_city(text, context)
        if city is None or is_person_token(doc, i):
            continue
        after = i + n
        region_country = _region_or_country_after(doc, after, limit)
        if region_country and region_country != city.country:
            again = find_city(text, frozenset({region_country}))
            if again is not None and again.country == region_country:
                city = again
        return city.name, region_country or city.country, after
    return None, None, i


def _past_place_noun(doc: Any, i: int, limit: int) -> int:
    """The token after "the (German) city of" / "the capital" / agency style "capital" with no article, when a
    capitalised name follows; else i."""
    intro = word_set("cues", "place_intro_nouns")  # "the capital Accra", "the resort of Sochi"
    if i >= limit or (doc[i].lower_ != "the" and not (doc[i].lower_ in intro and doc[i].text.islower())):
        return i  # lower case only: "Port Moresby" is a name, "port city of X" is not
    k = i + 1 if doc[i].lower_ == "the" else i  # "met in capital Ankara": no article
    while k < limit and k - i <= 5 and doc[k].lower_ not in intro:
        if not (doc[k].text[:1].isupper() or doc[k].pos_ == "ADJ"):
            return i
        k += 1
    if k >= limit or doc[k].lower_ not in intro:
        return i
    k += 1
    while k < limit and doc[k].lower_ in intro:
        k += 1  # "the port city of"
    if k < limit and doc[k].lower_ == "of":
        k += 1
    return k if k < limit and doc[k].text[:1].isupper() else i


def is_person_token(doc: Any, i: int) -> bool:
    """A word the parser or the entity rules read as (part of) a person's name is not a place."""
    return doc[i].ent_type_ == "PERSON"


def _venue_city(doc: Any, i: int, limit: int, context: frozenset[str]) -> tuple[str | None, str | None]:
    """A venue named after a city ("Bogor Palace", "the Kazan Kremlin"): that city."""
    j = i + 1 if i < limit and doc[i].lower_ == "the" else i
    k = j
    while k < limit and doc[k].text[:1].isupper() and k - j < 5:
        k += 1
    if k == j:
        return None, None
    venue = doc[j:k]
    if k + 1 < limit and doc[k].text in {",", "in"}:  # "at Singha Durbar, Kathmandu", "at Hyderabad House in Delhi"
        city, country, _ = _place_after(doc, k + 1, limit, context)
        if city:
            return city, country
    if venue[-1].text not in place_name_ends():
        # "at State House Nairobi": a venue written with its city after it
        for n in (2, 1):
            if len(venue) > n and venue[-n - 1].text in place_name_ends():
                city = find_city(venue[-n:].text, context)
                if city is not None:
                    return city.name, city.country
        return None, None
    for n in range(len(venue) - 1, 0, -1):
        city = find_city(venue[:n].text, context)
        if city is not None:
            return city.name, city.country
    return None, None


#: Words before a place that put it at a meeting still to come ("agreed to work toward a meeting … in San
#: Francisco"): outside the sentence that frames the meeting, not where this one was.
_AHEAD_OF_PLACE = re.compile(
    r"\b(?:toward|towards|ahead of|prepar\w*|plan\w*|will|would|shall|agreed to|upcoming|forthcoming|next|future)\b"
    r"[^.;]{0,80}$",
    re.I,
)


def _city_in(
    sent: Any, an: Analysis, context: frozenset[str] = frozenset(), frame: bool = True
) -> tuple[str | None, str | None]:
    """The first "in <City>", "visit to <City>", "at <City> Palace" of a sentence; outside the frame
    sentence, never a place of a meeting still to come."""
    doc = an.doc
    elsewhere = elsewhere_tokens(sent)  # "A day after X hosted Y in Moscow, Z met W in Berlin"
    for tok in sent:
        low = tok.lower_
        if tok.i in elsewhere:
            continue
        if low == "visiting" and frame and an.quote_at(tok.idx) is None:
            city, country, _ = _place_after(doc, tok.i + 1, sent.end, context)
            if city:
                return city, country  # "X, who is visiting Singapore, held a meeting with Y"
            continue
        if low not in {"in", "to", "at", "inside"} or an.quote_at(tok.idx) is not None:
            continue  # a place inside a quotation is what someone said, not where the meeting was
        if low == "to" and not (tok.i > 0 and doc[tok.i - 1].lemma_ in {"visit", "trip", "travel", "arrive", "fly"}):
            continue
        if not frame and _AHEAD_OF_PLACE.search(doc[sent.start : tok.i].text):
            continue
        if _in_a_clause_ahead(tok):
            continue  # "… said they would meet again in Valparaiso in the spring": a meeting still to come
        if low in {"at", "inside"}:
            city, country = _venue_city(doc, tok.i + 1, sent.end, context)
        else:
            city, country, _ = _place_after(doc, tok.i + 1, sent.end, context)
        if city:
            return city, country
    return None, None


def _in_a_clause_ahead(prep: Any) -> bool:
    """The place a preposition opens belongs to a verb put in the future ("would meet at a council in X",
    "will travel to Y"): not where this meeting was."""
    verb = prep.head
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"relcl", "acl"}:
        return False  # "the Forum, which will open in Auckland": the framing event's place
    return any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll", "’ll"} for c in verb.children)


@cache
def _occasion_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in cues().get("occasion_patterns", [])]


@cache
def _opener_stop() -> re.Pattern[str]:
    """Where an occasion phrase ends: a clause break, a date, a place after "in"; an infinitive ends it too,
    unless it says what the event marks ("a joint event to celebrate the anniversary of …")."""
    purposes = "|".join(re.escape(v) for v in cues()["occasion_purpose_verbs"])
    return re.compile(
        r",|(?<![A-Z])\.(?=\s|$)|;|:|\(| and (?=[a-z])| in (?=[A-Z])| on (?=[A-Z][a-z]+day|\d)"
        rf"| to (?!(?:{purposes})\b)(?=[a-z])| with "
        r"| where | which | who | today| yesterday| tomorrow| this | last | from (?=[a-z])| that "
    )


#: Openers too common to frame a meeting unless an event word ends the phrase.
_GENERIC_OPENERS = (
    "at the",
    "during the",
    "during his",
    "during her",
    "during their",
    "as part of",
    "for the",
    "under the",
    "for a",
    "to attend",
    "to participate in",
    "while attending",
    "ahead of",
)
#: Where a matched frame runs on into the clause ("the signing of the accord tomorrow is …", "…, chaired by").
_FRAME_END = re.compile(r",| (?:here|today|will|was|is|were|are|has|had|would|on|in|at|by|after|before|when|since)\b")


def _opened_phrase(text: str) -> str | None:
    """ "on the sidelines of …", "at the … Summit", "ahead of the … summit": the opener and its phrase."""
    c = cues()
    heads = set(c.get("occasion_heads", []))
    low = text.lower()
    for opener in c.get("occasion_openers", []):
        for m in re.finditer(r"\b" + re.escape(opener) + r"\s", low):
            rest = text[m.end() :]
            cut = _opener_stop().search(rest)
            phrase = (rest[: cut.start()] if cut else rest).strip()
            words = phrase.split()
            if not words or len(words) > 16:
                continue
            if words[0].lower() in {"their", "its", "our"} and not set(re.findall(r"[\w-]+", phrase)) & heads:
                continue  # "within the framework of their strategic partnership": a relation, not an event
            if opener in _GENERIC_OPENERS and len(words) < 2:
                continue  # "during the visit": which visit the phrase does not say
            if opener in _GENERIC_OPENERS and (
                words[0].lower() in word_set("cues", "ahead_words")
                or _LOOKED_AHEAD.search(text[: m.start() + len(opener) + 1])
            ):
                continue  # "preparations for the (upcoming) summit": another event, looked ahead to
            if opener in _GENERIC_OPENERS:
                if not (set(re.findall(r"[\w-]+", phrase)) & heads):
                    continue
                if not any(w[:1].isupper() for w in words) and not set(words) & set(c.get("occasion_strong_heads", [])):
                    continue  # "at the meeting" frames nothing; "for a trilateral summit" does
            lead = text[m.start() : m.end()].strip()
            for drop in c.get("occasion_leads_not_printed", []):
                if lead.lower().startswith(drop):
                    lead = lead[len(drop) :].strip()
            return f"{lead} {phrase}".strip()
    return None


def _occasion(an: Analysis, people: People, hosted: Any = None) -> tuple[str | None, Any]:
    """The framing event as the text words it, and its sentence.

    First an opener ("on the sidelines of …", "at the … Summit", "ahead of the … summit"), then the
    other frames of cues.yaml: visits, calls, signings, a group's meeting. The frame sentence is read
    first, then the opening sentences; sentences about other events are skipped.
    """
    frame = people.frame_sentence
    sents = ([frame] if frame is not None else []) + [
        s for s in an.sents[:6] if s is not frame and not _background(an, s)
    ]
    for sent in sents:  # the frame sentence's own frame first, whichever kind it is
        phrase = _opened_phrase(an.text_of(sent))
        if phrase:
            return phrase, sent
        text = an.text_of(sent)
        for pattern in _occasion_patterns():
            m = next((m for m in pattern.finditer(text) if not _LOOKED_AHEAD.search(text[: m.start()])), None)
            if m:
                found = m.group(0)
                cut = _FRAME_END.search(found)
                if cut and len(found[: cut.start()].split()) < 2:
                    cut = None  # "spoke on the phone": the pattern's own words, not a clause running on
                return (found[: cut.start()] if cut else found).strip(), sent
    for sent in sents[:3]:
        named = _named_event(an.text_of(sent))
        if named:
            return named, sent
    found, sent = _described_later(an, people)
    if found is None and hosted is not None:
        return hosted[2], hosted[3]  # "Tbilisi hosted a four-way ministerial meeting"
    if found is None:
        found, sent = _visited_place(an, people)
    if found is None:
        return _headline_call(an)
    return found, sent


def _visited_place(an: Analysis, people: People) -> tuple[str | None, Any]:
    """ "Foreign Minister X visited Moscow to meet his colleague", "Minister Lee is visiting Oslo until
    Friday", "During her visit to Riga, the minister also met …": a participant's visit
    told by the verb, or by a pronoun's visit anywhere, is the occasion, written as the noun the memo needs
    ("visit to Moscow")."""
    for sent in an.body_sents:
        for m in _PRONOUN_VISIT.finditer(an.text_of(sent)):
            pronoun = next((t for t in sent if t.idx == sent.start_char + m.start("who")), None)
            place = m.group("place")
            visitors = people.refer(pronoun) or [] if pronoun is not None else []
            if any(p.participant for p in visitors) and _is_place(place):
                return f"visit to {place}", sent
    for sent in an.body_sents[:4]:
        for tok in sent:
            if tok.lemma_.lower() != "visit" or tok.pos_ != "VERB" or tok.tag_ not in {"VBD", "VBZ", "VBP", "VBG"}:
                continue
            if tok.tag_ == "VBG" and not any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
                continue  # "is visiting Singapore", never "after visiting Singapore"
            # the visitor stands before the verb; the parser does not always make it the subject
            before = an.doc[sent.start : tok.i]
            place = next((c for c in tok.children if c.dep_ == "dobj" and c.ent_type_ == "GPE"), None)
            if place is None or not any(p.participant for t in before for p in people.refer(t) or []):
                continue
            name = an.doc[place.left_edge.i : place.i + 1].text
            if _is_place(name):
                return f"visit to {name}", sent
    return None, None


def _is_place(name: str) -> bool:
    """A city or a country the gazetteer knows: what a visit can go to."""
    return bool(gazetteer().city(name) or gazetteer().country(name))


#: "During her visit to Riga, …": a visit owned by a pronoun, resolved to its participant.
_PRONOUN_VISIT = re.compile(
    r"\b[Dd]uring (?P<who>his|her|their) (?:[\w-]+ ){0,2}visit to (?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
)


#: "who had arrived in Riga for an official visit": the place the visitor arrived in.
_ARRIVED_IN = re.compile(r"\barriv\w* (?:in|at) (?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)")


def _with_destination(occasion: str | None, text: str) -> str | None:
    """ "an official visit" → "an official visit to Riga" when its sentence says the visitor arrived there: the
    occasion names where the visit goes, as readers of a memo expect."""
    if not occasion or not re.search(r"\b(?:visit|trip|tour)$", occasion):
        return occasion
    m = _ARRIVED_IN.search(text)
    if m is None:
        return occasion
    place = m.group("place")
    return f"{occasion} to {place}" if _is_place(place) else occasion


#: A headline that names the meeting a call ("PM call with Prime Minister Tane"), never the verb ("to call on").
_HEADLINE_CALL = re.compile(r"(?<!\bto )\b(?:(?:tele)?phone |video )?call\b(?! (?:on|for|upon)\b)", re.I)


def _headline_call(an: Analysis) -> tuple[str | None, Any]:
    """The call a headline names, when the body only says the leaders "spoke": government readouts title
    each call this way ("PM call with …", "Readout of the President's call with …") and tell it with
    "spoke to" below, so the headline is the only place the occasion is written."""
    heads = [s for s in an.sents if an.in_headline(s)]
    for sent in heads:
        m = _HEADLINE_CALL.search(an.text_of(sent))
        if m:
            return m.group(0).lower(), sent
    return None, None


#: "This was the first meeting of …", "The talks were the second round of …": the text saying what the
#: meeting itself was, wherever it says so (often after the opening, next to a look back "since 2023").
_SELF_DESCRIBED = re.compile(
    r"^\s*(?:This|It|The (?:meeting|talks|summit|visit|call|session|conversation))\s+(?:was|is|were|marked|marks)\s+"
    r"(?:the|a|an|his|her|their)\s+(?P<occasion>[^;:]{3,120})"
)
#: Where such a description ends: a clause, a look back or a place; a comma only where no list of names
#: goes on ("the meeting of Japanese, Chinese and South Korean ministers since 2023").
_DESCRIBED_END = re.compile(
    r",(?! [A-Z][\w-]+(?:,| and ))| (?:since|when|where|which|who|after|before|on|in|at|today|here|but)\b"
)
#: A participant's arrival "for a two-day state visit": the visit is the occasion, wherever it is told.
_ARRIVAL = re.compile(r"\barriv\w*\b[^.;]{0,80}?\bfor\s+(?P<occasion>(?:an?|the|his|her|their)\s+[^,.;]{3,60})")
#: "Tuggar's visit forms part of …", "said Barbosa's visit to the kingdom reinforces …": a participant's visit
#: named by its possessor, later in the text.
_OWN_VISIT = re.compile(
    r"(?P<occasion>(?P<who>[A-Z][\w.-]+)(?:'s|’s) (?:(?:first|second|third|maiden|historic|two-day|three-day|"
    r"state|official|working|current|ongoing)[ -])*(?:visit|trip|tour)(?: to (?:the )?[\w'’-]+(?: [A-Z][\w'’-]+)*)?)"
)
#: "The Afghan minister is on a visit to Pakistan from 5 to 8 May": a participant's visit told later.
_ON_VISIT = re.compile(
    r"\b(?:is|are|was|were) on (?P<occasion>(?:an? |the |his |her |their )?(?:[\w-]+ ){0,3}visit to [A-Z][^,.;]{2,60})"
)


#: "The ministers' meeting was held …", "The talks took place …": a sentence telling where or at what the
#: meeting itself was held.
_HELD_AT = re.compile(
    r"\b(?:meeting|talks|call|conversation)\b[^.;]{0,40}?\b(?:was|were) (?:held|conducted)\b|\btook place\b"
)


def _described_later(an: Analysis, people: People) -> tuple[str | None, Any]:
    """The occasion as a later sentence describes the meeting itself or the visitor's arrival, when the
    opening names none."""
    heads = word_set("cues", "occasion_strong_heads") | {"meeting", "talks", "round", "session"}
    for sent in an.sents:
        text = an.text_of(sent)
        held = _HELD_AT.search(text)
        if held and not _background(an, sent):
            phrase = _opened_phrase(text[held.end() :])  # "Their talks were held on the margins of the summit"
            if phrase:
                return phrase, sent
        for m in _OWN_VISIT.finditer(text):
            at = sent.start_char + m.start("who")
            who = next((t for t in sent if t.idx == at), None)
            if who is not None and any(p.participant for p in people.refer(who) or []):
                return m.group("occasion"), sent
        for pattern in (_SELF_DESCRIBED, _ARRIVAL, _ON_VISIT):
            m = pattern.search(text)
            if m is None:
                continue
            found = m.group("occasion")
            cut = _DESCRIBED_END.search(found)
            found = (found[: cut.start()] if cut else found).strip()
            words = found.split()
            if 1 < len(words) <= 16 and any(w.lower().strip("'’s") in heads for w in words):
                if pattern is not _SELF_DESCRIBED and not any(
                    people.refer(t) for t in sent if t.idx - sent.start_char < m.start()
                ):
                    continue  # someone else's arrival or visit
                return found, sent
    return None, None


#: Words just before a visit or call that make it one being prepared or planned, not the meeting's frame.
_LOOKED_AHEAD = re.compile(
    r"\b(?:preparations? for|prepare for|preparing for|plans? for|discuss(?:ed|ing)?|upcoming|forthcoming|next|"
    r"planned|future|proposed?|wants?|wanted|calls? for|called for|convene|convening|plans? to|planning|"
    r"agreed to (?:hold|convene)|following|after|since)\W+(?:\w+\W+){0,2}$",
    re.I,
)
#: A named gathering: capitalised words ending in an event noun ("the Baghdad Tripartite Summit").
_NAMED_EVENT = re.compile(
    r"\b(?:the )?(?:[A-Z0-9][\w'’-]*\s){1,6}(?:Summit|Conference|Forum|Dialogue|Ministerial|Meeting|Session)\b"
)
#: Words before a named event that make it another event the meeting looked to, not its occasion.
_NOT_THIS_EVENT = re.compile(
    r"\b(?:upcoming|forthcoming|next|future|preparations?|prepare|preparing|ahead|towards?|discuss\w*|since|"
    r"after|before|previous|last|recent|host|hosting|bid|invit\w+|attend)\W+(?:\w+\W+){0,3}$",
    re.I,
)


def _named_event(text: str) -> str | None:
    """A named summit or conference in the meeting's opening sentences, when nothing else frames it.

    Why: outlets name the gathering without an opener ("in what is being called the X Summit", "the
    leaders' X Summit began …"); one that the sentence looks ahead or back to is not the occasion.
    """
    for m in _NAMED_EVENT.finditer(text):
        if _NOT_THIS_EVENT.search(text[: m.start()]):
            continue
        words = m.group(0).split()
        if words[0].lower() == "the" and len(words) < 3:
            continue
        return m.group(0).strip()
    return None


_TOOK_PLACE = re.compile(
    r"\b(?:meeting|talks|call|conversation|summit|visit)\b[^.;]{0,60}?\b(?:took place|happened|was held|were held|"
    r"occurred)\b",
    re.I,
)


def _dated_later(an: Analysis) -> list[Any]:
    """Later sentences that say when the meeting happened ("the conversation … happened on Thursday, 13
    February"): read after the opening, when it gives no date."""
    return [s for s in an.sents[6:] if _TOOK_PLACE.search(an.text_of(s)) and not _background(an, s)]


def _meeting_sentences(an: Analysis) -> list[Any]:
    """Early sentences that speak of the meeting itself ("The two held talks at the Union's headquarters, …")."""
    verbs = set(cues().get("meeting_verbs", []))
    return [
        s for s in an.sents[:6] if not _background(an, s) and any(t.lemma_ in verbs and t.pos_ == "VERB" for t in s)
    ]


def _opening(an: Analysis) -> list[Any]:
    """The heading lines (a place, a date, a byline: a few words each) and the first real sentence."""
    out = []
    for sent in an.sents[:5]:
        out.append(sent)
        if len(an.text_of(sent).split()) >= _HEADING_WORDS and sent.start_char >= an.headline_end:
            break
    return out


#: A line of fewer words than this at the top is a heading line (place, date, byline), not the story.
_HEADING_WORDS = 7


def _is_call(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in cues().get("call_words", []))


def _background(an: Analysis, sent: Any) -> bool:
    """A sentence about an earlier meeting ("when the ministers met in Busan", "last year in Lima")."""
    low = f" {an.text_of(sent).lower()} "
    # "took place the previous day": a report filed the day after dates the meeting itself this way
    low = re.sub(r"\b(?:the )?previous (?:day|evening|night|morning|afternoon)\b", " ", low)
    root = sent.root
    if root.lemma_ in cues().get("meeting_verbs", []) and root.pos_ == "VERB" and root.tag_ == "VBD":
        # "The ministers met in Busan on Monday, the first such meeting since 2019": an aside after the
        # clause that tells this meeting looks back, the clause does not
        comma = next((t.idx - sent.start_char + 1 for t in sent if t.i > root.i and t.text == ","), None)
        if comma is not None:
            low = low[: comma + 1] + " "
    return any(f" {m} " in low for m in cues().get("background_markers", []))


def _opening_with_sides(an: Analysis, people: People) -> Any:
    """The story's first sentence when it names two participants or more: it tells the meeting."""
    body = an.body_sents
    if not body:
        return None
    named = {id(p) for t in body[0] for p in (people.refer(t) or []) if p.participant and t.pos_ == "PROPN"}
    return body[0] if len(named) >= 2 else None


#: "arrived in this capital", "held talks in the capital": the capital of the country the visit goes to.
_THIS_CAPITAL = re.compile(r"\bin (?:this|the) capital\b(?! of| city of)")


def _this_capital(an: Analysis, sent: Any, occasion: str | None) -> tuple[str, str] | None:
    if not _THIS_CAPITAL.search(an.text_of(sent)):
        return None
    m = re.search(r"\bvisit (?:to|of) (?:the )?(?P<to>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)", occasion or "")
    gaz = gazetteer()
    country = gaz.country(m.group("to")) if m else None
    capital = gaz.capital_of(country) if country else None
    city = gaz.city(capital) if capital else None
    return (city[0], city[1]) if city else None


def _hosting_place(an: Analysis, context: frozenset[str]) -> tuple[str, str, str, Any] | None:
    """ "Tbilisi hosted a four-way ministerial meeting", "the Latvian town of Cesis hosted the third annual
    forum": a city as the subject of "host" with a meeting as object; (city, country, the
    meeting as written, sentence)."""
    heads = {w.lower() for w in cues().get("occasion_heads", [])} | {"seminar", "meeting", "talks"}
    for sent in an.body_sents[:3]:
        for tok in sent:
            if tok.lemma_ != "host" or tok.pos_ != "VERB" or any(c.lower_ in {"will", "would"} for c in tok.children):
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in heads), None)
            if subj is None or obj is None:
                continue
            city, country, _ = _place_after(an.doc, subj.left_edge.i, subj.right_edge.i + 1, context)
            if city:
                phrase = an.doc[obj.left_edge.i : obj.right_edge.i + 1].text
                return city, country, without_article(phrase), sent
    return None


def _meeting_place(
    an: Analysis, people: People, occasion: str | None, occ_sent: Any, hosted: Any = None
) -> tuple[Any, Any, Any]:
    """(city, country, sentence) of the meeting: the sentence that frames it, then the sentences that
    name the meeting, the visit or the occasion, then a venue; a dateline only where it names the
    meeting's place (a readout's heading, a ministry's "WASHINGTON:" with no event elsewhere)."""
    context = _context_countries(an)
    frame = people.frame_sentence
    nouns = set(cues().get("place_nouns", []))
    ordered = [frame] if frame is not None else []
    opening = _opening_with_sides(an, people)
    if opening is not None and opening is not frame and not _background(an, opening):
        ordered.append(opening)  # "Ministers A, B and C found common ground in Paris on Thursday"
    if occ_sent is not None and occ_sent not in ordered and not _background(an, occ_sent):
        ordered.append(occ_sent)  # not "the first since 2019, when they met in Riga": a place looked back to
    key = [w for w in re.findall(r"[A-Za-z]+", occasion or "") if w[:1].isupper() and len(w) > 2][:4]
    for sent in an.sents:
        if sent in ordered or _background(an, sent):
            continue
        text = an.text_of(sent)
        named = key and sum(1 for w in key if w in text) >= min(2, len(key))  # "The Conference in Cairo …"
        if named or (
            sent.start < an.sents[min(7, len(an.sents) - 1)].end
            and any(t.lower_ in nouns or t.lemma_ in nouns for t in sent)
        ):
            ordered.append(sent)
    for sent in ordered:  # each sentence's own place first: "at Downing Street" before a later "visit to Paris"
        city, country = _city_in(sent, an, context, frame=sent is frame)
        if city:
            return city, country, sent
        capital = _this_capital(an, sent, occasion)
        if capital:
            return capital[0], capital[1], sent
        venue = _venue_with_preposition(an.text_of(sent))  # "received … at the Élysée Palace"
        if venue:
            return venue[0], venue[1], sent
    if hosted is not None:
        return hosted[0], hosted[1], hosted[3]  # "the Latvian town of Cesis hosted the forum"
    visited = re.search(r"\bvisit to (?P<to>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)", occasion or "")
    city = find_city(visited.group("to"), context) if visited else None
    if city is not None and fold(city.name) == fold(visited.group("to")):
        return city.name, city.country, occ_sent  # the occasion "visit to Lima" places the meeting
    line = _verified_dateline(an.text, context)
    if line is not None and line.city and (line.kind in {"header", "dash"} or (line.kind == "colon" and not occasion)):
        city = find_city(line.city, context)
        if city is not None:
            return city.name, city.country, None
    if line is not None and line.city and line.kind == "colon":
        # "Lisbon: Portugal and Estonia signed … after the two presidents held talks": a filing
        # city at a side's home, with a visit as the occasion and no other place the opening names
        city = find_city(line.city, context)
        sides = {p.affiliation for p in people.participants if p.affiliation}
        visit = re.search(
            r"\b(?:visit|trip|tour)\b(?: to (?:the )?(?P<to>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*))?", occasion or ""
        )
        destination = gazetteer().country(visit.group("to")) if visit and visit.group("to") else None
        home = city is not None and (city.country in sides or city.country == destination)
        if city is not None and visit and home and not _elsewhere_named(an, city.country):
            return city.name, city.country, None  # not a summit elsewhere; "a working visit to Malaysia"
    if line is not None and line.city and line.kind == "agency":
        # "ASTANA. KAZINFORM – Kazakh Leader X held a meeting with Kyrgyz President Y": a national agency
        # filing from its own country, a side's home, about a meeting the text places nowhere else
        city = find_city(line.city, context)
        sides = {p.affiliation for p in people.participants if p.affiliation}
        home = _agency_home(line.agency or "")
        if city is not None and city.country == home and home in sides and not _elsewhere_named(an, home):
            return city.name, city.country, None
    return None, None, None


#: A venue fixes the meeting's city only as a place: "at the Kremlin", "to NATO Headquarters", not "Kremlin politics".
_VENUE_PREPOSITION = re.compile(r"\b(?:at|in|inside|to|into|from) (?:the )?$", re.I)


def _venue_with_preposition(text: str) -> tuple[str, str] | None:
    gaz = gazetteer()
    if gaz.venue_pattern is None:
        return None
    for m in gaz.venue_pattern.finditer(text):
        if _VENUE_PREPOSITION.search(text[max(0, m.start() - 12) : m.start()]):
            return gaz.venue_city(m.group(0))
    return None


def _agency_home(agency: str) -> str | None:
    """The country a national news agency files from at home ("Kazinform" → Kazakhstan), or None."""
    homes = {fold(k): v for k, v in cues().get("agency_homes", {}).items()}
    found = homes.get(fold(agency.strip()))
    return gazetteer().country(found) or found if found else None


def _venue_named(an: Analysis, sents: list[Any]) -> str | None:
    """The building the meeting sentence names after "at" ("at Hyderabad House", "at the Élysée Palace"):
    capitalised words ending in a building word of names.yaml, or a listed venue or seat of government."""
    gaz = gazetteer()
    ends = place_name_ends() - area_name_ends()  # buildings, not areas
    for sent in dict.fromkeys(sents):
        doc = an.doc
        for tok in sent:
            if tok.lower_ != "at" or an.quote_at(tok.idx) is not None:
                continue
            j = tok.i + 1 + (1 if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "the" else 0)
            k = j
            while k < sent.end and k - j < 6 and (doc[k].text[:1].isupper() or doc[k].lower_ in {"of", "the"}):
                k += 1
            while k > j and doc[k - 1].lower_ in {"of", "the"}:
                k -= 1
            if k == j:
                continue
            name = doc[j:k].text
            if doc[k - 1].text in ends or gaz.venue_city(name) or gaz.seat(name):
                return name
    return None


def _city_after_venue(text: str, venue: str, context: frozenset[str]) -> tuple[str | None, str | None]:
    """ "at the Merdeka Palace in Jakarta", "at Government House, Apia": the city the text writes right after
    the venue, wherever that mention is (often in a quote's attribution, not the opening)."""
    for m in re.finditer(re.escape(venue) + r"(?:,| in) (?P<city>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)", text):
        for words in (m.group("city"), m.group("city").split()[0]):
            found = find_city(words, context)
            if found is not None:
                return found.name, found.country
    return None, None


def _elsewhere_named(an: Analysis, home: str) -> bool:
    """The opening sentences place someone in another country ("in Germany", "visit to Paris")."""
    gaz = gazetteer()
    for sent in an.sents[:6]:
        for tok in sent:
            if tok.lower_ not in {"in", "to", "at"} or tok.i + 1 >= sent.end:
                continue
            nxt = an.doc[tok.i + 1 : min(sent.end, tok.i + 4)]
            for n in (3, 2, 1):
                place = gaz.country_or_capital(nxt[:n].text) if len(nxt) >= n else None
                after = an.doc[tok.i + 1 + n] if tok.i + 1 + n < len(an.doc) else None
                if nxt[:n][-1].text in {"'s", "’s"} or (after is not None and after.text in {"'s", "’s"}):
                    continue  # "an invitation to China's President": a person of that country, not a place
                if place and place != home:
                    return True
    return False


def _verified_dateline(text: str, context: frozenset[str]) -> Any:
    """The dateline, with its place kept only when it is a city (never an agency or a month)."""
    line = dateline(text)
    if line is not None and line.city and find_city(line.city, context) is None:
        # "Terrorism: Pakistan, Afghanistan agree …" is a headline's kicker, not a place: look below it
        below = dateline(text[line.end :]) if line.kind in {"colon", "dash"} else None
        if below is not None and below.city and find_city(below.city, context) is not None:
            return Dateline(below.city, below.date_text, below.agency, line.end + below.end, below.kind,
                            line.end + below.start)  # fmt: skip
        line.city = None
    return line


def extract_setting(an: Analysis, people: People) -> Setting:
    """The meeting's setting; a text in which nobody takes part has none."""
    if not people.participants:
        return Setting(confidence=0.0)
    gaz = gazetteer()
    frame = people.frame_sentence
    evidence_sents = []
    # ---- occasion
    hosted = _hosting_place(an, _context_countries(an))  # "Tbilisi hosted a … meeting": an occasion and a place
    occasion, occ_sent = _occasion(an, people, hosted)
    if occ_sent is not None:
        evidence_sents.append(occ_sent)
        occasion = _with_destination(occasion, an.text_of(occ_sent))
    # ---- date
    line = dateline(an.text)
    date_text = None
    date = None
    opening = _opening(an)
    date_sents = [s for s in (frame, *opening, *_meeting_sentences(an), *_dated_later(an)) if s is not None]
    skip_until = line.end if line else 0
    # a page date in the heading lines ("06 December, 2017") dates a "December 6" in the story
    # (above a dateline that opens a later paragraph, too: "Nov 16, 2010" / headline / "AUCKLAND, AAP - …")
    heading_from = 0 if line is not None and line.start > 0 else skip_until
    heading = FULL_DATE.search(an.text, heading_from, opening[-1].end_char) if opening else None
    base = resolve(heading.group(0), None) if heading else None
    if base is None and line is not None and line.date_text:
        base = resolve(line.date_text, an.published)  # "BRUSSELS, 14 June 2024 - … on Thursday"
    reference = base or an.published
    for sent in date_sents:
        offset = max(sent.start_char, skip_until)
        full = FULL_DATE.search(an.text, offset, sent.end_char)
        if full:  # the model sometimes tags only "March 2025" of "2 March 2025"
            date = resolve(full.group(0), None)
            on = an.text[max(0, full.start() - 3) : full.start()]
            date_text = ("on " if on.lower() == "on " else "") + full.group(0)
            evidence_sents.append(sent)
            break
        found = [
            ent
            for ent in an.ents_in(sent.start, sent.end)
            if ent.label_ == "DATE" and ent.start_char >= skip_until and is_day_expression(ent.text)
        ]
        if not found:
            continue
        resolved = [(ent, resolve(ent.text, reference)) for ent in found]
        ent, date = next(((e, d) for e, d in resolved if d is not None), resolved[0])
        before = an.doc[ent.start - 1].text if ent.start > 0 else ""
        date_text = f"{before} {ent.text}" if before.lower() == "on" else ent.text
        evidence_sents.append(sent)
        break
    if line and line.date_text:
        if date is None:
            year_hint = an.published
            date = resolve(line.date_text, year_hint)
        date_text = date_text or line.date_text
    # ---- place (a call has none: the dateline is where the readout was issued)
    city, country, place_sent = _meeting_place(an, people, occasion, occ_sent, hosted)
    if place_sent is not None:
        evidence_sents.append(place_sent)
    if city and fold(city) in {fold(w) for w in gaz.event_words}:
        city = country = None
    if people.frame_is_call or (occasion and _is_call(occasion)):
        city = country = None
    venue = None if people.frame_is_call else _venue_named(an, [s for s in (place_sent, frame) if s is not None])
    if venue and not city:
        city, country = _city_after_venue(an.text, venue, _context_countries(an))
    setting = Setting(
        date=date,
        date_text=date_text,
        location=Location(city=city, country=country, venue=venue),
        occasion=occasion,
    )
    sents = evidence_sents or ([frame] if frame is not None else [])
    setting.evidence = [an.sentence_evidence(s) for s in dict.fromkeys(sents)]
    setting.confidence = 0.85 if frame is not None else 0.65
    return setting
