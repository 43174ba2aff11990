"""Score where outlets differ, changes over time and "confirmed" points on whole dev clusters.

The labelled sets (tests/data/differences2.jsonl and confirmed.jsonl, see
README-differences2.md) hold sentence pairs sampled from the articles, each with the offsets of
its two sentences in their files. Each cluster is read as `synth brief` reads it (all of its
articles, junk included), and what synth shows for the pair is looked up by those offsets:

- differences: a pair is shown as a difference when one listed difference (not a change over
  time) holds one sentence in one variant and the other in another, each variant's value the
  labelled one; it is right when the pair is labelled `real_difference`. Precision over the
  labelled pairs shown, recall over the `real_difference` pairs.
- changes over time: a `change_over_time` pair is recognised when a change line holds its two
  sentences in two different steps.
- confirmed: when the point that holds the first sentence is shown as confirmed and cites the
  other article too (merged or in support), synth says whether the two are independent reports
  (two report ids) or one; it is right when the label says the same.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from synth.compare.certainty import CONFIRMED, Reports, certainty, supporting_sources
from synth.compare.differences import Comparer
from synth.compare.wording import worded_differences
from synth.core import Difference, Point, Sentence, Source
from synth.evaluate.trust import DATA, half, read_jsonl
from synth.read.segment import segment_sources
from synth.read.sources import load_sources
from synth.read.syndicate import mark_reports
from synth.understand.embed import Embedder, encode_distinct
from synth.understand.merge import Merger

EVAL = Path(__file__).resolve().parent.parent.parent.parent / "shared" / "eval"
SETS = {"multinews": "multinews-dev", "duc2004": "duc2004-dev"}
CHANGE = "change"
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class ClusterRun:
    """What synth makes of one cluster: its sources, sentences, points and differences."""

    sources: tuple[Source, ...]
    sentences: tuple[Sentence, ...]
    vectors: np.ndarray
    points: tuple[Point, ...]
    point_vectors: np.ndarray
    differences: tuple[Difference, ...]

    @property
    def report_of(self) -> dict[int, int]:
        return {s.id: s.report or s.id for s in self.sources}

    def source_of(self, doc: str) -> int | None:
        """The source id of the article file named `doc` (D01)."""
        return next((s.id for s in self.sources if Path(s.path).stem == doc), None)

    def sentence_ids(self, doc: str, start: int, end: int) -> set[int]:
        """Sentences of article `doc` that overlap the labelled span."""
        source = self.source_of(doc)
        return {
            s.id for s in self.sentences if s.source == source and s.start < end and start < s.end
        }


@dataclass(frozen=True)
class DifferenceScore:
    """The numbers of one half."""

    shown: int  # labelled pairs shown as a difference (not a change)
    right: int  # of those, real differences with the labelled values
    real: int  # pairs labelled real_difference
    found: int  # real differences shown with their values
    changes: int  # pairs labelled change_over_time
    changes_shown: int  # of those, shown as a change
    change_lines: int  # labelled pairs shown as a change
    change_lines_right: int  # of those, labelled change_over_time
    confirmed_shown: int  # confirmed candidates whose point is confirmed and cites both
    confirmed_right: int  # of those, counted as the labels say (two reports or one)
    unlabelled: int  # differences shown in these clusters that hold no labelled pair

    @property
    def precision(self) -> float:
        return self.right / self.shown if self.shown else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.real if self.real else 1.0

    @property
    def change_share(self) -> float:
        return self.changes_shown / self.changes if self.changes else 1.0

    @property
    def confirmed_share(self) -> float:
        return self.confirmed_right / self.confirmed_shown if self.confirmed_shown else 1.0


def cluster_folder(set_name: str, cluster: str, root: Path = EVAL) -> Path:
    return root / SETS[set_name] / cluster / "docs"


def run_cluster(folder: Path, embedder: Embedder, comparer: Comparer) -> ClusterRun:
    """The cluster read, segmented, grouped into reports, merged and compared as a briefing
    reads it (the stages up to the differences)."""
    paths = sorted(str(p) for p in folder.iterdir() if p.is_file())
    sources = load_sources(paths)
    sentences = segment_sources(sources)
    sources = mark_reports(sources, sentences)
    vectors = encode_distinct(embedder, [s.text for s in sentences])
    points, point_vectors = Merger().merge(sentences, vectors, sources)
    found = comparer.differences(sentences, vectors, points, sources)
    differences = worded_differences(found)
    return ClusterRun(
        tuple(sources), tuple(sentences), vectors, tuple(points), point_vectors, differences
    )


def pair_variants(
    run: ClusterRun, record: Mapping[str, object]
) -> list[tuple[Difference, int, int]]:
    """(difference, variant of sentence a, variant of sentence b) for each difference that holds
    the pair's two sentences in two different variants."""
    left = run.sentence_ids(str(record["doc_a"]), int(record["start_a"]), int(record["end_a"]))  # type: ignore[call-overload]
    right = run.sentence_ids(str(record["doc_b"]), int(record["start_b"]), int(record["end_b"]))  # type: ignore[call-overload]
    keys = {k: (run.sentences[k].source, run.sentences[k].start) for k in left | right}
    found = []
    for difference in run.differences:
        holders = [{(e.source, e.start) for e in v.evidence} for v in difference.variants]
        a = [i for i, held in enumerate(holders) if any(keys[k] in held for k in left)]
        b = [i for i, held in enumerate(holders) if any(keys[k] in held for k in right)]
        pairs = [(i, j) for i in a for j in b if i != j]
        if pairs:
            found.append((difference, *pairs[0]))
    return found


def same_value(shown: str, labelled: str) -> bool:
    """Whether a variant's value is the labelled one: the same number for figures, else a
    shared word ("Flynt" in "Larry Flynt")."""
    numbers = NUMBER.findall(labelled)
    if numbers:
        wanted = float(numbers[0].replace(",", ""))
        return any(float(n.replace(",", "")) == wanted for n in NUMBER.findall(shown))
    words = {w.casefold() for w in WORD.findall(labelled)}
    return bool(words & {w.casefold() for w in WORD.findall(shown)})


def difference_outcomes(
    runs: Mapping[str, ClusterRun], records: Iterable[Mapping[str, object]]
) -> tuple[list[tuple[str, str]], set[int]]:
    """(label, what synth shows: "difference", "change" or "") per labelled pair, and the ids
    of the differences that hold a labelled pair. A difference that holds the two sentences
    with other values than the pair's is about something else they say: not this pair."""
    outcomes = []
    used: set[int] = set()
    for record in records:
        run = runs[str(record["cluster"])]
        shown = ""
        for difference, i, j in pair_variants(run, record):
            used.add(id(difference))
            if difference.kind == CHANGE:
                shown = shown or CHANGE
                continue
            values = [f"{v.value} {v.wording}" for v in difference.variants]
            if same_value(values[i], str(record["value_a"])) and same_value(
                values[j], str(record["value_b"])
            ):
                shown = "difference"
        outcomes.append((str(record["label"]), shown))
    return outcomes, used


def confirmed_outcomes(
    runs: Mapping[str, ClusterRun], records: Iterable[Mapping[str, object]]
) -> list[bool | None]:
    """Per confirmed candidate: None when synth does not show the first sentence's point as
    confirmed with both articles, else whether it counts them as the label does."""
    outcomes: list[bool | None] = []
    for record in records:
        run = runs[str(record["cluster"])]
        outcomes.append(_confirmed_outcome(run, record))
    return outcomes


def _confirmed_outcome(run: ClusterRun, record: Mapping[str, object]) -> bool | None:
    left = run.sentence_ids(str(record["doc_a"]), int(record["start_a"]), int(record["end_a"]))  # type: ignore[call-overload]
    other = run.source_of(str(record["doc_b"]))
    report_of = run.report_of
    reports = Reports.of(run.sources, run.sentences)
    for index, point in enumerate(run.points):
        if not left & set(point.sentences):
            continue
        support = supporting_sources(
            point, run.point_vectors[index], run.sentences, run.vectors, report_of
        )
        level = certainty(point, run.sentences, run.differences, reports, support)
        cited = set(point.sources) | support
        own = run.sentences[next(iter(left & set(point.sentences)))].source
        if level.key != CONFIRMED or other not in cited or other == own:
            continue
        counted = set(reports.independent(cited, [run.sentences[k] for k in point.sentences]))
        independent = (
            report_of[own] != report_of[other]
            and {
                report_of[own],
                report_of[other],
            }
            <= counted
        )
        return independent == (record["label"] == "independent")
    return None


def score_half(
    name: str,
    embedder: Embedder,
    comparer: Comparer | None = None,
    root: Path = EVAL,
    skip: Collection[str] = frozenset(),
) -> DifferenceScore:
    """Every number of the table for half `name` of the two labelled sets, leaving out the
    items of the clusters in `skip` (a judged draw nobody may look at while developing)."""
    pairs = unskipped(half(read_jsonl(DATA / "differences2.jsonl"), name), skip)
    confirmed = unskipped(half(read_jsonl(DATA / "confirmed.jsonl"), name), skip)
    comparer = comparer or Comparer()
    clusters = sorted({(str(r["set"]), str(r["cluster"])) for r in [*pairs, *confirmed]})
    runs = {
        cluster: run_cluster(cluster_folder(set_name, cluster, root), embedder, comparer)
        for set_name, cluster in clusters
    }
    outcomes, used = difference_outcomes(runs, pairs)
    checks = [c for c in confirmed_outcomes(runs, confirmed) if c is not None]
    return summarise(outcomes, checks, runs, used)


def unskipped(
    records: Iterable[dict[str, object]], skip: Collection[str]
) -> list[dict[str, object]]:
    """The records whose cluster is not in `skip`."""
    return [r for r in records if str(r["cluster"]) not in skip]


def draw_clusters(path: Path) -> frozenset[str]:
    """The cluster ids of a draw file (bench/draws/*.json)."""
    with path.open(encoding="utf-8") as handle:
        return frozenset(str(c["id"]) for c in json.load(handle)["clusters"])


def summarise(
    outcomes: Sequence[tuple[str, str]],
    checks: Sequence[bool],
    runs: Mapping[str, ClusterRun],
    used: set[int],
) -> DifferenceScore:
    counts: dict[str, int] = defaultdict(int)
    for label, shown in outcomes:
        counts[f"{label}|{shown}"] += 1
        counts[label] += 1
        counts[shown] += 1
    shown = counts["difference"]
    right = counts["real_difference|difference"]
    unlabelled = sum(id(d) not in used for run in runs.values() for d in run.differences)
    return DifferenceScore(
        shown=shown,
        right=right,
        real=counts["real_difference"],
        found=right,
        changes=counts["change_over_time"],
        changes_shown=counts[f"change_over_time|{CHANGE}"],
        change_lines=counts[CHANGE],
        change_lines_right=counts[f"change_over_time|{CHANGE}"],
        confirmed_shown=len(checks),
        confirmed_right=sum(checks),
        unlabelled=unlabelled,
    )
