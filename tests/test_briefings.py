"""Story briefings kept on disk: a digest run again over the same feed briefs nothing."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import synth.digest as digest_module
from synth.digest import digest, job_key
from synth.understand.briefings import BriefingStore, briefing_key
from tests.conftest import ROOT, FakeEmbedder
from tests.feeds import write_feed


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def run(feed: Path, out: Path, cache: Path, **options) -> digest_module.DigestRun:
    return digest([feed], out, embedder=FakeEmbedder(), cache_dir=cache, **options)


@pytest.fixture
def feed(tmp_path) -> Path:
    return write_feed(tmp_path)


def test_a_rerun_briefs_nothing_and_writes_the_same_bytes(feed, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = run(feed, tmp_path / "one", tmp_path / "cache")
    assert len(first.stories) == 3
    assert len(list((tmp_path / "cache" / "briefings-v1").glob("*.pickle"))) == 3

    def never(job):
        raise AssertionError(f"{job.stem} was briefed again")

    monkeypatch.setattr(digest_module, "_attempt", never)
    done: list[tuple[int, int]] = []
    again = run(
        feed, tmp_path / "two", tmp_path / "cache", on_done=lambda n, t: done.append((n, t))
    )
    assert [s.briefing for s in again.stories] == [s.briefing for s in first.stories]
    assert folder_bytes(tmp_path / "two") == folder_bytes(tmp_path / "one")
    assert done[-1] == (3, 3)


def test_a_rerun_neither_segments_nor_groups(feed, tmp_path, monkeypatch):
    from synth.understand.stories import StoryGrouper

    first = run(feed, tmp_path / "one", tmp_path / "cache")
    assert len(list((tmp_path / "cache" / "feeds-v1").glob("*.pickle"))) == 4

    def never(*args, **kwargs):
        raise AssertionError("done again")

    monkeypatch.setattr(digest_module, "segment_sources", never)
    monkeypatch.setattr(digest_module, "mark_reports", never)
    monkeypatch.setattr(StoryGrouper, "group", never)
    again = run(feed, tmp_path / "two", tmp_path / "cache")
    assert [s.briefing for s in again.stories] == [s.briefing for s in first.stories]


def test_a_followed_rerun_renders_its_new_pages(feed, tmp_path, monkeypatch):
    """Into the folder of the first run, pages say what is new since it: not the kept ones."""
    import shutil

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run(feed, tmp_path / "one", tmp_path / "cache")
    shutil.copytree(tmp_path / "one", tmp_path / "copy")
    run(feed, tmp_path / "one", tmp_path / "cache")
    run(feed, tmp_path / "copy", tmp_path / "other", use_cache=False)
    assert folder_bytes(tmp_path / "one") == folder_bytes(tmp_path / "copy")


def test_damaged_page_files_are_rendered_again(feed, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run(feed, tmp_path / "one", tmp_path / "cache")
    pages = list((tmp_path / "cache" / "pages-v1").glob("*.pickle"))
    assert len(pages) == 3
    for kept in pages:
        kept.write_bytes(pickle.dumps({"md": "tampered"}))
    run(feed, tmp_path / "two", tmp_path / "cache")
    assert folder_bytes(tmp_path / "two") == folder_bytes(tmp_path / "one")


DUTCH = (
    "In 2002 pleegde beroepscrimineel een geruchtmakende schilderijenroof in het museum. "
    "Hij stal twee unieke, kostbare doeken van de schilder. Durham werd veroordeeld en moet "
    "nog altijd tonnen schadevergoeding betalen aan het museum, zo meldt de krant vandaag.\n"
)


def test_a_rerun_cleans_nothing_and_says_the_same(feed, tmp_path, monkeypatch):
    import synth.read.sources as sources_module

    (feed / "nl.txt").write_text(DUTCH, encoding="utf-8")
    said: list[list[str]] = [[], []]
    run(feed, tmp_path / "one", tmp_path / "cache", warn=said[0].append)
    assert any("English only" in m for m in said[0]), said[0]

    def never(*args, **kwargs):
        raise AssertionError("cleaned again")

    monkeypatch.setattr(sources_module, "to_source", never)
    run(feed, tmp_path / "two", tmp_path / "cache", warn=said[1].append)
    assert said[1] == said[0]


def test_damaged_feed_files_are_made_again(feed, tmp_path):
    first = run(feed, tmp_path / "one", tmp_path / "cache")
    for kept in (tmp_path / "cache" / "feeds-v1").glob("*.pickle"):
        kept.write_bytes(pickle.dumps(("not", "sentences")))
    again = run(feed, tmp_path / "two", tmp_path / "cache")
    assert [s.briefing for s in again.stories] == [s.briefing for s in first.stories]


def test_only_kept_values_of_the_right_shape_are_used():
    from synth.core import Sentence
    from synth.digest import kept_groups, kept_sentences

    sentence = Sentence(0, 1, 0, 5, "Hello", 0)
    assert kept_sentences((sentence,)) == (sentence,)
    assert kept_sentences((replace_id(sentence, 3),)) is None
    assert kept_sentences([sentence]) is None
    assert kept_groups(((1, 2), (3,))) == ((1, 2), (3,))
    assert kept_groups(((1, "2"),)) is None
    assert kept_groups([(1,)]) is None


def replace_id(sentence, new: int):
    from dataclasses import replace

    return replace(sentence, id=new)


def test_without_the_cache_every_story_is_briefed(feed, tmp_path, monkeypatch):
    run(feed, tmp_path / "one", tmp_path / "cache")
    briefed: list[str] = []
    attempt = digest_module._attempt

    def counted(job):
        briefed.append(job.stem)
        return attempt(job)

    monkeypatch.setattr(digest_module, "_attempt", counted)
    run(feed, tmp_path / "two", tmp_path / "cache", use_cache=False)
    assert briefed == ["story-001", "story-002", "story-003"]


def test_a_changed_article_briefs_its_story_again(feed, tmp_path, monkeypatch):
    run(feed, tmp_path / "one", tmp_path / "cache")
    changed = sorted(feed.glob("bridge*.txt"))[0]
    changed.write_text(changed.read_text() + "\nDivers found a second car on Wednesday.\n")
    briefed: list[str] = []
    attempt = digest_module._attempt

    def counted(job):
        briefed.append(job.stem)
        return attempt(job)

    monkeypatch.setattr(digest_module, "_attempt", counted)
    run(feed, tmp_path / "two", tmp_path / "cache")
    assert len(briefed) == 1


def test_the_key_follows_every_input():
    vectors = np.eye(3, dtype=np.float32)
    base = briefing_key("code", ("a",), ("s",), vectors, 350, "fake")
    assert base == briefing_key("code", ("a",), ("s",), vectors.copy(), 350, "fake")
    others = {
        briefing_key("code2", ("a",), ("s",), vectors, 350, "fake"),
        briefing_key("code", ("b",), ("s",), vectors, 350, "fake"),
        briefing_key("code", ("a",), ("t",), vectors, 350, "fake"),
        briefing_key("code", ("a",), ("s",), vectors * 0.5, 350, "fake"),
        briefing_key("code", ("a",), ("s",), vectors, 300, "fake"),
        briefing_key("code", ("a",), ("s",), vectors, 350, "other"),
    }
    assert base not in others and len(others) == 6


class Planted:
    """What a file planted in the cache folder could make the unpickler run."""

    def __reduce__(self):
        return (os.system, ("echo planted",))


def test_a_planted_or_damaged_file_is_not_read(tmp_path):
    store = BriefingStore(tmp_path)
    store.folder.mkdir(parents=True)
    (store.folder / "a.pickle").write_bytes(pickle.dumps(Planted()))
    (store.folder / "b.pickle").write_bytes(b"\x80\x05not a pickle")
    (store.folder / "c.pickle").write_bytes(pickle.dumps({"title": "x"}))
    assert store.read("a") is None
    assert store.read("b") is None
    assert store.read("c") is None
    assert store.read("missing") is None


def test_a_briefing_comes_back_equal(feed, tmp_path):
    made = run(feed, tmp_path / "one", tmp_path / "cache")
    store = BriefingStore(tmp_path / "cache")
    briefing = made.stories[0].briefing
    store.write("k", briefing)
    assert store.read("k") == briefing


def test_an_unwritable_folder_costs_a_note(tmp_path, feed):
    made = run(feed, tmp_path / "one", tmp_path / "cache")
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder would go")
    notes: list[str] = []
    store = BriefingStore(blocker, notes.append)
    store.write("k", made.stories[0].briefing)
    store.write("k", made.stories[0].briefing)
    assert len(notes) == 1 and "digest cache" in notes[0]
    assert store.read("k") is None


def test_the_key_does_not_depend_on_the_story_rank(feed, tmp_path):
    from dataclasses import replace

    from synth.digest import StoryJob

    job = StoryJob("story-001", (), (), np.zeros((0, 4), dtype=np.float32))
    assert job_key(job) == job_key(replace(job, stem="story-009"))


@pytest.mark.slow
def test_a_cached_digest_imports_neither_model_nor_parser(feed, tmp_path, model_cache):
    """Two `synth digest` processes, the real model: the second reads every briefing kept."""
    script = (
        "import sys\n"
        "from synth.cli import main\n"
        "try:\n    main()\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "loaded = [m for m in ('spacy', 'onnxruntime', 'torch') if m in sys.modules]\n"
        "print('loaded:', ','.join(loaded) or 'none')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="1700000000")
    cache = tmp_path / "cache"
    cache.mkdir()
    os.symlink(model_cache / "onnx", cache / "onnx")
    outputs = []
    for name in ("one", "two"):
        out = tmp_path / name
        argv = ["synth", "digest", str(feed), "-o", str(out), "-q", "--cache-dir", str(cache)]
        done = subprocess.run(
            [sys.executable, "-c", f"import sys; sys.argv = {argv!r}\n{script}"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.append(done.stdout.strip().splitlines()[-1])
    assert outputs[0] != "loaded: none"
    assert outputs[1] == "loaded: none"
    assert folder_bytes(tmp_path / "one") == folder_bytes(tmp_path / "two")


def test_only_a_headline_in_capitals_scans_its_articles(feed, tmp_path, monkeypatch):
    import synth.write.digest_files as files_module
    from synth.core import Story

    made = run(feed, tmp_path / "one", tmp_path / "cache")
    scanned: list[int] = []
    casing = files_module.casing

    def counted(texts):
        scanned.append(1)
        return casing(texts)

    monkeypatch.setattr(files_module, "casing", counted)
    story = made.stories[0]
    assert files_module.shown_headlines([story]) == {story.stem: story.briefing.title}
    assert scanned == []
    from dataclasses import replace

    shouting = Story(1, "story-001", replace(story.briefing, title="BRIDGE FALLS IN PORT SELBY"))
    assert files_module.shown_headlines([shouting]) == {"story-001": "Bridge falls in Port Selby"}
    assert scanned == [1]


def _global(module: str, name: str) -> bytes:
    """A protocol-4 pickle of the object `module`.`name` names (STACK_GLOBAL)."""

    def text(value: str) -> bytes:
        data = value.encode()
        return b"\x8c" + bytes([len(data)]) + data

    return b"\x80\x04" + text(module) + text(name) + b"\x93."


def test_a_planted_file_cannot_reach_past_the_core_classes(tmp_path):
    from synth.understand.briefings import KeptStore

    store = KeptStore(tmp_path)
    store.folder.mkdir(parents=True)
    planted = {
        "function": ("synth.core", "Briefing.__init__.__class__"),  # FunctionType, then code
        "imported": ("synth.core", "Any"),  # a name synth.core imports, not its own class
        "builtin": ("builtins", "eval"),
    }
    for key, (module, name) in planted.items():
        (store.folder / f"{key}.pickle").write_bytes(_global(module, name))
        assert store.read(key) is None, key
    (store.folder / "own.pickle").write_bytes(_global("synth.core", "Briefing"))
    from synth.core import Briefing

    assert store.read("own") is Briefing
