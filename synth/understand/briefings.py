"""Story briefings kept on disk, so that a digest run again over the same articles briefs nothing.

A story's briefing depends only on its articles (renumbered as `brief` numbers them), their
sentences and sentence vectors, the word budget, the embedder that encodes heading phrases and
headlines, and synth's own code and data with the parser it reads (package versions). All of
that is hashed into the file name (`briefing_key`); whatever changes a briefing changes the
name, and old files are simply no longer read. The story page is rendered from the kept
briefing each run, since what is new since an earlier run is not part of it.

The briefing is kept as a pickle read back by an unpickler that builds only the classes of
`synth.core` and plain containers, so a file planted in the cache folder cannot run code. A
file that cannot be read, or holds anything else, is ignored and written again; a folder that
cannot be written costs speed only (one note).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np

from synth.core import Briefing, Say
from synth.understand.answers import replace_file

STORE_FOLDER = "briefings-v1"
# Plain containers a pickled briefing may hold besides the classes of synth.core.
ALLOWED_BUILTINS = frozenset(["frozenset", "set", "tuple", "list", "dict", "slice"])


def briefing_key(
    code: str,
    sources: object,
    sentences: object,
    vectors: np.ndarray,
    max_words: int | None,
    embedder: str,
) -> str:
    """The name of a story's briefing: a hash of everything the briefing is made from."""
    digest = hashlib.sha256(code.encode())
    for part in (repr(sources), repr(sentences), repr(max_words), embedder):
        digest.update(b"\0")
        digest.update(part.encode("utf-8", "surrogatepass"))
    matrix = np.ascontiguousarray(vectors, dtype=np.float32)
    digest.update(repr(matrix.shape).encode())
    digest.update(matrix.tobytes())
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """synth's code and language data (every file of the package but its templates, which
    only render) with the parser it reads: what a briefing depends on besides its input."""
    from synth.understand.parser import parser_fingerprint

    package = Path(__file__).resolve().parent.parent
    files = sorted(
        str(p)
        for p in package.rglob("*")
        if p.is_file()
        and "templates" not in p.relative_to(package).parts
        and "__pycache__" not in p.parts
    )
    names = "\n".join(str(Path(f).relative_to(package)) for f in files)
    return parser_fingerprint(files) + "\n" + names


@cache
def templates_fingerprint() -> str:
    """The page templates' files, hashed: what a kept page depends on besides its briefing
    and synth's code."""
    folder = (Path(__file__).resolve().parent.parent / "templates").resolve()
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class KeptStore:
    """Values made of synth.core classes and plain containers, on disk in `folder`/`kind`,
    one file per key (see the module's docstring)."""

    def __init__(
        self, folder: str | os.PathLike[str], note: Say | None = None, kind: str = STORE_FOLDER
    ) -> None:
        self.folder = Path(folder) / kind
        self.note = note
        self.usable = True

    def key(self, kind: str, *parts: str) -> str:
        """The name of a value of `kind` made from `parts` by synth's code as it is now."""
        digest = hashlib.sha256(f"{code_fingerprint()}\0{kind}".encode())
        for part in parts:
            digest.update(b"\0")
            digest.update(part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def read(self, key: str) -> object | None:
        """The value kept under `key`, or None (no file, or not one a run wrote)."""
        if not self.usable:
            return None
        try:
            data = (self.folder / f"{key}.pickle").read_bytes()
        except OSError:
            return None
        try:
            found: object = _SafeUnpickler(io.BytesIO(data)).load()
        except Exception:  # a damaged or planted file of any kind: made again
            return None
        return found

    def write(self, key: str, value: object) -> None:
        """Keep `value` under `key`, replacing any file there in one step."""
        if not self.usable:
            return
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            replace_file(self.folder, f"{key}.pickle", data)
        except OSError as error:
            self._give_up(error.strerror or str(error))

    def _give_up(self, reason: str) -> None:
        if self.usable and self.note:
            self.note(
                f"digest cache {self.folder} not used ({reason}); "
                "the digest is the same, only slower"
            )
        self.usable = False


class BriefingStore(KeptStore):
    """Story briefings on disk in `folder`/briefings-v1, one file per key."""

    def read(self, key: str) -> Briefing | None:
        found = super().read(key)
        return found if isinstance(found, Briefing) else None


class _SafeUnpickler(pickle.Unpickler):
    """Builds the classes defined in synth.core and plain containers; refuses anything else.

    A name is looked up only as a plain attribute of its module: a dotted name
    ("Briefing.__init__.__class__") would reach function and code types through a core
    class, and a name synth.core merely imports (numpy's classes) is no class of its own."""

    def find_class(self, module: str, name: str) -> Callable[..., object]:
        if "." not in name and (
            module == "synth.core" or (module == "builtins" and name in ALLOWED_BUILTINS)
        ):
            found: Callable[..., object] = super().find_class(module, name)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a briefing")
