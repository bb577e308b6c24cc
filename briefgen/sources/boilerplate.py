"""Remove page furniture ("Leave a Reply", "Share this", cookie notices …) from plain text.

Articles saved or pasted from web pages carry lines that are not part of the story; the
extractor would otherwise read "Leave a Reply" as a person. Only whole lines that match a
pattern in briefgen/data/boilerplate.yaml are removed, so an article sentence that merely
mentions cookies or sharing is never cut. Each removed line is returned so the model can
record what was dropped and an analyst can check it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from ..yamlio import load_data_yaml

_DATA = ("data", "boilerplate.yaml")
#: Bullets and separators that widgets put around a line ("• Share", "| Print |").
_FRAME = " \t•·|"
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class BoilerplateRules:
    max_line_chars: int
    by_format: dict[str, re.Pattern[str]]
    general: re.Pattern[str]
    placeholder_metadata: dict[str, frozenset[str]]
    html_furniture: re.Pattern[str]

    def pattern_for(self, fmt: str) -> re.Pattern[str]:
        return self.by_format.get(fmt, self.general)


@functools.cache
def rules() -> BoilerplateRules:
    """The patterns from the data file, compiled once per process."""
    path = resources.files("briefgen").joinpath(*_DATA)
    data = load_data_yaml(path.read_text(encoding="utf-8"))
    entries: list[tuple[str, tuple[str, ...] | None]] = []
    for entry in data["patterns"]:
        if isinstance(entry, str):
            entries.append((entry, None))
        elif isinstance(entry, dict) and set(entry) == {"pattern", "formats"}:
            entries.append((entry["pattern"], tuple(entry["formats"])))
        else:
            raise ValueError(f"{path}: a pattern must be a string or {{pattern, formats}}, not {entry!r}")
    formats = {f for _, fmts in entries if fmts for f in fmts}

    def combine(fmt: str | None) -> re.Pattern[str]:
        chosen = [p for p, fmts in entries if fmts is None or (fmt is not None and fmt in fmts)]
        return re.compile("|".join(f"(?:{p})" for p in chosen), re.IGNORECASE)

    placeholders = {
        key: frozenset(str(v).casefold() for v in values) for key, values in data["placeholder_metadata"].items()
    }
    return BoilerplateRules(
        max_line_chars=int(data["max_line_chars"]),
        by_format={f: combine(f) for f in formats},
        general=combine(None),
        placeholder_metadata=placeholders,
        html_furniture=re.compile("|".join(data["html_furniture_classes"]), re.IGNORECASE),
    )


def is_boilerplate(line: str, fmt: str = "txt") -> bool:
    """True when the whole line is page furniture for a source of this format."""
    r = rules()
    core = line.strip(_FRAME)
    if not core or len(core) > r.max_line_chars:
        return False
    return r.pattern_for(fmt).fullmatch(core) is not None


def remove_boilerplate(text: str, fmt: str = "txt") -> tuple[str, list[str]]:
    """Drop furniture lines; returns (text, removed lines as they were)."""
    kept: list[str] = []
    removed: list[str] = []
    for line in text.split("\n"):
        if is_boilerplate(line, fmt):
            removed.append(line.strip())
        else:
            kept.append(line)
    if not removed:
        return text, removed
    return _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip(), removed


def is_placeholder(key: str, value: str) -> bool:
    """True for metadata that tools stamp on every file (python-docx's author, for one)."""
    return value.strip().casefold() in rules().placeholder_metadata.get(key, frozenset())
