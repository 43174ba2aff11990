"""Behaviours that the golden files show but that deserve a test of their own, so a change to
one fails with a name rather than only as a byte difference in tests/golden/."""

from __future__ import annotations

import numpy as np

from synth.compare.coverage import source_coverage
from synth.compare.figures import key_figures
from synth.core import Evidence, Point, Sentence, Source
from synth.understand.merge import choose_representative
from synth.understand.rank import Ranker, lead_weight
from synth.write.headline import choose_title
from synth.write.render import date_range


def source(i: int, text: str = "", **meta) -> Source:
    return Source(i, f"s{i}.txt", text, meta.get("outlet") or f"S{i}", **meta)


def sentence(i: int, source_id: int, text: str, position: int = 0) -> Sentence:
    return Sentence(i, source_id, 0, len(text), text, position)


def point(
    i: int, sources: tuple[int, ...], text: str = "A point of eight words stands here."
) -> Point:
    evidence = tuple(Evidence(s, 0, len(text), text) for s in sources)
    return Point(i, (i,), text, sources, evidence)


def test_title_is_the_headline_of_the_source_most_cited_by_chosen_points():
    sources = [source(1, title="Port reopens in Varna"), source(2, title="Ferry strike ends")]
    chosen = [point(0, (2,)), point(1, (1, 2))]
    assert choose_title(sources, chosen) == "Ferry strike ends"


def test_title_ties_go_to_the_lower_source_id_and_untitled_sources_are_passed_over():
    sources = [
        source(1),
        source(2, title="Only  titled\nsource ends strike"),
        source(3, title="Later one ends it"),
    ]
    assert choose_title(sources, [point(0, (1, 2, 3))]) == "Only titled source ends strike"


def test_key_figures_group_one_value_across_outlets_and_rank_by_outlets():
    texts = {
        1: "Officials said 8,000 evacuees were taken out on buses.",
        2: "About 8,000 evacuees were moved out overnight, officials said.",
        3: "The storm destroyed 250 homes along the coast.",
    }
    sources = [source(i, t) for i, t in texts.items()]
    sentences = [sentence(k, i, t) for k, (i, t) in enumerate(texts.items())]
    figures = key_figures(sentences, sources, {0: 0.1, 1: 0.1, 2: 0.9})
    assert [f.value for f in figures] == ["8,000", "250"]
    assert figures[0].sources == (1, 2) and figures[0].counts == "evacuees"


def test_position_weight_favours_an_articles_lead():
    assert lead_weight(0, 6.0) == 1.0
    assert lead_weight(6, 6.0) < lead_weight(1, 6.0) < 1.0
    sentences = [sentence(0, 1, "Lead sentence.", 0), sentence(1, 1, "Deep sentence.", 20)]
    points = [point(0, (1,)), point(1, (1,))]
    vectors = np.ones((2, 3), dtype=np.float32) / np.sqrt(3)
    scores = Ranker().scores(points, vectors, sentences, vectors, {1: 1})
    assert scores[0] > scores[1]


def test_date_range_spans_readable_dates_of_articles_read():
    sources = [
        source(1, published="8 December 2016"),
        source(2, published="2016-12-09T10:00:00"),
        source(3, published="not a date"),
        Source(4, "s4.txt", "", "S4", published="1 January 2000", skipped="a notice"),
    ]
    assert date_range(sources) == "2016-12-08 – 2016-12-09"
    assert date_range(sources[:1]) == "2016-12-08"
    assert date_range(sources[2:3]) == ""


def test_representative_is_the_standalone_complete_variant_not_a_pronoun_opening():
    texts = [
        "He said the bridge would reopen next week after repairs to its deck.",
        "The city said the bridge would reopen next week after repairs to its deck were done.",
    ]
    sentences = [sentence(0, 1, texts[0]), sentence(1, 2, texts[1])]
    vectors = np.ones((2, 4), dtype=np.float32) / 2
    assert choose_representative([0, 1], sentences, vectors) == [1, 0]


def test_only_in_lists_a_sources_best_points_no_other_outlet_has():
    sources = [source(1), source(2)]
    points = [point(0, (1, 2)), point(1, (1,)), point(2, (1,)), point(3, (1,)), point(4, (2,))]
    labels = np.array([0, 0, 1, 1, 0])
    scores = np.array([0.9, 0.2, 0.8, 0.5, 0.3])
    eligible = np.array([True, True, True, True, False])
    rows = source_coverage(sources, points, labels, [1, 0], scores, eligible)
    first, second = rows
    assert first.points == (2, 2)
    assert [e.source for _, e in first.only_here] == [1, 1]
    assert len(first.only_here) == 2  # the two best of its three own points
    assert second.points == (0, 1) and second.only_here == ()
