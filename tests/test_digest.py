"""`synth digest`: a feed in, one briefing per story and an index out, safely written."""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synth.cli import app, main
from tests.conftest import FakeEmbedder
from tests.feeds import write_feed

runner = CliRunner()


@dataclass
class Ran:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_digest(monkeypatch, capsys):
    """`synth digest ARGS` through main(), as the command line runs it, with a fake embedder."""

    def run(*args: str) -> Ran:
        monkeypatch.setattr(sys, "argv", ["synth", "digest", *args])
        capsys.readouterr()
        try:
            main(obj={"embedder": FakeEmbedder()})
            code = 0
        except SystemExit as exit:
            code = int(exit.code or 0)
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def feed(tmp_path) -> Path:
    return write_feed(tmp_path)


@pytest.mark.slow
def test_digest_writes_one_briefing_per_story_and_an_index(feed, tmp_path, run_digest):
    out = tmp_path / "out"
    result = run_digest(str(feed), "-o", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    names = set(folder_bytes(out))
    stories = {f"story-00{n}.{fmt}" for n in (1, 2, 3) for fmt in ("md", "html", "json")}
    assert names == stories | {"index.md", "index.html", "digest.json", ".synth-digest"}
    index = json.loads((out / "digest.json").read_text())
    assert [s["articles"] for s in index["stories"]] == [3, 3, 2]
    assert [a["path"] for a in index["alone"]] == [str(feed / "lone.txt")]
    first = index["stories"][0]
    assert first["files"] == {f: f"story-001.{f}" for f in ("md", "html", "json")}
    briefing = json.loads((out / "story-001.json").read_text())
    assert first["sources"] == briefing["sources"]
    assert first["headline"] == briefing["title"]
    top = [p["text"] for p in briefing["lede"] if p["rank"] == 1]
    assert first["lede"] == top[0]
    assert "## 1. " in (out / "index.md").read_text()
    assert "White heron" in (out / "index.md").read_text()


# What a story page adds to the briefing `brief` writes: the way back to the index.
BACK_LINKS = {
    "md": "[← All stories](index.md)\n\n",
    "html": '<nav class="back" aria-label="Digest"><a href="index.html">← All stories</a></nav>\n',
    "json": "",
}


@pytest.mark.slow
def test_a_story_briefing_is_what_brief_makes_of_its_articles(feed, tmp_path, run_digest):
    out = tmp_path / "out"
    run_digest(str(feed), "-o", str(out), "-q")
    index = json.loads((out / "digest.json").read_text())
    for story in index["stories"]:
        paths = [s["path"] for s in story["sources"]]
        for fmt in ("json", "md", "html"):
            target = tmp_path / f"brief.{fmt}"
            args = ["brief", *paths, "-f", fmt, "-o", str(target), "-q"]
            result = runner.invoke(app, args, obj={"embedder": FakeEmbedder()})
            assert result.exit_code == 0, result.stderr
            page = (out / story["files"][fmt]).read_text(encoding="utf-8")
            assert BACK_LINKS[fmt] in page
            assert target.read_text(encoding="utf-8") == page.replace(BACK_LINKS[fmt], "", 1)


@pytest.mark.slow
def test_stories_are_ordered_by_independent_reports(feed, tmp_path, run_digest):
    # A second copy of one vote article is the same wire copy: 4 articles, 3 reports.
    (feed / "vote-4.txt").write_text((feed / "vote-1.txt").read_text().replace("Daily", "Other"))
    (feed / "final-3.txt").write_text((feed / "final-1.txt").read_text())
    (feed / "final-4.txt").write_text((feed / "final-2.txt").read_text())
    out = tmp_path / "out"
    run_digest(str(feed), "-o", str(out), "-q")
    stories = json.loads((out / "digest.json").read_text())["stories"]
    assert [(s["independent_reports"], s["articles"]) for s in stories] == [(3, 4), (3, 3), (2, 4)]


@pytest.mark.slow
def test_same_inputs_in_any_order_give_the_same_bytes(feed, tmp_path, run_digest):
    files = sorted(str(p) for p in feed.iterdir())
    outputs = []
    for seed in range(3):
        order = files[:]
        random.Random(seed).shuffle(order)
        out = tmp_path / f"out{seed}"
        assert run_digest(*order, "-o", str(out), "-q").exit_code == 0
        outputs.append(folder_bytes(out))
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.slow
def test_progress_goes_to_stderr_and_quiet_silences_it(feed, tmp_path, run_digest):
    loud = run_digest(str(feed), "-o", str(tmp_path / "a"))
    assert loud.stderr.splitlines() == [
        "synth: read 9 documents (0 not articles)",
        "synth: embedding 36 sentences",
        "synth: found 3 stories (1 article in none)",
        "synth: writing 3 briefings",
        f"synth: wrote 3 briefings and the index to {tmp_path / 'a'}",
    ]
    assert loud.stdout == ""
    quiet = run_digest(str(feed), "-o", str(tmp_path / "b"), "-q")
    assert quiet.stderr == "" and quiet.stdout == ""


def test_a_folder_of_other_files_is_refused_untouched(feed, tmp_path, run_digest):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = run_digest(str(feed), "-o", str(out), "-q")
    assert result.exit_code == 2 and "did not write" in result.stderr
    assert folder_bytes(out) == {"notes.txt": b"mine"}


@pytest.mark.slow
def test_rerun_replaces_only_synths_files_and_drops_stale_stories(feed, tmp_path, run_digest):
    out = tmp_path / "out"
    assert run_digest(str(feed), "-o", str(out), "-q").exit_code == 0
    (out / "notes.txt").write_text("mine")
    for name in ("final-1.txt", "final-2.txt"):
        (feed / name).unlink()
    assert run_digest(str(feed), "-o", str(out), "-q").exit_code == 0
    names = set(folder_bytes(out))
    assert "notes.txt" in names and "story-003.md" not in names and "story-002.md" in names
    assert (out / "notes.txt").read_text() == "mine"


@pytest.mark.slow
def test_a_file_synth_did_not_write_is_never_overwritten(feed, tmp_path, run_digest):
    out = tmp_path / "out"
    run_digest(str(feed), "-o", str(out), "-q")
    (out / "story-003.md").unlink()
    manifest = json.loads((out / ".synth-digest").read_text())
    manifest["files"].remove("story-003.md")
    (out / ".synth-digest").write_text(json.dumps(manifest))
    (out / "story-003.md").write_text("someone else's")
    result = run_digest(str(feed), "-o", str(out), "-q")
    assert result.exit_code == 2 and "not written by synth digest" in result.stderr
    assert (out / "story-003.md").read_text() == "someone else's"


def test_output_inside_an_input_folder_is_refused(feed, run_digest):
    result = run_digest(str(feed), "-o", str(feed / "digest"), "-q")
    assert result.exit_code == 2 and "inside the input folder" in result.stderr
    assert not (feed / "digest").exists()


@pytest.mark.slow
def test_an_unreadable_input_gives_a_partial_exit(feed, tmp_path, run_digest):
    result = run_digest(str(feed), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 3 and "no such file" in result.stderr
    assert (tmp_path / "o" / "index.md").exists()


def test_nothing_to_read_is_bad_input(tmp_path, run_digest):
    (tmp_path / "empty").mkdir()
    result = run_digest(str(tmp_path / "empty"), "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 2 and "holds no articles" in result.stderr


def test_address_without_ray_engine_is_refused(feed, tmp_path, run_digest):
    result = run_digest(str(feed), "-o", str(tmp_path / "o"), "--address", "auto", "-q")
    assert result.exit_code == 2 and "--address needs --engine ray" in result.stderr
