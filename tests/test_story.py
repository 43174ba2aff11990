"""Articles about another story: told apart by their sentences' closeness to the others."""

import numpy as np

from synth.core import Evidence, Point, Sentence
from synth.understand.story import off_story_sources, on_story


def _case(rows):
    """(source, vector) rows as sentences and unit vectors."""
    sentences = [Sentence(k, source, 0, 5, "Text.", k) for k, (source, _) in enumerate(rows)]
    vectors = np.array([v for _, v in rows], dtype=np.float32)
    return sentences, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_an_article_far_from_all_the_others_is_another_story():
    story = [(1, [1, 0.1, 0]), (1, [1, 0, 0.1]), (2, [1, 0.2, 0]), (3, [0.9, 0.1, 0.1])]
    sentences, vectors = _case([*story, (4, [0, 0, 1]), (4, [0, 0.1, 1])])
    assert off_story_sources(sentences, vectors) == {4}
    assert off_story_sources(*_case(story)) == frozenset()


def test_two_articles_are_never_told_apart_and_shared_points_stay():
    sentences, vectors = _case([(1, [1, 0]), (2, [0, 1])])
    assert off_story_sources(sentences, vectors) == frozenset()
    alone = Point(0, (0,), "Text.", (4,), (Evidence(4, 0, 5, "Text."),))
    shared = Point(1, (1,), "Text.", (1, 4), (Evidence(1, 0, 5, "Text."),))
    marked = on_story([alone, shared], frozenset({4}))
    assert [p.standalone for p in marked] == [False, True]
