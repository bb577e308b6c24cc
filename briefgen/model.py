"""The Meeting model: the one contract that sources, extraction and rendering share.

Every extracted fact carries `evidence` (character offsets into the source text plus the
sentence itself, so a model file stands alone) and a `confidence`, because an analyst must be
able to check each claim and the memo must flag the weak ones. Facts the source does not state
stay empty: `None` or an empty list, never a guess.

Unknown keys are rejected (`extra="forbid"`) so that a typo in a hand-edited model file is an
error that names the field instead of an edit that silently does nothing.

Schema version 2 lets one meeting rest on several accounts: `sources` is a list, every piece of
evidence names its source by id, and `conflicts` records each field on which the accounts
differ. A version-1 file (one `source`) is upgraded in memory when it is read, so old model
files and hand edits keep working; see docs/MERGE_AND_DOSSIER.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = 2
#: The versions a model file may declare; older ones are upgraded when read.
READABLE_VERSIONS = (1, 2)

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
    source: str | None = Field(
        default=None, description="id of the source (in the meeting's `sources`) these offsets point into"
    )

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

    id: str | None = Field(
        default=None, description="short id that evidence uses to name this source (A, B, …); set when read"
    )
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


class ConflictValue(Strict):
    """What one source says about a field on which the sources differ (None: it says nothing)."""

    source: str = Field(description="id of the source")
    value: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Conflict(Strict):
    """A field on which the sources of a meeting differ: shown to the reader, never settled silently.

    `field` is a path into the model (`setting.date`, `participants.0.title`,
    `commitments.2.deadline`, `commitments.2` for a commitment only some sources report) and
    `subject` says in words what it is about (a person's name, a commitment's action).
    """

    field: str
    subject: str | None = None
    values: list[ConflictValue] = Field(min_length=2)


def source_id(index: int) -> str:
    """A, B, …, Z, AA, AB, …: short enough to print beside every citation."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


class Meeting(Strict):
    """The structured record of one meeting, as extracted and as corrected by a person."""

    schema_version: Literal[2] = SCHEMA_VERSION
    sources: list[SourceInfo] = Field(default_factory=lambda: [SourceInfo()], min_length=1)
    summary: Summary = Field(default_factory=Summary)
    participants: list[Person] = Field(default_factory=list)
    mentioned: list[Person] = Field(default_factory=list, description="people named who did not take part")
    setting: Setting = Field(default_factory=Setting)
    topics: list[Topic] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    outlook: list[OutlookItem] = Field(default_factory=list)
    background: list[BackgroundEvent] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list, description="fields on which the sources differ")

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        """Read a version-1 file (or `Meeting(source=…)`): its one `source` becomes `sources`."""
        if not isinstance(data, dict):
            return data
        version = data.get("schema_version", SCHEMA_VERSION)
        if version in READABLE_VERSIONS:
            data = {**data, "schema_version": SCHEMA_VERSION}
        if "source" in data:
            if "sources" in data:
                raise ValueError("give either `source` (schema version 1) or `sources`, not both")
            data = dict(data)
            first = data.pop("source")
            data["sources"] = [first if first is not None else {}]
        return data

    @model_validator(mode="after")
    def _sources_named(self) -> Meeting:
        """Every source has a unique id; every piece of evidence names one of them.

        With one source, evidence that names none is taken to mean it (that is how a version-1
        file reads); with several, an id that matches no source is an error naming the field.
        """
        ids: list[str] = []
        for i, info in enumerate(self.sources):
            if not info.id:  # a copy: the SourceInfo passed in may be shared with other meetings
                info = self.sources[i] = info.model_copy(update={"id": source_id(i)})
            if info.id in ids:
                raise ValueError(f"sources.{i}.id: {info.id!r} is used by two sources")
            ids.append(info.id)
        chars = {info.id: info.chars for info in self.sources}
        only = ids[0] if len(ids) == 1 else None
        for path, item in self.iter_items():
            for i, ev in enumerate(item.evidence):
                self._check_evidence(f"{path}.evidence.{i}", ev, chars, only)
        for n, conflict in enumerate(self.conflicts):
            for k, value in enumerate(conflict.values):
                where = f"conflicts.{n}.values.{k}"
                if value.source not in chars:
                    raise ValueError(f"{where}.source: {value.source!r} is not one of the sources ({', '.join(ids)})")
                for i, ev in enumerate(value.evidence):
                    self._check_evidence(f"{where}.evidence.{i}", ev, chars, only)
        return self

    @staticmethod
    def _check_evidence(where: str, ev: Evidence, chars: dict[str, int | None], only: str | None) -> None:
        if ev.source is None:
            if only is None:
                raise ValueError(f"{where}: names no source (the meeting has {len(chars)})")
            ev.source = only
        elif ev.source not in chars:
            raise ValueError(f"{where}.source: {ev.source!r} is not one of the sources ({', '.join(chars)})")
        limit = chars[ev.source]
        if limit is not None and ev.end > limit:
            # Offsets past the end of the source text mean a corrupted or mixed-up file.
            raise ValueError(f"{where}: end {ev.end} is outside the source text ({limit} characters)")

    @property
    def source(self) -> SourceInfo:
        """The first (for a single account, the only) source: what version-1 callers read."""
        return self.sources[0]

    @source.setter
    def source(self, info: SourceInfo) -> None:
        """Version-1 callers that assign `meeting.source` replace the first source (its id kept)."""
        self.sources = [info.model_copy(update={"id": self.sources[0].id}), *self.sources[1:]]

    def source_by_id(self, sid: str | None) -> SourceInfo:
        return next((s for s in self.sources if s.id == sid), self.sources[0])

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Meeting:
        """As pydantic's, with `update={"source": …}` replacing the first source (version-1 style)."""
        if update and "source" in update:
            update = dict(update)
            first = update.pop("source").model_copy(update={"id": self.sources[0].id})
            update["sources"] = [first, *self.sources[1:]]
        return super().model_copy(update=update, deep=deep)

    def iter_items(self) -> list[tuple[str, Item]]:
        """Every evidence-bearing part with its field path, for validation and the sources annex."""
        out: list[tuple[str, Item]] = [("summary", self.summary), ("setting", self.setting)]
        for name in ("participants", "mentioned", "topics", "commitments", "quotes", "outlook", "background"):
            out.extend((f"{name}.{i}", item) for i, item in enumerate(getattr(self, name)))
        return out


# --------------------------------------------------------------------------- dossier
# Many meetings between two parties: what `briefgen dossier` computes and writes as YAML.
# Every row cites its evidence through `Cite`: the meeting (M1, M2 … in date order) and the
# evidence within that meeting's sources.

DOSSIER_SCHEMA_VERSION = 1

Status = Literal["restated", "reported done", "due", "overdue", "no deadline"]


class Cite(Strict):
    meeting: str = Field(description="id of the meeting in the dossier (M1, M2, … in date order)")
    evidence: Evidence


class DossierMeeting(Strict):
    """One meeting of the dossier, with the sources it was read from."""

    id: str
    date: dt.date | None = None
    date_text: str | None = None
    place: str | None = None
    occasion: str | None = None
    participants: list[str] = Field(default_factory=list)
    sources: list[SourceInfo] = Field(default_factory=list)
    input: str | None = Field(default=None, description="the file the meeting was read from")


class TimelineEntry(Strict):
    """A meeting of the dossier, or an earlier engagement a text only mentions (`background`)."""

    kind: Literal["meeting", "background"]
    meeting: str = Field(description="the meeting itself, or the meeting whose text mentions the event")
    date: dt.date | None = None
    date_text: str | None = None
    place: str | None = None
    occasion: str | None = None
    participants: list[str] = Field(default_factory=list)
    outcome: str | None = Field(default=None, description="one line: the main outcome, or the event")
    evidence: list[Cite] = Field(default_factory=list)


class TrackedCommitment(Strict):
    """A commitment followed across meetings; its status rests on the texts alone."""

    actor: str | None = None
    action: str
    deadline: str | None = None
    deadline_date: dt.date | None = Field(default=None, description="the deadline as a day, when it can be dated")
    first_made: str
    restated_at: list[str] = Field(default_factory=list)
    reported_done_at: str | None = None
    status: Status
    evidence: list[Cite] = Field(default_factory=list)


class TopicThread(Strict):
    label: str
    meetings: list[str]
    first_raised: str
    last_raised: str
    evidence: list[Cite] = Field(default_factory=list)


class QuoteEntry(Strict):
    meeting: str
    text: str
    evidence: list[Cite] = Field(default_factory=list)


class SpeakerQuotes(Strict):
    speaker: str
    quotes: list[QuoteEntry]


class TitleHeld(Strict):
    title: str
    first: str = Field(description="first meeting where the texts give this title")
    last: str


class PersonRecord(Strict):
    name: str
    affiliation: str | None = None
    titles: list[TitleHeld] = Field(default_factory=list, description="every title held, in the order held")
    meetings: list[str] = Field(default_factory=list)


class Dossier(Strict):
    """Meetings between parties in date order, with a commitment tracker and threads across them."""

    schema_version: Literal[1] = DOSSIER_SCHEMA_VERSION
    parties: list[str]
    as_of: dt.date | None = Field(default=None, description="date for due/overdue; default: the latest meeting")
    meetings: list[DossierMeeting]
    timeline: list[TimelineEntry] = Field(default_factory=list)
    commitments: list[TrackedCommitment] = Field(default_factory=list)
    topics: list[TopicThread] = Field(default_factory=list)
    quotes: list[SpeakerQuotes] = Field(default_factory=list)
    people: list[PersonRecord] = Field(default_factory=list)
