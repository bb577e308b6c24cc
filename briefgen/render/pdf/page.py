"""The page: document template with outline, a two-pass numbered canvas, the banner."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from ..theme import Theme
from .styles import INCH, _Styles


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
            low, high = 1, len(line)  # the longest prefix that fits, by bisection
            while low < high:
                mid = (low + high + 1) // 2
                low, high = (mid, high) if measure(line[:mid]) <= width else (low, mid - 1)
            lines.append(line[:low])
            line = line[low:]
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
