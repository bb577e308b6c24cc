"""Block tree → PDF with reportlab platypus.

Every text value is XML-escaped before it enters a Paragraph (reportlab reads Paragraph text
as markup). Page furniture (classification banner top and bottom, "Page X of Y") is drawn by a
two-pass canvas: pages are buffered until the total is known. Headings become PDF outline
entries. `invariant=1` plus the fixed timestamp make the bytes reproducible.

    inline.py     spans → reportlab markup, or ParaFrags directly (the fast path)
    styles.py     paragraph styles from the theme
    flowables.py  Para, BoxFlowable, long paragraphs cut into chunks
    writer.py     blocks → flowables
    page.py       page template, outline, numbered canvas, banner
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io

from ..theme import Theme
from ..tree import Document
from .page import _canvas_class, _doc_template_class
from .styles import INCH, _styles_for
from .writer import _Writer


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


__all__ = ["write_pdf"]
