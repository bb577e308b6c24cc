"""Meeting + MemoSettings → memo files. PLACEHOLDER until the rendering stage lands."""

from __future__ import annotations

from ..config import MemoSettings
from ..model import Meeting


def list_templates(settings: MemoSettings | None = None) -> list[tuple[str, str]]:
    return [("memo", "the full briefing memo")]


def render_docx(meeting: Meeting, settings: MemoSettings) -> bytes:
    import io

    import docx

    d = docx.Document()
    d.add_heading("Briefing memo", 1)
    for p in meeting.participants:
        d.add_paragraph(p.name or "")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def render_pdf(meeting: Meeting, settings: MemoSettings) -> bytes:
    import io

    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.drawString(72, 720, "Briefing memo")
    c.save()
    return buf.getvalue()


def render_markdown(meeting: Meeting, settings: MemoSettings) -> str:
    return ""


def template_fingerprint(settings: MemoSettings) -> str:
    return ""


def check_settings(settings: MemoSettings) -> None:
    """Fail early (before a batch) when the template or letterhead cannot be used."""
