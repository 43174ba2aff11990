"""Following a story: a digest run again on a growing feed marks exactly the new and the
updated stories, and an updated story's page starts with what is new since the last run."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from synth.cli import main
from synth.core import Source
from synth.write.follow import (
    SAME_STORY,
    Previous,
    PreviousStory,
    article_hash,
    decode_vector,
    encode_vector,
    follow,
)
from tests.conftest import FakeEmbedder
from tests.day_feed import AFTERNOON, MORNING, write_half

MORNING_RUN = "1715680800"  # 2024-05-14 10:00 UTC
EVENING_RUN = "1715709600"  # 2024-05-14 18:00 UTC


def synth(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """`synth ARGS` through main(), with the fake embedder: exit code and stderr."""
    monkeypatch.setattr(sys, "argv", ["synth", *args])
    capsys.readouterr()
    try:
        main(obj={"embedder": FakeEmbedder()})
        code = 0
    except SystemExit as exit:
        code = int(exit.code or 0)
    return code, capsys.readouterr().err


def stories(out: Path) -> dict[str, dict]:
    """The digest's stories by the names of their articles' files."""
    data = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    return {
        " ".join(sorted(Path(s["path"]).stem for s in story["sources"])): story
        for story in data["stories"]
    }


def marks(out: Path) -> dict[str, str]:
    """The index page's mark of each story's page: 'new', 'updated' or ''."""
    html = (out / "index.html").read_text(encoding="utf-8")
    found = {}
    for article in re.findall(r'<article class="story".*?</article>', html, re.S):
        page = re.search(r'<a href="(story-\d+\.html)"', article).group(1)
        mark = re.search(r'<span class="mark (\w+)">', article)
        found[page] = mark.group(1) if mark else ""
    return found


@pytest.fixture
def day(tmp_path, monkeypatch, capsys):
    """The morning's digest in out/, then the whole day's into the same folder."""
    feed = write_half(tmp_path / "feed", MORNING)
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MORNING_RUN)
    assert synth(monkeypatch, capsys, "digest", str(feed), "-o", str(out), "-q")[0] == 0
    morning = stories(out)
    write_half(feed, AFTERNOON)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EVENING_RUN)
    code, err = synth(monkeypatch, capsys, "digest", str(feed), "-o", str(out))
    assert code == 0, err
    return feed, out, morning, err


def test_the_first_run_marks_nothing(day):
    _, _, morning, _ = day
    assert set(morning) == {"bridge-1 bridge-2", "vote-1 vote-2 vote-3"}
    assert all(s["follow"]["status"] is None for s in morning.values())


def test_a_growing_feed_marks_exactly_the_new_and_updated_stories(day):
    _, out, _, err = day
    evening = stories(out)
    assert set(evening) == {"bridge-1 bridge-2 bridge-3", "vote-1 vote-2 vote-3", "final-1 final-2"}
    status = {name: story["follow"]["status"] for name, story in evening.items()}
    assert status == {
        "bridge-1 bridge-2 bridge-3": "updated",
        "vote-1 vote-2 vote-3": "same",
        "final-1 final-2": "new",
    }
    pages = {name: story["files"]["html"] for name, story in evening.items()}
    assert marks(out) == {
        pages["bridge-1 bridge-2 bridge-3"]: "updated",
        pages["vote-1 vote-2 vote-3"]: "",
        pages["final-1 final-2"]: "new",
    }
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "Since 2024-05-14 10:00 UTC: 1 new story, 1 updated" in index
    assert err.splitlines()[-1].endswith("(since 2024-05-14 10:00 UTC: 1 new, 1 updated)")


def test_an_updated_page_starts_with_the_points_only_new_articles_give(day):
    feed, out, _, _ = day
    bridge = stories(out)["bridge-1 bridge-2 bridge-3"]
    (new_id,) = bridge["follow"]["new_articles"]
    assert Path(bridge["sources"][new_id - 1]["path"]).stem == "bridge-3"
    briefing = json.loads((out / bridge["files"]["json"]).read_text(encoding="utf-8"))
    shown = [*briefing["lede"], *(p for s in briefing["sections"] for p in s["points"])]
    only_new = sorted(
        (p for p in shown if {e["source"] for e in p["evidence"]} == {new_id}),
        key=lambda p: p["rank"],
    )
    assert only_new and bridge["follow"]["new_points"] == [p["rank"] for p in only_new]
    afternoon = (feed / "bridge-3.txt").read_text(encoding="utf-8")
    assert all(p["text"] in afternoon for p in only_new)
    page = (out / bridge["files"]["md"]).read_text(encoding="utf-8")
    body = page.split("## New since 2024-05-14 10:00 UTC\n\n", 1)[1]
    listed = re.findall(r"^- (.*) \[\d+\]", body.split("\n\n", 1)[0], re.M)
    assert listed == [p["text"] for p in only_new]
    html = (out / bridge["files"]["html"]).read_text(encoding="utf-8")
    assert html.index('<h2 id="since">New since 2024-05-14 10:00 UTC</h2>') < html.index(
        'class="lede"'
    )


def test_unchanged_and_new_stories_say_so_and_no_more(day):
    _, out, _, _ = day
    evening = stories(out)
    same = (out / evening["vote-1 vote-2 vote-3"]["files"]["md"]).read_text(encoding="utf-8")
    assert "New since" not in same
    new = (out / evening["final-1 final-2"]["files"]["md"]).read_text(encoding="utf-8")
    assert "*New since 2024-05-14 10:00 UTC: the previous digest did not have this story.*" in new
    assert "## New since" not in new


def test_since_another_folder_gives_the_same_marks_and_bytes_every_time(
    day, tmp_path, monkeypatch, capsys
):
    feed, out, _, _ = day
    previous = tmp_path / "morning"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MORNING_RUN)
    write_half(tmp_path / "half", MORNING)
    assert synth(monkeypatch, capsys, "digest", str(tmp_path / "half"), "-o", str(previous))[0] == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EVENING_RUN)
    runs = []
    for n in range(2):
        target = tmp_path / f"evening-{n}"
        args = ("digest", str(feed), "-o", str(target), "--since", str(previous), "-q")
        assert synth(monkeypatch, capsys, *args)[0] == 0
        runs.append({p.name: p.read_bytes() for p in sorted(target.iterdir())})
    assert runs[0] == runs[1]
    again = stories(tmp_path / "evening-0")
    assert {n: s["follow"]["status"] for n, s in again.items()} == {
        n: s["follow"]["status"] for n, s in stories(out).items()
    }


def test_the_same_feed_again_marks_nothing_new(day, monkeypatch, capsys):
    feed, out, _, _ = day
    assert synth(monkeypatch, capsys, "digest", str(feed), "-o", str(out), "-q")[0] == 0
    assert {s["follow"]["status"] for s in stories(out).values()} == {"same"}
    assert set(marks(out).values()) == {""}


def test_since_a_folder_without_a_digest_is_refused(tmp_path, monkeypatch, capsys):
    feed = write_half(tmp_path / "feed", MORNING)
    (tmp_path / "empty").mkdir()
    args = ("digest", str(feed), "-o", str(tmp_path / "out"), "--since", str(tmp_path / "empty"))
    code, err = synth(monkeypatch, capsys, *args)
    assert code == 2 and len(err.splitlines()) == 1 and "no digest.json" in err
    assert not (tmp_path / "out").exists()


def test_an_article_is_the_same_whatever_its_file_name_and_front_matter():
    body = "The bridge fell.\n\nRescuers pulled 14 people\nfrom the river.\n"
    a = Source(1, "a.txt", body, "A", blocks=((0, 16), (18, len(body) - 1)))
    front = "---\ntitle: T\n---\n"
    b = Source(
        2, "b.txt", front + body.replace("\n", " \n"), "B", body_start=len(front),
        blocks=((len(front), len(front) + 16), (len(front) + 19, len(front) + len(body) + 3)),
    )  # fmt: skip
    assert article_hash(a) == article_hash(b)
    c = Source(3, "c.txt", body.replace("14", "15"), "C", blocks=a.blocks)
    assert article_hash(c) != article_hash(a)


def _story(vector: np.ndarray, text: str) -> tuple[list[Source], np.ndarray]:
    source = Source(1, "x.txt", text, "X", blocks=((0, len(text)),))
    return [source], vector[None, :].astype(np.float32)


def test_a_story_with_no_shared_article_is_followed_by_a_close_vector():
    unit = np.zeros(8)
    unit[0] = 1.0
    previous = Previous(
        "2024-05-14 10:00 UTC",
        "model-a",
        (PreviousStory("story-001", "Bridge", frozenset({"0" * 16}), unit.astype(np.float16)),),
        frozenset({"0" * 16}),
    )
    close = np.zeros(8)
    close[:2] = [SAME_STORY + 0.05, np.sqrt(1 - (SAME_STORY + 0.05) ** 2)]
    far = np.zeros(8)
    far[:2] = [SAME_STORY - 0.05, np.sqrt(1 - (SAME_STORY - 0.05) ** 2)]
    page = follow(*_story(close, "A new article."), previous, "model-a")
    assert (page.status, page.previous, page.new_sources) == ("updated", "story-001", {1})
    assert follow(*_story(far, "A new article."), previous, "model-a").status == "new"
    assert follow(*_story(close, "A new article."), previous, "model-b").status == "new"


def test_a_vector_survives_its_record():
    vector = np.linspace(-1, 1, 384).astype(np.float16)
    assert np.array_equal(decode_vector(encode_vector(vector)), vector)
    assert decode_vector("not base64!") is None and decode_vector(None) is None
