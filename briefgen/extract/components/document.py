"""The analysed text shared by every field extractor: spaCy doc, sentences, evidence helpers.

Why one object: each field family reads the same sentences and names; parsing once keeps an
article well inside the time budget, and evidence is built the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ...model import Evidence
from ..lexicon.world import find_city
from ..text.dateline import dateline
from ..text.quotemarks import QuoteSpan, find_quote_spans
from .pipeline import MAX_CHARS, load_pipeline

#: A trailing line this short with no sentence punctuation is page furniture ("Leave a Reply", "Share this").
_FOOTER_WORDS = 6
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def content_end(text: str) -> int:
    """Where the article ends: trailing short lines without a full stop are page furniture."""
    end = len(text)
    while True:
        stripped = text[:end].rstrip()
        cut = stripped.rfind("\n")
        last = stripped[cut + 1 :].strip()
        if cut < 0 or not last:
            return len(stripped)
        if len(last.split()) < _FOOTER_WORDS and not re.search(r"[.!?:\"”»]$", last):
            end = cut  # "Leave a Reply", "Share this": short trailing lines (sources/ removes the listed furniture)
            continue
        return len(stripped)


@dataclass
class Analysis:
    """The source text, its analysed prefix, and lookups by character offset."""

    text: str
    doc: Any
    published: dt.date | None
    sents: list[Any] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    quote_spans: list[QuoteSpan] = field(default_factory=list)
    ents: list[Any] = field(default_factory=list)  # doc.ents once: spaCy rebuilds the spans on every access
    body: str = ""  # the analysed text (doc.text, built once: spaCy rebuilds it from tokens on every access)
    headline_end: int = 0  # a headline line at the top ("Lavrov meets Rwandan counterpart") ends here

    def in_headline(self, sent: Any) -> bool:
        """The sentence is (in) the headline: it labels the story, the body tells it."""
        return sent.start_char < self.headline_end

    @property
    def body_sents(self) -> list[Any]:
        """The sentences under the headline."""
        return [s for s in self.sents if not self.in_headline(s)]

    def text_of(self, span: Any) -> str:
        """A sentence's or span's text as analysed, by slicing (Span.text joins its tokens each time)."""
        return self.body[span.start_char : span.end_char]

    def ents_in(self, start: int, end: int) -> list[Any]:
        """Entities inside the token range [start, end)."""
        return [e for e in self.ents if start <= e.start and e.end <= end]

    def quote_at(self, char: int) -> QuoteSpan | None:
        """The quotation holding a character offset, if any."""
        for span in self.quote_spans:
            if span.open_mark > char:
                break
            if span.open_mark <= char <= span.close_mark:
                return span
        return None

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding a character offset (the last one starting at or before it)."""
        lo, hi = 0, len(self._sent_starts) - 1
        if hi < 0:
            return 0
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._sent_starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def evidence(self, start: int, end: int | None = None) -> Evidence:
        """The sentence(s) covering [start, end) as evidence: offsets plus the sentence text."""
        if not self.sents:
            s, e = max(0, min(start, len(self.text))), max(0, min(end or start, len(self.text)))
            return Evidence(start=s, end=max(s, e), text=self.text[s:e])
        first = self.sents[self.sentence_index(start)]
        last = self.sents[self.sentence_index(max(start, (end or start) - 1))]
        s, e = first.start_char, max(first.end_char, last.end_char)
        return Evidence(start=s, end=e, text=self.text[s:e].strip())

    def sentence_evidence(self, sent: Any) -> Evidence:
        return self.evidence(sent.start_char, sent.end_char)


#: At most this many words make a first line a headline rather than a sentence.
_HEADLINE_WORDS = 16


def headline_end(body: str) -> int:
    """Where a headline line at the top ends (0 if none): a short first line with no sentence-final mark,
    followed by more text. Its words name the story, not the meeting's frame: "X meets Y's counterpart"
    there would otherwise make a participant of an office the body names in full."""
    stripped = body.lstrip()
    first, sep, rest = stripped.partition("\n")
    line = first.strip()
    if not sep or not rest.strip() or not line or len(line.split()) > _HEADLINE_WORDS:
        return 0
    if re.search(r"[.!?:;\"”»]$", line):
        return 0
    return len(body) - len(stripped) + len(first)


def analyse(text: str, published: dt.date | None) -> Analysis:
    """Parse the article part of a text (at most MAX_CHARS characters) once."""
    nlp = load_pipeline()
    end = min(content_end(text), MAX_CHARS)
    # Control characters become spaces so offsets stay aligned with the source text.
    body = _CONTROL.sub(" ", text[:end])
    line = dateline(body)
    if line is not None and line.kind == "header" and (not line.city or find_city(line.city) is None):
        line = None  # a headline in title case, not a place heading: it stays part of the text
    if line is not None:  # "BUENOS AIRES, Argentina (AFP) —" is no part of the first sentence's grammar
        body = body[: line.start] + " " * (line.end - line.start) + body[line.end :]  # a title above it stays
    doc = nlp(body)
    sents = [s for s in doc.sents if s.text.strip()]
    return Analysis(
        headline_end=headline_end(body),
        text=text,
        doc=doc,
        published=published,
        sents=sents,
        _sent_starts=[s.start_char for s in sents],
        quote_spans=find_quote_spans(body),
        ents=list(doc.ents),
        body=body,
    )
