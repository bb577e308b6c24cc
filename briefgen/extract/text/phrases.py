"""Small edits of phrases as written: the article a label or a name does without."""

from __future__ import annotations

import re

_ARTICLE = re.compile(r"^(?:the|a|an) ", re.I)


def without_article(text: str) -> str:
    """ "the Joint Commission" → "Joint Commission": how a body or an event is named in a label."""
    return _ARTICLE.sub("", text)


#: A sentence opening on a year, with or without its month and day: "In September 2019, …", "On 3 May 2021, …".
_OPENS_ON_A_YEAR = re.compile(
    r"\s*(?:In|On|Back in|Since)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\b"
)


def opens_on_a_past_date(sentence: str) -> bool:
    """ "In September 2019, the ministers agreed to …": a sentence that opens on a year tells what happened then,
    background to the meeting, not a step it took. (A sentence with "will" is the caller's to keep.)"""
    return bool(_OPENS_ON_A_YEAR.match(sentence))
