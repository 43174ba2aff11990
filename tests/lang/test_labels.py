"""Dateline and outlet-credit patterns (synth.lang.en.labels) over examples."""

from __future__ import annotations

import pytest

from synth.lang.en import labels as module
from tests.lang.examples import anywhere, at_start, cases, finds

EXAMPLES = {
    "DATELINE": at_start(
        [
            "MOSCOW // ",
            "SEOUL (Reuters) - ",
            "MURPHY, N.C. — ",
            "QUEBEC CITY/TORONTO (Reuters) - ",
            "OSLO, Norway (AP) _ ",
            "BERGEN _ ",
        ],
        ["Moscow said", "Olsen — who left", "NATO_said"],
    ),
    "DATELINE_LEAD": at_start(
        ["LAS VEGAS, June 10 (UPI) -- ", "Madrid (CNN) -- ", "BOSTON—The"], ["Olsen — who left"]
    ),
    "AGENCY_LEAD": at_start(
        ["Seoul (CNN) North Korea"], ["Seoul (CNN) -- North Korea", "Seoul said"]
    ),
    "MONTH_YEAR": anywhere(["Oct 19, 2015", "May 2015"], ["May 19 rally", "in 2015"]),
    "AGENCY_MENTION": anywhere(
        ["(AP, AFP, dpa)", "Agence France-Presse and Reuters"], ["APEC leaders", "AFP-style", "ap"]
    ),
    "AGENCY_BRACKETED": anywhere(
        ["OSLO (AP) _", "Bergen (Reuters) -", "Oslo (NRK) --"], ["(pronounced)", "(Oslo)"]
    ),
    "AGENCY_BYLINE": at_start(
        [
            "By MARA QUILL, Associated Press",
            "By Mara Quill | Reuters",
            "By Mara Quill Associated Press Writer",
        ],
        ["By Mara Quill, Staff Writer", "By Tuesday, Reuters said"],
    ),
    "SIGN_OFF": at_start(["— Reuters", "-- AP", "- AFP."], ["— Reuters said", "Reuters"]),
    "REUTERS_CREDIT": at_start(
        [
            "Reporting by Mara Quill; Editing by Ian Roe",
            "(Reporting by A. B in Oslo; Writing by C. D)",
        ],
        ["Reporting by Mara Quill", "Editing by Ian Roe"],
    ),
    "AGENCY_CREDIT": at_start(
        [
            "(AP, AFP, dpa, Reuters)",
            "ab/cd (AP, Reuters)",
            "* Agence France-Presse, Bloomberg and Reuters",
            "— AFP",
        ],
        ["AP said the ferry ran.", "(Harbour Radio, AP)"],
    ),
    "CONTRIBUTOR_OUTLET": at_start(
        [
            "Valley Courier's Ian Roe contributed to this report.",
            "Harbour News’ Mara Quill contributed.",
        ],
        ["Ian Roe contributed to this report.", "The mayor's office contributed funds."],
    ),
    "AGENCY_CONTRIBUTOR": at_start(
        [
            "Associated Press writer Ian Roe contributed to this report.",
            "Reuters' Mara Quill contributed",
        ],
        ["Reuters contributed to this report.", "AP photos were contributed."],
    ),
    "COPYRIGHT": at_start(
        [
            "© 2019 Harbour Radio",
            "Copyright 2020 The Associated Press. All rights reserved.",
            "(c) Valley Courier",
        ],
        ["Copyright law was changed in 2019 after a long debate in parliament.", "© 2019"],
    ),
    "AUTHOR_EMAIL": at_start(
        ["Email: iroe@valley-courier.example", "Contact Mara Quill at: mq@harbour.example"],
        ["Anyone who saw the ferry is asked to email tips@police.example", "Email us"],
    ),
}


@pytest.mark.parametrize(("name", "text", "expected"), cases(EXAMPLES))
def test_pattern(name: str, text: str, expected: bool) -> None:
    assert finds(module, name, text, EXAMPLES) is expected
