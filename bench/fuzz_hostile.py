"""Fuzz campaigns of issue 27 (run through bench/fuzz.py): nested encodings, shared and
symlinked output folders, damaged caches and exports, signals.

- `encodings`: a server on 127.0.0.1 sends bodies under 1 to 4 random layers of gzip or
  deflate (bombs of zeros, articles, damaged streams); each fetch must read the article or
  refuse it in one line, within the deadline and without holding more than a few times the
  size cap.
- `output-folders`: links planted under synth's names in a digest folder (to files outside
  it), then a digest: no file outside the folder may change; and two digests started at once
  into one folder: one writes, the other is refused (exit 2), the folder is never mixed.
- `caches`: the embedding cache damaged at random (bytes overwritten, truncated, a bad
  `models` row, vectors of the wrong size), answers replaced by ones no run could give (an
  unknown verdict, a name the text does not hold), an ONNX export's files changed: the
  vectors and the briefing must be those of a clean cache, a changed export must be seen.
- `signals`: `brief -o` and `digest -o` sent SIGTERM or SIGINT at a random moment: exit 0,
  130 or 143 with no traceback, no temporary file left, and the folder usable at once.

Each returns its counts; a crash is any outcome the campaign does not allow.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import zlib
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
ALEPPO = ROOT / "fixtures" / "aleppo"
ARTICLE = (
    b"<html><head><title>Bridge reopens</title></head><body><article>"
    b"<p>The old bridge reopened on Monday after two years of repairs, the city said.</p>"
    b"<p>Traffic was light in the morning but officials expect queues at the weekend.</p>"
    b"</article></body></html>"
)
CAP = 1 << 20


def _layer(data: bytes, kind: str) -> bytes:
    if kind == "gzip":
        return gzip.compress(data, 6)
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS if kind == "raw" else 15)
    return packer.compress(data) + packer.flush()


class _Bodies(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        encoding, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def encodings_campaign(examples: int, seed: int = 27) -> dict[str, object]:
    from synth.core import InputError
    from synth.read.fetch import fetch

    chance = random.Random(seed)
    zeros = bytes(32 << 20)
    for n in range(examples):
        layers = [chance.choice(["gzip", "deflate", "raw"]) for _ in range(chance.randint(1, 4))]
        kind = chance.choice(["bomb", "article", "damaged"])
        body = zeros if kind == "bomb" else ARTICLE
        for layer in layers:
            body = _layer(body, layer)
        if kind == "damaged":
            cut = chance.randrange(1, len(body))
            body = body[:cut] + bytes(chance.randrange(256) for _ in range(8)) + body[cut + 8 :]
        names = ["deflate" if layer == "raw" else layer for layer in layers]
        _Bodies.routes[f"/{n}"] = (", ".join(names), body)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Bodies)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}"
    outcomes: Counter[str] = Counter()
    worst_peak = worst_seconds = 0.0
    try:
        for n in range(examples):
            tracemalloc.start()
            started = time.monotonic()
            try:
                page = fetch(f"{address}/{n}", CAP, allow_private=True)
                outcomes["read" if page.data == ARTICLE else "CRASH (wrong body)"] += 1
            except InputError:
                outcomes["refused in one line"] += 1
            except Exception as error:  # the campaign counts what it does not allow
                outcomes[f"CRASH ({error.__class__.__name__})"] += 1
            worst_seconds = max(worst_seconds, time.monotonic() - started)
            worst_peak = max(worst_peak, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
    finally:
        server.shutdown()
    over = worst_peak > 8 * CAP
    crashes = sum(v for k, v in outcomes.items() if k.startswith("CRASH")) + over
    return {
        "examples": examples,
        **outcomes,
        "peak MB": round(worst_peak / 2**20, 1),
        "slowest s": round(worst_seconds, 1),
        "crashes": crashes,
    }


def _digest_cli(feed: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    from tests.conftest import FAKE_MAIN

    return subprocess.Popen(
        [sys.executable, "-c", FAKE_MAIN, "digest", str(feed), "-o", str(out), "-q", *extra],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def output_folder_campaign(examples: int, seed: int = 27) -> dict[str, object]:
    from synth.digest import digest
    from tests.conftest import FakeEmbedder
    from tests.feeds import write_feed

    chance = random.Random(seed)
    outcomes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        feed = write_feed(folder / "feed")
        out = folder / "out"
        digest([str(feed)], out, embedder=FakeEmbedder())
        names = sorted(p.name for p in out.iterdir())
        for n in range(examples):
            victim = folder / f"victim-{n}.txt"
            victim.write_text("precious")
            planted = chance.choice(names)
            (out / planted).unlink()
            (out / planted).symlink_to(victim if chance.random() < 0.7 else folder / f"new-{n}")
            try:
                digest([str(feed)], out, embedder=FakeEmbedder())
                outcome = "written"
            except Exception as error:
                outcome = f"refused ({error.__class__.__name__})"
            leaked = victim.read_text() != "precious" or (folder / f"new-{n}").exists()
            outcomes["CRASH (wrote outside)" if leaked else f"link: {outcome}"] += 1
            if (out / planted).is_symlink():  # a refused run leaves the link: start again
                (out / planted).unlink()
                digest([str(feed)], out, embedder=FakeEmbedder())
        for n in range(max(1, examples // 4)):
            shared = folder / f"shared-{n}"
            runs = [_digest_cli(feed, shared) for _ in range(2)]
            codes = sorted(run.wait(timeout=300) for run in runs)
            manifest = json.loads((shared / ".synth-digest").read_text())
            files = {p.name for p in shared.iterdir()} - {".synth-digest"}
            mixed = files != set(manifest["files"])
            if mixed or codes not in ([0, 0], [0, 2]):
                outcomes[f"CRASH (codes {codes}, mixed {mixed})"] += 1
            else:
                outcomes[
                    "concurrent: " + ("one refused" if codes == [0, 2] else "one after the other")
                ] += 1
    crashes = sum(v for k, v in outcomes.items() if k.startswith("CRASH"))
    return {"examples": sum(outcomes.values()), **outcomes, "crashes": crashes}


def _damage_cache(path: Path, chance: random.Random) -> str:
    kind = chance.choice(["bytes", "truncate", "models", "vector", "empty"])
    if kind == "bytes":
        data = bytearray(path.read_bytes())
        for _ in range(chance.randint(1, 40)):
            data[chance.randrange(len(data))] = chance.randrange(256)
        path.write_bytes(bytes(data))
    elif kind == "truncate":
        path.write_bytes(path.read_bytes()[: chance.randrange(len(path.read_bytes()))])
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        db = sqlite3.connect(path)
        if kind == "models":
            value = chance.choice(["'abc'", "1e999", "0", "-1", "X'00'", "2.5"])
            db.execute(f"UPDATE models SET dimensions = {value}")
        else:
            db.execute("UPDATE vectors SET vector = X'0000803F' WHERE rowid % 2 = 0")
        db.commit()
        db.close()
    return kind


def cache_campaign(examples: int, seed: int = 27) -> dict[str, object]:
    import numpy as np

    import synth
    from synth.understand.cache import FILE_NAME, CachedEmbedder
    from synth.understand.onnx_embed import GRAPH_FILE, WEIGHTS_FILE, files_intact, record_check
    from tests.conftest import FakeEmbedder

    chance = random.Random(seed)
    outcomes: Counter[str] = Counter()
    texts = [f"Sentence {n} about the bridge and the river." for n in range(60)]
    clean = FakeEmbedder().encode(texts)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for n in range(examples):
            cache = folder / f"cache-{n}"
            CachedEmbedder(FakeEmbedder(), "fake", cache).encode(texts)
            kind = _damage_cache(cache / FILE_NAME, chance)
            try:
                again = CachedEmbedder(FakeEmbedder(), "fake", cache).encode(texts)
                same = np.allclose(again, clean, rtol=0, atol=1e-3)  # a damaged low byte
                shown = (
                    f"embedding cache, {kind}: same" if same else f"CRASH (cache, {kind}: other)"
                )
                outcomes[shown] += 1
            except Exception as error:
                outcomes[f"CRASH (embedding cache, {kind}: {error.__class__.__name__})"] += 1
        answers = folder / "answers"
        first = synth.render(
            synth.brief([str(ALEPPO)], embedder=FakeEmbedder(), cache_dir=answers), "md"
        )
        for _ in range(max(1, examples // 5)):
            for path in (answers / "answers-v1").glob("*.json"):
                kept = json.loads(path.read_text())["answers"]
                forged = {
                    # what no run could have written (a forged None or real name is undetectable)
                    k: chance.choice(["bogus", "Zorblax Quimby", v])
                    for k, v in kept.items()
                }
                path.write_text(json.dumps({"answers": forged}))
            again = synth.render(
                synth.brief([str(ALEPPO)], embedder=FakeEmbedder(), cache_dir=answers), "md"
            )
            outcomes["answers tampered: same" if again == first else "CRASH (answers: other)"] += 1
        for n in range(examples):
            export = folder / f"export-{n}"
            export.mkdir()
            (export / GRAPH_FILE).write_bytes(bytes(chance.randrange(256) for _ in range(2000)))
            (export / WEIGHTS_FILE).write_bytes(bytes(chance.randrange(256) for _ in range(20000)))
            record_check(export, np.ones(4, dtype=np.float32))
            kind = chance.choice(["truncate", "overwrite", "remove", "check file"])
            target = export / chance.choice([GRAPH_FILE, WEIGHTS_FILE])
            if kind == "truncate":
                target.write_bytes(target.read_bytes()[:-1])
            elif kind == "overwrite":
                data = bytearray(target.read_bytes())
                data[chance.randrange(len(data))] ^= 0xFF
                time.sleep(0.01)
                target.write_bytes(bytes(data))
            elif kind == "remove":
                target.unlink()
            else:
                (export / "export-check.json").write_text(
                    chance.choice(["{", "[]", '{"files": 1}'])
                )
            outcomes[
                f"export, {kind}: " + ("CRASH (not seen)" if files_intact(export) else "seen")
            ] += 1
    crashes = sum(v for k, v in outcomes.items() if k.startswith("CRASH"))
    return {"examples": sum(outcomes.values()), **outcomes, "crashes": crashes}


# As the `synth` command starts (synth.entry): the handlers first, then everything else.
SLOW_EMBEDDER = (
    "from synth.interrupt import Interrupted, install\n"
    "install()\n"
    "import sys\n"
    "try:\n"
    "    import time\n"
    "    from tests.conftest import FakeEmbedder\n"
    "except Interrupted as stop:\n"
    "    sys.stderr.write(f'synth: {stop.message}\\n')\n"
    "    sys.exit(stop.exit_code)\n"
    "class Slow(FakeEmbedder):\n"
    "    def encode(self, texts):\n"
    "        time.sleep(0.05)\n"
    "        return super().encode(texts)\n"
    "from synth.entry import main\n"
    "sys.argv = ['synth', *sys.argv[1:]]\n"
    "main(obj={'embedder': Slow()})\n"
)


def signal_campaign(examples: int, seed: int = 27) -> dict[str, object]:
    from tests.feeds import write_feed

    chance = random.Random(seed)
    outcomes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        feed = write_feed(folder / "feed")
        for n in range(examples):
            command = chance.choice(["brief", "digest"])
            sent = chance.choice([signal.SIGTERM, signal.SIGINT])
            out = folder / (f"out-{n}" if command == "digest" else f"out-{n}.md")
            process = subprocess.Popen(
                [sys.executable, "-c", SLOW_EMBEDDER, command, str(feed), "-o", str(out), "-q"],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            time.sleep(chance.uniform(0.0, 4.0))
            process.send_signal(sent)
            _, stderr = process.communicate(timeout=120)
            code = process.returncode
            left = [p.name for p in folder.rglob(".*.tmp")]
            usable = True
            if command == "digest":
                again = _digest_cli(feed, out)
                usable = again.wait(timeout=300) == 0
            allowed = {0, 130 if sent == signal.SIGINT else 143}
            fine = code in allowed and "Traceback" not in stderr and not left and usable
            if code == -sent and not left and usable:
                # The signal came while the interpreter itself started, before any code of
                # synth ran: Python's default action, which no package can change.
                outcomes[f"{command}: {sent.name} before synth started"] += 1
                continue
            outcomes[
                f"{command}: exit {code}"
                if fine
                else f"CRASH ({command}: {code}, {left}, usable {usable})"
            ] += 1
    crashes = sum(v for k, v in outcomes.items() if k.startswith("CRASH"))
    return {"examples": examples, **outcomes, "crashes": crashes}
