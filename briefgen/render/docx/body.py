"""Block tree → the WordprocessingML of the memo's body, written as text.

python-docx builds every paragraph, run and cell through its element classes, which costs
more than the rest of the DOCX writer together. The body is plain, regular XML, so this
module writes it directly as a string (every text value XML-escaped, XML-illegal characters
dropped) and docx.py splices it into the document part. Formatting comes from named styles
(Heading 1, List Bullet, Table Text, Source Excerpt …) so the memo restyles in Word; only
what a style cannot say (cell widths, shading of the box, superscript citation numbers) is
written inline.
"""

from __future__ import annotations

import dataclasses
from typing import Any
from xml.sax.saxutils import escape

from ..templates import clean_text
from ..theme import Theme
from ..tree import (
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

TWIPS_PER_PT = 20
#: Cell padding left + right of "Memo Table" (80 twips each side), in points.
TABLE_PADDING_PT = 8


def _text_runs(text: str, props: str) -> str:
    """One run per tab-separated piece, with <w:tab/> between (Word needs tabs as elements)."""
    parts = clean_text(text).split("\t")
    out = []
    for i, part in enumerate(parts):
        if i:
            out.append(f"<w:r>{props}<w:tab/></w:r>")
        if part:
            out.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
    return "".join(out)


class BodyWriter:
    """Writes the body of one memo; `italic_used` tells docx.py which font faces to embed."""

    def __init__(self, theme: Theme, style_ids: dict[str, str], width_twips: int) -> None:
        self.theme = theme
        self.ids = style_ids
        self.width = width_twips
        self.italic_used = False
        self.out: list[str] = []
        c = theme.colors
        self._ref_props = f'<w:rPr><w:color w:val="{c.accent}"/><w:vertAlign w:val="superscript"/></w:rPr>'

    # inline ---------------------------------------------------------------

    def _props(self, span: Span) -> str:
        review = "review" in span.classes
        props = []
        if span.bold or review:
            props.append("<w:b/>")
        if span.italic:
            props.append("<w:i/>")
            self.italic_used = True
        if span.strike:
            props.append("<w:strike/>")
        if review:
            props.append(f'<w:color w:val="{self.theme.colors.review}"/>')
        elif span.href or span.code:
            props.append(f'<w:color w:val="{self.theme.colors.accent}"/>')
        return f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""

    def runs(self, spans: list[Span]) -> str:
        out = []
        prev_ref = False
        for span in spans:
            if span.brk:
                out.append("<w:r><w:br/></w:r>")
                prev_ref = False
            elif span.ref is not None:
                text = ("," if prev_ref else "") + str(span.ref)
                out.append(f"<w:r>{self._ref_props}<w:t>{text}</w:t></w:r>")
                prev_ref = True
            else:
                prev_ref = False
                out.append(_text_runs(span.text, self._props(span)))
        return "".join(out)

    def para(self, spans: list[Span], style: str, extra_ppr: str = "") -> str:
        style_id = self.ids.get(style)
        ppr = (f'<w:pStyle w:val="{escape(style_id)}"/>' if style_id else "") + extra_ppr
        return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{self.runs(spans)}</w:p>"

    # blocks ---------------------------------------------------------------

    def document(self, doc: Document) -> str:
        """The memo head and every block, as the XML that goes inside <w:body>."""
        self.head(doc.meta)
        self.blocks(doc.blocks, self.width, boxed=False)
        return "".join(self.out)

    def blocks(self, blocks: list[Any], width: int, boxed: bool) -> None:
        for block in blocks:
            self.block(block, width, boxed)

    def block(self, block: Any, width: int, boxed: bool) -> None:
        out = self.out
        if isinstance(block, Heading):
            out.append(self.para(block.spans, f"Heading {min(block.level, 3)}"))
        elif isinstance(block, Paragraph):
            out.append(self.para(block.spans, "Box Text" if boxed else "Normal"))
        elif isinstance(block, ListBlock):
            self.list(block, 0, width, boxed)
        elif isinstance(block, Table):
            self.table(block, width, boxed)
        elif isinstance(block, Box):
            self.box(block, width, boxed)
        elif isinstance(block, Quote):
            for child in block.blocks:
                if isinstance(child, Paragraph):
                    out.append(self.para(child.spans, "Quote"))
                else:
                    self.block(child, width, boxed)
        elif isinstance(block, Code):
            spans: list[Span] = []
            for i, line in enumerate(block.text.split("\n")):
                spans += [Span(brk=True)] if i else []
                spans.append(Span(text=line, code=True))
            out.append(self.para(spans, "Normal"))
        elif isinstance(block, Rule):
            rule = (
                f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="{self.theme.colors.rule}"/></w:pBdr>'
            )
            out.append(self.para([], "Normal", rule))
        elif isinstance(block, Footnotes):
            self.footnotes(block)

    def list(self, block: ListBlock, level: int, width: int, boxed: bool) -> None:
        base = "List Number" if block.ordered else "List Bullet"
        style = base if level == 0 else f"{base} {min(level + 1, 2 if block.ordered else 3)}"
        for item in block.items:
            first = True
            for child in item:
                if isinstance(child, Paragraph) and first:
                    self.out.append(self.para(child.spans, style))
                    first = False
                elif isinstance(child, ListBlock):
                    self.list(child, level + 1, width, boxed)
                else:
                    self.block(child, width, boxed)

    def _spacer(self) -> str:
        """A tiny paragraph after a table: Word merges adjacent tables, and a table must not end a cell."""
        return self.para([], "Normal", '<w:spacing w:before="0" w:after="0" w:line="80" w:lineRule="exact"/>')

    def table(self, block: Table, width: int, boxed: bool) -> None:
        cols = max(len(block.header), 1)
        widths_pt = column_widths(block, width / TWIPS_PER_PT, self.theme.sizes.table, TABLE_PADDING_PT)
        widths = [int(w * TWIPS_PER_PT) for w in widths_pt]
        total = sum(widths)
        style_id = self.ids.get("Memo Table", "MemoTable")
        parts = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{escape(style_id)}"/><w:tblW w:w="{total}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        ]
        parts += [f'<w:gridCol w:w="{w}"/>' for w in widths]
        parts.append("</w:tblGrid>")
        for r, row in enumerate([block.header, *block.rows]):
            header = r == 0
            parts.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>")
            style = "Table Heading" if header else "Table Text"
            for col in range(cols):
                cell = row[col] if col < len(row) else []
                parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[col]}" w:type="dxa"/></w:tcPr>')
                parts.append(self.para(cell, style))
                parts.append("</w:tc>")
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        self.out.append("".join(parts))
        self.out.append(self._spacer())

    def box(self, block: Box, width: int, boxed: bool) -> None:
        """A one-cell shaded table with an accent bar on the left (the BLUF box)."""
        c = self.theme.colors
        self.out.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
            f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:tcBorders>'
            '<w:top w:val="nil"/>'
            f'<w:left w:val="single" w:sz="24" w:space="0" w:color="{c.box_border}"/>'
            '<w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{c.box_fill}"/>'
            '<w:tcMar><w:top w:w="100" w:type="dxa"/><w:left w:w="180" w:type="dxa"/>'
            '<w:bottom w:w="60" w:type="dxa"/><w:right w:w="140" w:type="dxa"/></w:tcMar></w:tcPr>'
        )
        start = len(self.out)
        if block.title:
            self.out.append(self.para([Span(text=block.title.upper())], "Box Title"))
        self.blocks(block.blocks, width - 320, boxed=True)
        if len(self.out) == start:
            self.out.append("<w:p/>")  # a cell must hold a paragraph
        self.out.append("</w:tc></w:tr></w:tbl>")
        self.out.append(self._spacer())

    def footnotes(self, block: Footnotes) -> None:
        """Numbered excerpts: the number right-aligned at a tab, the text at the hanging indent."""
        indent = round(self.theme.sizes.annex * 2.2 * TWIPS_PER_PT)
        tabs = f'<w:tabs><w:tab w:val="right" w:pos="{indent - 60}"/><w:tab w:val="left" w:pos="{indent}"/></w:tabs>'
        for entry in block.entries:
            spans = [Span(text=f"\t{entry.number}.\t")]
            body = [s for b in entry.blocks if isinstance(b, Paragraph) for s in b.spans]
            if body and body[0].text:
                body[0] = dataclasses.replace(body[0], text=body[0].text.lstrip())
            self.out.append(self.para(spans + body, "Source Excerpt", tabs))

    def head(self, meta: dict[str, Any]) -> None:
        """Organisation, title, and the TO / FROM / DATE / SUBJECT block with a rule below."""
        if meta.get("organisation"):
            self.out.append(self.para([Span(text=meta["organisation"].upper())], "Memo Organisation"))
        if meta.get("title"):
            self.out.append(self.para([Span(text=meta["title"])], "Memo Title"))
        rows = meta.get("header") or []
        label_width = 1368  # 0.95 inch
        tabs = f'<w:tabs><w:tab w:val="left" w:pos="{label_width}"/></w:tabs>'
        indent = f'<w:ind w:left="{label_width}" w:hanging="{label_width}"/>'
        rule = f'<w:pBdr><w:bottom w:val="single" w:sz="10" w:space="4" w:color="{self.theme.colors.accent}"/></w:pBdr>'
        if not rows:
            self.out.append(self.para([], "Normal", rule + '<w:spacing w:after="160"/>'))
        for i, (label, value) in enumerate(rows):
            last = i == len(rows) - 1
            ppr = (rule if last else "") + tabs + ('<w:spacing w:after="160"/>' if last else "") + indent
            spans = [Span(text=label, bold=True), Span(text="\t" + value)]
            self.out.append(self.para(spans, "Memo Header", ppr))
