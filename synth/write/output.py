"""Write results without ever losing data: atomically, never over an input, never over
something that is not a file.

A regular file is replaced through a temporary file renamed into place (an interrupted run
leaves the previous output intact) and keeps its permissions and, where this process may give
it, its owner and group; a file of another owner that this process may write but not give
away is written in place instead, so that it stays theirs. A file with other hard links is
refused: replacing it would leave the other names with the old text. A character device (/dev/null,
/dev/stdout) or a named pipe is written through, never replaced: renaming over /dev/null would
replace the system's device with a file; a named pipe nothing reads from within
`PIPE_WAIT_SECONDS` is refused instead of waited on for good. A symbolic link is followed to
the file it names.
Anything else (a folder, a socket, a block device, a read-only file, a name ending in /) is
refused before the run starts.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import stat
import tempfile
import time
from collections.abc import Iterable

from synth.core import InputError, SynthError

PIPE_WAIT_SECONDS = 5.0
# How long a finished run waits to learn whether the reader of its standard output left with
# output unread (`| head -c 10`): a reader still there (`| less`) is not waited on longer.
READER_WAIT_SECONDS = 0.2


class OutputError(SynthError):
    """The output could not be written (disk full, device error); exit code 1."""


def check_output_path(path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> None:
    """Refuse an output path that would lose data or cannot be written, before any work."""
    name = os.fspath(path)
    target = _target(name)
    status = _status(name, target)
    if status is None:
        _check_folder(name, os.path.dirname(target) or ".")
    elif stat.S_ISDIR(status.st_mode):
        raise InputError(f"{name}: is a folder; give a file name for the output")
    elif stat.S_ISREG(status.st_mode):
        if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise InputError(f"{name}: is read-only; refusing to replace it")
        if status.st_nlink > 1:
            raise InputError(
                f"{name}: has {status.st_nlink - 1} other hard link(s), which replacing it would "
                "leave with the old text; refusing it (give another name)"
            )
        _check_folder(name, os.path.dirname(target) or ".")
    elif not (stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode)):
        raise InputError(f"{name}: is not a file, a character device or a pipe; refusing it")
    if any(_same_file(target, status, other) for other in inputs):
        raise InputError(f"{name}: refusing to overwrite one of the input articles")


def write_atomic(path: str | os.PathLike[str], text: str, inputs: Iterable[str] = ()) -> None:
    """Write `text` to `path`: replace a regular file atomically, write a device or a pipe
    through. `path` may not be one of `inputs`; a failed write raises OutputError and leaves
    the previous file intact."""
    check_output_path(path, inputs)
    name = os.fspath(path)
    target = _target(name)
    status = _status(name, target)
    try:
        if status is not None and stat.S_ISFIFO(status.st_mode):
            with os.fdopen(open_pipe(target, name), "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
        elif status is not None and not stat.S_ISREG(status.st_mode):
            with open(target, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
        elif status is not None and not _may_give(status):
            with open(target, "w", encoding="utf-8", newline="\n") as out:  # stays its owner's
                out.write(text)
        else:
            _replace(target, text, status)
    except OSError as error:
        raise OutputError(f"{name}: cannot write ({error.strerror or error})") from None


def open_pipe(path: str, name: str, wait: float = PIPE_WAIT_SECONDS) -> int:
    """A named pipe opened for writing once a reader has it open, within `wait` seconds; a
    blocking open would wait for a reader forever."""
    deadline = time.monotonic() + wait
    while True:
        try:
            handle = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:  # ENXIO: no reader yet
                raise
            if time.monotonic() >= deadline:
                raise OutputError(
                    f"{name}: a named pipe that nothing reads from (waited {wait:g} s)"
                ) from None
            time.sleep(0.05)
            continue
        os.set_blocking(handle, True)
        return handle


def reader_left_unread(handle: int, wait: float = READER_WAIT_SECONDS) -> bool:
    """Whether the pipe `handle` writes to lost its reader with output still unread in it
    (`| head -c 10` after the output fit in the pipe's buffer). Waits up to `wait` seconds for
    the reader to read all or leave; False for anything but a pipe."""
    import fcntl
    import termios
    from array import array

    try:
        if not stat.S_ISFIFO(os.fstat(handle).st_mode):
            return False
        poller = select.poll()
        poller.register(handle, 0)  # POLLERR is always reported: the read end is closed
        deadline = time.monotonic() + wait
        while True:
            unread = array("i", [0])
            fcntl.ioctl(handle, termios.FIONREAD, unread)
            if unread[0] == 0:
                return False
            if any(events & select.POLLERR for _, events in poller.poll(0)):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
    except (OSError, ValueError):
        return False


def _may_give(status: os.stat_result) -> bool:
    """Whether a new file of this process can be given `status`'s owner and group (always
    for the same owner, for root, or to a group the process is in)."""
    if status.st_uid != os.geteuid() and os.geteuid() != 0:
        return False
    return status.st_gid == os.getegid() or os.geteuid() == 0 or status.st_gid in os.getgroups()


def _replace(target: str, text: str, status: os.stat_result | None) -> None:
    mode = stat.S_IMODE(status.st_mode) if status else None
    folder = os.path.dirname(target) or "."
    handle, temporary = tempfile.mkstemp(
        prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if status is not None and (status.st_uid, status.st_gid) != (os.geteuid(), os.getegid()):
            os.chown(temporary, status.st_uid, status.st_gid)
        os.chmod(temporary, _new_file_mode() if mode is None else mode)
        os.replace(temporary, target)
    except BaseException:
        _remove(temporary)
        raise


def _target(name: str) -> str:
    """The path that will be written: symbolic links followed; a trailing / refused."""
    if not name:
        raise InputError("the output file name is empty")
    if name.endswith(("/", os.sep, "/.", "/..")) or name in (".", ".."):
        raise InputError(f"{name}: names a folder (ends with /); give a file name for the output")
    return os.path.realpath(name)


def _status(name: str, target: str) -> os.stat_result | None:
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise InputError(f"{name}: cannot be used as the output ({error.strerror})") from None


def _check_folder(name: str, folder: str) -> None:
    """The folder must exist and take a new file: tried with a real temporary file, since
    permission bits do not tell for root or a read-only file system."""
    if not os.path.isdir(folder):
        raise InputError(f"{name}: output folder {folder} does not exist")
    try:
        handle, probe = tempfile.mkstemp(prefix=".synth-probe.", dir=folder)
    except OSError as error:
        raise InputError(f"{name}: cannot write in {folder} ({error.strerror})") from None
    os.close(handle)
    _remove(probe)


def _same_file(target: str, status: os.stat_result | None, other: str) -> bool:
    if target == os.path.realpath(other):
        return True
    try:
        return status is not None and os.path.samestat(status, os.stat(other))
    except OSError:
        return False


def _new_file_mode() -> int:
    """What open() would give a new file: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
