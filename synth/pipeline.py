"""The pipeline: sources -> sentences -> embeddings -> points -> sections -> briefing.

Each stage is a small object handed in, so a caller can swap the embedder (tests use a fake),
the merger, the ranker or the clusterer. Stage timings are kept in `Briefing.stats`.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial

import numpy as np

from synth.compare.certainty import Reports, certainty, supporting_sources
from synth.compare.coverage import source_coverage
from synth.compare.differences import Comparer
from synth.compare.figures import key_figures
from synth.compare.quotes import QuoteFinder
from synth.compare.speakers import SpeakerFinder
from synth.compare.wording import worded_differences
from synth.core import (
    Briefing,
    Difference,
    InputError,
    Point,
    RankedPoint,
    Say,
    Section,
    Sentence,
    Source,
)
from synth.read.inventory import retention_note
from synth.read.segment import segment_sources
from synth.read.sources import DEFAULT_MAX_BYTES, Paths, load_sources
from synth.read.syndicate import mark_reports
from synth.stages import (
    ClusterStage,
    CompareStage,
    Embedder,
    MergeStage,
    QuoteStage,
    RankStage,
    Releasable,
    StandaloneJudge,
)
from synth.understand.answers import AnswerStore
from synth.understand.cluster import Clusterer
from synth.understand.embed import (
    DEFAULT_MODEL,
    SentenceTransformerEmbedder,
    encode_distinct,
    is_bundled,
)
from synth.understand.layout import (
    HEADING_WORDS,
    Layout,
    Layouter,
    differences_words,
    layout_order,
    layout_words,
    page_words,
    unnamed_first,
)
from synth.understand.merge import Merger
from synth.understand.names import introduce_names
from synth.understand.parser import rule_files, spacy_parser
from synth.understand.rank import Ranker
from synth.understand.standalone import ParsedJudge, confirm_standalone
from synth.understand.standalone.cut import cut_sentences
from synth.understand.standalone.people import PeopleJudge, introduce
from synth.understand.story import off_story_sources, on_story
from synth.write.headline import ParsedHeadline, choose_title

DEFAULT_MAX_WORDS = 350
# The most of `max_words` the differences ("Where sources differ") may take.
DIFFERENCES_SHARE = 0.4
# Words of the best points the headline is chosen from (about the lede's first two).
TITLE_WORDS = 60
# Candidates for the opening leads tried before the briefing opens on its best points instead,
# and how many leads open it at most.
EVENT_TRIES = 8
LEDE_LEADS = 3
# At most this many reports' own leads follow the lede (a wire archive's ten days fit; a
# story of a hundred outlets does not fill its budget with leads, nor judge them all), from
# at most `EVENT_TRIES` times as many candidates.
REPORT_LEADS = 8
# What a lead may leave to its own words or to what the world knows ("the basis of the
# religion" in a sentence that names the church); a pronoun, a scene with no one named or a
# quote with no speaker it may not.
LEAD_PROBLEMS_BORNE = frozenset([None, "definite_description"])
# A lead this close in meaning to one the lede opens on tells the same thing again.
LEAD_REPEAT = 0.6
# Lay-outs at most after points were told who a person is or left out (`Pipeline._introduce_roles`):
# each lay-out may show points not walked yet.
INTRODUCE_ROUNDS = 3
PAGE_SHARE = 1.25  # the whole page's words against --max-words, marks and title included


@dataclass(frozen=True)
class Material:
    """What the stages after merging share: the sources, their sentences and points."""

    sources: Sequence[Source]
    sentences: Sequence[Sentence]
    vectors: np.ndarray
    points: Sequence[Point]
    point_vectors: np.ndarray

    @property
    def report_of(self) -> dict[int, int]:
        """Source id -> the id of the independent report it belongs to."""
        return {s.id: s.report or s.id for s in self.sources}


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
    judge: StandaloneJudge = field(default_factory=lambda: ParsedJudge(load=spacy_parser))
    # Writes the title from the top point when no source has a headline (`synth.write.headline`).
    headlines: Callable[[str], str] = field(
        default_factory=lambda: ParsedHeadline(load=spacy_parser)
    )
    progress: Say | None = None
    # Where notes for the user go (stderr in the command line): an article left out as being
    # about another story.
    note: Say | None = None
    # One briefing per process (`brief`): the model's memory is handed back once the sentences
    # are encoded, once the headlines are (the parser then judges points) and once the
    # headings are (the parser then finds speakers), so activations and parser never add up.
    release_model: bool = False

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
        if vectors is None:
            with self._stage(f"embed {len(sentences)} sentences", timings, key="embed"):
                vectors = encode_distinct(self.embedder, [s.text for s in sentences])
        self._release()
        with self._stage("merge", timings):
            points, point_vectors = self.merger.merge(sentences, vectors, sources)
            points = self._on_story(points, sentences, vectors, sources)
        material = Material(sources, sentences, vectors, points, point_vectors)
        with self._stage("compare", timings):
            found = self.comparer.differences(sentences, vectors, points, sources)
            differences = worded_differences(found)
            shown = fit_differences(differences, max_words)
        with self._stage("rank", timings):
            scores = self.ranker.scores(
                points, point_vectors, sentences, vectors, material.report_of
            )
            points, title = self._judge(material, scores, max_words)
            material = replace(material, points=points)
            eligible = np.array([self.ranker.eligible(p) for p in points], dtype=bool)
            labels = self.clusterer.cluster(point_vectors, scores, eligible)
        with self._stage("cluster", timings):
            fitted = partial(self._lay_out, scores=scores, labels=labels, max_words=max_words)
            layout, names = fitted(material, eligible=eligible, shown=shown, every=differences)
            # at most INTRODUCE_ROUNDS lay-outs: a point that a last lay-out brings in may
            # still name someone without a role (accepted: each round shows fewer of them)
            for _ in range(INTRODUCE_ROUNDS):
                introduced = self._introduce_roles(material, layout, title)
                if not introduced:
                    break
                material = replace(material, points=introduced)
                eligible = np.array([self.ranker.eligible(p) for p in introduced], dtype=bool)
                layout, names = fitted(material, eligible=eligible, shown=shown, every=differences)
            points = tuple(material.points)
        self._release()
        with self._stage("quotes", timings):
            importance = {k: float(scores[i]) for i, p in enumerate(points) for k in p.sentences}
            quotes = tuple(self.quoter.quotes(sentences, sources, importance))
            figures = tuple(key_figures(sentences, sources, importance))
        briefing = self._place(material, layout, names, scores, eligible, differences, title)
        stats = {"timings": timings, "sentences": len(sentences), "points": len(points)}
        return replace(briefing, differences=shown, quotes=quotes, figures=figures, stats=stats)

    def _release(self) -> None:
        """Hand back the model's memory before the parser runs (see `release_model`)."""
        if self.release_model and isinstance(self.embedder, Releasable):
            self.embedder.release()

    def _judge(
        self, material: Material, scores: np.ndarray, max_words: int | None
    ) -> tuple[tuple[Point, ...], str]:
        """The points with those a reader could not follow marked, and the headline.

        The headline is chosen first, from the best points that stand alone without it (the
        points it is written from, or is nearest to, open the briefing); then every point is
        judged as the reader meets it, under that headline.
        """
        points, sentences = material.points, material.sentences
        cut = cut_sentences(material.sources, sentences)
        named = getattr(self.judge, "antecedent", None)
        alone = confirm_standalone(
            points,
            scores,
            sentences,
            self.judge.problem,
            TITLE_WORDS,
            self.judge.prepare,
            cut,
            named,
        )
        leads = self._leads(replace(material, points=alone), scores)
        opening = self.ranker.select(
            alone, material.point_vectors, scores, TITLE_WORDS, first=leads
        )
        title = choose_title(
            material.sources,
            [alone[i] for i in opening],
            material.point_vectors[opening],
            self.embedder,
            self.headlines,
        )
        self._release()  # the source headlines were encoded to choose the title
        known = self.judge.nouns(title)
        judged = confirm_standalone(
            points,
            scores,
            sentences,
            partial(self.judge.problem, known=known),
            max_words,
            partial(self.judge.prepare, known=known),
            cut,
            named,
        )
        return judged, title

    def _on_story(
        self,
        points: Sequence[Point],
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        sources: Sequence[Source],
    ) -> tuple[Point, ...]:
        """The points, those only articles about another story tell marked as not shown
        (`synth.understand.story`), with a note naming those articles."""
        off = off_story_sources(sentences, vectors)
        if self.note:
            for source in sources:
                if source.id in off:
                    self.note(f"{source.path}: about another story than the others; not shown")
        return on_story(points, off)

    def _lay_out(
        self,
        material: Material,
        scores: np.ndarray,
        eligible: np.ndarray,
        labels: np.ndarray,
        max_words: int | None,
        shown: Sequence[Difference],
        every: Sequence[Difference],
    ) -> tuple[Layout, dict[int, str | None]]:
        """The points laid out in `max_words` with the `shown` differences, and their
        sections' headings. Headings left out leave their words to points: the page is laid
        out again with them (and `every` difference), kept if its body, headings as written,
        still reads in `max_words`."""
        layout = self._fit(material, scores, eligible, labels, max_words, shown)
        counted = len(layout.sections)  # the headings `_fit` counted words for
        layout, names = self._name(material, layout, scores)
        spare = unused_heading_words(counted, names)
        if max_words is not None and spare >= getattr(self.ranker, "min_point_words", 0):
            wider = max_words + spare
            again = self._fit(material, scores, eligible, labels, wider, every)
            again, renamed = self._name(material, again, scores)
            if body_words(again, renamed, material.points, every) <= max_words:
                return again, renamed
        return layout, names

    def _introduce_roles(self, material: Material, layout: Layout, title: str) -> tuple[Point, ...]:
        """The points with a person the reader meets first without a role told who they are,
        or left out (`people.introduce`); empty when none changes, or the judge cannot say."""
        judge = self.judge
        if not isinstance(judge, PeopleJudge):
            return ()
        order = [*layout.lede, *(i for s in layout.sections for i in s)]
        changed = introduce(order, layout.lede, material.points, material.sentences, title, judge)
        if not changed:
            return ()
        return tuple(changed.get(i, p) for i, p in enumerate(material.points))

    def _fit(
        self,
        material: Material,
        scores: np.ndarray,
        eligible: np.ndarray,
        labels: np.ndarray,
        max_words: int | None,
        differences: Sequence[Difference],
    ) -> Layout:
        """Points chosen and laid out so that the main body (point texts, section headings,
        differences) reads in `max_words` words, and the whole Markdown page (marks and title
        too) in `PAGE_SHARE` times that: the points' budget shrinks until both fit, but never
        below the top point's words (a briefing always shows its top point)."""
        budget = body_budget(max_words, differences)
        floor = top_point_words(material.points, scores, eligible)
        if budget is not None:
            budget = max(budget, floor)
        layouter = Layouter(self.ranker)
        leads = self._leads(material, scores)
        leads = leads + self._report_leads(material, scores, leads)
        while True:
            chosen = self.ranker.select(
                material.points,
                material.point_vectors,
                scores,
                budget,
                material.vectors,
                first=leads,
            )
            layout = layouter.lay_out(
                chosen,
                labels,
                material.points,
                material.point_vectors,
                scores,
                eligible,
                budget,
                material.vectors,
            )
            if max_words is None or budget is None or budget <= 0:
                return layout
            body = layout_words(layout, material.points, differences) - max_words
            page = page_words(layout, material.points, differences) - PAGE_SHARE * max_words
            excess = max(body, math.ceil(page))
            if excess <= 0 or budget <= floor:
                return layout
            budget = max(budget - excess, floor)

    def _events(self, material: Material, scores: np.ndarray) -> list[int]:
        """The points that may state what happened, most likely first (`Ranker.events`)."""
        return self.ranker.events(
            material.points,
            material.point_vectors,
            material.sentences,
            material.vectors,
            material.report_of,
            scores,
        )

    def _leads(self, material: Material, scores: np.ndarray) -> list[int]:
        """The points the briefing opens on, in order: of the points that may state what
        happened (`Ranker.events`), the first `LEDE_LEADS` that a reader can follow as the
        page's first sentences, without their article: judged as later sentences would be
        (`LEAD_PROBLEMS_BORNE`), since an article's own lead may lean on its headline or open
        on a scene ("You wake up covered in hives"). The first is the event; the others are
        other articles' leads, which say what happened next or beside it more plainly than
        their later sentences."""
        candidates = self._events(material, scores)
        leads: list[int] = []
        vectors = material.point_vectors
        for index in candidates[:EVENT_TRIES]:
            if len(leads) == LEDE_LEADS:
                break
            if leads and float(np.max(vectors[leads] @ vectors[index])) >= LEAD_REPEAT:
                continue  # another outlet's words for the event: the lede says it once
            if self.judge.problem(material.points[index].text) in LEAD_PROBLEMS_BORNE:
                leads.append(index)
        return leads

    def _report_leads(
        self, material: Material, scores: np.ndarray, leads: Sequence[int]
    ) -> list[int]:
        """After the lede, one lead per independent report the lede does not cite, most
        supported first: each report tells what it adds in its own first sentences (on
        newswire, each day's development), which a reader follows more easily than a later
        sentence ranked for centrality."""
        candidates = self._events(material, scores)
        covered = {material.report_of.get(s, s) for i in leads for s in material.points[i].sources}
        more: list[int] = []
        for index in candidates[: EVENT_TRIES * REPORT_LEADS]:
            if len(more) == REPORT_LEADS:
                break
            reports = {material.report_of.get(s, s) for s in material.points[index].sources}
            if index in leads or reports <= covered:
                continue
            if self.judge.problem(material.points[index].text) in LEAD_PROBLEMS_BORNE:
                more.append(index)
                covered |= reports
        return more

    def _name(
        self, material: Material, layout: Layout, scores: np.ndarray
    ) -> tuple[Layout, dict[int, str | None]]:
        """Headings for the layout's sections, each fitting the points it stands over; the
        sections no heading fits become one section without a heading that goes on from the
        lede (`unnamed_first`)."""
        order = [int(layout.labels[s[0]]) for s in layout.sections]
        names = self.clusterer.name_sections(
            material.points,
            layout.labels,
            scores,
            material.sentences,
            material.point_vectors,
            self.embedder,
            order,
            layout.sections,
        )
        layout = unnamed_first(layout, {c for c in order if not names[c]})
        return layout, {c: names.get(c) or None for c in layout_order(layout)}

    def _place(
        self,
        material: Material,
        layout: Layout,
        names: dict[int, str | None],
        scores: np.ndarray,
        eligible: np.ndarray,
        differences: tuple[Difference, ...],
        title: str,
    ) -> Briefing:
        """The briefing of a named layout: ranks, certainty and coverage, under `title`."""
        points, sentences, report_of = material.points, material.sentences, material.report_of
        rank_of = {index: rank for rank, index in enumerate(layout.order, start=1)}
        reports = Reports.of(material.sources, sentences)
        reading = [*layout.lede, *(i for s in layout.sections for i in s)]
        named = self._introduce_names(material, reading, title)

        def placed(index: int) -> RankedPoint:
            point = named.get(index, points[index])
            support = supporting_sources(
                point, material.point_vectors[index], sentences, material.vectors, report_of
            )
            level = certainty(
                point, sentences, differences, reports, support, self.speakers.claimant
            )
            return RankedPoint(rank_of[index], point, float(scores[index]), level)

        section_ids = [int(layout.labels[s[0]]) for s in layout.sections]
        sections = tuple(
            Section(names[c], tuple(placed(i) for i in s))
            for c, s in zip(section_ids, layout.sections, strict=True)
        )
        coverage = source_coverage(
            material.sources, points, layout.labels, section_ids, scores, eligible
        )
        return Briefing(
            title=title,
            sources=tuple(material.sources),
            sections=sections,
            omitted_points=int(eligible.sum()) - len(layout.order),
            differences=differences,
            coverage=coverage,
            lede=tuple(placed(i) for i in layout.lede),
        )

    def _introduce_names(
        self, material: Material, reading: Sequence[int], title: str
    ) -> dict[int, Point]:
        """The points, in `reading` order under `title`, whose surname alone is written with
        the full name at its first mention (`introduce_names`), by index; none without a
        judge that reads people off the parse."""
        entities = getattr(self.judge, "entities", None)
        if entities is None:
            return {}
        points, sentences = material.points, material.sentences
        texts = [(points[i].text, sentences[points[i].sentences[0]].source) for i in reading]
        made = introduce_names(texts, title, sentences, entities)
        return {
            i: replace(points[i], text=text)
            for i, (text, repair) in zip(reading, made, strict=True)
            if repair is not None
        }

    @contextmanager
    def _stage(
        self, name: str, timings: dict[str, float], key: str | None = None
    ) -> Iterator[None]:
        if self.progress:
            self.progress(name)
        started = time.perf_counter()
        yield
        timings[key or name] = time.perf_counter() - started


def fit_differences(
    differences: Sequence[Difference], max_words: int | None
) -> tuple[Difference, ...]:
    """The differences shown: within `DIFFERENCES_SHARE` of `max_words`, those that the most
    sources take part in first (then the first found), in their own order. Thousands of
    articles can differ in hundreds of ways; the points must keep most of the budget."""
    if max_words is None:
        return tuple(differences)
    allowed = DIFFERENCES_SHARE * max_words
    order = sorted(
        range(len(differences)),
        key=lambda i: (-len({s for v in differences[i].variants for s in v.sources}), i),
    )
    kept: list[int] = []
    for index in order:
        if differences_words([differences[k] for k in [*kept, index]]) <= allowed:
            kept.append(index)
    return tuple(differences[i] for i in sorted(kept))


def top_point_words(points: Sequence[Point], scores: np.ndarray, eligible: np.ndarray) -> int:
    """Words of the point the ranker picks first (the best eligible one); 0 when none is."""
    if not len(points) or not eligible.any():
        return 0
    best = int(np.argmax(np.where(eligible, scores, -np.inf)))
    return len(points[best].text.split())


def body_words(
    layout: Layout,
    names: dict[int, str | None],
    points: Sequence[Point],
    differences: Sequence[Difference],
) -> int:
    """Words of the main body as written: point texts, the headings written, differences."""
    texts = sum(len(points[i].text.split()) for i in layout.order)
    headings = sum(len(name.split()) for name in names.values() if name)
    return texts + headings + differences_words(differences)


def unused_heading_words(sections: int, names: dict[int, str | None]) -> int:
    """Words the page counted for the headings of its `sections` (`HEADING_WORDS` each, as
    `layout_words` does before headings are written) that the written headings do not use: a
    section without one uses none."""
    written = sum(len(name.split()) for name in names.values() if name)
    return max(HEADING_WORDS * sections - written, 0)


def body_budget(max_words: int | None, differences: Sequence[Difference]) -> int | None:
    """Words left for points once the differences, also read in the main body, are counted."""
    if max_words is None:
        return None
    return max(max_words - differences_words(differences), 0)


def brief(
    paths: Paths,
    *,
    max_words: int | None = DEFAULT_MAX_WORDS,
    model: str = DEFAULT_MODEL,
    embedder: Embedder | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    progress: Say | None = None,
    warn: Say | None = None,
    note: Say | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    allow_private: bool = False,
) -> Briefing:
    """Read the articles under `paths` (a list of paths, or one path) and return their briefing.

    `max_words` caps the words of all point texts together (None: no cap). `model` names the
    sentence-transformers model, or `embedder` replaces it outright. Embeddings of `model` are
    cached on disk (in `cache_dir`, default the user cache folder) unless `use_cache` is off,
    and so are the speakers found for quotes.
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
    pipeline = make_pipeline(
        embedder,
        cache_dir=cache_dir,
        use_cache=use_cache,
        note=note,
        progress=progress,
        release_model=True,  # one briefing per process
    )
    return pipeline.run(sources, max_words)


def make_pipeline(
    embedder: Embedder,
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    note: Say | None = None,
    progress: Say | None = None,
    release_model: bool = False,
) -> Pipeline:
    """The pipeline as `synth brief` runs it, for every command and bench that briefs
    (`brief`, `digest`, `eval`, `bench/stages.py`): one speaker finder for the quotes and the
    certainty of claims, and the parser's answers (speakers, standalone judgements,
    headlines) kept beside the embedding cache unless `use_cache` is off. `release_model`
    hands the model's memory back between stages (see `Pipeline.release_model`): for one
    briefing per process, not for a run of many (`digest`, `eval`)."""
    finder, judge = default_parsers(cache_dir, use_cache, note)
    return Pipeline(
        embedder=embedder,
        quoter=QuoteFinder(speakers=finder),
        speakers=finder,
        judge=judge,
        headlines=default_headlines(cache_dir, use_cache, note),
        progress=progress,
        note=note,
        release_model=release_model,
    )


def default_parsers(
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    note: Say | None = None,
) -> tuple[SpeakerFinder, ParsedJudge]:
    """The speaker finder and the standalone judge, their answers kept beside the embedding
    cache unless it is off (then every answer is read from the parse again)."""
    if not use_cache:
        return SpeakerFinder(), ParsedJudge(load=spacy_parser)
    from synth.compare.speakers import finder_fingerprint
    from synth.understand.cache import default_cache_dir

    rules = ["synth.understand.standalone", "synth.lang.en", "synth.understand.parser"]
    judged = parser_store(cache_dir, rule_files(rules), note)
    finder_store = AnswerStore(cache_dir or default_cache_dir(), finder_fingerprint, note)
    return SpeakerFinder(store=finder_store), ParsedJudge(load=spacy_parser, store=judged)


def parser_store(
    cache_dir: str | os.PathLike[str] | None,
    rules: Sequence[str],
    note: Say | None = None,
) -> AnswerStore:
    """A store of answers read from the parse by the rules in the files `rules`, beside the
    embedding cache: the parser and those files name what it holds."""
    from synth.understand.cache import default_cache_dir
    from synth.understand.parser import parser_fingerprint

    folder = cache_dir or default_cache_dir()
    return AnswerStore(folder, lambda: parser_fingerprint(rules), note)


def default_headlines(
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    note: Say | None = None,
) -> ParsedHeadline:
    """The title writer that reads the parse, its headlines kept beside the embedding cache
    unless it is off (a run whose headlines are all kept never loads spaCy)."""
    if not use_cache:
        return ParsedHeadline(load=spacy_parser)
    rules = [  # the headline rules, the verb test they use, how the parser is loaded
        "synth.write.headline",
        "synth.lang.en",
        "synth.understand.standalone.shape",
        "synth.understand.parser",
    ]
    store = parser_store(cache_dir, rule_files(rules), note)
    return ParsedHeadline(load=spacy_parser, store=store)


def default_embedder(
    model: str = DEFAULT_MODEL,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    note: Say | None = None,
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
