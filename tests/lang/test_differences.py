"""Patterns of the difference finder (synth.lang.en.differences) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import differences as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "NUMBER_WORD": anywhere(
        ["jailed three farmers", "Twelve boats sank", "some forty pupils left", "twenty-one men"],
        ["one man left", "a well-known sixteen", "threefold rise"],
    ),
    "CURRENCY_BEFORE": anywhere(
        ["a grant of $", "paid US$ ", "dlrs ", "worth 40 euros "],
        ["cost 5 dollars", "$5 more than "],
    ),
    "CHANGE_BEFORE": anywhere(
        [
            "the toll rose to ",
            "prices have climbed sharply to about ",
            "revised the forecast at ",
            "the count climbed past ",
            "the toll now stands at ",
        ],
        ["the toll was ", "rose and then fell ", "the crowd grew to 300 by noon and ", "now "],
    ),
    "EARLIER_BEFORE": anywhere(
        [
            "officials had earlier put the toll at ",
            "initially reported ",
            "up from about ",
            "the toll rose to 60 from ",
        ],
        ["officials later put the toll at ", "fell sharply. Then it was ", "up to "],
    ),
    "COUNTED_BEFORE": anywhere(
        ["the death toll rose to ", "the number of people evacuated climbed past ", "toll at "],
        ["the toll road ", "a number of ", "the number of people in the town "],
    ),
    "CREDITED_NAME": anywhere(
        ["she told KXYZ Harbourton", "according to the Valley Herald", "told Reuters"],
        ["she told reporters", "according to police", "told the court"],
    ),
    "THE_AGED": anywhere(
        ["the 22-year-old gunman", "The 19-year-old suspect fled"],
        ["a 22-year-old gunman", "the 22-year-old's car", "the 22-year-old-man"],
    ),
    "EVENT_YEAR": anywhere(
        ["was founded in 1990", "she was born in 1961 in", "the group, set up in 1993,"],
        ["founded in 1990-91", "in 1990 it was founded", "born in 12"],
    ),
    "COORDINATED": at_start(
        [" women and men", " soldiers or police"],
        [" women who worked", " people, and"],
    ),
    "BY_TIME": anywhere(
        ["By late afternoon, more than", "by nightfall", "by Wednesday the count"],
        ["by the river", "nearby afternoon markets", "on Wednesday"],
    ),
    "LEAD_DAY": anywhere(
        ["police said on Friday", "announced Sept. 14, 2003", "on March 3"],
        ["on fridays", "in March", "sunday school"],
    ),
    "ATTRIBUTION_AFTER": at_start(
        [" said four boats", " radio reported", " police told"],
        [", who said", " and then the police said", " saying"],
    ),
    "PERSON_NAME": anywhere(
        ["Teresa Vogel arrived", "a talk by Ivan K. Petrov", "Governor Lena O'Hara"],
        ["teresa vogel arrived", "Vogel arrived", "A.Vogel"],
    ),
    "AGE_AFTER": anywhere(
        [
            "Teresa Vogel, 41, was",
            "charged Ivan Petrov, 19.",
            "Teresa Vogel, aged 41,",
            "Ivan Petrov, a 19-year-old student",
        ],
        ["Teresa Vogel, 41 years", "Vogel, 41, was", "Teresa Vogel, a 41 percent"],
    ),
    "AGE_BEFORE": anywhere(
        ["the 41-year-old Teresa Vogel", "a 19-year-old student Ivan Petrov"],
        ["the 41-year-old teacher", "Teresa Vogel, 41-year veteran"],
    ),
    "OFFICE_ENDS": anywhere(
        ["the minister resigned on Monday", "the coalition collapsed", "she stepped down"],
        ["the minister signed the bill", "resignation letters", "a refill"],
    ),
    "OFFICE_STARTS": anywhere(
        [
            "was elected on Sunday as mayor",
            "appointed her to be chief of staff",
            "became the new coach",
        ],
        ["was elected in 2019.", "named a street; as well", "the new coach arrived"],
    ),
    "RELAYED": anywhere(
        ["he told the Valley Herald", "according to Reuters", "the Morning Post reported"],
        ["he told his family", "according to the police", "the post reported"],
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected


def romanized(name: str) -> str:
    """A name's letters through the TRANSLITERATION table, as synth.compare.people reads them."""
    for pattern, replacement in module.TRANSLITERATION:
        name = pattern.sub(replacement, name)
    return name


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("khorasani", "korasani", True),
        ("qasimov", "kasimov", True),
        ("yusupov", "jusupov", True),
        ("mallik", "malik", True),
        ("petrov", "pavlov", False),
        ("sharif", "sherif", True),
        ("novak", "nowak", False),
    ],
)
def test_transliteration_table(one: str, other: str, same: bool) -> None:
    assert (romanized(one) == romanized(other)) is same
