"""The Word styles of the memo, derived from the theme (a letterhead's own styles win)."""

from __future__ import annotations

from typing import Any

from ..theme import Theme
from .oxml import _THEME_FONT_ATTRS, _borders, _el, _set_fonts, _shade

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
