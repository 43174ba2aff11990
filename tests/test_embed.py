"""Embedding helpers: each distinct sentence is encoded once; the bundled model is recognised."""

from __future__ import annotations

import numpy as np

from synth.understand.embed import encode_distinct, is_bundled
from tests.conftest import FakeEmbedder


class Recording(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        return super().encode(texts)


def test_repeated_sentences_are_encoded_once_and_rows_stay_in_order():
    texts = ["wire copy one", "own words", "wire copy one", "wire copy two", "wire copy one"]
    embedder = Recording()
    vectors = encode_distinct(embedder, texts)
    assert embedder.seen == ["wire copy one", "own words", "wire copy two"]
    np.testing.assert_array_equal(vectors, FakeEmbedder().encode(texts))


def test_only_the_bundled_name_is_the_bundled_model(tmp_path):
    assert is_bundled("all-MiniLM-L6-v2")
    assert not is_bundled(str(tmp_path))
    assert not is_bundled("some-other-model")
