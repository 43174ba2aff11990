"""Line and sentence break patterns (synth.lang.en.breaks) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import breaks as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "SUSPENDED_HYPHEN": at_start(
        ["and second-degree", "or post-war", "to late 1990s"], ["andante", "in 1990"]
    ),
    "NAME_SUFFIX_END": anywhere(["near Martin Luther King Jr."], ["King Jr. Way", "Jr"]),
    "FOOTNOTE_BETWEEN": anywhere(
        ["than any other book.” 1 The book", "was signed.12 The council met."],
        ["signed on Dec. 3 The council", "in version 2.1 The file", "said.” 10 people"],
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
