"""Make sure a sentence can stand on its own once lifted out of its article.

A sentence that opens with a connective ("However,") or a pronoun whose referent lies in an
earlier sentence ("It now holds ...") cannot be quoted alone. When the opening pronoun is the
subject of a speech verb ("He said ...") the speaker is usually named just before; then the
sentence is repaired the way journalists do it, with the name in square brackets
("[Olsen] said ..."). Otherwise the sentence is reported as not standalone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synth.core import Sentence
from synth.lang.en import (
    FINITE_VERBS,
    IRREGULAR_VERBS,
    LETTER_WORD,
    NAME_AFTER_VERB,
    NAME_APPOSITIVE,
    NAME_BEFORE_VERB,
    NOT_A_NAME,
    OPENING_CONNECTIVE,
    OPENING_PRONOUN,
    SENTENCE_CLOSING,
    SENTENCE_OPENING,
    SPEAKER_PRONOUN,
    VERB_STEMS,
)

LOOK_BACK = 3
PAST_SUFFIX_MIN = 4  # "died", "voted"; shorter words in -ed ("red", "bed") are no verbs


def repair(sentence: Sentence, sentences: Sequence[Sentence]) -> str | None:
    """The sentence's text, repaired if needed; None when it cannot stand on its own."""
    text = sentence.text
    if OPENING_CONNECTIVE.match(text):
        return None
    speaker = SPEAKER_PRONOUN.match(text)
    if speaker:
        name = find_speaker(sentence, sentences)
        return f"[{name}]{speaker.group('rest')}{text[speaker.end() :]}" if name else None
    if OPENING_PRONOUN.match(text):
        return None
    return text


def find_speaker(sentence: Sentence, sentences: Sequence[Sentence]) -> str | None:
    """Surname of the person most recently quoted before `sentence` in the same article."""
    for back in range(1, LOOK_BACK + 1):
        index = sentence.id - back
        if index < 0 or sentences[index].source != sentence.source:
            return None
        name = last_named_speaker(sentences[index].text)
        if name:
            return name
    return None


def last_named_speaker(text: str) -> str | None:
    """The last name in `text` that stands next to a speech verb, as its final word.

    A name right before the verb ("Olsen said") wins over one after it (", said Olsen"),
    which wins over one set off by an appositive ("Olsen, the UN adviser, said").
    """
    for pattern in (NAME_BEFORE_VERB, NAME_AFTER_VERB, NAME_APPOSITIVE):
        found = [
            (match.start("name"), surname)
            for match in pattern.finditer(text)
            if (surname := _surname(match.group("name")))
        ]
        if found:
            return max(found)[1]
    return None


def _surname(name: str) -> str | None:
    words = [w for w in re.split(r"\s+", name) if w.rstrip(".") not in {"Mr", "Ms", "Mrs", "Dr"}]
    words = [w for w in words if w.casefold() not in NOT_A_NAME]
    if not words:
        return None
    last = words[-1].removesuffix("'s").removesuffix("’s")
    return last if last[:1].isupper() and last.casefold() not in NOT_A_NAME else None


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
