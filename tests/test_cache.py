import subprocess
import sys
import threading

import numpy as np

from synth.understand.cache import FILE_NAME, CachedEmbedder, model_fingerprint
from tests.conftest import ROOT, FakeEmbedder


def test_second_encode_reads_from_disk(tmp_path):
    inner = FakeEmbedder()
    first = CachedEmbedder(inner, "m", tmp_path).encode(["a b c", "d e f", "a b c"])
    again = CachedEmbedder(inner, "m", tmp_path)
    second = again.encode(["d e f", "a b c"])
    assert inner.calls == 1
    assert again.hits == 2 and again.misses == 0
    np.testing.assert_array_equal(second, first[[1, 0]])


def test_models_do_not_share_vectors(tmp_path):
    inner = FakeEmbedder()
    CachedEmbedder(inner, "model-a", tmp_path).encode(["same text"])
    CachedEmbedder(inner, "model-b", tmp_path).encode(["same text"])
    assert inner.calls == 2


def test_damaged_cache_file_is_rebuilt(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"this is not a database" * 100)
    inner = FakeEmbedder()
    vectors = CachedEmbedder(inner, "m", tmp_path).encode(["one two"])
    assert vectors.shape == (1, inner.dimensions)
    assert CachedEmbedder(FakeEmbedder(), "m", tmp_path).encode(["one two"]).shape == (1, 256)
    assert any(p.name.startswith(f"{FILE_NAME}.damaged") for p in tmp_path.iterdir())


def test_two_writers_at_once(tmp_path):
    errors = []

    def work(offset: int) -> None:
        try:
            cache = CachedEmbedder(FakeEmbedder(), "m", tmp_path)
            for i in range(20):
                cache.encode([f"text {offset} {i}", "shared text"])
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    reader = CachedEmbedder(FakeEmbedder(), "m", tmp_path)
    reader.encode([f"text {n} {i}" for n in range(4) for i in range(20)])
    assert reader.misses == 0


def test_fingerprint_changes_with_the_model_files(tmp_path):
    (tmp_path / "weights.bin").write_bytes(b"1234")
    before = model_fingerprint("x", str(tmp_path))
    (tmp_path / "weights.bin").write_bytes(b"123456")
    assert model_fingerprint("x", str(tmp_path)) != before


def test_fully_cached_run_does_not_import_torch(tmp_path):
    script = f"""
import sys
import synth
from synth.understand.cache import CachedEmbedder
from tests.conftest import FakeEmbedder
from synth.pipeline import Pipeline
from synth.read.sources import load_sources
sources = load_sources(["{ROOT}/fixtures/aleppo"])
Pipeline(embedder=CachedEmbedder(FakeEmbedder(), "m", "{tmp_path}")).run(sources, 200)
import synth.understand.embed
class Exploding(synth.understand.embed.SentenceTransformerEmbedder):
    def load(self):
        raise AssertionError("model loaded although everything was cached")
cached = CachedEmbedder(Exploding(), "m", "{tmp_path}")
Pipeline(embedder=cached).run(sources, 200)
assert "torch" not in sys.modules, "torch was imported"
print("ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT
    )
    assert result.stdout.strip() == "ok", result.stderr
