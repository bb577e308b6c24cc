"""The embedded font family: Roboto from the font-roboto package, never a system font.

Both writers name the same family; the PDF embeds (subsets of) the TrueType files so that
Latin Extended, Greek and Cyrillic names render and survive text extraction. A theme may point
at other TTF files; the fingerprint hashes whichever files are actually used.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from ..errors import ConfigError
from .theme import Theme

FACES = ("regular", "bold", "italic", "bold_italic")
_ROBOTO_KEYS = {"regular": "Roboto", "bold": "RobotoBold", "italic": "RobotoItalic", "bold_italic": "RobotoBoldItalic"}


def font_files(theme: Theme) -> dict[str, Path]:
    """Face → TTF path: the theme's files where given, Roboto from its package otherwise."""
    files: dict[str, Path] = {}
    missing = [face for face in FACES if getattr(theme.font, face) is None]
    roboto: dict[str, str] = {}
    if missing:
        try:
            import font_roboto
        except ImportError:
            raise ConfigError("font-roboto", "the font package is not installed (pip install font-roboto)") from None
        roboto = font_roboto.font_files
    for face in FACES:
        path = getattr(theme.font, face)
        files[face] = Path(path) if path is not None else Path(roboto[_ROBOTO_KEYS[face]])
    return files


@functools.lru_cache(maxsize=32)
def _file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fonts_digest(theme: Theme) -> str:
    return hashlib.sha256("".join(_file_digest(str(p)) for p in font_files(theme).values()).encode()).hexdigest()


@functools.lru_cache(maxsize=8)
def _register(paths: tuple[str, str, str, str]) -> dict[str, str]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    tag = hashlib.sha256("\0".join(paths).encode()).hexdigest()[:8]
    names = {face: f"BG{tag}-{face}" for face in FACES}
    for face, path in zip(FACES, paths, strict=True):
        try:
            pdfmetrics.registerFont(TTFont(names[face], path))
        except (TTFError, OSError) as err:
            raise ConfigError(path, f"cannot use this font file: {err}") from None
    family = names["regular"]
    addMapping(family, 0, 0, names["regular"])
    addMapping(family, 1, 0, names["bold"])
    addMapping(family, 0, 1, names["italic"])
    addMapping(family, 1, 1, names["bold_italic"])
    return names


def reportlab_fonts(theme: Theme) -> dict[str, str]:
    """Register the family with reportlab once per process; face → registered font name."""
    files = font_files(theme)
    return _register(tuple(str(files[face]) for face in FACES))


# --------------------------------------------------------------------------- DOCX embedding

_DOCX_EMBED = {
    "regular": "embedRegular",
    "bold": "embedBold",
    "italic": "embedItalic",
    "bold_italic": "embedBoldItalic",
}
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"


def _font_key(data: bytes) -> str:
    """A GUID derived from the font's bytes: the same font always gets the same key (determinism)."""
    import uuid

    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, font_key: str) -> bytes:
    """ECMA-376 font obfuscation: XOR the first 32 bytes with the GUID's 16 bytes, in reverse order.

    The same operation undoes it; Word and LibreOffice read fonts embedded this way.
    """
    key = bytes.fromhex(font_key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _os2_fields(data: bytes) -> tuple[str, int]:
    """(PANOSE as 20 hex digits, fsType) from the font's OS/2 table, for the font table entry."""
    import struct

    (num_tables,) = struct.unpack(">H", data[4:6])
    for i in range(num_tables):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if tag == b"OS/2":
            (fs_type,) = struct.unpack(">H", data[offset + 8 : offset + 10])
            return data[offset + 32 : offset + 42].hex().upper(), fs_type
    return "0" * 20, 0


@functools.lru_cache(maxsize=8)
def embedded_font_entries(theme: Theme, faces: tuple[str, ...], font_table: bytes) -> tuple:
    """ZIP entries that embed the theme's TTF faces in a DOCX: fontTable.xml, its rels and the fonts.

    The family gets its PANOSE numbers and "swiss" family class too, so a reader that ignores
    embedded fonts still substitutes a similar sans serif. Fonts whose licence bits forbid
    embedding (OS/2 fsType restricted) are left out, and the document then names them only.
    """
    from lxml import etree

    from .determinism import zip_entry

    files = font_files(theme)
    family = theme.font.family
    root = etree.fromstring(font_table)
    w = f"{{{_W}}}"
    for old in root.findall(w + "font"):
        if old.get(w + "name") == family:
            root.remove(old)
    font = etree.SubElement(root, w + "font", {w + "name": family})
    regular = Path(files["regular"]).read_bytes()
    panose, _ = _os2_fields(regular)
    etree.SubElement(font, w + "panose1", {w + "val": panose})
    etree.SubElement(font, w + "charset", {w + "val": "00"})
    etree.SubElement(font, w + "family", {w + "val": "swiss"})
    etree.SubElement(font, w + "pitch", {w + "val": "variable"})
    rels = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    ]
    entries = []
    for number, face in enumerate(faces, start=1):
        data = Path(files[face]).read_bytes()
        if _os2_fields(data)[1] & 0x0002:  # restricted licence embedding
            continue
        key = _font_key(data)
        name = f"font{number}.odttf"
        etree.SubElement(font, w + _DOCX_EMBED[face], {f"{{{_R}}}id": f"rId{number}", w + "fontKey": key})
        rels.append(f'<Relationship Id="rId{number}" Type="{_FONT_REL}" Target="fonts/{name}"/>')
        # Level 1: fonts barely compress further at 6, and it is a third of the time.
        entries.append(zip_entry(f"word/fonts/{name}", obfuscate(data, key), level=1))
    rels.append("</Relationships>")
    table = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    entries.append(zip_entry("word/fontTable.xml", table))
    if len(entries) > 1:
        entries.append(zip_entry("word/_rels/fontTable.xml.rels", "".join(rels).encode("utf-8")))
    return tuple(entries)
