"""Setting: the meeting's date, city and country, and occasion; what the text does not state stays empty.

Order of trust for the place: the sentence that frames the meeting ("… met … in Antalya, Türkiye"),
then a sentence that names the occasion together with a city ("The Second Ministerial Conference in
Cairo …"), then a news-agency dateline ("ANKARA, March 3 (Reuters) -"). A government readout's
dateline ("WASHINGTON:") is where the statement was issued: it is used only when the text names no
occasion elsewhere. An event is never a city.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Location, Setting
from ..components.document import Analysis
from ..lexicon.data import cues
from ..lexicon.gazetteer import fold, gazetteer
from ..text.dateline import dateline
from ..text.dates import FULL_DATE, is_day_expression, resolve
from .people import People


def _region_or_country_after(doc: Any, after: int, limit: int) -> str | None:
    """The country or region named after the comma that follows a place (", Türkiye", ", California").

    One helper for both readings of a place (known city, or capitalised span), longest tail first, up to three tokens.
    """
    gaz = gazetteer()
    if after + 1 < limit and doc[after].text == ",":
        for m in range(min(3, limit - after - 1), 0, -1):
            tail = doc[after + 1 : after + 1 + m].text
            region_country = gaz.country(tail) or gaz.region(tail)
            if region_country:
                return region_country
    return None


def _place_after(doc: Any, i: int, limit: int) -> tuple[str | None, str | None, int]:
    """(city, country, end) for a place named at token i: "Antalya, Türkiye", "Woodside, California", "Cairo"."""
    gaz = gazetteer()
    if i >= limit or not doc[i].text[:1].isupper():
        return None, None, i
    # Known cities first, longest first: "Rio de Janeiro", "Sharm el-Sheikh", "The Hague", "Mexico City".
    for n in range(min(gaz.longest_city + 1, limit - i), 0, -1):
        span = doc[i : i + n]
        if not span[-1].text[:1].isupper():
            continue
        known = gaz.city(span.text)
        if known and (n > 1 or doc[i].lower_ != "the"):
            after = i + n
            region_country = _region_or_country_after(doc, after, limit)
            return known[0], region_country or known[1], after
    if doc[i].lower_ == "the":
        return None, None, i
    best: tuple[str | None, str | None, int] = (None, None, i)
    for n in range(min(4, limit - i), 0, -1):
        span = doc[i : i + n]
        if not all(t.text[:1].isupper() or t.text in {".", "-", "'"} for t in span):
            continue
        text = span.text
        known = gaz.city(text)
        after = i + n
        region_country = _region_or_country_after(doc, after, limit)
        if known:
            return known[0], region_country or known[1], after
        placelike = span[-1].ent_type_ in {"GPE", "LOC", "FAC"} or span[0].ent_type_ in {"GPE", "LOC"} or n == 1
        if region_country and placelike and not gaz.country(text) and not gaz.body(text):
            return text.rstrip("."), region_country, after
        country = gaz.country(text)
        if country and n >= 1:
            best = (None, country, after)
            break
    return best


def _city_in(sent: Any, an: Analysis) -> tuple[str | None, str | None]:
    """The first "in <City>" (or "visit to <City>") of a sentence, skipping events and background years."""
    doc = an.doc
    for tok in sent:
        if tok.lower_ not in {"in", "to"}:
            continue
        if tok.lower_ == "to" and not (tok.i > 0 and doc[tok.i - 1].lemma_ in {"visit", "trip", "travel"}):
            continue
        city, country = None, None
        c, k, _ = _place_after(doc, tok.i + 1, sent.end)
        city, country = c, k
        if city:
            return city, country
    return None, None


def _occasion(an: Analysis, people: People) -> tuple[str | None, Any]:
    """ "on the sidelines of …", "at the … Summit", "during the … visit": the phrase and its sentence."""
    c = cues()
    heads = set(c.get("occasion_heads", []))
    frame = people.frame_sentence
    sents = ([frame] if frame is not None else []) + [s for s in an.sents[:6] if s is not frame]
    stop = re.compile(
        r",|\.(?=\s|$)|;|:|\(| and (?=[a-z])| in (?=[A-Z])| on (?=[A-Z][a-z]+day|\d)| to (?=[a-z])| with "
        r"| where | which | who | today| yesterday| this | last | from (?=[a-z])| that "
    )
    for sent in sents:
        text = an.text_of(sent)
        low = text.lower()
        for opener in c.get("occasion_openers", []):
            for m in re.finditer(re.escape(opener) + r"\s", low):
                rest = text[m.end() :]
                cut = stop.search(rest)
                phrase = rest[: cut.start()] if cut else rest
                phrase = phrase.strip()
                words = phrase.split()
                if not words or len(words) > 16:
                    continue
                generic = opener in {"at the", "during the", "during his", "during her", "during their", "as part of"}
                if generic and not (set(re.findall(r"[\w-]+", phrase)) & heads):
                    continue
                if generic and not any(w[:1].isupper() for w in words) and "visit" not in words:
                    continue
                lead = text[m.start() : m.end()].strip()
                return f"{lead} {phrase}", sent
    if frame is not None:
        for tok in frame:
            if tok.lower_ == "summit" and tok.head.lemma_ in {"hold", "have"}:
                names = [p for p in people.participants if p.name]
                if len(names) >= 2:
                    parts = [f"{p.title} {p.name.split(',')[0]}" if p.title else p.name for p in names[:2]]
                    return f"{tok.text} between {parts[0]} and {parts[1]}", frame
    return None, None


def extract_setting(an: Analysis, people: People) -> Setting:
    """The meeting's setting; a text in which nobody takes part has none."""
    if not people.participants:
        return Setting(confidence=0.0)
    gaz = gazetteer()
    frame = people.frame_sentence
    first = an.sents[0] if an.sents else None
    evidence_sents = []
    # ---- occasion
    occasion, occ_sent = _occasion(an, people)
    if occ_sent is not None:
        evidence_sents.append(occ_sent)
    # ---- date
    line = dateline(an.text)
    date_text = None
    date = None
    date_sents = [s for s in (frame, first) if s is not None]
    skip_until = line.end if line else 0
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
        resolved = [(ent, resolve(ent.text, an.published)) for ent in found]
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
    city = country = None
    if frame is not None:
        city, country = _city_in(frame, an)
    if not city and occasion:
        key = [w for w in re.findall(r"[A-Za-z]+", occasion) if w[:1].isupper() and len(w) > 2][:4]
        for sent in an.sents:
            if sent is occ_sent and frame is not None:
                continue
            if key and sum(1 for w in key if w in an.text_of(sent)) >= min(2, len(key)):
                city, country = _city_in(sent, an)
                if city:
                    evidence_sents.append(sent)
                    break
    if not city and frame is None and first is not None and not occasion:
        city, country = _city_in(first, an)
    if not city and frame is not None:
        venue = gaz.venue_city(an.text_of(frame))  # "received … at the Élysée Palace"
        if venue:
            city, country = venue
    if not city and line and line.city and (line.agency or line.dash or not occasion):
        known = gaz.city(line.city)
        if known:
            city, country = known
        elif not gaz.country(line.city):
            city = line.city
    if city and not country:
        known = gaz.city(city)
        country = known[1] if known else None
    if city and fold(city) in {fold(w) for w in gaz.event_words}:
        city = None
    if people.frame_is_call:
        city = country = None
    setting = Setting(
        date=date,
        date_text=date_text,
        location=Location(city=city, country=country),
        occasion=occasion,
    )
    sents = evidence_sents or ([frame] if frame is not None else [])
    setting.evidence = [an.sentence_evidence(s) for s in dict.fromkeys(sents)]
    setting.confidence = 0.85 if frame is not None else 0.65
    return setting
