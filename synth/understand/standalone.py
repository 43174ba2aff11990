"""Make sure a sentence can stand on its own once lifted out of its article.

A reader of a briefing sees each point without the article around it, so a sentence is kept
out when it leans on what came before: an opening connective ("However,"), a pronoun whose
referent lies in an earlier sentence ("It now holds ...", "..., he said"), a definite
description of something it never names ("The study found ...", "said the decision ..."), an
unnamed speaker ("A friend said"), first or second person outside quotes, a quotation with no
one named to say it, or a fragment (lower-case start, ellipsis, no closing punctuation). Only
one repair is made, the way journalists do it: an opening "He said" whose speaker is named
just before becomes "[Olsen] said". The rules are strict on purpose: a point dropped costs
less than a point that cannot be understood.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synth.core import Sentence
from synth.lang.en import (
    BARE_DEFINITE,
    BRACKETED_NOTE,
    DEFINITE_EXPLAINED,
    FINITE_VERBS,
    FIRST_SECOND_PERSON,
    INNER_CONNECTIVE,
    INNER_NAME,
    IRREGULAR_VERBS,
    KNOWN_REFERENTS,
    LETTER_WORD,
    NAME_AFTER_VERB,
    NAME_APPOSITIVE,
    NAME_BEFORE_VERB,
    NOT_A_NAME,
    OPENING_CONNECTIVE,
    OPENING_DEFINITE,
    OPENING_PRONOUN,
    OPENING_QUANTIFIER,
    PRONOUN_SPEAKER,
    QUOTED_TEXT,
    RELATED_LABEL,
    SAID_DEFINITE,
    SENTENCE_CLOSE,
    SENTENCE_CLOSING,
    SENTENCE_OPENING,
    SPEAKER_PRONOUN,
    SUCH,
    THIRD_PERSON,
    TRUNCATED,
    UNNAMED_SPEAKER,
    VERB_STEMS,
)

LOOK_BACK = 3
PAST_SUFFIX_MIN = 4  # "died", "voted"; shorter words in -ed ("red", "bed") are no verbs
QUOTE_OPENERS = ('"', "“", "‘", "'", "`")


def repair(sentence: Sentence, sentences: Sequence[Sentence], strict: bool = False) -> str | None:
    """The sentence's text, repaired if needed; None when it cannot stand on its own.

    By default only the problems that make a point unreadable count (an opening connective,
    pronoun or unexplained definite description, a pronoun speaker, a fragment, ...); with
    `strict`, also those that only make it harder (a "the report" inside the sentence)."""
    text = sentence.text
    speaker = SPEAKER_PRONOUN.match(text)
    if speaker:
        name = find_speaker(sentence, sentences)
        if not name:
            return None
        text = f"[{name}]{speaker.group('rest')}{text[speaker.end() :]}"
    return text if standalone_problem(text, strict) is None else None


def standalone_problem(text: str, strict: bool = True) -> str | None:
    """Why a sentence cannot be read alone (connective, fragment, pronoun, definite
    description, quote, other), or None when it can. Without `strict`, only what makes it
    unreadable: the problems at its opening, a pronoun speaker, first or second person,
    fragments and quotations standing alone."""
    if OPENING_CONNECTIVE.match(text):
        return "connective"
    if not text[:1].isupper() and not text.startswith(("[", *QUOTE_OPENERS)):
        return "fragment"
    if TRUNCATED.search(text) or not SENTENCE_CLOSE.search(text) or text.endswith("?"):
        return "fragment"
    if RELATED_LABEL.match(text) or BRACKETED_NOTE.match(text):
        return "other"
    outside = QUOTED_TEXT.sub(" ", text)
    if text.startswith(QUOTE_OPENERS) and not _named_speaker(outside):
        return "quote"
    if OPENING_PRONOUN.match(text) or PRONOUN_SPEAKER.search(outside):
        return "pronoun"
    if FIRST_SECOND_PERSON.search(outside):
        return "pronoun"
    opening = OPENING_DEFINITE.match(text)
    if (
        opening
        and opening.group("word") not in KNOWN_REFERENTS
        and not DEFINITE_EXPLAINED.match(text)
    ):
        return "definite_description"
    if UNNAMED_SPEAKER.match(text) or OPENING_QUANTIFIER.match(text):
        return "definite_description"
    return _inner_problem(text, outside) if strict else None


def _inner_problem(text: str, outside: str) -> str | None:
    """What makes a sentence harder to read alone without making it unreadable."""
    if INNER_CONNECTIVE.search(text):
        return "connective"
    if _pronoun_before_name(outside):
        return "pronoun"
    if SUCH.search(outside) or SAID_DEFINITE.search(outside):
        return "definite_description"
    if any(m.group("noun") not in KNOWN_REFERENTS for m in BARE_DEFINITE.finditer(outside)):
        return "definite_description"
    return None


def _named_speaker(text: str) -> bool:
    """Whether the words outside the quotes name who is speaking ("..., Olsen said")."""
    return any(p.search(text) for p in (NAME_BEFORE_VERB, NAME_AFTER_VERB, NAME_APPOSITIVE))


def _pronoun_before_name(text: str) -> bool:
    """A third-person pronoun with no name before it in the sentence to stand for."""
    pronoun = THIRD_PERSON.search(text)
    if pronoun is None:
        return False
    return INNER_NAME.search(text, 0, pronoun.start()) is None


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
