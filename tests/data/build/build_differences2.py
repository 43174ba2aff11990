"""Join the drawn samples with their hand labels into the frozen eval sets.

    python3 tests/data/build/build_differences2.py

Reads `differences2_sampled*.jsonl` and `labels_differences2.txt`, `confirmed_sampled.jsonl`
and `labels_confirmed.txt` (one `id | label | ...` line per drawn item, written by reading
the articles) and writes `tests/data/differences2.jsonl` and `tests/data/confirmed.jsonl`.
Checks that every drawn item has exactly one label from the allowed set and that each
sentence is the article's text at its offsets.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fs_common

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
DUC = os.path.join(fs_common.SHARED, "eval", "duc2004-dev")
PAIR_LABELS = {
    "real_difference",
    "same_thing",
    "change_over_time",
    "different_scope",
    "not_comparable",
}
CONFIRMED_LABELS = {"independent", "same_wire_story"}
SAMPLES = (
    "differences2_sampled.jsonl",
    "differences2_sampled_stage2.jsonl",
    "differences2_sampled_stage3.jsonl",
)


def read_jsonl(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_labels(name, fields):
    labels = {}
    with open(os.path.join(HERE, name), encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.rstrip("\n").split("|", len(fields))]
            if parts[0] in labels:
                raise SystemExit(f"{name}: {parts[0]} labelled twice")
            labels[parts[0]] = dict(zip(fields, parts[1:], strict=True))
    return labels


def article(record, doc):
    folder = DUC if record["set"] == "duc2004" else fs_common.DEV
    return fs_common.read(os.path.join(folder, record["cluster"], "docs", f"{doc}.txt"))


def check_text(record):
    for side in ("a", "b"):
        text = article(record, record[f"doc_{side}"])
        piece = text[record[f"start_{side}"] : record[f"end_{side}"]]
        if " ".join(piece.split()) != record[side]:
            raise SystemExit(f"{record['id']}: sentence {side} is not the article's text")


def build(samples, labels, allowed, keep, out):
    if set(labels) != {r["id"] for r in samples}:
        raise SystemExit(f"{out}: labels and sample differ")
    with open(os.path.join(DATA, out), "w", encoding="utf-8") as handle:
        for record in samples:
            check_text(record)
            label = labels[record["id"]]
            if label["label"] not in allowed:
                raise SystemExit(f"{record['id']}: unknown label {label['label']}")
            row = {k: record[k] for k in keep if k in record} | label
            row.setdefault("stage", 1) if "stage" in keep else None
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(samples)


def main():
    pairs = [r for name in SAMPLES for r in read_jsonl(name)]
    for r in pairs:
        r.setdefault("stage", 1)
    keep = (
        "id",
        "half",
        "set",
        "cluster",
        "stage",
        "kind",
        "doc_a",
        "start_a",
        "end_a",
        "a",
        "value_a",
        "doc_b",
        "start_b",
        "end_b",
        "b",
        "value_b",
    )
    n = build(
        pairs,
        read_labels("labels_differences2.txt", ("label", "thing", "note")),
        PAIR_LABELS,
        keep,
        "differences2.jsonl",
    )
    confirmed = read_jsonl("confirmed_sampled.jsonl")
    keep = (
        "id",
        "half",
        "set",
        "cluster",
        "doc_a",
        "start_a",
        "end_a",
        "a",
        "doc_b",
        "start_b",
        "end_b",
        "b",
    )
    m = build(
        confirmed,
        read_labels("labels_confirmed.txt", ("label", "note")),
        CONFIRMED_LABELS,
        keep,
        "confirmed.jsonl",
    )
    print(f"differences2.jsonl: {n} pairs; confirmed.jsonl: {m} candidates")


if __name__ == "__main__":
    main()
