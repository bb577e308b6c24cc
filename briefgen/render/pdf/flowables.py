"""reportlab flowables of briefgen's own, and long paragraphs cut into page-sized chunks."""

from __future__ import annotations

import functools

from ..tree import Span


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
