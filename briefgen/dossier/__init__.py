"""Many meetings between two parties → a relationship dossier (DOCX, PDF and YAML).

    parties.py    which meetings are between the parties; the pair most inputs share
    deadlines.py  a deadline as written → the last day it allows
    tracker.py    the commitment tracker (first made, restated, reported done, due, overdue)
    threads.py    timeline with background entries, topics, quotes by person, people and titles
    build.py      meetings → the Dossier model
    context.py    Dossier → the dossier template's data

The dossier is rendered by a template (briefgen/templates/dossier.md.j2, overridable with
--template-dir like a memo template) through the memo pipeline: Jinja2 → Markdown → block tree
→ DOCX and PDF writers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..config import MemoSettings
from ..errors import DossierError
from .build import build_dossier

__all__ = ["build_dossier", "make_dossier", "read_meetings"]


def read_meetings(
    inputs: Sequence[str], published: dt.date | None = None, out_dir: Path | None = None
) -> tuple[list, list[str], list[str | None]]:
    """One meeting per file (model files load, sources are extracted); folders are walked,
    but never a briefgen output folder (`out_dir`, or one holding a build manifest).

    Returns the meetings, their input names and, for sources, their texts (None for model
    files). A bad input stops the dossier with its one-line error: a dossier missing a meeting
    would misreport what was promised and done.
    """
    from ..build import discover, meeting_for

    jobs, _notes, failures = discover(list(inputs), out_dir)
    if failures:
        raise DossierError("", failures[0].message)
    # A dossier written into the folder it reads is not a meeting: leave it out on the next run.
    jobs = [job for job in jobs if not _is_dossier_output(Path(job.path))]
    if not jobs:
        raise DossierError(", ".join(inputs), "no meetings among the inputs")
    meetings, texts = [], []
    for job in jobs:
        if job.is_model:
            meetings.append(meeting_for(job, published))
            texts.append(None)
            continue
        from ..extract import extract
        from ..sources import read_source

        source = read_source(job.path, published=published)
        meetings.append(extract(source, published=published))
        texts.append(source.text)
    return meetings, [job.path for job in jobs], texts


def _is_dossier_output(path: Path) -> bool:
    return path.name.startswith("dossier-") and path.suffix.lower() in (".docx", ".pdf", ".yaml")


def dossier_stem(parties: list[str]) -> str:
    from ..build import safe_stem

    return "dossier-" + safe_stem("-".join(p.lower() for p in parties))


def make_dossier(
    inputs: Sequence[str],
    out_dir: str | Path,
    settings: MemoSettings | None = None,
    *,
    parties: list[str] | None = None,
    as_of: dt.date | None = None,
    published: dt.date | None = None,
) -> list[Path]:
    """Write dossier-<parties>.docx, .pdf and .yaml into `out_dir`; returns the paths written."""
    from .. import yamlio
    from ..build import prepare_out_dir
    from ..fsio import write_files
    from ..render import render_context_files
    from ..render.determinism import timestamp_for
    from .context import build_context

    settings = settings or MemoSettings(template="dossier")
    out = Path(out_dir)
    meetings, labels, texts = read_meetings(inputs, published, out)
    dossier = build_dossier(meetings, labels, parties, as_of, texts)

    def model_file() -> dict[str, bytes]:
        data = dossier.model_dump(mode="json")
        return {".yaml": yamlio.dump(data).encode("utf-8")}

    context = build_context(dossier, settings)
    when = timestamp_for(dossier.as_of)
    files = render_context_files(context, settings, when, parallel=len(dossier.meetings) > 20, alongside=model_file)
    prepare_out_dir(out)
    stem = dossier_stem(dossier.parties)
    targets = {out / f"{stem}{suffix}": files[suffix] for suffix in (".docx", ".pdf", ".yaml")}
    write_files(targets)
    return list(targets)
