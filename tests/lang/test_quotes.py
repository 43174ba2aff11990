"""Quotation patterns (synth.lang.en.quotes) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import quotes as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "QUOTED_TEXT": anywhere(
        ['"We will stay," he said', "``We will stay,'' he said", "“We will stay”", "‘stay’"],
        ["He said they would stay.", "the workers' union"],
    ),
    "ELISION": at_start(["em all", "90s", "til dawn", "Tis the season"], ["Hello", "emperor"]),
    "PLURAL_POSSESSIVE": anywhere(
        ["the workers' union", "the workers’ union"], ["the workers' Union", "He said 'no'"]
    ),
    "SINGLE_OPENING": anywhere(["She said ‘no’", "‘Never!", "(‘yes’)"], ["it’s", "rock‘n’roll"]),
    "SINGLE_CLOSING": anywhere(["said ‘no’.", "‘yes’ and", "players’ union"], ["it’s", "don’t"]),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
