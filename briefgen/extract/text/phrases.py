"""Small edits of phrases as written: the article a label or a name does without."""

from __future__ import annotations

import re

_ARTICLE = re.compile(r"^(?:the|a|an) ", re.I)


def without_article(text: str) -> str:
    """ "the Joint Commission" → "Joint Commission": how a body or an event is named in a label."""
    return _ARTICLE.sub("", text)
