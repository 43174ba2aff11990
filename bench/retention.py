"""How many of each article's words synth keeps, as written and hard-wrapped.

    .venv/bin/python bench/retention.py ../shared/eval/multinews-dev

For every article of the data set, the share of its words the cleaner keeps as article text
(`synth.read.inventory.retention`: words kept / words in the article, a repeated copy of its
own text not counted). Articles skipped as no article (notices about a page, almost no text)
are counted apart. Prints the mean and the worst source per layout: as written, and
re-wrapped with textwrap at 72 columns in each style of `synth.evaluate.rewrap`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from statistics import mean

WIDTH = 72


def shares(texts: dict[str, str]) -> tuple[list[tuple[float, str]], int]:
    """(share kept, path) of every article that is read, and how many were skipped."""
    from synth.core import InputError
    from synth.read.inventory import retention
    from synth.read.sources import text_article, to_source

    kept, skipped = [], 0
    for number, (path, text) in enumerate(sorted(texts.items()), start=1):
        try:
            source = to_source(number, text_article(text, path))
        except InputError:
            skipped += 1
            continue
        if source.skipped:
            skipped += 1
        else:
            kept.append((retention(source).share, path))
    return kept, skipped


def main(dataset: str) -> None:
    from synth.evaluate.rewrap import STYLES, rewrap
    from synth.read.sources import decode_bytes, split_front_matter

    texts = {}
    for path in sorted(Path(dataset).glob("*/docs/*.txt")):
        texts[str(path)] = decode_bytes(path.read_bytes(), str(path))
    if not texts:
        sys.exit(f"no <cluster>/docs/*.txt under {dataset}; usage: bench/retention.py DATASET")
    layouts = {"as written": texts}
    for style in STYLES:
        layouts[f"wrapped {WIDTH}, {style}"] = {
            path: rewrap(text, WIDTH, style, split_front_matter(text, path)[1])
            for path, text in texts.items()
        }
    print("| layout | articles read | skipped | mean kept | worst source | under 50% |")
    print("|---|---:|---:|---:|---|---:|")
    for name, layout in layouts.items():
        kept, skipped = shares(layout)
        worst, where = min(kept)
        low = sum(1 for share, _ in kept if share <= 0.5)
        cluster = Path(where).parent.parent.name + "/" + Path(where).name
        print(
            f"| {name} | {len(kept)} | {skipped} | {mean(s for s, _ in kept):.1%} "
            f"| {worst:.1%} ({cluster}) | {low} |"
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).parent.parent / "fixtures"))
