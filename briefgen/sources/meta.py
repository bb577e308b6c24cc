"""Source metadata: title, published date, URL, author, from front matter and sidecar files.

Two places a person writes metadata by hand:

* YAML front matter between `---` lines at the very top of a .md or .txt file. Front matter is
  shared with site generators (Jekyll, Hugo), so keys briefgen does not use (`layout`, `tags`)
  are ignored and `date` is read as `published`. A block counts as front matter only when it
  is a YAML mapping with at least one of briefgen's keys; anything else that happens to sit
  between two `---` lines (a horizontal rule in prose) stays text. A block that names one of
  briefgen's keys but is not valid YAML, or has a value of the wrong kind, is an error naming
  the file, because the writer plainly meant metadata and a silent fallback would lose it.
* A sidecar `NAME.meta.yaml` next to the source (NAME is the source's stem). It is briefgen's
  own file, so an unknown key there is an error that names it. Its values override whatever
  the source itself says.

YAML aliases are refused in both: metadata never needs them, and they are how "billion laughs"
documents blow up memory.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..errors import SourceError
from ..fsio import read_regular

KEYS = ("title", "published", "url", "author")
#: Front-matter spellings of briefgen's keys used by other tools.
_ALIASES = {"date": "published", "link": "url", "source": "url", "authors": "author"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_MAX_FRONT_MATTER = 64 * 1024
_MAX_SIDECAR = 64 * 1024
#: The longest file name common file systems allow (ext4, APFS, NTFS: 255 bytes or units).
_MAX_NAME_BYTES = 255
_KEY_LINE = re.compile(r"^(title|published|date|url|author)\s*:", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Metadata:
    """What a source says about itself; None where it says nothing."""

    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    author: str | None = None

    def overridden_by(self, other: Metadata) -> Metadata:
        """These values, with every value `other` sets taking precedence."""
        return replace(self, **{f.name: v for f in fields(other) if (v := getattr(other, f.name)) is not None})


def load_yaml(text: str, subject: str) -> object:
    """Parse YAML under briefgen's one policy (briefgen.yamlio); errors name the subject and line."""
    from .. import yamlio

    try:
        return yamlio.load(text)
    except yamlio.YamlError as err:
        where = f" (line {err.line})" if err.line else ""
        raise SourceError(subject, f"invalid YAML{where}: {err.problem}") from None


def split_front_matter(text: str, subject: str) -> tuple[Metadata, str]:
    """Metadata from a leading `---` block, and the text without it (unchanged if there is none)."""
    match = _FRONT_MATTER.match(text[:_MAX_FRONT_MATTER])
    if not match:
        return Metadata(), text
    block = match.group(1) or ""
    names_a_key = _KEY_LINE.search(block) is not None
    try:
        data = load_yaml(block, subject)
    except SourceError as err:
        if names_a_key or "aliases" in err.problem:
            raise SourceError(subject, f"front matter: {err.problem}") from None
        return Metadata(), text  # prose between two rules, not front matter
    if not isinstance(data, dict):
        return Metadata(), text
    known = {_ALIASES.get(str(k).lower(), str(k).lower()): v for k, v in data.items()}
    if not any(k in known for k in KEYS):
        return Metadata(), text
    return _metadata({k: v for k, v in known.items() if k in KEYS}, f"{subject}: front matter"), text[match.end() :]


def sidecar_path(path: Path) -> Path | None:
    """Where the sidecar of a source lives: NAME.meta.yaml beside it (NAME is the stem).

    None when that name would be longer than a file name may be (a source named with 250
    bytes has no sidecar; asking the file system would fail with "name too long").
    """
    name = path.stem + ".meta.yaml"
    if len(os.fsencode(name)) > _MAX_NAME_BYTES:
        return None
    return path.with_name(name)


def read_sidecar(path: Path) -> Metadata:
    """The sidecar's metadata, or empty metadata when there is no sidecar."""
    side = sidecar_path(path)
    if side is None or not side.is_file():
        return Metadata()
    subject = str(side)
    raw = read_regular(side, _MAX_SIDECAR, SourceError, "sidecar")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(subject, "sidecar is not UTF-8 text") from None
    data = load_yaml(text, subject)
    if data is None:
        return Metadata()
    if not isinstance(data, dict):
        raise SourceError(subject, "sidecar must be a mapping of title, published, url, author")
    unknown = sorted(str(k) for k in data if k not in KEYS)
    if unknown:
        raise SourceError(subject, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(KEYS)}")
    return _metadata(data, subject)


def _metadata(values: dict, subject: str) -> Metadata:
    out: dict[str, object] = {}
    for key in KEYS:
        value = values.get(key)
        if value is None:
            continue
        if key == "published":
            out[key] = parse_date(value, subject)
        elif key == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[key] = ", ".join(v.strip() for v in value if v.strip()) or None
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            out[key] = clean_value(str(value))
        else:
            raise SourceError(subject, f"{key} must be text, not {type(value).__name__}")
    return Metadata(**out)


def parse_date(value: object, subject: str) -> dt.date:
    """An ISO date (YYYY-MM-DD, or a full ISO timestamp) from hand-written metadata."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    date = iso_date(str(value))
    if date is None:
        raise SourceError(subject, f"published must be a date as YYYY-MM-DD, not {str(value)[:40]!r}")
    return date


def iso_date(text: str) -> dt.date | None:
    """The date of an ISO 8601 date or timestamp, or None when the text is not one."""
    text = text.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:\b|T)", text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    return None


def clean_value(value: str | None, limit: int = 500) -> str | None:
    """One line of metadata text: whitespace collapsed, control characters gone; None if empty."""
    if value is None:
        return None
    value = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", value).split())
    return value[:limit] or None
