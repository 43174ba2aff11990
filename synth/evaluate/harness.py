"""`synth eval`: score synth and the classic summarizers against human reference summaries.

Every method reads the same cleaned, segmented sentences of each cluster and returns them (or
synth's points) in order of importance; the summary is that order cut at the word budget.
All methods run in the same process on the same clusters, so their numbers compare.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from synth.core import InputError, SynthError
from synth.evaluate.baselines import SUMY_METHODS, baseline
from synth.evaluate.rouge import MEASURES, Score, pooled_scores
from synth.pipeline import Pipeline, make_pipeline
from synth.read.segment import segment_sources
from synth.read.sources import load_sources
from synth.understand.embed import Embedder
from synth.understand.onnx_embed import BundledEmbedder
from synth.write.output import write_atomic

METHODS = ("synth", "lead", *SUMY_METHODS, "centroid")


@dataclass(frozen=True)
class Cluster:
    name: str
    documents: tuple[str, ...]
    references: tuple[str, ...]


@dataclass
class MethodResult:
    """Summed scores of one method over the clusters, and its time."""

    method: str
    totals: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    clusters: int = 0

    def add(self, scores: dict[str, Score], seconds: float) -> None:
        for measure, score in scores.items():
            for part, value in (("recall", score.recall), ("f1", score.f1)):
                key = f"{measure}_{part}"
                self.totals[key] = self.totals.get(key, 0.0) + value
        self.seconds += seconds
        self.clusters += 1

    def row(self) -> dict[str, float | str | int]:
        n = max(self.clusters, 1)
        row: dict[str, float | str | int] = {"method": self.method, "clusters": self.clusters}
        for measure in MEASURES:
            for part in ("recall", "f1"):
                row[f"{measure}_{part}"] = round(
                    100 * self.totals.get(f"{measure}_{part}", 0) / n, 2
                )
        row["seconds_per_cluster"] = round(self.seconds / n, 3)
        return row


def read_dataset(path: str | Path) -> list[Cluster]:
    """Clusters laid out as `<cluster>/docs/*.txt` and `<cluster>/refs/*.txt`."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(f"{path}: no such dataset folder")
    clusters = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        docs = tuple(str(p) for p in sorted((folder / "docs").glob("*.txt")))
        refs = tuple(p.read_text(encoding="utf-8") for p in sorted((folder / "refs").glob("*.txt")))
        if docs and refs:
            clusters.append(Cluster(folder.name, docs, refs))
    if not clusters:
        raise InputError(f"{path}: no clusters with docs/*.txt and refs/*.txt")
    return clusters


def parse_methods(text: str) -> list[str]:
    methods = [m.strip() for m in text.split(",") if m.strip()]
    unknown = [m for m in methods if m not in METHODS]
    if unknown or not methods:
        raise InputError(f"unknown method {', '.join(unknown)}; choose from {', '.join(METHODS)}")
    return methods


def summaries_for_cluster(
    cluster: Cluster, methods: Sequence[str], embedder: Embedder, pipeline: Pipeline
) -> dict[str, tuple[list[str], float]]:
    """Each method's sentences in order of importance, and the seconds it took."""
    try:
        sources = load_sources(list(cluster.documents))
    except InputError:
        return {method: ([], 0.0) for method in methods}
    sentences = segment_sources(sources)
    if not sentences:
        return {method: ([], 0.0) for method in methods}
    started = time.perf_counter()
    vectors = embedder.encode([s.text for s in sentences])
    embed_seconds = time.perf_counter() - started
    results: dict[str, tuple[list[str], float]] = {}
    for method in methods:
        started = time.perf_counter()
        if method == "synth":
            briefing = pipeline.run(sources, None, sentences=sentences, vectors=vectors)
            texts = [p.point.text for p in briefing.ranked_points]
        else:
            texts = [sentences[i].text for i in baseline(method)(sentences, vectors)]
        uses_embeddings = method in {"synth", "centroid"}
        seconds = time.perf_counter() - started + (embed_seconds if uses_embeddings else 0.0)
        results[method] = (texts, seconds)
    return results


def cut_to_budget(texts: Sequence[str], max_words: int) -> list[str]:
    """Whole sentences in order until the budget, the last one cut to fit."""
    lines, used = [], 0
    for text in texts:
        if used >= max_words:
            break
        words = text.split()
        lines.append(" ".join(words[: max_words - used]))
        used += min(len(words), max_words - used)
    return lines


def evaluate(
    dataset: str | Path,
    methods: Sequence[str] = METHODS,
    budgets: Sequence[int] = (100,),
    out: str | Path | None = None,
    embedder: Embedder | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
) -> dict[int, list[dict[str, float | str | int]]]:
    """Score every method on every cluster at every word budget.

    Each method ranks a cluster once; the ranking is cut at each budget. Returns, per budget,
    one table row per method. synth runs as `synth brief` does (`make_pipeline`), its parser
    answers kept in `cache_dir` (default: the user cache folder) unless `use_cache` is off.
    """
    clusters = read_dataset(dataset)
    embedder = embedder or BundledEmbedder()
    pipeline = make_pipeline(embedder, cache_dir=cache_dir, use_cache=use_cache)
    results = {b: {m: MethodResult(m) for m in methods} for b in budgets}
    for done, cluster in enumerate(clusters, start=1):
        try:
            summaries = summaries_for_cluster(cluster, methods, embedder, pipeline)
        except SynthError as error:
            raise SynthError(f"cluster {cluster.name}: {error}") from error
        for budget in budgets:
            for method, (texts, seconds) in summaries.items():
                summary = "\n".join(cut_to_budget(texts, budget))
                scores = pooled_scores(summary, cluster.references, budget)
                results[budget][method].add(scores, seconds)
                if out is not None:
                    folder = Path(out) if len(budgets) == 1 else Path(out) / str(budget)
                    target = folder / method / f"{cluster.name}.txt"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    write_atomic(target, summary + "\n")
        if progress:
            progress(done, len(clusters), cluster.name)
    return {b: [results[b][m].row() for m in methods] for b in budgets}


def parse_budgets(text: str) -> list[int]:
    """`100` or `100,250`: word budgets, each at least 1."""
    try:
        budgets = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise InputError(f"--max-words: {text!r} is not a number or list of numbers") from None
    if not budgets or min(budgets) < 1:
        raise InputError("--max-words: give one or more positive word counts, like 100,250")
    return budgets


def format_table(results: dict[int, list[dict[str, float | str | int]]]) -> str:
    """Markdown tables, one per budget: ROUGE recall and F1 (percent), seconds per cluster."""
    blocks = []
    for budget, rows in results.items():
        columns = "R-1 R | R-1 F | R-2 R | R-2 F | R-L R | R-L F | s/cluster"
        lines = [f"| method ({budget} words) | {columns} |", "|---|" + "---:|" * 7]
        for row in rows:
            values = [row[f"{m}_{p}"] for m in MEASURES for p in ("recall", "f1")]
            cells = " | ".join(f"{v:.2f}" for v in values)
            lines.append(f"| {row['method']} | {cells} | {row['seconds_per_cluster']:.3f} |")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def format_json(results: dict[int, list[dict[str, float | str | int]]]) -> str:
    tables = [{"max_words": b, "results": rows} for b, rows in results.items()]
    return json.dumps(tables, indent=2) + "\n"
