"""The theme: fonts, sizes, colours, margins and logo that both writers read.

Defaults live in theme.yaml next to this module; a user's ``--theme FILE`` overrides any
subset of keys (unknown keys are an error that names them, so a typo does not pass silently).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import ConfigError
from ..fsio import read_regular
from ..validation import format_validation_error

DEFAULT_THEME = Path(__file__).with_name("theme.yaml")
#: A theme is a few hundred bytes; anything this large is not one.
MAX_THEME_BYTES = 256 * 1024
_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(_Part):
    size: str = Field(pattern="^(letter|a4)$")
    margin_top: float = Field(gt=0, lt=4)
    margin_bottom: float = Field(gt=0, lt=4)
    margin_left: float = Field(gt=0, lt=4)
    margin_right: float = Field(gt=0, lt=4)

    @property
    def size_inches(self) -> tuple[float, float]:
        return (8.5, 11.0) if self.size == "letter" else (210 / 25.4, 297 / 25.4)

    @model_validator(mode="after")
    def _room_left(self) -> Page:
        """Margins that leave less than two inches of text would crash or starve both writers."""
        width, height = self.size_inches
        if width - self.margin_left - self.margin_right < 2:
            raise ValueError("page: margin_left + margin_right leave less than 2 inches for the text")
        if height - self.margin_top - self.margin_bottom < 2:
            raise ValueError("page: margin_top + margin_bottom leave less than 2 inches for the text")
        return self


class Font(_Part):
    family: str = Field(min_length=1, max_length=64)
    regular: Path | None = None
    bold: Path | None = None
    italic: Path | None = None
    bold_italic: Path | None = None


class Sizes(_Part):
    body: float = Field(ge=5, le=24)
    small: float = Field(ge=5, le=24)
    annex: float = Field(ge=5, le=24)
    table: float = Field(ge=5, le=24)
    title: float = Field(ge=5, le=48)
    heading1: float = Field(ge=5, le=36)
    heading2: float = Field(ge=5, le=36)
    banner: float = Field(ge=5, le=24)
    header_block: float = Field(ge=5, le=24)


class Spacing(_Part):
    paragraph_after: float = Field(ge=0, le=48)
    list_after: float = Field(ge=0, le=48)
    heading1_before: float = Field(ge=0, le=72)
    heading1_after: float = Field(ge=0, le=72)
    heading2_before: float = Field(ge=0, le=72)
    heading2_after: float = Field(ge=0, le=72)
    table_after: float = Field(ge=0, le=72)


class Colors(_Part):
    text: str
    accent: str
    muted: str
    rule: str
    banner: str
    table_header_fill: str
    table_border: str
    box_fill: str
    box_border: str
    review: str

    @field_validator("*")
    @classmethod
    def _hex(cls, value: str) -> str:
        value = str(value).lstrip("#")
        if not _HEX.match(value):
            raise ValueError("must be a colour as RRGGBB hex")
        return value.upper()


class Theme(_Part):
    page: Page
    font: Font
    sizes: Sizes
    leading: float = Field(ge=1.0, le=3.0)
    annex_leading: float = Field(ge=1.0, le=3.0)
    spacing: Spacing
    colors: Colors
    logo: Path | None = None
    logo_width: float = Field(gt=0, le=8)
    source: str = "default"

    def leading_for(self, size: float) -> float:
        return round(size * self.leading, 2)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _read_yaml(path: Path) -> dict[str, Any]:
    from .. import yamlio

    raw = read_regular(path, MAX_THEME_BYTES, ConfigError, "theme")
    try:
        data = yamlio.load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(path, "the theme is not UTF-8 text") from None
    except yamlio.YamlError as err:
        raise ConfigError(path, f"the theme is not valid YAML: {err}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, "the theme must be a YAML mapping")
    return data


def _absolute(data: dict[str, Any], base: Path) -> dict[str, Any]:
    """Make the theme's file paths (fonts, logo) relative to the theme file."""
    data = dict(data)
    if isinstance(data.get("logo"), str):
        data["logo"] = str((base / data["logo"]).resolve())
    font = data.get("font")
    if isinstance(font, dict):
        font = dict(font)
        for key in ("regular", "bold", "italic", "bold_italic"):
            if isinstance(font.get(key), str):
                font[key] = str((base / font[key]).resolve())
        data["font"] = font
    return data


@functools.lru_cache(maxsize=16)
def _load(path: str | None, mtime: float | None) -> Theme:
    data = _read_yaml(DEFAULT_THEME)
    subject: Path | str = DEFAULT_THEME
    if path is not None:
        subject = Path(path)
        data = _merge(data, _absolute(_read_yaml(Path(path)), Path(path).parent))
        data["source"] = str(path)
    try:
        theme = Theme.model_validate(data)
    except ValidationError as err:
        raise ConfigError(subject, f"invalid theme: {format_validation_error(err, 'unknown key')}") from None
    if theme.logo is not None and not theme.logo.is_file():
        raise ConfigError(subject, f"theme logo not found: {theme.logo}")
    for key in ("regular", "bold", "italic", "bold_italic"):
        font_path = getattr(theme.font, key)
        if font_path is not None and not font_path.is_file():
            raise ConfigError(subject, f"theme font file not found: {font_path}")
    return theme


def load_theme(path: Path | None) -> Theme:
    """The default theme, overridden by the user's theme file when one is given."""
    if path is None:
        return _load(None, None)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        raise ConfigError(path, "theme file not found") from None
    return _load(str(path), mtime)
