"""Names and titles at the token level: the shape of a personal name, a title of office, a place.

Why its own module: the entity component (which finds PERSON spans by shape) and the people
field (which builds clusters from them) ask the same questions; both import them from here, so
the field layer never sits below a component.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..lexicon.data import cues, load, titles, word_set
from ..lexicon.gazetteer import gazetteer


@cache
def _word_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(calendar words, words that are never part of a name), from names.yaml."""
    data = load("names")
    return frozenset(data["calendar_words"]), frozenset(data["not_name_words"])


@cache
def place_name_ends() -> frozenset[str]:
    """Last words of a building's or a place's name ("… House", "… City"): what precedes one is no person."""
    return frozenset(load("names").get("place_name_ends", [])) | area_name_ends()


@cache
def area_name_ends() -> frozenset[str]:
    """Last words of an area's name ("… District", "… City"): a place, never a building to meet in."""
    return frozenset(load("names").get("area_name_ends", []))


@cache
def _inner_honorifics() -> frozenset[str]:
    return frozenset(load("names").get("inner_honorifics", []))


_POSSESSIVE = {"'s", "’s", "'", "’"}


@cache
def title_index() -> tuple[dict[tuple[str, ...], dict[str, Any]], int, frozenset[str]]:
    """Titles as lower-case token tuples (split as spaCy splits hyphens), the longest length, title words."""
    index: dict[tuple[str, ...], dict[str, Any]] = {}
    words: set[str] = set()
    for entry in titles().get("titles", []):
        toks = tuple(re.sub(r"-", " - ", str(entry["title"])).lower().split())
        index[toks] = entry
        words.update(toks)
    longest = max((len(k) for k in index), default=1)
    return index, longest, frozenset(words)


@cache
def name_sets() -> dict[str, frozenset[str]]:
    t = titles()
    return {
        "honorifics": frozenset(h.lower() for h in t.get("honorifics", [])),
        "particles": frozenset(p.lower() for p in t.get("name_particles", [])),
        "extension": frozenset(t.get("title_extension_words", [])),
        "reporter_titles": frozenset(x.lower() for x in t.get("reporter_titles", [])),
        "office_nouns": frozenset(x.lower() for x in t.get("office_nouns", [])),
        "head_offices": frozenset(x.lower() for x in t.get("head_offices", [])),
        "participant_verbs": frozenset(cues().get("participant_verbs", [])),
        "meeting_verbs": frozenset(cues().get("meeting_verbs", [])),
        "meeting_nouns": frozenset(cues().get("meeting_nouns", [])),
    }


@cache
def _title_grammar() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(modifiers, portfolio words, office heads), lower case, from titles.yaml."""
    t = titles()
    return (
        frozenset(w.lower() for w in t.get("title_modifiers", [])),
        frozenset(w.lower() for w in t.get("title_extension_words", []) if w[:1].isupper()),
        frozenset(w.lower() for w in t.get("title_heads", [])),
    )


@cache
def _title_suffixes() -> tuple[tuple[str, ...], ...]:
    """Words hyphenated onto a title ("-elect", "-designate", "-at-Large"), as the tokens they split into."""
    return tuple(tuple(re.sub(r"-", " - ", w.lower()).split()) for w in titles().get("title_suffixes", []))


def _title_suffix(lows: list[str], end: int, limit: int) -> int:
    """Tokens of a hyphenated suffix at `end` ("- elect", "- at - large"), or 0."""
    if end >= limit or lows[end] != "-":
        return 0
    for words in _title_suffixes():
        if tuple(lows[end + 1 : end + 1 + len(words)]) == words:
            return 1 + len(words)
    return 0


def _known_title(lows: list[str], i: int, limit: int) -> int:
    index, longest, words = title_index()
    if i >= limit or lows[i] not in words:
        return 0
    for n in range(min(longest, limit - i), 0, -1):
        if tuple(lows[i : i + n]) in index:
            return n
    return 0


def _core_title(doc: Any, lows: list[str], i: int, limit: int) -> int:
    """A listed title, or portfolio words before an office head ("Unification Minister")."""
    n = _known_title(lows, i, limit)
    _, portfolio, heads = _title_grammar()
    j = i
    while j < limit and lows[j] in portfolio and doc[j].text[:1].isupper():
        j += 1
    if j > i and j < limit and lows[j] in heads and doc[j].text[:1].isupper():
        n = max(n, j + 1 - i)
    return n


def lower_title(doc: Any, i: int, limit: int) -> int:
    """Tokens of an office written in lower case from portfolio words and a head ("oil minister",
    "trade and industry minister"), where the context already marks an office ("Kuwait's oil
    minister"); 0 if none."""
    _, portfolio, heads = _title_grammar()
    j = i
    while j < limit and doc[j].is_lower and (doc[j].lower_ in portfolio or doc[j].lower_ == "and"):
        j += 1
    return j + 1 - i if j > i and j < limit and doc[j].is_lower and doc[j].lower_ in heads else 0


def match_title(doc: Any, i: int, limit: int | None = None) -> int:
    """Number of tokens of the longest title starting at token i (0 if none).

    A title is a listed one or portfolio words before an office head, after optional modifiers
    ("Acting President", "Deputy Prime Minister"); two joined by "and" before a name are one
    person's compound title ("Deputy Prime Minister and Foreign Minister Ishaq Dar").
    """
    lows = doc.user_data.get("briefgen_lower")
    if lows is None:  # lower-case forms once per doc: this runs for every token
        lows = doc.user_data["briefgen_lower"] = [t.lower_ for t in doc]
    limit = len(lows) if limit is None else limit
    modifiers = _title_grammar()[0]
    j = i
    while j < limit and lows[j] in modifiers and doc[j].text[:1].isupper():
        j += 1
    n = _core_title(doc, lows, j, limit)
    if not n:
        return 0 if j > i else _core_title(doc, lows, i, limit)
    end = j + n
    end += _title_suffix(lows, end, limit)  # "President-elect", "Ambassador-at-Large"
    if end + 1 < limit and lows[end] == "and":
        k = end + 1
        while k < limit and lows[k] in modifiers:
            k += 1
        n2 = _core_title(doc, lows, k, limit)
        same = lows[k : k + n2] == lows[j : j + n]  # "the President and President X": two people
        # "the Secretary-General and President X", "the Chancellor and President X": two heads, two people
        two_heads = _is_head_office(lows[j : j + n]) and _is_head_office(lows[k : k + n2])
        # "the Foreign Secretary and Secretary Tillerson": an office referred to, then a short title and a name
        referred = n2 == 1 and i > 0 and lows[i - 1] == "the"
        # "The Secretary-General and Foreign Minister X met": the head of a body named as an office, then another
        referred = referred or (i > 0 and lows[i - 1] == "the" and _is_head_office(lows[j : j + n]))
        if n2 and not same and not two_heads and not referred and k + n2 < limit and is_name_word(doc[k + n2]):
            end = k + n2
    return end - i


def _is_head_office(words: list[str]) -> bool:
    """A title one person holds alone at the top of a state or body ("President", "Prime Minister",
    "Secretary-General"): two of them joined by "and" are two people, not one compound title."""
    return " ".join(words).replace(" - ", "-") in name_sets()["head_offices"]


def title_entry(title: str) -> dict[str, Any]:
    index, _, _ = title_index()
    return index.get(tuple(re.sub(r"-", " - ", title).lower().split()), {})


def title_affiliation(title: str) -> str | None:
    """The body or country an office belongs to wherever it is held ("Secretary of State" → United States),
    also for its deputies and its portfolios: "Assistant Secretary of State for East Asian Affairs"."""
    modifiers = {w.lower() for w in titles().get("title_modifiers", [])}
    words = title.split()
    while len(words) > 1 and words[0].lower() in modifiers:
        words = words[1:]
    candidates = [title, " ".join(words)]
    candidates += [re.split(r" for ", c, maxsplit=1)[0] for c in candidates]
    for candidate in candidates:
        found = title_entry(candidate).get("affiliation")
        if found:
            return str(found)
    return None


def match_place(doc: Any, i: int, limit: int | None = None, *, cities: bool = False) -> tuple[str | None, int]:
    """A country or body named at token i (after an optional "the"): (canonical, end token).

    With `cities`, a known city gives its country: an office of a city or emirate ("Deputy Ruler of
    Abu Dhabi", "Mayor of Lyon") belongs to that city's country."""
    gaz = gazetteer()
    limit = len(doc) if limit is None else limit
    j = i + 1 if i < limit and doc[i].lower_ == "the" else i
    for n in range(min(7, limit - j), 0, -1):
        span = doc[j : j + n]
        if not span[0].text[:1].isupper():
            break
        found = gaz.affiliation(span.text) or _formal_state_name(span.text)
        if found is None and cities and j == i:
            city = gaz.city(span.text)
            found = city[1] if city else None
        if found:
            return found, j + n
    return None, i


_FORMAL_STATE = re.compile(
    r"^(?:[A-Z][\w'’-]+ ){0,3}(?:Republic|Kingdom|State|Sultanate|Federation|Emirate|Principality|Commonwealth|"
    r"Confederation|Grand Duchy) of (?:the )?(.+)$"
)


def _formal_state_name(text: str) -> str | None:
    """ "Federal Democratic Republic of Ethiopia" → Ethiopia: a formal name the gazetteer does not list."""
    m = _FORMAL_STATE.match(text)
    return gazetteer().country(m.group(1)) if m else None


@cache
def _event_words() -> frozenset[str]:
    return frozenset(w.lower() for w in gazetteer().event_words)


def is_name_word(tok: Any) -> bool:
    text = tok.text
    if re.fullmatch(r"[A-Z]\.", text):
        return True
    if not text[:1].isupper() or not any(c.isalpha() for c in text):
        return False
    low = text.lower()
    heads = title_index()[2]
    if low in _event_words() or (low.endswith("s") and low[:-1] in heads):
        return False
    if low.endswith("ies") and low[:-3] + "y" in heads:  # "Secretaries": a plural office, not a name
        return False
    honorific = low in name_sets()["honorifics"] and low not in _inner_honorifics()
    if low in _word_sets()[1] or low in _word_sets()[0] or honorific or low in title_index()[2]:
        return False
    if text.isupper() and len(text) > 3:  # datelines such as "ANKARA"
        return False
    if _headline_verb(tok, low):
        return False
    abbreviations = titles().get("title_abbreviations") or {}
    if text.rstrip(".") in abbreviations or (text.endswith("s") and text[:-1] in abbreviations):
        return False  # "EAM will call on …", "Moroccan, Spanish FMs discuss …": an office
    if tok.is_sent_start and low.endswith("s") and tok.lemma_.lower() not in {low, text}:
        return False  # "Analysts said": a plural common noun capitalised at the start of a sentence
    if tok.is_sent_start and tok.pos_ in {"VERB", "AUX"} and tok.tag_ in {"VBD", "VBN", "VBG", "VBZ"}:
        return False  # "Met the President today": a post that opens with its verb
    gaz = gazetteer()
    if gaz.country(text) or gaz.body(text) or gaz.seat(text):
        return False
    if gaz.city(text):
        # "Santiago Cafiero", "Florence Parly": a city's name is a given name when a surname follows
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return bool(
            nxt is not None
            and nxt.text[:1].isupper()
            and nxt.is_alpha
            and not (gaz.city(nxt.text) or gaz.country(nxt.text) or nxt.lower_ in title_index()[2])
        )
    return True


@cache
def _verbs_of_meeting_and_speech() -> frozenset[str]:
    c = cues()
    verbs = (
        set(c.get("meeting_verbs", [])) | set(c.get("speech_verbs", [])) | set(load("taxonomy").get("topic_verbs", []))
    )
    return frozenset(verbs)


@cache
def _past_forms() -> frozenset[str]:
    """Past forms of the verbs of meeting and speech: regular ones made here, irregular ones from names.yaml."""
    regular = {v + ("d" if v.endswith("e") else "ed") for v in _verbs_of_meeting_and_speech()}
    return frozenset(regular | set(load("names").get("irregular_past_verbs", [])))


def _headline_verb(tok: Any, low: str) -> bool:
    """A headline's capitalised verb: "X Meets Y", "PM Visits Laos", "… to Review Ties". A third-person or
    infinitive form of a meeting or speech verb is never part of a name."""
    verbs = _verbs_of_meeting_and_speech()
    if low.endswith("s") and (low[:-1] in verbs or (low.endswith("es") and low[:-2] in verbs)):
        return True
    if low in _past_forms():
        return True  # "Prime Minister X Held Talks With …": a headline's past tense
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "to" and low in verbs


@cache
def given_name_titles() -> frozenset[str]:
    """Titles that are also given names ("Amir", "Sultan"), from names.yaml."""
    return frozenset(load("names").get("given_name_titles", []))


@cache
def _month_surnames() -> frozenset[str]:
    """Months that are also surnames ("Theresa May"); read as a name only after a given name (names.yaml)."""
    return frozenset(load("names").get("month_surnames", []))


def _dated_after(doc: Any, k: int, limit: int) -> bool:
    """A day or a year follows ("… May 3", "… June 2024"): the month is a date."""
    return k < limit and (doc[k].like_num or doc[k].text[:1].isdigit())


def capitalised_family_name(doc: Any, j: int, limit: int) -> bool:
    """ "Ms. KAMIKAWA Yoko", "Minister MOTEGI Toshimitsu": a family name in capitals before the given name, as
    some foreign ministries write it; only after an honorific or a title, never a dateline's city."""
    tok = doc[j]
    if not (tok.is_alpha and tok.text.isupper() and len(tok.text) > 1) or j == 0 or j + 1 >= limit:
        return False
    before, after = doc[j - 1], doc[j + 1]
    if before.is_space or not before.text[:1].isupper() or before.text.isupper():
        return False
    return after.is_alpha and after.text[:1].isupper() and after.text[1:].islower() and is_name_word(after)


def grab_name(doc: Any, i: int, limit: int | None = None) -> tuple[int, int]:
    """The name starting at token i (after honorifics): (start, end); end == start when none."""
    limit = len(doc) if limit is None else limit
    hon = name_sets()["honorifics"]
    while i < limit and (doc[i].lower_ in hon or doc[i].lower_.rstrip(".") in hon):
        i += 1
    start = j = i
    last_good = i
    particles = name_sets()["particles"]
    post_nominals = word_set("titles", "post_nominals")
    while j < limit:
        tok = doc[j]
        if j > start and tok.text.rstrip(".") in post_nominals:
            break  # "Ana Lind MP", "Jane Doe QC": letters after a name are not part of it
        if is_name_word(tok) or (j == start and capitalised_family_name(doc, j, limit)):
            j += 1
            last_good = j
        elif (
            j > start
            and last_good == j
            and tok.text in given_name_titles()
            and j + 1 < limit
            and is_name_word(doc[j + 1])
        ):
            j += 1  # "Hossein Amir Abdollahian": a title word that is also a name, inside a name
            last_good = j
        elif j > start and last_good == j and tok.text in _month_surnames() and not _dated_after(doc, j + 1, limit):
            j += 1  # "Theresa May received …": a month after a given name is a surname, unless a day follows
            last_good = j
        elif tok.lower_ in particles and j >= start:
            # a run of particles ("von der", "de la", "van den") belongs to the name when a name word
            # (or a hyphen: "al-Kadhimi") follows it
            k = j
            while k < limit and doc[k].lower_ in particles:
                k += 1
            if k < limit and (doc[k].text in {"-", "‑"} or is_name_word(doc[k])):
                j = k
            else:
                break
        elif j > start and doc[j - 1].lower_ in particles and re.fullmatch(r"[-‑][A-Z][\w'’]+", tok.text):
            j += 1  # "Omar Al -Hakim": a particle typed with a stray space before its hyphen
            last_good = j
        elif tok.text in {"-", "‑"} and j > start and not doc[j - 1].whitespace_ and j + 1 < limit:
            if is_name_word(doc[j + 1]) or doc[j + 1].lower_ in particles:
                j += 1
            elif doc[j + 1].is_lower and doc[j + 1].is_alpha and not tok.whitespace_ and last_good == j:
                j += 2  # "Lee Jae-sung", "Kim Jong-un": the second part of a given name
                last_good = j
            else:
                break
        elif tok.text == "," and j > start and j + 1 < limit and doc[j + 1].text.rstrip(".").lower() in {"jr", "sr"}:
            j += 2
            last_good = j
            break
        elif tok.text.rstrip(".").lower() in {"jr", "sr"} and j > start:
            j += 1
            last_good = j
            break
        else:
            break
    end = last_good
    if end > start and not any(len(t.text.strip(".")) > 1 for t in doc[start:end]):
        return start, start
    return start, end


def name_text(doc: Any, start: int, end: int) -> str:
    return doc[start:end].text.strip()


_SENTENCE_END = {".", "!", "?", ";", ":"}


def prefix_affiliation(doc: Any, i: int) -> tuple[str | None, int]:
    """A demonym, country or body right before token i ("Russian", "Rwanda's", "UK", "UN")."""
    gaz = gazetteer()
    if i <= 0 or i >= len(doc) or doc[i - 1].text in _SENTENCE_END or doc[i - 1].is_space or doc[i].is_sent_start:
        return None, i  # never across a sentence ("… with Tanzania. President Obama …") or a headline's end
    if i >= 3 and doc[i - 1].text == ")" and doc[i - 3].text == "(":
        found, start = prefix_affiliation(doc, i - 3)  # "Democratic Republic of the Congo (DRC) President"
        if found:
            return found, start
    if doc[i - 1].text in _POSSESSIVE:
        for n in range(1, 7):
            if i - 1 - n < 0:
                break
            span = doc[i - 1 - n : i - 1]
            found = gaz.affiliation(span.text)
            if found:
                return found, i - 1 - n
        return None, i
    for n in range(6, 0, -1):
        if i - n < 0:
            continue
        span = doc[i - n : i]
        if not span[0].text[:1].isupper() or any(t.text in _SENTENCE_END or t.is_space for t in span):
            continue
        found = gaz.affiliation(span.text)
        if found:
            start = i - n
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            return found, start
    return None, i


def extend_title(doc: Any, j: int, limit: int) -> int:
    """Continue "Minister of Foreign Affairs and Cooperation": of/for + known title words, not a country."""
    ext = name_sets()["extension"]
    if j >= limit or doc[j].lower_ not in {"of", "for"}:
        return j
    place, _ = match_place(doc, j + 1, limit)
    if place:
        return j
    k = j + 1
    end = j
    while k < limit and (doc[k].text in ext or _inner_of(doc, k, limit, ext)):
        if doc[k].text in {"and", "the"} or doc[k].lower_ in {"of", "for"}:
            k += 1
            continue
        k += 1
        end = k
    return end if end > j + 1 else j


def _inner_of(doc: Any, k: int, limit: int, ext: frozenset[str]) -> bool:
    """ "Chairman of the Cabinet of Ministers of X": an "of" inside a title runs on when a portfolio word,
    not a place, follows it."""
    if doc[k].lower_ not in {"of", "for"} or k + 1 >= limit or doc[k + 1].text not in ext:
        return False
    return match_place(doc, k + 1, limit)[0] is None
