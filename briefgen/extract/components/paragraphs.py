"""A blank line ends a sentence: headlines, datelines, bylines and list items carry no full stop.
So does the end of a short line with no final stop ("Press Trust of India New Delhi" over the story's
first line): a heading or byline, where hard-wrapped prose breaks long lines.

Why a component: the parser decides sentence boundaries from syntax alone and glues a headline
("Greek PM meets UN chief to discuss key issues") to the first sentence of the story, which then
frames the meeting with the headline's words. Marking the first token after a blank line as a
sentence start before the parser runs makes the parser respect the break; nothing else changes.
"""

from __future__ import annotations

from typing import Any

#: A line this short (in characters) that ends without a stop is a heading or a byline, not wrapped prose.
HEADING_CHARS = 48
_FINAL = frozenset(".!?:;,")


class ParagraphBreaks:
    """Sets `is_sent_start` on the first token after a blank line, or after a short line with no stop."""

    def __call__(self, doc: Any) -> Any:
        text = doc.text
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            gap = prev.whitespace_ + (prev.text if prev.is_space else "")
            if tok.is_space:
                continue
            if "\n" not in gap:
                if (prev.is_alpha or prev.text == ",") and tok.is_alpha:
                    tok.is_sent_start = False  # "President | Dana Ward called …": no sentence starts after a word
                continue
            if "\n\n" in gap:
                tok.is_sent_start = True
                continue
            line_start = text.rfind("\n", 0, prev.idx) + 1
            line = text[line_start : prev.idx + len(prev.text)].strip()
            if line and len(line) <= HEADING_CHARS and line[-1] not in _FINAL and tok.text[:1].isupper():
                tok.is_sent_start = True
        return doc


def make_paragraph_breaks(nlp: Any, name: str) -> ParagraphBreaks:
    """Factory registered as "briefgen_paragraphs" (see pipeline.register)."""
    return ParagraphBreaks()
