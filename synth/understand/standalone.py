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
    FIRST_SECOND_PERSON,
    INNER_CONNECTIVE,
    INNER_NAME,
    KNOWN_REFERENTS,
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
    SPEAKER_PRONOUN,
    SUCH,
    THIRD_PERSON,
    TRUNCATED,
    UNNAMED_SPEAKER,
)

LOOK_BACK = 3
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
