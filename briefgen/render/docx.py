"""Block tree → DOCX: a cached package shell (python-docx) around a body written as XML text.

python-docx prepares, once per process, theme, letterhead and banner, the *shell*: styles,
header and footer with the banner and PAGE / NUMPAGES fields, section, logo; its parts are
serialised and compressed once. Each memo then costs only its body (docx_body.py writes the
WordprocessingML directly), its core properties and one ZIP pass. Roboto is embedded as
obfuscated font parts (fonts.py), so Word and LibreOffice lay the memo out with the same
metrics as the PDF on a machine without Roboto.

Everything carries a real Word style (Heading 1/2, List Bullet, List Number, Quote, and the
briefgen styles "Memo Title", "Memo Table", "Box Title", "Source Excerpt" …) so a user can
restyle the memo in Word. With ``--reference-docx`` the letterhead file is the base document:
its styles win (briefgen only adds styles it lacks) and its header and footer are kept, with
the classification banner and "Page X of Y" added where missing. PAGE / NUMPAGES are real
fields, repeated table header rows are ``w:tblHeader``, and the package is rewritten with fixed
ZIP times so two builds give the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from ..config import MemoSettings
from ..errors import ConfigError
from .determinism import ZipEntry, write_entries, zip_entry
from .fonts import embedded_font_entries
from .templates import clean_text
from .theme import Theme
from .tree import Document

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def open_reference(path: Path):
    """Open a letterhead DOCX as the base document; a bad file is a ConfigError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from .preflight import read_reference

    data = read_reference(path)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as err:
        raise ConfigError(path, f"not a usable Word document: {err}") from None
    except Exception as err:  # zipfile.BadZipFile, lxml errors …
        raise ConfigError(path, f"not a usable Word document: {type(err).__name__}: {err}") from None


# --------------------------------------------------------------------------- oxml helpers


def _el(tag: str, **attrs: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(key.replace("_", ":", 1)), value)
    return el


def _set_fonts(rpr, family: str) -> None:
    """Name the family for every script slot and drop theme-font indirections."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), family)


def _shade(tcpr_or_ppr, fill: str) -> None:
    from docx.oxml.ns import qn

    for old in tcpr_or_ppr.findall(qn("w:shd")):
        tcpr_or_ppr.remove(old)
    tcpr_or_ppr.append(_el("w:shd", w_val="clear", w_color="auto", w_fill=fill))


def _borders(tag: str, **sides: tuple[str, int, str]):
    """A w:pBdr / w:tblBorders / w:tcBorders element: side → (val, size in 1/8 pt, colour)."""
    el = _el(tag)
    for side, (val, size, color) in sides.items():
        el.append(_el(f"w:{side}", w_val=val, w_sz=str(size), w_space="0", w_color=color))
    return el


def _add_field(paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES): Word and LibreOffice compute it when they lay out."""
    begin, instr, sep, result, end = (paragraph.add_run() for _ in range(5))
    begin._r.append(_el("w:fldChar", w_fldCharType="begin"))
    text = _el("w:instrText", xml_space="preserve")
    text.text = f" {instruction} "
    instr._r.append(text)
    sep._r.append(_el("w:fldChar", w_fldCharType="separate"))
    result.text = placeholder
    end._r.append(_el("w:fldChar", w_fldCharType="end"))


# --------------------------------------------------------------------------- styles


class _Styles:
    """Make sure every style the writer uses exists; restyle defaults unless a letterhead rules."""

    def __init__(self, document, theme: Theme, letterhead: bool) -> None:
        self.document = document
        self.theme = theme
        self.letterhead = letterhead
        self.names = {s.name for s in document.styles}
        if not letterhead:
            self._restyle_defaults()
        self._ensure_custom()

    def _paragraph_style(self, name: str, base: str | None = "Normal", **fmt: Any):
        """Create a paragraph style if missing; format it only if briefgen created it."""
        from docx.enum.style import WD_STYLE_TYPE

        styles = self.document.styles
        created = name not in self.names
        if created:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            if base and base in self.names:
                style.base_style = styles[base]
            style.quick_style = True
            self.names.add(name)
        style = styles[name]
        if created or not self.letterhead:
            self._format(style, **fmt)
        return style

    def _format(
        self,
        style,
        size=None,
        bold=None,
        italic=None,
        color=None,
        before=None,
        after=None,
        indent=None,
        hanging=None,
        keep_next=None,
        align=None,
        leading=None,
    ) -> None:
        from docx.shared import Pt, RGBColor

        font = style.font
        if size is not None:
            font.size = Pt(size)
        if bold is not None:
            font.bold = bold
        if italic is not None:
            font.italic = italic
        if color is not None:
            font.color.rgb = RGBColor.from_string(color)
        pf = style.paragraph_format
        if before is not None:
            pf.space_before = Pt(before)
        if after is not None:
            pf.space_after = Pt(after)
        if indent is not None:
            pf.left_indent = Pt(indent)
        if hanging is not None:
            pf.first_line_indent = Pt(-hanging)
        if keep_next is not None:
            pf.keep_with_next = keep_next
        if align is not None:
            pf.alignment = align
        if leading is not None:
            pf.line_spacing = Pt(leading)
        elif size is not None:
            pf.line_spacing = Pt(self.theme.leading_for(size))

    def _restyle_defaults(self) -> None:
        """The default template's look → the theme: Roboto everywhere, theme sizes and colours."""
        from docx.oxml.ns import qn

        t = self.theme
        styles_el = self.document.styles.element
        defaults = styles_el.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
            if rpr is not None:
                _set_fonts(rpr, t.font.family)
        for fonts in styles_el.iter(qn("w:rFonts")):
            for attr in _THEME_FONT_ATTRS:
                fonts.attrib.pop(qn(attr), None)
        normal = self.document.styles["Normal"]
        _set_fonts(normal.element.get_or_add_rPr(), t.font.family)
        c, s, sp = t.colors, t.sizes, t.spacing
        self._format(normal, size=s.body, color=c.text, after=sp.paragraph_after)
        headings = (
            ("Heading 1", s.heading1, c.accent, sp.heading1_before, sp.heading1_after),
            ("Heading 2", s.heading2, c.text, sp.heading2_before, sp.heading2_after),
            ("Heading 3", s.body, c.text, sp.heading2_before, sp.heading2_after),
        )
        for name, size, color, before, after in headings:
            self._paragraph_style(
                name, size=size, bold=True, italic=False, color=color, before=before, after=after, keep_next=True
            )
        for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2"):
            self._paragraph_style(name, size=s.body, after=sp.list_after)
        self._paragraph_style("Quote", size=s.body, italic=False, color=c.text, indent=12, after=sp.list_after + 1)

    def _ensure_custom(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        t = self.theme
        c, s = t.colors, t.sizes
        self._paragraph_style("Memo Organisation", size=s.small, bold=True, color=c.muted, after=2)
        self._paragraph_style("Memo Title", size=s.title, bold=True, color=c.accent, after=6)
        self._paragraph_style("Memo Header", size=s.header_block, after=0)
        self._paragraph_style(
            "Classification", size=s.banner, bold=True, color=c.banner, after=0, align=WD_ALIGN_PARAGRAPH.CENTER
        )
        self._paragraph_style("Page Number", size=s.small, color=c.muted, after=0, align=WD_ALIGN_PARAGRAPH.RIGHT)
        self._paragraph_style("Table Text", size=s.table, after=0)
        self._paragraph_style("Table Heading", size=s.table, bold=True, color=c.accent, after=0)
        self._paragraph_style("Box Title", size=s.small, bold=True, color=c.accent, after=2)
        self._paragraph_style("Box Text", size=s.body, after=2)
        gutter = round(s.annex * 2.2, 1)
        self._paragraph_style(
            "Source Excerpt",
            size=s.annex,
            indent=gutter,
            hanging=gutter,
            after=1,
            leading=round(s.annex * t.annex_leading, 2),
        )
        for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "Quote"):
            self._paragraph_style(name, size=s.body)
        for name in ("Heading 1", "Heading 2", "Heading 3"):
            self._paragraph_style(name, bold=True, keep_next=True)
        self._table_style()

    def _table_style(self) -> None:
        """'Memo Table': borders and a shaded, bold first row, all in the style so Word can restyle it."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml.ns import qn

        if "Memo Table" in self.names:
            return
        style = self.document.styles.add_style("Memo Table", WD_STYLE_TYPE.TABLE)
        self.names.add("Memo Table")
        c = self.theme.colors
        el = style.element
        tblpr = el.find(qn("w:tblPr"))
        if tblpr is None:
            tblpr = _el("w:tblPr")
            el.append(tblpr)
        tblpr.append(
            _borders(
                "w:tblBorders",
                top=("single", 4, c.table_border),
                bottom=("single", 4, c.table_border),
                insideH=("single", 4, c.table_border),
            )
        )
        margins = _el("w:tblCellMar")
        for side, width in (("top", "40"), ("left", "80"), ("bottom", "50"), ("right", "80")):
            margins.append(_el(f"w:{side}", w_w=width, w_type="dxa"))
        tblpr.append(margins)
        first = _el("w:tblStylePr", w_type="firstRow")
        rpr = _el("w:rPr")
        rpr.append(_el("w:b"))
        rpr.append(_el("w:color", w_val=c.accent))
        first.append(rpr)
        tcpr = _el("w:tcPr")
        tcpr.append(_borders("w:tcBorders", bottom=("single", 8, c.accent)))
        _shade(tcpr, c.table_header_fill)
        first.append(tcpr)
        el.append(first)


# --------------------------------------------------------------------------- writer


# --------------------------------------------------------------------------- page furniture


def _section_setup(document, theme: Theme, letterhead: bool) -> None:
    from docx.shared import Inches

    if letterhead:
        return
    w, h = theme.page.size_inches
    for section in document.sections:
        section.page_width, section.page_height = Inches(w), Inches(h)
        section.top_margin = Inches(theme.page.margin_top)
        section.bottom_margin = Inches(theme.page.margin_bottom)
        section.left_margin = Inches(theme.page.margin_left)
        section.right_margin = Inches(theme.page.margin_right)
        section.header_distance = Inches(theme.page.margin_top / 2.6)
        section.footer_distance = Inches(theme.page.margin_bottom / 3)


def _has_page_field(part_element) -> bool:
    from docx.oxml.ns import qn

    texts = [t.text or "" for t in part_element.iter(qn("w:instrText"))]
    texts += [f.get(qn("w:instr"), "") for f in part_element.iter(qn("w:fldSimple"))]
    return any("PAGE" in t.upper() for t in texts)


def _furniture(document, banner: str | None) -> None:
    """Banner at the top and bottom of every page; 'Page X of Y' in the footer unless the letterhead has one."""
    for section in document.sections:
        pairs = [(section.header, section.footer)]
        if section.different_first_page_header_footer:
            pairs.append((section.first_page_header, section.first_page_footer))
        if document.settings.odd_and_even_pages_header_footer:
            pairs.append((section.even_page_header, section.even_page_footer))
        for header, footer in pairs:
            had_content = not header.is_linked_to_previous and any(p.text.strip() for p in header.paragraphs)
            header.is_linked_to_previous = False
            footer.is_linked_to_previous = False
            if banner:
                if had_content:
                    first = header.paragraphs[0]
                    para = first.insert_paragraph_before(clean_text(banner), style="Classification")
                else:
                    para = header.paragraphs[0]
                    para.style = document.styles["Classification"]
                    para.add_run(clean_text(banner))
            if not _has_page_field(footer._element):
                para = footer.paragraphs[0] if not footer.paragraphs[0].text.strip() else footer.add_paragraph()
                para.style = document.styles["Page Number"]
                para.add_run("Page ")
                _add_field(para, "PAGE", "1")
                para.add_run(" of ")
                _add_field(para, "NUMPAGES", "1")
            if banner:
                footer.add_paragraph(clean_text(banner), style="Classification")


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


def write_docx(doc: Document, theme: Theme, settings: MemoSettings, when: dt.datetime) -> bytes:
    """Build the Word document in memory and return its bytes (normalised package)."""
    from .docx_body import BodyWriter

    shell = _shell(theme, settings, doc.meta.get("classification"))
    writer = BodyWriter(theme, shell.style_ids, shell.width_twips)
    body = writer.document(doc).encode("utf-8")
    entries = list(shell.entries)
    entries.append(zip_entry(shell.core, _core_xml(doc.meta, when)))
    entries.append(zip_entry(shell.main, shell.head + body + shell.tail))
    if shell.font_table is not None:
        faces = ("regular", "bold", "italic", "bold_italic") if writer.italic_used else ("regular", "bold")
        entries += embedded_font_entries(theme, faces, shell.font_table)
    return write_entries(entries, when)


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
