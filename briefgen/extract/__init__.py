"""Source → Meeting. PLACEHOLDER until the extraction stage lands."""

from __future__ import annotations

import datetime as dt

from ..model import Meeting, Source


def extract(source: Source, *, published: dt.date | None = None) -> Meeting:
    info = source.info
    if published is not None:
        info = info.model_copy(update={"published": published})
    return Meeting(source=info)


def warm_up() -> None:
    """Load the language pipeline now (one per process), not inside the first job."""
