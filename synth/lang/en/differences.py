"""English words and patterns of the difference finder: counts in words, sums of money, changes
over time, people's ages, names and offices, and reports relayed from another outlet.

Used by synth.compare (differences, figures, wording, people, timeline) and synth.read.syndicate.
"""

from __future__ import annotations

import re

from synth.lang.en.dates import MONTH_PATTERN, WEEKDAYS
from synth.lang.en.figures import CUMULATIVE, QUALIFIER
from synth.lang.en.speech import TITLE_WORDS

# ==== Counts written in words, sums of money

# Counts written as words ("convicted three Muslims"); "one" is left out: it is a pronoun as
# often as a count.
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Units after a ten in a compound count: "twenty-one".
UNIT_WORDS = {"one": 1, **{w: v for w, v in NUMBER_WORDS.items() if v < 10}}
_TENS = "|".join(w for w, v in NUMBER_WORDS.items() if v >= 20)
NUMBER_WORD = re.compile(
    rf"(?:(?P<qualifier>(?i:{QUALIFIER}))\s+)?(?<![\w-])"
    rf"(?P<number>(?i:(?:{_TENS})-(?:{'|'.join(UNIT_WORDS)})|{'|'.join(NUMBER_WORDS)}))(?![\w-])"
    r"(?P<multiplier>(?!))?(?P<percent>(?!))?(?P<after>(?:\s+[A-Za-z][\w'-]*){1,3})"
)  # the group names of synth.lang.en.FIGURE, so both read alike: "at least twenty-one people"

# A currency mark right before an amount: "$21 billion", "dlrs 21 billion", "US$ 5".
CURRENCY_BEFORE = re.compile(r"(?:US\$|\$|£|€|\bdlrs\.?|\bUSD|\beuros?)\s*$")

# ==== Changes over time

# The days of the week in order (a day an article's lead names, synth.compare.timeline).
WEEK = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# A verb of change right before a figure: "rose to 9,000", "raise it to an orbit about 230",
# "climbed past 100"; or a tally said to stand now: "now stands at 60".
CHANGE_BEFORE = re.compile(
    r"\b(?P<verb>ros(?:e|en)|rising|climb(?:ed|ing)?|jump(?:ed|ing)|gr(?:ew|own)|increas(?:ed|ing)"
    r"|swell(?:ed|ing)|soar(?:ed|ing)|rais(?:e|ed|ing)|lift(?:ed|ing)|boost(?:ed|ing)"
    r"|f(?:ell|allen)|dropp(?:ed|ing)|declin(?:ed|ing)|lower(?:ed|ing)|revis(?:ed|ing))"
    r"\b(?:\s+[\w'’]+){0,4}?\s+(?:to|at|past|above)\s+(?:[\w'’]+\s+){0,3}$"
    r"|\bnow\s+(?:stands?\s+at|at|totals?|tops|exceeds)\s+(?:[\w'’]+\s+){0,3}$",
    re.I,
)

# A figure an outlet says was an earlier one: "police earlier had reported 65 dead",
# "initially put the toll at 30", "up from 9,000", "rose to 60 from 45".
EARLIER_BEFORE = re.compile(
    r"\b(?:earlier|initially|at first|previously|originally|first)\b[^.;!?]{0,50}$"
    r"|\b(?:up|down)\s+from\s+(?:[\w'’]+\s+){0,2}$"
    r"|\b(?:ros(?:e|en)|climb(?:ed)?|jump(?:ed)?|gr(?:ew|own)|increased|f(?:ell|allen)|dropped)"
    r"\s+(?:[\w'’]+\s+){0,4}?to\s+[\w'’.,]+\s+(?:[\w'’]+\s+){0,2}from\s+(?:[\w'’]+\s+){0,2}$",
    re.I,
)

# A running tally at a time of the day or a later day: "By late afternoon, more than 600".
BY_TIME = re.compile(
    r"\bby\s+(?:late\s+|early\s+|mid-?)?(?:morning|afternoon|evening|night(?:fall)?|midday"
    rf"|noon|the end of the day|{'|'.join(sorted(WEEKDAYS))})\b",
    re.I,
)

# Tallies that run on as a story goes on, given day by day: counts of these (Snowball stems)
# from reports of different days are a change over time, not a disagreement.
TALLY = CUMULATIVE | frozenset(["hurt", "cancel", "rescu", "detain", "flight", "evacue"])

# What a figure counts when the words before it say and none after it do: "the death toll rose
# to 60", "the number of people evacuated climbed past 4,000 in the town".
COUNTED_BEFORE = re.compile(
    r"\b(?:(?P<toll>(?:death\s+)?toll)|(?:number|count|tally)\s+of\s+(?P<noun>[a-z][\w-]*)"
    r"(?P<next>\s+[a-z][\w-]*)?)(?:\s+[\w'’-]+){0,6}?"
    r"\s+(?:to|at|past|above|reached|hit|topped|is|was)\s+$",
    re.I,
)

# The year of a one-time event: "founded in 1990", "was born in 1961", "set up in 1993".
EVENT_YEAR = re.compile(
    r"\b(?P<verb>founded|established|formed|created|set\s+up|incorporated|born|built"
    r"|opened|launched|started)\s+in\s+(?P<year>(?:1[5-9]|20)\d\d)\b(?!\s*[-–/])"
)

# The age of the one person a noun names: "the 22-year-old bomber".
THE_AGED = re.compile(r"\b[Tt]he\s+(?P<age>\d{1,2})-year-old\s+(?P<noun>[a-z][a-z]+)\b(?!-)")

# Two nouns a figure counts together: "45 women and men", "12 soldiers or police".
COORDINATED = re.compile(r"\s+[A-Za-z][\w'-]*\s+(?:and|or)\s+[A-Za-z]")

# Words (Snowball stems) of one tally, whichever an outlet writes: "21 people injured", "24
# were hurt" and "24 wounded" count one thing; so do "killed", "dead", "deaths" and "died".
TALLY_CLASSES = {
    "injur": "injured",
    "wound": "injured",
    "hurt": "injured",
    "kill": "dead",
    "dead": "dead",
    "death": "dead",
    "die": "dead",
    "fatal": "dead",
    "toll": "dead",
    "arrest": "arrested",
    "detain": "arrested",
}
# Counted words that say only "people": a tally word after them says what is counted.
GENERIC_COUNTED = frozenset(["peopl", "person", "other", "individu"])

# A day named in an article's lead, the moment it reports: "said on Monday", "Dec. 8".
LEAD_DAY = re.compile(
    rf"\b(?P<weekday>{'|'.join(sorted(WEEKDAYS))})\b"
    rf"|\b(?P<date>{MONTH_PATTERN}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
)

# ==== People: ages, names, titles

# A reporting verb within two words after a name: the name says who reports, not whose figure
# follows ("Ukrainian television said three people ...").
ATTRIBUTION_AFTER = re.compile(r"(?:\s+[a-z][\w-]*)?\s+(?:said|says|told|reported|reports)\b")

NAME_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# A person's name of two or three words ("Aaron McKinney", "Oscar Luigi Scalfaro").
PERSON_NAME = re.compile(
    rf"(?<![\w.])(?P<name>{NAME_WORD}(?:\s+(?:[A-Z]\.|{NAME_WORD})){{1,3}})(?![\w])"
)  # up to four words: a title and a three-word name ("President Oscar Luigi Scalfaro")
# "Aaron McKinney, 22,", "Aaron McKinney, 22.", "Aaron McKinney, aged 22," and "Aaron McKinney, a
# 22-year-old student": a name with its age.
AGE_AFTER = re.compile(
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}),\s+(?:aged\s+|an?\s+(?=\d+-year-old))?"
    r"(?P<age>\d{1,3})(?:[,.]|-year-old\b)"
)
# "the 22-year-old Aaron McKinney": an age before a name.
AGE_BEFORE = re.compile(
    rf"\b(?P<age>\d{{1,3}})-year-old\s+(?:[a-z][\w-]*\s+){{0,3}}"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})"
)

# Letters that romanize one sound of another script several ways: two spellings that differ
# only by these are transliterations (Gaddafi, Qadhafi; Yanukovich, Yanukovych), no error.
TRANSLITERATION = (
    (re.compile(r"(?<=[kgdtsz])h"), ""),  # kh, gh, dh, th, sh, zh
    (re.compile(r"[qgk]"), "k"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"[aeiou]"), "a"),
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters
)

# Words that end an office: "former Premier Mesut Yilmaz".
FORMER = frozenset(["former", "ex", "ex-", "onetime"])
# What ends an office, said of the person or their government.
OFFICE_ENDS = re.compile(
    r"\b(?:resign(?:ed|s)?|step(?:ped|s)? down|quit|ousted|collapsed|fell|toppled|defeated"
    r"|lost (?:a|the) (?:confidence )?vote|removed|fired|dismissed|outgoing|caretaker)\b",
    re.I,
)
# What an office ends with besides its title: a head of government's government.
GOVERNMENT_WORDS = frozenset(["government", "cabinet", "administration", "coalition"])
# What starts one: "formally elected Gen. Emile Lahoud ... as Lebanon's next president"; the
# office is the first role word of `rest`.
OFFICE_STARTS = re.compile(
    r"\b(?:elected|named|appointed|sworn in|chosen|nominated|installed|became|will become)\b"
    r"[^.;!?]{0,120}?\b(?:as|to be|to become|the new|the next|next|new)\b(?P<rest>[^.;!?]{0,60})",
    re.I,
)
# Office words besides those a title may hold (synth.lang.en.TITLE_WORDS).
ROLE_WORDS = TITLE_WORDS | frozenset(
    [
        "commander",
        "cfo",
        "coo",
        "cto",
        "cio",
        "treasurer",
        "admiral",
        "colonel",
        "marshal",
        "inspector",
        "constable",
        "corporal",
        "trooper",
        "insp",
        "supt",
    ]
)
# Names of one office.
ROLE_SYNONYMS = {
    "prime minister": "premier",
    "chief executive": "ceo",
    "chief financial officer": "cfo",
    "chief operating officer": "coo",
    "chief technology officer": "cto",
}
# Offices of one company no one person holds two of at once in the news: one outlet calling
# someone "acting CEO" and another "CFO" is a difference, unlike "party leader" / "senator".
EXCLUSIVE_ROLES = frozenset(["ceo", "cfo", "coo", "cto"])
# Older than this, a number after a name is no age.
MAX_AGE = 115
# Words a title may open with besides a role ("army commander", "Russian Foreign Minister").
TITLE_MODIFIERS = frozenset(
    ["acting", "army", "interim", "outgoing", "incoming", "new", "top", "senior", "assistant"]
)

# ==== Reports relayed from another outlet

# Words of a news organization's name ("the Washington Times", "CBC", "the Fresno Bee").
NEWS_WORDS = (
    r"Times|Post|News|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Bee|Star|Sun|Mail|Globe"
    r"|Chronicle|Daily|Press|Radio|Television|TV|Reuters|AP|AFP|BBC|CBC|CNN|NBC|ABC|CBS|Fox"
    r"|NPR|Bloomberg|Interfax|Xinhua|Tass|Sputnik|Yonhap|Kyodo|newspaper|magazine|agency"
)
# Words of a credit that name no outlet: the verb, "the", and words many outlets' names share.
CREDIT_WORDS = frozenset(
    "told explained to said according reported by in an interview with the newspaper "
    "magazine agency radio television tv news daily press".split()
)
# Whom a sentence credits, by name: "she told KXYZ Harbourton", "according to the Valley Herald";
# an outlet when the name is that of another source's outlet.
CREDITED_NAME = re.compile(
    r"\b(?:told|according to|in an interview with|reported by)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
)
# A sentence that credits another outlet with what it says: second-hand, not a report of its
# own ("told the Washington Times", "explained to CBC", "according to Digital Spy").
RELAYED = re.compile(
    rf"\b(?:told|explained to|said to|according to|reported by|in an interview with)\s+"
    rf"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{0,3}}(?P<to>{NEWS_WORDS})\b"
    rf"|\b(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){{0,3}}(?P<by>{NEWS_WORDS})\s+(?:newspaper\s+)?"
    r"(?:reported|said|reports|quoted)\b",
)  # group "to" or "by": the outlet's last word, which tells two credited outlets apart
