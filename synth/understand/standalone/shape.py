"""Whether a point's text reads as a sentence at all: the last guard before a point is shown
(`synth.understand.rank`), and the verb test the title writer uses (`synth.write.headline`)."""

from __future__ import annotations

from synth.lang.en import (
    FINITE_VERBS,
    IRREGULAR_VERBS,
    LETTER_WORD,
    SENTENCE_CLOSING,
    SENTENCE_OPENING,
    VERB_STEMS,
)

PAST_SUFFIX_MIN = 4  # "died", "voted"; shorter words in -ed ("red", "bed") are no verbs


def shape_problem(text: str) -> str | None:
    """Why a point's text does not read as a sentence, or None when it does.

    The last guard before a point is shown: it must open with a capital letter, a digit or a
    quote, close with sentence punctuation, and hold a verb. Headlines, captions, widget text
    and pieces cut out of a sentence fail one of the three.
    """
    opening = SENTENCE_OPENING.match(text)
    if not opening or opening.group()[-1].islower():
        return "does not open as a sentence"
    if not SENTENCE_CLOSING.search(text):
        return "does not close as a sentence"
    if not has_verb(text):
        return "has no verb"
    return None


def has_verb(text: str) -> bool:
    """A word that is a verb in any reading: a form of be, have, do or a modal, a contraction,
    an irregular past, a common verb or its -s form, or a word of four letters or more in -ed
    (not -eed: "seed", "feed").
    Lists and suffixes, no tagger: a noun read as a verb ("plans") lets a fragment through,
    which the other two shape checks and the ranker's length limits still face."""
    for word in LETTER_WORD.findall(text):
        word = word.lower().replace("’", "'")
        if word in FINITE_VERBS or word in IRREGULAR_VERBS or _regular_verb(word):
            return True
    return False


def _regular_verb(word: str) -> bool:
    past = len(word) >= PAST_SUFFIX_MIN and word.endswith("ed") and not word.endswith("eed")
    if word in VERB_STEMS or past:
        return True
    if word.endswith("ies"):
        return word[:-3] + "y" in VERB_STEMS
    return word.endswith("s") and (word[:-1] in VERB_STEMS or word[:-2] in VERB_STEMS)
