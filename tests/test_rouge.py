import random

import pytest

from synth.evaluate.rouge import lcs_length, pooled_scores, truncate_words


def lcs_by_table(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = (
                table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
            )
    return table[-1][-1]


def test_bit_parallel_lcs_agrees_with_the_table():
    rng = random.Random(7)
    for _ in range(500):
        a = [rng.choice("abcd") for _ in range(rng.randint(0, 25))]
        b = [rng.choice("abcd") for _ in range(rng.randint(0, 25))]
        assert lcs_length(a, b) == lcs_by_table(a, b)


def test_scores_worked_by_hand():
    # summary tokens: the cat sat on the mat; reference: the cat sat on a red
    # unigrams: the(1) cat sat on = 4 of 6 -> 0.667; bigrams: the-cat cat-sat sat-on = 3 of 5
    scores = pooled_scores("The cat sat on the mat", ["the cat sat on a red mat"], limit=6)
    assert scores["rouge1"].recall == pytest.approx(4 / 6)
    assert scores["rouge1"].precision == pytest.approx(4 / 6)
    assert scores["rouge2"].recall == pytest.approx(3 / 5)
    assert scores["rougeL"].recall == pytest.approx(4 / 6)


def test_references_are_pooled_not_best():
    # ref 1 "the cat sat": 3 hits of 3; ref 2 "a dog ran away": 0 of 4.
    # pooled recall = 3 / 7; precision = 3 / (3 + 3); best-reference recall would be 1.0
    scores = pooled_scores("the cat sat", ["the cat sat", "a dog ran away"], limit=None)
    assert scores["rouge1"].recall == pytest.approx(3 / 7)
    assert scores["rouge1"].precision == pytest.approx(3 / 6)
    assert scores["rouge1"].f1 == pytest.approx(2 * (3 / 7) * 0.5 / (3 / 7 + 0.5))


def test_truncation_counts_whitespace_words():
    assert truncate_words("one two  three\nfour", 3) == "one two three"
    assert truncate_words("one two", None) == "one two"
