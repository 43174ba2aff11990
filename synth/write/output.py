"""Write results without ever losing data: atomically, and never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from synth.core import InputError


def check_output_path(path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> None:
    """Refuse an output path that is a folder, lies in a missing folder, or is an input."""
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for the output")
    if not target.parent.is_dir():
        raise InputError(f"{path}: output folder {target.parent} does not exist")
    resolved = target.resolve()
    if any(resolved == Path(p).resolve() for p in inputs):
        raise InputError(f"{path}: refusing to overwrite one of the input articles")


def write_atomic(path: str | os.PathLike[str], text: str, inputs: Iterable[str] = ()) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`.

    A run killed midway leaves the previous file intact; `path` may not be one of `inputs`.
    """
    check_output_path(path, inputs)
    target = Path(path)
    folder = target.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
