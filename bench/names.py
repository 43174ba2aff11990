"""Full names at first mention: list the repairs synth makes on a draw, and score labels.

    .venv/bin/python bench/names.py list bench/draws/prefer-tune.json > R.jsonl
    # label each line: "label": "right" (the person the name stands for) or "wrong"
    .venv/bin/python bench/names.py score R.jsonl

A wrong name is worse than no name (`synth.understand.names`), so the number that matters is
precision: of the names written out, how many name the person the point meant. `list` briefs
each cluster of the draw as `synth brief` does and writes one JSON line per repair: the
cluster, the name as written, the full name put in, the point before the repair and the
article's sentence that gives the full name, for a person to label by reading the article.
`--data` is the folder of the evaluation sets (default ../shared/eval beside the repository).
Exit codes: 0 success, 2 bad input or usage (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from synth import pipeline  # noqa: E402
from synth.core import Sentence  # noqa: E402
from synth.understand import names  # noqa: E402

SETS = {"multinews": "multinews-dev", "duc2004": "duc2004-dev"}
LABELS = ("right", "wrong")


def listing(draw: Path, data: Path) -> list[dict[str, Any]]:
    """The repairs synth makes on every cluster of `draw`, in order."""
    clusters = json.loads(draw.read_text())["clusters"]
    found: list[dict[str, Any]] = []
    original = names.introduce_names
    for cluster in clusters:
        docs = data / SETS[cluster["set"]] / cluster["id"] / "docs"
        pipeline.introduce_names = _recording(original, cluster["id"], found)
        try:
            pipeline.brief([docs], note=lambda _: None, warn=lambda _: None)
        finally:
            pipeline.introduce_names = original
    return found


def _recording(
    introduce: Callable[..., list[tuple[str, names.Introduction | None]]],
    cluster: str,
    found: list[dict[str, Any]],
) -> Callable[..., list[tuple[str, names.Introduction | None]]]:
    """`introduce_names`, noting each repair it makes in `found`."""

    def recorded(
        texts: Sequence[tuple[str, int]],
        read_before: str,
        sentences: Sequence[Sentence],
        entities: names.Entities,
    ) -> list[tuple[str, names.Introduction | None]]:
        made = introduce(texts, read_before, sentences, entities)
        for (text, source), (_, repair) in zip(texts, made, strict=True):
            if repair is None:
                continue
            given = [s.text for s in sentences if repair.full_name in s.text]
            found.append(
                {
                    "cluster": cluster,
                    "name": repair.surname,
                    "full_name": repair.full_name,
                    "point": text,
                    "source": source,
                    "given_in": given[:1],
                }
            )
        return made

    return recorded


def score(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Precision of labelled repairs: right over right and wrong."""
    labels = [row.get("label") for row in rows]
    if any(label not in LABELS for label in labels):
        raise ValueError(f"every line needs a label, one of {LABELS}")
    right = labels.count("right")
    return {
        "repairs": len(labels),
        "right": right,
        "precision": right / len(labels) if labels else None,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    listed = commands.add_parser("list", help="the repairs synth makes on a draw, JSON lines")
    listed.add_argument("draw", type=Path)
    listed.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "eval")
    scored = commands.add_parser("score", help="precision of labelled repairs")
    scored.add_argument("labelled", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "list":
            for row in listing(args.draw, args.data):
                print(json.dumps(row, ensure_ascii=False))
        else:
            lines = args.labelled.read_text().splitlines()
            print(json.dumps(score([json.loads(line) for line in lines if line.strip()])))
    except (OSError, ValueError, KeyError) as error:
        print(f"names: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
