"""Does hard-wrapping a cluster change its briefing? It must not.

    .venv/bin/python bench/wrap.py ../shared/eval/multinews-dev [--styles blank,tight]
        [--clusters NAME,NAME]

Every cluster's articles are re-wrapped with textwrap at widths 60, 72 and 80 in each style
of `synth.evaluate.rewrap` (blank lines kept; no blank lines; wire-style indented first lines;
trailing spaces on continued lines), briefed with the real model, and the points compared
with those of the articles as they are. Prints, per style and width, the clusters whose
points are identical (same texts, same order), and the first differing point of each other.
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
    args = parser.parse_args()
    styles = args.styles.split(",")
    clusters = read_dataset(args.dataset)[: args.limit or None]
    if args.clusters:
        wanted = set(args.clusters.split(","))
        clusters = [cluster for cluster in clusters if cluster.name in wanted]
    embedder = default_embedder()
    same = {(s, w): 0 for s in styles for w in WIDTHS}
    differing: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for cluster in clusters:
            expected = points(list(cluster.documents), embedder)
            for style in styles:
                for width in WIDTHS:
                    folder = Path(scratch) / f"{cluster.name}-{style}-{width}"
                    folder.mkdir()
                    got = points(wrapped_copy(cluster.documents, folder, width, style), embedder)
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
    for line in differing:
        print(f"- {line}")


if __name__ == "__main__":
    main()
