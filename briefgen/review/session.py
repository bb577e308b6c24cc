"""One review: the model file being corrected, its source text, and where the memo goes.

This module holds what the review page may touch, and nothing the client can widen: the
model file, the source it was extracted from (read only) and the two memo files in the
output folder. Every operation goes through the public API (`extract`, `read_source`,
`load_meeting`, `dump_meeting`, `render_docx`, `render_pdf`) and the build's atomic
writer, so the page extracts, validates, saves and renders exactly as the CLI does. It
knows nothing of HTTP, so it can be tested and reused without the web stack.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..build.discover import safe_stem
from ..config import MemoSettings
from ..errors import BriefgenError, ModelFileError
from ..fsio import write_files
from ..model import REVIEW_THRESHOLD, Meeting
from ..modelfile import dump_meeting, is_model_file, load_meeting


class Conflict(BriefgenError):
    """The model file changed on disk since the page loaded it."""


class Invalid(BriefgenError):
    """An edit the model rejects; `errors` name each field."""

    def __init__(self, subject: object, errors: list[dict[str, str]]) -> None:
        self.errors = errors
        super().__init__(subject, "; ".join(f"{e['path'] or '(model)'}: {e['message']}" for e in errors))


@dataclass
class SourceText:
    """The text evidence offsets point into, or why it is not available."""

    text: str | None
    note: str | None = None


@dataclass
class Opened:
    """What `open_review` did, for the terminal: the model file and how it came to be."""

    model_path: Path
    extracted: bool


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def field_errors(err: ValidationError) -> list[dict[str, str]]:
    """Pydantic's errors as {path, message}, with the same wording `briefgen validate` uses.

    The path is dotted (`participants.0.name`) so the page can put each message next to the
    input it names. A model-level check (evidence past the end of the text) names its field
    inside the message; it is split off so it lands next to that field too.
    """
    out = []
    for e in err.errors(include_url=False):
        path = ".".join(str(p) for p in e["loc"])
        message = e["msg"]
        if e["type"] == "value_error":
            message = message.removeprefix("Value error, ")
            if not path and ": " in message:
                path, message = message.split(": ", 1)
        elif e["type"] == "extra_forbidden":
            message = "unknown field"
        elif e["type"] == "missing" or (e["type"] == "string_type" and e.get("input", ...) is None):
            message = "required"
        elif e["type"].startswith("date_"):
            message = "not a date: write it as YYYY-MM-DD, e.g. 2024-11-05 (partial dates go in 'date as written')"
        out.append({"path": path, "message": message})
    return out


def validate(data: Any) -> Meeting:
    """The model's own validation, as `briefgen validate` applies it; raises Invalid."""
    if not isinstance(data, dict):
        raise Invalid("model", [{"path": "", "message": "a model must be a mapping"}])
    try:
        return Meeting.model_validate(data)
    except ValidationError as err:
        raise Invalid("model", field_errors(err)) from None


def _read_text(path: Path) -> tuple[str | None, str | None]:
    """A source's cleaned text and sha256, or (None, None) when it cannot be read."""
    from ..sources import read_source

    try:
        source = read_source(path)
    except BriefgenError:
        return None, None
    return source.text, source.info.sha256


def open_review(input_path: Path, out_dir: Path, *, published: dt.date | None = None, on_extract=None) -> Opened:
    """The model file to review for INPUT, extracting it first when there is none yet.

    A source is extracted into OUT/<stem>.yaml unless that file exists, in which case it is
    reopened: a person's edits are never overwritten by a new extraction. A model file is
    reviewed in place.
    """
    input_path = Path(input_path)
    if is_model_file(input_path):
        load_meeting(input_path)  # fail now, in one line, rather than in the page
        return Opened(input_path, extracted=False)
    if not input_path.is_file():
        problem = "not a file (review takes one source or model file)" if input_path.exists() else "no such file"
        raise BriefgenError(input_path, problem)
    model_path = Path(out_dir) / f"{safe_stem(input_path.stem)}.yaml"
    if model_path.exists():
        load_meeting(model_path)
        return Opened(model_path, extracted=False)
    from ..build import prepare_out_dir
    from ..extract import extract
    from ..sources import read_source

    if on_extract:
        on_extract(model_path)
    meeting = extract(read_source(input_path, published=published), published=published)
    prepare_out_dir(Path(out_dir))
    write_files({model_path: dump_meeting(meeting, "yaml").encode("utf-8")})
    return Opened(model_path, extracted=True)


@dataclass
class Review:
    """The files of one review and the operations the page may perform on them."""

    model_path: Path
    out_dir: Path
    settings: MemoSettings
    source_path: Path | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def stem(self) -> str:
        return self.model_path.stem

    @property
    def fmt(self) -> str:
        return "json" if self.model_path.suffix.lower() == ".json" else "yaml"

    def output(self, suffix: str) -> Path:
        """One of the two memo files; the suffix comes from the server's own table."""
        return self.out_dir / f"{self.stem}{suffix}"

    def load(self) -> tuple[Meeting, str]:
        """The model as saved on disk, with the digest of the bytes it was read from."""
        with self._lock:
            raw = self._raw()
            return load_meeting(self.model_path), digest(raw)

    def _raw(self) -> bytes:
        try:
            return self.model_path.read_bytes()
        except OSError as err:
            raise ModelFileError(self.model_path, f"cannot read: {err.strerror or err}") from None

    def source_text(self, meeting: Meeting) -> SourceText:
        """The source the offsets point into: the INPUT source, else the path the model names.

        A source that changed since extraction is still shown, with a note, because its
        highlights may be misplaced.
        """
        candidates: list[Path] = []
        if self.source_path is not None:
            candidates.append(self.source_path)
        named = meeting.source.path
        if named and named != "-":
            candidates += [Path(named), self.model_path.parent / named]
        for path in candidates:
            if not path.is_file():
                continue
            text, sha = _read_text(path)
            if text is None:
                continue
            note = None
            if meeting.source.sha256 and sha != meeting.source.sha256:
                note = f"{path.name} changed since this model was extracted; highlights may be misplaced."
            return SourceText(text, note)
        where = named or "the model names no source file"
        return SourceText(None, f"Source text not found ({where}); showing the evidence sentences only.")

    def state(self) -> dict[str, Any]:
        """Everything the page needs to open: model, digest, source text and labels."""
        meeting, current = self.load()
        source = self.source_text(meeting)
        note = source.note
        if len(meeting.sources) > 1 and source.text is not None:
            # A merged model (issue 13): offsets point into each evidence's own source; the page
            # shows the first, so only its evidence is highlighted and new evidence names it.
            others = ", ".join(s.id or "?" for s in meeting.sources[1:])
            shown = f"This model merges {len(meeting.sources)} accounts; the text shown is source {meeting.source.id}'s"
            note = " ".join(filter(None, [note, f"{shown} (evidence from {others} is listed, not highlighted)."]))
        return {
            "model": meeting.model_dump(mode="json"),
            "digest": current,
            "source": {"text": source.text, "note": note, "id": meeting.source.id},
            "file": self.model_path.name,
            "threshold": REVIEW_THRESHOLD,
        }

    def save(self, data: Any, base: str) -> str:
        """Validate, check the file is still the one the page loaded, write it atomically.

        Returns the new digest. Raises Invalid (nothing written) or Conflict (nothing
        written; the page offers to reload).
        """
        meeting = validate(data)
        text = dump_meeting(meeting, self.fmt).encode("utf-8")
        with self._lock:
            if digest(self._raw()) != base:
                raise Conflict(self.model_path, "changed on disk since the page loaded it")
            write_files({self.model_path: text})
            return digest(text)

    def build(self, base: str) -> dict[str, str]:
        """Render the saved model, as `briefgen build MODEL` does, into OUT/<stem>.docx/.pdf."""
        from ..build import prepare_out_dir
        from ..render import render_docx, render_pdf

        with self._lock:
            raw = self._raw()
            if digest(raw) != base:
                raise Conflict(self.model_path, "changed on disk since the page loaded it")
            meeting = load_meeting(self.model_path)
        outputs = {".docx": render_docx(meeting, self.settings), ".pdf": render_pdf(meeting, self.settings)}
        prepare_out_dir(self.out_dir)
        write_files({self.output(suffix): data for suffix, data in outputs.items()})
        return {suffix: digest(data) for suffix, data in outputs.items()}
