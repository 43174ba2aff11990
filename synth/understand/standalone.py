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
    NAME_AFTER_VERB,
    NAME_APPOSITIVE,
    NAME_BEFORE_VERB,
    NOT_A_NAME,
    OPENING_CONNECTIVE,
    OPENING_PRONOUN,
    SPEAKER_PRONOUN,
)

LOOK_BACK = 3


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
