"""Date patterns (synth.lang.en.dates) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import dates as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "MONTH_BEFORE": anywhere(["on Sept. ", "since March "], ["March 3", "in the morning "]),
    "YEAR_OPENING": at_start(
        ["In 1991, the Varna port", "On Sept. 23, 1896, Olsen wrote", "Back in 2004, Berg"],
        ["In Washington, the talks", "On Monday, Olsen", "Olsen said in 1991, the port"],
    ),
    "NEWS_DAY": anywhere(
        ["closed on Tuesday", "said yesterday", "met last week"],
        ["on March 26, 1830", "Tuesdays are busy", "a weekly paper"],
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
