"""The last guard before a point is shown: it must read as a sentence."""

from __future__ import annotations

import pytest

from synth.core import Point
from synth.understand.rank import Ranker
from synth.understand.standalone import has_verb, shape_problem


@pytest.mark.parametrize(
    "text",
    [
        "The council voted on Tuesday to expand the library budget by a third.",
        "“We will not give up,” the coach told reporters after the match.",
        "[Olsen] said the talks would resume in the spring.",
        "12 people were hurt when the roof of the hall fell in, police said.",
        "Water levels fell overnight and the bridge reopened.",
        "Is the plan affordable?",
        "He died a week later in hospital.",
    ],
)
def test_sentences_pass(text):
    assert shape_problem(text) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Council Votes To Expand City Library Budget", "does not close as a sentence"),
        ("Watch Next Share Close x", "does not close as a sentence"),
        ("and then the bridge reopened after repairs.", "does not open as a sentence"),
        (
            "— a spokesman for the ministry, who asked not to be named.",
            "does not open as a sentence",
        ),
        ("Thousands of fans outside the stadium in the rain on Saturday.", "has no verb"),
        ("Running time: 104 minutes.", "has no verb"),
        ("Top ten moments of the year so far.", "has no verb"),
    ],
)
def test_fragments_fail(text, problem):
    assert shape_problem(text) == problem


def test_verbs_by_list_and_suffix():
    assert has_verb("It's over") and has_verb("Prices rose") and has_verb("She plans to run")
    assert has_verb("The river flooded") and not has_verb("A red bed in the hall")


def test_the_ranker_never_shows_a_point_that_fails_the_guard():
    ranker = Ranker()

    def point(text: str) -> Point:
        return Point(0, (0,), text, (1,), ())

    assert ranker.eligible(point("The council voted on Tuesday to expand the library budget."))
    assert not ranker.eligible(point("Council Votes To Expand The City Library Budget Again"))
    assert not ranker.eligible(point("the council voted on Tuesday to expand the budget."))
    assert not ranker.eligible(point("Thousands of fans outside the stadium in the rain today."))
