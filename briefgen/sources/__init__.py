"""Read a file (or standard input) into a `Source`: clean text plus metadata.

One reader per format turns bytes into (text, metadata); everything after that is shared, so
every format reaches extraction in the same shape:

    bytes ─► reader (text.py, html.py, docx.py, pdf.py) ─► normalize ─► boilerplate ─► Source
                 ▲                                                        │
       encoding.py (txt, md, html)          sidecar NAME.meta.yaml ───────┘ (overrides metadata)

The format comes from the file's suffix; standard input (`-`) and unknown suffixes are
sniffed (PDF and ZIP signatures, an <html> tag), and anything else is read as plain text.
The published date given by the caller wins over any metadata. Heavy libraries (trafilatura,
pypdf, python-docx, charset-normalizer) are imported only by the reader that needs them.
Every failure is a SourceError that names the input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from ..errors import SourceError
from ..model import Source, SourceInfo
from .boilerplate import remove_boilerplate
from .meta import Metadata, read_sidecar
from .normalize import normalize_text
from .rawfile import STDIN_NAME, display_name, read_path, read_stdin

__all__ = ["SOURCE_SUFFIXES", "read_source"]

#: Suffix → format. build.py walks folders for these; other files are skipped with a note.
FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
SOURCE_SUFFIXES = tuple(FORMATS)

#: A reader gets the raw bytes and the subject for messages; it returns the text (not yet
#: normalised), its metadata, the encoding used (None for container formats) and any lines it
#: removed itself (a PDF's running heads).
Reader = Callable[[bytes, str], tuple[str, Metadata, str | None, list[str]]]


def read_source(path: Path | str, *, published: dt.date | None = None) -> Source:
    """Read one source; `"-"` reads standard input. Raises SourceError on any bad input."""
    if isinstance(path, str) and path == STDIN_NAME:
        raw, subject, file_path = read_stdin(), "standard input", None
        fmt = sniff(raw)
    else:
        file_path = Path(path)
        subject = display_name(file_path)
        raw = read_path(file_path)
        fmt = FORMATS.get(file_path.suffix.lower()) or sniff(raw)
    if not raw.strip():
        raise SourceError(subject, "no text (the file is empty or only whitespace)")
    text, meta, encoding, removed = _READERS[fmt](raw, subject)
    if file_path is not None:
        meta = meta.overridden_by(read_sidecar(file_path))
    text = normalize_text(text)
    text, furniture = remove_boilerplate(text, fmt)
    removed = removed + furniture
    if not text:
        problem = "no text besides page furniture" if removed else "no text (the file is empty or only whitespace)"
        raise SourceError(subject, problem)
    info = SourceInfo(
        path=STDIN_NAME if file_path is None else str(file_path),
        sha256=hashlib.sha256(raw).hexdigest(),
        format="stdin" if file_path is None and fmt == "txt" else fmt,
        encoding=encoding,
        title=meta.title,
        published=published or meta.published,
        url=meta.url,
        author=meta.author,
        chars=len(text),
        removed=removed,
    )
    return Source(text=text, info=info)


def sniff(raw: bytes) -> str:
    """The format of bytes with no telling suffix: PDF, DOCX (a ZIP), HTML, else plain text."""
    head = raw[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html")) or b"<html" in probe[:512]:
        return "html"
    return "txt"


def _read_txt(raw: bytes, subject: str) -> tuple[str, Metadata, str | None, list[str]]:
    from .encoding import decode
    from .text import read_text

    decoded, encoding = decode(raw, subject)
    text, meta = read_text(decoded, subject)
    return text, meta, encoding, []


def _read_md(raw: bytes, subject: str) -> tuple[str, Metadata, str | None, list[str]]:
    from .encoding import decode
    from .text import read_markdown

    decoded, encoding = decode(raw, subject)
    text, meta = read_markdown(decoded, subject)
    return text, meta, encoding, []


def _read_html(raw: bytes, subject: str) -> tuple[str, Metadata, str | None, list[str]]:
    from .html import decode_html, read_html

    decoded, encoding = decode_html(raw, subject)
    text, meta = read_html(normalize_text(decoded), subject)
    return text, meta, encoding, []


def _read_docx(raw: bytes, subject: str) -> tuple[str, Metadata, str | None, list[str]]:
    from .docx import read_docx

    text, meta = read_docx(raw, subject)
    return text, meta, None, []


def _read_pdf(raw: bytes, subject: str) -> tuple[str, Metadata, str | None, list[str]]:
    from .pdf import read_pdf

    text, meta, removed = read_pdf(raw, subject)
    return text, meta, None, removed


_READERS: dict[str, Reader] = {
    "txt": _read_txt,
    "md": _read_md,
    "html": _read_html,
    "docx": _read_docx,
    "pdf": _read_pdf,
}
