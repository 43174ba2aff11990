"""Function words, stop words and stemming: the small words every stage skips or joins on.

Stop words and the stemmer come from data shipped inside installed packages, loaded lazily.
"""

from __future__ import annotations

from functools import lru_cache

from synth.lang.en.dates import MONTHS, WEEKDAYS

# The commonest English words: a text with few of them is not English (synth.read.sources),
# and capitalized they name nothing (`not_a_name`).
# fmt: off
FUNCTION_WORDS = frozenset("""
a an and are as at be but by for from had has have he her his in is it its not of on or said she
that the their they this to was were will with would
""".split())
# fmt: on

# Determiners and possessives before a noun ("the toll", "its army"): skipped to reach the noun
# a figure counts or a subject names.
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that"}

# Nouns of a stretch of time: "that week", "One day earlier this month" point at a time, not
# back at something named before.
TIME_WORDS = r"(?:week|month|year|morning|afternoon|evening|weekend|time|summer|winter|spring|fall)"

# Marks after which a capitalized word opens a sentence or a quote rather than naming anything.
OPENING_MARKS = frozenset(".!?:;“\"‘'(")


def not_a_name(word: str) -> bool:
    """Capitalized words that name nothing: function words, months, weekdays, one letter."""
    return len(word) < 2 or word.casefold() in FUNCTION_WORDS or word in MONTHS or word in WEEKDAYS


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
