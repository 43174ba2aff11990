import numpy as np

from synth.core import Point
from synth.understand.layout import Layouter, join_small, layout_words, lede_size
from synth.understand.rank import Ranker


def unit(rows: list[list[float]]) -> np.ndarray:
    matrix = np.array(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def points(count: int, words: int = 10) -> list[Point]:
    return [Point(i, (i,), " ".join([f"w{i}"] * words), (1,), ()) for i in range(count)]


def test_lede_is_two_or_three_points():
    assert [lede_size(n) for n in (1, 3, 4, 6, 7, 12)] == [1, 3, 2, 2, 3, 3]


def test_every_point_is_placed_once_and_the_lede_is_the_top_points():
    vectors = unit(
        [[1, 0, 0, i * 0.01] for i in range(5)] + [[0, 1, 0, i * 0.01] for i in range(5)]
    )
    labels = np.array([0] * 5 + [1] * 5)
    chosen = [0, 5, 1, 6, 2, 7, 3, 8]
    eligible = np.ones(10, dtype=bool)
    layout = Layouter(Ranker(duplicate_similarity=1.01)).lay_out(
        chosen, labels, points(10), vectors, np.linspace(1, 0, 10), eligible, None
    )
    assert layout.lede == (0, 5, 1)
    placed = [*layout.lede, *(i for s in layout.sections for i in s)]
    assert sorted(placed) == sorted(chosen) and len(placed) == len(set(placed))
    assert all(len(s) >= 2 for s in layout.sections)


def test_a_one_point_subtopic_gets_its_next_point_in_place_of_the_weakest():
    vectors = unit([[1, 0, 0, i * 0.01] for i in range(6)] + [[0, 0, 1, 0], [0, 0, 1, 0.5]])
    labels = np.array([0] * 6 + [1] * 2)
    chosen = [0, 1, 2, 3, 4, 5, 6]  # subtopic 1 shows one point; its second is left out
    scores = np.array([1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.65, 0.4])
    ranker = Ranker(duplicate_similarity=0.99)
    layout = Layouter(ranker).lay_out(
        chosen, labels, points(8), vectors, scores, np.ones(8, dtype=bool), 70
    )
    assert (6, 7) in layout.sections
    assert 5 not in layout.order


def test_a_one_point_section_joins_the_nearest_when_nothing_can_fill_it():
    vectors = unit([[1, 0, 0], [1, 0.1, 0], [1, 0.2, 0], [0, 1, 0], [0, 1, 0.1], [0.9, 0.1, 0.4]])
    labels = np.array([0, 0, 0, 1, 1, 2])
    centres = {0: vectors[0], 1: vectors[3], 2: vectors[5]}
    joined = join_small([0, 1, 3, 4, 5], labels, centres, 2)
    assert joined[5] == 0


def test_close_one_point_sections_join_before_any_swap():
    vectors = unit([[1, 0, 0], [1, 0.1, 0], [0, 1, 0], [0, 1, 0.1], [0.95, 0.05, 0]])
    labels = np.array([0, 0, 1, 1, 2])
    centres = {0: vectors[0], 1: vectors[2], 2: vectors[4]}
    assert join_small([0, 1, 2, 3, 4], labels, centres, 2, 0.7)[4] == 0
    far = {0: vectors[0], 1: vectors[2], 2: unit([[0, 0, 1]])[0]}
    assert join_small([0, 1, 2, 3, 4], labels, far, 2, 0.7)[4] == 2


def test_layout_words_count_texts_headings_and_differences():
    vectors = unit([[1, 0], [1, 0.1], [0, 1], [0.1, 1]])
    layout = Layouter(Ranker()).lay_out(
        [0, 1, 2, 3],
        np.zeros(4, dtype=int),
        points(4, 5),
        vectors,
        np.ones(4),
        np.ones(4, dtype=bool),
        None,
    )
    assert layout_words(layout, points(4, 5)) == 4 * 5 + 4 * len(layout.sections)


def test_a_shorter_copy_of_a_shown_point_is_a_restatement():
    from synth.understand.layout import restates

    shown = Point(
        0, (0,), "Monitors reported sporadic clashes with new raids late Thursday.", (1,), ()
    )
    copy = Point(1, (1,), "Monitors also reported sporadic clashes with new raids.", (2,), ())
    other = Point(2, (2,), "Aid workers evacuated scores of patients from the Old City.", (3,), ())
    assert restates(copy, [shown]) and not restates(other, [shown])


def test_a_subtopic_of_the_lede_gets_a_section_of_its_own():
    vectors = unit(
        [[1, 0, 0, i * 0.01] for i in range(7)] + [[0, 0, 1, 0], [0, 0, 1, 0.3], [0, 0, 1, 0.6]]
    )
    labels = np.array([0] * 7 + [1] * 3)
    chosen = [0, 7, 1, 2, 3, 4, 5, 6]  # the lede holds point 7; its subtopic shows nothing else
    scores = np.array([1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.95, 0.3, 0.2])
    layout = Layouter(Ranker(duplicate_similarity=0.99)).lay_out(
        chosen, labels, points(10), vectors, scores, np.ones(10, dtype=bool), 80
    )
    assert 7 in layout.lede and (8, 9) in layout.sections
    assert all(len(s) >= 2 for s in layout.sections)


def test_the_section_that_goes_on_with_the_event_comes_first():
    from synth.understand.layout import arrange

    labels = np.array([0, 1, 1, 2, 2])
    layout = arrange([1], [3, 2, 4], labels)  # the event (point 1) is of subtopic 1
    assert layout.sections == ((2,), (3, 4))
    assert layout.order == (1, 3, 2, 4)  # the rank order is kept


def test_points_of_one_article_keep_its_order_within_a_section():
    from synth.core import Evidence
    from synth.understand.layout import story_order

    def told(i: int, *places: tuple[int, int]) -> Point:
        evidence = tuple(Evidence(s, start, start + 10, "x") for s, start in places)
        return Point(i, (i,), "text", tuple(s for s, _ in places), evidence)

    found = told(0, (1, 900))  # "was found safe", late in article 1, ranked best
    missing = told(1, (1, 100), (2, 50))  # "went missing", early in articles 1 and 2
    other = told(2, (3, 10))  # another article's point
    assert story_order([0, 2, 1], [found, missing, other]) == [2, 1, 0]
    assert story_order([0, 2], [found, missing, other]) == [0, 2]  # no shared article: by rank


def test_sections_no_heading_fits_join_into_one_that_goes_on_from_the_lede():
    from synth.understand.layout import Layout, layout_order, unnamed_first

    labels = np.array([0, 1, 1, 2, 2, 3, 3])
    layout = Layout((0, 1, 2, 3, 4, 5, 6), (0,), ((1, 2), (3, 4), (5, 6)), labels)
    joined = unnamed_first(layout, {1, 3})
    assert joined.sections == ((1, 2, 5, 6), (3, 4))
    assert layout_order(joined) == [1, 2]
    assert unnamed_first(layout, set()) is layout


def test_headings_left_out_give_their_counted_words_back_to_points():
    from synth.pipeline import body_words, unused_heading_words
    from synth.understand.layout import HEADING_WORDS, Layout

    assert unused_heading_words(3, {0: None, 1: "Ferry strike"}) == 3 * HEADING_WORDS - 2
    assert unused_heading_words(1, {0: "Ferry strike in Varna port"}) == 0
    layout = Layout((0, 1, 2), (0,), ((1, 2),), np.zeros(3, dtype=int))
    assert body_words(layout, {0: "Ferry strike"}, points(3, 5), ()) == 3 * 5 + 2
