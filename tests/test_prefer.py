"""bench/prefer.py, the reader's yardstick: the parts that need no model (draws, labels, the
baselines' word budget, the scorer) on made-up inputs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from synth.core import Sentence

PATH = Path(__file__).resolve().parent.parent / "bench" / "prefer.py"


@pytest.fixture(scope="module")
def prefer():
    spec = importlib.util.spec_from_file_location("bench_prefer", PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_prefer"] = module
    spec.loader.exec_module(module)
    return module


def sentences(*by_source: list[str]) -> list[Sentence]:
    """Sentences numbered in source then reading order, as synth's reader numbers them."""
    made = []
    for source, texts in enumerate(by_source):
        for position, text in enumerate(texts):
            made.append(Sentence(len(made), source, 0, len(text), text, position))
    return made


def test_draws_are_disjoint_seeded_and_sized(prefer):
    ids = {"multinews": [f"m{i:02}" for i in range(30)], "duc2004": [f"d{i:02}" for i in range(9)]}
    sizes = {"report": {"multinews": 5, "duc2004": 4}, "tune": {"multinews": 3, "duc2004": 5}}
    first = prefer.draw_clusters(ids, 7, sizes)
    assert first == prefer.draw_clusters(ids, 7, sizes)
    assert first != prefer.draw_clusters(ids, 8, sizes)
    report = {c["id"] for c in first["report"]}
    tune = {c["id"] for c in first["tune"]}
    assert len(report) == 9 and len(tune) == 8 and not report & tune
    assert sum(c["set"] == "duc2004" for c in first["report"]) == 4


def test_a_draw_larger_than_its_set_is_refused(prefer):
    ids = {"multinews": ["m1", "m2"], "duc2004": ["d1"]}
    with pytest.raises(prefer.UsageError):
        prefer.draw_clusters(ids, 1, {"report": {"multinews": 1, "duc2004": 2}})


def test_labels_are_a_seeded_shuffle_of_the_three_systems(prefer):
    clusters = [f"c{i}" for i in range(30)]
    labels = [prefer.shuffle_labels(c) for c in clusters]
    assert labels == [prefer.shuffle_labels(c) for c in clusters]
    assert all(sorted(k) == ["A", "B", "C"] for k in labels)
    assert all(sorted(k.values()) == sorted(prefer.SYSTEMS) for k in labels)
    assert len({tuple(k.values()) for k in labels}) > 1
    assert {k["A"] for k in labels} == set(prefer.SYSTEMS)
    assert prefer.shuffle_labels("c1", seed=1) == prefer.shuffle_labels("c1", seed=1)


def test_reader_words_leave_out_marks_that_are_not_words(prefer):
    text = "# Title here\n\n- One point. [1][2] *(one report)*\n- Two \\_ words."
    assert prefer.reader_words(text) == 8  # Title here One point. *(one report)* Two words.


def test_lead_takes_first_sentences_in_turn_and_stops_at_a_sentence_boundary(prefer):
    made = sentences(
        ["Alpha one two three four five.", "Alpha second six seven eight."],
        ["Beta one two three four five six.", "Beta second seven eight nine."],
        ["Gamma one two three."],
    )
    texts = prefer.baseline_texts("lead", made, 20)
    assert texts == [
        "Alpha one two three four five.",
        "Beta one two three four five six.",
        "Gamma one two three.",
        "Alpha second six seven eight.",
    ]  # 6 + 7 + 4 = 17; the fourth ends at 22, nearer 20 than 17 is
    assert prefer.baseline_texts("lead", made, 18) == texts[:3]  # 17 is nearer 18 than 22
    every = {s.text for s in made}
    assert all(text in every for text in prefer.baseline_texts("lead", made, 9))


def test_fill_never_cuts_a_sentence_and_keeps_at_least_one_near_the_budget(prefer):
    texts = ["one two three four five six seven eight nine ten", "a b c d e f"]
    assert prefer.fill(texts, 4) == []  # ten words overshoot by six; none is nearer
    assert prefer.fill(texts, 6) == [0]
    assert prefer.fill(texts, 12) == [0]  # 16 overshoots 12 by more than 10 falls short
    assert prefer.fill(texts, 14) == [0, 1]


def test_lexrank_choice_is_shown_in_reading_order(prefer):
    made = sentences(
        ["The council approved the new budget on Monday.", "Rain fell in the afternoon."],
        ["The new budget was approved by the council.", "The council budget rises."],
    )
    texts = prefer.baseline_texts("lexrank", made, 15)
    order = [next(s.id for s in made if s.text == t) for t in texts]
    assert order == sorted(order) and texts


def test_wire_copy_is_read_whole_with_typographic_quotes(prefer, tmp_path):
    import textwrap
    from dataclasses import replace

    from synth.read.sources import load_sources

    story = (
        "The minister said on Sunday that the talks between the two parties would resume "
        "next week in the capital, after a pause of three months. ``Nothing is settled "
        "yet,'' he told reporters outside the ministry. Officials of both parties agreed "
        "that a first meeting would take place on Tuesday, and that the agenda would be set "
        "by the mediators. The opposition, which left the talks in the spring, said it would "
        "send a delegation as well, but gave no names and no date for its return."
    )
    body = "\n".join(textwrap.wrap(story, 68)) + "\n"
    (tmp_path / "wire.txt").write_text(body, encoding="utf-8")
    (source,) = load_sources([str(tmp_path / "wire.txt")])
    second = body.index("\n") + 1
    # as when the cleaner takes the wrapped first line for a headline and drops a line inside
    cut = replace(source, blocks=((second, second + 60), (second + 130, len(body) - 1)))
    read = prefer.wire_paragraphs(cut)
    kept = " ".join(" ".join(read.text[a:b] for a, b in read.blocks).split())
    assert kept.startswith("The minister said on Sunday")
    assert "“Nothing is settled yet,” he told" in kept and "``" not in kept
    assert kept.rstrip().endswith("no date for its return.")


def reading(cluster, reader, rank, facts, total, skip):
    return {
        "cluster": cluster,
        "reader": reader,
        "rank": rank,
        "key_facts": facts,
        "key_facts_total": total,
        "skip": skip,
        "skip_notes": {},
    }


KEY = {
    "w1": {"A": "synth", "B": "lexrank", "C": "lead"},
    "n1": {"A": "lead", "B": "synth", "C": "lexrank"},
}
SETS = {"w1": "multinews", "n1": "duc2004"}
READINGS = [
    # web page: both readers rank synth best
    reading("w1", "r1", ["A", "B", "C"], {"A": 4, "B": 2, "C": 1}, 8, {"A": 1, "B": 3, "C": 2}),
    reading("w1", "r2", ["A", "C", "B"], {"A": 3, "B": 3, "C": 2}, 6, {"A": 0, "B": 2, "C": 2}),
    # newswire: r1 ranks lead best, r2 ranks synth best
    reading("n1", "r1", ["A", "B", "C"], {"A": 5, "B": 4, "C": 2}, 10, {"A": 0, "B": 4, "C": 1}),
    reading("n1", "r2", ["B", "A", "C"], {"A": 5, "B": 5, "C": 1}, 10, {"A": 1, "B": 1, "C": 3}),
]


def test_scorer_turns_labels_into_systems_and_averages_per_reading(prefer):
    result = prefer.score(READINGS, KEY, SETS)
    assert result["readings"] == 4 and result["clusters"] == 2
    systems = result["scopes"]["all"]["systems"]
    assert systems["synth"]["best"] == 0.75
    assert systems["lead"]["best"] == 0.25
    assert systems["lexrank"]["best"] == 0
    assert systems["synth"]["mean_rank"] == 1.25  # ranks 1, 1, 2, 1
    assert systems["lexrank"]["mean_rank"] == 2.75  # ranks 2, 3, 3, 3
    assert systems["synth"]["skip"] == pytest.approx((1 + 0 + 4 + 1) / 4)
    assert systems["synth"]["key_facts"] == pytest.approx((4 + 3 + 4 + 5) / 34)
    newswire = result["scopes"]["duc2004"]["systems"]
    assert newswire["synth"]["best"] == 0.5 and newswire["lead"]["mean_rank"] == 1.5
    assert result["scopes"]["multinews"]["systems"]["synth"]["best"] == 1.0


def test_scorer_pairwise_and_agreement(prefer):
    result = prefer.score(READINGS, KEY, SETS)
    assert result["synth_above"] == {"lexrank": 1.0, "lead": 0.75}
    assert result["agreement"] == {"same_best": 1, "clusters_read_twice": 2}
    table = prefer.format_table(result)
    assert "| ranked best | 75% | 0% | 25% |" in table
    assert "| synth ranked above it | – | 100% | 75% |" in table
    assert "agreed on the best in 1 of 2" in table


@pytest.mark.parametrize(
    "bad",
    [
        {**READINGS[0], "rank": ["A", "A", "C"]},
        {**READINGS[0], "cluster": "unknown"},
        {**READINGS[0], "key_facts": {"D": 1}},
    ],
)
def test_scorer_refuses_bad_readings(prefer, bad):
    with pytest.raises(prefer.UsageError):
        prefer.score([bad], KEY, SETS)


def test_scorer_refuses_a_cluster_read_twice_by_one_reader(prefer):
    with pytest.raises(prefer.UsageError, match="read twice"):
        prefer.score([READINGS[0], READINGS[0]], KEY, SETS)
