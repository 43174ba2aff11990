"""Digest throughput: a cold and a cached `synth digest` of the pooled development feeds.

Every cluster's docs of the datasets given (default: multinews-dev and duc2004-dev) are poured
into one folder, as `bench/digest.py --pour` does. Two runs follow, each a fresh process timed
from outside (peak memory is the kernel's count for that process, `os.wait4`):

- cold: an empty embedding cache and no parser answers kept (the ONNX export exists: it is
  made once, or linked from the user cache folder, and not timed);
- cached: the same feed again, the caches as the cold run left them, into a new folder.

Each run reports its time per stage (read, segment, embed, group, brief, of which the
parser's calls, and write), whether it imported spaCy or onnxruntime, and articles per second
(documents of the feed over the run's wall time). The two runs' files are compared byte for
byte (`SOURCE_DATE_EPOCH` fixes the run date). Nothing is printed of what the briefings say.

    python bench/throughput.py [DATASET ...] [--limit N] [--synth DIR] [--engine ray]

`--limit N` takes N clusters spread evenly over the pooled list (for a quick measurement on a
shared machine); `--synth DIR` runs another checkout of synth (e.g. `git archive` of an older
commit) with the same feed, for a before/after in one run.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ("multinews-dev", "duc2004-dev")
SEPARATOR = "--"

# The child: times the parser's calls by wrapping the loaded pipeline before synth imports
# `spacy_parser` by name, runs `digest`, and writes its timings as JSON.
CHILD = r"""
import json, os, sys, time
feed, out, cache, report, engine = sys.argv[1:6]
started = time.perf_counter()
import synth.understand.parser as P
parsing = [0.0]

class Timed:
    def __init__(self, inner):
        self.inner = inner
    def __getattr__(self, name):
        return getattr(self.inner, name)
    def __call__(self, *a, **k):
        t = time.perf_counter()
        try:
            return self.inner(*a, **k)
        finally:
            parsing[0] += time.perf_counter() - t
    def pipe(self, *a, **k):
        it = iter(self.inner.pipe(*a, **k))
        while True:
            t = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                parsing[0] += time.perf_counter() - t
                return
            parsing[0] += time.perf_counter() - t
            yield doc

loaded = P.spacy_parser
def timed_parser(*a, **k):
    t = time.perf_counter()
    inner = loaded(*a, **k)
    parsing[0] += time.perf_counter() - t
    return Timed(inner)
P.spacy_parser = timed_parser
from synth.digest import digest
from synth.engines import make_engine
runner = make_engine(engine)
begun = time.perf_counter()
try:
    run = digest([feed], out, engine=runner, cache_dir=cache)
finally:
    runner.close()
total = time.perf_counter() - begun
data = {
    "timings": run.timings, "parse": parsing[0], "total": total,
    "imports": begun - started, "stories": len(run.stories), "failed": len(run.failed),
    "spacy": "spacy" in sys.modules, "onnxruntime": "onnxruntime" in sys.modules,
    "torch": "torch" in sys.modules,
}
json.dump(data, open(report, "w"))
"""


def clusters(datasets: list[Path], limit: int | None) -> list[Path]:
    """The datasets' clusters in order; with `limit`, that many spread evenly over them."""
    found = [c for d in datasets for c in sorted(d.iterdir()) if (c / "docs").is_dir()]
    if limit is None or limit >= len(found):
        return found
    step = len(found) / limit
    return [found[int(k * step)] for k in range(limit)]


def pour(chosen: list[Path], folder: Path) -> int:
    """Copy each cluster's docs into `folder` as <cluster>--<doc>.txt; the number copied."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for cluster in chosen:
        for doc in sorted((cluster / "docs").glob("*.txt")):
            shutil.copyfile(doc, folder / f"{cluster.name}{SEPARATOR}{doc.name}")
            count += 1
    return count


def prepare_cache(cache: Path) -> None:
    """A cache folder holding only the ONNX export (linked from the user cache when there)."""
    cache.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    from synth.understand.cache import default_cache_dir

    existing = default_cache_dir() / "onnx"
    if existing.is_dir():
        shutil.copytree(existing, cache / "onnx", symlinks=True)
    else:
        subprocess.run(
            [sys.executable, "-m", "synth.understand.onnx_embed", str(cache)], check=True
        )


def timed_run(synth: Path, feed: Path, out: Path, cache: Path, engine: str) -> dict:
    """One digest in a fresh process: its report, wall seconds and peak MB."""
    report = out.with_suffix(".json")
    env = dict(os.environ, PYTHONPATH=str(synth), SOURCE_DATE_EPOCH="1700000000")
    command = [sys.executable, "-c", CHILD, str(feed), str(out), str(cache), str(report), engine]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=synth, env=env, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"digest failed:\n{errors[-3000:]}")
    data = json.loads(report.read_text())
    data.update(wall=seconds, peak=usage.ru_maxrss / 1024)
    return data


def same_files(one: Path, other: Path) -> bool:
    """Whether the two folders hold the same file names with the same bytes."""
    names = sorted(p.name for p in one.iterdir())
    if names != sorted(p.name for p in other.iterdir()):
        return False
    _, mismatch, errors = filecmp.cmpfiles(one, other, names, shallow=False)
    return not mismatch and not errors


def rows(label: str, data: dict, documents: int) -> list[list[str]]:
    """Table rows of one run: its stages, then the whole."""
    timings = data["timings"]
    staged = sum(timings.values())
    brief = timings.get("brief", 0.0)
    parts = [(k, timings[k]) for k in ("read", "segment", "embed", "group") if k in timings]
    parts += [("brief, less parse", brief - data["parse"]), ("parse (spaCy)", data["parse"])]
    parts += [("write index, other", data["total"] - staged), ("imports", data["imports"])]
    out = [[label, name, f"{seconds:.2f}", "", ""] for name, seconds in parts]
    loaded = [n for n in ("onnxruntime", "spacy", "torch") if data[n]] or ["none"]
    out.append(
        [
            label,
            f"**whole run** (loaded: {', '.join(loaded)})",
            f"**{data['wall']:.2f}**",
            f"{data['peak']:.0f}",
            f"**{documents / data['wall']:.1f}**",
        ]
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, help="this many clusters, spread evenly")
    parser.add_argument("--synth", type=Path, default=ROOT, help="the checkout of synth to run")
    parser.add_argument("--engine", default="local", choices=("local", "ray"))
    parser.add_argument("--keep", type=Path, help="keep the feed, cache and outputs here")
    options = parser.parse_args()
    shared = next(p / "shared/eval" for p in ROOT.parents if (p / "shared/eval").is_dir())
    datasets = options.datasets or [shared / d for d in DATASETS]
    folder = Path(options.keep or tempfile.mkdtemp(prefix="synth-throughput-"))
    try:
        documents = pour(clusters(datasets, options.limit), folder / "feed")
        prepare_cache(folder / "cache")
        load = os.getloadavg()[0]
        synth = options.synth.resolve()
        cold = timed_run(synth, folder / "feed", folder / "cold", folder / "cache", options.engine)
        cached = timed_run(
            synth, folder / "feed", folder / "cached", folder / "cache", options.engine
        )
        identical = same_files(folder / "cold", folder / "cached")
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(
        f"{documents} documents, {cold['stories']} stories ({cold['failed']} failed), "
        f"synth from {synth}, engine {options.engine}, load average {load:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after\n"
    )
    print("| run | stage | seconds | peak MB | articles/s |")
    print("|---|---|---:|---:|---:|")
    for line in rows("cold", cold, documents) + rows("cached", cached, documents):
        print("| " + " | ".join(line) + " |")
    print(f"\ncached run's files byte-identical to the cold run's: {'yes' if identical else 'NO'}")


if __name__ == "__main__":
    main()
