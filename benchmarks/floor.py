"""The floor for rendering: the same memo content written straight with python-docx and reportlab.

No template, no Markdown, no block tree, no theme: the least work that produces a comparable
memo (banner, header block, bottom line, participants, setting, key points, a commitments
table, quotes, background, a sources annex; an embedded TrueType family and Page X of Y in
the PDF; fixed timestamps for repeatable files). briefgen's renderer is measured against it.
"""

from __future__ import annotations

import datetime as dt
import io

from briefgen.model import Meeting

_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _sections(m: Meeting) -> list[tuple[str, list[str]]]:
    """The memo's text, section by section, as plain strings."""
    people = [f"{p.name or '(name not given)'}, {p.title or ''} ({p.affiliation or '?'})" for p in m.participants]
    place = ", ".join(x for x in (m.setting.location.city, m.setting.location.country) if x)
    setting = [f"Date: {m.setting.date or m.setting.date_text or 'not stated'}", f"Place: {place or 'not stated'}"]
    if m.setting.occasion:
        setting.append(f"Occasion: {m.setting.occasion}")
    points = [f"{t.label}: {' '.join(t.points)}" for t in m.topics]
    quotes = [f"“{q.text}” — {q.speaker or 'unattributed'}" for q in m.quotes]
    background = [b.text for b in m.background]
    outlook = [o.text for o in m.outlook]
    annex = [f"[{i}] {ev.text}" for i, (_, item) in enumerate(m.iter_items(), 1) for ev in item.evidence[:1]]
    return [
        ("Bottom line", list(m.summary.lines) or ["No summary could be drawn from the source."]),
        ("Participants", people),
        ("Setting", setting),
        ("Key points", points),
        ("Quotes", quotes),
        ("Background", background),
        ("Next steps", outlook),
        ("Sources", annex),
    ]


def _commitments(m: Meeting) -> list[list[str]]:
    rows = [["Who", "What", "By when", "Confidence"]]
    rows += [[c.actor or "", c.action, c.deadline or "", f"{c.confidence:.0%}"] for c in m.commitments]
    return rows


def docx_floor(m: Meeting) -> bytes:
    """The fastest public-API way: plain paragraphs and runs, no style lookups.

    Assigning a named style costs python-docx about 1.5 ms a paragraph (it scans the style
    table each time), so headings here are bold runs and bullets a leading "•" (as in the PDF).
    """
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "UNCLASSIFIED"
    d.sections[0].footer.paragraphs[0].text = "UNCLASSIFIED"

    def heading(text: str, size: int) -> None:
        run = d.add_paragraph().add_run(text)
        run.bold = True
        run.font.size = Pt(size)

    heading("INFORMATION MEMO", 16)
    for line in ("TO: The Secretary", "FROM: Policy Planning", "SUBJECT: " + (m.source.title or "Meeting")):
        d.add_paragraph(line)
    for title, lines in _sections(m):
        heading(title, 13)
        for line in lines:
            d.add_paragraph("• " + line)
        if title == "Key points":
            rows = _commitments(m)
            table = d.add_table(rows=len(rows), cols=4)
            for row, values in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    d.core_properties.created = d.core_properties.modified = _EPOCH
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_FONTS_READY = False


def _register_fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    import font_roboto
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = font_roboto.font_files
    for name, key in (("F", "Roboto"), ("F-B", "RobotoBold"), ("F-I", "RobotoItalic"), ("F-BI", "RobotoBoldItalic")):
        pdfmetrics.registerFont(TTFont(name, files[key]))
    pdfmetrics.registerFontFamily("F", normal="F", bold="F-B", italic="F-I", boldItalic="F-BI")
    _FONTS_READY = True


def pdf_floor(m: Meeting) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate

    _register_fonts()

    class NumberedCanvas(canvas.Canvas):
        """Two passes for Page X of Y, as any memo with a page count needs."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont("F", 9)
                self.drawCentredString(306, 750, "UNCLASSIFIED")
                self.drawCentredString(306, 30, f"UNCLASSIFIED — Page {self._pageNumber} of {len(self._pages)}")
                super().showPage()
            super().save()

    body = ParagraphStyle("body", fontName="F", fontSize=11, leading=14)
    head = ParagraphStyle("head", fontName="F-B", fontSize=13, leading=17, spaceBefore=8)
    story = [Paragraph("INFORMATION MEMO", head)]
    for line in ("TO: The Secretary", "FROM: Policy Planning", "SUBJECT: " + (m.source.title or "Meeting")):
        story.append(Paragraph(escape(line), body))
    for title, lines in _sections(m):
        story.append(Paragraph(title, head))
        story.extend(Paragraph("• " + escape(line), body) for line in lines)
        if title == "Key points":
            rows = [[Paragraph(escape(v), body) for v in row] for row in _commitments(m)]
            story.append(LongTable(rows, repeatRows=1))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=letter, invariant=1).build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()
