"""Issue 27, round three of hostile inputs: nested encodings, shared output folders, damaged
caches and exports, signals, odd options. Servers listen on 127.0.0.1 only."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import sys
import threading
import time
import tracemalloc
import zlib
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from synth.cli import main
from synth.core import InputError
from synth.read.fetch import fetch
from synth.read.sources import load_sources
from tests.conftest import FakeEmbedder
from tests.feeds import write_feed

# Hostile cases through the real command line, subprocesses and timers:
# `pytest -m "not slow"` leaves them to the full run (CI).
pytestmark = pytest.mark.slow


@dataclass
class Ran:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(monkeypatch, capsys):
    """`synth ARGS` through main(), as the command line runs it, with a fake embedder."""

    def run(*args: str) -> Ran:
        monkeypatch.setattr(sys, "argv", ["synth", *args])
        capsys.readouterr()
        try:
            main(obj={"embedder": FakeEmbedder()})
            code = 0
        except SystemExit as exit:
            code = int(exit.code or 0)
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


@pytest.fixture
def feed(tmp_path) -> Path:
    return write_feed(tmp_path)


ARTICLE = (
    b"<html><head><title>Bridge reopens</title></head><body><article>"
    b"<p>The old bridge reopened on Monday after two years of repairs, the city said.</p>"
    b"<p>Traffic was light in the morning but officials expect queues at the weekend.</p>"
    b"</article></body></html>"
)


def gzip_of_zeros(size: int) -> bytes:
    """gzip of `size` zero bytes, built a megabyte at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(size >> 20)]
    return b"".join([*parts, packer.flush()])


class Encoded(BaseHTTPRequestHandler):
    """Serves bodies with the Content-Encoding header of the route."""

    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        encoding, body = self.routes.get(self.path, ("", b""))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def encoded_server():
    bomb = gzip.compress(gzip_of_zeros(64 << 20))
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    Encoded.routes = {
        "/bomb": ("gzip, gzip", bomb),
        "/gzip": ("gzip", gzip.compress(ARTICLE)),
        "/twice": ("gzip, gzip", gzip.compress(gzip.compress(ARTICLE))),
        "/members": ("gzip", gzip.compress(ARTICLE[:60]) + gzip.compress(ARTICLE[60:])),
        "/deflate": ("deflate", zlib.compress(ARTICLE)),
        "/raw-deflate": ("deflate", raw_deflate.compress(ARTICLE) + raw_deflate.flush()),
        "/brotli": ("br", b"\x0b\x02\x80hello\x03"),
        "/damaged": ("gzip", gzip.compress(ARTICLE)[:20] + b"garbage" * 10),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Encoded)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_nested_gzip_is_capped_at_every_layer_without_inflating_it(encoded_server):
    """Row 1: gzip of gzip of 64 MB of zeros, under a 1 MB cap, never holds the 64 MB."""
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="byte limit"):
            fetch(f"{encoded_server}/bomb", max_bytes=1 << 20, allow_private=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20, f"peak {peak:,} bytes"


def test_a_bomb_costs_only_itself(encoded_server):
    problems: list[str] = []
    sources = load_sources(
        [f"{encoded_server}/bomb", f"{encoded_server}/gzip"],
        max_bytes=1 << 20,
        warn=problems.append,
        allow_private=True,
    )
    assert [s.title for s in sources] == ["Bridge reopens"]
    assert len(problems) == 1 and "limit" in problems[0]


@pytest.mark.parametrize("route", ["/gzip", "/twice", "/members", "/deflate", "/raw-deflate"])
def test_encoded_pages_are_decoded(encoded_server, route):
    fetched = fetch(f"{encoded_server}{route}", max_bytes=10_000, allow_private=True)
    assert fetched.data == ARTICLE


@pytest.mark.parametrize(
    ("route", "message"), [("/brotli", "'br' is not supported"), ("/damaged", "damaged")]
)
def test_undecodable_bodies_are_one_clear_reason(encoded_server, route, message):
    with pytest.raises(InputError, match=message):
        fetch(f"{encoded_server}{route}", max_bytes=10_000, allow_private=True)


class Hanging(BaseHTTPRequestHandler):
    """Every request waits until the test ends."""

    release = threading.Event()

    def do_GET(self) -> None:
        Hanging.release.wait(60)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hanging_server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hanging)
    Hanging.release.clear()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Hanging.release.set()
    httpd.shutdown()


def test_hanging_urls_are_fetched_side_by_side_under_one_deadline(hanging_server):
    """Row 13: 16 URLs that hang cost one deadline, not sixteen one after another."""
    from synth.read.fetch import fetch_all

    urls = [f"{hanging_server}/{n}" for n in range(16)]
    started = time.monotonic()
    results = fetch_all(urls, 1000, allow_private=True, workers=8, overall=3.0, timeout=1.0)
    assert time.monotonic() - started < 6  # one after another: 16 s
    assert set(results) == set(urls)
    assert all(isinstance(r, InputError) for r in results.values())


def test_an_overall_deadline_ends_what_the_pool_did_not_reach(hanging_server):
    from synth.read.fetch import fetch_all

    urls = [f"{hanging_server}/{n}" for n in range(6)]
    started = time.monotonic()
    results = fetch_all(urls, 1000, allow_private=True, workers=2, overall=1.5, timeout=10.0)
    assert time.monotonic() - started < 4
    assert all("within 1.5 s for all URLs" in str(r) for r in results.values())


def test_a_page_of_millions_of_tiny_paragraphs_is_refused_quickly(tmp_path):
    """Row 13: 19 MB of <p>x</p> took minutes and gigabytes in trafilatura."""
    page = tmp_path / "tiny.html"
    page.write_text("<html><body>" + "<p>x</p>" * 2_400_000 + "</body></html>")
    good = tmp_path / "good.html"
    good.write_bytes(ARTICLE)
    problems: list[str] = []
    started = time.monotonic()
    sources = load_sources([str(page), str(good)], warn=problems.append)
    assert time.monotonic() - started < 20
    assert len(sources) == 1
    assert len(problems) == 1 and "elements" in problems[0]


def test_digest_never_writes_through_a_link_planted_in_its_folder(feed, tmp_path, run_cli):
    """Row 2: a story file replaced by a link to another file; the rerun replaces the link."""
    out = tmp_path / "out"
    assert run_cli("digest", str(feed), "-o", str(out), "-q").exit_code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (out / "story-001.md").unlink()
    (out / "story-001.md").symlink_to(victim)
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(tmp_path / "new-file.html")
    assert run_cli("digest", str(feed), "-o", str(out), "-q").exit_code == 0
    assert victim.read_text() == "precious"
    assert not (tmp_path / "new-file.html").exists()
    assert not (out / "story-001.md").is_symlink() and (out / "story-001.md").is_file()
    assert "Digest of" in (out / "index.html").read_text()


def test_a_linked_manifest_is_refused(feed, tmp_path, run_cli):
    out = tmp_path / "out"
    assert run_cli("digest", str(feed), "-o", str(out), "-q").exit_code == 0
    elsewhere = tmp_path / "list.json"
    (out / ".synth-digest").rename(elsewhere)
    (out / ".synth-digest").symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    result = run_cli("digest", str(feed), "-o", str(out), "-q")
    assert result.exit_code == 2 and "is a link" in result.stderr
    assert elsewhere.read_bytes() == before


def test_a_second_digest_into_a_busy_folder_is_refused(feed, tmp_path, run_cli):
    """Row 3: while another run holds the folder, a digest into it writes nothing."""
    out = tmp_path / "out"
    out.mkdir()
    holder = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run_cli("digest", str(feed), "-o", str(out), "-q")
    finally:
        os.close(holder)
    assert result.exit_code == 2, result.stderr
    assert "another synth digest is writing" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(out.iterdir()) == []
    assert run_cli("digest", str(feed), "-o", str(out), "-q").exit_code == 0


def test_a_temporary_left_by_a_killed_digest_does_not_lock_the_folder(feed, tmp_path, run_cli):
    """Row 9: a run killed while writing its first list of files left only a temporary."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "..synth-digest.k3j_x9q2.tmp").write_text('{"files": [')
    result = run_cli("digest", str(feed), "-o", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    assert not (out / "..synth-digest.k3j_x9q2.tmp").exists()
    assert json.loads((out / ".synth-digest").read_text())["written_by"] == "synth digest"


def test_a_failed_digest_leaves_no_new_empty_folder(tmp_path, run_cli):
    (tmp_path / "empty").mkdir()
    result = run_cli("digest", str(tmp_path / "empty"), "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 2
    assert not (tmp_path / "o").exists()


def one_line_article(characters: int) -> str:
    """A whole article on one line: sentences, a quote in every twentieth."""
    sentences = []
    total = n = 0
    while total < characters:
        n += 1
        sentence = f"The council said on Monday that {n} people left the old bridge area."
        if n % 20 == 0:
            sentence = f'"We moved {n} families out of the flooded streets," the mayor said.'
        sentences.append(sentence)
        total += len(sentence) + 1
    return " ".join(sentences)


def test_a_paragraph_over_a_million_characters_is_cut_at_sentence_ends():
    """Row 4: no paragraph that reaches the parser is longer than the cap."""
    from synth.read.sources import MAX_PARAGRAPH_CHARS, paragraph_blocks

    text = one_line_article(1_200_000)
    blocks = paragraph_blocks(text, [(0, len(text))])
    assert len(blocks) > 50
    assert all(b - a <= MAX_PARAGRAPH_CHARS for a, b in blocks)
    assert all(text[b - 1] == "." and text[a] in 'T"' for a, b in blocks)
    assert sum(b - a for a, b in blocks) > len(text) * 0.99


def test_a_paragraph_too_long_to_parse_gets_no_speaker_and_no_error():
    from synth.compare.speakers import SpeakerFinder
    from synth.core import Source
    from synth.read.quotemarks import quote_spans

    text = one_line_article(1_200_000)
    source = Source(1, "long.txt", text, "long", blocks=((0, len(text)),))
    spans = quote_spans(text, source.blocks)[:3]

    def parse(text: str) -> object:
        raise AssertionError("a million characters reached the parser")

    assert SpeakerFinder(parse=parse).speakers(source, spans) == {0: None, 1: None, 2: None}


def test_an_overlong_article_is_read_up_to_the_cap_with_a_warning(tmp_path):
    from synth.read.sources import MAX_ARTICLE_CHARS

    path = tmp_path / "long.txt"
    path.write_text(one_line_article(MAX_ARTICLE_CHARS * 3))
    problems: list[str] = []
    (source,) = load_sources([str(path)], warn=problems.append)
    assert MAX_ARTICLE_CHARS // 2 < len(source.text) <= MAX_ARTICLE_CHARS
    assert source.text.rstrip().endswith(".")
    assert len(problems) == 1 and "only its first 100,000 are read" in problems[0]


@pytest.mark.slow
def test_a_19_mb_one_line_file_is_briefed_in_reasonable_time(tmp_path):
    """Row 4: exit 70 (spaCy E088) or over 900 s before; now a briefing of its first part."""
    import subprocess

    from tests.conftest import FAKE_MAIN, ROOT

    path = tmp_path / "one-line.txt"
    line = one_line_article(1_000_000)
    path.write_text((line + " ") * 19 + "\n")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", FAKE_MAIN, "brief", str(path), "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 3, result.stderr
    assert "only its first" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.startswith("# ") and "\n## Sources\n\n- [1] " in result.stdout
    assert time.monotonic() - started < 300


def test_a_huge_number_is_no_figure_and_no_crash():
    """Row 5: a number of 400 digits read as infinity crashed the figures (exit 70)."""
    from synth.write.render import render
    from tests.test_robustness import brief_texts

    huge = "9" * 400
    text = (
        f"The council said on Monday that {huge} people left the old bridge area after the "
        f"flood. Officials said {huge} people were moved to the school, the mayor said."
    )
    made = brief_texts([text, text.replace("Officials", "Police"), text])
    assert made is not None
    assert "inf" not in render(made, "md", appendix=True).lower().split()


def test_one_story_that_fails_is_reported_and_left_out(feed, monkeypatch):
    """Row 5: a story's briefing failing with any error costs only that story."""
    import synth.digest as digest_module

    real = digest_module.brief_story

    def flaky(job):
        if job.stem == "story-002":
            raise OverflowError("cannot convert float infinity to integer")
        return real(job)

    monkeypatch.setattr(digest_module, "brief_story", flaky)
    problems: list[str] = []
    run = digest_module.make_digest([str(feed)], embedder=FakeEmbedder(), warn=problems.append)
    assert [s.stem for s in run.stories] == ["story-001", "story-003"]
    assert problems == [
        "story-002: no briefing (internal error: OverflowError: cannot convert float infinity "
        "to integer)"
    ]


@pytest.mark.parametrize("bad", ["'abc'", "1e999", "0", "X'00'", "-3"])
def test_a_damaged_models_row_moves_the_cache_aside(tmp_path, bad):
    """Row 6: a models row that holds no length crashed every run with exit 70."""
    import sqlite3

    from synth.understand.cache import FILE_NAME, CachedEmbedder

    texts = ["The bridge reopened.", "Traffic was light."]
    first = CachedEmbedder(FakeEmbedder(), "fake", tmp_path).encode(texts)
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute(f"UPDATE models SET dimensions = {bad}")
    db.commit()
    db.close()
    again = CachedEmbedder(FakeEmbedder(), "fake", tmp_path)
    assert (again.encode(texts) == first).all()
    assert any(p.name.startswith(f"{FILE_NAME}.damaged") for p in tmp_path.iterdir())
    assert (CachedEmbedder(FakeEmbedder(), "fake", tmp_path).encode(texts) == first).all()


class NaNEmbedder(FakeEmbedder):
    """A damaged model: every vector is NaN."""

    name = "damaged"

    def encode(self, texts):
        return super().encode(texts) * float("nan")


def test_nan_vectors_are_one_clear_error_not_a_crash_in_merge(tmp_path, monkeypatch, capsys):
    """Row 7: NaN vectors ended in exit 70 inside understand/merge."""
    from tests.conftest import ALEPPO

    for command in (["brief", str(ALEPPO)], ["digest", str(ALEPPO), "-o", str(tmp_path / "o")]):
        monkeypatch.setattr(sys, "argv", ["synth", *command, "-q"])
        with pytest.raises(SystemExit) as ended:
            main(obj={"embedder": NaNEmbedder()})
        err = capsys.readouterr().err
        assert ended.value.code == 1, err
        assert err.count("\n") == 1 and "not numbers (NaN)" in err


def fake_export(folder: Path) -> None:
    from synth.understand.onnx_embed import GRAPH_FILE, WEIGHTS_FILE, record_check

    folder.mkdir(parents=True)
    (folder / GRAPH_FILE).write_bytes(b"graph" * 100)
    (folder / WEIGHTS_FILE).write_bytes(bytes(range(256)) * 400)
    record_check(folder, np.ones(4, dtype=np.float32))


def test_an_export_whose_files_changed_is_not_intact(tmp_path):
    """Row 7: a truncated, missing or altered export file is seen before it is loaded."""
    from synth.understand.onnx_embed import CHECK_FILE, GRAPH_FILE, WEIGHTS_FILE, files_intact

    folder = tmp_path / "export"
    fake_export(folder)
    assert files_intact(folder)
    weights = folder / WEIGHTS_FILE
    data = bytearray(weights.read_bytes())
    data[5000:5004] = b"\xff\xff\xff\x7f"  # a NaN written over a weight
    weights.write_bytes(bytes(data))
    assert not files_intact(folder)
    fake_export(tmp_path / "truncated")
    graph = tmp_path / "truncated" / GRAPH_FILE
    graph.write_bytes(graph.read_bytes()[:100])
    assert not files_intact(tmp_path / "truncated")
    fake_export(tmp_path / "missing")
    (tmp_path / "missing" / GRAPH_FILE).unlink()
    assert not files_intact(tmp_path / "missing")
    fake_export(tmp_path / "unrecorded")
    (tmp_path / "unrecorded" / CHECK_FILE).write_text("{")
    assert not files_intact(tmp_path / "unrecorded")


def test_an_export_left_by_a_killed_run_is_removed(tmp_path):
    """Row 9: a half-written export (87 MB) stayed in the cache for good."""
    import subprocess

    from synth.understand.onnx_embed import remove_dead_temporaries

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = tmp_path / f".0123abcd.{gone.pid}.x7q2_k1a"
    live = tmp_path / f".0123abcd.{os.getpid()}.x7q2_k1a"
    for folder in (dead, live):
        folder.mkdir()
        (folder / "traced.onnx").write_bytes(b"half")
    remove_dead_temporaries(tmp_path)
    assert not dead.exists() and live.exists()


@pytest.mark.slow
def test_a_damaged_export_is_exported_again(model_cache, tmp_path):
    """Row 7: damaged weights gave NaN (exit 70); a truncated graph fell back to
    sentence-transformers on every run and was never rebuilt."""
    import shutil

    from synth.understand.onnx_embed import (
        GRAPH_FILE,
        WEIGHTS_FILE,
        BundledEmbedder,
        OnnxEmbedder,
        files_intact,
    )

    shutil.copytree(model_cache / "onnx", tmp_path / "onnx")
    (graph,) = (tmp_path / "onnx").glob(f"*/{GRAPH_FILE}")
    texts = ["The bridge reopened on Monday.", "Traffic was light."]
    expected = BundledEmbedder(cache_dir=model_cache).encode(texts)
    weights = graph.parent / WEIGHTS_FILE
    with weights.open("r+b") as handle:
        handle.seek(4_000_000)
        handle.write(b"\xff\xff\xff\x7f" * 100_000)  # NaN over 400 kB of weights
    graph.write_bytes(graph.read_bytes()[:1000])
    notes: list[str] = []
    embedder = BundledEmbedder(cache_dir=tmp_path, note=notes.append)
    vectors = embedder.encode(texts)
    assert isinstance(embedder.backend(), OnnxEmbedder) and notes == []
    assert np.allclose(vectors, expected, atol=1e-6)
    assert files_intact(graph.parent)
    assert sorted(p.name for p in (tmp_path / "onnx").iterdir() if p.name.startswith(".")) == []


SLOW_DIGEST = (
    "import time, sys\n"
    "import synth.cli\n"
    "from tests.conftest import FakeEmbedder\n"
    "class Slow(FakeEmbedder):\n"
    "    def encode(self, texts):\n"
    "        print('embedding', flush=True); time.sleep(30)\n"
    "        return super().encode(texts)\n"
    "sys.argv = ['synth', *sys.argv[1:]]\n"
    "synth.cli.main(obj={'embedder': Slow()})\n"
)


@pytest.mark.parametrize("command", ["brief", "digest"])
def test_sigterm_ends_like_ctrl_c_with_143_and_leaves_nothing(tmp_path, command):
    """Row 9: SIGTERM (kill, systemd, cron) left temporaries and a locked folder."""
    import signal
    import subprocess

    from tests.conftest import ALEPPO, ROOT

    out = tmp_path / ("out" if command == "digest" else "briefing.md")
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_DIGEST, command, str(ALEPPO), "-o", str(out), "-q"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "embedding"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 143
    assert stderr == "synth: terminated\n"
    assert [p.name for p in tmp_path.iterdir()] == []


def closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("address", "code", "message"),
    [
        ("closed", 1, "cannot reach a Ray cluster at 127.0.0.1:"),
        ("nonsense", 2, "not a Ray address"),
        ("127.0.0.1:99999", 2, "not a Ray address"),
        ("auto", 1, "no running Ray cluster found"),
    ],
)
def test_a_ray_address_that_cannot_be_used_is_one_line_within_seconds(
    feed, tmp_path, run_cli, monkeypatch, address, code, message
):
    """Row 10: exit 70 after up to 821 s of retries and ~60 log lines despite -q."""
    pytest.importorskip("ray")
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.setenv("RAY_TMPDIR", str(tmp_path))
    if address == "closed":
        address = f"127.0.0.1:{closed_port()}"
    started = time.monotonic()
    result = run_cli(
        "digest", str(feed), "-o", str(tmp_path / "o"), "--engine", "ray", "--address", address
    )
    assert time.monotonic() - started < 15
    assert result.exit_code == code, result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert not (tmp_path / "o").exists()


def test_address_without_the_ray_engine_is_a_usage_error(feed, tmp_path, run_cli):
    result = run_cli("digest", str(feed), "-o", str(tmp_path / "o"), "--address", "auto")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


def story_paths(paths: list[Path]) -> list[list[str]]:
    from synth.digest import make_digest

    run = make_digest([str(p) for p in paths], embedder=FakeEmbedder(), max_words=60)
    return [sorted(Path(s.path).name for s in story.briefing.sources) for story in run.stories]


def test_a_feed_of_copies_only_is_one_story(feed, tmp_path):
    """Row 8: identical copies are one report, not no report."""
    folder = tmp_path / "copies"
    folder.mkdir()
    for n in range(3):
        (folder / f"copy-{n}.txt").write_bytes((feed / "bridge-1.txt").read_bytes())
    assert story_paths([folder]) == [["copy-0.txt", "copy-1.txt", "copy-2.txt"]]


def test_five_outlets_running_one_wire_copy_are_one_story(tmp_path):
    from tests.conftest import ALEPPO

    folder = tmp_path / "wire"
    folder.mkdir()
    first = sorted(ALEPPO.iterdir())[0]
    for n in range(5):
        (folder / f"outlet-{n}.txt").write_bytes(first.read_bytes())
    assert story_paths([folder]) == [[f"outlet-{n}.txt" for n in range(5)]]


def test_three_copies_do_not_split_a_story(tmp_path):
    from tests.conftest import ALEPPO

    folder = tmp_path / "aleppo"
    folder.mkdir()
    for path in ALEPPO.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    first = sorted(ALEPPO.iterdir())[0]
    for n in range(3):
        (folder / f"zz-copy-{n}.txt").write_bytes(first.read_bytes())
    (story,) = story_paths([folder])
    assert len(story) == 8


def test_copies_join_their_original_and_change_nothing_else(feed, tmp_path):
    """Row 8: copies never glue unrelated articles: the stories are those of the feed without
    them, each copy beside its original."""
    before = story_paths([feed])
    for original in sorted(feed.iterdir()):
        folder = tmp_path / f"with-{original.stem}"
        folder.mkdir()
        for path in feed.iterdir():
            (folder / path.name).write_bytes(path.read_bytes())
        for n in (1, 2):
            (folder / f"{original.stem}-copy{n}.txt").write_bytes(original.read_bytes())
        copies = {f"{original.stem}-copy1.txt", f"{original.stem}-copy2.txt"}
        expected = [
            sorted([*story, *copies]) if original.name in story else story for story in before
        ]
        if not any(original.name in story for story in before):
            expected.append(sorted([original.name, *copies]))
        assert sorted(story_paths([folder])) == sorted(expected), original.name


def test_output_onto_a_pipe_nothing_reads_is_refused_after_a_wait(tmp_path):
    """Row 11: `-o FIFO` with no reader blocked for ever."""
    import subprocess

    from tests.conftest import ALEPPO, FAKE_MAIN, ROOT

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", FAKE_MAIN, "brief", str(ALEPPO), "-o", str(fifo), "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nothing reads from (waited 5 s)" in result.stderr
    assert time.monotonic() - started < 60


def test_output_onto_a_pipe_waits_for_a_late_reader(tmp_path):
    from synth.write.output import write_atomic

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def late_reader() -> None:
        time.sleep(1)
        with open(fifo, "rb") as pipe:
            received.append(pipe.read())

    reader = threading.Thread(target=late_reader)
    reader.start()
    write_atomic(fifo, "the briefing\n")
    reader.join(10)
    assert received == [b"the briefing\n"]


@pytest.mark.parametrize("size", ["small", "large"])
def test_a_reader_that_leaves_early_is_the_same_error_at_any_size(tmp_path, size):
    """Row 19: `| head -c 10` gave exit 0 when the output fit in the pipe, 1 when not."""
    import subprocess

    from tests.conftest import ALEPPO, FAKE_MAIN, ROOT

    arguments = ["brief", str(ALEPPO), "-q"]
    if size == "large":
        for n in range(8):
            (tmp_path / f"copy-{n}.txt").write_bytes(sorted(ALEPPO.iterdir())[n % 5].read_bytes())
        arguments = ["brief", str(ALEPPO), str(tmp_path), "-q", "-f", "json", "--appendix"]
    codes = set()
    for _ in range(2 if size == "small" else 1):
        process = subprocess.Popen(
            [sys.executable, "-c", FAKE_MAIN, *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        assert len(os.read(process.stdout.fileno(), 10)) == 10  # as head -c 10 reads
        process.stdout.close()
        stderr = process.stderr.read().decode()
        codes.add(process.wait(timeout=60))
        assert stderr.count("\n") == 1 and "Broken pipe" in stderr, stderr
    assert codes == {1}


def test_a_reader_that_reads_everything_is_success():
    import subprocess

    from tests.conftest import ALEPPO, FAKE_MAIN, ROOT

    process = subprocess.Popen(
        [sys.executable, "-c", FAKE_MAIN, "brief", str(ALEPPO), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0 and out.startswith(b"# ") and err == b""


@pytest.mark.parametrize(
    "arguments",
    [
        ["digest", "FEED", "-o", ""],
        ["digest", "FEED", "-o", "OUT", "--cache-dir", ""],
        ["brief", "FEED", "--cache-dir", ""],
        ["brief", "FEED", "-o", ""],
        ["brief", "FEED", "--model", ""],
    ],
)
def test_empty_option_values_are_refused(feed, tmp_path, run_cli, monkeypatch, arguments):
    """Row 12: `-o ''` wrote into the current folder, `--cache-dir ''` made the cache there."""
    monkeypatch.chdir(tmp_path)
    given = [
        str(feed) if a == "FEED" else str(tmp_path / "o") if a == "OUT" else a for a in arguments
    ]
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run_cli(*given, "-q")
    assert result.exit_code == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "is empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize(
    "arguments",
    [
        ["brief"],
        ["brief", "x", "--max-words", "0"],
        ["digest", "x"],
        ["nonsense"],
        ["brief", "--nope", "x"],
    ],
)
def test_usage_errors_are_one_line(run_cli, arguments):
    """Row 16: Typer's usage errors were a panel of six lines."""
    result = run_cli(*arguments)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("synth: error: ")
    assert "--help shows the options" in result.stderr


def test_synth_alone_still_prints_the_help(run_cli):
    result = run_cli()
    assert result.exit_code == 2 and "brief" in result.stdout and "digest" in result.stdout


@pytest.mark.parametrize("budget", [1, 5, 20, 50])
def test_a_tiny_budget_still_shows_the_top_point(budget):
    """Row 14: budgets of 1 to 50 words gave pages with no point."""
    import synth
    from tests.conftest import ALEPPO

    briefing = synth.brief([str(ALEPPO)], embedder=FakeEmbedder(), max_words=budget)
    assert len(briefing.ranked_points) >= 1
    whole = synth.brief([str(ALEPPO)], embedder=FakeEmbedder(), max_words=None)
    assert briefing.ranked_points[0].point.text in {p.point.text for p in whole.ranked_points}


def test_max_words_bounds_where_sources_differ(tmp_path):
    """Row 14: 5,000 one-line articles gave 0 points and 12,324 words of differences."""
    import synth
    from synth.understand.layout import differences_words

    towns = ["Aldcaster", "Brimwood", "Corlen", "Dunmere", "Eskby", "Farrow", "Gildon", "Hale"]
    for n in range(120):
        town = towns[n % len(towns)]
        (tmp_path / f"a{n:03d}.txt").write_text(
            f"The storm killed {20 + n} people in {town} on Monday, officials said. "
            f"About {1000 + 37 * n} homes in {town} lost power after the storm, the utility said. "
            f"Rescuers from {towns[(n + 3) % len(towns)]} reached {town} late on Monday night."
        )
    for budget in (60, 150):
        briefing = synth.brief([str(tmp_path)], embedder=FakeEmbedder(), max_words=budget)
        assert differences_words(briefing.differences) <= 0.4 * budget
        assert len(briefing.ranked_points) >= 1
    unbounded = synth.brief([str(tmp_path)], embedder=FakeEmbedder(), max_words=None)
    assert differences_words(unbounded.differences) > 0.4 * 150


@pytest.fixture(scope="module")
def spacy_parse():
    from synth.compare.speakers import spacy_parser

    return spacy_parser()


def tamper(folder: Path, change) -> int:
    """Rewrite every kept answer file with `change(kind, answer)`; how many were changed."""
    from synth.understand.answers import STORE_FOLDER

    changed = 0
    for path in (folder / STORE_FOLDER).glob("*.json"):
        answers = json.loads(path.read_text())["answers"]
        path.write_text(json.dumps({"answers": {k: change(k, v) for k, v in answers.items()}}))
        changed += 1
    return changed


def test_a_tampered_verdict_is_judged_again(tmp_path, spacy_parse):
    """Row 20: an unknown verdict in an answer file was trusted (11 points cut to 4)."""
    from synth.understand.answers import AnswerStore
    from synth.understand.standalone import ParsedJudge

    text = "Officials in Geneva met on Friday to discuss the ceasefire."
    store = AnswerStore(tmp_path, lambda: "parser 1")
    answer = ParsedJudge(load=lambda: spacy_parse, store=store).problem(text)
    assert tamper(tmp_path, lambda kind, value: "bogus") == 1
    calls = []

    def counting(text: str):
        calls.append(text)
        return spacy_parse(text)

    judge = ParsedJudge(load=lambda: counting, store=AnswerStore(tmp_path, lambda: "parser 1"))
    assert judge.problem(text) == answer and calls
    assert tamper(tmp_path, lambda kind, value: value) == 1  # rewritten with the true verdict
    again = ParsedJudge(load=lambda: None, store=AnswerStore(tmp_path, lambda: "parser 1"))
    assert again.problem(text) == answer


def test_a_tampered_speaker_or_claimant_is_found_again(tmp_path, spacy_parse):
    from synth.compare.speakers import SpeakerFinder
    from synth.read.quotemarks import quote_spans
    from synth.understand.answers import AnswerStore
    from tests.test_answers import CLAIM, article

    source = article()
    spans = quote_spans(source.text, source.blocks)
    finder = SpeakerFinder(parse=spacy_parse, store=AnswerStore(tmp_path, lambda: "p"))
    found = finder.speakers(source, spans)
    assert finder.claimant(CLAIM) == "Smith"
    tamper(tmp_path, lambda kind, value: "Evil Corp Ltd")
    again = SpeakerFinder(parse=spacy_parse, store=AnswerStore(tmp_path, lambda: "p"))
    assert again.speakers(source, spans) == found
    assert again.claimant(CLAIM) == "Smith"


def test_a_briefing_read_from_tampered_answers_is_the_same(tmp_path):
    import synth
    from tests.conftest import ALEPPO

    def made() -> str:
        briefing = synth.brief([str(ALEPPO)], embedder=FakeEmbedder(), cache_dir=tmp_path)
        return synth.render(briefing, "md")

    def forged(kind: str, value: str | None) -> str | None:
        if kind.startswith("standalone"):
            return "bogus"
        if kind == "nouns":
            return value
        return "Invented Words Nobody Wrote"  # a headline, a speaker, a claimant

    first = made()
    assert tamper(tmp_path, forged) > 10
    assert made() == first


def test_the_judges_list_of_verdicts_holds_every_verdict_its_checks_return():
    """Row 20: a verdict missing from the list would be judged again on every run."""
    import ast
    import inspect

    from synth.understand.standalone import checks, judge
    from synth.understand.standalone.problems import PROBLEMS

    returned = {
        constant.value
        for module in (checks, judge)
        for function in ast.walk(ast.parse(inspect.getsource(module)))
        if isinstance(function, ast.FunctionDef)
        and "Problem" in ast.unparse(function.returns or ast.Constant(None))
        for node in ast.walk(function)
        if isinstance(node, ast.Return) and not isinstance(node.value, (ast.Call, type(None)))
        for constant in ast.walk(node.value)
        if isinstance(constant, ast.Constant) and isinstance(constant.value, str)
    }
    assert {"fragment", "pronoun", "caption", "bare_number"} <= returned
    assert returned <= PROBLEMS


def html_briefing(tmp_path: Path, name: str, url: str) -> str:
    import synth

    path = tmp_path / name
    path.write_text(
        f"---\ntitle: Bridge reopens\nurl: {json.dumps(url)}\n---\n"
        "The old bridge reopened on Monday after two years of repairs, the city said.\n\n"
        "Traffic was light in the morning but officials expect queues at the weekend.\n"
    )
    briefing = synth.brief([str(path)], embedder=FakeEmbedder())
    return synth.render(briefing, "html"), synth.render(briefing, "md")


def test_pages_carry_a_content_security_policy(tmp_path, feed):
    """Row 21: a page of untrusted text says that nothing in it may run or load."""
    from synth.digest import digest

    page, _ = html_briefing(tmp_path, "a.txt", "https://example.com/a")
    digest([str(feed)], tmp_path / "out", embedder=FakeEmbedder())
    for html in (page, (tmp_path / "out" / "index.html").read_text()):
        head = html.split("</head>")[0]
        assert "Content-Security-Policy" in head and "default-src 'none'" in head
        assert "<script" not in html and " src=" not in html


def test_control_characters_of_file_names_are_shown_as_escapes(tmp_path):
    page, markdown = html_briefing(tmp_path, "bad\x01name\x1b[31m.txt", "https://example.com/a")
    assert "\x01" not in page and "\x1b" not in page
    assert "bad\\x01name\\x1b[31m.txt" in page
    assert "\x01" not in markdown and "\x1b" not in markdown


@pytest.mark.parametrize(
    "url",
    ["https://example.com\u202e/moc.live", "https://ex\u2066ample.com/", "https://a.com/\x07b"],
)
def test_a_url_with_bidi_or_control_characters_is_never_a_link(tmp_path, url):
    """Row 21: stripping bidi controls from a URL could change the host a reader sees."""
    page, markdown = html_briefing(tmp_path, "a.txt", url)
    assert 'href="https://' not in page
    assert "<https://" not in markdown


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_briefing_written_into_its_input_folder_works_again_and_is_not_read(
    tmp_path, run_cli, fmt
):
    """Row 15: `brief DIR -o DIR/briefing.md` refused the second time, and later briefs read
    the briefing as a source."""
    from tests.conftest import ALEPPO

    folder = tmp_path / "articles"
    folder.mkdir()
    for path in ALEPPO.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    out = folder / f"briefing.{fmt}"
    first = run_cli("brief", str(folder), "-f", fmt, "-o", str(out), "-q")
    assert first.exit_code == 0, first.stderr
    written = out.read_bytes()
    again = run_cli("brief", str(folder), "-f", fmt, "-o", str(out), "-q")
    assert again.exit_code == 0, again.stderr
    assert out.read_bytes() == written
    plain = run_cli("brief", str(folder), "-f", "json", "-q")
    assert plain.exit_code == 0, plain.stderr
    assert len(json.loads(plain.stdout)["sources"]) == 5
    assert "a briefing synth wrote; not read" in plain.stderr


def test_a_digest_folder_inside_a_feed_is_not_read_as_articles(feed, tmp_path, run_cli):
    """Row 15: `digest DIR/a DIR/b -o DIR/out` then `digest DIR` read out/digest.json."""
    out = feed / "out"
    parts = [str(feed / "bridge-1.txt"), str(feed / "bridge-2.txt")]
    assert run_cli("digest", *parts, "-o", str(out), "-q").exit_code == 0
    result = run_cli("digest", str(feed), "-o", str(tmp_path / "whole"))
    assert result.exit_code == 0, result.stderr
    index = json.loads((tmp_path / "whole" / "digest.json").read_text())
    paths = [s["path"] for story in index["stories"] for s in story["sources"]]
    paths += [a["path"] for a in index["alone"] + index["skipped"]]
    assert not any("/out/" in p for p in paths)
    assert "a folder synth digest wrote; not read" in result.stderr


def test_a_pretty_printed_json_object_is_one_record(tmp_path):
    """Row 16: a .json object over several lines warned once per line."""
    record = {
        "title": "Bridge reopens",
        "outlet": "Local Times",
        "text": "The old bridge reopened on Monday after two years of repairs, the city said. "
        "Traffic was light in the morning but officials expect queues at the weekend.",
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(record, indent=2))
    problems: list[str] = []
    (source,) = load_sources([str(path)], warn=problems.append)
    assert problems == [] and source.title == "Bridge reopens" and source.label == "Local Times"


def test_non_string_metadata_is_never_a_label_or_a_date(tmp_path):
    """Row 16: {'x': 1} became a label, True a date."""
    records = [
        {"outlet": {"x": 1}, "title": ["a"], "published": True, "author": None, "text": "T"},
        {"outlet": 2024, "published": "2024-05-01", "text": "T"},
    ]
    text = "The old bridge reopened on Monday after two years of repairs, the city said."
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps({**r, "text": text}) for r in records))
    first, second = load_sources([str(path)])
    assert "{" not in first.label and first.published is None and first.title != "['a']"
    assert first.outlet is None
    assert second.outlet == "2024" and second.published == "2024-05-01"
    front = tmp_path / "front.md"
    front.write_text(f"---\noutlet: {{x: 1}}\npublished: true\ntitle: 2024-05-01\n---\n{text}\n")
    (source,) = load_sources([str(front)])
    assert source.outlet is None and source.published is None and source.title == "2024-05-01"


def test_the_same_note_is_said_once(tmp_path, capsys, monkeypatch):
    """Row 16: some notes printed twice."""
    from synth import cli

    note = cli._once(lambda message: print(message, file=sys.stderr))
    note("embedding cache x not used")
    note("embedding cache x not used")
    note("another")
    assert capsys.readouterr().err.count("embedding cache x not used") == 1


LANGUAGES = {
    "zh-gb18030.txt": (
        "东京发生了大地震。许多建筑物受到损坏。政府设立了紧急对策本部。" * 5,
        "gb18030",
    ),
    "ja-sjis.txt": (
        "東京で大きな地震が発生しました。多くの建物が被害を受けました。" * 5,
        "shift_jis",
    ),
    "ru.txt": ("В Москве прошло заседание правительства. Министры обсудили бюджет. " * 5, "utf-8"),
    "ar.txt": ("عقدت الحكومة اجتماعا في العاصمة لمناقشة الميزانية الجديدة والضرائب. " * 5, "utf-8"),
    "fr.txt": (
        "Le gouvernement a présenté mardi son projet de budget pour l'année prochaine, avec "
        "de nouvelles taxes sur les entreprises et une baisse des dépenses publiques. " * 3,
        "mac_roman",
    ),
}


@pytest.mark.parametrize("name", sorted(LANGUAGES))
def test_an_article_in_another_language_is_one_clear_error(tmp_path, run_cli, name):
    """Row 17: Chinese gave an empty briefing labelled with its whole text, Russian or Arabic
    '0 points' with exit 0."""
    text, encoding = LANGUAGES[name]
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    result = run_cli("brief", str(path), "-q")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "not English" in result.stderr


def test_other_languages_beside_english_articles_are_left_out_with_exit_3(tmp_path, run_cli):
    from tests.conftest import ALEPPO

    for name, (text, encoding) in LANGUAGES.items():
        (tmp_path / name).write_bytes(text.encode(encoding))
    result = run_cli("brief", str(tmp_path), str(ALEPPO), "-q", "-f", "json")
    assert result.exit_code == 3
    assert result.stderr.count("synth reads English only") == len(LANGUAGES)
    assert "note:" not in result.stderr
    briefing = json.loads(result.stdout)
    foreign = [s for s in briefing["sources"] if s["path"].startswith(str(tmp_path))]
    assert len(foreign) == len(LANGUAGES)
    assert all(s["skipped"].startswith("not English") for s in foreign)
    from synth.read.label import UNKNOWN_OUTLET

    assert all(s["label"] == UNKNOWN_OUTLET for s in foreign)


def test_english_articles_of_the_seeds_are_all_english():
    from synth.read.language import other_language
    from tests.conftest import ALEPPO

    for path in ALEPPO.iterdir():
        text = path.read_text()
        assert other_language(text, [(0, len(text))]) is None, path.name


def test_a_label_is_never_a_body():
    from synth.read.label import MAX_LABEL_CHARS, citation_label

    body = "东京发生了大地震" * 200
    assert len(citation_label(None, None, body, [(0, len(body))])) <= 45
    outlet = "An outlet field that holds a whole paragraph of text " * 10
    assert len(citation_label(outlet, None, "", [])) <= MAX_LABEL_CHARS + 2


def test_rewriting_output_keeps_its_owner_and_mode(tmp_path):
    """Row 18: rewriting `-o` gave the file to the user who ran synth."""
    from synth.write.output import write_atomic

    target = tmp_path / "briefing.md"
    target.write_text("old")
    os.chmod(target, 0o640)
    if os.geteuid() == 0:
        os.chown(target, 12345, 23456)
    before = target.stat()
    write_atomic(target, "new")
    after = target.stat()
    assert target.read_text() == "new"
    assert (after.st_uid, after.st_gid, after.st_mode) == (
        before.st_uid,
        before.st_gid,
        before.st_mode,
    )


def test_a_file_of_another_owner_that_cannot_be_given_away_is_written_in_place(
    tmp_path, monkeypatch
):
    from synth.write import output

    target = tmp_path / "briefing.md"
    target.write_text("old")
    inode = target.stat().st_ino
    monkeypatch.setattr(output, "_may_give", lambda status: False)
    output.write_atomic(target, "new")
    assert target.read_text() == "new" and target.stat().st_ino == inode


def test_an_output_with_other_hard_links_is_refused(tmp_path, run_cli):
    """Row 18: replacing the file broke its hard links (the other name kept the old text)."""
    from tests.conftest import ALEPPO

    target = tmp_path / "briefing.md"
    target.write_text("old")
    os.link(target, tmp_path / "other-name.md")
    result = run_cli("brief", str(ALEPPO), "-o", str(target), "-q")
    assert result.exit_code == 2 and "hard link" in result.stderr
    assert target.read_text() == "old" == (tmp_path / "other-name.md").read_text()


def test_a_damaged_byte_in_a_cached_vector_is_computed_again(tmp_path):
    """Rows 6 and 20: a stored vector whose bytes were changed was trusted."""
    import sqlite3

    from synth.understand.cache import FILE_NAME, CachedEmbedder

    texts = ["The bridge reopened.", "Traffic was light on Monday."]
    first = CachedEmbedder(FakeEmbedder(), "fake", tmp_path).encode(texts)
    db = sqlite3.connect(tmp_path / FILE_NAME)
    (key, blob) = db.execute("SELECT key, vector FROM vectors LIMIT 1").fetchone()
    damaged = bytearray(blob)
    damaged[3] ^= 0x20  # the exponent byte of the first value
    db.execute("UPDATE vectors SET vector = ? WHERE key = ?", (bytes(damaged), key))
    db.commit()
    db.close()
    again = CachedEmbedder(FakeEmbedder(), "fake", tmp_path)
    assert np.allclose(again.encode(texts), first) and again.misses == 1
