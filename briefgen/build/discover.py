"""Which inputs a build reads: files named, folders walked, and what is never an input.

A folder is walked in sorted order without following symbolic links to folders (no loops).
The build's own output folder, and any folder holding a briefgen manifest (another build's
output), is never walked: otherwise `briefgen build .` would build memos of its own memos,
one more generation every run. Each input gets a stem that is safe as a file name and unique
within the batch (case-insensitively, for case-insensitive file systems).

Under `--merge` (issue 13) the files found are grouped: each folder given is one meeting, the
loose files given are another, and each group becomes one job with `members`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import one_line
from ..modelfile import MODEL_SUFFIXES, is_model_file
from .report import Outcome

MANIFEST_NAME = ".briefgen-manifest.json"
STDIN = "-"
#: Longest stem in UTF-8 bytes: leaves room for ".docx", the temp-file affixes and a "-NN"
#: suffix within the 255-byte file-name limit of common file systems.
MAX_STEM_BYTES = 120


@dataclass(frozen=True)
class Job:
    """One input to build: a source file, a model file or standard input; or, under --merge,
    several accounts of one meeting (`members`), built into one memo (`path` then names them)."""

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

    @property
    def reads_stdin(self) -> bool:
        return STDIN in (self.path, *self.members)


def source_suffixes() -> tuple[str, ...]:
    from ..sources import SOURCE_SUFFIXES

    return tuple(SOURCE_SUFFIXES)


def safe_stem(name: str) -> str:
    """A file stem that is safe in any folder: no separators, controls, quotes or leading dashes.

    Everything but letters, digits, `_`, `.` and `-` becomes `_` (bytes that are not UTF-8 in
    a file name, too); leading and trailing dots, dashes and underscores go (so no hidden files,
    no `..`, nothing read as an option); the result is cut to MAX_STEM_BYTES of UTF-8 so that
    long non-Latin names stay valid.
    """
    stem = unicodedata.normalize("NFC", name.encode("utf-8", "replace").decode("utf-8"))
    stem = re.sub(r"[^\w.\-]+", "_", stem, flags=re.UNICODE)
    stem = stem.strip("._-")
    encoded = stem.encode("utf-8")
    if len(encoded) > MAX_STEM_BYTES:
        stem = encoded[:MAX_STEM_BYTES].decode("utf-8", errors="ignore").rstrip("._-")
    return stem or "source"


def is_output_folder(folder: Path, out_dir: Path | None) -> bool:
    """The build's own output folder, or a folder another build wrote (it holds a manifest)."""
    if (folder / MANIFEST_NAME).exists():
        return True
    if out_dir is None:
        return False
    try:
        return os.path.samefile(folder, out_dir)
    except OSError:
        return False


def _walk(folder: Path, out_dir: Path | None, warnings: list[str]) -> Iterable[Path]:
    """Files under a folder, sorted, without following symlinked folders or entering outputs."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        keep = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            if is_output_folder(Path(root) / d, out_dir):
                warnings.append(one_line(f"{Path(root) / d}: skipped, a briefgen output folder"))
                continue
            keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def kind(path: Path) -> str:
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
        if err.errno == errno.ENAMETOOLONG:
            return "file name too long"
        return f"cannot read: {err.strerror or err}"
    if stat.S_ISDIR(st.st_mode):
        return "folder"
    if stat.S_ISREG(st.st_mode):
        return "file"
    return "not a regular file (a device, pipe or socket)"


def discover_in_order(
    inputs: Sequence[str], out_dir: Path | None = None, merge: bool = False
) -> tuple[list[Job | Outcome], list[str], list[str]]:
    """Expand folders; returns jobs and failures interleaved in input order, notes (files
    skipped, shown with -v) and warnings (output folders skipped, always shown). With `merge`,
    the jobs are grouped into accounts of one meeting (see `merge_groups`)."""
    items, notes, warnings = _discover_files(inputs, out_dir)
    return (merge_groups(items, inputs) if merge else items), notes, warnings


def merge_groups(items: list[Job | Outcome], inputs: Sequence[str]) -> list[Job | Outcome]:
    """Under --merge: each folder given is one meeting, and the loose files given are another.

    A group's job is named after the folder, or after the first loose file with "-merged";
    a member that cannot be read fails its whole group (one memo from part of the accounts
    would hide that the rest were not read). A group of one is built as it is.
    """
    folders = [raw for raw in inputs if raw != STDIN and kind(Path(raw)) == "folder"]
    groups: dict[str, list[Job | Outcome]] = {}
    for item in items:
        path = item.path if isinstance(item, Job) else item.input
        owner = next((f for f in folders if path != STDIN and Path(path).is_relative_to(f)), "")
        groups.setdefault(owner, []).append(item)
    planned: list[Job | Outcome | tuple[str, str, list[Job]]] = []
    used: set[str] = set()
    for owner, members in groups.items():
        failed = [m for m in members if isinstance(m, Outcome)]
        label = owner or ", ".join(m.path if isinstance(m, Job) else m.input for m in members)
        jobs = [m for m in members if isinstance(m, Job)]
        if failed:
            planned.append(Outcome(label, "failed", failed[0].message))
        elif len(jobs) == 1:
            planned.append(jobs[0])
            used.add(jobs[0].stem.casefold())
        else:
            stem = safe_stem(Path(owner).name) if owner else f"{jobs[0].stem}-merged"
            planned.append((label, stem, jobs))
    out: list[Job | Outcome] = []
    for entry in planned:
        if not isinstance(entry, tuple):
            out.append(entry)
            continue
        label, stem, jobs = entry
        unique, n = stem, 2
        while unique.casefold() in used:
            unique, n = f"{stem}-{n}", n + 1
        used.add(unique.casefold())
        out.append(Job(label, unique, tuple(j.path for j in jobs)))
    return out


def _discover_files(inputs: Sequence[str], out_dir: Path | None) -> tuple[list[Job | Outcome], list[str], list[str]]:
    """Every input file found, in input order, with failures in place."""
    known = source_suffixes() + MODEL_SUFFIXES
    items: list[Job | Outcome] = []
    notes: list[str] = []
    warnings: list[str] = []
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
        what = kind(path)
        if what == "folder":
            if is_output_folder(path, out_dir):
                items.append(Outcome(raw, "failed", one_line(f"{raw}: is a briefgen output folder, not an input")))
                continue
            found = False
            for file in _walk(path, out_dir, warnings):
                if file.name.lower().endswith(".meta.yaml"):
                    continue
                if file.suffix.lower() not in known:
                    notes.append(one_line(f"{file}: skipped, not a known source type"))
                    continue
                found = True
                file_kind = kind(file)
                if file_kind == "file":
                    add(str(file), safe_stem(file.stem))
                else:
                    items.append(Outcome(str(file), "failed", one_line(f"{file}: {file_kind}")))
            if not found:
                items.append(Outcome(raw, "failed", one_line(f"{raw}: no sources in this folder")))
        elif what == "file":
            add(raw, safe_stem(path.stem))
        else:
            items.append(Outcome(raw, "failed", one_line(f"{raw}: {what}")))
    return items, notes, warnings


def discover(
    inputs: Sequence[str], out_dir: Path | None = None, merge: bool = False
) -> tuple[list[Job], list[str], list[Outcome]]:
    """Expand folders into jobs. Returns (jobs, notes about skipped files, failures)."""
    items, notes, warnings = discover_in_order(inputs, out_dir, merge)
    jobs = [i for i in items if isinstance(i, Job)]
    failures = [i for i in items if isinstance(i, Outcome)]
    return jobs, notes + warnings, failures
