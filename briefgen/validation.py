"""One way to turn a pydantic ValidationError into one line: `field.path: problem; …`.

Model files, briefgen.toml and themes are all validated by pydantic; the same formatter
names the field in the same words for each, so a hand edit can be fixed in one look.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

MAX_PROBLEMS = 8

#: pydantic's wording for a few error types, in words a person editing a file uses.
_WORDS = {"extra_forbidden": "unknown field", "missing": "required field is missing"}


def field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(p) for p in loc)


def format_validation_error(
    err: ValidationError, unknown: str = "unknown field", renamed: dict[tuple[Any, ...], tuple[Any, ...]] | None = None
) -> str:
    """One entry per problem, joined with '; ', at most MAX_PROBLEMS of them.

    `renamed` maps a location prefix as validated to the one the file used (a version-1 model
    file's `source` is validated as `sources.0`), so the message names what the person wrote.
    """
    parts = []
    errors = err.errors(include_url=False, include_input=False)
    for e in errors[:MAX_PROBLEMS]:
        loc = field_path(_rename(tuple(e["loc"]), renamed or {}))
        msg = e["msg"]
        if e["type"] == "value_error":  # our own validators' messages
            msg = msg.removeprefix("Value error, ")
            if not loc:
                parts.append(msg)
                continue
        msg = unknown if e["type"] == "extra_forbidden" else _WORDS.get(e["type"], msg)
        parts.append(f"{loc or '(top level)'}: {msg}")
    if len(errors) > MAX_PROBLEMS:
        parts.append(f"and {len(errors) - MAX_PROBLEMS} more problems")
    return "; ".join(parts)


def _rename(loc: tuple[Any, ...], renamed: dict[tuple[Any, ...], tuple[Any, ...]]) -> tuple[Any, ...]:
    for prefix, instead in renamed.items():
        if loc[: len(prefix)] == prefix:
            return instead + loc[len(prefix) :]
    return loc


def _strings(data: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string in nested data (keys included) with its path."""
    stack: list[tuple[tuple[Any, ...], object]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str):
                    yield where, key
                stack.append(((*where, key), item))
        elif isinstance(value, list | tuple):
            stack.extend(((*where, i), item) for i, item in enumerate(value))


def lone_surrogate(data: object) -> str | None:
    """The field path of the first string holding a lone surrogate (not text: no file can
    store it as UTF-8), or None. JSON's ``\\ud800`` escapes and YAML's ``"\\ud800"`` make them."""
    for where, text in _strings(data):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as err:
            return f"{field_path(where) or '(top level)'}: holds a lone surrogate {text[err.start]!r}, not text"
    return None
