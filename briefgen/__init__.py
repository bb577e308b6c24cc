"""briefgen: a published account of a diplomatic meeting in, a briefing memo out.

The public API, re-exported lazily so that `import briefgen` (and `briefgen --help`) stays
cheap: pydantic, spaCy, python-docx and reportlab load only when a caller first needs them.

    source  = read_source("article.txt")          # sources: file → clean text + metadata
    meeting = extract(source)                     # extract: text → Meeting (spaCy + rules)
    docx    = render_docx(meeting, settings)      # render:  Meeting → DOCX / PDF bytes
    report  = build(["seeds"], "output")          # build:   all of it, batched and atomic
    merged  = merge_meetings([m1, m2])            # merge:   accounts of one meeting → one Meeting
    paths   = make_dossier(inputs, "out", parties=["Russia", "Rwanda"])   # dossier across meetings
"""

from __future__ import annotations

import importlib
from typing import Any

TYPE_CHECKING = False

__version__ = "0.1.0"

_EXPORTS = {
    "Meeting": "briefgen.model",
    "Source": "briefgen.model",
    "SourceInfo": "briefgen.model",
    "Person": "briefgen.model",
    "Evidence": "briefgen.model",
    "MemoSettings": "briefgen.config",
    "resolve_settings": "briefgen.config",
    "BriefgenError": "briefgen.errors",
    "load_meeting": "briefgen.modelfile",
    "dump_meeting": "briefgen.modelfile",
    "read_source": "briefgen.sources",
    "extract": "briefgen.extract",
    "render_docx": "briefgen.render",
    "render_pdf": "briefgen.render",
    "render_markdown": "briefgen.render",
    "list_templates": "briefgen.render",
    "build": "briefgen.build",
    "BuildReport": "briefgen.build",
    "Dossier": "briefgen.model",
    "merge_meetings": "briefgen.merge",
    "build_dossier": "briefgen.dossier",
    "make_dossier": "briefgen.dossier",
}

__all__ = [
    "BriefgenError",
    "BuildReport",
    "Dossier",
    "Evidence",
    "Meeting",
    "MemoSettings",
    "Person",
    "Source",
    "SourceInfo",
    "build",
    "build_dossier",
    "dump_meeting",
    "extract",
    "list_templates",
    "load_meeting",
    "make_dossier",
    "merge_meetings",
    "read_source",
    "render_docx",
    "render_markdown",
    "render_pdf",
    "resolve_settings",
    "__version__",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .build import BuildReport, build
    from .config import MemoSettings, resolve_settings
    from .dossier import build_dossier, make_dossier
    from .errors import BriefgenError
    from .extract import extract
    from .merge import merge_meetings
    from .model import Dossier, Evidence, Meeting, Person, Source, SourceInfo
    from .modelfile import dump_meeting, load_meeting
    from .render import list_templates, render_docx, render_markdown, render_pdf
    from .sources import read_source


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
