"""Seconds per pipeline stage and sentences per second on the seed articles.

The pipeline is the one `synth brief --no-cache` runs (`make_pipeline`), with the bundled
model's embedder uncached, so every stage computes what it would on first sight.

    .venv/bin/python bench/stages.py [PATH ...]

Prints a Markdown table. A benchmark, not a test: numbers depend on the machine.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(paths: list[str]) -> None:
    started = time.perf_counter()
    from synth.pipeline import make_pipeline
    from synth.read.sources import load_sources
    from synth.understand.onnx_embed import BundledEmbedder
    from synth.write.formats import OutputFormat
    from synth.write.render import render

    imports = time.perf_counter() - started
    t = time.perf_counter()
    sources = load_sources(paths)
    read = time.perf_counter() - t
    embedder = BundledEmbedder()  # the default: ONNX Runtime (exported first if need be)
    t = time.perf_counter()
    embedder.backend()
    load = time.perf_counter() - t
    pipeline = make_pipeline(embedder, use_cache=False, release_model=True)
    briefing = pipeline.run(sources, 350)
    t = time.perf_counter()
    for fmt in OutputFormat:
        render(briefing, fmt.value)
    rendering = time.perf_counter() - t
    total = time.perf_counter() - started
    timings = briefing.stats["timings"]
    sentences = briefing.stats["sentences"]
    rows = [("import synth", imports), ("read + clean", read), ("load model", load)]
    rows += [(name, seconds) for name, seconds in timings.items()]
    rows += [("render md+html+json", rendering), ("total", total)]
    print(
        f"Seeds: {len(sources)} sources, {sentences} sentences, {briefing.stats['points']} points\n"
    )
    print("| stage | seconds |")
    print("|---|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} |")
    print(f"\nEmbedding throughput: {sentences / timings['embed']:.0f} sentences/s")
    print(f"End to end (after model load): {sentences / (total - load - imports):.0f} sentences/s")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT / "fixtures" / "aleppo")])
