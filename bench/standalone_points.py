"""Do the points a briefing shows read alone? Measured on points read by a person.

    .venv/bin/python bench/standalone_points.py ../shared/eval/multinews-dev \
        --half test --labels tests/data/points_test.jsonl [--clusters 40] [--per-cluster 1] \
        [--skip 0]

Draws `--clusters` clusters of one half (odd cluster numbers: test; even: tune) with a fixed
seed, after the first `--skip` of the same seeded order (a fresh draw that shares no cluster
with an earlier one), briefs each with the default settings and draws `--per-cluster` of its
shown points, also with a fixed seed. Each drawn point is looked up by its text in
`--labels` (JSON lines with `text` and `standalone`, labelled by reading with the rules of
`tests/data/README-figures-standalone.md`, the briefing's headline in view as a reader has
it; `standalone_b` where a second reader read the same points blind). Prints how many drawn
points read alone for each reader and for both, and of the first drawn point of each cluster
(what a draw of one per cluster gives), and writes the drawn points that have no label
yet to `--unlabelled` (default `bench/out/unlabelled_points.jsonl`), so that they can be read
and added: a changed briefing needs its new points read before the figure means anything.

Once every cluster of a half has been drawn, `--unread` draws among the points no one has
read yet (the clusters were seen, these points were not); their labels are merged with a
`draw` tag, and `--draw TAG` counts that draw's points the code still shows.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEED = 20261128
# Where the drawn points no one has read yet go by default: the benches' output folder, which
# git ignores, not the folder the bench is run from.
UNLABELLED = Path(__file__).resolve().parent / "out" / "unlabelled_points.jsonl"


def cluster_number(folder: Path) -> int:
    """The number in a cluster folder's name ("mn_test_017" -> 17): its half is its parity."""
    digits = "".join(c for c in folder.name if c.isdigit())
    return int(digits or 0)


def drawn_points(
    dataset: Path,
    half: str,
    clusters: int,
    per_cluster: int | None,
    skip: int = 0,
    read: frozenset[str] = frozenset(),
) -> list[dict]:
    """The drawn points of the half's drawn clusters, each with its briefing's headline:
    `per_cluster` of each briefing's shown points whose text is not in `read` (None: all)."""
    import synth
    from synth.pipeline import default_embedder

    folders = sorted(p for p in dataset.iterdir() if (p / "docs").is_dir())
    parity = 1 if half == "test" else 0
    pool = [f for f in folders if cluster_number(f) % 2 == parity]
    # With `--skip 0` this is the draw `sample(pool, clusters)` gave before `--skip` was added:
    # true while the pool has at most 277 clusters (random.sample's method is the same).
    order = random.Random(SEED).sample(pool, len(pool))
    chosen = order[skip : skip + clusters]
    embedder = default_embedder()
    drawn = []
    for folder in chosen:
        try:
            briefing = synth.brief(sorted((folder / "docs").glob("*.txt")), embedder=embedder)
        except synth.SynthError:
            continue
        texts = [p.point.text for p in briefing.ranked_points if p.point.text not in read]
        wanted = len(texts) if per_cluster is None else min(per_cluster, len(texts))
        picked = random.Random(folder.name).sample(texts, wanted)
        drawn.extend(
            {"cluster": folder.name, "title": briefing.title, "text": text, "first": not k}
            for k, text in enumerate(picked)
        )
    return drawn


Verdict = Callable[[dict], "bool | None"]


def readers(records: list[dict]) -> dict[str, Verdict]:
    """How each reader's verdict is read off a label: `standalone` (the first reader) and,
    where a second read the same points blind, `standalone_b` and both agreeing. A label
    without a second reader gives None for those two: they count only the points both read."""

    def second(r: dict) -> bool | None:
        return None if "standalone_b" not in r else bool(r["standalone_b"])

    def both(r: dict) -> bool | None:
        return None if "standalone_b" not in r else bool(r["standalone"] and r["standalone_b"])

    found: dict[str, Verdict] = {"first": lambda r: bool(r["standalone"])}
    if any("standalone_b" in r for r in records):
        found.update(second=second, both=both)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--half", choices=("test", "tune"), default="test")
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--clusters", type=int, default=40)
    parser.add_argument("--per-cluster", type=int, default=1)
    parser.add_argument("--skip", type=int, default=0, help="Clusters of the draw to pass over.")
    parser.add_argument("--unlabelled", type=Path, default=UNLABELLED)
    parser.add_argument("--show", action="store_true", help="Print the points not read alone.")
    fresh = parser.add_mutually_exclusive_group()
    fresh.add_argument(
        "--unread",
        action="store_true",
        help="Draw only among shown points no label in --labels has read yet (a fresh draw "
        "from clusters whose other points were read).",
    )
    fresh.add_argument(
        "--draw",
        help="Count every shown point labelled with this `draw` (as `merge_point_labels.py "
        "--draw` tags a fresh draw) in the clusters of --clusters and --skip, instead of "
        "drawing.",
    )
    args = parser.parse_args()
    labels = {}
    if args.labels.exists():
        for line in args.labels.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                labels[record["text"]] = record
    seen = frozenset(labels) if args.unread else frozenset()
    per_cluster = None if args.draw else args.per_cluster
    drawn = drawn_points(args.dataset, args.half, args.clusters, per_cluster, args.skip, seen)
    if args.draw:
        drawn = [d for d in drawn if labels.get(d["text"], {}).get("draw") == args.draw]
        clusters = [d["cluster"] for d in drawn]
        for k, record in enumerate(drawn):  # one per cluster: its first point of the draw
            record["first"] = record["cluster"] not in clusters[:k]
        print(f"draw {args.draw}: {len(drawn)} of its points are still shown\n")
    known = [d for d in drawn if d["text"] in labels]
    missing = [d for d in drawn if d["text"] not in labels]
    if missing:  # a draw that is all read leaves an earlier list of points to read alone
        args.unlabelled.parent.mkdir(parents=True, exist_ok=True)
        with args.unlabelled.open("w", encoding="utf-8") as handle:
            for record in missing:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("| half | reader | points drawn | labelled | read alone | share | one per cluster |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for reader, verdict in readers([labels[d["text"]] for d in known]).items():
        read = [(d, v) for d in known if (v := verdict(labels[d["text"]])) is not None]
        alone = sum(v for _, v in read)
        firsts = [v for d, v in read if d["first"]]
        share = f"{alone / len(read):.3f}" if read else "-"
        first = f"{sum(firsts)} / {len(firsts)}"
        row = [args.half, reader, len(drawn), len(read), alone, share, first]
        print("| " + " | ".join(str(c) for c in row) + " |")
    if missing:
        print(f"\n{len(missing)} drawn points have no label yet: {args.unlabelled}")
    if args.show:  # for the tune half: what to learn from
        for record in known:
            label = labels[record["text"]]
            if not label["standalone"]:
                print(f"  not alone ({label.get('problem')}): {record['text']}")


if __name__ == "__main__":
    main()
