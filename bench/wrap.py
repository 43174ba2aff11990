"""Does hard-wrapping a cluster change its briefing? It must not.

    .venv/bin/python bench/wrap.py ../shared/eval/multinews-dev [--styles blank,tight]
        [--clusters NAME,NAME] [--screen]

Every cluster's articles are re-wrapped with textwrap at widths 60, 72 and 80 in each style
of `synth.evaluate.rewrap` (blank lines kept; no blank lines; wire-style indented first lines;
trailing spaces on continued lines), briefed with the real model, and the points compared
with those of the articles as they are. Prints, per style and width, the clusters whose
points are identical (same texts, same order), and the first differing point of each other.

Briefing 2,400 wrapped copies takes hours on two cores. With `--screen`, a wrapped copy whose
articles read exactly as the originals do (`reading`: the same verdicts, headlines, dates,
paragraph texts kept and dropped, sentences and quotations) is counted the same without
briefing it, and only copies that read differently are briefed; the table says how many.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

WIDTHS = (60, 72, 80)


def points(files: list[str], embedder) -> list[str]:  # type: ignore[no-untyped-def]
    import synth

    try:
        briefing = synth.brief(files, embedder=embedder)
    except synth.SynthError as error:
        return [f"(error: {error})"]
    return [p.point.text for p in briefing.ranked_points]


def reading(files: list[str]) -> tuple[object, ...]:
    """Everything the cleaner, splitter and quotation finder make of the articles, as text:
    what the rest of the pipeline works from (offsets aside)."""
    import synth
    from synth.read.quotemarks import quote_spans
    from synth.read.reflow import flat_text
    from synth.read.segment import segment_sources
    from synth.read.sources import load_sources

    try:
        sources = load_sources(files)
    except synth.SynthError as error:
        return (str(error),)
    sentences = tuple(s.text for s in segment_sources(sources))
    read = []
    for source in sources:
        kept = tuple(flat_text(source.text[a:b]) for a, b in source.blocks)
        dropped = tuple((flat_text(source.text[d.start : d.end]), d.reason) for d in source.dropped)
        quotes = tuple(
            (flat_text(source.text[q.start : q.end]), q.block, q.continued, q.runs_on, q.nested)
            for q in quote_spans(source.text, source.blocks)
        )
        fields = (source.skipped, source.title, source.published, source.outlet, source.label)
        read.append((fields, kept, dropped, quotes))
    return (sentences, tuple(read))


def wrapped_copy(files: tuple[str, ...], folder: Path, width: int, style: str) -> list[str]:
    """The cluster's articles, wrapped, under the same file names (so the same source ids)."""
    from synth.evaluate.rewrap import rewrap
    from synth.read.sources import decode_bytes, split_front_matter

    copies = []
    for name in files:
        text = decode_bytes(Path(name).read_bytes(), name)
        _, body_start = split_front_matter(text, name)
        target = folder / Path(name).name
        target.write_text(rewrap(text, width, style, body_start), encoding="utf-8")
        copies.append(str(target))
    return copies


def first_difference(a: list[str], b: list[str]) -> str:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return f"point {index + 1}: {x[:90]!r} -> {y[:90]!r}"
    return f"{len(a)} points -> {len(b)} points"


def main() -> None:
    from synth.evaluate.harness import read_dataset
    from synth.evaluate.rewrap import STYLES
    from synth.pipeline import default_embedder

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset")
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--limit", type=int, default=0, help="only the first N clusters")
    parser.add_argument("--clusters", default="", help="only these clusters (names, commas)")
    parser.add_argument(
        "--screen", action="store_true", help="brief only copies that read differently"
    )
    args = parser.parse_args()
    styles = args.styles.split(",")
    clusters = read_dataset(args.dataset)[: args.limit or None]
    if args.clusters:
        wanted = set(args.clusters.split(","))
        clusters = [cluster for cluster in clusters if cluster.name in wanted]
    embedder = default_embedder()
    same = {(s, w): 0 for s in styles for w in WIDTHS}
    differing: list[str] = []
    briefed = 0
    with tempfile.TemporaryDirectory() as scratch:
        for cluster in clusters:
            expected: list[str] | None = None
            as_read = reading(list(cluster.documents)) if args.screen else None
            for style in styles:
                for width in WIDTHS:
                    folder = Path(scratch) / f"{cluster.name}-{style}-{width}"
                    folder.mkdir()
                    copies = wrapped_copy(cluster.documents, folder, width, style)
                    if as_read is not None and reading(copies) == as_read:
                        same[style, width] += 1
                        continue
                    if expected is None:
                        expected = points(list(cluster.documents), embedder)
                    got = points(copies, embedder)
                    briefed += 1
                    if got == expected:
                        same[style, width] += 1
                    else:
                        diff = first_difference(expected, got)
                        differing.append(f"{cluster.name} {style} {width}: {diff}")
            print(f"\r{cluster.name}", end="", file=sys.stderr)
    print(file=sys.stderr)
    print("| style | " + " | ".join(f"width {w}" for w in WIDTHS) + " |")
    print("|---|" + "---:|" * len(WIDTHS))
    for style in styles:
        cells = " | ".join(f"{same[style, w]} / {len(clusters)}" for w in WIDTHS)
        print(f"| {style} | {cells} |")
    print()
    if args.screen:
        total = len(clusters) * len(styles) * len(WIDTHS)
        print(f"Briefed {briefed} of {total} wrapped copies (the others read the same).")
        print()
    for line in differing:
        print(f"- {line}")


if __name__ == "__main__":
    main()
