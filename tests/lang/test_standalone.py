"""The standalone judge's patterns (synth.lang.en.standalone) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import standalone as module
from tests.lang.examples import anywhere, at_start, cases, finds, wrong

EXAMPLES = {
    "TIME_ANCHOR": anywhere(["won in 2008", "on Monday", "in March"], ["two hours", "may 5"]),
    "YEAR_ON_YEAR": at_start(["a year earlier", "one year later"], ["two years later"]),
    "UNANCHORED_TIME": anywhere(
        [
            "The job began two hours earlier with the capture.",
            "A week later, the port reopened.",
            "He had left the day before.",
            "The next morning, divers found it.",
        ],
        [
            "Earlier this week the port reopened.",
            "It began two hours earlier than planned.",
            "He left the day before the vote.",
            "Three years later than promised",
            "Income rose 4 percent from a year earlier.",
        ],
    ),
    "OPENING_CONNECTIVE": at_start(
        [
            "However, the talks failed.",
            "But the talks failed",
            "“Meanwhile, we wait",
            "In contrast, the port stayed shut.",
            "First comes the itching.",
            "Finally, the port reopened.",
        ],
        [
            "The talks failed, however.",
            "Butter prices rose.",
            "First Lady Ann Roe said",
            "Next week the port opens.",
        ],
    ),
    "DROPPABLE_CONNECTIVE": at_start(
        ["But the talks failed.", "However, the talks failed.", "In fact, the talks failed."],
        [
            "However many talks there were",
            "Still photographs show the damage.",
            "Yet another round failed.",
            "But for the rain, it would have held.",
            "Instead, the talks failed.",
            "As a result, the talks failed.",
        ],
    ),
    "OPENING_RELATIVE": at_start(
        ["Which could mean a delay.", "“Whereas the others left"],
        ["Whichever side wins", "The plan, which failed"],
    ),
    "EXAMPLE_CONNECTIVE": anywhere(
        ["Aleppo, for instance, was shelled.", "Some towns, e.g., Homs, fell"],
        ["For instance, Aleppo was shelled."],
    ),
    "INNER_CONNECTIVE": anywhere(
        ["The talks, however, failed.", "Homs fell, too."],
        ["However, the talks failed.", "The talks failed."],
    ),
    "FIRST_SECOND_PERSON": anywhere(
        ["We will rebuild.", "You can see the damage.", "with us"],
        ["The US embassy closed.", "Olsen left."],
    ),
    "THIRD_PERSON": anywhere(
        ["It fell on Monday.", "their homes"], ["The town fell.", "Then Olsen left."]
    ),
    "INNER_NAME": anywhere(
        ["Talks with Olsen failed.", "They met (Olsen"], ["Talks failed.", "Olsen left."]
    ),
    "OPENING_DEFINITE": at_start(
        ["The study found", "This decision", "The plane's computers"],
        ["The United Nations said", "Olsen's study found"],
    ),
    "DEFINITE_EXPLAINED": at_start(
        ["The man who fled returned.", "The mayor of Aleppo said"],
        ["The study found nothing.", "The mayor of the town said", "The man told Reuters"],
    ),
    "NAMED_KIND": at_start(
        ["The radical Islamic group Hamas said", "The Dutch airline KLM said"],
        ["The man told Reuters he fled.", "The decision angered Washington.", "The group Monday"],
    ),
    "SAID_DEFINITE": anywhere(
        ["Olsen said the decision was final.", "They said that these new rules apply"],
        ["Olsen said the talks.", "Olsen said Aleppo fell."],
    ),
    "OPENING_QUANTIFIER": at_start(
        ["One version suggests", "Many sites are closed.", "Another round failed."],
        [
            "One day earlier this month, the talks failed.",
            "One of the United Nations' agencies",
            "Oneida",
        ],
    ),
    "SUCH": anywhere(["such weak passwords", "Such talks"], ["such as passwords", "suchlike"]),
    "TRUNCATED": anywhere(["The talks ...", "The talks…"], ["The talks failed."]),
    "SENTENCE_CLOSE": anywhere(["It fell.", '"It fell!"', "It fell”"], ["It fell?", "It fell and"]),
    "QUOTE_OPENING_PERSON": at_start(
        ["“He takes action,” Olsen said."],
        ["“It takes time,” Olsen said.", "“This is it,” Olsen said."],
    ),
    "OPENING_PRONOUN": at_start(
        ["He left.", "These talks failed."], ["That week the talks failed.", "Hezbollah said"]
    ),
    "BARE_DEFINITE": anywhere(
        ["the victims were", "the report,", "this morass with"],
        ["the report of the commission", "the talks in Geneva"],
    ),
    "SENTENCE_OPENING": at_start(
        ["[Olsen] said", "2014 was a year", "“Éclair"],
        [
            wrong("and then", "the comment says a capital letter, but [^\\W\\d_] is any letter"),
            "— said",
        ],
    ),
    "SENTENCE_CLOSING": anywhere(['It fell."', "Why?", "Well…"], ["It fell and", "It fell,"]),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
