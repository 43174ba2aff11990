"""Citation labels: wire datelines and the place, agency and date lines that open an article,
and the lines that name who published it: bylines, sign-offs, credits, copyright lines
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
    r"(?:\((?P<agency>[A-Z][A-Za-z0-9.&' -]{1,24})\)\s*)?(?://|—|–|--|-|_|:)\s+"
)  # newswire archives write the dash as "_": "SEOUL, South Korea (AP) _ "

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


# ==== Who published an article, where its own text says so

# News agencies by the names articles credit them with, and the name a reader knows them by.
NEWS_AGENCIES = {
    "Associated Press": "AP",
    "The Associated Press": "AP",
    "AP": "AP",
    "Reuters": "Reuters",
    "Thomson Reuters": "Reuters",
    "Agence France-Presse": "AFP",
    "Agence France Presse": "AFP",
    "AFP": "AFP",
    "United Press International": "UPI",
    "UPI": "UPI",
    "Bloomberg": "Bloomberg",
    "Bloomberg News": "Bloomberg",
    "Deutsche Presse-Agentur": "dpa",
    "dpa": "dpa",
    "DPA": "dpa",
    "Xinhua": "Xinhua",
    "Kyodo": "Kyodo",
    "Kyodo News": "Kyodo",
    "Yonhap": "Yonhap",
    "ANSA": "ANSA",
    "EFE": "EFE",
    "Press Association": "PA",
    "The Canadian Press": "The Canadian Press",
    "Canadian Press": "The Canadian Press",
    "TASS": "TASS",
    "Interfax": "Interfax",
    "Anadolu Agency": "Anadolu",
    "New York Times News Service": "The New York Times",
}
_AGENCY = "|".join(re.escape(n) for n in sorted(NEWS_AGENCIES, key=len, reverse=True))
AGENCY_NAME = rf"(?:{_AGENCY})(?![\w-])"
# An agency's name anywhere in a line of credits.
AGENCY_MENTION = re.compile(AGENCY_NAME)
# An agency in brackets, as a dateline gives it: "(AP)", "(Reuters)", "(CNN)".
AGENCY_BRACKETED = re.compile(rf"\((?P<agency>{AGENCY_NAME}|[A-Z]{{2,6}})\)")

# A byline that names the agency: "By JANE DOE, Associated Press", "By Jane Doe | Reuters",
# "By Jane Doe Associated Press Writer".
AGENCY_BYLINE = re.compile(
    rf"^By\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*(?:\s*[,|—–-]\s*|\s+)"
    rf"(?P<agency>{AGENCY_NAME})(?:\s+[A-Z][a-z]+){{0,2}}\.?$"
)  # the name, the agency, perhaps a role ("Writer"): "By Tuesday, Reuters said" is none

# A sign-off line: "— Reuters", "-- AP".
SIGN_OFF = re.compile(rf"^(?:—|–|--|-)\s*(?P<agency>{AGENCY_NAME})\.?$")

# Reuters' credit line: "Reporting by Jane Doe; Editing by John Roe".
REUTERS_CREDIT = re.compile(
    r"^\(?(?:Additional )?[Rr]eporting by [^;()]+(?:;|\band\b)[^()]*?\b(?:Writing|Editing) by\b",
    re.I,
)

# A line that credits only agencies, the way a story compiled from them ends: "(AP, AFP,
# dpa, Reuters)", "ab/cd (AP, Reuters)", "* Agence France-Presse, Bloomberg and Reuters".
AGENCY_CREDIT = re.compile(
    rf"^(?:[a-z]{{1,4}}/[a-z]{{1,4}}\s*)?[*(—–-]?\s*\(?(?P<names>{AGENCY_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{AGENCY_NAME})*)\)?\.?$"
)

# A contributor line that names its outlet: "Acme News' Jane Doe contributed to this report",
# "Associated Press writer Jane Doe contributed".
CONTRIBUTOR_OUTLET = re.compile(
    r"^(?P<outlet>(?:The\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?:'s?|’s?)\s+"
    r"(?:[a-z]+\s+){0,3}[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+contributed\b"
)
AGENCY_CONTRIBUTOR = re.compile(
    rf"^(?P<agency>{AGENCY_NAME})(?:'s?|’s?)?\s+(?:[a-z]+\s+){{0,3}}[A-Z].*\bcontributed\b"
)

# A copyright line: "© 2018 Acme-TV", "Copyright 2016 The Associated Press. All rights
# reserved." (the holder is the outlet).
COPYRIGHT = re.compile(
    r"^(?:©|\([cC]\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<holder>[A-Z][\w&.'’ -]{1,50}?)[.,]?(?:\s*All [Rr]ights [Rr]eserved\.?)?$"
)

# The writer's e-mail on a line of its own at the end ("Email: jdoe@example-news.com").
AUTHOR_EMAIL = re.compile(
    r"^(?:E-?mail|Contact)(?:\s+\w+){0,3}\s*:?\s*[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)\b",
    re.I,
)
# Free mail services: an address there names a person, not an outlet.
FREE_MAIL = frozenset(
    ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "msn.com"]
)
