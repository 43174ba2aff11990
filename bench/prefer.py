"""The reader's yardstick: blind triples of synth, LexRank and lead, read and ranked by people.

    .venv/bin/python bench/prefer.py draw                       # once; the draws are committed
    .venv/bin/python bench/prefer.py build bench/draws/prefer-tune.json [OUTDIR]
    .venv/bin/python bench/prefer.py score bench/draws/prefer-tune.json OUTDIR/key.json R1.jsonl ...

ROUGE cannot see what a reader must skip (a cut headline, page furniture, tool talk, escapes),
so the question "is synth's briefing better than the articles' first sentences, or LexRank?"
is put to readers. `draw` freezes two disjoint, seeded draws of dev clusters from the web-page
set (multinews-dev) and the newswire set (duc2004-dev): one developers may read while changing
code ("tune"), one nobody reads until the final judgement ("report"). `build` writes, per
cluster, one packet: the human summary, then synth's default Markdown (exactly what
`synth brief <cluster>/docs` prints, Sources included), sumy's LexRank and a round-robin lead
at synth's length, shuffled under the labels A, B, C; the key to the labels goes to a file the
readers never see. `score` turns the readers' JSON lines (see bench/prefer_guide.md) into the
table. Exit codes: 0 success, 2 bad input or usage (one line on stderr).
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import statistics
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DRAWS = HERE / "draws"
SEED = 23
SETS = {"multinews": "multinews-dev", "duc2004": "duc2004-dev"}
SET_NAMES = {"multinews": "web pages", "duc2004": "newswire"}
# (set -> clusters) per draw; duc2004-dev has 25 clusters: 18 go to the report, 7 to tuning
SIZES = {
    "report": {"multinews": 27, "duc2004": 18},
    "tune": {"multinews": 13, "duc2004": 7},
}
PURPOSES = {
    "report": "the final judgement: frozen before any code change; nobody reads synth's output "
    "on these clusters (nor the packets) until the readers judge the final code",
    "tune": "developers may read these clusters and synth's output on them while changing code",
}
SYSTEMS = ("synth", "lexrank", "lead")
SYSTEM_NAMES = {"synth": "synth", "lexrank": "LexRank", "lead": "lead"}
LABELS = ("A", "B", "C")
CITATION = re.compile(r"\[\d+\]")
SOURCES_HEADING = "\n## Sources\n"
BLANK_LINE = re.compile(r"\n[ \t]*\n")


class UsageError(Exception):
    """Bad input or usage: one line on stderr, exit code 2."""


# ---------------------------------------------------------------- draw


def draw_clusters(
    ids: dict[str, Sequence[str]], seed: int = SEED, sizes: dict[str, dict[str, int]] = SIZES
) -> dict[str, list[dict[str, str]]]:
    """Disjoint draws of cluster ids per set: each set's ids are shuffled once with the seed,
    and the draws take consecutive slices of that order (report first), so they never share
    a cluster and adding a draw later leaves the earlier ones as they were."""
    draws: dict[str, list[dict[str, str]]] = {name: [] for name in sizes}
    for set_name in SETS:
        order = sorted(ids[set_name])
        random.Random(f"{seed}:{set_name}").shuffle(order)
        start = 0
        for name, wanted in sizes.items():
            count = wanted.get(set_name, 0)
            if start + count > len(order):
                raise UsageError(f"{set_name}: {len(order)} clusters, the draws ask for more")
            chosen = sorted(order[start : start + count])
            draws[name] += [{"set": set_name, "id": cluster} for cluster in chosen]
            start += count
    return draws


def cluster_ids(root: Path) -> dict[str, list[str]]:
    """Cluster folders (those with docs/ and refs/) of each set under the data root."""
    ids = {}
    for set_name, folder in SETS.items():
        base = root / folder
        if not base.is_dir():
            raise UsageError(f"{base}: no such dataset folder (give --data)")
        ids[set_name] = [
            p.name for p in base.iterdir() if (p / "docs").is_dir() and (p / "refs").is_dir()
        ]
    return ids


def command_draw(args: argparse.Namespace) -> None:
    root = Path(args.data)
    draws = draw_clusters(cluster_ids(root), args.seed)
    targets = {name: Path(args.out) / f"prefer-{name}.json" for name in draws}
    existing = [str(t) for t in targets.values() if t.exists()]
    if existing and not args.force:
        raise UsageError(f"{', '.join(existing)}: already drawn and frozen (--force to redraw)")
    for name, clusters in draws.items():
        record = {
            "name": f"prefer-{name}",
            "purpose": PURPOSES[name],
            "seed": args.seed,
            "date": datetime.date.today().isoformat(),
            "method": "per set, sorted ids shuffled by random.Random(f'{seed}:{set}'); "
            "report takes the first slice, tune the next",
            "sets": {s: SETS[s] for s in SETS},
            "sizes": SIZES[name],
            "clusters": clusters,
        }
        targets[name].parent.mkdir(parents=True, exist_ok=True)
        targets[name].write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"{targets[name]}: {len(clusters)} clusters")


def read_draw(path: str) -> dict[str, Any]:
    """A draw file, checked for the fields `build` and `score` use."""
    try:
        draw = json.loads(Path(path).read_text(encoding="utf-8"))
        clusters = draw["clusters"]
        assert all(c["set"] in SETS and c["id"] for c in clusters)
    except (OSError, ValueError, KeyError, TypeError, AssertionError) as error:
        raise UsageError(f"{path}: not a draw file ({error})") from None
    return draw


# ---------------------------------------------------------------- build


def reader_words(text: str) -> int:
    """Words a reader reads: tokens with a letter or digit, citation marks like [3] left out
    (bullets, heading marks and escapes alone are not words)."""
    return sum(1 for token in CITATION.sub(" ", text).split() if any(c.isalnum() for c in token))


def above_sources(markdown: str) -> str:
    """The Markdown a reader reads before the Sources list."""
    return markdown.split(SOURCES_HEADING, 1)[0]


def fill(texts: Iterable[str], budget: int) -> list[int]:
    """Indexes of whole sentences, in the order given, until `budget` words: the sentence that
    crosses the budget is kept when that lands nearer the budget than stopping before it."""
    chosen: list[int] = []
    used = 0
    for index, text in enumerate(texts):
        if used >= budget:
            break
        words = reader_words(text)
        if used + words > budget and (used + words - budget) > (budget - used):
            break
        chosen.append(index)
        used += words
    return chosen


def lead_order(sentences: Sequence[Any]) -> list[int]:
    """Round-robin lead: every article's first sentence in turn, then every second one, ..."""
    from synth.evaluate.baselines import lead_ranking

    return lead_ranking(sentences)


def wire_paragraphs(source: Any) -> Any:
    """A hard-wrapped source (wire copy) as written: its text from the body's start to the end
    of the last kept paragraph, parted only at blank lines. synth's cleaner may take a wrapped
    line for a headline or a heading and drop it, cutting sentences in two; a baseline must
    read the articles' sentences whole. Wire quotes ``...'' are read as “...” (the splitter
    cuts after a full stop before ''). Other sources are kept as synth's cleaner left them."""
    from dataclasses import replace

    from synth.read.reflow import raw_lines, wrap_width

    if not source.blocks or wrap_width(raw_lines(source.text, source.body_start)) is None:
        return source
    body = source.text[source.body_start : source.blocks[-1][1]]
    text = source.text[: source.body_start] + body.replace("``", "\u201c").replace("''", "\u201d")
    end = len(text)
    blocks, start = [], source.body_start
    for gap in [*BLANK_LINE.finditer(text, start, end), None]:
        stop = gap.start() if gap else end
        chunk = text[start:stop]
        if chunk.strip():
            first = start + len(chunk) - len(chunk.lstrip())
            blocks.append((first, start + len(chunk.rstrip())))
        start = gap.end() if gap else end
    return replace(source, text=text, blocks=tuple(blocks))


def baseline_sentences(docs: str) -> Sequence[Any]:
    """The sentences the baselines read: synth's reader (cleaned, unwrapped, split by synth's
    splitter), with wire copy read whole (`wire_paragraphs`)."""
    from synth.read.segment import segment_sources
    from synth.read.sources import load_sources

    return segment_sources([wire_paragraphs(s) for s in load_sources([docs])])


def baseline_texts(method: str, sentences: Sequence[Any], budget: int) -> list[str]:
    """A baseline's sentences at the word budget: lead in its round-robin order, LexRank's
    choice (its best-rated sentences) in reading order, as sumy returns a summary."""
    from synth.evaluate.baselines import sumy_ranking

    ranking = lead_order(sentences) if method == "lead" else sumy_ranking(method, sentences)
    chosen = [ranking[i] for i in fill((sentences[i].text for i in ranking), budget)]
    if method != "lead":
        chosen.sort()
    return [sentences[i].text for i in chosen]


def shuffle_labels(cluster: str, seed: int = SEED) -> dict[str, str]:
    """Label -> system for one cluster, the same on every run and machine (string seeds are
    hashed with SHA-512 by `random`)."""
    systems = list(SYSTEMS)
    random.Random(f"{seed}:labels:{cluster}").shuffle(systems)
    return dict(zip(LABELS, systems, strict=True))


def human_summary(folder: Path) -> str:
    """The cluster's human summary: the first reference in sorted order."""
    refs = sorted((folder / "refs").glob("*.txt"))
    if not refs:
        raise UsageError(f"{folder}: no refs/*.txt")
    return refs[0].read_text(encoding="utf-8").strip()


def packet(cluster: str, summary: str, texts: dict[str, str]) -> str:
    """The page a reader gets: the human summary, then the three briefings by label."""
    parts = [
        f"# Cluster {cluster}",
        "",
        "======== HUMAN SUMMARY ========",
        "",
        summary,
        "",
        "======== END OF HUMAN SUMMARY ========",
    ]
    for label in LABELS:
        parts += ["", f"======== BRIEFING {label} ========", "", texts[label].strip()]
        parts += ["", f"======== END OF BRIEFING {label} ========"]
    return "\n".join(parts) + "\n"


def synth_markdown(docs: str, embedder: Any) -> tuple[str, list[str]]:
    """What `synth brief DOCS` prints with default options, and its warnings and notes."""
    import synth

    messages: list[str] = []
    try:
        briefing = synth.brief(
            [docs],
            embedder=embedder,
            warn=lambda m: messages.append(f"warning: {m}"),
            note=lambda m: messages.append(f"note: {m}"),
        )
    except synth.SynthError as error:
        raise UsageError(f"{docs}: synth failed: {error}") from None
    return synth.render(briefing, "md"), messages


def cluster_texts(root: Path, entry: dict[str, str], embedder: Any) -> dict[str, Any]:
    """synth's Markdown and the two baselines at its length, for one cluster of a draw."""
    import os

    base = root / SETS[entry["set"]]
    docs = f"{entry['id']}/docs"
    here = Path.cwd()
    os.chdir(base)  # as a user in the dataset folder: `synth brief <cluster>/docs`
    try:
        markdown, messages = synth_markdown(docs, embedder)
        sentences = baseline_sentences(docs)
    finally:
        os.chdir(here)
    budget = reader_words(above_sources(markdown))
    texts = {"synth": markdown}
    for method in ("lexrank", "lead"):
        texts[method] = "\n\n".join(baseline_texts(method, sentences, budget)) + "\n"
    words = {s: reader_words(above_sources(t)) for s, t in texts.items()}
    words["synth_with_sources"] = reader_words(markdown)
    return {
        "texts": texts,
        "words": words,
        "messages": messages,
        "summary": human_summary(base / entry["id"]),
    }


def git_commit() -> dict[str, Any]:
    """The commit synth's code came from (the last one that changed synth/ or pyproject.toml in
    the repository synth is imported from), HEAD, and whether synth/ has uncommitted changes."""
    import synth

    repo = Path(synth.__file__).resolve().parent.parent

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
        return done.stdout.strip()

    return {
        "synth_commit": git("log", "-1", "--format=%H", "--", "synth", "pyproject.toml"),
        "head": git("rev-parse", "HEAD"),
        "synth_tree_changed": bool(git("status", "--porcelain", "--", "synth")),
        "synth_path": str(Path(synth.__file__).resolve().parent),
    }


def command_build(args: argparse.Namespace) -> None:
    from synth.pipeline import default_embedder

    draw = read_draw(args.draw)
    origin = git_commit()
    name = Path(args.draw).stem
    out = Path(args.outdir or HERE / "out" / "prefer" / f"{name}-{origin['synth_commit'][:7]}")
    if (out / "key.json").exists() and not args.force:
        raise UsageError(f"{out}/key.json exists (--force to build again)")
    out.mkdir(parents=True, exist_ok=True)
    embedder = default_embedder()
    key, meta = {}, {}
    for done, entry in enumerate(draw["clusters"], start=1):
        cluster = entry["id"]
        made = cluster_texts(Path(args.data), entry, embedder)
        key[cluster] = shuffle_labels(cluster, draw.get("seed", SEED))
        labelled = {label: made["texts"][system] for label, system in key[cluster].items()}
        (out / f"{cluster}.md").write_text(
            packet(cluster, made["summary"], labelled), encoding="utf-8"
        )
        meta[cluster] = {"set": entry["set"], "words": made["words"], "notes": made["messages"]}
        print(f"{done}/{len(draw['clusters'])} {cluster} {made['words']}", file=sys.stderr)
    (out / "key.json").write_text(json.dumps(key, indent=2) + "\n", encoding="utf-8")
    record = {
        "draw": name,
        **origin,
        "built": datetime.datetime.now().isoformat(timespec="seconds"),
        "words": "reader_words: tokens with a letter or digit, citation marks left out; "
        "synth's counted above its Sources list, the baselines fitted to that count",
        "clusters": meta,
    }
    (out / "meta.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(out)


# ---------------------------------------------------------------- score


def read_readings(paths: Sequence[str]) -> list[dict[str, Any]]:
    """Every reading of every file, one JSON object a line (blank lines skipped)."""
    readings = []
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise UsageError(f"{path}: {error.strerror or error}") from None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                readings.append(json.loads(line))
            except ValueError as error:
                raise UsageError(f"{path}:{number}: not JSON ({error})") from None
    return readings


def by_system(reading: dict[str, Any], key: dict[str, dict[str, str]]) -> dict[str, Any]:
    """One reading with its labels turned into systems, checked."""
    cluster = reading.get("cluster")
    labels = key.get(cluster) if isinstance(cluster, str) else None
    if labels is None:
        raise UsageError(f"reading of {cluster!r}: cluster not in the key")
    rank = reading.get("rank")
    if not isinstance(rank, list) or sorted(rank) != sorted(LABELS):
        raise UsageError(f"reading of {cluster} by {reading.get('reader')}: rank {rank!r}")
    try:
        facts = {labels[k]: int(v) for k, v in reading.get("key_facts", {}).items()}
        skips = {labels[k]: int(v) for k, v in reading.get("skip", {}).items()}
        total = int(reading.get("key_facts_total", 0))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise UsageError(f"reading of {cluster}: bad counts ({error})") from None
    return {
        "cluster": cluster,
        "reader": reading.get("reader"),
        "order": [labels[label] for label in rank],
        "facts": facts,
        "total": total,
        "skips": skips,
    }


def system_rows(readings: Sequence[dict[str, Any]]) -> dict[str, dict[str, float | None]]:
    """Per system: share ranked best, mean rank (1 best), statements to skip per briefing,
    key facts given (pooled: facts given over facts in the summaries, readings with counts)."""
    rows: dict[str, dict[str, float | None]] = {}
    for system in SYSTEMS:
        ranks = [r["order"].index(system) + 1 for r in readings]
        skips = [r["skips"][system] for r in readings if system in r["skips"]]
        counted = [r for r in readings if r["total"] > 0 and system in r["facts"]]
        total = sum(r["total"] for r in counted)
        rows[system] = {
            "best": _share(sum(rank == 1 for rank in ranks), len(ranks)),
            "mean_rank": statistics.mean(ranks) if ranks else None,
            "skip": statistics.mean(skips) if skips else None,
            "key_facts": _share(sum(r["facts"][system] for r in counted), total),
        }
    return rows


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def above(readings: Sequence[dict[str, Any]], system: str, other: str) -> float | None:
    """Share of readings that rank `system` above `other`."""
    wins = sum(r["order"].index(system) < r["order"].index(other) for r in readings)
    return _share(wins, len(readings))


def agreement(readings: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """(clusters whose readers all chose the same best, clusters read by two or more)."""
    best: dict[str, list[str]] = {}
    for reading in readings:
        best.setdefault(reading["cluster"], []).append(reading["order"][0])
    shared = [picks for picks in best.values() if len(picks) >= 2]
    return sum(len(set(picks)) == 1 for picks in shared), len(shared)


def score(
    raw: Sequence[dict[str, Any]], key: dict[str, dict[str, str]], sets: dict[str, str]
) -> dict[str, Any]:
    """The table's numbers: overall and per set (cluster -> set from the draw)."""
    readings = [by_system(r, key) for r in raw]
    seen: set[tuple[str, Any]] = set()
    for reading in readings:
        if reading["cluster"] not in sets:
            raise UsageError(f"reading of {reading['cluster']}: cluster not in the draw")
        pair = (reading["cluster"], reading["reader"])
        if pair in seen:
            raise UsageError(f"{pair[0]} read twice by {pair[1]!r}")
        seen.add(pair)
    scopes = {"all": readings}
    for set_name in SETS:
        scopes[set_name] = [r for r in readings if sets[r["cluster"]] == set_name]
    agreed, shared = agreement(readings)
    return {
        "readings": len(readings),
        "clusters": len({r["cluster"] for r in readings}),
        "scopes": {
            name: {"readings": len(part), "systems": system_rows(part)}
            for name, part in scopes.items()
        },
        "synth_above": {other: above(readings, "synth", other) for other in SYSTEMS[1:]},
        "agreement": {"same_best": agreed, "clusters_read_twice": shared},
    }


def _cells(values: Iterable[float | None], form: str) -> str:
    return " | ".join("–" if v is None else form.format(v) for v in values)


def format_table(result: dict[str, Any]) -> str:
    """The Markdown table of a score."""
    scopes = result["scopes"]
    rows = [
        ("ranked best", "all", "best", "{:.0%}"),
        ("ranked best, web pages", "multinews", "best", "{:.0%}"),
        ("ranked best, newswire", "duc2004", "best", "{:.0%}"),
        ("mean rank (1 best)", "all", "mean_rank", "{:.2f}"),
        ("mean rank, web pages", "multinews", "mean_rank", "{:.2f}"),
        ("mean rank, newswire", "duc2004", "mean_rank", "{:.2f}"),
        ("statements a reader must skip, per briefing", "all", "skip", "{:.1f}"),
        ("statements to skip, web pages", "multinews", "skip", "{:.1f}"),
        ("statements to skip, newswire", "duc2004", "skip", "{:.1f}"),
        ("key facts of the human summary given", "all", "key_facts", "{:.0%}"),
    ]
    head = f"measured blind, {result['readings']} readings of {result['clusters']} clusters"
    lines = [f"| {head} | " + " | ".join(SYSTEM_NAMES[s] for s in SYSTEMS) + " |"]
    lines.append("|---|" + "---:|" * len(SYSTEMS))
    for title, scope, field, form in rows:
        values = [scopes[scope]["systems"][s][field] for s in SYSTEMS]
        lines.append(f"| {title} | {_cells(values, form)} |")
    above_cells = _cells([None, *result["synth_above"].values()], "{:.0%}")
    lines.append(f"| synth ranked above it | {above_cells} |")
    agreed = result["agreement"]
    lines.append("")
    lines.append(
        f"Readers agreed on the best in {agreed['same_best']} of "
        f"{agreed['clusters_read_twice']} clusters read by two or more."
    )
    return "\n".join(lines) + "\n"


def read_json(path: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"{path}: cannot read ({error})") from None


def command_score(args: argparse.Namespace) -> None:
    draw = read_draw(args.draw)
    sets = {c["id"]: c["set"] for c in draw["clusters"]}
    result = score(read_readings(args.readings), read_json(args.key), sets)
    print(json.dumps(result, indent=2) if args.json else format_table(result).rstrip("\n"))


# ---------------------------------------------------------------- command line


def default_data() -> Path:
    """`../shared/eval` beside the repository, or beside the nearest folder above it that has
    one (a worktree under /work/wt/ reads /work/shared/eval)."""
    for folder in REPO.parents:
        if (folder / "shared" / "eval").is_dir():
            return folder / "shared" / "eval"
    return REPO.parent / "shared" / "eval"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    commands = top.add_subparsers(dest="command", required=True)
    data = str(default_data())
    draw = commands.add_parser("draw", help="freeze the tune and report draws")
    draw.add_argument("--data", default=data, help="folder holding multinews-dev/, duc2004-dev/")
    draw.add_argument("--seed", type=int, default=SEED)
    draw.add_argument("--out", default=str(DRAWS))
    draw.add_argument("--force", action="store_true", help="overwrite existing draw files")
    build = commands.add_parser("build", help="write the blind packets and the key of a draw")
    build.add_argument("draw")
    build.add_argument("outdir", nargs="?", help="default bench/out/prefer/<draw>-<commit>")
    build.add_argument("--data", default=data)
    build.add_argument("--force", action="store_true")
    scoring = commands.add_parser("score", help="the table of readers' JSON lines")
    scoring.add_argument("draw")
    scoring.add_argument("key")
    scoring.add_argument("readings", nargs="+")
    scoring.add_argument("--json", action="store_true")
    return top


def main(argv: Sequence[str] | None = None) -> None:
    """Run a subcommand. The synth measured is the one of this repository (a worktree's, not
    an installed copy's), so the packets and the commit in meta.json belong together."""
    if str(REPO) not in sys.path[:1]:
        sys.path.insert(0, str(REPO))
    args = parser().parse_args(argv)
    run = {"draw": command_draw, "build": command_build, "score": command_score}
    try:
        run[args.command](args)
    except UsageError as error:
        print(f"prefer: {error}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
