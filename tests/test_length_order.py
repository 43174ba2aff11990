"""A digest encodes its sentences sorted by length: the vectors come back in input order and
equal those of the input-order path."""

from __future__ import annotations

import random

import numpy as np
import pytest

import synth.engines as engines
from synth.engines import ChunkedEmbedder, chunks, length_order, stack
from tests.conftest import FakeEmbedder


class Recording(FakeEmbedder):
    """The fake embedder, noting the texts of each call."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[list[str]] = []

    def encode(self, texts):
        self.seen.append(list(texts))
        return super().encode(texts)


def texts(count: int, seed: int = 3) -> list[str]:
    chooser = random.Random(seed)
    words = [
        "river",
        "bridge",
        "council",
        "vote",
        "mayor",
        "crew",
        "inquiry",
        "girder",
        "tunnel",
        "night",
    ]
    return [" ".join(chooser.choices(words, k=chooser.randint(1, 30))) for _ in range(count)]


def test_longest_first_ties_in_input_order():
    assert length_order(["ab", "abcd", "", "cd", "abcd"]) == [1, 4, 0, 3, 2]
    assert length_order([]) == []


def test_chunks_hold_texts_of_one_length_and_rows_come_back_in_order(monkeypatch):
    monkeypatch.setattr(engines, "CHUNK_TEXTS", 7)
    given = texts(50)
    inner = Recording()
    vectors = ChunkedEmbedder(inner).encode(given)
    assert [len(part) for part in inner.seen] == [7] * 7 + [1]
    flat = [t for part in inner.seen for t in part]
    assert [len(t) for t in flat] == sorted((len(t) for t in given), reverse=True)
    assert np.array_equal(vectors, FakeEmbedder().encode(given))


def test_nothing_to_encode():
    assert ChunkedEmbedder(Recording()).encode([]).shape == (0, 0)


@pytest.mark.slow
def test_sorted_vectors_equal_the_input_order_path(real_embedder, monkeypatch):
    """The bundled model: within 1e-6 of encoding the chunks in input order."""
    monkeypatch.setattr(engines, "CHUNK_TEXTS", 40)
    given = [*texts(150, seed=5), "A short one.", "Another, a little longer than that."]
    sorted_path = ChunkedEmbedder(real_embedder).encode(given)
    input_order = stack([real_embedder.encode(part) for part in chunks(given, 40)])
    assert sorted_path.shape == input_order.shape == (len(given), 384)
    assert float(np.abs(sorted_path - input_order).max()) <= 1e-6
