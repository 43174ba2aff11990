"""Headline patterns (synth.lang.en.headlines) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import headlines as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "OPENING_DETERMINER": anywhere(
        ["the Associated Press", "An aide"], ["Theodore", "Associated Press"]
    ),
    "OPENING_ADVERBIAL": anywhere(
        ["In Washington, the talks", "On Thursday, Olsen", "On May 4, 1921, the mill"],
        ["Olsen, the mayor, said"],
    ),
    "STAMP_LEAD": at_start(
        ["Noon, April 17 - The Varna police", "May 3 -- Olsen", "Oct. 2, 2019 — The mayor"],
        ["May 3 was the day", "Olsen - the mayor - left", "In May, the port - "],
    ),
    "SECOND_PERSON": anywhere(
        ["Add a location to your posts", "What you need to know", "You’re invited"],
        ["Young voters back Olsen", "US troops leave Varna", "Youth club shut"],
    ),
    "QUOTE_AFTER_COLON": anywhere(
        ["Olsen wrote in her diary: “Today is the day.”", 'He said: "We will stay."'],
        ["Olsen wrote: the port is shut.", "“Today is the day,” Olsen wrote in her diary."],
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
