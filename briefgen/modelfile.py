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


def is_model_file(path: Path) -> bool:
    return path.suffix.lower() in MODEL_SUFFIXES and not path.name.lower().endswith(".meta.yaml")


def parse_meeting(data: object, subject: str) -> Meeting:
    if data is None:
        raise ModelFileError(subject, "the model file is empty")
    if not isinstance(data, dict):
        raise ModelFileError(subject, "a model file must hold a mapping at the top level")
    problem = lone_surrogate(data)
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


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise yamlio.YamlError(f"duplicate key {key[:60]!r}")
        out[key] = value
    return out


def _int_or_marker(text: str) -> int | yamlio.TooLong:
    try:
        return int(text)
    except ValueError:  # more digits than CPython converts
        return yamlio.TooLong(len(text.lstrip("-")))


def _load_json(text: str) -> Any:
    """JSON under the same policy as YAML: duplicate keys are errors, huge integers a marker."""
    return json.loads(text, object_pairs_hook=_unique_keys, parse_int=_int_or_marker)


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
