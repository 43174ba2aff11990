"""A feed in, one briefing per story out: read -> segment -> embed -> group -> brief -> write.

Reading, grouping and writing run in this process; segmenting, embedding and the per-story
briefings run on an engine (`synth.engines`): in the process by default, or on Ray. A story's
briefing is exactly what `synth brief` makes of that story's articles: its sources are numbered
1.. in path order, as `brief` numbers them, and the pipeline is the same.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np

from synth.core import Briefing, Say, Sentence, Source, Story, SynthError
from synth.engines import Engine, LocalEngine
from synth.pipeline import DEFAULT_MAX_WORDS, default_embedder, make_pipeline
from synth.read.dates import parse_date
from synth.read.segment import segment_sources
from synth.read.sources import DEFAULT_MAX_BYTES, input_files, load_sources
from synth.read.syndicate import mark_reports, report_count
from synth.stages import Embedder
from synth.understand.briefings import (
    BriefingStore,
    KeptStore,
    briefing_key,
    code_fingerprint,
    templates_fingerprint,
)
from synth.understand.cache import default_cache_dir
from synth.understand.embed import DEFAULT_MODEL, finite_vectors
from synth.understand.stories import StoryGrouper
from synth.write.digest_files import (
    INDEX_FILES,
    DigestFolder,
    index_data,
    render_index,
    shown_headlines,
    story_files,
)
from synth.write.follow import Previous, StoryPage, follow, follow_entry, load_previous, run_date
from synth.write.formats import OutputFormat
from synth.write.render import render

SEGMENT_CHUNK = 64
# Where a digest keeps the segmentation and grouping of a feed it read (beside the briefings).
FEED_FOLDER = "feeds-v1"
# Where it keeps each story's rendered files, by briefing and page.
PAGES_FOLDER = "pages-v1"


@dataclass(frozen=True)
class StoryJob:
    """One story's articles, renumbered as `brief` would number them, with their vectors."""

    stem: str
    sources: tuple[Source, ...]
    sentences: tuple[Sentence, ...]
    vectors: np.ndarray = field(compare=False, repr=False)
    max_words: int | None = DEFAULT_MAX_WORDS
    embedder: Embedder | None = field(default=None, compare=False, repr=False)
    # Where the parser's answers are kept (`make_pipeline`); None with use_cache: the default.
    cache_dir: str | os.PathLike[str] | None = None
    use_cache: bool = True
    page: StoryPage = field(default_factory=StoryPage)


@dataclass(frozen=True)
class StoryFiles:
    """A story's briefing, rendered in every format (rendered where the briefing was made)."""

    stem: str
    briefing: Briefing
    texts: dict[str, str]


@dataclass
class Feed:
    """The feed as read and embedded: sources, their sentences and sentence vectors."""

    sources: tuple[Source, ...]
    sentences: tuple[Sentence, ...]
    vectors: np.ndarray
    timings: dict[str, float] = field(default_factory=dict)


def read_feed(
    paths: Sequence[str | os.PathLike[str]],
    engine: Engine,
    embedder: Embedder,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warn: Say | None = None,
    note: Say | None = None,
    say: Say | None = None,
    allow_private: bool = False,
    store: KeptStore | None = None,
) -> Feed:
    """Read every article, segment them on the engine (unless `store` keeps the sentences of
    these very articles), embed every sentence. URLs on private addresses are fetched only
    with `allow_private`."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    sources = load_sources(
        paths,
        max_bytes=max_bytes,
        warn=warn,
        note=note,
        allow_private=allow_private,
        kept=store,
    )
    timings["read"] = time.perf_counter() - started
    skipped = sum(1 for s in sources if s.skipped)
    _tell(say, f"read {_count(len(sources), 'document')} ({skipped} not articles)")
    started = time.perf_counter()
    key = kept_key("sentences", repr(sources))
    sentences = kept_sentences(store.read(key)) if store else None
    if sentences is None:
        parts = [sources[i : i + SEGMENT_CHUNK] for i in range(0, len(sources), SEGMENT_CHUNK)]
        pieces = [s for part in engine.map(segment_sources, parts) for s in part]
        sentences = tuple(replace(s, id=i) for i, s in enumerate(pieces))
        if store:
            store.write(key, sentences)
    timings["segment"] = time.perf_counter() - started
    _tell(say, f"embedding {_count(len(sentences), 'sentence')}")
    started = time.perf_counter()
    vectors = finite_vectors(embedder.encode([s.text for s in sentences]), embedder.name)
    timings["embed"] = time.perf_counter() - started
    return Feed(sources, sentences, vectors, timings)


def kept_key(kind: str, *parts: str, vectors: np.ndarray | None = None) -> str:
    """The name of a kept segmentation or grouping: its kind, what it is made from (`parts`,
    `vectors`) and synth's code."""
    empty = np.zeros((0, 0), dtype=np.float32)
    return briefing_key(
        code_fingerprint(), kind, parts, empty if vectors is None else vectors, None, ""
    )


def kept_sentences(found: object) -> tuple[Sentence, ...] | None:
    """A kept segmentation, if `found` is one (a tuple of sentences numbered 0..)."""
    if not isinstance(found, tuple):
        return None
    if not all(isinstance(s, Sentence) and s.id == i for i, s in enumerate(found)):
        return None
    return found


def kept_groups(found: object) -> tuple[tuple[int, ...], ...] | None:
    """A kept grouping, if `found` is one (tuples of source ids)."""
    if not isinstance(found, tuple) or not all(isinstance(g, tuple) for g in found):
        return None
    if not all(isinstance(i, int) for g in found for i in g):
        return None
    return found


def group_feed(
    feed: Feed, grouper: StoryGrouper, store: KeptStore | None
) -> tuple[tuple[int, ...], ...]:
    """The feed's articles grouped into stories, read from `store` when it keeps the grouping
    of these very articles, sentences and vectors by these settings."""
    key = kept_key("groups", repr(grouper), repr(feed.sources), vectors=feed.vectors)
    groups = kept_groups(store.read(key)) if store else None
    if groups is None:
        groups = tuple(tuple(g) for g in grouper.group(feed.sources, feed.sentences, feed.vectors))
        if store:
            store.write(key, groups)
    return groups


def story_jobs(
    feed: Feed,
    groups: Sequence[Sequence[int]],
    max_words: int | None,
    embedder: Embedder | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    *,
    reports: Sequence[int] | None = None,
) -> list[StoryJob]:
    """Each group as `brief` would see it, ordered by independent reports, most first, then
    by its latest publication date, newest first; `embedder` encodes what a briefing embeds
    besides sentences (heading phrases, headlines), and the parser's answers are kept in
    `cache_dir` unless `use_cache` is off.

    Ties go to the story with more articles, then to the one whose first path sorts first,
    so the order (and the file names) depend on the articles only. `reports` may give each
    group's count of independent reports (`report_counts`), else it is counted here.
    """
    by_source = sentences_by_source(feed)
    sources = {s.id: s for s in feed.sources}
    drafts = []
    for number, group in enumerate(groups):
        members, renumbered, sentences, rows = story_material(group, sources, by_source)
        if reports is None:
            count = report_count(mark_reports(renumbered, sentences))
        else:
            count = reports[number]
        key = (-count, -_latest(members), -len(members), members[0].path)
        drafts.append((key, renumbered, tuple(sentences), feed.vectors[rows]))
    drafts.sort(key=lambda d: d[0])
    width = max(3, len(str(len(drafts))))
    return [
        StoryJob(
            f"story-{rank:0{width}d}",
            members,
            sentences,
            vectors,
            max_words,
            embedder,
            cache_dir,
            use_cache,
        )
        for rank, (_, members, sentences, vectors) in enumerate(drafts, start=1)
    ]


def sentences_by_source(feed: Feed) -> dict[int, list[Sentence]]:
    """The feed's sentences of each source id, in order."""
    by_source: dict[int, list[Sentence]] = {}
    for sentence in feed.sentences:
        by_source.setdefault(sentence.source, []).append(sentence)
    return by_source


def story_material(
    group: Sequence[int], sources: dict[int, Source], by_source: dict[int, list[Sentence]]
) -> tuple[list[Source], tuple[Source, ...], list[Sentence], list[int]]:
    """A group's sources in path order, renumbered 1.. as `brief` numbers them, their
    sentences renumbered to match, and those sentences' rows in the feed."""
    members = sorted((sources[i] for i in group), key=lambda s: s.path)
    renumbered = tuple(replace(s, id=n) for n, s in enumerate(members, start=1))
    rows: list[int] = []
    sentences: list[Sentence] = []
    for new, old in zip(renumbered, members, strict=True):
        for s in by_source.get(old.id, []):
            sentences.append(replace(s, id=len(sentences), source=new.id))
            rows.append(s.id)
    return members, renumbered, sentences, rows


def report_counts(
    feed: Feed, groups: Sequence[Sequence[int]], store: KeptStore | None
) -> list[int] | None:
    """Each group's count of independent reports (wire copies of one report count once), as
    `story_jobs` counts them, kept in `store` for these articles and groups; None without a
    store (`story_jobs` counts them)."""
    if store is None:
        return None
    key = store.key("reports", repr(feed.sources), repr(groups))
    found = store.read(key)
    if (
        isinstance(found, tuple)
        and len(found) == len(groups)
        and all(isinstance(n, int) for n in found)
    ):
        return list(found)
    by_source = sentences_by_source(feed)
    sources = {s.id: s for s in feed.sources}
    counts = []
    for group in groups:
        _, renumbered, sentences, _ = story_material(group, sources, by_source)
        counts.append(report_count(mark_reports(renumbered, sentences)))
    store.write(key, tuple(counts))
    return counts


def _latest(sources: Sequence[Source]) -> int:
    """The latest publication date of `sources` as a day number (0 when none is known)."""
    dates = [d for s in sources if (d := parse_date(s.published))]
    return date.fromisoformat(max(dates)).toordinal() if dates else 0


def follow_jobs(
    jobs: Sequence[StoryJob], previous: Previous | None, model: str | None
) -> tuple[list[StoryJob], dict[str, dict[str, Any]]]:
    """Each job with its story page (matched to the `previous` run's stories), and what
    `digest.json` records of each story so that the next run can follow it."""
    followed, entries = [], {}
    for job in jobs:
        page = follow(job.sources, job.vectors, previous, model)
        followed.append(replace(job, page=page))
        entries[job.stem] = follow_entry(page, job.sources, job.vectors)
    return followed, entries


def brief_story(job: StoryJob) -> StoryFiles:
    """The story's briefing, as `synth brief` makes it (`make_pipeline`), rendered in every
    format. Its sentences come embedded; the job's embedder encodes the heading phrases and
    headlines."""
    pipeline = make_pipeline(
        job.embedder or _NoEmbedder(), cache_dir=job.cache_dir, use_cache=job.use_cache
    )
    briefing = pipeline.run(job.sources, job.max_words, job.sentences, job.vectors)
    return render_story(job.stem, replace(briefing, stats={}), job.page)


@dataclass
class DigestRun:
    """What `digest` made: the stories in order and the feed's articles left apart."""

    stories: list[Story]
    alone: list[Source]
    skipped: list[Source]
    failed: list[str]
    timings: dict[str, float]
    follows: dict[str, dict[str, Any]] = field(default_factory=dict)
    run: dict[str, Any] = field(default_factory=dict)


def make_digest(
    paths: Sequence[str | os.PathLike[str]],
    *,
    engine: Engine | None = None,
    max_words: int | None = DEFAULT_MAX_WORDS,
    model: str = DEFAULT_MODEL,
    embedder: Embedder | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    min_articles: int = 2,
    grouper: StoryGrouper | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warn: Say | None = None,
    note: Say | None = None,
    say: Say | None = None,
    on_plan: Callable[[list[str]], None] | None = None,
    on_story: Callable[[StoryFiles], None] | None = None,
    allow_private: bool = False,
    previous: Previous | None = None,
    on_done: Callable[[int, int], None] | None = None,
) -> DigestRun:
    """Group the articles under `paths` into stories and brief each story.

    `on_plan` receives the stories' file stems once they are known, before any briefing;
    `on_story` each story's rendered files as soon as they are ready, in story order, and
    `on_done` the count of stories briefed so far and their total. A story whose briefing
    fails is reported to `warn` and left out. With a `previous` run, each story is matched
    to its stories (`synth.write.follow`): its page says what is new since.
    """
    if min_articles < 1:
        raise SynthError("--min-articles must be at least 1")
    engine = engine or LocalEngine()
    if embedder is not None:
        inner = engine.encoder(embedder)
    else:
        inner = default_embedder(model, cache_dir, use_cache, note=note, wrap=engine.encoder)
    folder = cache_dir or default_cache_dir()
    kept = KeptStore(folder, note, FEED_FOLDER) if use_cache else None
    feed = read_feed(
        paths,
        engine,
        inner,
        max_bytes=max_bytes,
        warn=warn,
        note=note,
        say=say,
        allow_private=allow_private,
        store=kept,
    )
    started = time.perf_counter()
    groups = group_feed(feed, grouper or StoryGrouper(), kept)
    feed.timings["group"] = time.perf_counter() - started
    stories = [g for g in groups if len(g) >= min_articles]
    placed = {i for g in stories for i in g}
    alone = [s for s in feed.sources if not s.skipped and s.id not in placed]
    found = _count(len(stories), "story", "stories")
    _tell(say, f"found {found} ({_count(len(alone), 'article')} in none)")
    namer = embedder if embedder is not None else default_embedder(model, cache_dir, use_cache)
    model_name = getattr(inner, "name", None)
    jobs, follows = follow_jobs(
        story_jobs(
            feed,
            stories,
            max_words,
            namer,
            cache_dir,
            use_cache,
            reports=report_counts(feed, stories, kept),
        ),
        previous,
        model_name,
    )
    if on_plan:
        on_plan([job.stem for job in jobs])
    started = time.perf_counter()
    made: list[Story] = []
    failed: list[str] = []
    _tell(say, f"writing {_count(len(jobs), 'briefing')}")
    store = BriefingStore(folder, note) if use_cache else None
    results = kept_or_briefed(jobs, engine, store, on_done)
    for job, result in zip(jobs, results, strict=True):
        if isinstance(result, str):
            failed.append(f"{job.stem}: {result}")
            if warn:
                warn(f"{job.stem}: no briefing ({result})")
            continue
        if on_story:
            on_story(result)
        made.append(Story(len(made) + 1, result.stem, result.briefing))
        follows[job.stem]["new_points"] = [p.rank for p in job.page.new_points(result.briefing)]
    feed.timings["brief"] = time.perf_counter() - started
    skipped = [s for s in feed.sources if s.skipped]
    run = {"date": run_date(), "model": model_name, "since": previous.date if previous else None}
    return DigestRun(made, alone, skipped, failed, feed.timings, follows, run)


def job_key(job: StoryJob) -> str:
    """The name of the job's briefing in the `BriefingStore`: its articles, sentences and
    vectors, the word budget, the embedder of heading phrases and synth's code."""
    embedder = job.embedder
    described = "none"
    if embedder is not None:
        described = f"{type(embedder).__name__}:{embedder.name}"
        described += f":{getattr(embedder, 'fingerprint', '')}"
    return briefing_key(
        code_fingerprint(), job.sources, job.sentences, job.vectors, job.max_words, described
    )


def kept_or_briefed(
    jobs: Sequence[StoryJob],
    engine: Engine,
    store: BriefingStore | None,
    done: Callable[[int, int], None] | None = None,
) -> Iterator[StoryFiles | str]:
    """Each job's files, in job order: a briefing kept in `store` is only rendered (no model,
    no parser), the others are briefed on the engine and kept. `done` hears the count so far."""
    keys = [job_key(job) if store else "" for job in jobs]
    kept = [store.read(key) if store else None for key in keys]
    pages = KeptStore(store.folder.parent, store.note, PAGES_FOLDER) if store else None
    todo = [job for job, briefing in zip(jobs, kept, strict=True) if briefing is None]
    ready = len(jobs) - len(todo)

    def progress(count: int, _total: int) -> None:
        if done:
            done(ready + count, len(jobs))

    if done and ready:
        done(ready, len(jobs))
    briefed = engine.map(_attempt, todo, done=progress) if todo else iter(())
    for job, key, briefing in zip(jobs, keys, kept, strict=True):
        if briefing is not None:
            yield kept_page(job, key, briefing, pages)
            continue
        result = next(briefed)
        if store and pages and not isinstance(result, str):
            store.write(key, result.briefing)
            pages.write(page_key(job, key), result.texts)
        yield result


def page_key(job: StoryJob, briefing_key: str) -> str:
    """The name of a story's rendered files: its briefing's key, its page, the templates."""
    return kept_key("pages", briefing_key, repr(job.page), templates_fingerprint())


def kept_page(job: StoryJob, key: str, briefing: Briefing, pages: KeptStore | None) -> StoryFiles:
    """A kept briefing's files: read from `pages` when kept for this page, else rendered (and
    kept)."""
    name = page_key(job, key)
    texts = pages.read(name) if pages else None
    formats = {f.value for f in OutputFormat}
    if (
        isinstance(texts, dict)
        and set(texts) == formats
        and all(isinstance(t, str) for t in texts.values())
    ):
        return StoryFiles(job.stem, briefing, texts)
    files = render_story(job.stem, briefing, job.page)
    if pages:
        pages.write(name, files.texts)
    return files


def render_story(stem: str, briefing: Briefing, page: StoryPage) -> StoryFiles:
    """A story's files from its briefing, in every format."""
    texts = {f.value: render(briefing, f.value, page=page) for f in OutputFormat}
    return StoryFiles(stem, briefing, texts)


def _attempt(job: StoryJob) -> StoryFiles | str:
    """A story's files, or why it has none: one story's failure, whatever it is (a bug
    included), does not end the digest. Only an interrupt or the process ending stops it."""
    try:
        return brief_story(job)
    except SynthError as error:
        return str(error)
    except Exception as error:
        return f"internal error: {error.__class__.__name__}: {error}"


class _NoEmbedder:
    """Stands in for the embedder of a story's pipeline when the job brings none."""

    name = "precomputed"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        raise SynthError("a story's sentences are embedded before it is briefed")


def _tell(say: Say | None, message: str) -> None:
    if say:
        say(message)


def digest(
    paths: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    since: str | os.PathLike[str] | None = None,
    **options: Any,
) -> DigestRun:
    """`make_digest` of `paths`, written into the folder `output` (see `DigestFolder`).

    Its stories are followed from the run recorded in `since`, or else from the run that
    wrote `output` before, if any.
    """
    folder = DigestFolder(output, input_files(paths))
    folder.check(paths)
    written: list[str] = []

    def plan(stems: list[str]) -> None:
        names = [name for stem in stems for name in story_files(stem).values()]
        folder.claim([*names, *INDEX_FILES.values()])

    def save(files: StoryFiles) -> None:
        for fmt, name in story_files(files.stem).items():
            folder.write(name, files.texts[fmt])
            written.append(name)

    try:
        previous = load_previous(output if since is None else since, required=since is not None)
        run = make_digest(paths, on_plan=plan, on_story=save, previous=previous, **options)
        data = index_data(run.stories, run.alone, run.skipped, run.follows, run.run)
        headlines = shown_headlines(run.stories)
        for fmt, name in INDEX_FILES.items():
            folder.write(name, render_index(data, fmt, headlines))
            written.append(name)
        folder.finish(written)
    except BaseException:
        folder.release(failed=True)
        raise
    folder.release()
    return run


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"
