"""Date patterns (synth.lang.en.dates) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import dates as module
from tests.lang.examples import anywhere, cases, finds

EXAMPLES = {
    "MONTH_BEFORE": anywhere(["on Sept. ", "since March "], ["March 3", "in the morning "]),
    "NEWS_DAY": anywhere(
        ["closed on Tuesday", "said yesterday", "met last week"],
        ["on March 26, 1830", "Tuesdays are busy", "a weekly paper"],
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
