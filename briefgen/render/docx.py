"""Block tree → DOCX with python-docx, plus the oxml it has no API for.

Everything carries a real Word style (Heading 1/2, List Bullet, List Number, Quote, and the
briefgen styles "Memo Title", "Memo Table", "Box Title", "Source Excerpt" …) so a user can
restyle the memo in Word. With ``--reference-docx`` the letterhead file is the base document:
its styles win (briefgen only adds styles it lacks) and its header and footer are kept, with
the classification banner and "Page X of Y" added where missing. PAGE / NUMPAGES are real
fields, repeated table header rows are ``w:tblHeader``, and the package is rewritten with fixed
ZIP times so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path
from typing import Any

from ..config import MemoSettings
from ..errors import ConfigError
from .determinism import write_zip
from .templates import clean_text
from .theme import Theme
from .tree import (
    Box,
    Code,
    Document,
    Footnotes,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Span,
    Table,
    column_widths,
)

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def open_reference(path: Path):
    """Open a letterhead DOCX as the base document; a bad file is a ConfigError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
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
        if size is not None:
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
        self._paragraph_style(
            "Heading 1",
            size=s.heading1,
            bold=True,
            italic=False,
            color=c.accent,
            before=sp.heading1_before,
            after=sp.heading1_after,
            keep_next=True,
        )
        self._paragraph_style(
            "Heading 2",
            size=s.heading2,
            bold=True,
            italic=False,
            color=c.text,
            before=sp.heading2_before,
            after=sp.heading2_after,
            keep_next=True,
        )
        self._paragraph_style(
            "Heading 3",
            size=s.body,
            bold=True,
            italic=False,
            color=c.text,
            before=sp.heading2_before,
            after=sp.heading2_after,
            keep_next=True,
        )
        for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2"):
            self._paragraph_style(name, size=s.body, after=1.5)
        self._paragraph_style("Quote", size=s.body, italic=False, color=c.text, indent=14, after=sp.paragraph_after)

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
        self._paragraph_style("Source Excerpt", size=s.small, indent=18, hanging=18, after=2)
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


class _Writer:
    def __init__(self, document, theme: Theme) -> None:
        self.document = document
        self.theme = theme
        section = document.sections[-1]
        self.width = section.page_width - section.left_margin - section.right_margin
        # python-docx looks a style up by scanning all styles on every use; resolve names once.
        self.ids = {style.name: style.style_id for style in document.styles}

    def styled(self, paragraph, style: str):
        paragraph._p.style = self.ids.get(style)
        return paragraph

    # inline ---------------------------------------------------------------

    def runs(self, paragraph, spans: list[Span]) -> None:
        from docx.shared import RGBColor

        prev_ref = False
        for span in spans:
            if span.brk:
                paragraph.add_run().add_break()
                prev_ref = False
                continue
            if span.ref is not None:
                run = paragraph.add_run(("," if prev_ref else "") + str(span.ref))
                run.font.superscript = True
                run.font.color.rgb = RGBColor.from_string(self.theme.colors.accent)
                prev_ref = True
                continue
            prev_ref = False
            run = paragraph.add_run(clean_text(span.text))
            review = "review" in span.classes
            if span.bold or review:
                run.bold = True
            if span.italic:
                run.italic = True
            if span.strike:
                run.font.strike = True
            if review:
                run.font.color.rgb = RGBColor.from_string(self.theme.colors.review)
            elif span.href or span.code:
                run.font.color.rgb = RGBColor.from_string(self.theme.colors.accent)

    def paragraph(self, spans: list[Span], style: str, container=None):
        target = container if container is not None else self.document
        para = self.styled(target.add_paragraph(), style)
        self.runs(para, spans)
        return para

    # blocks ---------------------------------------------------------------

    def blocks(self, blocks: list[Any], container=None, width=None) -> None:
        for block in blocks:
            self.block(block, container, width or self.width)

    def block(self, block: Any, container, width) -> None:
        if isinstance(block, Heading):
            self.paragraph(block.spans, f"Heading {min(block.level, 3)}", container)
        elif isinstance(block, Paragraph):
            self.paragraph(block.spans, "Box Text" if container is not None else "Normal", container)
        elif isinstance(block, ListBlock):
            self.list(block, 0, container)
        elif isinstance(block, Table):
            self.table(block, container, width)
        elif isinstance(block, Box):
            self.box(block, container, width)
        elif isinstance(block, Quote):
            for child in block.blocks:
                if isinstance(child, Paragraph):
                    self.paragraph(child.spans, "Quote", container)
                else:
                    self.block(child, container, width)
        elif isinstance(block, Code):
            self.paragraph(
                [Span(text=line) if i == 0 else Span(brk=True) for i, line in enumerate([block.text])],
                "Normal",
                container,
            )
        elif isinstance(block, Rule):
            para = self.styled((container or self.document).add_paragraph(), "Normal")
            para._p.get_or_add_pPr().append(_borders("w:pBdr", bottom=("single", 4, self.theme.colors.rule)))
        elif isinstance(block, Footnotes):
            for entry in block.entries:
                spans = [Span(text=f"{entry.number}.\t")]
                spans += [s for b in entry.blocks if isinstance(b, Paragraph) for s in b.spans]
                self.paragraph(spans, "Source Excerpt", container)

    def list(self, block: ListBlock, level: int, container) -> None:
        base = "List Number" if block.ordered else "List Bullet"
        style = base if level == 0 else f"{base} {min(level + 1, 2 if block.ordered else 3)}"
        for item in block.items:
            first = True
            for child in item:
                if isinstance(child, Paragraph) and first:
                    self.paragraph(child.spans, style, container)
                    first = False
                elif isinstance(child, ListBlock):
                    self.list(child, level + 1, container)
                else:
                    self.block(child, container, self.width)

    def table(self, block: Table, container, width) -> None:
        from docx.oxml.ns import qn

        target = container if container is not None else self.document
        cols = max(len(block.header), 1)
        table = target.add_table(rows=1 + len(block.rows), cols=cols)
        table._tbl.tblPr.style = self.ids["Memo Table"]
        table.autofit = False
        widths = [int(w * 12700) for w in column_widths(block, width / 12700, self.theme.sizes.table, 8)]
        grid = table._tbl.tblGrid
        for col, gc in zip(range(cols), grid.findall(qn("w:gridCol")), strict=False):
            gc.set(qn("w:w"), str(int(widths[col] / 635)))  # EMU → twips
        for r, row in enumerate([block.header, *block.rows]):
            cells = table.rows[r].cells
            for col in range(cols):
                cell = cells[col]
                cell.width = widths[col]
                para = cell.paragraphs[0]
                self.styled(para, "Table Heading" if r == 0 else "Table Text")
                self.runs(para, row[col] if col < len(row) else [])
        header_pr = table.rows[0]._tr.get_or_add_trPr()
        header_pr.append(_el("w:tblHeader", w_val="true"))
        if container is None:
            self.styled(self.document.add_paragraph(), "Normal").paragraph_format.space_after = 0

    def box(self, block: Box, container, width) -> None:
        """A one-cell shaded table with an accent bar on the left (the BLUF box)."""
        from docx.shared import Pt

        target = container if container is not None else self.document
        table = target.add_table(rows=1, cols=1)
        table.autofit = False
        cell = table.rows[0].cells[0]
        cell.width = width
        tcpr = cell._tc.get_or_add_tcPr()
        c = self.theme.colors
        tcpr.append(
            _borders(
                "w:tcBorders",
                left=("single", 24, c.box_border),
                top=("nil", 0, "auto"),
                bottom=("nil", 0, "auto"),
                right=("nil", 0, "auto"),
            )
        )
        _shade(tcpr, c.box_fill)
        margins = _el("w:tcMar")
        for side, w in (("top", "100"), ("left", "180"), ("bottom", "60"), ("right", "140")):
            margins.append(_el(f"w:{side}", w_w=w, w_type="dxa"))
        tcpr.append(margins)
        first = cell.paragraphs[0]
        if block.title:
            self.styled(first, "Box Title")
            first.add_run(clean_text(block.title.upper()))
        else:
            first._p.getparent().remove(first._p)
        self.blocks(block.blocks, cell, width - Pt(16))
        if container is None:
            self.styled(self.document.add_paragraph(), "Normal").paragraph_format.space_after = 0

    def head(self, meta: dict[str, Any]) -> None:
        """Logo, organisation, title, and the TO / FROM / DATE / SUBJECT block."""
        from docx.shared import Inches, Pt

        doc = self.document
        if self.theme.logo is not None:
            self.styled(doc.add_paragraph(), "Normal").add_run().add_picture(
                str(self.theme.logo), width=Inches(self.theme.logo_width)
            )
        if meta.get("organisation"):
            self.styled(doc.add_paragraph(clean_text(meta["organisation"].upper())), "Memo Organisation")
        if meta.get("title"):
            self.styled(doc.add_paragraph(clean_text(meta["title"])), "Memo Title")
        rows = meta.get("header") or []
        last = None
        for label, value in rows:
            last = para = self.styled(doc.add_paragraph(), "Memo Header")
            para.paragraph_format.tab_stops.add_tab_stop(Inches(0.95))
            label_run = para.add_run(clean_text(label))
            label_run.bold = True
            para.add_run("\t" + clean_text(value))
            para.paragraph_format.left_indent = Inches(0.95)
            para.paragraph_format.first_line_indent = -Inches(0.95)
        if last is None:
            last = self.styled(doc.add_paragraph(), "Normal")
        ppr = last._p.get_or_add_pPr()
        ppr.append(_borders("w:pBdr", bottom=("single", 10, self.theme.colors.accent)))
        last.paragraph_format.space_after = Pt(8)


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


def _metadata(document, meta: dict[str, Any], when: dt.datetime) -> None:
    props = document.core_properties
    props.title = clean_text(meta.get("title") or "")[:255]
    props.subject = clean_text(meta.get("subject") or "")[:255]
    props.author = clean_text(meta.get("author") or "")[:255]
    props.keywords = clean_text(", ".join(meta.get("keywords") or []))[:255]
    props.last_modified_by = "briefgen"
    props.comments = ""
    props.category = "Briefing memo"
    props.content_status = clean_text(meta.get("classification") or "")[:255]
    props.revision = 1
    naive = when.astimezone(dt.UTC).replace(tzinfo=None)
    props.created = naive
    props.modified = naive
    props.last_printed = naive


@functools.lru_cache(maxsize=4)
def _styled_base(theme: Theme) -> bytes:
    """python-docx's default template restyled for the theme, once per process and theme."""
    import docx

    document = docx.Document()
    _section_setup(document, theme, False)
    _Styles(document, theme, False)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def write_docx(doc: Document, theme: Theme, settings: MemoSettings, when: dt.datetime) -> bytes:
    """Build the Word document in memory and return its bytes (normalised package)."""
    import docx

    letterhead = settings.reference_docx is not None
    if letterhead:
        document = open_reference(settings.reference_docx)
        body = document.element.body
        for child in list(body):  # keep the letterhead's styles, header, footer and sectPr, not its text
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
    else:
        document = docx.Document(io.BytesIO(_styled_base(theme)))
    if letterhead:
        _Styles(document, theme, letterhead)
    writer = _Writer(document, theme)
    writer.head(doc.meta)
    writer.blocks(doc.blocks)
    _furniture(document, doc.meta.get("classification"))
    _metadata(document, doc.meta, when)
    return write_zip(_package_members(document), when)


class _Members:
    """Stands in for python-docx's zip writer: collects member name → bytes."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.members[pack_uri.membername] = blob


def _package_members(document) -> dict[str, bytes]:
    """The package's parts as bytes, serialised the way `Document.save` does, without the zip.

    Saving through python-docx would stamp every member with the current time and we would
    have to decompress and recompress to fix it; collecting the parts directly costs half.
    """
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
