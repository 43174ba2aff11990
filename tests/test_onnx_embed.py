"""The bundled model on ONNX Runtime gives sentence-transformers' vectors, without torch."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from synth.read.segment import segment_sources
from synth.read.sources import load_sources
from synth.understand.onnx_embed import (
    DIGESTS_FILE,
    GRAPH_FILE,
    BundledEmbedder,
    OnnxEmbedder,
    _atomic_target,
    export_path,
)
from tests.conftest import ALEPPO, ROOT

TOLERANCE = 1e-5
DEV_SET = Path(os.environ.get("SYNTH_DEV_SET", ROOT.parent / "shared/eval/multinews-dev"))
DEV_CLUSTERS = 40
DEV_SENTENCES = 300


def seed_sentences() -> list[str]:
    return [s.text for s in segment_sources(load_sources([str(ALEPPO)]))]


def dev_sentences() -> list[str]:
    """A fixed sample of sentences from the first clusters of the development set."""
    clusters = sorted(p / "docs" for p in DEV_SET.iterdir() if (p / "docs").is_dir())
    sources = load_sources([str(c) for c in clusters[:DEV_CLUSTERS]])
    texts = [s.text for s in segment_sources(sources)]
    return random.Random(0).sample(texts, min(DEV_SENTENCES, len(texts)))


@pytest.fixture(scope="module")
def reference():
    from synth.understand.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


def compare(texts: list[str], onnx: OnnxEmbedder, reference) -> tuple[float, float]:
    """(max absolute difference, least cosine) of the two paths' vectors for `texts`."""
    ours, theirs = onnx.encode(texts), reference.encode(texts)
    assert ours.shape == theirs.shape and ours.dtype == np.float32
    return float(np.abs(ours - theirs).max()), float(np.sum(ours * theirs, axis=1).min())


@pytest.mark.slow
def test_same_vectors_on_the_seeds(real_embedder, reference):
    texts = seed_sentences()
    difference, cosine = compare(texts, real_embedder.backend(), reference)
    print(f"seeds: {len(texts)} sentences, max |diff| {difference:.1e}, min cos {cosine:.8f}")
    assert difference <= TOLERANCE


@pytest.mark.slow
@pytest.mark.skipif(not DEV_SET.is_dir(), reason=f"development set not at {DEV_SET}")
def test_same_vectors_on_dev_sentences(real_embedder, reference):
    texts = dev_sentences()
    difference, cosine = compare(texts, real_embedder.backend(), reference)
    print(f"dev: {len(texts)} sentences, max |diff| {difference:.1e}, min cos {cosine:.8f}")
    assert len(texts) == DEV_SENTENCES and difference <= TOLERANCE


@pytest.mark.slow
def test_long_blank_and_unusual_texts_match(real_embedder, reference):
    """Truncation at the model's 256 tokens (tokenizer.json says 128), blanks, other scripts."""
    words = (ALEPPO / sorted(os.listdir(ALEPPO))[0]).read_text(encoding="utf-8").split()
    texts = [" ".join(words), " ".join(words[:110]), "", "   ", "Zürich café 東京 Ελλάδα 🙂 ﬁ"]
    difference, _ = compare(texts, real_embedder.backend(), reference)
    assert difference <= TOLERANCE


@pytest.mark.slow
def test_rows_do_not_depend_on_batch_or_order(real_embedder):
    texts = seed_sentences()[:40]
    onnx = real_embedder.backend()
    together = onnx.encode(texts)
    wide = OnnxEmbedder(onnx.model_dir, onnx.onnx_path, batch_size=32).encode(texts)
    assert np.abs(wide - together).max() <= TOLERANCE
    alone = np.vstack([onnx.encode([t]) for t in texts])
    reverse = onnx.encode(texts[::-1])[::-1]
    assert np.abs(alone - together).max() <= TOLERANCE
    assert np.abs(reverse - together).max() <= TOLERANCE
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-6)


@pytest.mark.slow
def test_default_path_imports_neither_torch_nor_sentence_transformers(model_cache):
    script = f"""
import sys
import synth
synth.brief(["{ALEPPO}"], cache_dir="{model_cache}", use_cache=False)
heavy = sorted(m for m in ("torch", "sentence_transformers", "transformers") if m in sys.modules)
print("heavy:", heavy)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "heavy: []", result.stderr


@pytest.mark.slow
def test_without_an_exporter_it_says_so_once_and_uses_sentence_transformers(tmp_path):
    """No torch (an import hook refuses it): one note, then the sentence-transformers path."""
    script = f"""
import sys
class NoTorch:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("torch", "onnx"):
            raise ImportError(f"No module named {{name!r}}")
sys.meta_path.insert(0, NoTorch())
from synth.understand.onnx_embed import BundledEmbedder
notes = []
embedder = BundledEmbedder(cache_dir="{tmp_path}", note=notes.append)
first, second = embedder.backend(), embedder.backend()
print(type(first).__name__, first is second, len(notes))
print(notes[0])
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    lines = result.stdout.splitlines()
    assert lines[0] == "SentenceTransformerEmbedder True 1", result.stderr
    assert "using sentence-transformers" in lines[1] and "torch" in lines[1]
    assert not list((tmp_path / "onnx").rglob(GRAPH_FILE))


def fake_model(folder: Path, weights: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.safetensors").write_bytes(weights)
    (folder / "config.json").write_text('{"hidden_size": 4}', encoding="utf-8")
    return folder


def test_export_is_named_by_the_weights(tmp_path):
    cache = tmp_path / "cache"
    first = export_path(fake_model(tmp_path / "a", b"weights one"), cache)
    same = export_path(fake_model(tmp_path / "b", b"weights one"), cache)
    other = export_path(fake_model(tmp_path / "c", b"weights two"), cache)
    assert first == same != other
    assert first.parent.parent == cache / "onnx" and first.name == GRAPH_FILE
    assert (cache / "onnx" / DIGESTS_FILE).is_file()


def test_a_damaged_digest_memo_is_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    model = fake_model(tmp_path / "m", b"weights")
    expected = export_path(model, cache)
    (cache / "onnx" / DIGESTS_FILE).write_text("{not json", encoding="utf-8")
    assert export_path(model, cache) == expected


def test_atomic_target_leaves_nothing_behind_on_failure(tmp_path):
    target = tmp_path / "model.onnx"
    with pytest.raises(RuntimeError), _atomic_target(target) as temp:
        Path(temp).write_bytes(b"half")
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


def test_empty_input_loads_nothing(tmp_path):
    embedder = BundledEmbedder(cache_dir=tmp_path / "nothing-here")
    assert embedder.encode([]).shape == (0, 0)
    assert not (tmp_path / "nothing-here").exists()


@pytest.mark.slow
def test_a_released_model_loads_again_and_gives_the_same_rows(real_embedder):
    texts = seed_sentences()[:20]
    before = real_embedder.encode(texts)
    real_embedder.release()
    assert real_embedder.backend()._session is None
    np.testing.assert_array_equal(real_embedder.encode(texts), before)
