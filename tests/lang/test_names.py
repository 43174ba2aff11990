"""Name patterns (synth.lang.en.names) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import names as module
from tests.lang.examples import anywhere, cases, finds

EXAMPLES = {
    "POSSESSIVE": anywhere(["Olsen's", "Olsen’s"], ["Olsen", "Olsens"]),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
