"""Word files: body paragraphs and table rows in document order, metadata from core properties.

A .docx is a ZIP archive, so its members are checked before python-docx inflates them: a
document whose parts unpack to more than a few hundred megabytes is refused rather than
allowed to exhaust memory (a "zip bomb"). `created` is the nearest thing a Word file has to
a publication date and is used as such; values that python-docx's own template stamps on
every file it makes are ignored, as they say nothing about the source.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from ..errors import SourceError
from .boilerplate import is_placeholder
from .meta import Metadata, clean_value

_MAX_UNPACKED = 300 * 1024 * 1024


def read_docx(raw: bytes, subject: str) -> tuple[str, Metadata]:
    """(text, metadata) of a Word document."""
    _check_archive(raw, subject)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise SourceError(subject, f"not a valid Word (.docx) file: {err}") from None
    except Exception as err:  # noqa: BLE001 - malformed XML inside the package, and the like
        raise SourceError(subject, f"not a valid Word (.docx) file: {type(err).__name__}") from None
    return _body_text(document), _metadata(document)


def _check_archive(raw: bytes, subject: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise SourceError(subject, "not a valid Word (.docx) file (not a ZIP archive)") from None
    if "word/document.xml" not in names:
        raise SourceError(subject, "not a valid Word (.docx) file (no word/document.xml)")
    if unpacked > _MAX_UNPACKED:
        raise SourceError(
            subject, f"the .docx unpacks to {unpacked // 2**20} MB, more than {_MAX_UNPACKED // 2**20} MB"
        )


def _body_text(document) -> str:  # noqa: ANN001 - python-docx Document
    """Paragraphs one per line; a table row is one line with its cells joined by ' | '."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                        cells.append(text)
                lines.append(" | ".join(cells))
    return "\n".join(lines)


def _metadata(document) -> Metadata:  # noqa: ANN001 - python-docx Document
    props = document.core_properties
    title = props.title if props.title and not is_placeholder("title", props.title) else None
    author = props.author if props.author and not is_placeholder("author", props.author) else None
    created = props.created
    published = None
    if isinstance(created, dt.datetime):
        stamp = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
        if not is_placeholder("created", stamp.isoformat()):
            published = created.date()
    return Metadata(title=clean_value(title), published=published, author=clean_value(author))
