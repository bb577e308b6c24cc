"""WordprocessingML elements by their schema names: the oxml layer under the styles and furniture."""

from __future__ import annotations

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


# --------------------------------------------------------------------------- oxml helpers


def _el(tag: str, **attrs: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(key.replace("_", ":", 1)), value)
    return el


def _set_fonts(rpr, family: str) -> None:
    """Name the family for every script slot and drop theme-font indirections."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), family)


def _shade(tcpr_or_ppr, fill: str) -> None:
    from docx.oxml.ns import qn

    for old in tcpr_or_ppr.findall(qn("w:shd")):
        tcpr_or_ppr.remove(old)
    tcpr_or_ppr.append(_el("w:shd", w_val="clear", w_color="auto", w_fill=fill))


def _borders(tag: str, **sides: tuple[str, int, str]):
    """A w:pBdr / w:tblBorders / w:tcBorders element: side → (val, size in 1/8 pt, colour)."""
    el = _el(tag)
    for side, (val, size, color) in sides.items():
        el.append(_el(f"w:{side}", w_val=val, w_sz=str(size), w_space="0", w_color=color))
    return el


def _add_field(paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES): Word and LibreOffice compute it when they lay out."""
    begin, instr, sep, result, end = (paragraph.add_run() for _ in range(5))
    begin._r.append(_el("w:fldChar", w_fldCharType="begin"))
    text = _el("w:instrText", xml_space="preserve")
    text.text = f" {instruction} "
    instr._r.append(text)
    sep._r.append(_el("w:fldChar", w_fldCharType="separate"))
    result.text = placeholder
    end._r.append(_el("w:fldChar", w_fldCharType="end"))
