"""Block tree → PDF with reportlab platypus.

Every text value is XML-escaped before it enters a Paragraph (reportlab reads Paragraph text
as markup). Page furniture (classification banner top and bottom, "Page X of Y") is drawn by a
two-pass canvas: pages are buffered until the total is known. Headings become PDF outline
entries. `invariant=1` plus the fixed timestamp make the bytes reproducible.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import time
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from .fonts import reportlab_fonts
from .theme import Theme
from .tree import Box, Code, Document, Footnotes, Heading, ListBlock, Paragraph, Quote, Rule, Span, Table

INCH = 72.0


def _hex(color: str) -> str:
    return "#" + color


def _attr(value: str) -> str:
    return xml_escape(value, {'"': "&quot;"})


def spans_markup(spans: list[Span], theme: Theme) -> str:
    """Inline spans → reportlab Paragraph markup, every text value escaped."""
    out: list[str] = []
    prev_ref = False
    for span in spans:
        if span.brk:
            out.append("<br/>")
            prev_ref = False
            continue
        if span.ref is not None:
            sep = "," if prev_ref else ""
            out.append(f'<super><font color="{_hex(theme.colors.accent)}">{sep}{span.ref}</font></super>')
            prev_ref = True
            continue
        prev_ref = False
        text = xml_escape(span.text)
        if span.code:
            text = f'<font color="{_hex(theme.colors.muted)}">{text}</font>'
        if span.strike:
            text = f"<strike>{text}</strike>"
        bold = span.bold or "review" in span.classes
        if span.italic:
            text = f"<i>{text}</i>"
        if bold:
            text = f"<b>{text}</b>"
        if "review" in span.classes:
            text = f'<font color="{_hex(theme.colors.review)}">{text}</font>'
        if span.href:
            text = f'<a href="{_attr(span.href)}" color="{_hex(theme.colors.accent)}">{text}</a>'
        out.append(text)
    return "".join(out)


def spans_frags(spans: list[Span], style, theme: Theme, colors: dict[str, Any]) -> list[Any] | None:
    """Inline spans → reportlab's paragraph fragments directly, without its markup parser.

    reportlab parses Paragraph text with an HTML parser, a fifth of the PDF writer's time. The
    common spans (plain, bold, italic, review marks, citation numbers) become `ParaFrag`s here
    with exactly the attributes the parser would give them; text needs no escaping on this
    path. Anything rarer (line breaks, code, strike-through, web links) returns None and goes
    through `spans_markup` and the parser.
    """
    from reportlab.lib.fonts import ps2tt, tt2ps
    from reportlab.platypus.paraparser import ParaFrag, sizeDelta, supFraction

    if any(s.brk or s.code or s.strike or (s.href is not None and s.ref is None) for s in spans):
        return None
    family, bold0, italic0 = ps2tt(style.fontName)
    size = style.fontSize
    frags = []
    prev_ref = False
    for span in spans:
        frag = ParaFrag()
        frag.greek = 0
        frag.us_lines = []
        frag.__tag__ = "para"
        if span.ref is not None:
            frag.fontName, frag.bold, frag.italic = tt2ps(family, bold0, italic0), bold0, italic0
            frag.rise = size * supFraction
            frag.fontSize = size - min(sizeDelta, 0.2 * size)
            frag.textColor = colors["accent"]
            frag.link = []
            frag.text = ("," if prev_ref else "") + str(span.ref)
            prev_ref = True
        else:
            prev_ref = False
            review = "review" in span.classes
            bold = 1 if (bold0 or span.bold or review) else 0
            italic = 1 if (italic0 or span.italic) else 0
            frag.fontName, frag.bold, frag.italic = tt2ps(family, bold, italic), bold, italic
            frag.rise = 0
            frag.fontSize = size
            frag.textColor = colors["review"] if review else style.textColor
            frag.link = []
            frag.text = span.text
        frags.append(frag)
    if frags and frags[0].rise == 0:
        frags[0].text = frags[0].text.lstrip()
    return frags


class _Styles:
    """The paragraph styles, all derived from the theme."""

    def __init__(self, theme: Theme, fonts: dict[str, str]) -> None:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.styles import ParagraphStyle

        c = theme.colors
        s = theme.sizes
        sp = theme.spacing
        self.color = lambda name: colors.HexColor(_hex(getattr(c, name)))
        regular, bold = fonts["regular"], fonts["bold"]
        accent, muted, text = self.color("accent"), self.color("muted"), self.color("text")
        base = ParagraphStyle(
            "body",
            fontName=regular,
            fontSize=s.body,
            leading=theme.leading_for(s.body),
            textColor=text,
            spaceAfter=sp.paragraph_after,
            bulletFontName=regular,
            bulletFontSize=s.body,
        )
        self.body = base

        def sized(name: str, size: float, parent: ParagraphStyle = base, **extra: Any) -> ParagraphStyle:
            """A style at `size` with the theme's leading for it: most styles differ from the body only so."""
            return ParagraphStyle(name, parent=parent, fontSize=size, leading=theme.leading_for(size), **extra)

        def strong(name: str, size: float, color: Any, after: float, before: float = 0) -> ParagraphStyle:
            """Bold in one colour with its own spacing: the title, organisation line, headings and box titles."""
            return sized(name, size, fontName=bold, textColor=color, spaceBefore=before, spaceAfter=after)

        self.title = strong("title", s.title, accent, after=6)
        self.org = strong("org", s.small, muted, after=2)
        self.h = {
            1: strong("h1", s.heading1, accent, after=sp.heading1_after, before=sp.heading1_before),
            2: strong("h2", s.heading2, text, after=sp.heading2_after, before=sp.heading2_before),
        }
        self.h[3] = sized("h3", s.body, parent=self.h[2])
        self.header_row = sized(
            "headerrow",
            s.header_block,
            leftIndent=0.95 * INCH,
            bulletIndent=0,
            bulletFontName=bold,
            bulletFontSize=s.header_block,
            bulletColor=muted,
            spaceAfter=2,
        )
        self.cell = sized("cell", s.table, spaceAfter=0)
        self.head_cell = ParagraphStyle("headcell", parent=self.cell, fontName=bold, textColor=accent)
        self.box_title = strong("boxtitle", s.small, accent, after=2)
        self.quote = ParagraphStyle("quote", parent=base, leftIndent=12, spaceAfter=sp.list_after + 1, textColor=text)
        self.note = ParagraphStyle(
            "note",
            parent=base,
            fontSize=s.annex,
            leading=round(s.annex * theme.annex_leading, 2),
            leftIndent=s.annex * 2.2,
            bulletIndent=0,
            bulletFontName=regular,
            bulletFontSize=s.annex,
            spaceAfter=1,
            textColor=text,
        )
        self.banner = ParagraphStyle(
            "banner",
            parent=base,
            fontName=bold,
            fontSize=s.banner,
            alignment=TA_CENTER,
            textColor=self.color("banner"),
        )
        self.fonts = fonts
        self.theme = theme
        self.rl_colors = {"accent": self.color("accent"), "review": self.color("review")}
        self._lists: dict[tuple[int, bool | None], ParagraphStyle] = {}

    def list_style(self, level: int, ordered: bool):
        from reportlab.lib.styles import ParagraphStyle

        key = (level, ordered)
        if key not in self._lists:
            indent = 14 + 14 * level + (4 if ordered else 0)
            self._lists[key] = ParagraphStyle(
                f"list{level}{ordered}",
                parent=self.body,
                leftIndent=indent,
                bulletIndent=indent - 11 - (4 if ordered else 0),
                spaceAfter=self.theme.spacing.list_after,
            )
        return self._lists[key]

    def continuation(self, level: int):
        from reportlab.lib.styles import ParagraphStyle

        key = (level, None)
        if key not in self._lists:
            self._lists[key] = ParagraphStyle(f"cont{level}", parent=self.body, leftIndent=14 + 14 * level)
        return self._lists[key]


@functools.lru_cache(maxsize=8)
def _styles_for(theme: Theme) -> _Styles:
    """Paragraph styles once per process and theme (they are never changed after creation)."""
    return _Styles(theme, reportlab_fonts(theme))


@functools.cache
def _flowable_classes():
    """reportlab subclasses, defined on first use so importing this module stays cheap."""
    from reportlab.platypus import Flowable
    from reportlab.platypus import Paragraph as RLParagraph

    class Para(RLParagraph):
        """A Paragraph that remembers its last wrap: tables wrap each cell to measure and again to draw."""

        _bg_wrap: tuple[float, tuple[float, float]] | None = None

        def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
            cached = self._bg_wrap
            # split() drops blPara when it pushes the paragraph on whole: then wrap again.
            if cached is not None and cached[0] == availWidth and "blPara" in self.__dict__:
                return cached[1]
            size = super().wrap(availWidth, availHeight)
            self._bg_wrap = (availWidth, size)
            return size

    class BoxFlowable(Flowable):
        """A shaded box with an accent bar on the left (the BLUF), laid out once.

        A one-cell Table would wrap its content twice; this wraps each child once. A box
        taller than a whole page gives up its frame and flows on as plain paragraphs.
        """

        def __init__(self, content, fill, bar, page_height: float) -> None:
            super().__init__()
            self.content = content
            self.fill, self.bar = fill, bar
            self.page_height = page_height
            self.pad = (10, 8, 6, 4)  # left, right, top, bottom

        def wrap(self, availWidth, availHeight):  # noqa: N803
            left, right, top, bottom = self.pad
            inner = availWidth - left - right
            height = top + bottom
            for i, flow in enumerate(self.content):
                _, h = flow.wrap(inner, self.page_height)
                height += h + (flow.getSpaceBefore() if i else 0)
                height += flow.getSpaceAfter() if i < len(self.content) - 1 else 0
            self.width, self.height = availWidth, height
            return self.width, self.height

        def split(self, availWidth, availHeight):  # noqa: N803
            if self.wrap(availWidth, availHeight)[1] <= self.page_height:
                return []  # fits on the next page
            return list(self.content)

        def draw(self) -> None:
            canv = self.canv
            left, _, top, _ = self.pad
            canv.saveState()
            canv.setFillColor(self.fill)
            canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            canv.setStrokeColor(self.bar)
            canv.setLineWidth(3)
            canv.line(1.5, 0, 1.5, self.height)
            canv.restoreState()
            y = self.height - top
            for i, flow in enumerate(self.content):
                if i:
                    y -= flow.getSpaceBefore()
                y -= flow.height
                flow.drawOn(canv, left, y)
                y -= flow.getSpaceAfter()

    return Para, BoxFlowable


#: Longest paragraph handed to reportlab in one piece (about a page of body text).
CHUNK_CHARS = 3000


def split_spans(spans: list[Span], limit: int) -> list[list[Span]]:
    """Cut inline spans into runs of at most `limit` characters, at spaces where possible
    (the space at a cut is dropped: the chunks start on a new line)."""
    import dataclasses

    chunks: list[list[Span]] = [[]]
    size = 0
    for span in spans:
        text = span.text
        while size + len(text) > limit:
            room = limit - size
            cut = text.rfind(" ", 0, room + 1)
            if cut <= 0:
                if size > 0:  # no space in the room left: start a new chunk and try again
                    chunks.append([])
                    size = 0
                    continue
                cut = room  # an unbroken run longer than a chunk is cut inside
            chunks[-1].append(dataclasses.replace(span, text=text[:cut]))
            chunks.append([])
            size = 0
            text = text[cut:].lstrip(" ")
        if text or span.brk or span.ref is not None:
            chunks[-1].append(span if text is span.text else dataclasses.replace(span, text=text))
            size += len(text)
    return [c for c in chunks if c] or [[]]


@functools.lru_cache(maxsize=64)
def _chunk_style(style, first: bool, last: bool):
    """The style of one chunk of a long paragraph: no space between chunks."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        f"{style.name}-chunk{int(first)}{int(last)}",
        parent=style,
        spaceBefore=style.spaceBefore if first else 0,
        spaceAfter=style.spaceAfter if last else 0,
    )


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

        from .tree import column_widths

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


def _doc_template_class():
    from reportlab.platypus import BaseDocTemplate

    class DocTemplate(BaseDocTemplate):
        """Adds an outline entry (bookmark) for every heading as it is laid out."""

        def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab's hook name
            outline = getattr(flowable, "_bg_outline", None)
            if outline is None:
                return
            level, text = outline
            self._bg_count = getattr(self, "_bg_count", 0) + 1
            key = f"h{self._bg_count}"
            depth = min(level - 1, getattr(self, "_bg_depth", -1) + 1)
            self._bg_depth = depth
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text or "(untitled)", key, level=depth, closed=False)

    return DocTemplate


#: Smallest size a long classification banner shrinks to before it wraps instead.
MIN_BANNER_SIZE = 6.0


def banner_lines(banner: str, font: str, size: float, width: float) -> tuple[float, list[str]]:
    """The banner's size and lines: shrunk to fit the text width, then wrapped; never clipped.

    A marking such as "TOP SECRET//…" is the most important text on the page: drawn centred
    on one line, a long one ran off both edges and its first words were lost.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    natural = stringWidth(banner, font, size)
    if natural <= width:
        return size, [banner]
    shrunk = max(MIN_BANNER_SIZE, size * width / natural)
    if stringWidth(banner, font, shrunk) <= width:
        return shrunk, [banner]
    return MIN_BANNER_SIZE, _wrap_marking(banner, lambda t: stringWidth(t, font, MIN_BANNER_SIZE), width)


def _wrap_marking(text: str, measure, width: float) -> list[str]:
    """Greedy lines, breaking after spaces or slashes ("SECRET//NOFORN"), inside a run if need be."""
    import re

    lines: list[str] = []
    line = ""
    for token in re.findall(r"[^ /]+/*|/+| +", text):
        if measure(line + token) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.strip())
        line = token.lstrip(" ")
        while line and measure(line) > width:
            cut = max(1, next((n for n in range(len(line), 0, -1) if measure(line[:n]) <= width), 1))
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.strip())
    return lines


def _canvas_class(theme: Theme, styles: _Styles, banner: str | None, when: dt.datetime):
    """A canvas that buffers pages, then draws banner and 'Page X of Y' once the total is known."""
    from reportlab.lib.utils import TimeStamp
    from reportlab.pdfgen.canvas import Canvas

    stamp = TimeStamp(invariant=1)
    stamp.t = when.timestamp()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = stamp
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._furniture(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _furniture(self, number: int, total: int) -> None:
            page_w, page_h = self._pagesize
            left = theme.page.margin_left * INCH
            right = page_w - theme.page.margin_right * INCH
            self.saveState()
            if banner:
                size, lines = banner_lines(banner, styles.fonts["bold"], theme.sizes.banner, right - left)
                self.setFont(styles.fonts["bold"], size)
                self.setFillColor(styles.color("banner"))
                leading = size * 1.15
                top_y = page_h - theme.page.margin_top * INCH / 2 - size / 3 + (len(lines) - 1) * leading / 2
                bottom_y = theme.page.margin_bottom * INCH / 2 - size / 3 + (len(lines) - 1) * leading / 2
                for i, line in enumerate(lines):
                    self.drawCentredString(page_w / 2, top_y - i * leading, line)
                    self.drawCentredString(page_w / 2, bottom_y - i * leading, line)
            self.setFont(styles.fonts["regular"], theme.sizes.small)
            self.setFillColor(styles.color("muted"))
            footer_y = theme.page.margin_bottom * INCH - theme.sizes.small * 2.2
            self.drawRightString(right, footer_y, f"Page {number} of {total}")
            self.setStrokeColor(styles.color("rule"))
            self.setLineWidth(0.4)
            self.line(left, footer_y + theme.sizes.small + 2, right, footer_y + theme.sizes.small + 2)
            self.restoreState()

    return NumberedCanvas


def write_pdf(doc: Document, theme: Theme, when: dt.datetime) -> bytes:
    """Lay the document out on pages and return the PDF bytes."""
    from reportlab.platypus import Frame, PageTemplate

    styles = _styles_for(theme)
    page_w, page_h = (x * INCH for x in theme.page.size_inches)
    m = theme.page
    width = page_w - (m.margin_left + m.margin_right) * INCH
    frame_height = page_h - (m.margin_top + m.margin_bottom) * INCH
    writer = _Writer(theme, styles, width, frame_height)
    story = writer.head(doc.meta) + writer.blocks(doc.blocks)

    meta = doc.meta
    buf = io.BytesIO()
    template = _doc_template_class()(
        buf,
        pagesize=(page_w, page_h),
        leftMargin=m.margin_left * INCH,
        rightMargin=m.margin_right * INCH,
        topMargin=m.margin_top * INCH,
        bottomMargin=m.margin_bottom * INCH,
        title=meta.get("title") or "",
        author=meta.get("author") or "",
        subject=meta.get("subject") or "",
        keywords=", ".join(meta.get("keywords") or []),
        creator="briefgen",
        invariant=1,
        pageCompression=1,
    )
    frame = Frame(
        m.margin_left * INCH,
        m.margin_bottom * INCH,
        width,
        page_h - (m.margin_top + m.margin_bottom) * INCH,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template.addPageTemplates([PageTemplate(id="memo", frames=[frame])])
    canvas_class = _canvas_class(theme, styles, meta.get("classification"), when)

    def start(canv, _doc) -> None:
        canv.showOutline()

    template.pageTemplates[0].beforeDrawPage = start
    with _binary_streams():
        template.build(story, canvasmaker=canvas_class)
    return buf.getvalue()


@contextlib.contextmanager
def _binary_streams():
    """Write compressed streams as binary, not ASCII85 (reportlab's default): smaller and faster.

    rl_config is process-wide, so the setting is restored afterwards.
    """
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved
