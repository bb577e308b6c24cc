"""Quotes: the words inside quotation marks, verbatim, with their speaker.

A quoted span of one or two words is a scare quote (a label the writer marks, not speech) and is
skipped. Three words or more count when someone is speaking in the sentence: the speaker is the
subject of a verb of speech next to the quote ("…,” Lavrov said", "He said the talks … the “…”"),
resolved through names, offices ("the Secretary") and pronouns ("he said") to the person. A quote
whose speaker cannot be found is kept with no speaker and low confidence, never given a guess.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Quote
from ..components.document import Analysis
from ..lexicon.data import cues, word_set
from ..lexicon.gazetteer import gazetteer, is_news_agency
from ..text.phrases import without_article
from .people import People

_MIN_WORDS = 3
#: How quoted words hang on the verb that introduces them ("told reporters 'the talks went well'").
_QUOTED_DEPS = {"ccomp", "dobj", "parataxis", "attr", "oprd"}


def _speech_lemmas() -> set[str]:
    return set(cues().get("speech_verbs", []))


def _same_paragraph(an: Analysis, a: int, b: int) -> bool:
    return "\n\n" not in an.text[min(a, b) : max(a, b)].replace("\r", "")


def _speaker_near(an: Analysis, people: People, start: int, end: int) -> tuple[str | None, float]:
    """The speaker of a quote at [start, end): a subject of a speech verb outside the quote, nearest first.

    Looks in the quote's own sentences, in the next sentence of the same paragraph when it opens with
    the attribution ("… ." Lavrov said), and in the sentence just before when it introduces the quote
    ("A Kremlin spokesman said:").
    """
    si = an.sentence_index(start)
    ei = an.sentence_index(max(start, end - 1))
    sents = an.sents[si : ei + 2] if ei + 1 < len(an.sents) else an.sents[si : ei + 1]
    if si > 0 and re.search(r"[:,]\s*$", an.text[an.sents[si - 1].start_char : start - 1]):
        sents = [an.sents[si - 1], *sents]
    verbs = _speech_lemmas()
    candidates: list[tuple[int, Any]] = []
    for sent in sents:
        if sent.start_char >= end and (
            not _same_paragraph(an, end, sent.start_char)
            or not re.match(r"\s*[,—–-]?\s*[\w-]+(?: [\w-]+)? (said|added|stated|says)\b", an.text_of(sent))
        ):
            continue
        for tok in sent:
            if start <= tok.idx < end:
                continue
            if tok.pos_ in {"VERB", "AUX"} and tok.lemma_ in verbs:
                distance = min(abs(tok.idx - start), abs(tok.idx - end))
                if any(start <= c.idx < end and c.dep_ in _QUOTED_DEPS for c in tok.children):
                    distance = -1  # the verb the quoted words hang on introduces them, whatever is nearer
                candidates.append((distance, tok))
        if sent.start_char > end:
            break
    candidates.sort(key=lambda c: c[0])
    # "According to the ministry, X said … “…”": the person who says the words speaks them; the source only
    # reports them, and speaks itself only when no one in the sentence does
    for _, verb in candidates[:1]:  # the nearest verb of speech, in the quote's own sentences
        if not an.sents[si].start <= verb.i < an.sents[ei].end:
            break
        for child in (c for c in verb.children if c.dep_ == "nsubj" and not (start <= c.idx < end)):
            found = people.refer(child) if child.pos_ == "PROPN" else None
            if found and _label(found):
                return _label(found), 0.9
    according = _according_source(an, people, si, ei, start, end)
    if according is not None:
        return according
    for _, verb in candidates:
        subjects = (
            [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and not (start <= c.idx < end)]
            or _participle_subjects(verb, start, end)
            or _words_before(an, verb, end)
            or _name_after(an, people, verb, end)
        )
        for child in subjects:
            spokesperson = _spokesperson_before(an, people, child)
            if spokesperson:
                return spokesperson, 0.75
            found = people.refer(child)
            if found and _label(found):
                return _label(found), 0.9
        for child in subjects:
            body = (
                _body_speaker(an, child)
                or (_body_before(an, people, child) if child.lower_ == "it" else None)
                or _issuing_office(an, verb, child)
            )
            if body:
                return body, 0.7
    # "According to X, …" or a person subject of the sentence
    for sent in sents[:1]:
        for tok in sent:
            if start <= tok.idx < end:
                continue
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                found = people.refer(tok)
                if found and found[0].participant and _label(found):
                    return _label(found), 0.7
    return None, 0.4


_SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman"})


def _spokesperson_before(an: Analysis, people: People, pronoun: Any) -> str | None:
    """ "A spokeswoman for the Finnish government said the leaders had agreed … . "…," she added": "she" is the
    spokesperson when the main subject of the sentence before is one (the clauses inside report what others
    did; they do not take the floor)."""
    if pronoun.lower_ not in {"he", "she"}:
        return None
    si = an.sentence_index(pronoun.idx)
    if si == 0:
        return None
    before = an.sents[si - 1]
    subject = next(
        (
            t
            for t in before
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == before.root.i and an.quote_at(t.idx) is None
        ),
        None,
    )
    return _noun_speaker(an, subject) if subject is not None and subject.lemma_.lower() in _SPOKESPEOPLE else None


def _according_source(an: Analysis, people: People, si: int, ei: int, start: int, end: int) -> tuple[str, float] | None:
    """ "According to X, “…”" in the quote's own sentences: X, a person or a body (an agency only reports)."""
    for sent in an.sents[si : ei + 1]:
        for tok in sent:
            if tok.lower_ == "according" and not (start <= tok.idx < end) and tok.i + 2 < len(an.doc):
                source = next((c for c in an.doc[tok.i + 1].children if c.dep_ == "pobj"), an.doc[tok.i + 2])
                if is_news_agency(an.doc[source.left_edge.i : source.i + 1].text):
                    continue  # "X said it was “vital”, according to Xinhua": the agency reports X's words
                found = people.refer(source)
                if found and _label(found):
                    return _label(found), 0.85
                body = _body_speaker(an, source)
                if body:
                    return body, 0.7
    return None


def _issuing_office(an: Analysis, verb: Any, subject: Any) -> str | None:
    """ "…," the Ministry of External Affairs said in a release: whoever "said in a statement" is the
    issuer, named as written, even an office no participant holds."""
    documents = word_set("cues", "speaking_bodies")
    issued = any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in documents for g in c.children)
        for c in verb.children
    )
    if not issued or subject.pos_ not in {"PROPN", "NOUN"} or not subject.text[:1].isupper():
        return None
    return _noun_speaker(an, subject)


#: A sentence that reports what a document says: its subjects are the document's content, not new speakers.
_REPORTED_BY_DOCUMENT = re.compile(
    r"\s*According to (?:the|a|its|this) (?:release|statement|readout|communiqu[eé]|report|note|document)\b"
)


def _body_before(an: Analysis, people: People, it: Any) -> str | None:
    """ "The ministry said …. It added that …": "it" as the subject of speech is the body that spoke last,
    in its own or the two sentences before; a person speaking in between ends the chain."""
    verbs = _speech_lemmas()
    si = an.sentence_index(it.idx)
    for sent in reversed(an.sents[max(0, si - 2) : si + 1]):
        if _REPORTED_BY_DOCUMENT.match(an.text_of(sent)):
            continue  # "According to the release, the sides agreed …": the document still speaks
        speakers = [
            t
            for t in sent
            if t.i < it.i
            and t.dep_ in {"nsubj", "nsubjpass"}
            and t.head.lemma_ in verbs
            and t.head.dep_ not in {"ccomp", "xcomp"}  # "… said the leaders agreed": the body still speaks
        ]
        for tok in reversed(speakers):
            if tok.lower_ == "it":  # "…," it said. "…," it added: the chain goes back to the body named
                body = _body_before(an, people, tok) if tok.i != it.i else None
                if body:
                    return body
                continue
            body = _body_speaker(an, tok) or _issuing_office(an, tok.head, tok)
            if body:
                return body
            if people.refer(tok):
                return None
    return None


def _participle_subjects(verb: Any, start: int, end: int) -> list[Any]:
    """ "X echoed these sentiments, describing the talks as a “…”": a participle of speech has no subject
    of its own; it speaks for the subject of the verb it hangs on."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "xcomp", "conj", "acl"} or verb.head.i == verb.i:
        return []
    return [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"} and not (start <= c.idx < end)]


def _words_before(an: Analysis, verb: Any, quote_end: int) -> list[Any]:
    """ "…," the head of the ministry wrote: when the parser gives the verb no subject, the nouns between
    the closing mark and the verb stand for it, the phrase's head first."""
    span = [t for t in an.doc[verb.sent.start : verb.i] if t.idx >= quote_end]
    if not span or len(span) > 12:
        return []
    return [t for t in span if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "pobj"]


def _speaker_of_sentence_before(an: Analysis, people: People, start: int) -> tuple[str | None, float]:
    """A quotation standing alone as its paragraph, after a sentence in which a person said or confirmed
    something ("X had confirmed that the call took place." / "“The call took place last night.”"): that person."""
    si = an.sentence_index(start) - 1
    while si > 0 and not any(t.is_alpha for t in an.sents[si]):
        si -= 1  # a closing mark the parser left as a sentence of its own
    if si < 0:
        return None, 0.4
    before = an.sents[si]
    verbs = _speech_lemmas()
    for tok in before:
        if tok.pos_ in {"VERB", "AUX"} and tok.lemma_ in verbs:
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                # the subject, or the name inside it ("Ukrainian ambassador to SA Liubov X had confirmed …")
                for t in (subj, *(t for t in subj.subtree if t.pos_ == "PROPN")):
                    found = people.refer(t)
                    if found and len(found) == 1 and _label(found):
                        return _label(found), 0.6
    return None, 0.4


def _name_after(an: Analysis, people: People, verb: Any, quote_end: int) -> list[Any]:
    """ "…," tweeted Zelensky on Wednesday: an inverted attribution the parser left without a subject; the
    person named right after the verb, after the quote."""
    if verb.idx < quote_end:
        return []
    for tok in an.doc[verb.i + 1 : min(verb.sent.end, verb.i + 4)]:
        if people.refer(tok) and tok.pos_ == "PROPN":
            return [tok]
    return []


def _label(found: list[Any]) -> str | None:
    """One person's fullest name, or a group's names joined ("A and B"); an office nobody could be tied to
    is no speaker's name unless written as one ("the president" is not, "Secretary-General" is)."""
    names = list(dict.fromkeys(p.label() for p in found if p.name or (p.title or "")[:1].isupper()))
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _body_speaker(an: Analysis, head: Any) -> str | None:
    """A body that speaks ("the Russian embassy", "the ministry's statement", "A Downing Street
    spokesperson"), named by its phrase; never a bare capitalised fragment ("Head", "Briefing")."""
    words = set(cues().get("speaking_bodies", []))
    phrase = [t for t in an.doc[head.left_edge.i : head.i + 1] if t.dep_ not in {"det", "predet"}]
    if not phrase:
        return None
    text = an.doc[head.left_edge.i : head.i + 1].text
    if is_news_agency(text):  # "…," Yonhap added: an agency reporting is a source, named as it writes itself
        return text
    spelled = _spelled_out(text, an.text) if _ACRONYM.fullmatch(text) else None
    if spelled:
        return spelled  # "MEA said": the body the text names in full (never "PM")
    seat = gazetteer().seat_pattern
    if " ".join(t.lower_ for t in phrase).replace(" 's", "'s") in word_set("cues", "shared_seats"):
        return _noun_speaker(an, head)  # "State House said", "the Presidential Palace said"
    if head.lemma_.lower() in words or head.ent_type_ == "ORG" or any(t.lemma_.lower() in words for t in phrase):
        return _noun_speaker(an, head)
    if seat is not None and seat.search(text):  # "the White House said", "the Kremlin said"
        return _noun_speaker(an, head)
    return None


def _noun_speaker(an: Analysis, head: Any) -> str:
    """A body or office speaking, without its article: "Downing Street spokesperson", "The ministry"."""
    left = head.left_edge.i
    while left < head.i and an.doc[left].dep_ in {"det", "predet"}:
        left += 1
    end = head.i + 1
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "for"} and c.i == end), None)
    if of is not None and of.right_edge.i - head.i <= 6:  # "the Ministry of External Affairs", "spokesperson for X"
        end = of.right_edge.i + 1
    return an.doc[left:end].text


def _looks_like_title(inner: str) -> bool:
    """A quoted name of a document or programme ("Pact for the Future"), not speech."""
    words = inner.split()
    small = {"for", "of", "the", "and", "in", "on", "to", "a", "an", "with"}
    return (
        len(words) <= 8
        and all(w[:1].isupper() or w in small for w in words)
        and not inner.rstrip().endswith((".", "!", "?", ","))
    )


def _only_quote(an: Analysis, start: int, end: int) -> bool:
    """The quote fills its sentence: no words of attribution around it."""
    si, ei = an.sentence_index(start), an.sentence_index(max(start, end - 1))
    outside = an.text[an.sents[si].start_char : start] + an.text[end : an.sents[ei].end_char]
    return not re.search(r"\w", outside)


def _attributed(an: Analysis, start: int, end: int) -> bool:
    """Words of speech around a quote in its own sentences ("…," Fidan said): it names its speaker."""
    si, ei = an.sentence_index(start), an.sentence_index(max(start, end - 1))
    verbs = _speech_lemmas()
    for sent in an.sents[si : ei + 1]:
        for tok in sent:
            if not (start - 1 <= tok.idx <= end) and tok.lemma_ in verbs and tok.pos_ in {"VERB", "AUX"}:
                return True
    return False


def _attributed_or_according(an: Analysis, start: int, end: int) -> bool:
    """Words of speech around a quote, or "According to X" in its sentence."""
    if _attributed(an, start, end):
        return True
    si = an.sentence_index(start)
    return bool(re.search(r"\baccording to\b", an.text_of(an.sents[si]), re.I))


def extract_quotes(an: Analysis, people: People) -> list[Quote]:
    limit = an.doc[-1].idx + len(an.doc[-1].text) if len(an.doc) else 0
    quotes: list[Quote] = []
    last_close = -1
    for span in an.quote_spans:
        if span.close_mark >= limit + 1:
            break
        stripped = span.text(an.text).strip().rstrip(",").strip()
        words = len(re.findall(r"\w+", stripped))
        if words == 0 or _looks_like_title(stripped):
            continue
        if words < _MIN_WORDS:
            # a word or two in quotation marks is speech only when a person in its own sentence is saying
            # it ("Abiy called the talks a “family dialogue”"); otherwise it is the writer's scare quote
            speaker, confidence = _speaker_near(an, people, span.open_mark, span.close_mark + 1)
            if speaker is None or confidence < 0.85 or not _attributed_or_according(an, span.start, span.end):
                continue
            quote = Quote(speaker=speaker, text=stripped, confidence=0.6)
            quote.evidence = [an.evidence(span.start, span.end)]
            quotes.append(quote)
            last_close = span.close_mark
            continue
        run_on = quotes and not an.text[last_close + 1 : span.open_mark].strip()  # the next paragraph of a quotation
        if (
            quotes
            and (run_on or _same_paragraph(an, last_close, span.open_mark))
            and not _attributed(an, span.start, span.end)
        ):
            # a quote with no attribution of its own, after another in the same paragraph, continues it
            speaker, confidence = quotes[-1].speaker, min(quotes[-1].confidence, 0.8)
        elif (
            quotes
            and _only_quote(an, span.open_mark, span.close_mark + 1)
            and an.text[last_close : span.open_mark].count("\n") <= 1
        ):
            speaker, confidence = quotes[-1].speaker, min(quotes[-1].confidence, 0.8)
        else:
            speaker, confidence = _speaker_near(an, people, span.open_mark, span.close_mark + 1)
            if speaker is None and _only_quote(an, span.open_mark, span.close_mark + 1):
                speaker, confidence = _speaker_of_sentence_before(an, people, span.open_mark)
        quote = Quote(speaker=speaker, text=stripped, confidence=confidence)
        quote.evidence = [an.evidence(span.start, span.end)]
        quotes.append(quote)
        last_close = span.close_mark
    return _named_bodies(quotes, an.text)


def _named_bodies(quotes: list[Quote], text: str) -> list[Quote]:
    """ "A foreign ministry statement said …" then "…, the document added": a body written as a bare
    noun ("document", "statement", "release") is the body named in full before it, or the issuer the
    text gives the document ("a note from the Chancellery", "a readout issued by the Trade Office",
    "the national agency reported")."""
    bodies = word_set("cues", "speaking_bodies")
    named: str | None = None
    for quote in quotes:
        speaker = quote.speaker or ""
        words = speaker.split()
        at = quote.evidence[0].end if quote.evidence else len(text)  # its sentence may name the issuer after it
        if len(words) <= 3 and words and words[-1].lower() in bodies and speaker[:1].islower():
            quote.speaker = _issuer_before(text, at) or named or quote.speaker
        elif len(words) > 1 and words[-1].lower() in bodies:
            named = speaker
        elif _ACRONYM.fullmatch(speaker):
            quote.speaker = _spelled_out(speaker, text) or speaker  # "MEA said": the Ministry of External Affairs
    return quotes


_ACRONYM = re.compile(r"[A-Z]{2,6}")
#: A body's name as a run of capitalised words with the small words that join them ("Department of Foreign
#: Affairs", "Ministry of External Affairs").
_BODY_NAME = re.compile(r"[A-Z][\w'’-]*(?: (?:of|for|and|the|on|[A-Z][\w'’-]*))+")


def _spelled_out(acronym: str, text: str) -> str | None:
    """The body an acronym stands for, named in full in the text: the first run of capitalised words whose
    initials spell it ("Ministry of External Affairs" for "MEA"). A speaker is named in full, as a person is."""
    for m in _BODY_NAME.finditer(text):
        words = m.group(0).split()
        while words and words[-1] in {"of", "for", "and", "the", "on"}:
            words.pop()
        for first in range(len(words)):
            capitals = [w for w in words[first:] if w[:1].isupper()]
            if words[first][:1].isupper() and "".join(w[0] for w in capitals) == acronym:
                return " ".join(words[first:])
    return None


#: Who issued a document or a report, as the text says it: "a note from X", "a readout of the meeting
#: issued by X", "X reported", "X said in a statement".
_ISSUER = re.compile(
    r"\b(?:statement|release|readout|communiqu[eé]|report|note)\b(?: of the (?:meeting|talks|call))?"
    r"(?: (?:issued|released|published|provided|sent|shared))? (?:from|by) (?:the )?"
    r"(?P<after>[A-Z][\w.'’-]*(?: (?:of|for|the|[A-Z][\w.'’-]*)){0,8})"
    r"|(?:the )?(?P<before>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,5}) (?:reported|said in a (?:statement|release|readout))"
)


def _issuer_before(text: str, at: int) -> str | None:
    """The last issuer of a document the text names before offset `at`."""
    found = [m.group("after") or m.group("before") for m in _ISSUER.finditer(text, 0, at)]
    found = [without_article(f.rstrip(".,;")) for f in found if f and not f.startswith(("It ", "He "))]
    return found[-1] if found else None
