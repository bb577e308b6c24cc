"""Section, header and footer: the classification banner and Page X of Y fields."""

from __future__ import annotations

from ..templates import clean_text
from ..theme import Theme
from .oxml import _add_field

# --------------------------------------------------------------------------- writer


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
