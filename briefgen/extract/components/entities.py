"""Dates, times, sums of money and personal names by rule, in place of the statistical NER.

Why: the small model's NER is half of the extraction time (it runs its own token encoder), and what
the rules downstream need from it is narrow: DATE spans (meeting days, deadlines, earlier events),
MONEY (pledges) and PERSON (names that carry no title). Dates and money in readouts follow a small
grammar that regular expressions cover more completely than the model ("before the summer", "early
next year", "within six months"); names are sequences of capitalised proper nouns that the gazetteer
and the title list do not claim. Countries, bodies, cities and titles come from the EntityRuler as
before. The grammar lives here because it is a grammar, not a word list.
"""

from __future__ import annotations

import re
from typing import Any

from .names import grab_name, is_name_word

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_NUMBER = "(?:" + "|".join([r"\d{1,3}", *_NUMBER_WORDS, "fifteen", "twenty", "thirty", "several", "a few", "few"]) + ")"
_UNIT = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|quarters?)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_PERIOD = rf"(?:year|month|week|day|decade|quarter|{_SEASON})"
_YEAR = r"(?:19|20)\d{2}"
_ORD = r"(?:st|nd|rd|th)?"

_DATE_PATTERNS = [
    rf"\d{{1,2}}{_ORD} (?:of )?{_MONTH},? {_YEAR}",  # 12 March 2024
    rf"{_MONTH} \d{{1,2}}{_ORD},? {_YEAR}",  # March 12, 2024
    r"\d{4}-\d{2}-\d{2}",
    rf"(?:the )?(?:end|middle|beginning|start|first half|second half|first quarter|second quarter|third quarter|"
    rf"fourth quarter|close) of (?:the |this |next )?(?:{_PERIOD}|{_MONTH}(?: {_YEAR})?|{_YEAR})",
    rf"(?:(?:early|late|later|earlier|mid)[- ])?(?:next|this|last|the coming|the next|the past|the previous|"
    rf"the following|coming|the current)(?: {_NUMBER})?(?: few)? {_PERIOD}s?",
    rf"(?:the )?(?:next|past|last|coming|following) {_NUMBER} {_UNIT}",
    rf"{_NUMBER} {_UNIT}(?= (?:ago|from now|later|earlier)\b)",
    rf"(?:the )?(?:next |coming |following )?{_NUMBER}(?: more)? {_UNIT}",
    rf"(?:(?:early|late|mid)[- ])?(?:the )?{_SEASON}(?: of {_YEAR})?(?= |[,.;]|$)",
    rf"(?:(?:early|late|mid)[- ])?{_MONTH} {_YEAR}",
    rf"{_MONTH} \d{{1,2}}{_ORD}(?!\d)",
    rf"\d{{1,2}}{_ORD} (?:of )?{_MONTH}",
    rf"(?:in|by|before|until|till|through|after|than|since|from|during|of|last|next|early|late|mid) {_MONTH}\b",
    rf"(?:last |next |this )?{_WEEKDAY}(?:'s|’s)?",
    r"today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)",
    rf"(?:(?:early|late|mid)[- ])?(?:the )?(?:{_YEAR}s|{_YEAR}[-–]{_YEAR}|{_YEAR}/\d{{2}})",
    rf"(?:(?:early|late)[- ]|mid-)?{_YEAR}",
    r"the (?:19|20)\d0s",
    r"(?:at )?an? early(?:,| and)? (?:mutually )?(?:convenient|appropriate|agreed) (?:time|date)",
    rf"(?:the )?(?:first|second|third|fourth|last|final|closing|opening) (?:week|fortnight|half|days?|months?) of "
    rf"(?:{_MONTH}(?: {_YEAR})?|the (?:year|month)|{_YEAR}|next year|this year)",
    r"(?:at )?the earliest (?:possible )?(?:opportunity|date|time)",
    r"(?:the )?(?:next|coming) fortnight",
    rf"(?:(?:early|late|later|earlier|mid)[- ])?(?:this|next|the coming) {_MONTH}",  # "later this November"
    rf"{_MONTH} of (?:this|next|the same|the following) year",  # "June of this year"
]
#: Each pattern on its own, so that the longest date at a position wins ("in November 2024").
_DATES = [re.compile(rf"\b(?:{p})\b", re.I) for p in _DATE_PATTERNS]
# Month names and weekdays must be capitalised; "may" is a verb.
_CASED = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY})\b", re.I)

_CURRENCY_WORDS = (
    r"(?:euros?|dollars?|pounds?|yuan|renminbi|rupees?|yen|roubles?|rubles?|francs?|naira|rand|shillings?|"
    r"dirhams?|riyals?|won|pesos?|reais|real|USD|EUR|GBP|CHF|SDR)"
)
_SCALE = r"(?:thousand|million|billion|trillion|bn|m)"
_MONEY = re.compile(
    rf"(?:(?:US|A|C|NZ|HK)?[$€£¥₹]\s?\d[\d,.]*(?:\s?{_SCALE}\b)?(?: {_CURRENCY_WORDS}\b)?)"
    rf"|(?:\b\d[\d,.]*(?: {_SCALE})? {_CURRENCY_WORDS}\b)"
    rf"|(?:\b(?:{_CURRENCY_WORDS}) \d[\d,.]*(?: {_SCALE}\b)?)",
)
_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|GMT\b|UTC\b)", re.I)


#: A preposition that opens a match is not part of the date ("in May" → "May"), as the model tagged it.
_LEADING_PREPOSITION = re.compile(r"^(?:in|by|before|until|till|through|after|than|since|from|during|of) ", re.I)


def _cased_ok(text: str) -> bool:
    return all(m.group(0)[:1].isupper() for m in _CASED.finditer(text))


#: A word or sign every date, time or money pattern above contains: a text without one has no such span,
#: and the thirty patterns need not run (topic labels are checked one by one, hundreds per text).
_TRIGGER = re.compile(
    rf"[\d$€£¥₹]|\b(?:{_MONTH}|{_WEEKDAY}|{_SEASON}|years?|months?|weeks?|days?|decades?|quarters?|fortnights?|"
    r"today|yesterday|tomorrow|tonight|morning|afternoon|evening|time|date|opportunity|few|several|"
    + "|".join(_NUMBER_WORDS)
    + rf"|fifteen|twenty|thirty|{_CURRENCY_WORDS})\b",
    re.I,
)


def rule_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of dates, times and money in a text, left to right."""
    found: list[tuple[int, int, str]] = []
    if not _TRIGGER.search(text):
        return found
    for label, rx in (("MONEY", _MONEY), ("TIME", _TIME), *(("DATE", d) for d in _DATES)):
        for m in rx.finditer(text):
            if label == "DATE" and not _cased_ok(m.group(0)):
                continue
            lead = _LEADING_PREPOSITION.match(m.group(0)) if label == "DATE" else None
            found.append((m.start() + (lead.end() if lead else 0), m.end(), label))
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, label in found:
        if start >= last_end:
            out.append((start, end, label))
            last_end = end
    return out


def common_words(nlp: Any) -> frozenset[str]:
    """English dictionary words (the lemmatizer's word index): "Cold War" and "Strategic Partnership" are not names."""
    words: set[str] = set()
    try:
        name = "lemmatizer" if "lemmatizer" in nlp.pipe_names else "briefgen_cached_lemmatizer"
        index = nlp.get_pipe(name).lookups.get_table("lemma_index")
        for values in index.values():
            words.update(str(v) for v in values)
    except (KeyError, ValueError, AttributeError):
        pass
    return frozenset(words)


def _is_common(word: str, common: frozenset[str]) -> bool:
    """In the dictionary as written or as a plain inflection ("Partners", "Enhancing", "United")."""
    if word in common:
        return True
    for suffix, repl in (("s", ""), ("es", ""), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and word[: -len(suffix)] + repl in common:
            return True
    return False


def _in_person_slot(doc: Any, start: int, end: int) -> bool:
    """The run is who meets or speaks: subject of "said", object of "met", "talks with X"."""
    from ..lexicon.data import cues

    c = cues()
    meeting = set(c.get("meeting_verbs", []))
    acting = set(c.get("participant_verbs", [])) | meeting
    nouns = set(c.get("meeting_nouns", []))
    head = next((doc[k] for k in range(start, end) if not start <= doc[k].head.i < end), doc[end - 1])
    governor = head.head
    if head.dep_ in {"nsubj", "nsubjpass"}:
        return governor.lemma_ in acting
    if head.dep_ == "dobj":
        return governor.lemma_ in meeting
    if head.dep_ == "pobj" and governor.lower_ == "with":
        return governor.head.lemma_ in meeting or governor.head.lower_ in nouns
    return False


def _person_spans(doc: Any, taken: set[int], common: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of two or more capitalised proper-noun name words (particles included) that nothing else has claimed.

    A fallback for names that carry no title: at least one word must be outside the English
    dictionary ("Paul Whelan", not "Radio Free"), and hyphenated runs ("Indo-Pacific") are left out.
    """

    out: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if i in taken or tok.pos_ != "PROPN" or not is_name_word(tok) or (i > 0 and doc[i - 1].lower_ == "the"):
            i += 1
            continue
        start, end = grab_name(doc, i)
        while end > start and any(k in taken for k in range(start, end)):
            end -= 1
        words = [doc[k].lower_ for k in range(start, end)]
        last = words[-1].strip(".") if words else ""
        if (
            2 <= end - start <= 8
            and any(doc[k].pos_ == "PROPN" for k in range(start, end))
            # a hyphen joins "Indo-Pacific", "Asia-Pacific Economic Cooperation"; in a name it sits in a
            # given name or after a particle ("Marie-Claire de la Fontaine", "al-Rashid"), before a surname
            # outside the dictionary
            and ("-" not in words or (not _is_common(last, common) and len(last) > 1))
            and (
                any(not _is_common(w.strip("."), common) and len(w.strip(".")) > 1 for w in words)
                or _in_person_slot(doc, start, end)
            )
        ):
            out.append((start, end))
            i = end
        else:
            i += 1
    return out


#: What the statistical model is asked for: names, and the places and buildings that must not become names.
_STATISTICAL_LABELS = frozenset({"PERSON", "LOC", "FAC"})


def _name_candidate(tok: Any, taken: set[int]) -> bool:
    """A capitalised word that neither the gazetteer, the titles nor the date grammar explains."""
    if tok.i in taken or not tok.text[:1].isupper() or len(tok.text) < 2:
        return False
    return tok.pos_ == "PROPN" or (not tok.is_sent_start and tok.is_title)


def _statistical_spans(doc: Any, taken: set[int], ents: list[Any], ner: Any) -> list[tuple[int, int, str]]:
    """(start, end, label) of the model's names, found by running its NER on the sentences that need it.

    Why not the whole text: the NER runs its own token encoder and transition system (about 45 ms
    per 500 words, as much as the rest of the pipeline), and the only entities taken from it are
    names. A sentence without an unexplained capitalised word cannot hold one, so only the others
    are copied into a small Doc, with the ruler's entities preset (the model predicts around them,
    as when it ran after the ruler on the whole text), and the results are mapped back.
    """
    from spacy.tokens import Doc, Span

    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []  # sub-doc token -> doc token
    for sent in doc.sents:
        if not any(_name_candidate(tok, taken) for tok in sent):
            continue
        for tok in sent:
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))
            index.append(tok.i)
        spaces[-1] = True
    if not words:
        return []
    sub = Doc(doc.vocab, words=words, spaces=spaces)
    position = {doc_i: sub_i for sub_i, doc_i in enumerate(index)}
    preset = []
    for ent in ents:
        first, last = position.get(ent.start), position.get(ent.end - 1)
        if first is not None and last is not None and last - first == ent.end - 1 - ent.start:
            preset.append(Span(sub, first, last + 1, label=ent.label_))
    sub.set_ents(preset, default="unmodified")
    sub = ner(sub)
    out = []
    for ent in sub.ents:
        start, end = index[ent.start], index[ent.end - 1] + 1
        if (
            ent.label_ in _STATISTICAL_LABELS
            and end - start == len(ent)
            and not any(k in taken for k in range(start, end))
        ):
            out.append((start, end, ent.label_))
    return out


def add_rule_entities(doc: Any, common: frozenset[str], ner: Any = None) -> Any:
    """Pipeline component: DATE/TIME/MONEY by grammar, the model's names (when `ner` is given), then
    PERSON by name shape, all around the ruler's entities."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    taken = {k for e in ents for k in range(e.start, e.end)}
    new: list[Any] = []
    for start, end, label in rule_spans(doc.text):
        span = doc.char_span(start, end, label=label, alignment_mode="contract")
        if span is None or not len(span) or any(k in taken for k in range(span.start, span.end)):
            continue
        new.append(span)
        taken.update(range(span.start, span.end))
    if ner is not None:
        for start, end, label in _statistical_spans(doc, taken, ents + new, ner):
            new.append(Span(doc, start, end, label=label))
            taken.update(range(start, end))
    for start, end in _person_spans(doc, taken, common):
        new.append(Span(doc, start, end, label="PERSON"))
        taken.update(range(start, end))
    doc.ents = sorted(ents + new, key=lambda e: e.start)
    return doc


class RuleEntities:
    """The registered component: rule entities around the ruler's, with the model's NER where it helps.

    State (the NER pipe, the dictionary words) is taken from the pipeline it is added to, so two
    pipelines in one process never share it.
    """

    def __init__(self, nlp: Any, statistical: bool) -> None:
        self.ner = nlp.get_pipe("ner") if statistical and "ner" in nlp.component_names else None
        self.common = common_words(nlp)

    def __call__(self, doc: Any) -> Any:
        return add_rule_entities(doc, self.common, self.ner)


def make_rule_entities(nlp: Any, name: str, statistical: bool) -> RuleEntities:
    """Factory registered as "briefgen_entities" (see pipeline.register)."""
    return RuleEntities(nlp, statistical)
