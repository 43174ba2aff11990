"""Story grouping: the linkage, the features it compares, and the scores that measure it."""

from __future__ import annotations

import numpy as np
import pytest

from synth.evaluate.grouping import adjusted_rand_index, bcubed
from synth.read.segment import segment_sources
from synth.read.sources import load_sources
from synth.understand.stories import (
    StoryGrouper,
    average_linkage,
    name_terms,
    word_terms,
)
from tests.conftest import FakeEmbedder
from tests.feeds import write_feed


def test_linkage_keeps_two_tight_groups_apart():
    strong = {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.85, (3, 4): 0.9}
    labels = average_linkage(5, {**strong, (2, 3): 0.5}, threshold=0.4)
    assert labels == [0, 0, 0, 3, 3]


def test_linkage_counts_missing_pairs_as_unrelated():
    # 2 is close to 0 only; as a group {0, 1} its mean link to 2 is 0.5 / 2.
    labels = average_linkage(3, {(0, 1): 0.9, (0, 2): 0.5}, threshold=0.3)
    assert labels == [0, 0, 2]
    assert average_linkage(3, {(0, 1): 0.9, (0, 2): 0.7}, threshold=0.3) == [0, 0, 0]


def test_linkage_stops_at_the_threshold_not_a_count():
    edges = {(i, i + 1): 0.5 for i in range(0, 10, 2)}
    assert len(set(average_linkage(10, edges, threshold=0.5))) == 5
    assert len(set(average_linkage(10, edges, threshold=0.51))) == 10


def test_linkage_breaks_ties_by_lowest_ids():
    # 1 is as close to 0 as to 2; it joins 0 first, and 2 then stays out (mean 0.25).
    assert average_linkage(3, {(0, 1): 0.5, (1, 2): 0.5}, threshold=0.4) == [0, 0, 2]


def test_names_are_capitalized_runs_inside_sentences_and_figures():
    terms = name_terms(["Officials in Port Varn said Mayor Ada Quell counted 1,250 votes."])
    assert {"port varn", "port", "varn", "mayor ada quell", "quell", "#1250"} <= set(terms)
    assert "officials" not in terms  # opens the sentence
    assert name_terms(["He said: “We will see.”"]) == {}


def test_words_are_stemmed_without_stop_words():
    assert word_terms(["The bridges were closing"]) == {"bridg": 1, "close": 1}


def _grouped(paths):
    sources = load_sources(paths)
    sentences = segment_sources(sources)
    vectors = FakeEmbedder().encode([s.text for s in sentences])
    groups = StoryGrouper().group(sources, sentences, vectors)
    by_id = {s.id: s for s in sources}
    return sorted(sorted(by_id[i].path.rsplit("/", 1)[-1] for i in g) for g in groups)


def test_grouper_finds_the_stories_of_a_feed(tmp_path):
    feed = write_feed(tmp_path)
    assert _grouped([str(feed)]) == [
        ["bridge-1.txt", "bridge-2.txt", "bridge-3.txt"],
        ["final-1.txt", "final-2.txt"],
        ["lone.txt"],
        ["vote-1.txt", "vote-2.txt", "vote-3.txt"],
    ]


def test_grouper_leaves_out_documents_that_are_not_articles(tmp_path):
    feed = write_feed(tmp_path)
    (feed / "notice.txt").write_text("Tweet with a location\n\nYou can add location information")
    assert all("notice.txt" not in group for group in _grouped([str(feed)]))


def test_articles_dated_far_apart_never_link(tmp_path):
    feed = write_feed(tmp_path)
    for name, day in (("bridge-1.txt", "2024-03-01"), ("bridge-2.txt", "2024-03-02")):
        text = (feed / name).read_text()
        (feed / name).write_text(f"---\npublished: {day}\n---\n{text}")
    text = (feed / "bridge-3.txt").read_text()
    (feed / "bridge-3.txt").write_text(f"---\npublished: 2024-05-20\n---\n{text}")
    groups = _grouped([str(feed)])
    assert ["bridge-1.txt", "bridge-2.txt"] in groups and ["bridge-3.txt"] in groups


def test_grouping_ignores_the_order_of_inputs(tmp_path):
    feed = write_feed(tmp_path)
    files = sorted(str(p) for p in feed.iterdir())
    assert _grouped(files) == _grouped(list(reversed(files))) == _grouped([str(feed)])


def test_bcubed_of_known_partitions():
    assert bcubed([1, 1, 2, 2], ["a", "a", "b", "b"]).f1 == 1.0
    merged = bcubed([1, 1, 2, 2], ["a", "a", "a", "a"])
    assert merged.precision == pytest.approx(0.5) and merged.recall == 1.0
    split = bcubed([1, 1, 1], ["a", "b", "c"])
    assert split.precision == 1.0 and split.recall == pytest.approx(1 / 3)


def test_adjusted_rand_index_is_one_for_the_same_partition_and_near_zero_at_random():
    assert adjusted_rand_index([1, 1, 2, 2], [5, 5, 7, 7]) == 1.0
    rng = np.random.default_rng(0)
    truth, found = rng.integers(0, 20, 2000).tolist(), rng.integers(0, 20, 2000).tolist()
    assert abs(adjusted_rand_index(truth, found)) < 0.02
