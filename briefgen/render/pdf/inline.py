"""Inline spans → reportlab Paragraph markup, or straight to ParaFrags (the fast path).

The fast path builds reportlab's internal fragments without its markup parser; it lives here
alone so that this one file depends on reportlab internals (see tests/test_render_equivalence.py).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape as xml_escape

from ..theme import Theme
from ..tree import Span


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
