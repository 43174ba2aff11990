"""Words of the default Markdown against --max-words, and the shape of the page.

    .venv/bin/python bench/length.py fixtures/aleppo ../shared/eval/multinews-dev
    .venv/bin/python bench/length.py --budgets 150,350,600 --headings 20 DATASET

Each argument is one article folder (the seeds) or a dataset of `<cluster>/docs/*.txt`.
Every cluster is briefed once per budget in one process (embeddings cached). Words are
counted as `wc -w` counts them, over the default Markdown (no appendix) with the Sources
list left out. The second table checks the page: titles that fall back to "Briefing from",
sections that show fewer than two points, headings outside two to five words or with a
comma, headings sharing a head word, and points printed twice.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections import Counter
from pathlib import Path

RATIO = 1.3


def clusters_of(path: str) -> list[tuple[str, list[str]]]:
    """(name, article paths) for a dataset of clusters, or the folder itself as one."""
    root = Path(path)
    folders = sorted(p for p in root.iterdir() if (p / "docs").is_dir())
    if not folders:
        return [(root.name, [str(root)])]
    return [(f.name, [str(f / "docs")]) for f in folders]


def body_words(markdown: str) -> int:
    """Words of the Markdown before its Sources list, as `wc -w` counts them (list bullets,
    heading marks and citation marks included)."""
    return len(markdown.split("\n## Sources\n", 1)[0].split())


def head_word(heading: str) -> str:
    """The heading's head: its last word before a connector ("Talks in Geneva" -> "talks")."""
    from synth.lang.en import CONNECTORS, stem

    words = heading.split()
    cut = next((i for i, w in enumerate(words) if i and w.casefold() in CONNECTORS), len(words))
    return stem(words[cut - 1].casefold())


def shape(briefing) -> Counter[str]:  # type: ignore[no-untyped-def]
    """Counts of what the page gets wrong (and of sections, for the rates)."""
    found: Counter[str] = Counter(sections=len(briefing.sections))
    found["title from 'Briefing from'"] += briefing.title.startswith("Briefing from")
    named = [s for s in briefing.sections if s.label]
    found["sections without a heading"] += len(briefing.sections) - len(named)
    heads = Counter(head_word(s.label) for s in named)
    for section in named:
        words = section.label.split()
        found["sections with < 2 points"] += len(section.points) < 2
        found["headings with a comma"] += "," in section.label
        found["headings outside 2-5 words"] += not 2 <= len(words) <= 5
    found["repeated head words"] += sum(n - 1 for n in heads.values())
    texts = [p.point.text for p in briefing.ranked_points]
    found["points printed twice"] += len(texts) - len(set(texts))
    return found


def main() -> None:
    import synth
    from synth.pipeline import default_embedder
    from synth.write.render import render

    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--budgets", default="150,350,600")
    parser.add_argument("--headings", type=int, default=0, help="print N clusters' headings")
    args = parser.parse_args()
    budgets = [int(b) for b in args.budgets.split(",")]
    embedder = default_embedder()
    for path in args.paths:
        clusters = clusters_of(path)
        words: dict[int, list[tuple[int, str]]] = {b: [] for b in budgets}
        shapes: dict[int, Counter[str]] = {b: Counter() for b in budgets}
        headings: dict[str, list[str]] = {}
        for name, inputs in clusters:
            for budget in budgets:
                try:
                    briefing = synth.brief(inputs, embedder=embedder, max_words=budget)
                except synth.SynthError:
                    continue
                words[budget].append((body_words(render(briefing, "md")), name))
                shapes[budget] += shape(briefing)
                if budget == 350:
                    headings[name] = [briefing.title] + [
                        s.label or "(no heading)" for s in briefing.sections
                    ]
            print(f"\r{name}", end="", file=sys.stderr)
        print(file=sys.stderr)
        print(f"\n{path}: {len(words[budgets[0]])} clusters\n")
        print_words(words)
        print()
        print_shape(shapes)
        if args.headings:
            names = random.Random(0).sample(sorted(headings), min(args.headings, len(headings)))
            print()
            for name in names:
                title, *labels = headings[name]
                print(f"- {name}: *{title}* — " + " · ".join(labels))


def print_words(words: dict[int, list[tuple[int, str]]]) -> None:
    print(f"| --max-words | mean | median | max | max / budget | over {RATIO} x |")
    print("|---:|---:|---:|---:|---:|---:|")
    for budget, rows in words.items():
        counts = [n for n, _ in rows]
        over = sum(1 for n in counts if n > RATIO * budget)
        print(
            f"| {budget} | {statistics.mean(counts):.0f} | {statistics.median(counts):.0f} | "
            f"{max(counts)} | {max(counts) / budget:.2f} | {over} |"
        )


def print_shape(shapes: dict[int, Counter[str]]) -> None:
    keys = [
        "sections",
        "sections with < 2 points",
        "headings with a comma",
        "headings outside 2-5 words",
        "repeated head words",
        "points printed twice",
        "title from 'Briefing from'",
    ]
    print("| --max-words | " + " | ".join(keys) + " |")
    print("|---:|" + "---:|" * len(keys))
    for budget, found in shapes.items():
        print(f"| {budget} | " + " | ".join(str(found[k]) for k in keys) + " |")


if __name__ == "__main__":
    main()
