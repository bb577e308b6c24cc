"""Batch builds: find inputs, skip what is up to date, run in parallel, write atomically.

One input gives three files named after its sanitised stem: the model that was rendered
(`.yaml`), the memo as `.docx` and as `.pdf`. All three are rendered in memory first, then
each is written to a temporary file in the target folder, and only when all three are
complete are they renamed over the targets. So a failure never leaves a half-written or
corrupted file, and an older memo is replaced only by a complete new one. A failing input
does not stop the batch; the report names every failure, in input order.

Up-to-date checks use content hashes (input bytes and its `.meta.yaml` sidecar, settings,
template and theme files, briefgen's version), kept in a manifest inside the output folder,
never modification times. Outputs are checked cheaply: when an output's size and
modification time are still those recorded after it was written, it is taken as unchanged;
otherwise it is re-hashed (so `touch` does not force a rebuild, but an edited or deleted
output does). See docs/SCALING.md for the measurements behind this choice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import stat
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .config import MemoSettings
from .errors import BriefgenError, OutputError, one_line
from .modelfile import MODEL_SUFFIXES, dump_meeting, is_model_file

MANIFEST_NAME = ".briefgen-manifest.json"
MANIFEST_VERSION = 2
STDIN = "-"
#: Longest stem in UTF-8 bytes: leaves room for ".docx", the temp-file affixes and a "-NN"
#: suffix within the 255-byte file-name limit of common file systems.
MAX_STEM_BYTES = 120
#: Most inputs sent to a worker in one message; small enough to keep both cores busy to the end.
MAX_CHUNK = 4


def source_suffixes() -> tuple[str, ...]:
    from .sources import SOURCE_SUFFIXES

    return tuple(SOURCE_SUFFIXES)


@dataclass(frozen=True)
class Job:
    """One input to build: a source file, a model file or standard input; or, under --merge,
    several accounts of one meeting (`members`), built into one memo."""

    path: str
    stem: str
    members: tuple[str, ...] = ()

    @property
    def is_model(self) -> bool:
        return not self.members and self.path != STDIN and is_model_file(Path(self.path))

    @property
    def needs_language(self) -> bool:
        """Whether building it extracts from a source (and so needs the spaCy pipeline)."""
        if self.members:
            return any(Job(path, self.stem).needs_language for path in self.members)
        return not self.is_model


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
    workers: int = 1

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
    """A file stem that is safe in any folder: no separators, controls, quotes or leading dashes.

    Everything but letters, digits, `_`, `.` and `-` becomes `_`; leading and trailing dots,
    dashes and underscores go (so no hidden files, no `..`, nothing read as an option); the
    result is cut to MAX_STEM_BYTES of UTF-8 so that long non-Latin names stay valid.
    """
    stem = unicodedata.normalize("NFC", name)
    stem = re.sub(r"[^\w.\-]+", "_", stem, flags=re.UNICODE)
    stem = stem.strip("._-")
    encoded = stem.encode("utf-8")
    if len(encoded) > MAX_STEM_BYTES:
        stem = encoded[:MAX_STEM_BYTES].decode("utf-8", errors="ignore").rstrip("._-")
    return stem or "source"


def _walk(folder: Path) -> Iterable[Path]:
    """Files under a folder, sorted, without following symlinked folders (no loops)."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _merge_groups(items: list[Job | Outcome], inputs: Sequence[str]) -> list[Job | Outcome]:
    """Under --merge: each folder given is one meeting, and the loose files given are another.

    A group's job is named after the folder, or after the first loose file with "-merged";
    a member that cannot be read fails its whole group (one memo from part of the accounts
    would hide that the rest were not read).
    """
    folders = {raw for raw in inputs if raw != STDIN and _kind(Path(raw)) == "folder"}
    groups: dict[str, list[Job | Outcome]] = {}
    for item in items:
        path = item.path if isinstance(item, Job) else item.input
        owner = next((f for f in folders if Path(path).is_relative_to(f)), "")
        groups.setdefault(owner, []).append(item)
    out: list[Job | Outcome] = []
    used: set[str] = set()
    for owner, members in groups.items():
        failed = [m for m in members if isinstance(m, Outcome)]
        label = owner or ", ".join(m.path if isinstance(m, Job) else m.input for m in members)
        if failed:
            out.append(Outcome(label, "failed", failed[0].message))
            continue
        jobs = [m for m in members if isinstance(m, Job)]
        if len(jobs) == 1:
            out.append(jobs[0])
            continue
        stem = safe_stem(Path(owner).name) if owner else f"{jobs[0].stem}-merged"
        unique, n = stem, 2
        while unique.casefold() in used:
            unique, n = f"{stem}-{n}", n + 1
        used.add(unique.casefold())
        out.append(Job(label, unique, tuple(j.path for j in jobs)))
    return out


def _discover_in_order(inputs: Sequence[str], merge: bool = False) -> tuple[list[Job | Outcome], list[str]]:
    """Expand folders; returns jobs and failures interleaved in input order, plus notes."""
    items, notes = _discover_files(inputs)
    return (_merge_groups(items, inputs) if merge else items), notes


def _discover_files(inputs: Sequence[str]) -> tuple[list[Job | Outcome], list[str]]:
    known = source_suffixes() + MODEL_SUFFIXES
    items: list[Job | Outcome] = []
    notes: list[str] = []
    used: set[str] = set()

    def add(path: str, stem: str) -> None:
        unique, n = stem, 2
        while unique.casefold() in used:
            unique, n = f"{stem}-{n}", n + 1
        used.add(unique.casefold())
        items.append(Job(path, unique))

    for raw in inputs:
        if raw == STDIN:
            add(STDIN, "stdin")
            continue
        path = Path(raw)
        kind = _kind(path)
        if kind == "folder":
            found = False
            for file in _walk(path):
                if file.name.lower().endswith(".meta.yaml"):
                    continue
                if file.suffix.lower() not in known:
                    notes.append(one_line(f"{file}: skipped, not a known source type"))
                    continue
                found = True
                file_kind = _kind(file)
                if file_kind == "file":
                    add(str(file), safe_stem(file.stem))
                else:
                    items.append(Outcome(str(file), "failed", one_line(f"{file}: {file_kind}")))
            if not found:
                items.append(Outcome(raw, "failed", one_line(f"{raw}: no sources in this folder")))
        elif kind == "file":
            add(raw, safe_stem(path.stem))
        else:
            items.append(Outcome(raw, "failed", one_line(f"{raw}: {kind}")))
    return items, notes


def _kind(path: Path) -> str:
    """'file', 'folder', or why the path cannot be an input (checked before anything opens it,
    so a FIFO or a device named like a source cannot hang the build)."""
    try:
        st = path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink():
            return "broken symbolic link"
        if err.errno == errno.ENOENT:
            return "no such file or folder"
        return f"cannot read: {err.strerror or err}"
    if stat.S_ISDIR(st.st_mode):
        return "folder"
    if stat.S_ISREG(st.st_mode):
        return "file"
    return "not a regular file (a device, pipe or socket)"


def discover(inputs: Sequence[str], merge: bool = False) -> tuple[list[Job], list[str], list[Outcome]]:
    """Expand folders into jobs. Returns (jobs, notes about skipped files, failures)."""
    items, notes = _discover_in_order(inputs, merge)
    jobs = [i for i in items if isinstance(i, Job)]
    failures = [i for i in items if isinstance(i, Outcome)]
    return jobs, notes, failures


# --------------------------------------------------------------------------- writing


def _stat_record(path: Path, data: bytes) -> list:
    """What the manifest keeps per output: content hash, size and modification time."""
    st = path.stat()
    return [hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns]


def write_files(targets: dict[Path, bytes], *, durable: bool = True) -> dict[Path, list]:
    """Write several files all-or-nothing as far as a file system allows.

    Every file goes to a temporary file beside its target first; only when all are written
    (and, if `durable`, flushed to disk) are they renamed over the targets. On any failure the
    temporary files are removed and the old targets stay as they were.
    Returns {target: [sha256, size, mtime_ns]}.
    """
    for target in targets:
        if target.is_dir():
            raise OutputError(target, "is a folder, cannot write a file there")
    staged: dict[Path, str] = {}
    mode = 0o666 & ~_umask()
    current = next(iter(targets))
    try:
        for current, data in targets.items():
            with tempfile.NamedTemporaryFile(
                dir=current.parent, prefix=f".{current.name[:60]}.", suffix=".tmp", delete=False
            ) as f:
                staged[current] = f.name
                os.fchmod(f.fileno(), mode)  # temp files are private (0600); outputs are not
                f.write(data)
                f.flush()
                if durable:
                    os.fsync(f.fileno())
        # Renames do not allocate space; a failure here (rare) can leave earlier files renamed.
        for current, tmp in list(staged.items()):
            os.replace(tmp, current)
            del staged[current]
        return {target: _stat_record(target, data) for target, data in targets.items()}
    except OSError as err:
        raise OutputError(current, f"cannot write: {err.strerror or err}") from None
    finally:
        for tmp in staged.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file through a temporary file in the same folder, then rename over the target."""
    write_files({Path(path): data})


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
    """The Meeting for one input: loaded from a model file, or read and extracted; for a
    --merge group, the accounts merged into one meeting."""
    from .modelfile import load_meeting

    if job.members:
        from .merge import merge_meetings

        accounts = [meeting_for(Job(path, job.stem), published) for path in job.members]
        return merge_meetings(accounts, labels=list(job.members))
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


def build_one(job: Job, out_dir: Path, settings: MemoSettings, published: dt.date | None) -> dict[str, list]:
    """Build one input; returns {output file name: [sha256, size, mtime_ns]}.

    Raises BriefgenError on bad input; nothing is written unless all outputs rendered.
    """
    meeting = meeting_for(job, published)
    outputs = render_outputs(meeting, settings)
    targets = {out_dir / f"{job.stem}{suffix}": data for suffix, data in outputs.items()}
    written = write_files(targets)
    return {target.name: record for target, record in written.items()}


Result = tuple[Job, str, str, dict, float]


def _run_job(job: Job, out_dir: str, settings: MemoSettings, published: dt.date | None, debug: bool) -> Result:
    """Worker entry point: never raises, so one bad input cannot stop the pool."""
    started = time.perf_counter()
    try:
        written = build_one(job, Path(out_dir), settings, published)
        return job, "built", "", written, time.perf_counter() - started
    except BriefgenError as err:
        return job, "failed", one_line(str(err)), {}, time.perf_counter() - started
    except RecursionError:
        return job, "failed", one_line(f"{job.path}: input is nested too deeply"), {}, time.perf_counter() - started
    except MemoryError:
        return job, "failed", one_line(f"{job.path}: out of memory"), {}, time.perf_counter() - started
    except Exception as err:  # a bug: report it against the input, keep the batch going
        if debug:
            message = f"{job.path}: internal error:\n{traceback.format_exc()}"
        else:
            message = one_line(f"{job.path}: internal error: {type(err).__name__}: {err} (rerun with --debug)")
        return job, "failed", message, {}, time.perf_counter() - started


def _run_chunk(
    chunk: list[Job], out_dir: str, settings: MemoSettings, published: dt.date | None, debug: bool
) -> list[Result]:
    """Several jobs per message to a worker: fewer round trips through the pool's pipes."""
    return [_run_job(job, out_dir, settings, published, debug) for job in chunk]


def _warm_worker() -> None:
    """Load the language pipeline once per worker process, before the first job."""
    try:
        from .extract import warm_up
    except ImportError:
        return
    with contextlib.suppress(BriefgenError):  # a failure shows up again, per input, in the job
        warm_up()


# --------------------------------------------------------------------------- incremental


def _input_digest(job: Job) -> str | None:
    if job.members:
        digests = [_input_digest(Job(path, job.stem)) for path in job.members]
        return None if None in digests else hashlib.sha256("\0".join(map(str, digests)).encode()).hexdigest()
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
    """The content key of one build: what must match for its outputs to be up to date."""
    digest = _input_digest(job)
    if digest is None:
        return None
    parts = [__version__, settings_digest, digest, str(published), job.stem, *job.members]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def settings_digest(settings: MemoSettings) -> str:
    from .render import template_fingerprint

    return hashlib.sha256((settings.fingerprint() + template_fingerprint(settings)).encode()).hexdigest()


def load_manifest(out_dir: Path) -> dict[str, dict]:
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _output_unchanged(path: Path, record: object) -> bool:
    """Cheap check first (size + mtime as written); re-hash only when those differ."""
    if not (isinstance(record, list) and len(record) == 3):
        return False
    sha, size, mtime_ns = record
    try:
        st = path.stat()
    except OSError:
        return False
    if st.st_size != size:
        return False
    if st.st_mtime_ns == mtime_ns:
        return True
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha
    except OSError:
        return False


def is_up_to_date(entry: object, key: str | None, out_dir: Path) -> bool:
    """True when the recorded key matches and every output still holds what was written."""
    if key is None or not isinstance(entry, dict) or entry.get("key") != key:
        return False
    outputs = entry.get("outputs")
    if not isinstance(outputs, dict) or not outputs:
        return False
    return all("/" not in name and _output_unchanged(out_dir / name, record) for name, record in outputs.items())


def _save_manifest(out: Path, manifest: dict[str, dict], report: BuildReport) -> None:
    data = {"version": MANIFEST_VERSION, "briefgen": __version__, "entries": manifest}
    try:
        write_files({out / MANIFEST_NAME: json.dumps(data, indent=1, sort_keys=True).encode()}, durable=False)
    except OutputError as err:
        report.notes.append(f"{err} (the next build will redo everything)")


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
    on_plan: Callable[[int], None] | None = None,
    merge: bool = False,
) -> BuildReport:
    """Build memos for every input. Bad inputs become failed outcomes, never exceptions.

    With `merge`, the loose files given are accounts of one meeting and build one memo, and
    each folder given is another meeting (see `_merge_groups`).

    `on_plan(n)` is called once with the number of inputs found, `on_progress(outcome)` as
    each one finishes (in completion order); the report lists outcomes in input order.
    Raises OutputError only when the output folder itself is unusable.
    """
    started = time.perf_counter()
    settings = settings or MemoSettings()
    out = Path(out_dir)
    prepare_out_dir(out)
    items, notes = _discover_in_order(list(inputs) if inputs else ["seeds"], merge)
    report = BuildReport(notes=notes)
    if on_plan:
        on_plan(len(items))

    def tell(outcome: Outcome) -> None:
        if on_progress:
            on_progress(outcome)

    digest = settings_digest(settings)
    manifest = load_manifest(out)
    slots: list[Outcome | None] = [None] * len(items)
    todo: list[tuple[int, Job, str | None]] = []
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
            todo.append((index, item, key))

    results, report.workers = _execute([job for _, job, _ in todo], out, settings, published, debug, jobs, tell)
    for (index, job, key), (_, status, message, written, seconds) in zip(todo, results, strict=True):
        slots[index] = Outcome(job.path, status, message, [str(out / name) for name in written], seconds)
        if status == "built" and key is not None:
            manifest[job.stem] = {"key": key, "outputs": written}
        else:
            manifest.pop(job.stem, None)
    report.outcomes = [o for o in slots if o is not None]
    if todo:
        _save_manifest(out, manifest, report)
    report.seconds = time.perf_counter() - started
    return report


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _chunks(todo: list[Job], workers: int) -> list[list[Job]]:
    """Split into chunks of at most MAX_CHUNK, at least about eight per worker for balance."""
    size = max(1, min(MAX_CHUNK, len(todo) // (workers * 8)))
    return [todo[i : i + size] for i in range(0, len(todo), size)]


def _execute(
    todo: list[Job],
    out: Path,
    settings: MemoSettings,
    published: dt.date | None,
    debug: bool,
    jobs: int | None,
    tell: Callable[[Outcome], None],
) -> tuple[list[Result], int]:
    """Run the jobs, in worker processes when there are several; results in input order."""
    workers = max(1, min(jobs or default_jobs(), len(todo)))
    if workers == 1 or any(job.path == STDIN for job in todo):
        results = []
        for job in todo:
            result = _run_job(job, str(out), settings, published, debug)
            results.append(result)
            tell(Outcome(job.path, result[1], result[2]))
        return results, 1
    return _execute_parallel(todo, out, settings, published, debug, workers, tell), workers


def _execute_parallel(todo, out, settings, published, debug, workers, tell) -> list[Result]:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    needs_language = any(job.needs_language for job in todo)
    # Workers are forked: what the parent has imported they inherit for free. The writers are
    # cheap to share this way; the language pipeline is loaded per worker (initializer).
    from . import render  # noqa: F401

    by_job: dict[Job, Result] = {}
    init = _warm_worker if needs_language else None
    with ProcessPoolExecutor(max_workers=workers, initializer=init) as pool:
        futures = {
            pool.submit(_run_chunk, chunk, str(out), settings, published, debug): chunk
            for chunk in _chunks(todo, workers)
        }
        for fut in as_completed(futures):
            try:
                results = fut.result()
            except BrokenProcessPool:
                reason = "a worker process died (out of memory or killed); rerun with -j 1 to find the input"
                results = [(job, "failed", one_line(f"{job.path}: {reason}"), {}, 0.0) for job in futures[fut]]
            for result in results:
                by_job[result[0]] = result
                tell(Outcome(result[0].path, result[1], result[2]))
    return [by_job[job] for job in todo]


__all__ = [
    "BuildReport",
    "Job",
    "Outcome",
    "build",
    "build_one",
    "discover",
    "safe_stem",
    "write_atomic",
    "write_files",
]
