"""English: every word list and pattern the stages use, in one place (as spaCy keeps
language data in `lang/<code>/`).

Stages import from here instead of keeping words of their own, so supporting another language
means writing another module like this one. Everything is data: compiled patterns and frozen
sets, plus two lazy helpers (stop words, stemming) whose data ships inside installed packages.
"""

from __future__ import annotations

import re
from functools import lru_cache

WEEKDAYS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

DATE_PATTERN = (
    rf"(?:(?:\d{{1,2}}\s+{MONTH_PATTERN}|{MONTH_PATTERN}\s+\d{{1,2}}),?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)

MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$"
)


# ==== Tokens

# Words of letters only (apostrophes inside): counting article words, notice detection.
LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Words of letters or digits: word counts of lines and sentences.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# ASCII words of two letters or more: what a figure counts, difference labels.
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")

# Runs of letters or digits: words of a quote, compared across outlets.
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# Words of two letters or more, inner apostrophes and hyphens kept: section label terms.
TERM = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")

# A token that starts with a letter or holds a digit: words for the sumy baselines.
TOKEN_START = re.compile(r"^[^\W\d_]|\d")

# Words (letters, inner apostrophes, hyphens, abbreviation dots) and single punctuation marks:
# a capitalized word counts as part of a name only while no mark interrupts the run.
NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W_]|['’-](?=[^\W_])|\.(?=[^\W\d_]))*|\d[\d,.]*|[^\w\s]")

# Figures as written: digits with thousands commas or a decimal part, a percent sign kept.
NUMBER_TOKEN = re.compile(r"(?<![\w.])\$?\d[\d,]*(?:\.\d+)?%?")


# ==== Speech and attribution

# Verbs of saying, in the forms news uses; the base of the speaker patterns below.
SPEECH_VERBS = (
    r"(?:said|says|told|tells|added|adds|warned|warns|announced|announces|stated|noted"
    r"|explained|insisted|argued|claimed|wrote|urged|asked|replied|continued|stressed)"
)

# Words that mark where a statement was made ("said in Hamburg"): the place differences look near.
SPEECH_CUE = re.compile(r"\b(?:said|says|spoke|speaking|told reporters|announced|added)\b")

# A sentence that gives its content as someone's claim, or is a quote outright.
ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|added|announced|claimed|stated|according to|reported|quoted)\b"
    r"|^[\"“]|[\"”]$"
)

# "he said" / "she added": the speaker is in an earlier sentence.
PRONOUN_SPEECH = re.compile(r"\b(?:he|she)\s+(?:also\s+)?(?:said|says|added|told)\b", re.I)


# ==== Speakers and sentences that cannot stand alone

OPENING_CONNECTIVE = re.compile(
    r"^(?:however|but|and|or|also|still|yet|so|instead|moreover|furthermore|nevertheless"
    r"|nonetheless|thus|therefore|besides|meanwhile|otherwise|then|in addition|in turn"
    r"|as a result|by contrast|even so|at the same time)\b",
    re.I,
)

TIME_WORDS = r"(?:week|month|year|morning|afternoon|evening|weekend|time|summer|winter|spring|fall)"

OPENING_PRONOUN = re.compile(
    rf"^(?:he|she|they|it|its|his|her|their|them|this|that|these|those|such)\b(?!\s+{TIME_WORDS}\b)",
    re.I,
)

SPEAKER_PRONOUN = re.compile(rf"^(?P<pronoun>He|She)(?P<rest>\s+(?:also\s+)?{SPEECH_VERBS}\b)")

NAME = r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+"

NAME_BEFORE_VERB = re.compile(
    rf"(?P<name>{NAME}),?\s+(?:[a-z]\w*\s+|[A-Z][a-z]+day\s+){{0,3}}?{SPEECH_VERBS}\b"
)

NAME_APPOSITIVE = re.compile(
    rf"(?P<name>{NAME}),\s+[^,;.“”\"]{{1,80}},\s+(?:[a-z]\w*\s+){{0,2}}?{SPEECH_VERBS}\b"
)

NAME_AFTER_VERB = re.compile(rf"(?:^|[,”\"]\s*){SPEECH_VERBS},?\s+(?P<name>{NAME})")

# Capitalized words that stand where a speaker's name would, yet name no person: titles,
# institutions, pronouns and days ("Ministry said", "Thursday said"). Compared casefolded.
NOT_A_NAME = frozenset(w.casefold() for w in WEEKDAYS) | frozenset(
    [
        "a",
        "agencies",
        "agency",
        "an",
        "and",
        "army",
        "as",
        "at",
        "but",
        "committee",
        "council",
        "court",
        "department",
        "dr",
        "forces",
        "government",
        "group",
        "he",
        "house",
        "i",
        "in",
        "it",
        "media",
        "minister",
        "ministry",
        "mr",
        "mrs",
        "ms",
        "nations",
        "news",
        "observatory",
        "official",
        "officials",
        "on",
        "organisation",
        "organization",
        "police",
        "president",
        "reports",
        "secretary",
        "she",
        "sir",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "state",
        "that",
        "the",
        "they",
        "this",
        "union",
        "we",
    ]
)


# ==== Quotes

DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that"}

PERCENT_WORDS = re.compile(r"\d\s*(?:%|percent\b|per\s+cent\b)")


# ==== Figures, places and scope

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

MEASURES = frozenset(
    [
        "cent",
        "day",
        "degre",
        "dollar",
        "feet",
        "foot",
        "hour",
        "inch",
        "kg",
        "kilogram",
        "kilomet",
        "kilometr",
        "km",
        "lb",
        "meter",
        "metr",
        "mile",
        "minut",
        "month",
        "point",
        "pound",
        "second",
        "time",
        "ton",
        "tonn",
        "week",
        "year",
        "year-old",
        "years-old",
    ]
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


# ==== Page furniture

DATE_LINE = re.compile(
    rf"^(?:\w+day,?\s+)?{DATE_PATTERN}(?:\s*[,|-]?\s*\d{{1,2}}:\d{{2}}.*)?$", re.I
)

GLUED_DATE = re.compile(rf"^{DATE_PATTERN}(?=[A-Z])")

READING_TIME = re.compile(r"^\d+\s*(?:min|mins|minutes?)\.?\s+read$", re.I)

IMAGE_MARKER = re.compile(r"^\W*\d+\s*x\s*\d+\s+(?:image|photo|video)\W*$", re.I)

CREDIT_LINE = re.compile(
    r"^\W*(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b", re.I
)

BYLINE = re.compile(r"^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and)\s*.*)?$")

CALL_TO_ACTION = re.compile(
    r"\b(?:click here|sign up|subscribe|newsletter|cookies?|all rights reserved|follow us"
    r"|share this|advertisement|read more|related stories|terms of (?:use|service)"
    r"|privacy policy)\b|©",
    re.I,
)

READER_ADDRESS = re.compile(r"\b(?:we|our|us|you|your)\b", re.I)

RELATED_LABEL = re.compile(
    r"^\W*(?:related|read more|see also|more on this|watch|listen|recommended|trending|"
    r"sponsored|advertisement|story highlights|highlights|editor'?s note)\b\s*[:|-]?",
    re.I,
)

IMAGE_CREDIT = re.compile(
    r"^(?:photo|photograph|picture|video|image|caption)\s*:|^image (?:copyright|caption)\b"
    r"|\bimage caption\b|(?:^|\s)\|\s*[\w./ -]{0,30}\bphoto\b|^\W*\|"
    r"|\b(?:Getty Images|AP Photo|AFP Photo|Reuters Photo)\b",
    re.I,
)

PHOTO_SENTENCE = re.compile(
    r"^(?:in )?this (?:[\w.,'’ -]{0,60} )?(?:photo|image|picture|file photo|handout)\b", re.I
)

CREDIT_PREFIX = re.compile(
    r"^(?:Getty Images|AP Photo|AFP Photo|Reuters Photo|EPA Photo)\s+(?=[A-Z“\"])|"
    r"^(?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+/(?:Getty Images|AP|AFP|Reuters|EPA|Bloomberg"
    r"|Shutterstock|iStock|Corbis)\b[\w ]{0,20}?\s+(?=[A-Z“\"])"
)


# ==== Documents that are not articles, and whether a text is English

PAGE_WORDS = frozenset(
    [
        "account",
        "app",
        "archive",
        "archived",
        "browser",
        "click",
        "cookie",
        "cookies",
        "crawl",
        "crawled",
        "crawls",
        "data",
        "domain",
        "domains",
        "download",
        "embeds",
        "feature",
        "host",
        "internet",
        "javascript",
        "link",
        "links",
        "log",
        "login",
        "page",
        "pages",
        "sign",
        "subscribe",
        "subscriber",
        "subscription",
        "tweet",
        "tweets",
        "url",
        "urls",
        "video",
        "warc",
        "web",
        "website",
    ]
)

READER_WORDS = {"you", "your", "yours"}

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "not",
        "of",
        "on",
        "or",
        "said",
        "she",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "would",
    ]
)


# ==== Section labels

NOUN_MARKERS = frozenset(
    [
        "a",
        "about",
        "after",
        "against",
        "an",
        "by",
        "for",
        "from",
        "her",
        "his",
        "in",
        "into",
        "its",
        "of",
        "on",
        "our",
        "over",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
        "with",
    ]
)


# ==== Stop words and stemming (data shipped inside installed packages, loaded lazily)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop words, read from its data file (importing sumy.utils is slow)."""
    from importlib.resources import files

    listed = (files("sumy") / "data" / "stopwords" / "english.txt").read_text(encoding="utf-8")
    extra = {
        "said",
        "says",
        "told",
        "added",
        "also",
        "would",
        "could",
        "according",
        "week",
        "weeks",
    }
    extra |= {day.casefold() for day in WEEKDAYS}
    return frozenset(w.strip() for w in listed.splitlines() if w.strip()) | extra


@lru_cache(maxsize=1)
def stemmer():  # type: ignore[no-untyped-def]
    """Snowball English (Porter2)."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a word, lower-cased; cached, since news repeats its words."""
    return str(stemmer().stemWord(word.lower()))


# Marks after which a capitalized word opens a sentence or a quote rather than naming anything.
OPENING_MARKS = frozenset(".!?:;“\"‘'(")


def not_a_name(word: str) -> bool:
    """Capitalized words that name nothing: function words, months, weekdays, one letter."""
    return len(word) < 2 or word.casefold() in FUNCTION_WORDS or word in MONTHS or word in WEEKDAYS
