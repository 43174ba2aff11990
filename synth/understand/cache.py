"""An on-disk cache of sentence embeddings, keyed by model and sentence text.

SQLite holds the vectors: it is safe with two processes writing at once (WAL journal, busy
timeout), and a damaged file is moved aside and rebuilt instead of failing the run. When every
sentence is cached, the model is never loaded, so torch is never imported.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from synth.understand.embed import Embedder

SCHEMA_VERSION = 1
FILE_NAME = f"embeddings-v{SCHEMA_VERSION}.sqlite"
BUSY_TIMEOUT_SECONDS = 30.0
# Keys asked per SELECT: SQLite builds before 3.32 allow at most 999 bound parameters.
KEYS_PER_QUERY = 500


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

    def __init__(self, inner: Embedder, fingerprint: str, folder: str | os.PathLike[str]) -> None:
        self.inner = inner
        self.fingerprint = fingerprint
        self.path = Path(folder) / FILE_NAME
        self.hits = 0
        self.misses = 0

    @property
    def name(self) -> str:
        return self.inner.name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        found = self._read(keys)
        first_row: dict[bytes, int] = {}
        for row, key in enumerate(keys):
            first_row.setdefault(key, row)
        missing = [row for key, row in first_row.items() if key not in found]
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            fresh = self.inner.encode([texts[i] for i in missing])
            new = {keys[i]: fresh[row] for row, i in enumerate(missing)}
            self._write(new)
            found.update(new)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32)

    def _read(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        try:
            with self._connect() as db:
                for start in range(0, len(unique), KEYS_PER_QUERY):
                    chunk = unique[start : start + KEYS_PER_QUERY]
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(
                        f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({marks})",
                        [self.fingerprint, *chunk],
                    )
                    for key, blob in rows:
                        found[bytes(key)] = np.frombuffer(blob, dtype=np.float32)
        except sqlite3.DatabaseError:
            self._discard_damaged()
            return {}
        return found

    def _write(self, vectors: dict[bytes, np.ndarray]) -> None:
        rows = [
            (self.fingerprint, key, np.asarray(v, dtype=np.float32).tobytes())
            for key, v in vectors.items()
        ]
        try:
            with self._connect() as db:
                db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError:
            self._discard_damaged()
        except OSError:
            pass  # an unwritable cache only costs speed

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success and is always closed."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS vectors "
                "(model TEXT NOT NULL, key BLOB NOT NULL, vector BLOB NOT NULL, "
                "PRIMARY KEY (model, key))"
            )
            yield db
            db.commit()
        finally:
            db.close()

    def _discard_damaged(self) -> None:
        """Move a damaged cache file aside; the next write starts a fresh one."""
        for suffix in ("", "-wal", "-shm"):
            damaged = Path(f"{self.path}{suffix}")
            if damaged.exists():
                damaged.replace(damaged.with_name(f"{damaged.name}.damaged-{int(time.time())}"))
