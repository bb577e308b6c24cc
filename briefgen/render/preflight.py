"""Settings checked once, before any input is read: template, theme, logo, fonts, letterhead.

A bad setting fails every memo of a batch the same way, so it is checked up front and
reported once, naming the file. Every file is read through `fsio.read_regular` (bounded, never
blocking on a pipe or device). Each check looks at what the writers will later do with the
file, without doing it at full size:

* the logo's header is read for its pixel size before any pixel is decoded, so a
  "decompression bomb" (a small PNG that inflates to gigabytes) is refused by its size;
* a font file must be TrueType and load in reportlab;
* a reference DOCX's ZIP directory is read first, so a zip bomb is refused before
  python-docx inflates a member;
* the template and the templates it includes are compiled, so a syntax error names the line.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..config import MemoSettings
from ..errors import ConfigError
from ..fsio import read_regular

MAX_LOGO_BYTES = 10 * 2**20
#: A letterhead logo needs a few hundred thousand pixels; 40 megapixels is a poster.
MAX_LOGO_PIXELS = 40_000_000
MAX_FONT_BYTES = 32 * 2**20
MAX_REFERENCE_BYTES = 32 * 2**20
#: What a letterhead DOCX may hold once inflated, in total and in members.
MAX_REFERENCE_INFLATED = 128 * 2**20
MAX_REFERENCE_MEMBERS = 2_000
_TRUETYPE_MAGIC = (b"\x00\x01\x00\x00", b"true")


def check_settings(settings: MemoSettings, kind: str = "memo") -> None:
    """Raise one ConfigError or TemplateError naming the first unusable setting.

    `kind` is "memo" or "dossier": which family of templates `settings.template` names.
    """
    from .fonts import reportlab_fonts
    from .templates import check_template
    from .theme import load_theme

    check_template(settings, kind)
    theme = load_theme(settings.theme)
    if theme.logo is not None:
        check_logo(theme.logo)
    check_fonts(theme)
    reportlab_fonts(theme)
    if settings.reference_docx is not None:
        from .docx import open_reference

        open_reference(settings.reference_docx)


def check_logo(path: Path) -> None:
    """A PNG, JPEG or GIF of sane pixel size; refused by its header, before decoding."""
    from PIL import Image, UnidentifiedImageError

    data = read_regular(path, MAX_LOGO_BYTES, ConfigError, "logo")
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_LOGO_PIXELS:
                raise ConfigError(path, f"the logo is {width}×{height} pixels, more than {MAX_LOGO_PIXELS:,} in all")
            if image.format not in ("PNG", "JPEG", "GIF"):
                raise ConfigError(path, f"the logo must be PNG or JPEG, not {image.format}")
            image.verify()
    except ConfigError:
        raise
    except UnidentifiedImageError:
        raise ConfigError(path, "the logo is not a readable image (PNG or JPEG)") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as err:
        raise ConfigError(path, f"the logo is not a readable image: {err}") from None


def check_fonts(theme) -> None:
    from .fonts import font_files

    for path in font_files(theme).values():
        data = read_regular(path, MAX_FONT_BYTES, ConfigError, "font file")
        if data[:4] not in _TRUETYPE_MAGIC:
            raise ConfigError(path, "not a TrueType font file (.ttf)")


def read_reference(path: Path) -> bytes:
    """A letterhead DOCX's bytes, refused when its ZIP directory promises too much."""
    data = read_regular(path, MAX_REFERENCE_BYTES, ConfigError, "reference DOCX")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise ConfigError(path, f"not a usable Word document: {err}") from None
    if len(members) > MAX_REFERENCE_MEMBERS:
        raise ConfigError(path, f"the reference DOCX holds {len(members)} files, more than a letterhead needs")
    inflated = sum(m.file_size for m in members)
    if inflated > MAX_REFERENCE_INFLATED:
        raise ConfigError(path, f"the reference DOCX inflates to {inflated / 2**20:,.0f} MB (a zip bomb?)")
    return data
