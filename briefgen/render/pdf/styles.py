"""The paragraph styles of the PDF, all derived from the theme."""

from __future__ import annotations

import functools
from typing import Any

from ..fonts import reportlab_fonts
from ..theme import Theme
from .inline import _hex

INCH = 72.0


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
