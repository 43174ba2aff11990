"""Add points read by one or two readers to a shown-points label file (set 4).

    python tests/data/build/merge_point_labels.py tests/data/points_test.jsonl \
        reader_a.jsonl [reader_b.jsonl] [--draw TAG]

Each reader's file holds, in any order, JSON lines with `title`, `text`, `standalone`,
`problem` and `note`, as the readers wrote them (`tests/data/README-figures-standalone.md`).
The first reader's verdict becomes `standalone`, `problem`, `note`; a second reader's, read
blind and independently, `standalone_b`, `problem_b`, `note_b`. A point whose text already has
a label is left as it is, so a file is only ever added to. `--draw TAG` marks the added points
as one draw (`bench/standalone_points.py --draw TAG` counts them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FIELDS = ("title", "text", "standalone", "problem", "note")


def read(path: Path) -> list[dict]:
    """The JSON lines of `path`, in order."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def merged(first: dict, second: dict | None, draw: str | None = None) -> dict:
    """One label: the first reader's verdict, and the second's under `_b` names if given."""
    record = {key: first.get(key) for key in FIELDS}
    if second is not None:
        record.update({f"{k}_b": second.get(k) for k in ("standalone", "problem", "note")})
    if draw is not None:
        record["draw"] = draw
    return record


def main() -> None:
    arguments = sys.argv[1:]
    draw = None
    if "--draw" in arguments:
        at = arguments.index("--draw")
        if at + 1 >= len(arguments):
            sys.exit("merge_point_labels.py: --draw needs a tag")
        draw = arguments[at + 1]
        del arguments[at : at + 2]
    if len(arguments) < 2:
        sys.exit("usage: merge_point_labels.py TARGET FIRST [SECOND] [--draw TAG]")
    target, first, *rest = (Path(a) for a in arguments)
    seen = {r["text"] for r in read(target)} if target.exists() else set()
    seconds = {r["text"]: r for r in read(rest[0])} if rest else {}
    added = []
    for record in read(first):
        if record["text"] not in seen:
            seen.add(record["text"])
            added.append(merged(record, seconds.get(record["text"]), draw))
    with target.open("a", encoding="utf-8") as handle:
        for record in added:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(added)} points added to {target}")


if __name__ == "__main__":
    main()
