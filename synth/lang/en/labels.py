"""Citation labels: wire datelines and the place, agency and date lines that open an article
(synth.read.label, synth.write.headline).
"""

from __future__ import annotations

import re

from synth.lang.en.dates import MONTH_PATTERN

# A wire dateline opening an article: "MOSCOW // ", "SEOUL (Reuters) - ", "MURPHY, N.C. — ",
# "QUEBEC CITY/TORONTO (Reuters) - ".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}))?\s*"
    r"(?:\((?P<agency>[A-Z][A-Za-z0-9.&' -]{1,24})\)\s*)?(?://|—|–|--|-|:)\s+"
)

# A wire dateline with a date or agency before a dash ("LAS VEGAS, June 10 (UPI) -- ",
# "Madrid (CNN) -- ", "BOSTON—"): where the story's own words start.
DATELINE_LEAD = re.compile(
    r"^(?:[A-Z][A-Z.'’ ]{2,40}(?:,\s*[\w.'’ ]{1,30}?)?"
    rf"|[A-Z][\w.'’ ]{{1,40}}?(?:,\s*[A-Z][\w.'’ ]{{0,30}}?)?"
    rf"(?=,?\s*(?:{MONTH_PATTERN}\s+\d{{1,2}}|\([A-Za-z. ]{{2,20}}\))))"
    rf"(?:,?\s*{MONTH_PATTERN}\s+\d{{1,2}})?\s*(?:\([A-Za-z. ]{{2,20}}\))?\s*(?:--|—|–)\s*"
)  # a place in capitals, or any place with a date or an agency: "Olsen — who ..." is none

# A place and a news agency's name before the story, with no dash: "Seoul (CNN) North ...".
AGENCY_LEAD = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+\((?P<agency>[A-Z]{2,5})\)\s+(?=[A-Z])"
)

# A month with its year ("Oct 19, 2015", "May 2015"): a dateline or issue line, not a headline.
MONTH_YEAR = re.compile(rf"\b{MONTH_PATTERN}\s+(?:\d{{1,2}},?\s+)?\d{{4}}\b")

# Capitalized words that open a line like a dateline without naming a place.
NOT_DATELINES = frozenset(
    ["BREAKING", "EXCLUSIVE", "FILE", "NOTE", "PHOTOS", "UPDATE", "UPDATED", "VIDEO", "WATCH"]
)
