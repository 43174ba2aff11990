"""An output folder shared with no one: locked while a run writes into it, its entries replaced
without ever following a link, and synth's own leftover temporaries recognised.

A link planted in the folder under one of synth's file names must not make synth write through
it into a file elsewhere: each file is written to a temporary file in the folder and renamed
over the entry, which replaces a link itself and never touches what it points to. Two runs
writing into one folder would mix their files: the folder is locked (`flock` on the folder
itself, released by the kernel when the process ends however it ends), and a second run is
refused. Temporary files are named `.<name>.<random>.tmp` (`write_atomic`, `replace_entry`) or
`.synth-probe.<random>`; one left by a run that was killed is synth's own, and while the lock
is held no other run can be writing it, so it is removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from synth.core import InputError
from synth.write.output import OutputError

TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{6,12}\.tmp$|^\.synth-probe\.[A-Za-z0-9_]+$")


class FolderBusy(InputError):
    """Another run holds the folder's lock."""


def lock_folder(folder: Path) -> int:
    """Lock `folder` (which must exist) for this process; a descriptor to hand to
    `unlock_folder`. Refused with one line when another run holds it."""
    import fcntl

    handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(handle)
        raise FolderBusy(
            f"{folder}: another synth digest is writing into this folder; wait for it to end "
            "or give another folder"
        ) from None
    except OSError:  # a file system without locks: nothing to guard with, go on
        pass
    return handle


def unlock_folder(handle: int | None) -> None:
    if handle is not None:
        with contextlib.suppress(OSError):
            os.close(handle)  # closing the last descriptor releases the lock


def leftover_temporaries(folder: Path, names: Iterable[str]) -> list[Path]:
    """Temporary files synth left in `folder` for any of `names` (or its write probes)."""
    names = set(names)
    found = []
    for entry in folder.iterdir():
        match = TEMPORARY.match(entry.name)
        if match and (match.group("name") is None or match.group("name") in names):
            found.append(entry)
    return found


def remove_leftovers(folder: Path, names: Iterable[str]) -> None:
    """Remove synth's leftover temporaries; only call this while holding the folder's lock."""
    for entry in leftover_temporaries(folder, names):
        if entry.is_symlink() or entry.is_file():
            with contextlib.suppress(OSError):
                entry.unlink()


def replace_entry(path: Path, text: str, inputs: Iterable[str] = ()) -> None:
    """Write `text` as the file `path`, replacing whatever entry has that name (a link is
    replaced, never followed); a folder there, or an entry that is one of `inputs`, is
    refused. A regular file keeps its permissions."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputError(f"{path}: cannot be used ({error.strerror})") from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise InputError(f"{path}: is a folder, where synth writes a file")
    if status is not None and any(_same(status, other) for other in inputs):
        raise InputError(f"{path}: refusing to overwrite one of the input articles")
    keep = stat.S_IMODE(status.st_mode) if status and stat.S_ISREG(status.st_mode) else None
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _new_file_mode() if keep is None else keep)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _same(status: os.stat_result, other: str) -> bool:
    try:
        return os.path.samestat(status, os.stat(other))
    except OSError:
        return False


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
