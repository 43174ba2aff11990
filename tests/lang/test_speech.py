"""Speech and attribution patterns (synth.lang.en.speech) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import speech as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "INTRODUCED_TEXT": at_start(
        [
            "Following are excerpts from the harbour report: The port was closed.",
            "The Herald said in an editorial on Sunday, May 3: The strike must end.",
        ],
        ["The ferry left at 10:30 on Monday.", "Olsen: The port will reopen on Friday."],
    ),
    "SPEECH_CUE": anywhere(
        ["Olsen said in Hamburg", "he told reporters"], ["told the court", "sayings"]
    ),
    "SPEECH_VERB": anywhere(
        ["Reuters reported", "the minister said"], ["reportedly", "Said Ahmed left"]
    ),
    "CLAIM": anywhere(
        ["The group claimed the attack.", "the alleged attacker", "allegedly"],
        ["According to Olsen, the talks failed.", "Olsen said the talks failed.", "the claimant"],
    ),
    "PRONOUN_SPEAKER": anywhere(
        ["The talks failed, he said.", "They told reporters the talks failed."],
        ["Olsen said the talks failed.", "Olsen said he would go."],
    ),
    "UNNAMED_SPEAKER": at_start(
        ["A friend said he left.", "One official told reporters"],
        ["Olsen said he left.", "A bridge collapsed on Monday."],
    ),
    "SPEAKER_PRONOUN": at_start(
        ["He said the talks failed.", "She also told"], ["They said", "He was told"]
    ),
    "NAME_BEFORE_VERB": anywhere(
        ["John Olsen said on Monday", "Olsen Thursday said", "Olsen also told reporters"],
        ["he said", "the ministry said"],
    ),
    "NAME_APPOSITIVE": anywhere(
        ["Olsen, the mayor of Aleppo, said"], ["Olsen said", "the mayor, 54, said"]
    ),
    "NAME_AFTER_VERB": anywhere(
        ["“We will stay,” said Olsen.", "said John Olsen, the mayor"],
        ["Olsen said the talks failed.", "“We will stay,” said the mayor."],
    ),
    "TRAILING_ATTRIBUTION": anywhere(
        [
            "The talks will resume, Russia's foreign minister said on Thursday.",
            "Forty people died, according to the ministry.",
        ],
        ["The minister said talks would resume.", "Talks will resume, in Geneva, next week."],
    ),
    "LEADING_ATTRIBUTION": at_start(
        [
            "Olsen said on Thursday that the talks would resume.",
            "The ministry has said talks failed",
        ],
        ["The talks, Olsen said, would resume.", "“We will stay,” Olsen said."],
    ),
    "NAME_RUN": at_start(["Vladimir Putin said", "Olsen"], ["the Kremlin", "“Olsen”"]),
    "NAME_AT_END": anywhere(
        ["according to Vladimir Putin"], ["according to the ministry", "said so"]
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
