"""Shared fixtures: a fake embedder for fast tests, and one real briefing of the seeds."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
# the real command line in a fresh process (python -c FAKE_MAIN brief ...), fake embedder
FAKE_MAIN = (
    "import sys\n"
    "from synth.cli import main\n"
    "from tests.conftest import FakeEmbedder\n"
    "sys.argv = ['synth', *sys.argv[1:]]\n"
    "main(obj={'embedder': FakeEmbedder()})\n"
)
ALEPPO = ROOT / "fixtures" / "aleppo"
GOLDEN = Path(__file__).resolve().parent / "golden"


# Fixtures that load the real model or hand on a briefing made with it: a test asking for one
# is slow whether or not it says so, so `-m "not slow"` never pays for the model by accident.
REAL_MODEL_FIXTURES = frozenset({"model_cache", "real_embedder", "aleppo_briefing"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


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


@pytest.fixture(autouse=True)
def fixed_run_date(monkeypatch):
    """A digest records the date it ran: tests fix it (SOURCE_DATE_EPOCH, 2024-05-14 18:00
    UTC), so that two runs of a test give the same bytes whenever they run."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1715709600")


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


def briefing_of_lines(articles: dict[str, str], embedder):  # type: ignore[no-untyped-def]
    """A briefing of articles whose every line is taken as one sentence, past the cleaner.

    For testing what comes after reading (rendering, escaping) on text the cleaner would drop,
    such as markup: the renderer must be safe whatever reaches it.
    """
    from synth.core import Sentence, Source
    from synth.pipeline import Pipeline

    sources, sentences = [], []
    for number, (name, text) in enumerate(sorted(articles.items()), start=1):
        sources.append(Source(number, name, text, name, blocks=((0, len(text)),)))
        start = 0
        for position, line in enumerate(text.splitlines(keepends=True)):
            body = line.rstrip("\n")
            if body:
                sentences.append(
                    Sentence(len(sentences), number, start, start + len(body), body, position)
                )
            start += len(line)
    return Pipeline(embedder=embedder).run(sources, None, sentences=sentences)


@pytest.fixture
def write_article(tmp_path: Path):
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def run_unprivileged(script: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run a Python script as a user that file permissions apply to: as root, with the
    capabilities that override them dropped (so an unreadable folder is unreadable)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [*prefix, sys.executable, "-c", script], capture_output=True, text=True, cwd=cwd, env=env
    )


@pytest.fixture
def make_device(tmp_path: Path):
    """A character device node in tmp_path (a copy of /dev/null, /dev/zero, /dev/full ...),
    so a test that goes wrong can only replace its own copy, never the system's device;
    without the right to create one, the system's device itself (which then cannot be
    replaced either)."""
    numbers = {"null": 3, "zero": 5, "full": 7, "urandom": 9}

    def make(name: str) -> Path:
        node = tmp_path / f"dev-{name}"
        try:
            os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, numbers[name]))
        except PermissionError:
            return Path("/dev") / name
        return node

    return make
