"""Weekdays, months and how dates are written."""

from __future__ import annotations

import re

WEEKDAYS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
# fmt: off
MONTHS = frozenset("""
January February March April May June July August September October November December
""".split())
# fmt: on
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

DATE_PATTERN = (
    rf"(?:(?:\d{{1,2}}\s+{MONTH_PATTERN}|{MONTH_PATTERN}\s+\d{{1,2}}),?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)

# A month name just before a number ("on Sept. 5"): the number is a day, not a figure.
MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$"
)

# A day told from the day of writing ("on Tuesday", "yesterday", "last week"): news says when it
# happened that way; a calendar date ("March 26, 1830") may be history.
NEWS_DAY = re.compile(
    rf"\b(?:{'|'.join(sorted(WEEKDAYS))}|yesterday|today|tonight|(?:this|last) week)\b"
)
# A sentence that opens on a year, set off by a comma ("In 1991, ...", "On Sept. 23, 1896, ..."):
# history or background, not the news of the day.
YEAR_OPENING = re.compile(
    r"^(?:on|in|back in|by|since)\s+(?:[^,]{0,20},\s*)?[^,]{0,20}?\b(?:1[5-9]\d\d|20\d\d)\b\s*,",
    re.I,
)
