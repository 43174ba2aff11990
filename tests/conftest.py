"""Shared fixtures: a fake embedder for fast tests, and one real briefing of the seeds."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
ALEPPO = ROOT / "fixtures" / "aleppo"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite tests/golden from the current output (review the diff before committing).",
    )


class FakeEmbedder:
    """Deterministic bag-of-words vectors: similar wording gives similar vectors."""

    name = "fake"

    def __init__(self, dimensions: int = 256) -> None:
        self.dimensions = dimensions
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        matrix = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
                matrix[row, int.from_bytes(digest, "little") % self.dimensions] += 1.0
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1, norms)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's embedding cache."""
    monkeypatch.setenv("SYNTH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def aleppo_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in ALEPPO.glob("*.txt"))


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory) -> Path:
    """A cache folder holding the ONNX export of the bundled model, made once per session."""
    from synth.understand.embed import DEFAULT_MODEL, resolve_model
    from synth.understand.onnx_embed import ensure_export

    folder = tmp_path_factory.mktemp("model-cache")
    ensure_export(Path(resolve_model(DEFAULT_MODEL)), folder)
    return folder


@pytest.fixture(scope="session")
def real_embedder(model_cache):
    """The default embedder: the bundled model on ONNX Runtime (never the fallback)."""
    from synth.understand.onnx_embed import BundledEmbedder, OnnxEmbedder

    embedder = BundledEmbedder(cache_dir=model_cache)
    assert isinstance(embedder.backend(), OnnxEmbedder)
    return embedder


@pytest.fixture(scope="session")
def aleppo_briefing(aleppo_files, real_embedder, monkeypatch_session_cwd):
    import synth

    return synth.brief(aleppo_files, embedder=real_embedder)


@pytest.fixture(scope="session")
def monkeypatch_session_cwd():
    """Run from the repo root so that source paths in the output are stable."""
    import os

    previous = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(previous)


@pytest.fixture
def write_article(tmp_path: Path):
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write
