"""English stop words and stemming, shared by section labels, figures and differences.

Both load lazily and cheaply: the stop words from sumy's data file (importing sumy.utils is
slow), the stemmer from the small snowballstemmer package (importing nltk costs most of a
second).
"""

from __future__ import annotations

from functools import lru_cache


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
        "thursday",
        "wednesday",
        "friday",
        "monday",
        "tuesday",
        "saturday",
        "sunday",
        "according",
        "week",
        "weeks",
    }
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
