"""Dateline patterns (synth.lang.en.labels) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import labels as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "DATELINE": at_start(
        ["MOSCOW // ", "SEOUL (Reuters) - ", "MURPHY, N.C. — ", "QUEBEC CITY/TORONTO (Reuters) - "],
        ["Moscow said", "Olsen — who left"],
    ),
    "DATELINE_LEAD": at_start(
        ["LAS VEGAS, June 10 (UPI) -- ", "Madrid (CNN) -- ", "BOSTON—The"], ["Olsen — who left"]
    ),
    "AGENCY_LEAD": at_start(
        ["Seoul (CNN) North Korea"], ["Seoul (CNN) -- North Korea", "Seoul said"]
    ),
    "MONTH_YEAR": anywhere(["Oct 19, 2015", "May 2015"], ["May 19 rally", "in 2015"]),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
