"""Meeting + MemoSettings → memo as Markdown, DOCX and PDF.

The pipeline, one module per step (heavy libraries load only inside the functions that use
them, so ``import briefgen.render`` stays cheap):

    context.py   Meeting → plain data for the template (sides, timeline, citation labels)
    templates.py sandboxed Jinja2 → Markdown (every value Markdown-escaped)
    tree.py      Markdown → one block tree (markdown-it-py + mdit-py-plugins)
    theme.py     fonts, sizes, colours, margins, logo (theme.yaml, overridable)
    docx/        block tree → DOCX (python-docx + oxml for fields and repeated headers)
    pdf/         block tree → PDF (reportlab platypus, two-pass Page X of Y)
    preflight.py settings checked once before a batch (logo, fonts, letterhead, template)
    determinism.py  one fixed timestamp, normalised ZIP package
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..config import MemoSettings
    from ..model import Meeting
    from .tree import Document

__all__ = [
    "check_settings",
    "list_templates",
    "render_docx",
    "render_markdown",
    "render_context_files",
    "render_memo",
    "render_pdf",
    "settings_fingerprint",
]


def render_markdown(meeting: Meeting, settings: MemoSettings) -> str:
    """The template's output: Markdown with front matter, the common source of both formats."""
    from .context import build_context
    from .templates import render_template

    return render_template(build_context(meeting, settings), settings)


def render_document(meeting: Meeting, settings: MemoSettings) -> Document:
    """The block tree both writers walk: template → Markdown → tree."""
    from .tree import parse

    return parse(render_markdown(meeting, settings), subject=f"template {settings.template}")


def render_docx(meeting: Meeting, settings: MemoSettings, document: Document | None = None) -> bytes:
    """The memo as DOCX; pass `document` (from `render_document`) to share one tree with the PDF."""
    from .determinism import fixed_timestamp
    from .docx import write_docx
    from .theme import load_theme

    document = document or render_document(meeting, settings)
    return write_docx(document, load_theme(settings.theme), settings, fixed_timestamp(meeting))


def render_pdf(meeting: Meeting, settings: MemoSettings, document: Document | None = None) -> bytes:
    """The memo as PDF; pass `document` (from `render_document`) to share one tree with the DOCX."""
    from .determinism import fixed_timestamp
    from .pdf import write_pdf
    from .theme import load_theme

    document = document or render_document(meeting, settings)
    return write_pdf(document, load_theme(settings.theme), fixed_timestamp(meeting))


def render_memo(meeting: Meeting, settings: MemoSettings) -> dict[str, bytes]:
    """Both formats from one template run: {".docx": …, ".pdf": …}."""
    document = render_document(meeting, settings)
    return {".docx": render_docx(meeting, settings, document), ".pdf": render_pdf(meeting, settings, document)}


def render_context_files(
    context: dict[str, Any],
    settings: MemoSettings,
    when: dt.datetime,
    kind: str = "dossier",
    parallel: bool = False,
    alongside: Callable[[], dict[str, bytes]] | None = None,
) -> dict[str, bytes]:
    """A template context that is not a memo's (the dossier's) → {".docx": …, ".pdf": …}.

    The same pipeline as a memo: the template's Markdown, one block tree, both writers. With
    `parallel` (a long dossier), the PDF is written in a forked process while this one writes
    the DOCX and runs `alongside` (more files to add, e.g. the dossier's YAML): reportlab's
    pure-Python line breaking is most of the time, and there are two cores.
    """
    import os

    from .docx import write_docx
    from .pdf import write_pdf
    from .templates import render_template
    from .theme import load_theme
    from .tree import parse

    document = parse(render_template(context, settings, kind), subject=f"template {settings.template}")
    theme = load_theme(settings.theme)
    if parallel and hasattr(os, "fork") and len(os.sched_getaffinity(0)) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            pdf = pool.submit(write_pdf, document, theme, when)
            files = {".docx": write_docx(document, theme, settings, when), **(alongside() if alongside else {})}
            return {**files, ".pdf": pdf.result()}
    files = {".docx": write_docx(document, theme, settings, when), ".pdf": write_pdf(document, theme, when)}
    return {**files, **(alongside() if alongside else {})}


def list_templates(settings: MemoSettings | None = None, kind: str = "memo") -> list[tuple[str, str]]:
    """(name, one-line description) of every template of a kind: built-ins plus --template-dir."""
    from ..config import MemoSettings
    from .templates import describe, find_templates

    found = find_templates(settings or MemoSettings(), kind)
    return [(name, describe(path)) for name, path in sorted(found.items())]


def settings_fingerprint(settings: MemoSettings) -> str:
    """The one hash of everything besides the Meeting that shapes the output (incremental builds).

    The settings themselves, every template file on the search path (a template may include
    others), the default and the user's theme, the reference DOCX, the logo and the font files
    actually embedded. Every file is read bounded (fsio.read_regular), so a setting that names
    a pipe or a device is an error, not a hang.
    """
    from ..errors import ConfigError
    from ..fsio import read_regular
    from .fonts import fonts_digest
    from .preflight import MAX_LOGO_BYTES, MAX_REFERENCE_BYTES
    from .templates import MAX_TEMPLATE_BYTES, template_files
    from .theme import DEFAULT_THEME, MAX_THEME_BYTES, load_theme

    h = hashlib.sha256(settings.model_dump_json().encode("utf-8", "surrogateescape"))
    for name, path in template_files(settings):
        h.update(b"template\0" + name.encode() + b"\0")
        h.update(read_regular(path, MAX_TEMPLATE_BYTES, ConfigError, "template"))
    h.update(DEFAULT_THEME.read_bytes())
    if settings.theme is not None:
        h.update(b"theme\0" + read_regular(settings.theme, MAX_THEME_BYTES, ConfigError, "theme"))
    if settings.reference_docx is not None:
        h.update(
            b"reference\0" + read_regular(settings.reference_docx, MAX_REFERENCE_BYTES, ConfigError, "reference DOCX")
        )
    theme = load_theme(settings.theme)
    if theme.logo is not None:
        h.update(b"logo\0" + read_regular(theme.logo, MAX_LOGO_BYTES, ConfigError, "logo"))
    h.update(fonts_digest(theme).encode())
    return h.hexdigest()


def check_settings(settings: MemoSettings, kind: str = "memo") -> None:
    """Fail early, once, before a batch: see render/preflight.py (`kind`: memo or dossier)."""
    from .preflight import check_settings as check

    check(settings, kind)
