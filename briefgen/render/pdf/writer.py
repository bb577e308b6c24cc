"""Blocks of the document tree → reportlab flowables."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape as xml_escape

from ..theme import Theme
from ..tree import Box, Code, Footnotes, Heading, ListBlock, Paragraph, Quote, Rule, Span, Table
from .flowables import CHUNK_CHARS, _chunk_style, _flowable_classes, split_spans
from .inline import spans_frags, spans_markup
from .styles import INCH, _Styles


class _Writer:
    """Turns blocks into flowables."""

    def __init__(self, theme: Theme, styles: _Styles, width: float, page_height: float) -> None:
        self.theme = theme
        self.st = styles
        self.width = width
        self.page_height = page_height
        self.headings = 0

    def para(self, spans: list[Span], style, **kwargs: Any):
        frags = spans_frags(spans, style, self.theme, self.st.rl_colors)
        if frags is None:
            return _flowable_classes()[0](spans_markup(spans, self.theme), style, **kwargs)
        return _flowable_classes()[0]("", style, frags=frags, **kwargs)

    def paras(self, spans: list[Span], style, **kwargs: Any) -> list[Any]:
        """One paragraph as flowables of at most CHUNK_CHARS characters each.

        reportlab re-wraps the rest of a paragraph at every page it splits, so one paragraph
        of N characters costs N²: a 1 MB quote took sixteen minutes. Cut into chunks that each
        fit on about a page, the cost is linear. The chunks follow each other without space
        between; only a paragraph longer than a page is cut, at a space.
        """
        chunks = split_spans(spans, CHUNK_CHARS)
        if len(chunks) == 1:
            return [self.para(spans, style, **kwargs)]
        out = []
        for i, chunk in enumerate(chunks):
            part = _chunk_style(style, first=i == 0, last=i == len(chunks) - 1)
            out.append(self.para(chunk, part, **(kwargs if i == 0 else {})))
        return out

    def blocks(self, blocks: list[Any], width: float | None = None) -> list[Any]:
        from reportlab.platypus import CondPageBreak

        out: list[Any] = []
        for block in blocks:
            flows = self.block(block, width or self.width)
            if isinstance(block, Table) and len(out) >= 2 and isinstance(out[-2], CondPageBreak):
                # The heading just written must not end a page without this table's first rows under it.
                heading = out[-1]
                own = heading.style.leading + heading.style.spaceBefore + heading.style.spaceAfter
                out[-2] = CondPageBreak(max(out[-2].height, own + self._table_start(flows[0])))
            out.extend(flows)
        return out

    def _table_start(self, table) -> float:
        """Height of a table's header row and first body row; the cells keep their wraps for the table."""
        height = 0.0
        for row in table._cellvalues[:2]:
            cells = [cell.wrap(w - 8, self.page_height)[1] for cell, w in zip(row, table._colWidths, strict=True)]
            height += max(cells, default=0) + 5.5
        return height + 2

    def block(self, block: Any, width: float) -> list[Any]:
        from reportlab.platypus import HRFlowable
        from reportlab.platypus import Paragraph as RLParagraph

        if isinstance(block, Heading):
            from reportlab.platypus import CondPageBreak

            style = self.st.h[min(block.level, 3)]
            flow = self.para(block.spans, style)
            flow._bg_outline = (block.level, block.text)  # read by _DocTemplate.afterFlowable
            # Not keepWithNext: that glues the heading to a whole long table and strands a blank page.
            return [CondPageBreak(style.fontSize * 6), flow]
        if isinstance(block, Paragraph):
            return self.paras(block.spans, self.st.body)
        if isinstance(block, ListBlock):
            return self.list(block, 0)
        if isinstance(block, Table):
            return [self.table(block, width)]
        if isinstance(block, Box):
            return [self.box(block, width)]
        if isinstance(block, Quote):
            out: list[Any] = []
            for child in block.blocks:
                if isinstance(child, Paragraph):
                    out.extend(self.paras(child.spans, self.st.quote))
                else:
                    out.extend(self.block(child, width - 14))
            return out
        if isinstance(block, Code):
            text = xml_escape(block.text).replace("\n", "<br/>")
            return [RLParagraph(text, self.st.body)]
        if isinstance(block, Rule):
            return [HRFlowable(width="100%", thickness=0.5, color=self.st.color("rule"), spaceBefore=4, spaceAfter=4)]
        if isinstance(block, Footnotes):
            return self.footnotes(block)
        return []

    def list(self, block: ListBlock, level: int) -> list[Any]:
        out: list[Any] = []
        style = self.st.list_style(level, block.ordered)
        bullet = "•" if level % 2 == 0 else "–"
        for n, item in enumerate(block.items, start=block.start):
            first = True
            for child in item:
                if isinstance(child, Paragraph) and first:
                    mark = f"{n}." if block.ordered else bullet
                    out.extend(self.paras(child.spans, style, bulletText=mark))
                    first = False
                elif isinstance(child, ListBlock):
                    out.extend(self.list(child, level + 1))
                elif isinstance(child, Paragraph):
                    out.extend(self.paras(child.spans, self.st.continuation(level)))
                else:
                    out.extend(self.block(child, self.width - 14 * (level + 1)))
        return out

    def table(self, block: Table, width: float):
        from reportlab.platypus import Table as RLTable
        from reportlab.platypus import TableStyle

        from ..tree import column_widths

        widths = column_widths(block, width, self.theme.sizes.table, 8)
        data = [[self.para(cell, self.st.head_cell) for cell in block.header]]
        data += [[self.para(cell, self.st.cell) for cell in row] for row in block.rows]
        # Rows stay whole on a page, unless one is taller than a page (a long unbroken cell):
        # then reportlab may split rows, where it would otherwise fail to lay the table out.
        tallest = max(
            (max(cell.wrap(w - 8, self.page_height)[1] for cell, w in zip(row, widths, strict=False)) for row in data),
            default=0,
        )
        split_rows = int(tallest * 2 + 12 > self.page_height)
        table = RLTable(data, colWidths=widths, repeatRows=1, splitInRow=split_rows, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), self.st.color("table_header_fill")),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.st.color("accent")),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.4, self.st.color("table_border")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        table.spaceAfter = self.theme.spacing.table_after
        return table

    def box(self, block: Box, width: float):
        inner_width = width - 18
        content: list[Any] = []
        if block.title:
            content.append(_flowable_classes()[0](xml_escape(block.title.upper()), self.st.box_title))
        content.extend(self.blocks(block.blocks, inner_width))
        box = _flowable_classes()[1](content, self.st.color("box_fill"), self.st.color("box_border"), self.page_height)
        box.spaceBefore = 2
        box.spaceAfter = 6
        return box

    def footnotes(self, block: Footnotes) -> list[Any]:
        """The numbered excerpts, numbers right-aligned in a hanging gutter ("9." under "10.").

        Roboto's digits are tabular and U+2007 (figure space) is a digit wide, so padding the
        shorter numbers with figure spaces aligns them without a table.
        """
        digits = len(str(max((e.number for e in block.entries), default=1)))
        out: list[Any] = []
        for entry in block.entries:
            spans = [s for b in entry.blocks if isinstance(b, Paragraph) for s in b.spans]
            number = str(entry.number).rjust(digits, "\u2007") + "."
            out.extend(self.paras(spans, self.st.note, bulletText=number))
        return out

    def head(self, meta: dict[str, Any]) -> list[Any]:
        """Logo, organisation, title and the TO / FROM / DATE / SUBJECT block."""
        from reportlab.platypus import HRFlowable, Image, Spacer
        from reportlab.platypus import Paragraph as RLParagraph

        out: list[Any] = []
        if self.theme.logo is not None:
            from reportlab.lib.utils import ImageReader

            reader = ImageReader(str(self.theme.logo))
            iw, ih = reader.getSize()
            w = self.theme.logo_width * INCH
            out.append(Image(str(self.theme.logo), width=w, height=w * ih / iw, hAlign="LEFT"))
            out.append(Spacer(1, 4))
        if meta.get("organisation"):
            out.append(RLParagraph(xml_escape(meta["organisation"].upper()), self.st.org))
        if meta.get("title"):
            out.append(RLParagraph(xml_escape(meta["title"]), self.st.title))
        for label, value in meta.get("header") or []:
            # The label is the paragraph's "bullet": it sits in the hanging gutter, the value wraps beside it.
            out.append(self.para([Span(text=value)], self.st.header_row, bulletText=label))
        out.append(HRFlowable(width="100%", thickness=1.2, color=self.st.color("accent"), spaceBefore=5, spaceAfter=7))
        return out
