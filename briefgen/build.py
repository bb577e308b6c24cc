"""Batch builds: find inputs, skip what is up to date, run in parallel, write atomically.

One input gives three files named after its sanitised stem: the model that was rendered
(`.yaml`), the memo as `.docx` and as `.pdf`. All three are rendered in memory first and only
then written, each through a temporary file in the target folder and a rename, so a failure
never leaves a half-written or corrupted file and an older memo is replaced only by a
complete new one. A failing input does not stop the batch; the report names every failure.

Up-to-date checks use content hashes (input bytes, settings, template and theme files,
briefgen's version), kept in a manifest inside the output folder, never modification times.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sys
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .config import MemoSettings
from .errors import BriefgenError, OutputError
from .modelfile import MODEL_SUFFIXES, dump_meeting, is_model_file

MANIFEST_NAME = ".briefgen-manifest.json"
STDIN = "-"
OUTPUT_SUFFIXES = (".yaml", ".docx", ".pdf")


def source_suffixes() -> tuple[str, ...]:
    from .sources import SOURCE_SUFFIXES

    return SOURCE_SUFFIXES


@dataclass(frozen=True)
class Job:
    """One input to build: a source file, a model file or standard input."""

    path: str
    stem: str

    @property
    def is_model(self) -> bool:
        return self.path != STDIN and is_model_file(Path(self.path))


@dataclass
class Outcome:
    input: str
    status: str  # "built", "skipped" or "failed"
    message: str = ""
    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class BuildReport:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        return (
            f"{self.count('built')} built, {self.count('skipped')} up to date, "
            f"{self.count('failed')} failed in {self.seconds:.2f} s"
        )


# --------------------------------------------------------------------------- discovery


def safe_stem(name: str) -> str:
    """A file stem that is safe in any folder: no separators, controls, quotes or leading dashes."""
    stem = unicodedata.normalize("NFC", name)
    stem = re.sub(r"[^\w.\-]+", "_", stem, flags=re.UNICODE)
    stem = stem.strip("._-")[:100]
    return stem or "source"


def _walk(folder: Path) -> Iterable[Path]:
    """Files under a folder, sorted, without following symlinked folders (no loops)."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def discover(inputs: Sequence[str]) -> tuple[list[Job], list[str], list[Outcome]]:
    """Expand folders into jobs. Returns (jobs, notes about skipped files, failures)."""
    known = source_suffixes() + MODEL_SUFFIXES
    jobs: list[Job] = []
    notes: list[str] = []
    failures: list[Outcome] = []
    used: set[str] = set()

    def add(path: str, stem: str) -> None:
        unique, n = stem, 2
        while unique in used:
            unique, n = f"{stem}-{n}", n + 1
        used.add(unique)
        jobs.append(Job(path, unique))

    for raw in inputs:
        if raw == STDIN:
            add(STDIN, "stdin")
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in _walk(path):
                if file.name.lower().endswith(".meta.yaml"):
                    continue
                if file.suffix.lower() in known:
                    add(str(file), safe_stem(file.stem))
                    found = True
                else:
                    notes.append(f"{file}: skipped, not a known source type")
            if not found:
                failures.append(Outcome(str(path), "failed", f"{path}: no sources in this folder"))
        elif path.is_file() or path.is_symlink():
            add(str(path), safe_stem(path.stem))
        else:
            failures.append(Outcome(str(path), "failed", f"{path}: no such file or folder"))
    return jobs, notes, failures


# --------------------------------------------------------------------------- writing


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename over the target."""
    if path.is_dir():
        raise OutputError(path, "is a folder, cannot write a file there")
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as f:
            tmp_name = f.name
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as err:
        raise OutputError(path, f"cannot write: {err.strerror or err}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def prepare_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(out_dir, "output path exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(out_dir, f"cannot create the output folder: {err.strerror or err}") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError(out_dir, "the output folder is not writable")


# --------------------------------------------------------------------------- one input


def meeting_for(job: Job, published: dt.date | None):
    """The Meeting for one input: loaded from a model file, or read and extracted."""
    from .modelfile import load_meeting

    if job.is_model:
        return load_meeting(Path(job.path))
    from .extract import extract
    from .sources import read_source

    source = read_source(job.path, published=published)
    return extract(source, published=published)


def render_outputs(meeting, settings: MemoSettings) -> dict[str, bytes]:
    from .render import render_docx, render_pdf

    return {
        ".yaml": dump_meeting(meeting, "yaml").encode("utf-8"),
        ".docx": render_docx(meeting, settings),
        ".pdf": render_pdf(meeting, settings),
    }


def build_one(job: Job, out_dir: Path, settings: MemoSettings, published: dt.date | None) -> dict[str, str]:
    """Build one input; returns {output path: sha256}. Raises BriefgenError on bad input."""
    meeting = meeting_for(job, published)
    outputs = render_outputs(meeting, settings)
    written: dict[str, str] = {}
    for suffix, data in outputs.items():
        target = out_dir / f"{job.stem}{suffix}"
        write_atomic(target, data)
        written[str(target)] = hashlib.sha256(data).hexdigest()
    return written


def _run_job(job: Job, out_dir: str, settings: MemoSettings, published: dt.date | None, debug: bool):
    """Worker entry point: never raises, so one bad input cannot stop the pool."""
    started = time.perf_counter()
    try:
        written = build_one(job, Path(out_dir), settings, published)
        return job, "built", "", written, time.perf_counter() - started
    except BriefgenError as err:
        return job, "failed", str(err), {}, time.perf_counter() - started
    except RecursionError:
        return job, "failed", f"{job.path}: input is nested too deeply", {}, time.perf_counter() - started
    except MemoryError:
        return job, "failed", f"{job.path}: out of memory", {}, time.perf_counter() - started
    except Exception as err:  # a bug: report it against the input, keep the batch going
        detail = traceback.format_exc() if debug else f"{type(err).__name__}: {err}"
        return job, "failed", f"{job.path}: internal error: {detail}", {}, time.perf_counter() - started


def _warm_worker() -> None:
    """Load the language pipeline once per worker process, before the first job."""
    try:
        from .extract import warm_up
    except ImportError:
        return
    warm_up()


# --------------------------------------------------------------------------- incremental


def _input_digest(job: Job) -> str | None:
    if job.path == STDIN:
        return None
    path = Path(job.path)
    h = hashlib.sha256()
    try:
        h.update(path.read_bytes())
        sidecar = path.with_name(path.stem + ".meta.yaml")
        if sidecar.is_file():
            h.update(b"\0meta\0" + sidecar.read_bytes())
    except OSError:
        return None
    return h.hexdigest()


def build_key(job: Job, settings_digest: str, published: dt.date | None) -> str | None:
    digest = _input_digest(job)
    if digest is None:
        return None
    parts = [__version__, settings_digest, digest, str(published), job.stem]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def settings_digest(settings: MemoSettings) -> str:
    from .render import template_fingerprint

    return hashlib.sha256((settings.fingerprint() + template_fingerprint(settings)).encode()).hexdigest()


def _file_sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def load_manifest(out_dir: Path) -> dict[str, dict]:
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def is_up_to_date(entry: object, key: str | None) -> bool:
    """True when the recorded key matches and every output still holds what was written."""
    if key is None or not isinstance(entry, dict) or entry.get("key") != key:
        return False
    outputs = entry.get("outputs")
    if not isinstance(outputs, dict) or not outputs:
        return False
    return all(_file_sha(Path(p)) == sha for p, sha in outputs.items())


# --------------------------------------------------------------------------- the batch


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
) -> BuildReport:
    """Build memos for every input. Bad inputs become failed outcomes, never exceptions.

    Raises OutputError only when the output folder itself is unusable.
    """
    started = time.perf_counter()
    settings = settings or MemoSettings()
    out = Path(out_dir)
    prepare_out_dir(out)
    found, notes, failures = discover(list(inputs) if inputs else ["seeds"])
    report = BuildReport(notes=notes)
    for f in failures:
        report.outcomes.append(f)
        if on_progress:
            on_progress(f)

    digest = settings_digest(settings)
    manifest = load_manifest(out)
    todo: list[tuple[Job, str | None]] = []
    for job in found:
        key = build_key(job, digest, published)
        if not force and is_up_to_date(manifest.get(job.stem), key):
            outcome = Outcome(job.path, "skipped", outputs=list(manifest[job.stem]["outputs"]))
            report.outcomes.append(outcome)
            if on_progress:
                on_progress(outcome)
        else:
            todo.append((job, key))

    keys = {job: key for job, key in todo}
    results = _execute([job for job, _ in todo], out, settings, published, debug, jobs, on_progress)
    for job, status, message, written, seconds in results:
        report.outcomes.append(Outcome(job.path, status, message, list(written), seconds))
        if status == "built" and keys[job] is not None:
            manifest[job.stem] = {"key": keys[job], "outputs": written}
        else:
            manifest.pop(job.stem, None)
    if todo:
        try:
            write_atomic(out / MANIFEST_NAME, json.dumps(manifest, indent=1, sort_keys=True).encode())
        except OutputError as err:
            report.notes.append(f"{err} (the next build will redo everything)")
    report.seconds = time.perf_counter() - started
    return report


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _execute(todo, out, settings, published, debug, jobs, on_progress):
    workers = min(jobs or default_jobs(), len(todo))
    needs_language = any(not job.is_model for job in todo)
    parallel = workers > 1 and all(job.path != STDIN for job in todo)
    results = []
    if not parallel:
        for job in todo:
            result = _run_job(job, str(out), settings, published, debug)
            results.append(result)
            if on_progress:
                on_progress(Outcome(job.path, result[1], result[2]))
        return results
    init = _warm_worker if needs_language else None
    with ProcessPoolExecutor(max_workers=workers, initializer=init) as pool:
        futures = [pool.submit(_run_job, job, str(out), settings, published, debug) for job in todo]
        for fut in as_completed(futures):
            result = fut.result()
            results.append(result)
            if on_progress:
                on_progress(Outcome(result[0].path, result[1], result[2]))
    order = {job: i for i, job in enumerate(todo)}
    results.sort(key=lambda r: order[r[0]])
    return results


__all__ = ["BuildReport", "Job", "Outcome", "build", "build_one", "discover", "safe_stem", "write_atomic"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit("use `briefgen build`")
