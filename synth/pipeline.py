"""The pipeline: sources -> sentences -> embeddings -> points -> sections -> briefing.

Each stage is a small object handed in, so a caller can swap the embedder (tests use a fake),
the merger, the ranker or the clusterer. Stage timings are kept in `Briefing.stats`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from synth.compare.certainty import certainty, supporting_sources
from synth.compare.coverage import source_coverage
from synth.compare.differences import Comparer
from synth.compare.figures import key_figures
from synth.compare.quotes import QuoteFinder
from synth.compare.speakers import SpeakerFinder
from synth.core import Briefing, InputError, RankedPoint, Section, Sentence, Source
from synth.read.inventory import retention_note
from synth.read.segment import segment_sources
from synth.read.sources import DEFAULT_MAX_BYTES, Paths, load_sources
from synth.read.syndicate import mark_reports
from synth.stages import ClusterStage, CompareStage, Embedder, MergeStage, QuoteStage, RankStage
from synth.understand.cluster import Clusterer
from synth.understand.embed import (
    DEFAULT_MODEL,
    SentenceTransformerEmbedder,
    encode_distinct,
    is_bundled,
)
from synth.understand.merge import Merger
from synth.understand.rank import Ranker
from synth.write.headline import choose_title

DEFAULT_MAX_WORDS = 350
Progress = Callable[[str], None]


@dataclass
class Pipeline:
    """The stages of a briefing, each swappable: any object that meets the stage's protocol
    in `synth.stages` will do (tests hand in fakes)."""

    embedder: Embedder = field(default_factory=lambda: default_embedder(use_cache=False))
    merger: MergeStage = field(default_factory=Merger)
    ranker: RankStage = field(default_factory=Ranker)
    clusterer: ClusterStage = field(default_factory=Clusterer)
    comparer: CompareStage = field(default_factory=Comparer)
    quoter: QuoteStage = field(default_factory=QuoteFinder)
    speakers: SpeakerFinder = field(default_factory=SpeakerFinder)
    progress: Progress | None = None

    def run(
        self,
        sources: Sequence[Source],
        max_words: int | None,
        sentences: Sequence[Sentence] | None = None,
        vectors: np.ndarray | None = None,
    ) -> Briefing:
        """The briefing of `sources`; `sentences` and their `vectors` may be given precomputed."""
        timings: dict[str, float] = {}
        if sentences is None:
            with self._stage("segment", timings):
                sentences = segment_sources(sources)
        if not sentences:
            raise InputError("no article sentences found in the input (only page furniture?)")
        sources = mark_reports(sources, sentences)
        report_of = {s.id: s.report or s.id for s in sources}
        if vectors is None:
            with self._stage(f"embed {len(sentences)} sentences", timings, key="embed"):
                vectors = encode_distinct(self.embedder, [s.text for s in sentences])
        with self._stage("merge", timings):
            points, point_vectors = self.merger.merge(sentences, vectors, sources)
        with self._stage("rank", timings):
            scores = self.ranker.scores(points, point_vectors, sentences, vectors, report_of)
            chosen = self.ranker.select(points, point_vectors, scores, max_words, vectors)
        eligible = np.array([self.ranker.eligible(p) for p in points], dtype=bool)
        with self._stage("cluster", timings):
            labels = self.clusterer.cluster(point_vectors, scores, eligible)
            names = self.clusterer.name_sections(points, labels, scores, sentences)
        with self._stage("compare", timings):
            differences = self.comparer.differences(sentences, vectors, points, sources)
            importance = {k: float(scores[i]) for i, p in enumerate(points) for k in p.sentences}
            quotes = self.quoter.quotes(sentences, sources, importance)
            figures = key_figures(sentences, sources, importance)
        ranked: dict[int, list[RankedPoint]] = {}
        for rank, index in enumerate(chosen, start=1):
            point = points[index]
            support = supporting_sources(point, point_vectors[index], sentences, vectors, report_of)
            level = certainty(
                point, sentences, differences, report_of, support, self.speakers.claimant
            )
            entry = RankedPoint(rank, point, float(scores[index]), level)
            ranked.setdefault(int(labels[index]), []).append(entry)
        order = sorted(ranked, key=lambda c: ranked[c][0].rank)
        sections = tuple(Section(names[c], tuple(ranked[c])) for c in order)
        coverage = source_coverage(sources, points, labels, order, scores, eligible)
        title = choose_title(sources, [points[i] for i in chosen])
        stats = {"timings": timings, "sentences": len(sentences), "points": len(points)}
        return Briefing(
            title=title,
            sources=tuple(sources),
            sections=sections,
            omitted_points=int(eligible.sum()) - len(chosen),
            differences=tuple(differences),
            quotes=tuple(quotes),
            figures=tuple(figures),
            coverage=coverage,
            stats=stats,
        )

    @contextmanager
    def _stage(
        self, name: str, timings: dict[str, float], key: str | None = None
    ) -> Iterator[None]:
        if self.progress:
            self.progress(name)
        started = time.perf_counter()
        yield
        timings[key or name] = time.perf_counter() - started


def brief(
    paths: Paths,
    *,
    max_words: int | None = DEFAULT_MAX_WORDS,
    model: str = DEFAULT_MODEL,
    embedder: Embedder | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
    note: Callable[[str], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    allow_private: bool = False,
) -> Briefing:
    """Read the articles under `paths` (a list of paths, or one path) and return their briefing.

    `max_words` caps the words of all point texts together (None: no cap). `model` names the
    sentence-transformers model, or `embedder` replaces it outright. Embeddings of `model` are
    cached on disk (in `cache_dir`, default the user cache folder) unless `use_cache` is off.
    Inputs that cannot be used are reported to `warn` and left out (with `strict`, raised);
    advice such as "this article does not look English" goes to `note`, and so does every
    source whose cleaning kept half of its words or fewer (named with the rule that dropped
    most): it was still read, so it is news for the user, not a failed input. URLs on private,
    loopback or link-local addresses are fetched only with `allow_private`.
    """
    if max_words is not None and max_words < 1:
        raise InputError("--max-words must be at least 1")
    sources = load_sources(
        paths,
        max_bytes=max_bytes,
        warn=warn,
        strict=strict,
        note=note,
        allow_private=allow_private,
    )
    for source in sources:
        if note and (message := retention_note(source)):
            note(message)
    if embedder is None:
        embedder = default_embedder(model, cache_dir, use_cache, note)
    return Pipeline(embedder=embedder, progress=progress).run(sources, max_words)


def default_embedder(
    model: str = DEFAULT_MODEL,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    note: Callable[[str], None] | None = None,
    wrap: Callable[[Embedder], Embedder] | None = None,
) -> Embedder:
    """The model's embedder, behind the on-disk cache unless it is turned off; a cache that
    cannot be used is reported to `note`.

    The bundled model runs on ONNX Runtime (its export kept in `cache_dir` even when the
    embedding cache is off); any other model through sentence-transformers. Both give the
    bundled model the same vectors to about 1e-7, so they share cached vectors. `wrap` places
    the model where it runs (a digest engine's encoder); the cache stays here.
    """
    from synth.understand.cache import CachedEmbedder, default_cache_dir, model_fingerprint
    from synth.understand.embed import resolve_model
    from synth.understand.onnx_embed import BundledEmbedder

    embedder: Embedder
    if is_bundled(model):
        embedder = BundledEmbedder(model, cache_dir, note)
    else:
        embedder = SentenceTransformerEmbedder(model)
    if wrap is not None:
        embedder = wrap(embedder)
    if not use_cache:
        return embedder
    fingerprint = model_fingerprint(model, resolve_model(model))
    return CachedEmbedder(embedder, fingerprint, cache_dir or default_cache_dir(), note=note)
