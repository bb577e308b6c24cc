"""Meeting + MemoSettings → memo as Markdown, DOCX and PDF.

The pipeline, one module per step (heavy libraries load only inside the functions that use
them, so ``import briefgen.render`` stays cheap):

    context.py   Meeting → plain data for the template (sides, timeline, citation labels)
    templates.py sandboxed Jinja2 → Markdown (every value Markdown-escaped)
    tree.py      Markdown → one block tree (markdown-it-py + mdit-py-plugins)
    theme.py     fonts, sizes, colours, margins, logo (theme.yaml, overridable)
    docx.py      block tree → DOCX (python-docx + oxml for fields and repeated headers)
    pdf.py       block tree → PDF (reportlab platypus, two-pass Page X of Y)
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
    "render_pdf",
    "template_fingerprint",
]


def render_markdown(meeting: Meeting, settings: MemoSettings) -> str:
    """The template's output: Markdown with front matter, the common source of both formats."""
    from .context import build_context
    from .templates import render_template

    return render_template(build_context(meeting, settings), settings)


_LAST_DOCUMENT: tuple[str, Document] | None = None


def render_document(meeting: Meeting, settings: MemoSettings) -> Document:
    """The block tree both writers walk.

    The last tree is kept: a build renders DOCX and PDF from the same meeting one after the
    other, and the key (a hash of meeting and settings) is cheaper than templating twice.
    """
    global _LAST_DOCUMENT
    from .templates import TEMPLATE_SUFFIX, template_dirs
    from .tree import parse

    stamps = [(str(p), p.stat().st_mtime_ns) for d in template_dirs(settings) for p in d.glob("*" + TEMPLATE_SUFFIX)]
    key = hashlib.sha256(
        (meeting.model_dump_json() + "\0" + settings.model_dump_json() + repr(stamps)).encode("utf-8", "surrogatepass")
    ).hexdigest()
    if _LAST_DOCUMENT is not None and _LAST_DOCUMENT[0] == key:
        return _LAST_DOCUMENT[1]
    document = parse(render_markdown(meeting, settings), subject=f"template {settings.template}")
    _LAST_DOCUMENT = (key, document)
    return document


def render_docx(meeting: Meeting, settings: MemoSettings) -> bytes:
    from .determinism import fixed_timestamp
    from .docx import write_docx
    from .theme import load_theme

    theme = load_theme(settings.theme)
    return write_docx(render_document(meeting, settings), theme, settings, fixed_timestamp(meeting))


def render_pdf(meeting: Meeting, settings: MemoSettings) -> bytes:
    from .determinism import fixed_timestamp
    from .pdf import write_pdf
    from .theme import load_theme

    theme = load_theme(settings.theme)
    return write_pdf(render_document(meeting, settings), theme, fixed_timestamp(meeting))


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


def template_fingerprint(settings: MemoSettings) -> str:
    """Hash of everything besides the Meeting that shapes the output, for incremental builds.

    Covers every template file on the search path (a template may include others), the theme,
    the reference DOCX and the font files actually embedded.
    """
    from .fonts import fonts_digest
    from .templates import TEMPLATE_SUFFIX, template_dirs
    from .theme import DEFAULT_THEME, load_theme

    h = hashlib.sha256()
    for folder in template_dirs(settings):
        for path in sorted(folder.glob("*" + TEMPLATE_SUFFIX)):
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(DEFAULT_THEME.read_bytes())
    if settings.theme is not None:
        h.update(b"theme\0" + settings.theme.read_bytes())
    if settings.reference_docx is not None:
        h.update(b"reference\0" + settings.reference_docx.read_bytes())
    theme = load_theme(settings.theme)
    if theme.logo is not None:
        h.update(b"logo\0" + theme.logo.read_bytes())
    h.update(fonts_digest(theme).encode())
    return h.hexdigest()


def check_settings(settings: MemoSettings, kind: str = "memo") -> None:
    """Fail early (before a batch) when the template, theme or letterhead cannot be used."""
    from ..errors import ConfigError
    from .fonts import font_files
    from .templates import template_path
    from .theme import load_theme

    template_path(settings, kind)
    theme = load_theme(settings.theme)
    font_files(theme)
    if settings.reference_docx is not None:
        path = settings.reference_docx
        if not path.is_file():
            raise ConfigError(path, "reference DOCX not found")
        from .docx import open_reference

        open_reference(path)
