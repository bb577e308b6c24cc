"""Read a file (or standard input) into a `Source`: clean text plus metadata.

PLACEHOLDER until the sources stage lands: plain UTF-8 text only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from ..errors import SourceError
from ..model import Source, SourceInfo

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def read_source(path: Path | str, *, published: dt.date | None = None) -> Source:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SourceError(path, f"cannot read: {err.strerror or err}") from None
    text = raw.decode("utf-8", errors="replace")
    if not text.strip():
        raise SourceError(path, "the file is empty")
    info = SourceInfo(
        path=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
        format=path.suffix.lstrip(".").lower() or "txt",
        encoding="utf-8",
        published=published,
        chars=len(text),
    )
    return Source(text=text, info=info)
