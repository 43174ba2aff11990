"""`--engine ray` gives the same files as the default engine (Ray is an optional extra)."""

from __future__ import annotations

import pytest

pytest.importorskip("ray", reason="Ray is not installed (pip install 'synth[ray]')")

from synth.digest import digest
from synth.engines import RayEngine
from tests.conftest import FakeEmbedder
from tests.feeds import write_feed

pytestmark = pytest.mark.slow  # a local Ray instance


@pytest.fixture(scope="module")
def ray_engine():
    """A local Ray instance with two CPUs, started once for the module."""
    import ray

    if ray.is_initialized():
        pytest.skip("another Ray instance is running in this process")
    engine = RayEngine(local_cpus=2)
    engine.start()
    yield engine
    engine.close()


def test_ray_engine_writes_byte_identical_files(tmp_path, ray_engine):
    feed = write_feed(tmp_path)
    (feed / "final-3.txt").write_text((feed / "final-1.txt").read_text())
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    digest([str(feed)], local, embedder=FakeEmbedder())
    run = digest([str(feed)], on_ray, embedder=FakeEmbedder(), engine=ray_engine)
    assert len(run.stories) == 3
    local_files = {p.name: p.read_bytes() for p in sorted(local.iterdir())}
    ray_files = {p.name: p.read_bytes() for p in sorted(on_ray.iterdir())}
    assert sorted(local_files) == sorted(ray_files)
    assert local_files == ray_files


def test_ray_embedding_pool_returns_rows_in_order(ray_engine):
    texts = [f"sentence number {i} about the bridge" for i in range(1300)]
    pooled = ray_engine.encoder(FakeEmbedder())
    assert (pooled.encode(texts) == FakeEmbedder().encode(texts)).all()
