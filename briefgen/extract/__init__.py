"""Source → Meeting: a spaCy pipeline with rule components, one module per field family.

    people.py       participants and mentioned people (names, titles, affiliations, coreference)
    setting.py      date, city and country, occasion
    topics.py       topic labels placed in the policy taxonomy
    commitments.py  who undertook what, by when
    quotes.py       the words inside quotation marks, with their speaker
    outlook.py      next steps; background events with dates
    summary.py      the bottom line up front

spaCy is imported lazily (inside `warm_up` / `extract`), so importing this package is cheap.
"""

from __future__ import annotations

import datetime as dt

from ..errors import SourceError
from ..model import Meeting, Source

__all__ = ["extract", "warm_up"]


def warm_up() -> None:
    """Load the language pipeline now (one per process), not inside the first job."""
    from .components.pipeline import load_pipeline
    from .lexicon.data import load
    from .lexicon.world import world_cities

    load_pipeline()
    for name in ("cues", "taxonomy", "titles", "gazetteer", "names"):
        load(name)
    world_cities()
    # dateparser is not loaded here: the dates texts state are read directly (text/dates.py), and it
    # loads (about a second) only for the rare expression of another shape


def extract(source: Source, *, published: dt.date | None = None) -> Meeting:
    """The Meeting a source text describes; fields the text does not state stay empty."""
    from .run import run_extraction

    info = source.info
    updates: dict[str, object] = {"chars": len(source.text)}
    if published is not None:
        updates["published"] = published
    info = info.model_copy(update=updates)
    try:
        return run_extraction(source.text, info)
    except RecursionError:
        raise SourceError(info.path or "<text>", "the text is nested too deeply to analyse") from None
