"""Tokenizer patterns (synth.lang.en.tokens) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import tokens as module
from tests.lang.examples import anywhere, at_start, cases, finds, wrong

EXAMPLES = {
    "LETTER_WORD": anywhere(["don't", "Zürich"], ["2014 - 42", "_ _ ."]),
    "WORD": anywhere(["42", "it's"], ["— , .", "_"]),
    "LATIN_WORD": anywhere(["ceasefire", "re-elect"], ["a 1 b", "Ζεύς"]),
    "TERM": anywhere(["al-Assad", "UN"], ["a 5 I", "---"]),
    "TOKEN": anywhere(["3rd", "Aleppo"], ["— ...", "__"]),
    "TOKEN_START": at_start(
        [
            "Aleppo",
            "2014",
            wrong("'90s", "'holds a digit', but the code calls .match: only a first-place digit"),
        ],
        ["'s", "—"],
    ),
    "NAME_TOKEN": anywhere(["U.S.", "O'Brien", ","], ["   ", "\t"]),
    "NUMBER_TOKEN": anywhere(["$1,200.50", "45%"], ["A4 paper", "version .5"]),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
