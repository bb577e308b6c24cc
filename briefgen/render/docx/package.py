"""The package shell, built once per theme, letterhead and banner, and the ZIP members.

Every use of python-docx's private packaging API is in this module (see
tests/test_render_equivalence.py for the check against python-docx's own save).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from ...config import MemoSettings
from ...errors import ConfigError
from ..determinism import ZipEntry, zip_entry
from ..templates import clean_text
from ..theme import Theme
from .furniture import _furniture, _section_setup
from .oxml import _el
from .styles import _Styles


def open_reference(path: Path):
    """Open a letterhead DOCX as the base document; a bad file is a ConfigError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from ..preflight import read_reference

    data = read_reference(path)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as err:
        raise ConfigError(path, f"not a usable Word document: {err}") from None
    except Exception as err:  # zipfile.BadZipFile, lxml errors …
        raise ConfigError(path, f"not a usable Word document: {type(err).__name__}: {err}") from None


_CORE_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator>"
    "<cp:keywords>{keywords}</cp:keywords><cp:lastModifiedBy>briefgen</cp:lastModifiedBy>"
    "<cp:revision>1</cp:revision><cp:lastPrinted>{when}</cp:lastPrinted>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
    "<cp:category>Briefing memo</cp:category><cp:contentStatus>{status}</cp:contentStatus>"
    "</cp:coreProperties>"
)


def _core_xml(meta: dict[str, Any], when: dt.datetime) -> bytes:
    """docProps/core.xml: title, subject, author, keywords, and the one fixed timestamp."""

    def field(value: str) -> str:
        return xml_escape(clean_text(value)[:255])

    return _CORE_XML.format(
        title=field(meta.get("title") or ""),
        subject=field(meta.get("subject") or ""),
        author=field(meta.get("author") or ""),
        keywords=field(", ".join(meta.get("keywords") or [])),
        status=field(meta.get("classification") or ""),
        when=when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    ).encode("utf-8")


#: Parts of python-docx's default template a memo does not need (a Word 2010 duplicate of the
#: styles, a thumbnail of an empty page, a bibliography stub).
_UNNEEDED_RELS = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
)


def _drop_unneeded(document) -> None:
    for owner in (document.part, document.part.package):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype in _UNNEEDED_RELS:
                del owner.rels[rid]


_MARKER = "briefgen-body-3f9c1e"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclasses.dataclass(frozen=True)
class _Shell:
    """Everything of a DOCX except the memo's own text: built once per theme, letterhead and banner.

    `head` + body XML + `tail` is the document part; `entries` are the other parts, already
    compressed; `core` names the core-properties part, rewritten for every memo.
    """

    head: bytes
    tail: bytes
    entries: tuple[ZipEntry, ...]
    main: str
    core: str
    style_ids: dict[str, str]
    width_twips: int
    font_table: bytes | None  # the font table to embed Roboto into; None for a letterhead


def _shell(theme: Theme, settings: MemoSettings, banner: str | None) -> _Shell:
    reference = settings.reference_docx
    stamp = None
    if reference is not None:
        try:
            info = reference.stat()
        except OSError:
            raise ConfigError(reference, "reference DOCX not found") from None
        stamp = (str(reference), info.st_mtime_ns, info.st_size)
    return _build_shell(theme, stamp, banner)


@functools.lru_cache(maxsize=8)
def _build_shell(theme: Theme, reference: tuple[str, int, int] | None, banner: str | None) -> _Shell:
    import docx
    from docx.shared import Inches

    letterhead = reference is not None
    if letterhead:
        document = open_reference(Path(reference[0]))
        _Styles(document, theme, letterhead)
    else:  # python-docx's default template, restyled for the theme
        document = docx.Document()
        _drop_unneeded(document)
        _section_setup(document, theme, False)
        _Styles(document, theme, False)
        _keep_embedded_fonts(document)
    body = document.element.body
    for child in list(body):  # keep the letterhead's styles, header, footer and sectPr, not its text
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    if theme.logo is not None:
        document.add_paragraph().add_run().add_picture(str(theme.logo), width=Inches(theme.logo_width))
    document.add_paragraph(_MARKER)
    _furniture(document, banner)
    section = document.sections[-1]
    width = int((section.page_width - section.left_margin - section.right_margin) / 635)
    style_ids = {style.name: style.style_id for style in document.styles if style.name}
    core = document.part.package._core_properties_part.partname.membername  # created when missing
    members = _package_members(document)
    main = document.part.partname.membername
    xml = members.pop(main)
    if document.element.nsmap.get("w") != _W_NS:
        raise ConfigError(
            reference[0] if reference else "base document", "the document part does not use the w: prefix"
        )
    at = xml.index(_MARKER.encode())
    start, end = xml.rindex(b"<w:p>", 0, at), xml.index(b"</w:p>", at) + len(b"</w:p>")
    members.pop(core, None)
    font_table = None
    if not letterhead:
        members["[Content_Types].xml"] = _with_font_content_type(members["[Content_Types].xml"])
        font_table = members.pop("word/fontTable.xml")
    entries = tuple(zip_entry(name, data) for name, data in members.items())
    return _Shell(xml[:start], xml[end:], entries, main, core, style_ids, width, font_table)


def _keep_embedded_fonts(document) -> None:
    """w:embedTrueTypeFonts in settings.xml: Word keeps the embedded Roboto when the user saves."""
    from docx.oxml.ns import qn

    settings = document.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is not None:
        return
    zoom = settings.find(qn("w:zoom"))
    flag = _el("w:embedTrueTypeFonts")
    if zoom is not None:
        zoom.addnext(flag)
    else:
        settings.insert(0, flag)


def _with_font_content_type(types: bytes) -> bytes:
    """Declare the .odttf extension (obfuscated embedded fonts) in [Content_Types].xml."""
    if b'Extension="odttf"' in types:
        return types
    default = b'<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>'
    at = types.index(b"<Default ")
    return types[:at] + default + types[at:]


class _Members:
    """Stands in for python-docx's zip writer: collects member name → bytes."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.members[pack_uri.membername] = blob


def _package_members(document) -> dict[str, bytes]:
    """The package's parts as bytes, serialised the way `Document.save` does, without the zip."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    sink = _Members()
    PackageWriter._write_content_types_stream(sink, parts)
    PackageWriter._write_pkg_rels(sink, package.rels)
    PackageWriter._write_parts(sink, parts)
    return sink.members
