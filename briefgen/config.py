"""Memo settings: the header fields no source holds, and how the memo is typeset.

They come from a `briefgen.toml` in the working directory and from command-line options;
options win. Relative paths in the file are taken relative to the file, so a project folder
can be moved as a whole.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError
from .fsio import read_regular
from .validation import format_validation_error

CONFIG_NAME = "briefgen.toml"
MAX_CONFIG_BYTES = 256 * 1024


class MemoSettings(BaseModel):
    """Everything besides the Meeting that decides what the memo looks like."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    to: str | None = None
    from_: str | None = Field(default=None, alias="from")
    organisation: str | None = None
    classification: str | None = Field(
        default=None, max_length=500, description="handling marking, top and bottom of each page"
    )
    template: str = "memo"
    template_dir: Path | None = None
    reference_docx: Path | None = None
    theme: Path | None = None
    own_side: str | None = Field(
        default=None, description="the principal's side (e.g. 'United States'); talking points address the others"
    )
    memo_date: str | None = Field(default=None, description="DATE line; default: the source's published date")


def load_config_file(path: Path) -> dict[str, Any]:
    """Read briefgen.toml into a dict of settings, with paths made absolute."""
    raw = read_regular(path, MAX_CONFIG_BYTES, ConfigError, "settings file")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(path, f"invalid TOML: {err}") from None
    for key in ("template_dir", "reference_docx", "theme"):
        if isinstance(data.get(key), str):
            data[key] = str((path.parent / data[key]).resolve())
    return data


def resolve_settings(cwd: Path | None = None, **options: Any) -> MemoSettings:
    """Merge briefgen.toml (if present in `cwd`) with options; options that are None are unset."""
    cwd = cwd or Path.cwd()
    merged: dict[str, Any] = {}
    config_path = cwd / CONFIG_NAME
    if config_path.is_file():
        merged.update(load_config_file(config_path))
    for key, value in options.items():
        if value is not None:
            merged["from" if key == "from_" else key] = value
    try:
        return MemoSettings.model_validate(merged)
    except ValidationError as err:
        problems = format_validation_error(err, "unknown setting")
        raise ConfigError(config_path if config_path.is_file() else "settings", problems) from None
