"""How well and how fast `synth digest` groups a feed into stories.

Every cluster's docs/ of a Multi-News style dataset (DATASET/<cluster>/docs/*.txt) is poured
into one folder (references left out); the true story of an article is its cluster, used only
for scoring. Prints:

1. B-cubed precision, recall, F1 and the adjusted Rand index, on the even-numbered clusters
   (where the settings were tuned), the odd-numbered ones and all, under three treatments of
   the scraping junk in the set (pages that are not articles):
   - "set apart": synth's reader marks them as not articles, and they are not scored;
   - "counted alone": the same, but scored, each as a story of its own;
   - "left in": the reader's check is off, and they are grouped like any article.
2. Throughput per stage (articles per second per core: articles over CPU seconds of this
   process) and peak memory.

With --tune, a grid over the weights and threshold on the even clusters ("set apart") prints
the best settings first, each also scored on the odd clusters. With --pour DIR, the dataset is
only poured into DIR (for `synth digest DIR -o OUT`); with --score OUT, the digest written in
OUT is scored against the true stories (its articles, junk set apart).

    python bench/digest.py ../shared/eval/multinews-dev [--tune]
    python bench/digest.py ../shared/eval/multinews-dev --pour /tmp/feed
    python bench/digest.py --score /tmp/out
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from synth.core import Sentence, Source  # noqa: E402
from synth.digest import Feed, brief_story, story_jobs  # noqa: E402
from synth.evaluate.grouping import adjusted_rand_index, bcubed  # noqa: E402
from synth.pipeline import default_embedder  # noqa: E402
from synth.read.clean import clean_text  # noqa: E402
from synth.read.segment import segment_sources  # noqa: E402
from synth.read.sources import load_sources  # noqa: E402
from synth.understand import stories as S  # noqa: E402
from synth.write.digest_files import index_data, render_index  # noqa: E402
from synth.write.formats import OutputFormat  # noqa: E402

SEPARATOR = "--"


@dataclass
class Stage:
    name: str
    articles: int
    wall: float
    cpu: float


@contextmanager
def measured(stages: list[Stage], name: str, articles: int):
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    stages.append(Stage(name, articles, time.perf_counter() - wall, time.process_time() - cpu))


def pour(dataset: Path, folder: Path) -> int:
    """Copy every cluster's docs into one folder as <cluster>--<doc>.txt; the number copied."""
    count = 0
    for doc in sorted(dataset.glob("*/docs/*.txt")):
        shutil.copyfile(doc, folder / f"{doc.parent.parent.name}{SEPARATOR}{doc.name}")
        count += 1
    return count


def truth(source: Source) -> str:
    return story_of(source.path)


def story_of(path: str) -> str:
    return Path(path).name.split(SEPARATOR)[0]


def score_digest(folder: Path) -> str:
    """Score a written digest (digest.json) against the stories in its articles' file names."""
    data = json.loads((folder / "digest.json").read_text(encoding="utf-8"))
    found = {s["path"]: n for n, story in enumerate(data["stories"]) for s in story["sources"]}
    found |= {a["path"]: -n - 1 for n, a in enumerate(data["alone"])}
    paths = sorted(found)
    true = [story_of(p) for p in paths]
    b = bcubed(true, [found[p] for p in paths])
    ari = adjusted_rand_index(true, [found[p] for p in paths])
    head = ["articles", "true stories", "stories written", "B3 P", "B3 R", "B3 F1", "ARI"]
    row = [str(len(paths)), str(len(set(true))), str(len(data["stories"]))]
    row += [f"{b.precision:.3f}", f"{b.recall:.3f}", f"{b.f1:.3f}", f"{ari:.3f}"]
    return table(head, [row]) + f"\n\nnot articles (set apart): {len(data['skipped'])}"


def cluster_number(source: Source) -> int:
    return int("".join(c for c in truth(source) if c.isdigit()) or 0)


def junk_left_in(sources: Sequence[Source]) -> tuple[Source, ...]:
    """The sources with the reader's not-an-article check turned off."""
    return tuple(
        replace(s, skipped=None, blocks=clean_text(s.text, s.body_start).blocks) if s.skipped else s
        for s in sources
    )


def subset(feed: Feed, keep: Callable[[Source], bool]) -> Feed:
    """The feed of the sources `keep` accepts, renumbered as if poured alone."""
    chosen = [s for s in feed.sources if keep(s)]
    new_id = {s.id: i for i, s in enumerate(chosen, start=1)}
    sources = tuple(replace(s, id=new_id[s.id]) for s in chosen)
    rows: list[int] = []
    sentences: list[Sentence] = []
    for sentence in feed.sentences:
        if sentence.source in new_id:
            sentences.append(replace(sentence, id=len(sentences), source=new_id[sentence.source]))
            rows.append(sentence.id)
    return Feed(sources, tuple(sentences), feed.vectors[rows])


def score(feed: Feed, groups: Sequence[Sequence[int]], count_skipped: bool) -> list[str]:
    """One table row: articles, true and found stories, B-cubed and ARI."""
    label = {i: n for n, group in enumerate(groups) for i in group}
    scored = [s for s in feed.sources if count_skipped or not s.skipped]
    true = [truth(s) for s in scored]
    found = [label.get(s.id, -s.id) for s in scored]
    b = bcubed(true, found)
    stories = sum(1 for g in groups if len(g) > 1)
    return [
        str(len(scored)),
        str(len(set(true))),
        str(stories),
        f"{b.precision:.3f}",
        f"{b.recall:.3f}",
        f"{b.f1:.3f}",
        f"{adjusted_rand_index(true, found):.3f}",
    ]


def table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def clustering_table(feed: Feed, grouper: S.StoryGrouper, junk_feed: Feed) -> str:
    halves = {
        "even (tuned)": lambda s: cluster_number(s) % 2 == 0,
        "odd": lambda s: cluster_number(s) % 2 == 1,
        "all": lambda s: True,
    }
    rows = []
    for treatment, base, counted in (
        ("set apart", feed, False),
        ("counted alone", feed, True),
        ("left in", junk_feed, True),
    ):
        for half, keep in halves.items():
            part = subset(base, keep)
            groups = grouper.group(part.sources, part.sentences, part.vectors)
            rows.append([f"{half}, junk {treatment}", *score(part, groups, counted)])
    head = ["clusters", "articles", "true stories", "found (2+)", "B3 P", "B3 R", "B3 F1", "ARI"]
    return table(head, rows)


def throughput_table(stages: Sequence[Stage], peak_mb: float) -> str:
    rows = [
        [
            s.name,
            str(s.articles),
            f"{s.wall:.2f}",
            f"{s.cpu:.2f}",
            f"{s.articles / s.cpu:.1f}" if s.cpu > 0 else "-",
        ]
        for s in stages
    ]
    head = ["stage", "articles", "wall s", "CPU s", "articles/s/core"]
    return table(head, rows) + f"\n\npeak memory (max RSS of this process): {peak_mb:.0f} MB"


def cold_embedding(sources: Sequence[Source], sentences: Sequence[Sentence], count: int) -> Stage:
    """Embedding without the cache: the model encodes the sentences of `count` articles."""
    chosen = {s.id for s in sources[:: max(1, len(sources) // count)][:count] if not s.skipped}
    texts = [s.text for s in sentences if s.source in chosen]
    from synth.understand.onnx_embed import BundledEmbedder

    # The default model on one core, so that CPU seconds are not inflated by thread spin.
    embedder = BundledEmbedder(threads=1)
    embedder.encode(texts[:8])  # load the model outside the measurement
    wall, cpu = time.perf_counter(), time.process_time()
    embedder.encode(texts)
    name = f"embed, no cache ({len(texts)} sentences)"
    return Stage(name, len(chosen), time.perf_counter() - wall, time.process_time() - cpu)


def tune(feed: Feed) -> None:
    """Grid over weights and threshold on `feed` (the even clusters), best first."""
    even = subset(feed, lambda s: not s.skipped and cluster_number(s) % 2 == 0)
    odd = subset(feed, lambda s: not s.skipped and cluster_number(s) % 2 == 1)
    parts = {"even": components(even), "odd": components(odd)}
    thresholds = np.round(np.arange(-0.1, 0.3, 0.01), 2)
    results = []
    for names, match, body in itertools.product(
        (0.4, 0.5, 0.6, 0.7), (0.0, 0.3, 0.5, 0.8), (0.0, 0.2, 0.4)
    ):
        weights = (names, 1 - names, match, body)
        f1 = sweep(parts["even"], weights, thresholds)
        smooth = np.convolve(np.pad(f1, 2, mode="edge"), np.ones(5) / 5, mode="valid")
        best = int(np.argmax(smooth))
        results.append((smooth[best], f1[best], thresholds[best], weights))
    results.sort(key=lambda r: -r[0])
    print("weights names/words/match/body | threshold | even F1 (+-0.02 mean) | odd F1")
    for smooth, f1, threshold, weights in results[:10]:
        odd_f1 = sweep(parts["odd"], weights, np.array([threshold]))[0]
        print(f"{weights} | {threshold:.2f} | {f1:.4f} ({smooth:.4f}) | {odd_f1:.4f}")


def components(feed: Feed) -> tuple[list[str], int, dict, dict, np.ndarray, np.ndarray]:
    """Per candidate pair (every pair): names, words, match and body, and reference levels."""
    settings = S.StorySettings()
    articles = [s.id for s in feed.sources if not s.skipped]
    profiles = S.article_profiles(articles, feed.sources, feed.sentences, feed.vectors, settings)
    everything = replace(settings, neighbours=len(articles))
    lexical, body, body_reference = S.candidate_pairs(profiles, everything)
    match = S.sentence_matches(profiles, lexical, settings.match_best)
    match_reference = S._reference(match, len(articles), settings.match_reference)
    by_id = {s.id: s for s in feed.sources}
    labels = [truth(by_id[i]) for i in articles]
    return (
        labels,
        len(articles),
        lexical,
        {"match": match, "body": body},
        match_reference,
        body_reference,
    )


def sweep(part, weights, thresholds: np.ndarray) -> np.ndarray:
    labels, n, lexical, measures, match_reference, body_reference = part
    names_w, words_w, match_w, body_w = weights
    floor = S.StorySettings().floor
    edges = {}
    for (a, b), (names, words) in lexical.items():
        value = (
            names_w * names
            + words_w * words
            + match_w * (2 * measures["match"][(a, b)] - match_reference[a] - match_reference[b])
            + body_w * (2 * measures["body"][(a, b)] - body_reference[a] - body_reference[b])
        )
        if value > floor:
            edges[(a, b)] = value - floor
    history = S.merge_history(n, edges, float(thresholds.min()) - floor)
    return np.array([bcubed(labels, S.labels_after(n, history, t - floor)).f1 for t in thresholds])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "dataset", nargs="?", default=str(ROOT.parent / "shared/eval/multinews-dev")
    )
    parser.add_argument("--tune", action="store_true", help="grid over the settings first")
    parser.add_argument("--cold", type=int, default=40, help="articles embedded without cache")
    parser.add_argument("--pour", type=Path, help="only pour the dataset into this folder")
    parser.add_argument("--score", type=Path, help="only score the digest in this folder")
    args = parser.parse_args()
    if args.score:
        print(score_digest(args.score))
        return
    if args.pour:
        args.pour.mkdir(parents=True, exist_ok=True)
        print(f"poured {pour(Path(args.dataset), args.pour)} documents into {args.pour}")
        return
    stages: list[Stage] = []
    with tempfile.TemporaryDirectory() as folder:
        documents = pour(Path(args.dataset), Path(folder))
        with measured(stages, "read (load, clean)", documents):
            sources = load_sources([folder])
        with measured(stages, "segment", documents):
            sentences = segment_sources(sources)
        embedder = default_embedder()
        with measured(stages, "embed, cached", documents):
            vectors = embedder.encode([s.text for s in sentences])
        feed = Feed(sources, sentences, vectors)
        if args.tune:
            tune(feed)
        grouper = S.StoryGrouper()
        with measured(stages, "group", documents):
            groups = grouper.group(sources, sentences, vectors)
        stories = [g for g in groups if len(g) > 1]
        jobs = story_jobs(feed, stories, 350, embedder)
        in_stories = sum(len(j.sources) for j in jobs)
        with measured(stages, f"brief ({len(jobs)} stories)", in_stories):
            made = [brief_story(job) for job in jobs]
        with measured(stages, "write index", documents):
            from synth.core import Story

            done = [Story(i, m.stem, m.briefing) for i, m in enumerate(made, start=1)]
            data = index_data(done, [], [s for s in sources if s.skipped])
            for fmt in OutputFormat:
                render_index(data, fmt.value)
        stages.append(cold_embedding(sources, sentences, args.cold))
        left_in = junk_left_in(sources)
        junk_sentences = segment_sources(left_in)
        junk_feed = Feed(left_in, junk_sentences, embedder.encode([s.text for s in junk_sentences]))
        print(f"{documents} documents, {sum(1 for s in sources if s.skipped)} not articles\n")
        print(clustering_table(feed, grouper, junk_feed))
        print()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(throughput_table(stages, peak))


if __name__ == "__main__":
    main()
