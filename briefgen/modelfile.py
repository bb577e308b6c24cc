"""Read and write Meeting model files (YAML or JSON), the format a person edits.

YAML goes through briefgen.yamlio (duplicate keys are errors, no aliases, dates checked by the
schema) and JSON follows the same policy. Every failure names the file and, once the file
parses, the field path, so that a hand edit can be fixed in one look.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import yamlio
from .errors import ModelFileError
from .fsio import read_regular
from .model import Meeting
from .validation import format_validation_error, lone_surrogate

MODEL_SUFFIXES = (".yaml", ".yml", ".json")
MAX_MODEL_BYTES = 10 * 1024 * 1024
#: Most items in one list of a model file (participants, topics, quotes …), and evidence spans
#: or points on one item. A meeting has dozens; the bound keeps any file the validator accepts
#: renderable in seconds (400,000 participants once took a minute and 1.9 GB, and the memo's
#: cross-referencing of commitments, people and topics grows with the product of the lists).
MAX_ITEMS = 1000
MAX_EVIDENCE = 200
_LISTS = ("participants", "mentioned", "topics", "commitments", "quotes", "outlook", "background")


def is_model_file(path: Path) -> bool:
    return path.suffix.lower() in MODEL_SUFFIXES and not path.name.lower().endswith(".meta.yaml")


def parse_meeting(data: object, subject: str) -> Meeting:
    if data is None:
        raise ModelFileError(subject, "the model file is empty")
    if not isinstance(data, dict):
        raise ModelFileError(subject, "a model file must hold a mapping at the top level")
    problem = lone_surrogate(data) or _too_many(data)
    if problem:
        raise ModelFileError(subject, problem)
    try:
        return Meeting.model_validate(data)
    except ValidationError as err:
        # A version-1 file names its one source `source`; it is validated as `sources.0`.
        renamed = {("sources", 0): ("source",)} if "source" in data and "sources" not in data else None
        raise ModelFileError(subject, format_validation_error(err, renamed=renamed)) from None
    except RecursionError:
        raise ModelFileError(subject, "model file is nested too deeply") from None


#: Most JSON objects one model file may hold (a meeting needs a few thousand; three million
#: empty objects in 9 MB took 2 GB to validate).
MAX_JSON_OBJECTS = 200_000


class _JsonObjects:
    """object_pairs_hook: duplicate keys are errors, and the number of objects is bounded."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        self.count += 1
        if self.count > MAX_JSON_OBJECTS:
            raise yamlio.YamlError(f"more than {MAX_JSON_OBJECTS:,} objects in one file")
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise yamlio.YamlError(f"duplicate key {key[:60]!r}")
            out[key] = value
        return out


def _too_many(data: dict) -> str | None:
    """The first list longer than the bounds above, as `field.path: …`, or None."""
    for name in _LISTS:
        items = data.get(name)
        if not isinstance(items, list):
            continue
        if len(items) > MAX_ITEMS:
            return f"{name}: {len(items):,} items, more than the {MAX_ITEMS:,} a model file may hold"
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            for field in ("evidence", "points"):
                values = item.get(field)
                if isinstance(values, list) and len(values) > MAX_EVIDENCE:
                    return f"{name}.{i}.{field}: {len(values):,} entries, more than {MAX_EVIDENCE:,}"
    return None


def _int_or_marker(text: str) -> int | yamlio.TooLong:
    try:
        return int(text)
    except ValueError:  # more digits than CPython converts
        return yamlio.TooLong(len(text.lstrip("-")))


def _load_json(text: str) -> Any:
    """JSON under the same policy as YAML: duplicate keys are errors, huge integers a marker."""
    return json.loads(text, object_pairs_hook=_JsonObjects(), parse_int=_int_or_marker)


def load_meeting(path: Path) -> Meeting:
    """Load and validate a model file; every failure is a ModelFileError naming the file."""
    path = Path(path)
    raw = read_regular(path, MAX_MODEL_BYTES, ModelFileError, "model file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ModelFileError(path, f"not UTF-8 text (byte {err.start})") from None
    try:
        data = _load_json(text) if path.suffix.lower() == ".json" else yamlio.load(text)
    except json.JSONDecodeError as err:
        raise ModelFileError(path, f"invalid JSON at line {err.lineno}: {err.msg}") from None
    except yamlio.YamlError as err:
        where = f" at line {err.line}" if err.line else ""
        kind = "JSON" if path.suffix.lower() == ".json" else "YAML"
        raise ModelFileError(path, f"invalid {kind}{where}: {err.problem}") from None
    except (RecursionError, MemoryError):
        raise ModelFileError(path, "model file is nested too deeply") from None
    return parse_meeting(data, str(path))


def meeting_to_data(meeting: Meeting) -> dict[str, Any]:
    return meeting.model_dump(mode="json")


def dump_meeting(meeting: Meeting, fmt: str = "yaml") -> str:
    """Serialise deterministically: same model, same text."""
    data = meeting_to_data(meeting)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yamlio.dump(data)
