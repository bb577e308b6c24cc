"""One input → its three outputs; the function a worker process runs, which never raises.

A hand-edited output model is never overwritten. The README calls `output/<stem>.yaml` the
model that was rendered, and the review loop invites corrections there; so when that file no
longer holds what briefgen last wrote (or, with no record, what it would write now), the memo
is rebuilt *from the edit*: the DOCX and PDF are rendered from the edited model, the model file
is left as the analyst saved it, and the outcome carries a note saying so. The edit stays in
charge on later builds too, even when the source changes, until the file is deleted (then the
next build extracts again). An edit that does not validate fails with the file and field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ..config import MemoSettings
from ..errors import BriefgenError, ModelFileError, one_line
from ..fsio import is_regular_file, read_regular, write_files
from ..modelfile import MAX_MODEL_BYTES, dump_meeting
from .discover import STDIN, Job
from .report import Status


@dataclass(frozen=True)
class Prior:
    """What the manifest remembers of an input's last build."""

    model_sha: str | None = None  # the output model as briefgen last wrote it
    edited: bool = False  # the last build already rendered from a hand edit
    source_changed: bool = False


@dataclass
class Result:
    job: Job
    status: Status
    message: str = ""
    written: dict[str, list] = field(default_factory=dict)
    seconds: float = 0.0
    note: str = ""
    edited: bool = False


def meeting_for(job: Job, published: dt.date | None):
    """The Meeting for one input: loaded from a model file, or read and extracted; for a
    --merge group, the accounts merged into one meeting."""
    from ..modelfile import load_meeting

    if job.members:
        from ..merge import merge_meetings

        accounts = [meeting_for(Job(path, job.stem), published) for path in job.members]
        return merge_meetings(accounts, labels=list(job.members))
    if job.is_model:
        return load_meeting(Path(job.path))
    from ..extract import extract
    from ..sources import read_source

    source = read_source(job.path, published=published)
    return extract(source, published=published)


def render_outputs(meeting, settings: MemoSettings) -> dict[str, bytes]:
    """The three outputs, DOCX and PDF from one block tree."""
    from ..render import render_memo

    return {".yaml": dump_meeting(meeting, "yaml").encode("utf-8"), **render_memo(meeting, settings)}


def _edited_model(target: Path) -> bytes | None:
    """The bytes of an existing output model (None when there is none to respect)."""
    if not is_regular_file(target):
        return None
    try:
        return read_regular(target, MAX_MODEL_BYTES, ModelFileError, "model file")
    except ModelFileError:
        return None


def build_one(
    job: Job, out_dir: Path, settings: MemoSettings, published: dt.date | None, prior: Prior | None = None
) -> Result:
    """Build one input. Raises BriefgenError on bad input; nothing is written unless all
    outputs rendered, and the outputs are replaced together (fsio.write_files)."""
    from ..modelfile import load_meeting

    prior = prior or Prior()
    model_target = out_dir / f"{job.stem}.yaml"
    existing = _edited_model(model_target)
    edited = existing is not None and (
        prior.edited or (prior.model_sha is not None and hashlib.sha256(existing).hexdigest() != prior.model_sha)
    )
    outputs: dict[str, bytes] | None = None
    if not edited:
        meeting = meeting_for(job, published)
        outputs = render_outputs(meeting, settings)
        # No record of what briefgen wrote there: a different file is someone's work.
        edited = existing is not None and prior.model_sha is None and existing != outputs[".yaml"]
    if edited:
        from ..render import render_memo

        meeting = load_meeting(model_target)
        memo = render_memo(meeting, settings)
        targets = {out_dir / f"{job.stem}{suffix}": data for suffix, data in memo.items()}
        written = {t.name: r for t, r in write_files(targets).items()}
        written[model_target.name] = _record(model_target)
        note = f"{model_target}: hand-edited; the memo was rebuilt from it and it was kept"
        if prior.source_changed:
            note += " (the source changed since: delete the file to extract again)"
        return Result(job, "built", written=written, note=one_line(note), edited=True)
    assert outputs is not None
    targets = {out_dir / f"{job.stem}{suffix}": data for suffix, data in outputs.items()}
    return Result(job, "built", written={t.name: r for t, r in write_files(targets).items()})


def _record(path: Path) -> list:
    data = path.read_bytes()
    st = path.stat()
    return [hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns]


def run_job(
    job: Job, out_dir: str, settings: MemoSettings, published: dt.date | None, debug: bool, prior: Prior | None = None
) -> Result:
    """Worker entry point: never raises (but on an interrupt), so one bad input cannot stop the pool."""
    started = time.perf_counter()
    try:
        result = build_one(job, Path(out_dir), settings, published, prior)
    except BriefgenError as err:
        result = Result(job, "failed", one_line(str(err)))
    except RecursionError:
        result = Result(job, "failed", one_line(f"{job.path}: input is nested too deeply"))
    except MemoryError:
        result = Result(job, "failed", one_line(f"{job.path}: out of memory"))
    except Exception as err:  # a bug: report it against the input, keep the batch going
        if debug:
            message = f"{job.path}: internal error:\n{traceback.format_exc()}"
        else:
            message = one_line(f"{job.path}: internal error: {type(err).__name__}: {err} (rerun with --debug)")
        result = Result(job, "failed", message)
    result.seconds = time.perf_counter() - started
    return result


def run_chunk(
    chunk: list[tuple[Job, Prior]], out_dir: str, settings: MemoSettings, published: dt.date | None, debug: bool
) -> list[Result]:
    """Several jobs per message to a worker: fewer round trips through the pool's pipes."""
    return [run_job(job, out_dir, settings, published, debug, prior) for job, prior in chunk]


__all__ = ["STDIN", "Prior", "Result", "build_one", "meeting_for", "render_outputs", "run_chunk", "run_job"]
