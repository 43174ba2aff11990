"""Figure, place and difference patterns (synth.lang.en.figures) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import figures as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "PERCENT_WORDS": anywhere(
        ["45 percent", "3%", "7 per cent"], ["percentage points rose", "45 people"]
    ),
    "FIGURE": anywhere(
        ["at least 45 people", "1.2 million", "3,000 troops"], ["$5 and €7", "The talks failed."]
    ),
    "PLACE": anywhere(
        ["the city of Aleppo", "in Geneva, Switzerland", "at Aleppo on Monday"], ["in Geneva talks"]
    ),
    "INCREMENT_BEFORE": anywhere(["an additional ", "another "], ["additional troops"]),
    "SCOPE": anywhere(["in Aleppo", "in the Middle East"], ["in aleppo", "into Aleppo"]),
    "INCREMENT": at_start([" more people", "-additional"], [" people"]),
    "CONFIDENCE": at_start([" CI", "confidence"], [" people"]),
    "PRONOUN_START": at_start(["It said", "Their homes"], ["Italy", "The"]),
    "RANGE": anywhere(
        ["between 100 and 500", "100 to 500", "100-500"], ["100 people and 500 cars"]
    ),
    "DAY_MENTION": anywhere(
        ["on Monday", "on December 8", "yesterday"], ["Mondays", "in December"]
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
