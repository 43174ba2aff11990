import numpy as np

from synth.core import Sentence, Source
from synth.understand.merge import Merger, quote_shingles


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
