"""Get a source's bytes, or a one-line error that names the file and says what is wrong.

Every way a path can fail (missing, a folder, a device, unreadable, a symlink loop, too large)
ends here as a SourceError, so no reader ever sees an OSError. Reads are bounded: a source
larger than MAX_BYTES is refused before it is read; devices and named pipes are refused
(opening a pipe with no writer blocks); standard input is read only up to that bound. So
`/dev/zero` or an endless pipe cannot hang briefgen or exhaust its memory.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from ..errors import SourceError

#: The largest source briefgen reads (news articles and readouts are kilobytes).
MAX_BYTES = 25 * 1024 * 1024
STDIN_NAME = "-"


def display_name(path: Path | str) -> str:
    """The path as text that fits on one line: control characters shown as escapes."""
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in str(path))


def read_path(path: Path) -> bytes:
    """The bytes of a regular file, bounded by MAX_BYTES (pipes are refused: opening one can block)."""
    subject = display_name(path)
    try:
        info = path.stat()
    except OSError as err:
        raise SourceError(subject, _why(err)) from None
    except ValueError:  # an embedded NUL byte
        raise SourceError(subject, "invalid file name") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(subject, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(subject, "is not a regular file (a device, pipe or socket); use - for standard input")
    if info.st_size > MAX_BYTES:
        raise SourceError(subject, f"is {info.st_size / 2**20:.1f} MB, larger than the {_limit()} limit for a source")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise SourceError(subject, _why(err)) from None
    if len(raw) > MAX_BYTES:
        raise SourceError(subject, f"is larger than the {_limit()} limit for a source")
    return raw


def read_stdin() -> bytes:
    """Standard input as bytes, bounded by MAX_BYTES."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise SourceError("standard input", "is not available")
    try:
        raw = stream.read(MAX_BYTES + 1)
    except (OSError, ValueError) as err:
        raise SourceError("standard input", f"cannot read: {err}") from None
    if len(raw) > MAX_BYTES:
        raise SourceError("standard input", f"is larger than the {_limit()} limit for a source")
    return raw


def _limit() -> str:
    return f"{MAX_BYTES // 2**20} MB"


def _why(err: OSError) -> str:
    if err.errno == errno.ENOENT:
        return "no such file"
    if err.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied, cannot read the file"
    if err.errno == errno.EISDIR:
        return "is a folder, not a file"
    if err.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read: {err.strerror or os.strerror(err.errno or 0) or err}"
