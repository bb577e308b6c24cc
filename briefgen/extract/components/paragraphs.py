"""A blank line ends a sentence: headlines, datelines, bylines and list items carry no full stop.

Why a component: the parser decides sentence boundaries from syntax alone and glues a headline
("Greek PM meets UN chief to discuss key issues") to the first sentence of the story, which then
frames the meeting with the headline's words. Marking the first token after a blank line as a
sentence start before the parser runs makes the parser respect the break; nothing else changes.
"""

from __future__ import annotations

from typing import Any


class ParagraphBreaks:
    """Sets `is_sent_start` on the first token after a run of whitespace holding a blank line."""

    def __call__(self, doc: Any) -> Any:
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            gap = prev.whitespace_ + (prev.text if prev.is_space else "")
            if "\n\n" in gap and not tok.is_space:
                tok.is_sent_start = True
        return doc


def make_paragraph_breaks(nlp: Any, name: str) -> ParagraphBreaks:
    """Factory registered as "briefgen_paragraphs" (see pipeline.register)."""
    return ParagraphBreaks()
