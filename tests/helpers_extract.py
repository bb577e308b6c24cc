"""Extraction from a text written in a test, through the same clean-up the sources stage applies to files."""

from __future__ import annotations

import datetime as dt

from briefgen.extract import extract
from briefgen.model import Meeting, Source, SourceInfo
from briefgen.sources.boilerplate import remove_boilerplate


def run(text: str, published: dt.date | None = None, *, clean: bool = True) -> Meeting:
    """The Meeting extracted from `text` as if it had been read from a .txt file (`clean=False`: the
    text exactly as given, to test what extraction alone does with page furniture)."""
    cleaned, removed = remove_boilerplate(text) if clean else (text, [])
    info = SourceInfo(path="t.txt", removed=removed) if removed else SourceInfo(path="t.txt")
    return extract(Source(text=cleaned, info=info), published=published)
