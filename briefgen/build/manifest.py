"""The record of finished work: what each output was built from, so unchanged inputs are skipped.

Up-to-date checks use content hashes (input bytes and its `.meta.yaml` sidecar, the settings
fingerprint, briefgen's version, the published date, `SOURCE_DATE_EPOCH`), kept in a manifest
inside the output folder, never modification times. Outputs are checked cheaply: when an
output's size and modification time are still those recorded after it was written, it is
taken as unchanged; otherwise it is re-hashed (so `touch` does not force a rebuild, but an
edited or deleted output does). See docs/SCALING.md for the measurements behind this choice.

The manifest is written after every few finished inputs and when a build is interrupted, so
Ctrl-C or SIGTERM never throws away the record of work already done.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from .. import __version__
from ..config import MemoSettings
from ..errors import OutputError
from ..fsio import read_regular, write_files
from .discover import MANIFEST_NAME, STDIN, Job

MANIFEST_VERSION = 3
#: Largest input hashed for the up-to-date key (larger ones are refused when read anyway).
MAX_INPUT_BYTES = 32 * 2**20
#: Largest manifest read back (about 300 bytes per input).
MAX_MANIFEST_BYTES = 64 * 2**20


def input_digest(job: Job) -> str | None:
    """Hash of the input's bytes and its sidecar's (of every member's, for a --merge group);
    None when they cannot be read."""
    if job.members:
        digests = [input_digest(Job(path, job.stem)) for path in job.members]
        return None if None in digests else hashlib.sha256("\0".join(map(str, digests)).encode()).hexdigest()
    if job.path == STDIN:
        return None
    from ..sources.meta import sidecar_path

    path = Path(job.path)
    h = hashlib.sha256()
    try:
        # Bounded and non-blocking like every read: a 20 GB file or a FIFO swapped in after
        # discovery gives no key (the build then reports the input), never a hang.
        h.update(read_regular(path, MAX_INPUT_BYTES, OutputError, "input"))
        sidecar = sidecar_path(path)
        if sidecar is not None and sidecar.is_file():
            h.update(b"\0meta\0" + read_regular(sidecar, MAX_INPUT_BYTES, OutputError, "sidecar"))
    except OutputError:
        return None
    return h.hexdigest()


def build_key(job: Job, settings_digest: str, published: dt.date | None) -> str | None:
    """The content key of one build: what must match for its outputs to be up to date.

    SOURCE_DATE_EPOCH is part of it: it sets the date written into both files.
    """
    digest = input_digest(job)
    if digest is None:
        return None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    parts = [__version__, settings_digest, digest, str(published), job.stem, epoch, *job.members]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def settings_digest(settings: MemoSettings) -> str:
    from ..render import settings_fingerprint

    return settings_fingerprint(settings)


def load_manifest(out_dir: Path) -> dict[str, dict]:
    try:
        raw = read_regular(out_dir / MANIFEST_NAME, MAX_MANIFEST_BYTES, OutputError, "manifest")
        data = json.loads(raw.decode("utf-8"))
    except (OutputError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def output_unchanged(path: Path, record: object) -> bool:
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
    return all("/" not in name and output_unchanged(out_dir / name, record) for name, record in outputs.items())


def save_manifest(out: Path, manifest: dict[str, dict]) -> str | None:
    """Write the manifest; returns a note when it cannot be written (the build still stands)."""
    data = {"version": MANIFEST_VERSION, "briefgen": __version__, "entries": manifest}
    try:
        write_files({out / MANIFEST_NAME: json.dumps(data, indent=1, sort_keys=True).encode()}, durable=False)
    except OutputError as err:
        return f"{err} (the next build will redo everything)"
    return None
