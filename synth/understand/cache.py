"""An on-disk cache of sentence embeddings, keyed by model and sentence text.

SQLite holds the vectors: it is safe with two processes writing at once (WAL journal, busy
timeout), and a damaged file is moved aside and rebuilt instead of failing the run. Waiting on
another process's lock is not damage: when the wait runs out, the run goes on without the
cache. A cache that cannot be used at all (its folder is a file, read-only, on a read-only file
system) only costs speed: one note, and the vectors are computed. Vectors of the wrong size,
with non-finite values or not of unit length (a damaged byte) are dropped and computed again.
When every sentence is cached, the model is never loaded, so torch is never imported.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from synth.core import Say
from synth.stages import Releasable
from synth.understand.embed import Embedder

SCHEMA_VERSION = 1
FILE_NAME = f"embeddings-v{SCHEMA_VERSION}.sqlite"
BUSY_TIMEOUT_SECONDS = 30.0
DAMAGE = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
# Keys asked per SELECT: SQLite builds before 3.32 allow at most 999 bound parameters.
KEYS_PER_QUERY = 500
# float32 rows of unit length are within about 1e-6 of it.
UNIT_TOLERANCE = 1e-4


def default_cache_dir() -> Path:
    """`SYNTH_CACHE_DIR`, else the user cache folder (e.g. ~/.cache/synth)."""
    configured = os.environ.get("SYNTH_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("synth", appauthor=False))


def model_fingerprint(name: str, folder: str | None) -> str:
    """Identify a model by name and, when it is a folder, by its files' names, sizes and times.

    Computed from file metadata only, so checking the cache never loads the model.
    """
    parts = [name]
    if folder and os.path.isdir(folder):
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class CachedEmbedder:
    """Wraps an embedder; vectors already computed for this model are read from disk."""

    def __init__(
        self,
        inner: Embedder,
        fingerprint: str,
        folder: str | os.PathLike[str],
        note: Say | None = None,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    ) -> None:
        self.inner = inner
        self.fingerprint = fingerprint
        self.path = Path(folder) / FILE_NAME
        self.note = note
        self.busy_timeout = busy_timeout
        self.usable = True
        self.hits = 0
        self.misses = 0

    @property
    def name(self) -> str:
        return self.inner.name

    def release(self) -> None:
        """Hand back the model's memory, when it can (`synth.stages.Releasable`)."""
        if isinstance(self.inner, Releasable):
            self.inner.release()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        keys = [text_key(t) for t in texts]
        found, dimensions = self._read(keys)
        first_row: dict[bytes, int] = {}
        for row, key in enumerate(keys):
            first_row.setdefault(key, row)
        missing = [row for key, row in first_row.items() if key not in found]
        if missing:
            fresh = self.inner.encode([texts[i] for i in missing])
            if found and fresh.shape[1] != dimensions:  # the cached rows disagree with the model
                found = {}
                missing = list(first_row.values())
                fresh = self.inner.encode([texts[i] for i in missing])
            new = {keys[i]: fresh[row] for row, i in enumerate(missing)}
            self._write(new)
            found.update(new)
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        return np.vstack([found[k] for k in keys]).astype(np.float32)

    def _read(self, keys: Sequence[bytes]) -> tuple[dict[bytes, np.ndarray], int | None]:
        """The usable cached vectors of `keys` and their length: rows of another length than
        this model's (or than most rows, before the model's is known) are left out."""
        rows: dict[bytes, np.ndarray] = {}
        known = None
        unique = list(dict.fromkeys(keys))
        with self._guarded(), self._connect() as db:
            known = self._dimensions(db)
            for start in range(0, len(unique), KEYS_PER_QUERY):
                chunk = unique[start : start + KEYS_PER_QUERY]
                marks = ",".join("?" * len(chunk))
                found = db.execute(
                    f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({marks})",
                    [self.fingerprint, *chunk],
                )
                for key, blob in found:
                    vector = _vector(blob)
                    if vector is not None:
                        rows[bytes(key)] = vector
        if not rows:
            return {}, known
        lengths = Counter(len(v) for v in rows.values())
        dimensions = known or lengths.most_common(1)[0][0]
        return {k: v for k, v in rows.items() if len(v) == dimensions}, dimensions

    def _write(self, vectors: dict[bytes, np.ndarray]) -> None:
        rows = [
            (self.fingerprint, key, np.asarray(v, dtype=np.float32).tobytes())
            for key, v in vectors.items()
        ]
        dimensions = len(next(iter(vectors.values())))
        with self._guarded(), self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
            db.execute(
                "INSERT OR REPLACE INTO models VALUES (?, ?)", (self.fingerprint, dimensions)
            )

    def _dimensions(self, db: sqlite3.Connection) -> int | None:
        """The vector length recorded for this model; a row that holds no length (text, a
        float past any integer, zero) is damage: the file is moved aside like a corrupt one."""
        row = db.execute(
            "SELECT dimensions FROM models WHERE model = ?", (self.fingerprint,)
        ).fetchone()
        if row is None:
            return None
        if not isinstance(row[0], int) or isinstance(row[0], bool) or row[0] < 1:
            raise _Damaged(f"models row holds {row[0]!r}, not a vector length")
        return row[0]

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """Damage moves the file aside; anything else that stops the cache (a lock held too
        long, an unusable folder) turns it off for this run with one note. Neither fails the
        run."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            if _is_damage(error):
                self._discard_damaged()
            else:
                self._give_up(str(error))
        except OSError as error:
            self._give_up(error.strerror or str(error))

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success and is always closed."""
        if not self.usable:
            raise _Unusable
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=self.busy_timeout)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS vectors "
                "(model TEXT NOT NULL, key BLOB NOT NULL, vector BLOB NOT NULL, "
                "PRIMARY KEY (model, key))"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS models "
                "(model TEXT PRIMARY KEY, dimensions INTEGER NOT NULL)"
            )
            yield db
            db.commit()
        finally:
            db.close()

    def _give_up(self, reason: str) -> None:
        if self.usable and self.note:
            self.note(
                f"embedding cache {self.path} not used ({reason}); "
                "the briefing is the same, only slower"
            )
        self.usable = False

    def _discard_damaged(self) -> None:
        """Move a damaged cache file aside; the next write starts a fresh one."""
        try:
            for suffix in ("", "-wal", "-shm"):
                damaged = Path(f"{self.path}{suffix}")
                if damaged.exists():
                    damaged.replace(damaged.with_name(f"{damaged.name}.damaged-{int(time.time())}"))
        except OSError as error:
            self._give_up(f"damaged, and cannot be moved aside: {error.strerror}")


class _Damaged(sqlite3.DatabaseError):
    """The file opens, but holds what no run of synth wrote."""


class _Unusable(OSError):
    """The cache was turned off earlier in this run."""


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    """A damaged file, as opposed to a busy or unreachable one."""
    name = getattr(error, "sqlite_errorname", None)
    if name:
        return name in DAMAGE
    return not isinstance(error, sqlite3.OperationalError)


def _vector(blob: object) -> np.ndarray | None:
    """A stored vector, or None when the row is not one: the wrong size, not finite, or not
    of unit length (every embedder behind the cache normalises its rows; a damaged byte in a
    stored vector changes its length)."""
    if not isinstance(blob, bytes) or not blob or len(blob) % 4:
        return None
    vector = np.frombuffer(blob, dtype=np.float32)
    if not np.isfinite(vector).all():
        return None
    length = float(np.linalg.norm(vector.astype(np.float64)))
    return vector if length == 0 or abs(length - 1) <= UNIT_TOLERANCE else None
