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

# Words of two letters or more, inner apostrophes and hyphens kept: story terms.
TERM = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")

# Runs of letters or digits: words of a quote, compared across outlets.
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

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


# ==== Citation labels

# A wire dateline opening an article: "MOSCOW // ", "SEOUL (Reuters) - ", "MURPHY, N.C. — ",
# "QUEBEC CITY/TORONTO (Reuters) - ".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}))?\s*"
    r"(?:\((?P<agency>[A-Z][A-Za-z.&' -]{1,24})\)\s*)?(?://|—|–|--|-|:)\s+"
)

# A month with its year ("Oct 19, 2015", "May 2015"): a dateline or issue line, not a headline.
MONTH_YEAR = re.compile(rf"\b{MONTH_PATTERN}\s+(?:\d{{1,2}},?\s+)?\d{{4}}\b")

# Capitalized words that open a line like a dateline without naming a place.
NOT_DATELINES = frozenset(
    ["BREAKING", "EXCLUSIVE", "FILE", "NOTE", "PHOTOS", "UPDATE", "UPDATED", "VIDEO", "WATCH"]
)

# ==== Headlines built from a sentence

# Words that open a dependent clause or a second one: a headline stops before them.
CLAUSE_BREAKS = frozenset(
    [
        "after",
        "although",
        "amid",
        "as",
        "because",
        "before",
        "but",
        "despite",
        "following",
        "since",
        "though",
        "until",
        "when",
        "where",
        "whereas",
        "which",
        "while",
        "who",
        "whom",
        "whose",
    ]
)

# Verbs that attribute what follows or precedes to someone, for a headline's "Speaker:".
REPORTING_VERBS = rf"(?:{SPEECH_VERBS}|reported|reports|quoted)"

# "..., Russia's foreign minister said on Thursday." / "..., according to the ministry."
TRAILING_ATTRIBUTION = re.compile(
    rf",[\"”’]?\s*(?P<who>[^,;]{{0,90}}?\b{REPORTING_VERBS}\b[^,;]{{0,50}}"
    r"|according to [^,;]{1,80})[.!?]?[\"”’]?$"
)

# "Lavrov said (on Thursday) (that) ...": who spoke, then what was said.
LEADING_ATTRIBUTION = re.compile(
    rf"^(?P<who>[^,;“\"]{{1,90}}?)\s+(?:has\s+|have\s+|had\s+)?{REPORTING_VERBS}"
    r"(?:\s+(?:on|late|early)\s+\w+)?(?:\s+that)?\s+(?P<rest>[a-zA-Z].*)$"
)

# A run of capitalized words (a name in an attribution), at the start or at the end of a text.
NAME_RUN = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
NAME_AT_END = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s*$")

# Verbs whose object is who heard, not who spoke ("told the Associated Press").
LISTENER_VERBS = frozenset(["told", "tells", "asked", "asks", "urged", "urges", "warned", "warns"])

# A determiner opening a text ("the Associated Press").
OPENING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)

# A verb of saying or reporting anywhere in a text.
SPEECH_VERB = re.compile(rf"\b{REPORTING_VERBS}\b")

# An opening adverbial before the subject: "In Washington, ", "On Thursday, ".
OPENING_ADVERBIAL = re.compile(
    r"^(?:in|on|at|from|after|before|during|earlier|later|meanwhile|separately|immediately"
    r"|overnight|last|this)\b[^,]{0,50},\s+",
    re.I,
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


# ==== Section headings: a noun-phrase chunker's word lists

# Prepositions: a noun phrase ends before one (and may start after one).
PREPOSITIONS = frozenset(
    [
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "amidst",
        "among",
        "around",
        "as",
        "at",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "by",
        "despite",
        "down",
        "during",
        "except",
        "for",
        "from",
        "in",
        "inside",
        "into",
        "like",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "out",
        "outside",
        "over",
        "past",
        "per",
        "since",
        "than",
        "through",
        "throughout",
        "to",
        "toward",
        "towards",
        "under",
        "underneath",
        "unlike",
        "until",
        "upon",
        "via",
        "with",
        "within",
        "without",
        "worth",
    ]
)

# Determiners and quantifiers: a noun phrase starts right after one.
PHRASE_OPENERS = frozenset(
    [
        "a",
        "all",
        "an",
        "another",
        "any",
        "both",
        "dr",
        "each",
        "every",
        "few",
        "her",
        "his",
        "its",
        "many",
        "more",
        "most",
        "mr",
        "mrs",
        "ms",
        "my",
        "no",
        "our",
        "several",
        "some",
        "such",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
        "what",
        "which",
        "whose",
        "your",
    ]
)

# Auxiliaries, modals and the adverbs that sit among them: the next word is a verb.
AUXILIARIES = frozenset(
    [
        "already",
        "also",
        "am",
        "are",
        "be",
        "been",
        "being",
        "can",
        "could",
        "did",
        "do",
        "does",
        "done",
        "even",
        "had",
        "has",
        "have",
        "having",
        "is",
        "just",
        "may",
        "might",
        "must",
        "never",
        "not",
        "only",
        "ought",
        "shall",
        "should",
        "still",
        "was",
        "were",
        "will",
        "would",
    ]
)

# Pronouns that are subjects: the next word is a verb.
SUBJECT_PRONOUNS = frozenset(
    [
        "he",
        "i",
        "it",
        "she",
        "they",
        "we",
        "which",
        "who",
        "you",
    ]
)

# Verbs that no suffix rule recognizes, in the forms news uses them.
IRREGULAR_VERBS = frozenset(
    [
        "agreed",
        "agrees",
        "appeared",
        "appears",
        "arisen",
        "beaten",
        "became",
        "becomes",
        "began",
        "begun",
        "bitten",
        "blown",
        "born",
        "bought",
        "brings",
        "broke",
        "broken",
        "brought",
        "built",
        "calls",
        "came",
        "caught",
        "chose",
        "chosen",
        "comes",
        "dealt",
        "done",
        "drawn",
        "drew",
        "driven",
        "drove",
        "fallen",
        "falls",
        "feels",
        "fell",
        "felt",
        "finds",
        "fled",
        "flown",
        "forgiven",
        "forgotten",
        "fought",
        "found",
        "frozen",
        "gave",
        "gets",
        "given",
        "gives",
        "goes",
        "gone",
        "got",
        "gotten",
        "grew",
        "grown",
        "heard",
        "hears",
        "held",
        "hidden",
        "hit",
        "holds",
        "hurt",
        "keeps",
        "kept",
        "knew",
        "known",
        "knows",
        "leads",
        "led",
        "left",
        "let",
        "lost",
        "made",
        "makes",
        "means",
        "meant",
        "meets",
        "met",
        "needs",
        "paid",
        "pays",
        "plans",
        "put",
        "quit",
        "ran",
        "remained",
        "remains",
        "risen",
        "rises",
        "rose",
        "runs",
        "said",
        "saw",
        "says",
        "seemed",
        "seems",
        "seen",
        "sees",
        "sells",
        "sends",
        "sent",
        "set",
        "shaken",
        "shown",
        "shows",
        "shut",
        "sold",
        "sought",
        "speaks",
        "spent",
        "spoke",
        "spoken",
        "stands",
        "stolen",
        "stood",
        "struck",
        "stuck",
        "sworn",
        "taken",
        "takes",
        "taught",
        "tells",
        "thinks",
        "thought",
        "thrown",
        "told",
        "took",
        "torn",
        "understood",
        "urged",
        "urges",
        "vowed",
        "vows",
        "wanted",
        "wants",
        "warned",
        "warns",
        "went",
        "wins",
        "won",
        "worn",
        "writes",
        "written",
        "wrote",
    ]
)

# Adverbs without the -ly ending ("fire late Thursday").
PLAIN_ADVERBS = frozenset(
    [
        "abroad",
        "again",
        "ago",
        "almost",
        "alone",
        "already",
        "away",
        "back",
        "downtown",
        "earlier",
        "early",
        "else",
        "ever",
        "far",
        "here",
        "instead",
        "late",
        "later",
        "meanwhile",
        "nearly",
        "now",
        "offline",
        "often",
        "once",
        "online",
        "overseas",
        "perhaps",
        "rather",
        "soon",
        "then",
        "there",
        "together",
        "too",
        "twice",
        "upstairs",
        "very",
        "well",
        "yet",
    ]
)

# A verb after its subject, and the noun that names the act ("The US responded" -> "US response").
NOMINALIZATIONS = {
    "acquired": "acquisition",
    "agreed": "agreement",
    "announced": "announcement",
    "apologised": "apology",
    "apologized": "apology",
    "appealed": "appeal",
    "approved": "approval",
    "arrested": "arrest",
    "attacked": "attack",
    "banned": "ban",
    "bombed": "bombing",
    "canceled": "cancellation",
    "cancelled": "cancellation",
    "closed": "closure",
    "collapsed": "collapse",
    "confirmed": "confirmation",
    "crashed": "crash",
    "criticised": "criticism",
    "criticized": "criticism",
    "decided": "decision",
    "delayed": "delay",
    "demanded": "demand",
    "denied": "denial",
    "discovered": "discovery",
    "escaped": "escape",
    "evacuated": "evacuation",
    "expanded": "expansion",
    "failed": "failure",
    "halted": "halt",
    "invaded": "invasion",
    "investigated": "investigation",
    "launched": "launch",
    "merged": "merger",
    "negotiated": "negotiations",
    "offered": "offer",
    "pledged": "pledge",
    "predicted": "prediction",
    "promised": "promise",
    "proposed": "proposal",
    "protested": "protest",
    "raided": "raid",
    "reacted": "reaction",
    "recalled": "recall",
    "recommended": "recommendation",
    "refused": "refusal",
    "released": "release",
    "requested": "request",
    "rescued": "rescue",
    "resigned": "resignation",
    "responded": "response",
    "retreated": "retreat",
    "ruled": "ruling",
    "settled": "settlement",
    "shelled": "shelling",
    "sued": "lawsuit",
    "surrendered": "surrender",
    "suspended": "suspension",
    "testified": "testimony",
    "voted": "vote",
    "warned": "warning",
    "withdrew": "withdrawal",
}

# A contraction ("who'd", "don't"): a pronoun or verb, never part of a noun phrase.
CONTRACTION = re.compile(r"['’](?:d|ll|re|ve|m)$|n['’]t$", re.I)

# Words that join coordinated words ("military and diplomatic talks").
COORDINATORS = frozenset(["and", "or", "nor", "&"])

# A lower-case plural noun ("talks", "voters"; not "press", "bus", "analysis").
PLURAL = re.compile(r"^[a-z][a-z'-]*[^su'’]s$")

# Nouns that end like adverbs in -ly.
NOUNS_IN_LY = frozenset(
    [
        "ally",
        "anomaly",
        "assembly",
        "belly",
        "bully",
        "butterfly",
        "family",
        "fly",
        "jelly",
        "monopoly",
        "rally",
        "reply",
        "supply",
    ]
)

# Head nouns too vague to name a subtopic on their own ("the statement", "people"), or that
# name a person's role rather than a subtopic ("spokesman", "minister").
VAGUE_HEADS = frozenset(
    [
        "adviser",
        "advisers",
        "aide",
        "aides",
        "anyone",
        "anything",
        "case",
        "cases",
        "cent",
        "chief",
        "comment",
        "comments",
        "correspondent",
        "correspondents",
        "counterpart",
        "day",
        "days",
        "director",
        "end",
        "envoy",
        "everyone",
        "everything",
        "fact",
        "head",
        "issue",
        "issues",
        "kind",
        "leader",
        "leaders",
        "lot",
        "lots",
        "matter",
        "member",
        "members",
        "minister",
        "ministers",
        "month",
        "months",
        "news",
        "nothing",
        "number",
        "numbers",
        "official",
        "officials",
        "one",
        "ones",
        "other",
        "others",
        "part",
        "parts",
        "people",
        "percent",
        "person",
        "point",
        "points",
        "president",
        "report",
        "reporter",
        "reporters",
        "reports",
        "secretary",
        "side",
        "sides",
        "someone",
        "something",
        "sort",
        "source",
        "sources",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "start",
        "statement",
        "statements",
        "thing",
        "things",
        "time",
        "times",
        "today",
        "tomorrow",
        "way",
        "ways",
        "week",
        "weeks",
        "year",
        "years",
        "yesterday",
    ]
)

# Prepositions that join two noun phrases into one subtopic name ("evacuation of civilians",
# "talks in Geneva").
CONNECTORS = frozenset(
    [
        "against",
        "for",
        "in",
        "of",
        "on",
        "over",
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
