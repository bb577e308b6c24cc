"""Block tree → DOCX: a cached package shell (python-docx) around a body written as XML text.

python-docx prepares, once per process, theme, letterhead and banner, the *shell*: styles,
header and footer with the banner and PAGE / NUMPAGES fields, section, logo; its parts are
serialised and compressed once. Each memo then costs only its body (docx_body.py writes the
WordprocessingML directly), its core properties and one ZIP pass. Roboto is embedded as
obfuscated font parts (fonts.py), so Word and LibreOffice lay the memo out with the same
metrics as the PDF on a machine without Roboto.

Everything carries a real Word style (Heading 1/2, List Bullet, List Number, Quote, and the
briefgen styles "Memo Title", "Memo Table", "Box Title", "Source Excerpt" …) so a user can
restyle the memo in Word. With ``--reference-docx`` the letterhead file is the base document:
its styles win (briefgen only adds styles it lacks) and its header and footer are kept, with
the classification banner and "Page X of Y" added where missing. PAGE / NUMPAGES are real
fields, repeated table header rows are ``w:tblHeader``, and the package is rewritten with fixed
ZIP times so two builds give the same bytes.

    oxml.py       WordprocessingML elements by schema name (fonts, shading, borders, fields)
    styles.py     Word styles from the theme
    furniture.py  section, header and footer: banner and Page X of Y
    package.py    the cached package shell; all private python-docx API use is here
    body.py       the memo's body as WordprocessingML text
"""

from __future__ import annotations

import datetime as dt

from ...config import MemoSettings
from ..determinism import write_entries, zip_entry
from ..fonts import embedded_font_entries
from ..theme import Theme
from ..tree import Document
from .package import _core_xml, _shell, open_reference


def write_docx(doc: Document, theme: Theme, settings: MemoSettings, when: dt.datetime) -> bytes:
    """Build the Word document in memory and return its bytes (normalised package)."""
    from .body import BodyWriter

    shell = _shell(theme, settings, doc.meta.get("classification"))
    writer = BodyWriter(theme, shell.style_ids, shell.width_twips)
    body = writer.document(doc).encode("utf-8")
    entries = list(shell.entries)
    entries.append(zip_entry(shell.core, _core_xml(doc.meta, when)))
    entries.append(zip_entry(shell.main, shell.head + body + shell.tail))
    if shell.font_table is not None:
        faces = ("regular", "bold", "italic", "bold_italic") if writer.italic_used else ("regular", "bold")
        entries += embedded_font_entries(theme, faces, shell.font_table)
    return write_entries(entries, when)


__all__ = ["open_reference", "write_docx"]
