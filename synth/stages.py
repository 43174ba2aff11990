"""The contracts of the swappable stages: what the pipeline asks of each, and nothing more.

Each default stage (`BundledEmbedder`, `Merger`, `Ranker`, `Clusterer`, `Comparer`,
`QuoteFinder`) satisfies one of these protocols; a caller or a test hands the `Pipeline` any
object of the same shape instead. Data flows one way through the frozen
dataclasses of `synth.core`, so a stage never sees more than its inputs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from synth.core import Difference, Point, Quote, Sentence, Source


class Embedder(Protocol):
    """Turns texts into an (n, d) float32 array of unit-length rows."""

    @property
    def name(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@runtime_checkable
class Releasable(Protocol):
    """An embedder that can hand back its model's memory when a run needs it for something
    else (the parser); the next `encode` loads the model again."""

    def release(self) -> None: ...


class MergeStage(Protocol):
    """Joins sentences that say the same thing into points."""

    def merge(
        self, sentences: Sequence[Sentence], embeddings: np.ndarray, sources: Sequence[Source]
    ) -> tuple[tuple[Point, ...], np.ndarray]:
        """Points (each citing every outlet that said it) and their unit-length vectors."""
        ...


class RankStage(Protocol):
    """Scores points for importance and chooses the ones a briefing shows."""

    def scores(
        self,
        points: Sequence[Point],
        point_vectors: np.ndarray,
        sentences: Sequence[Sentence],
        sentence_vectors: np.ndarray,
        report_of: Mapping[int, int],
    ) -> np.ndarray: ...

    def eligible(self, point: Point) -> bool:
        """Whether the point may be shown at all."""
        ...

    def events(
        self,
        points: Sequence[Point],
        point_vectors: np.ndarray,
        sentences: Sequence[Sentence],
        sentence_vectors: np.ndarray,
        report_of: Mapping[int, int],
        scores: np.ndarray,
    ) -> list[int]:
        """The points that may state what happened, most likely first: the briefing opens
        on the first one a reader can follow without its article."""
        ...

    def select(
        self,
        points: Sequence[Point],
        point_vectors: np.ndarray,
        scores: np.ndarray,
        budget_words: int | None,
        sentence_vectors: np.ndarray | None = None,
        first: Sequence[int] = (),
    ) -> list[int]:
        """Point indexes in rank order, within the word budget of the whole briefing, the
        showable points of `first` before all others, in their order."""
        ...

    def repeats(
        self,
        index: int,
        chosen: Sequence[int],
        points: Sequence[Point],
        point_vectors: np.ndarray,
        sentence_vectors: np.ndarray | None = None,
    ) -> bool:
        """Whether point `index` only says again what the `chosen` points say."""
        ...


class ClusterStage(Protocol):
    """Groups points into subtopic sections and names them."""

    def cluster(
        self, vectors: np.ndarray, importance: np.ndarray, candidates: np.ndarray | None = None
    ) -> np.ndarray:
        """A section number for every point."""
        ...

    def name_sections(
        self,
        points: Sequence[Point],
        labels: np.ndarray,
        scores: np.ndarray,
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        embedder: Embedder,
        order: Sequence[int],
        shown: Sequence[Sequence[int]] | None = None,
    ) -> dict[int, str]:
        """A heading for each section number in `order` (the page's order); "" for a section
        that cannot be named, which the page shows without a heading. `vectors` are the
        points' unit-length vectors, `embedder` encodes candidate headings, and `shown` are
        the points each section shows (a heading must fit them)."""
        ...


class CompareStage(Protocol):
    """Finds where outlets give different values for the same thing."""

    def differences(
        self,
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        points: Sequence[Point],
        sources: Sequence[Source],
    ) -> list[Difference]: ...


class QuoteStage(Protocol):
    """Finds the key direct quotes and who said them."""

    def quotes(
        self,
        sentences: Sequence[Sentence],
        sources: Sequence[Source],
        importance: Mapping[int, float],
    ) -> list[Quote]: ...


class StandaloneJudge(Protocol):
    """Says whether a point's text can be read without its article."""

    def problem(
        self, text: str, known: frozenset[str] = frozenset(), opening: bool = False
    ) -> str | None:
        """Why the text cannot stand alone (pronoun, definite_description, ...) to a reader
        who has read the nouns `known` (the headline's), or None; `opening`: the text is its
        article's first sentence, written to be read first."""
        ...

    def prepare(self, texts: Sequence[str], known: frozenset[str] = frozenset()) -> None:
        """Get ready to judge `texts` soon (parse them together); may do nothing."""
        ...

    def nouns(self, text: str) -> frozenset[str]:
        """The nouns of `text` (the headline) as `problem` takes them in `known`."""
        ...
