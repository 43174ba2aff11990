import numpy as np

from synth.core import Sentence, Source
from synth.understand.merge import Groups, Merger, quote_shingles


def build(texts_by_source):
    sources, sentences = [], []
    for source_id, texts in enumerate(texts_by_source, start=1):
        body = "\n".join(texts)
        sources.append(Source(source_id, f"s{source_id}.txt", body, f"S{source_id}"))
        offset = 0
        for position, text in enumerate(texts):
            sentences.append(
                Sentence(len(sentences), source_id, offset, offset + len(text), text, position)
            )
            offset += len(text) + 1
    return sources, sentences


def test_shared_quote_merges_loosely_similar_sentences(fake_embedder):
    sources, sentences = build(
        [
            ["The spokesman called it “a sign that progress could be made soon” on Friday."],
            ["“This is a sign that progress could be made soon, but we will wait,” he told them."],
            ["Farmers expect a poor harvest after the drought in the south."],
        ]
    )
    vectors = fake_embedder.encode([s.text for s in sentences])
    points, point_vectors = Merger().merge(sentences, vectors, sources)
    merged = [p for p in points if len(p.sources) == 2]
    assert len(merged) == 1 and merged[0].sources == (1, 2)
    assert point_vectors.shape == (len(points), vectors.shape[1])
    assert sum(len(p.sentences) for p in points) == len(sentences)


def test_same_article_different_figures_stay_apart():
    sources, sentences = build(
        [
            [
                "At least 300 civilians have been killed in the east since the siege began.",
                "Another 100 civilians have been killed in the west since the siege began.",
            ]
        ]
    )
    vectors = np.tile(np.eye(1, 8, dtype=np.float32), (2, 1))
    points, _ = Merger().merge(sentences, vectors, sources)
    assert len(points) == 2


def test_evidence_slices_are_exact():
    sources, sentences = build(
        [["One fact is stated here today."], ["One fact is stated here today."]]
    )
    vectors = np.tile(np.eye(1, 8, dtype=np.float32), (2, 1))
    points, _ = Merger().merge(sentences, vectors, sources)
    assert len(points) == 1
    for ev in points[0].evidence:
        assert sources[ev.source - 1].text[ev.start : ev.end] == ev.text


def test_quote_shingles_only_inside_quotes():
    assert quote_shingles("the syrian observatory for human rights said", 6) == set()
    assert quote_shingles("he said “one two three four five six”", 6) == {
        ("one", "two", "three", "four", "five", "six")
    }


def test_a_sentence_carried_by_many_outlets_is_one_point_with_few_neighbours():
    outlets = 60
    sources, sentences = build([["The dam burst at dawn on Tuesday, flooding the town."]] * outlets)
    vectors = np.tile(np.eye(1, 8, dtype=np.float32), (outlets, 1))
    points, _ = Merger(neighbours=3).merge(sentences, vectors, sources)
    assert len(points) == 1 and points[0].sources == tuple(range(1, outlets + 1))


def test_group_mean_similarity_is_the_mean_of_the_cross_similarities():
    vectors = np.random.default_rng(1).normal(size=(9, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    groups = Groups(vectors, [set() for _ in range(9)])
    groups.join(0, 1)
    groups.join(2, 3)
    groups.join(groups.find(2), 4)
    a, b = groups.find(0), groups.find(4)
    expected = float((vectors[[0, 1]] @ vectors[[2, 3, 4]].T).mean())
    assert abs(groups.mean_similarity(a, b) - expected) < 1e-6
    assert groups.listing() == [[0, 1], [2, 3, 4], [5], [6], [7], [8]]


def test_groups_share_a_quote_when_any_two_members_do():
    runs = [{("a",)}, {("b",)}, {("c",)}, {("b",)}]
    groups = Groups(np.eye(4, dtype=np.float32), runs)
    groups.join(0, 1)
    assert groups.share_quote(groups.find(0), 3)
    assert not groups.share_quote(groups.find(0), 2)
