"""Speed against the physical floor, the cached re-run, and scaling beside sumy's LexRank.

    .venv/bin/python bench/scale.py [--dataset ../shared/eval/multinews-dev]
                                    [--sizes 10,50,100,200] [--lexrank-cap 120]

Every number is a separate process, timed from the outside, peak memory from the kernel
(`os.wait4`), so start-up and imports count as a user would feel them.

- floor: a bare script that imports sentence-transformers, loads the model and encodes the
  same sentences synth embeds, nothing else; synth's cold run is compared to it.
- cached: a second `synth brief` whose sentences are all in the embedding cache.
- scale: the docs of the first N clusters given as one input; synth, the floor on the same
  sentences, and LexRank on the same sentences (stopped at a time cap).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

FLOOR = """
import json, sys
from sentence_transformers import SentenceTransformer
sentences = json.load(open(sys.argv[1]))
model = SentenceTransformer(sys.argv[2], device="cpu")
model.encode(sentences, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
"""

LEXRANK = """
import json, sys
from synth.evaluate.baselines import sumy_ranking
from synth.core import Sentence
texts = json.load(open(sys.argv[1]))
sentences = [Sentence(i, 1 + i // 40, 0, len(t), t, i % 40) for i, t in enumerate(texts)]
sumy_ranking("lexrank", sentences)
"""


def run(command: list[str], cap: float | None = None, env: dict[str, str] | None = None):
    """(seconds, peak MB, finished) of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT
    )
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
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    if finished and os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"failed: {' '.join(command[:4])} ...")
    return seconds, usage.ru_maxrss / 1024, finished


def sentences_of(paths: list[str]) -> list[str]:
    from synth.read.segment import segment_sources
    from synth.read.sources import load_sources

    return [s.text for s in segment_sources(load_sources(paths))]


def synth_command(paths: list[str], *options: str) -> list[str]:
    return [PYTHON, "-m", "synth.cli", "brief", *paths, "-q", *options]


def floor_row(paths: list[str], folder: Path) -> tuple[int, float, float]:
    from synth.understand.embed import resolve_model

    texts = sentences_of(paths)
    listing = folder / "sentences.json"
    listing.write_text(json.dumps(texts))
    seconds, peak, _ = run([PYTHON, "-c", FLOOR, str(listing), resolve_model("all-MiniLM-L6-v2")])
    return len(texts), seconds, peak


def seeds_table(folder: Path) -> None:
    seeds = [str(ROOT / "fixtures" / "aleppo")]
    count, floor_seconds, floor_peak = floor_row(seeds, folder)
    cold, cold_peak, _ = run(synth_command(seeds, "--no-cache"))
    cache = folder / "cache"
    run(synth_command(seeds, "--cache-dir", str(cache)))
    cached, cached_peak, _ = run(synth_command(seeds, "--cache-dir", str(cache)))
    print(f"Seeds ({count} sentences), each a fresh process:\n")
    print("| run | seconds | peak MB | / floor |")
    print("|---|---:|---:|---:|")
    print(
        f"| floor: import + load model + encode | {floor_seconds:.2f} | {floor_peak:.0f} | 1.00 |"
    )
    print(
        f"| synth brief, cold (--no-cache) | {cold:.2f} | {cold_peak:.0f} | "
        f"{cold / floor_seconds:.2f} |"
    )
    print(
        f"| synth brief, all sentences cached | {cached:.2f} | {cached_peak:.0f} | "
        f"{cached / floor_seconds:.2f} |"
    )
    print()


def scale_table(dataset: Path, sizes: list[int], cap: float, folder: Path) -> None:
    clusters = sorted(p for p in dataset.iterdir() if (p / "docs").is_dir())
    print(
        "| clusters | articles | sentences | synth s | synth peak MB | floor s | synth / floor "
        "| LexRank s | LexRank peak MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        paths = [str(p) for c in clusters[:size] for p in sorted((c / "docs").glob("*.txt"))]
        count, floor_seconds, _ = floor_row(paths, folder)
        seconds, peak, _ = run(synth_command(paths, "--no-cache", "-f", "json"))
        lex_seconds, lex_peak, done = run(
            [PYTHON, "-c", LEXRANK, str(folder / "sentences.json")], cap=cap
        )
        lexrank = f"{lex_seconds:.1f}" if done else f"> {cap:.0f} (stopped)"
        print(
            f"| {size} | {len(paths)} | {count} | {seconds:.1f} | {peak:.0f} | "
            f"{floor_seconds:.1f} | {seconds / floor_seconds:.2f} | {lexrank} | {lex_peak:.0f} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default=str(ROOT.parent / "shared/eval/multinews-dev"))
    parser.add_argument("--sizes", default="10,50,100,200")
    parser.add_argument("--lexrank-cap", type=float, default=120.0)
    parser.add_argument("--seeds-only", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        seeds_table(folder)
        if not options.seeds_only:
            sizes = [int(s) for s in options.sizes.split(",")]
            scale_table(Path(options.dataset), sizes, options.lexrank_cap, folder)


if __name__ == "__main__":
    main()
