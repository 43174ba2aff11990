"""Figures, places and scope: what a number counts, how sure it is, where it applies, and
when two figures differ (synth.compare.figures, synth.compare.differences).
"""

from __future__ import annotations

import re

from synth.lang.en.dates import MONTH_PATTERN, MONTHS, WEEKDAYS

PERCENT_WORDS = re.compile(r"\d\s*(?:%|percent\b|per\s+cent\b)")

QUALIFIER = (
    r"(?:at least|up to|almost|nearly|about|around|some|more than|over|as many as|an estimated"
    r"|roughly|just|approximately|fewer than|less than)"
)

FIGURE = re.compile(
    rf"(?:(?P<qualifier>(?i:{QUALIFIER}))\s+)?(?<![\w”\"’.,$£€-])"
    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d.,]*\d)"
    r"(?:\s+(?P<multiplier>million|billion|trillion|thousand))?"
    r"(?P<percent>\s*(?:%|percent\b|per\s+cent\b))?"
    r"(?P<after>(?:[\s-]+[A-Za-z][\w'-]*){0,3})"
)

PLACE = re.compile(
    r"\b(?:city|town|capital|village|port)\s+of\s+(?P<a>[A-Z][\w-]+)"
    r"|\b(?:in|at)\s+(?P<b>[A-Z][a-z]+)(?=,\s+[A-Z][a-z]+\b|\s+(?:on|last|this|late|early)\b|[.,;])"
)

# Capitalized words that follow "in" or "at" without naming a place.
NOT_PLACES = (
    WEEKDAYS | MONTHS | frozenset(["A", "An", "Her", "His", "That", "The", "Their", "This"])
)

MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

# fmt: off
MEASURES = frozenset("""
cent day degre dollar feet foot hour inch kg kilogram kilomet kilometr km lb meter metr mile
minut month point pound second time ton tonn week year year-old years-old
""".split())
# fmt: on

# Counted nouns that say nothing of what is counted until a verb does ("60 people" killed,
# hurt or evacuated).
UNSPECIFIC_COUNTS = frozenset(
    ["people", "persons", "others", "ones", "members", "individuals", "residents", "times"]
)

APPROXIMATE = {
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "some",
    "approximately",
    "an estimated",
}

UPPER_BOUND = {"up to", "less than", "fewer than", "as many as", "just"}

LOWER_BOUND = {"at least", "more than", "over"}

INCREMENT_BEFORE = re.compile(r"\b(?:an? )?(?:additional|another|extra|further)\s+$", re.I)

SCOPE = re.compile(r"\bin (?:the )?(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)*)")

INCREMENT = re.compile(r"[\s-]+(?:other|more|additional|further|new|extra)\b", re.I)

CONFIDENCE = re.compile(r"\s*(?:CI\b|confidence)", re.I)

PRONOUN_START = re.compile(r"^(?:It|They|He|She|This|These|Its|Their)\b")


# ==== Differences: counts that grow, ranges, days

# Counts that only grow as a story goes on (a toll): given on different days, two values are
# a change over time, not a disagreement. Snowball stems.
# fmt: off
CUMULATIVE = frozenset("""
arrest case casualti dead death displac evacu fatal hospit infect injur kill miss toll victim
wound
""".split())
# fmt: on

# "between 100 and 500", "100 to 500", "100-500": a range, which a value inside it agrees with.
RANGE = re.compile(
    r"\b(?:between\s+)?(?P<low>\d[\d,]*(?:\.\d+)?)\s*(?:and|to|-|–)\s*(?P<high>\d[\d,]*(?:\.\d+)?)\b"
)

# A day a sentence dates its figure to ("on Monday", "on December 8", "yesterday").
DAY_MENTION = re.compile(
    rf"\b(?:{'|'.join(sorted(WEEKDAYS))}|yesterday|today|tonight|{MONTH_PATTERN}\s+\d{{1,2}}"
    rf"|\d{{1,2}}\s+{MONTH_PATTERN})\b"
)
