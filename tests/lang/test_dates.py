"""Date patterns (synth.lang.en.dates) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import dates as module
from tests.lang.examples import anywhere, cases, finds

EXAMPLES = {
    "MONTH_BEFORE": anywhere(["on Sept. ", "since March "], ["March 3", "in the morning "]),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
