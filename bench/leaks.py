"""How many clusters of a dataset still let page furniture into a briefing.

    .venv/bin/python bench/leaks.py ../shared/eval/multinews-dev

Runs `synth brief` (default settings) on each cluster's docs and looks for furniture in what a
reader sees (points, quotes, figures). The markers below are a checker's list, independent
of the cleaning rules; a hit is reported with its text so it can be judged. It also checks
every point shown against the sentence guard (`synth.understand.standalone.shape_problem`):
none may fail it.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

JUNK = re.compile(
    r"wayback machine|internet archive|\bcrawl(?:s|ed)?\b|tweet with a location|your tweets|"
    r"cookie|\bsubscribe\b|newsletter|sign up|\blog in\b|javascript|click here|\badvertisement\b|"
    r"all rights reserved|©|share this|follow us|getty images|story highlights|\bphoto:|"
    r"read more|feature is not available|rating is available|try again later|\bap photo\b|"
    r"copyright|\bshare\s+tweet\b|email this|print this|related:|image caption|"
    r"\w=[\"']|</?\w+[ >]|\bautoplay\b|\bembed\b|\bfullscreen\b|\bout of 5\b",
    re.I,
)


def main(dataset: str) -> None:
    import synth
    from synth.evaluate.harness import read_dataset
    from synth.pipeline import default_embedder
    from synth.understand.standalone import shape_problem

    embedder = default_embedder()
    clusters = read_dataset(dataset)
    leaking: list[tuple[str, str]] = []
    misshapen: list[tuple[str, str]] = []
    points = 0
    skipped = Counter()
    documents = 0
    for cluster in clusters:
        try:
            briefing = synth.brief(list(cluster.documents), embedder=embedder)
        except synth.SynthError:
            continue
        documents += len(briefing.sources)
        skipped.update(s.skipped.split(" (")[0] for s in briefing.sources if s.skipped)
        shown = [p.point.text for p in briefing.ranked_points]
        points += len(shown)
        misshapen += [(cluster.name, t) for t in shown if shape_problem(t)]
        shown += [q.text for q in briefing.quotes] + [f.text for f in briefing.figures]
        hits = [text for text in shown if JUNK.search(text)]
        if hits:
            leaking.append((cluster.name, hits[0]))
        print(f"\r{cluster.name}", end="", file=sys.stderr)
    print(file=sys.stderr)
    print(
        "| clusters | documents | skipped as not articles | clusters leaking furniture "
        "| points shown | points failing the sentence guard |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {len(clusters)} | {documents} | {sum(skipped.values())} | {len(leaking)} "
        f"| {points} | {len(misshapen)} |"
    )
    print()
    for reason, count in skipped.most_common():
        print(f"- skipped, {reason}: {count}")
    for name, text in leaking:
        print(f"- leak in {name}: {text[:160]}")
    for name, text in misshapen:
        print(f"- not a sentence in {name}: {text[:160]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).parent.parent / "fixtures"))
