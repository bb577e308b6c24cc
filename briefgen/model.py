"""The Meeting model: the one contract that sources, extraction and rendering share.

Every extracted fact carries `evidence` (character offsets into the source text plus the
sentence itself, so a model file stands alone) and a `confidence`, because an analyst must be
able to check each claim and the memo must flag the weak ones. Facts the source does not state
stay empty: `None` or an empty list, never a guess.

Unknown keys are rejected (`extra="forbid"`) so that a typo in a hand-edited model file is an
error that names the field instead of an edit that silently does nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 1

#: Items whose confidence falls below this are marked "for review" in the memo.
REVIEW_THRESHOLD = 0.6


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


#: Text a fact cannot do without (a topic's label, a quote's words): empty is an error, not
#: a blank line in the memo.
Text = Annotated[str, AfterValidator(_not_blank)]


class Strict(BaseModel):
    """Base for every model part: unknown keys are errors, assignment is validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Evidence(Strict):
    """A span of the source text that supports a fact: offsets and the sentence itself."""

    start: int = Field(ge=0, description="offset of the first character in the source text")
    end: int = Field(ge=0, description="offset one past the last character")
    text: str = Field(description="the sentence (or span) the fact came from")

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Item(Strict):
    """Anything extracted: it knows where it came from and how sure the extractor was."""

    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)

    @property
    def needs_review(self) -> bool:
        return self.confidence < REVIEW_THRESHOLD


class Person(Item):
    """A person (or an office with no name given) named in the text."""

    name: str | None = None
    title: str | None = None
    affiliation: str | None = Field(default=None, description="country or body")
    side: str | None = Field(default=None, description="the delegation, used to group by side")


class Location(Strict):
    city: str | None = None
    country: str | None = None
    venue: str | None = None


class Setting(Item):
    """Where and when the meeting happened, and on what occasion."""

    date: dt.date | None = Field(default=None, description="only when the text fixes day and year")
    date_text: str | None = Field(default=None, description="the date as written, e.g. 'on Wednesday'")
    location: Location = Field(default_factory=Location)
    occasion: str | None = None


class Topic(Item):
    label: Text
    category: str | None = Field(default=None, description="policy taxonomy category")
    points: list[str] = Field(default_factory=list, description="key points on this topic")


class Commitment(Item):
    actor: str | None = None
    action: Text
    deadline: str | None = None


class Quote(Item):
    speaker: str | None = None
    text: Text = Field(description="the words inside the quotation marks, verbatim")


class OutlookItem(Item):
    text: Text


class BackgroundEvent(Item):
    text: Text
    date_text: str | None = None
    date: dt.date | None = None


class Summary(Item):
    """The bottom line up front: at most four short lines."""

    lines: list[str] = Field(default_factory=list, max_length=4)


class SourceInfo(Strict):
    """Where the text came from; enough to cite it and to know whether it changed."""

    path: str | None = None
    sha256: str | None = None
    format: str | None = Field(default=None, description="txt, md, html, docx, pdf, stdin")
    encoding: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    author: str | None = None
    chars: int | None = Field(default=None, ge=0, description="length of the cleaned text")
    removed: list[str] = Field(default_factory=list, description="boilerplate lines removed")


class Source(Strict):
    """A source read into clean text plus its metadata; the input of extraction."""

    text: str
    info: SourceInfo = Field(default_factory=SourceInfo)


class Meeting(Strict):
    """The structured record of one meeting, as extracted and as corrected by a person."""

    schema_version: Literal[1] = SCHEMA_VERSION
    source: SourceInfo = Field(default_factory=SourceInfo)
    summary: Summary = Field(default_factory=Summary)
    participants: list[Person] = Field(default_factory=list)
    mentioned: list[Person] = Field(default_factory=list, description="people named who did not take part")
    setting: Setting = Field(default_factory=Setting)
    topics: list[Topic] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    outlook: list[OutlookItem] = Field(default_factory=list)
    background: list[BackgroundEvent] = Field(default_factory=list)

    @model_validator(mode="after")
    def _evidence_inside_text(self) -> Meeting:
        """Offsets that point past the end of the source text mean a corrupted or mixed-up file."""
        limit = self.source.chars
        if limit is None:
            return self
        for path, item in self.iter_items():
            for i, ev in enumerate(item.evidence):
                if ev.end > limit:
                    raise ValueError(
                        f"{path}.evidence.{i}: end {ev.end} is outside the source text ({limit} characters)"
                    )
        return self

    def iter_items(self) -> list[tuple[str, Item]]:
        """Every evidence-bearing part with its field path, for validation and the sources annex."""
        out: list[tuple[str, Item]] = [("summary", self.summary), ("setting", self.setting)]
        for name in ("participants", "mentioned", "topics", "commitments", "quotes", "outlook", "background"):
            out.extend((f"{name}.{i}", item) for i, item in enumerate(getattr(self, name)))
        return out
