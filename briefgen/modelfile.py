"""Read and write Meeting model files (YAML or JSON), the format a person edits.

YAML is parsed with a safe loader that refuses anchors and aliases: a model file never needs
them, and refusing them defuses "billion laughs" expansion before it starts. Validation errors
are reported with the field path so that a hand edit can be fixed in one look.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import ModelFileError
from .model import Meeting

MODEL_SUFFIXES = (".yaml", ".yml", ".json")
MAX_MODEL_BYTES = 10 * 1024 * 1024


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that rejects anchors and aliases outright."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(
                None, None, "aliases are not allowed in a model file", event.start_mark
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.constructor.ConstructorError(
                None, None, "anchors are not allowed in a model file", event.start_mark
            )
        return super().compose_node(parent, index)


def is_model_file(path: Path) -> bool:
    return path.suffix.lower() in MODEL_SUFFIXES and not path.name.lower().endswith(".meta.yaml")


def format_validation_error(err: ValidationError) -> str:
    """One line per problem: `field.path: message`, joined with '; '."""
    parts = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "(top level)"
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown field"
        parts.append(f"{loc}: {msg}")
    return "; ".join(parts)


def parse_meeting(data: object, subject: str) -> Meeting:
    if not isinstance(data, dict):
        raise ModelFileError(subject, "a model file must hold a mapping at the top level")
    try:
        return Meeting.model_validate(data)
    except ValidationError as err:
        raise ModelFileError(subject, format_validation_error(err)) from None


def load_meeting(path: Path) -> Meeting:
    """Load and validate a model file; every failure is a ModelFileError naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ModelFileError(path, f"cannot read: {err.strerror or err}") from None
    if len(raw) > MAX_MODEL_BYTES:
        raise ModelFileError(path, f"model file is larger than {MAX_MODEL_BYTES // 2**20} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ModelFileError(path, f"not UTF-8 text (byte {err.start})") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a safe loader subclass
    except json.JSONDecodeError as err:
        raise ModelFileError(path, f"invalid JSON at line {err.lineno}: {err.msg}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise ModelFileError(path, f"invalid YAML{where}: {problem}") from None
    except RecursionError:
        raise ModelFileError(path, "model file is nested too deeply") from None
    return parse_meeting(data, str(path))


class _Dumper(yaml.SafeDumper):
    """SafeDumper that double-quotes strings YAML would otherwise fold.

    NEL (U+0085) and the Unicode line/paragraph separators are line breaks to a YAML reader;
    written raw they come back as spaces, so such strings are emitted double-quoted, where
    the emitter escapes them.
    """


_LINE_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if any(ch in value for ch in _LINE_BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def meeting_to_data(meeting: Meeting) -> dict[str, Any]:
    return meeting.model_dump(mode="json")


def dump_meeting(meeting: Meeting, fmt: str = "yaml") -> str:
    """Serialise deterministically: same model, same text."""
    data = meeting_to_data(meeting)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
