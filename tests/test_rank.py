import numpy as np

from synth.core import Evidence, Point
from synth.understand.rank import Ranker, figures_in


def point(i: int, text: str, sources=(1,)) -> Point:
    return Point(i, (i,), text, tuple(sources), (Evidence(sources[0], 0, len(text), text),))


def test_selection_skips_near_duplicates_and_keeps_the_budget():
    points = [point(i, f"Point number {i} has exactly eight words here.") for i in range(4)]
    vectors = np.array([[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    scores = np.array([0.9, 0.8, 0.5, 0.4])
    chosen = Ranker().select(points, vectors, scores, budget_words=16)
    assert chosen == [0, 2]


def test_ties_are_broken_by_id():
    points = [point(i, f"Point number {i} has exactly eight words here.") for i in range(3)]
    vectors = np.eye(3, dtype=np.float32)
    chosen = Ranker().select(points, vectors, np.array([0.5, 0.5, 0.5]), budget_words=None)
    assert chosen == [0, 1, 2]


def test_points_that_cannot_stand_alone_are_not_shown():
    bad = Point(0, (0,), "However, it was not enough for the town.", (1,), (), standalone=False)
    assert not Ranker().eligible(bad)


def test_figures_ignore_years_and_small_numbers():
    assert figures_in("In 2016, 8,000 people and 5 buses left; 384 died.") == {"8000", "384"}
