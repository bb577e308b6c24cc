"""Every file briefgen reads or writes goes through here, so the rules hold in one place.

Reading (`read_regular`): a path is opened without blocking (``O_NONBLOCK``: opening a named
pipe with no writer would otherwise wait forever), checked with ``fstat`` on the open handle
(no race between a check and the open), refused unless it is a regular file, and read only up
to a limit. So a FIFO, ``/dev/zero`` or a 20 GB file given as a theme, a template, a model file
or a logo is one error naming it, never a hang or an unbounded read.

Writing (`write_files`): all files of one build are written to temporary files beside their
targets, flushed, and only then renamed over the targets as one step. If a rename fails the
ones already done are rolled back (the previous files are kept as hard links until the end),
so the DOCX, PDF and YAML of a memo always belong together. A target that is a symbolic link
is written through (the file it points to is replaced, the link stays); a device, pipe or
socket is never replaced by a regular file: `write_through` streams into it (``-o
/dev/stdout``), and a batch refuses it. Temporary files carry one recognisable prefix, so an
interrupted build can sweep its own leftovers (`sweep_temp_files`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from .errors import BriefgenError, OutputError

#: Every temporary file briefgen creates starts with this (then the target's name).
TEMP_PREFIX = ".briefgen-tmp-"
TEMP_SUFFIX = ".tmp"
#: Longest target name kept in a temp name: the rest of the 255-byte limit is the affixes.
_NAME_BYTES = 120


def describe_oserror(err: OSError) -> str:
    """An OSError as a few words ("no such file", "permission denied"), without the path."""
    if err.errno == errno.ENOENT:
        return "no such file"
    if err.errno == errno.ELOOP:
        return "symbolic link loop"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.EISDIR:
        return "is a folder, not a file"
    if err.errno == errno.ENAMETOOLONG:
        return "file name too long"
    if err.errno == errno.ENXIO:
        return "no reader at the other end of the pipe"
    return err.strerror or str(err)


def file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(
    path: Path | str,
    limit: int,
    error: type[BriefgenError],
    what: str = "file",
    subject: object | None = None,
) -> bytes:
    """The bytes of a regular file, at most `limit`; anything else raises `error` naming the path.

    Never blocks (a FIFO is opened non-blocking and then refused) and never reads past
    `limit` (a device such as /dev/zero is refused before a byte is read).
    """
    subject = path if subject is None else subject
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise error(subject, f"cannot read the {what}: {describe_oserror(err)}") from None
    except ValueError:  # an embedded NUL byte
        raise error(subject, f"invalid {what} name") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error(subject, f"the {what} is {file_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise error(subject, f"the {what} is larger than {_size(limit)}")
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as err:
        raise error(subject, f"cannot read the {what}: {describe_oserror(err)}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise error(subject, f"the {what} is larger than {_size(limit)}")
    return data


def is_regular_file(path: Path) -> bool:
    """A regular file that is not a symbolic link (lstat: the link itself is looked at)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def _size(limit: int) -> str:
    return f"{limit / 2**20:g} MB" if limit >= 2**20 else f"{limit} bytes"


# --------------------------------------------------------------------------- writing


def _umask() -> int:
    """The process umask, read once at import (reading it means setting it: not thread-safe)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


def _resolve_target(target: Path) -> Path:
    """Where a write to `target` must land: through symbolic links; never onto a non-file.

    Raises OutputError for a folder, a device, a pipe or a socket: a batch writes its files
    as one replacement, and none of those can be replaced (or should be).
    """
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return target
    except OSError as err:
        raise OutputError(target, f"cannot write: {describe_oserror(err)}") from None
    if stat.S_ISLNK(info.st_mode):
        real = Path(os.path.realpath(target))
        try:
            info = os.stat(real)
        except FileNotFoundError:
            return real  # a dangling link: create the file it names
        except OSError as err:
            raise OutputError(target, f"cannot write: {describe_oserror(err)}") from None
        target = real
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(target, "is a folder, cannot write a file there")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(target, f"is {file_kind(info.st_mode)}; briefgen does not replace it with a file")
    return target


def temp_name(target: Path) -> str:
    encoded = target.name.encode("utf-8", "surrogateescape")[:_NAME_BYTES]
    return TEMP_PREFIX + encoded.decode("utf-8", "ignore") + "."


def write_files(targets: dict[Path, bytes], *, durable: bool = True) -> dict[Path, list]:
    """Replace several files as one step: all new, or (after any failure) all as they were.

    Each file is written to a temporary file beside its target; only when all are complete
    (and, if `durable`, on disk) are they renamed over the targets. Before a target is
    replaced its old version is kept as a hard link, so a failed later rename puts every
    earlier one back. Returns {target as given: [sha256, size, mtime_ns]}.
    """
    real = {target: _resolve_target(Path(target)) for target in targets}
    staged: dict[Path, str] = {}
    backups: dict[Path, str | None] = {}
    replaced: set[Path] = set()
    current = next(iter(targets))
    try:
        for current, data in targets.items():
            dest = real[current]
            with tempfile.NamedTemporaryFile(
                dir=dest.parent, prefix=temp_name(dest), suffix=TEMP_SUFFIX, delete=False
            ) as f:
                staged[current] = f.name
                os.fchmod(f.fileno(), _MODE)  # temp files are private (0600); outputs are not
                f.write(data)
                f.flush()
                if durable:
                    os.fsync(f.fileno())
        for current in targets:
            dest = real[current]
            backups[current] = _keep_old(dest)
            os.replace(staged[current], dest)
            del staged[current]
            replaced.add(current)
        records = {target: _record(real[target], data) for target, data in targets.items()}
        _drop_backups(backups)
        backups.clear()
        return records
    except OSError as err:
        raise OutputError(current, f"cannot write: {describe_oserror(err)}") from None
    finally:
        if backups:  # a rename failed or we were interrupted: put the old files back
            _roll_back(real, backups, replaced)
        for tmp in staged.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _keep_old(dest: Path) -> str | None:
    """A hard link to the file about to be replaced (None when there is none to keep)."""
    if not dest.exists():
        return None
    backup = os.path.join(dest.parent, f"{temp_name(dest)}old{os.getpid()}{TEMP_SUFFIX}")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(backup)
    os.link(dest, backup)
    return backup


def _roll_back(real: dict[Path, Path], backups: dict[Path, str | None], replaced: set[Path]) -> None:
    """Put back every target already replaced; drop the backups of those that were not."""
    for target, backup in backups.items():
        with contextlib.suppress(OSError):
            if target not in replaced:
                if backup is not None:
                    os.unlink(backup)
            elif backup is None:
                os.unlink(real[target])
            else:
                os.replace(backup, real[target])


def _drop_backups(backups: dict[Path, str | None]) -> None:
    for backup in backups.values():
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)


def _record(path: Path, data: bytes) -> list:
    """What the manifest keeps per output: content hash, size and modification time."""
    st = path.stat()
    return [hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns]


def write_output(path: Path, data: bytes) -> None:
    """Write one file the user named (`extract -o`): atomically for a file or a link to one,
    streamed into a device or a pipe (`-o /dev/stdout`), which are never replaced."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise OutputError(path, f"cannot write: {describe_oserror(err)}") from None
    if info is not None and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        write_through(path, data)
        return
    if not path.parent.is_dir():
        if path.parent.exists():
            raise OutputError(path, "its folder is a file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(path, f"cannot create its folder: {describe_oserror(err)}") from None
    write_files({path: data})


def write_through(path: Path, data: bytes) -> None:
    """Stream into a device or a named pipe; a pipe with no reader is an error, not a wait."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise OutputError(path, f"cannot write: {describe_oserror(err)}") from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as err:
        raise OutputError(path, f"cannot write: {describe_oserror(err)}") from None
    finally:
        os.close(fd)


def sweep_temp_files(folder: Path) -> int:
    """Remove briefgen's temporary files from `folder` (after an interrupted build)."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))
                removed += 1
    return removed
