"""Batch builds: find inputs, skip what is up to date, run in parallel, write atomically.

One input gives three files named after its sanitised stem: the model that was rendered
(`.yaml`), the memo as `.docx` and as `.pdf`. All three are rendered in memory first, then
replaced together (fsio.write_files: all new, or all as they were). A failing input does not
stop the batch; the report names every failure, in input order.

    discover.py  inputs → jobs (folders walked; output folders never)
    manifest.py  the record of finished work and the up-to-date key
    worker.py    one job → three files (a hand-edited output model is respected)
    pool.py      workers, -j limits, and stopping on Ctrl-C / SIGTERM
    report.py    outcomes and the summary
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..config import MemoSettings
from ..errors import OutputError
from ..fsio import sweep_temp_files, write_files
from .discover import MANIFEST_NAME, MAX_STEM_BYTES, STDIN, Job, discover, discover_in_order, safe_stem
from .manifest import build_key, is_up_to_date, load_manifest, save_manifest, settings_digest
from .pool import default_jobs, execute
from .report import BuildReport, Outcome
from .worker import Prior, Result, build_one, meeting_for

#: The manifest is saved after this many finished inputs (and at the end, and on interrupt).
SAVE_EVERY = 16


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a build; `report` holds what finished (and was recorded)."""

    def __init__(self, report: BuildReport) -> None:
        super().__init__("interrupted")
        self.report = report


def prepare_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(out_dir, "output path exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(out_dir, f"cannot create the output folder: {err.strerror or err}") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError(out_dir, "the output folder is not writable")


def build(
    inputs: Sequence[str] | None = None,
    out_dir: str | Path = "output",
    settings: MemoSettings | None = None,
    *,
    jobs: int | None = None,
    force: bool = False,
    published: dt.date | None = None,
    debug: bool = False,
    on_progress: Callable[[Outcome], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
    merge: bool = False,
) -> BuildReport:
    """Build memos for every input. Bad inputs become failed outcomes, never exceptions.

    With `merge`, the loose files given are accounts of one meeting and build one memo, and
    each folder given is another meeting (see `discover.merge_groups`).

    `on_plan(n)` is called once with the number of inputs found, `on_progress(outcome)` as
    each one finishes (in completion order); the report lists outcomes in input order.
    Raises OutputError only when the output folder itself is unusable, and BuildInterrupted
    (after recording finished work and removing temporary files) on Ctrl-C or SIGTERM.
    """
    started = time.perf_counter()
    settings = settings or MemoSettings()
    out = Path(out_dir)
    prepare_out_dir(out)
    items, notes, warnings = discover_in_order(list(inputs) if inputs else ["seeds"], out, merge)
    report = BuildReport(notes=notes, warnings=warnings)
    if on_plan:
        on_plan(len(items))

    def tell(outcome: Outcome) -> None:
        if on_progress:
            on_progress(outcome)

    digest = settings_digest(settings)
    manifest = load_manifest(out)
    slots: list[Outcome | None] = [None] * len(items)
    todo: list[tuple[Job, Prior]] = []
    pending: dict[Job, tuple[int, str | None]] = {}
    for index, item in enumerate(items):
        if isinstance(item, Outcome):
            slots[index] = item
            tell(item)
            continue
        key = build_key(item, digest, published)
        entry = manifest.get(item.stem)
        if not force and is_up_to_date(entry, key, out):
            outcome = Outcome(item.path, "skipped", outputs=[str(out / name) for name in entry["outputs"]])
            slots[index] = outcome
            tell(outcome)
        else:
            todo.append((item, _prior(entry, item, key)))
            pending[item] = (index, key)

    unsaved = 0

    def on_result(result: Result) -> None:
        nonlocal unsaved
        index, key = pending[result.job]
        outcome = Outcome(
            result.job.path,
            result.status,
            result.message,
            [str(out / name) for name in result.written],
            result.seconds,
            result.note,
        )
        slots[index] = outcome
        if result.status == "built" and key is not None:
            manifest[result.job.stem] = {"key": key, "outputs": result.written, "edited": result.edited}
        else:
            manifest.pop(result.job.stem, None)
        unsaved += 1
        if unsaved >= SAVE_EVERY:
            _save(out, manifest, report)
            unsaved = 0
        tell(outcome)

    try:
        report.workers, jobs_note = execute(todo, out, settings, published, debug, jobs, on_result)
        if jobs_note:
            report.warnings.insert(0, jobs_note)
    except KeyboardInterrupt:
        report.interrupted = True
        _save(out, manifest, report)
        sweep_temp_files(out)
        report.outcomes = [o for o in slots if o is not None]
        report.seconds = time.perf_counter() - started
        raise BuildInterrupted(report) from None
    report.outcomes = [o for o in slots if o is not None]
    if todo:
        _save(out, manifest, report)
    report.seconds = time.perf_counter() - started
    return report


def _prior(entry: object, job: Job, key: str | None) -> Prior:
    """What the manifest says about the output model of `job`'s last build."""
    if not isinstance(entry, dict):
        return Prior()
    outputs = entry.get("outputs")
    record = outputs.get(f"{job.stem}.yaml") if isinstance(outputs, dict) else None
    sha = record[0] if isinstance(record, list) and record and isinstance(record[0], str) else None
    return Prior(model_sha=sha, edited=bool(entry.get("edited")), source_changed=entry.get("key") != key)


def _save(out: Path, manifest: dict[str, dict], report: BuildReport) -> None:
    problem = save_manifest(out, manifest)
    if problem and problem not in report.warnings:
        report.warnings.append(problem)


__all__ = [
    "MANIFEST_NAME",
    "MAX_STEM_BYTES",
    "STDIN",
    "BuildInterrupted",
    "BuildReport",
    "Job",
    "Outcome",
    "build",
    "build_one",
    "default_jobs",
    "discover",
    "meeting_for",
    "prepare_out_dir",
    "safe_stem",
    "write_files",
]
