"""Headline patterns (synth.lang.en.headlines) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import headlines as module
from tests.lang.examples import anywhere, cases, finds

EXAMPLES = {
    "OPENING_DETERMINER": anywhere(
        ["the Associated Press", "An aide"], ["Theodore", "Associated Press"]
    ),
    "OPENING_ADVERBIAL": anywhere(
        ["In Washington, the talks", "On Thursday, Olsen"], ["Olsen, the mayor, said"]
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
