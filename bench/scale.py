"""Speed and memory beside sumy's LexRank: the seeds cold and cached, many similar short
articles, and growing parts of the development set, all measured in one run.

    .venv/bin/python bench/scale.py [--dataset ../shared/eval/multinews-dev] [--repeats 5]
                                    [--similar 100,400,2000] [--sizes 10,50,100,200]
                                    [--lexrank-cap 120] [--seeds-only] [--baseline DIR]

Every number is a separate process timed from the outside, so start-up and imports count as a
user would feel them; peak memory is the kernel's account of that process (`os.wait4`, the
rusage of the one child waited for). The yardstick is sumy's LexRank ranking the same
sentences synth reads (through `synth.evaluate.baselines`, in a fresh process).

- seeds: median of `--repeats` rounds, the rows taking turns within a round. "cold" is
  `synth brief --no-cache` after the ONNX export exists (made first, once, and timed apart);
  "cached" a run whose sentences are all in the embedding cache; "sentence-transformers" the
  cold run with `--model` naming the bundled model's folder, which takes the torch path.
  `--baseline DIR` adds cold and cached rows for another checkout of synth (e.g. `git archive`
  of an older commit), run from DIR with this environment and its own cache folder, so a
  change is measured before and after in the same run.
- similar: N short articles about one event, made deterministically from the development set
  (`similar_articles`); cold runs.
- dev: the docs of the first N clusters given as one input; cold runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SIMILAR_POOL = 24
SIMILAR_SENTENCES = 4

LEXRANK = """
import json, sys
from synth.evaluate.baselines import sumy_ranking
from synth.core import Sentence
texts = json.load(open(sys.argv[1]))
sentences = [Sentence(i, 1 + i // 40, 0, len(t), t, i % 40) for i, t in enumerate(texts)]
sumy_ranking("lexrank", sentences)
"""


def run(
    command: list[str], cap: float | None = None, cwd: Path = ROOT
) -> tuple[float, float, bool]:
    """(seconds, peak MB, finished) of one process, started in `cwd` (`-m synth.cli` runs the
    synth found there)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    finished = True
    deadline = None if cap is None else started + cap
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if deadline and time.perf_counter() > deadline:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            finished = False
            break
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if finished and os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"failed: {' '.join(command[:5])} ...\n{errors[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, finished


def sentences_of(paths: Sequence[str]) -> list[str]:
    from synth.read.segment import segment_sources
    from synth.read.sources import load_sources

    return [s.text for s in segment_sources(load_sources(list(paths)))]


def synth_command(paths: Sequence[str], cache: Path, *options: str) -> list[str]:
    return [PYTHON, "-m", "synth.cli", "brief", *paths, "-q", "--cache-dir", str(cache), *options]


def lexrank_command(texts: list[str], folder: Path) -> list[str]:
    listing = folder / "sentences.json"
    listing.write_text(json.dumps(texts))
    return [PYTHON, "-c", LEXRANK, str(listing)]


def seeds_table(folder: Path, cache: Path, repeats: int, baseline: Path | None = None) -> None:
    from synth.understand.embed import DEFAULT_MODEL, resolve_model

    seeds = [str(ROOT / "fixtures" / "aleppo")]
    texts = sentences_of(seeds)
    run(synth_command(seeds, cache))  # fills the caches; cold rows do not read them
    rows = {
        "sumy LexRank, same sentences (yardstick)": (lexrank_command(texts, folder), ROOT),
        "synth brief, cold (`--no-cache`)": (synth_command(seeds, cache, "--no-cache"), ROOT),
        "synth brief, all sentences cached": (synth_command(seeds, cache), ROOT),
        "synth brief, cold, through sentence-transformers (`--model` folder)": (
            synth_command(seeds, cache, "--no-cache", "--model", resolve_model(DEFAULT_MODEL)),
            ROOT,
        ),
    }
    if baseline is not None:
        other = folder / "baseline-cache"
        shutil.copytree(cache / "onnx", other / "onnx")  # the same export, not timed again
        run(synth_command(seeds, other), cwd=baseline)
        cold = synth_command(seeds, other, "--no-cache")
        rows[f"{baseline.name}: synth brief, cold"] = (cold, baseline)
        rows[f"{baseline.name}: synth brief, all sentences cached"] = (
            synth_command(seeds, other),
            baseline,
        )
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in rows}
    for _ in range(repeats):
        for name, (command, cwd) in rows.items():
            seconds, peak, _ = run(command, cwd=cwd)
            measured[name].append((seconds, peak))
    yardstick = statistics.median(s for s, _ in measured[next(iter(rows))])
    print(f"Seeds ({len(texts)} sentences), median of {repeats} rounds, each a fresh process:\n")
    print("| run | seconds | peak MB | / LexRank |")
    print("|---|---:|---:|---:|")
    for name, results in measured.items():
        seconds = statistics.median(s for s, _ in results)
        peak = max(p for _, p in results)
        print(f"| {name} | {seconds:.2f} | {peak:.0f} | {seconds / yardstick:.2f} |")
    print(flush=True)


def export_row(cache: Path) -> None:
    seconds, peak, _ = run([PYTHON, "-m", "synth.understand.onnx_embed", str(cache)])
    print(f"One-time ONNX export of the bundled model: {seconds:.1f} s, peak {peak:.0f} MB.\n")


def similar_articles(dataset: Path, count: int, folder: Path) -> list[str]:
    """`count` short articles about one event, the same for every run.

    The pool is the first `SIMILAR_POOL` sentences of the development cluster with the most
    articles; each article takes `SIMILAR_SENTENCES` of them in order (drawn with its own
    seed) and drops one inner word from each with even odds, the way outlets lightly edit
    the same wire copy.
    """
    clusters = sorted(p for p in dataset.iterdir() if (p / "docs").is_dir())
    largest = max(clusters, key=lambda c: (len(list((c / "docs").iterdir())), c.name))
    pool = list(dict.fromkeys(sentences_of([str(largest / "docs")])))[:SIMILAR_POOL]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        draw = random.Random(k)
        chosen = sorted(draw.sample(range(len(pool)), SIMILAR_SENTENCES))
        body = "\n\n".join(_edited(pool[i], draw) for i in chosen)
        path = folder / f"article-{k:05d}.txt"
        path.write_text(f"---\noutlet: Outlet {k}\n---\n{body}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _edited(sentence: str, draw: random.Random) -> str:
    words = sentence.split()
    if len(words) > 6 and draw.random() < 0.5:
        del words[draw.randrange(1, len(words) - 1)]
    return " ".join(words)


def scale_row(label: str, paths: list[str], cache: Path, cap: float, folder: Path) -> None:
    texts = sentences_of(paths)
    seconds, peak, _ = run(synth_command(paths, cache, "--no-cache", "-f", "json"))
    lex_seconds, lex_peak, done = run(lexrank_command(texts, folder), cap=cap)
    lexrank = f"{lex_seconds:.1f}" if done else f"> {cap:.0f} (stopped)"
    print(
        f"| {label} | {len(paths)} | {len(texts)} | {len(set(texts))} | {seconds:.1f} | "
        f"{peak:.0f} | {lexrank} | {lex_peak:.0f} |",
        flush=True,
    )


def scale_header(first: str) -> None:
    print(
        f"| {first} | articles | sentences | distinct | synth s | synth peak MB "
        "| LexRank s | LexRank peak MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")


def similar_table(dataset: Path, counts: list[int], cache: Path, cap: float, folder: Path) -> None:
    scale_header("similar articles")
    for count in counts:
        paths = similar_articles(dataset, count, folder / f"similar-{count}")
        scale_row(str(count), paths, cache, cap, folder)
    print()


def dev_table(dataset: Path, sizes: list[int], cache: Path, cap: float, folder: Path) -> None:
    scale_header("dev clusters")
    clusters = sorted(p for p in dataset.iterdir() if (p / "docs").is_dir())
    for size in sizes:
        paths = [str(p) for c in clusters[:size] for p in sorted((c / "docs").glob("*.txt"))]
        scale_row(str(size), paths, cache, cap, folder)


def numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default=str(ROOT.parent / "shared/eval/multinews-dev"))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--similar", default="100,400,2000")
    parser.add_argument("--sizes", default="10,50,100,200")
    parser.add_argument("--lexrank-cap", type=float, default=120.0)
    parser.add_argument("--seeds-only", action="store_true")
    parser.add_argument("--baseline", type=Path, help="another synth checkout to run beside")
    options = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        cache = folder / "cache"
        export_row(cache)
        seeds_table(folder, cache, options.repeats, options.baseline)
        if not options.seeds_only:
            dataset, cap = Path(options.dataset), options.lexrank_cap
            if not dataset.is_dir():
                raise SystemExit(f"no development set at {dataset}: give --dataset")
            similar_table(dataset, numbers(options.similar), cache, cap, folder)
            dev_table(dataset, numbers(options.sizes), cache, cap, folder)
    print(f"\nload average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
