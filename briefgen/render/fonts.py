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
