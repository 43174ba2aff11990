import subprocess
import sys
import threading

import numpy as np
import pytest

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


@pytest.mark.slow
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


def test_a_locked_cache_is_waited_on_not_taken_for_damage(tmp_path):
    import sqlite3

    CachedEmbedder(FakeEmbedder(), "m", tmp_path).encode(["warm up"])
    holder = sqlite3.connect(tmp_path / FILE_NAME)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO vectors VALUES ('x', x'00', x'00')")
    notes = []
    try:
        cache = CachedEmbedder(FakeEmbedder(), "m", tmp_path, note=notes.append, busy_timeout=0.1)
        vectors = cache.encode(["one two", "three four"])
        cache.encode(["five six"])
    finally:
        holder.rollback()
        holder.close()
    assert vectors.shape == (2, 256)
    assert sorted(p.name for p in tmp_path.iterdir() if "damaged" in p.name) == []
    assert len(notes) == 1 and "locked" in notes[0]
    reader = CachedEmbedder(FakeEmbedder(), "m", tmp_path)
    reader.encode(["warm up"])
    assert reader.hits == 1  # the healthy cache was kept


def test_wrong_length_and_non_finite_vectors_are_dropped(tmp_path):
    import sqlite3

    from synth.understand.cache import text_key

    inner = FakeEmbedder()
    expected = CachedEmbedder(inner, "m", tmp_path).encode(["alpha beta", "gamma delta"])
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        bad = {
            "alpha beta": np.ones(7, dtype=np.float32).tobytes(),
            "gamma delta": np.full(256, np.nan, dtype=np.float32).tobytes(),
        }
        for text, blob in bad.items():
            db.execute("UPDATE vectors SET vector = ? WHERE key = ?", (blob, text_key(text)))
    cache = CachedEmbedder(FakeEmbedder(), "m", tmp_path)
    np.testing.assert_array_equal(cache.encode(["alpha beta", "gamma delta"]), expected)
    assert cache.misses == 2
    again = CachedEmbedder(FakeEmbedder(), "m", tmp_path)
    again.encode(["alpha beta", "gamma delta"])
    assert again.hits == 2  # the bad rows were replaced


def test_wrong_length_rows_are_dropped_before_the_model_is_known(tmp_path):
    import sqlite3

    from synth.understand.cache import text_key

    CachedEmbedder(FakeEmbedder(), "m", tmp_path).encode(["a b", "c d", "e f"])
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("DELETE FROM models")
        blob = np.ones(9, dtype=np.float32).tobytes()
        db.execute("UPDATE vectors SET vector = ? WHERE key = ?", (blob, text_key("a b")))
    cache = CachedEmbedder(FakeEmbedder(), "m", tmp_path)
    assert cache.encode(["a b", "c d", "e f"]).shape == (3, 256)
    assert cache.misses == 1


def test_an_unusable_cache_folder_costs_speed_only(tmp_path):
    (tmp_path / "plain-file").write_text("not a folder")
    for folder in (tmp_path / "plain-file", tmp_path / "plain-file" / "below"):
        notes = []
        cache = CachedEmbedder(FakeEmbedder(), "m", folder, note=notes.append)
        assert cache.encode(["one two"]).shape == (1, 256)
        assert cache.encode(["three four"]).shape == (1, 256)
        assert len(notes) == 1 and "only slower" in notes[0]


def test_a_read_only_cache_folder_costs_speed_only(tmp_path):
    from tests.conftest import run_unprivileged

    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o555)
    tmp_path.chmod(0o755)
    script = (
        "from synth.understand.cache import CachedEmbedder\n"
        "from tests.conftest import FakeEmbedder\n"
        f"cache = CachedEmbedder(FakeEmbedder(), 'm', {str(folder)!r}, note=print)\n"
        "print(cache.encode(['one two']).shape)\n"
    )
    result = run_unprivileged(script)
    lines = result.stdout.splitlines()
    assert lines[-1] == "(1, 256)", result.stderr
    assert len(lines) == 2 and "only slower" in lines[0]
