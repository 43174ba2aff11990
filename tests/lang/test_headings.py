"""Heading chunker patterns (synth.lang.en.headings) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import headings as module
from tests.lang.examples import anywhere, cases, finds, wrong

EXAMPLES = {
    "CONTRACTION": anywhere(["who'd", "don't", "they’re"], ["Olsen's", "dont"]),
    "PLURAL": anywhere(
        ["talks", "voters"],
        [
            "press",
            "bus",
            wrong(
                "analysis", "the comment says not a plural, but [^su'’]s lets '-is' + 's' through"
            ),
        ],
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
