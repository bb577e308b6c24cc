"""PDF files: the text layer through pypdf, rejoined into paragraphs; metadata from the info dict.

A PDF's text layer comes out one printed line at a time, with the running header and the page
number on every page. Extraction wants sentences, so:

* lines that open or close most pages with the same words (digits aside) are running heads
  or feet and are dropped, and recorded as removed;
* printed lines are rejoined: a line that ends a sentence and falls clearly short of the
  column width ends its paragraph, as does a short line with no closing punctuation (a
  heading); any other line continues on the next. Across a page break the text simply flows.

A PDF with no text layer at all (a scan) is an error that says so: briefgen does no OCR.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from ..errors import SourceError
from .boilerplate import is_placeholder
from .meta import Metadata, clean_value

_SENTENCE_END = tuple('.!?:;”"’)]…')
_DIGITS = re.compile(r"\d+")
#: Lines this far into a page from either end are candidates for running heads and feet.
_EDGE_LINES = 2


def read_pdf(raw: bytes, subject: str) -> tuple[str, Metadata, list[str]]:
    """(text, metadata, removed running lines) of a PDF."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd object
    reader = _open(raw, subject)
    try:
        pages = [_page_lines(page.extract_text() or "") for page in reader.pages]
    except SourceError:
        raise
    except Exception as err:  # noqa: BLE001 - pypdf on malformed content streams raises many kinds
        raise SourceError(subject, f"cannot read the PDF's text: {type(err).__name__}") from None
    if not any(line.strip() for page in pages for line in page):
        raise SourceError(subject, "the PDF has no text layer (scanned?); briefgen does not do OCR")
    pages, removed = _drop_running_lines(pages)
    lines = [line for page in pages for line in page]
    return reflow(lines), _metadata(reader), removed


def _open(raw: bytes, subject: str):  # noqa: ANN202 - pypdf.PdfReader, imported lazily
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        encrypted = reader.is_encrypted
    except Exception as err:  # noqa: BLE001 - pypdf raises many exception types on broken files
        raise SourceError(subject, f"not a valid PDF ({type(err).__name__})") from None
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))
        except Exception:  # noqa: BLE001 - e.g. AES without the optional cryptography package
            opened = False
        if not opened:
            raise SourceError(subject, "the PDF is encrypted with a password (or a cipher pypdf cannot open here)")
    try:
        len(reader.pages)  # forces the page tree to load, where broken files fail
    except Exception as err:  # noqa: BLE001
        raise SourceError(subject, f"not a valid PDF ({type(err).__name__})") from None
    return reader


def _page_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def _edge_key(line: str) -> str:
    return _DIGITS.sub("#", line.casefold())


def _drop_running_lines(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Remove lines that open or close most pages with the same words (page numbers aside)."""
    if len(pages) < 2:
        return pages, []
    counts: Counter[str] = Counter()
    for page in pages:
        nonblank = [line for line in page if line]
        edges = nonblank[:_EDGE_LINES] + nonblank[-_EDGE_LINES:]
        counts.update({_edge_key(line) for line in edges})
    needed = max(2, (len(pages) * 6 + 9) // 10)
    running = {key for key, n in counts.items() if n >= needed}
    if not running:
        return pages, []
    removed: list[str] = []
    cleaned: list[list[str]] = []
    for page in pages:
        nonblank_idx = [i for i, line in enumerate(page) if line]
        edge_idx = set(nonblank_idx[:_EDGE_LINES] + nonblank_idx[-_EDGE_LINES:])
        keep = []
        for i, line in enumerate(page):
            if i in edge_idx and _edge_key(line) in running:
                removed.append(line)
            else:
                keep.append(line)
        cleaned.append(keep)
    return cleaned, removed


def reflow(lines: list[str]) -> str:
    """Rejoin printed lines into paragraphs, one paragraph per output line."""
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return ""
    column = widths[int(0.9 * (len(widths) - 1))]
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current += line  # a word broken at a hyphen: keep the hyphen, drop the break
        else:
            current = f"{current} {line}" if current else line
        short = len(line) < 0.8 * column
        if (short and line.endswith(_SENTENCE_END)) or len(line) < 0.5 * column:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def _metadata(reader) -> Metadata:  # noqa: ANN001 - pypdf.PdfReader
    try:
        info = reader.metadata
        if info is None:
            return Metadata()
        title, author = info.title, info.author
    except Exception:  # noqa: BLE001 - a broken info dictionary is no reason to refuse the text
        return Metadata()
    try:
        created = info.creation_date
    except Exception:  # noqa: BLE001 - malformed date strings raise ValueError and worse
        created = None
    published = None
    if created is not None and not is_placeholder("created", _iso(created)):
        published = created.date()
    title = title if isinstance(title, str) and not is_placeholder("title", title) else None
    author = author if isinstance(author, str) and not is_placeholder("author", author) else None
    return Metadata(title=clean_value(title), published=published, author=clean_value(author))


def _iso(moment) -> str:  # noqa: ANN001 - datetime
    import datetime as dt

    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).isoformat()
