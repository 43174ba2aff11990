"""Noun phrases of a text, found without a tagger: a chunker over English word lists.

A noun phrase is a run of words between the words that cannot belong to one: punctuation,
numbers, determiners and prepositions (which open one), auxiliaries, pronouns and
conjunctions, adverbs, and verbs, told apart by where they stand: after an auxiliary, a
subject pronoun or an infinitive "to", or an -ed/-ing form right after a noun ("evacuees
travelling"). An -ed or -ing word just after a determiner is kept as a noun or modifier
("the fighting", "the besieged city"). Two phrases joined by a connector such as "of" make
one more ("evacuation of civilians"), and a named subject with the noun of its verb another
("The US responded" -> "US response").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from synth.lang.en import (
    AUXILIARIES,
    CONNECTORS,
    CONTRACTION,
    COORDINATORS,
    MONTHS,
    NOMINALIZATIONS,
    NOUNS_IN_LY,
    PHRASE_OPENERS,
    PLAIN_ADVERBS,
    PLURAL,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    UNMARKED_VERBS,
    WEEKDAYS,
    stem,
    stop_words,
)

TOKENS = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z](?:[\w’'-]*\w)?|\d[\d,.]*(?:-\w+)*|[^\w\s]"
)
POSSESSIVE = re.compile(r"['’]s?$")
MAX_PHRASE_WORDS = 5
SUBJECT_WORDS = 2
TIME_WORDS = frozenset(w.casefold() for w in WEEKDAYS | MONTHS)


@dataclass(frozen=True)
class Phrase:
    """A candidate noun phrase: its words as written, the index of its head word, whether
    it opens its sentence, and whether its head was derived from a verb ("reaction")."""

    words: tuple[str, ...]
    head: int
    sentence_start: bool = False
    derived: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def head_word(self) -> str:
        return self.words[self.head]


@dataclass(frozen=True)
class Chunk:
    """A run of words that can make a noun phrase; `start` is its first token's index,
    `opened` whether a determiner or preposition stands right before it."""

    words: tuple[str, ...]
    start: int
    sentence_start: bool
    opened: bool

    @property
    def end(self) -> int:
        return self.start + len(self.words)


def noun_chunks(tokens: list[str]) -> list[Chunk]:
    """Maximal runs of words that can make a noun phrase, in order."""
    chunks: list[Chunk] = []
    current: list[str] = []
    start = 0
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else ""
        kind = _kind(token, previous, current)
        if kind != "break":
            if not current:
                start = index
            current.append(token)
        if kind != "word" and current:
            chunks.append(_chunk(tokens, current, start))
            current = []
    if current:
        chunks.append(_chunk(tokens, current, start))
    return chunks


def _chunk(tokens: list[str], words: list[str], start: int) -> Chunk:
    before = tokens[start - 1].casefold() if start else ""
    opened = before in PHRASE_OPENERS or before in PREPOSITIONS or before[:1].isdigit()
    opened = opened or bool(POSSESSIVE.search(before))
    first_word = not any(t[:1].isalnum() for t in tokens[:start])
    return Chunk(tuple(words), start, first_word, opened and len(before) > 1)


def _after_name(token: str, chunk: Sequence[str]) -> bool:
    """A lower-case word right after a name reads as the name's verb when it ends in -s
    ("O'Rourke continues") or when the phrase began in lower case ("candidate Tsai cheer")."""
    if not chunk or not chunk[-1][:1].isupper():
        return False
    return bool(PLURAL.search(token)) or any(w[:1].islower() for w in chunk)


def _kind(token: str, previous: str, chunk: Sequence[str]) -> str:
    """What a token is to the chunker: "word" (may be in a noun phrase), "last" (a word that
    ends one: a gerund after a preposition, "on helping"), or "break"."""
    lower = token.casefold()
    before = previous.casefold()
    inside = bool(chunk)
    if not token[:1].isalpha():
        return "break"
    if token.isupper() and len(token) > 1:
        return "word"  # an acronym, even one spelled like a function word ("US")
    if "." in token and token[:1].islower():
        return "break"  # "p.m.", "e.g."
    if (POSSESSIVE.search(token) and len(token) > 2) or CONTRACTION.search(token):
        return "break"  # "Russia's" ends one phrase, and the next starts after it
    if lower in PHRASE_OPENERS or lower in PREPOSITIONS or lower in UNMARKED_VERBS:
        return "break"
    if lower in AUXILIARIES or lower in SUBJECT_PRONOUNS or lower in stop_words():
        return "break"
    if lower in PLAIN_ADVERBS or before in AUXILIARIES or before in SUBJECT_PRONOUNS:
        return "break"
    if before == "to" and token[:1].islower():
        return "break"
    if inside and token[:1].islower() and (PLURAL.search(previous) or _after_name(token, chunk)):
        return "break"  # "peace talks resume", "O'Rourke continues": a verb after its subject
    if lower.endswith("ly") and lower not in NOUNS_IN_LY and token[:1].islower():
        return "break"
    if lower.endswith(("ed", "ing")) and token[:1].islower() and len(lower) > 4:
        if inside:
            return "break"
        if before in PHRASE_OPENERS:
            return "word"
        return "last" if before in PREPOSITIONS and lower.endswith("ing") else "break"
    return "word"


def candidate_phrases(text: str) -> Iterator[Phrase]:
    """Noun phrases of up to `MAX_PHRASE_WORDS` words: every run of words inside a chunk that
    ends on a lower-case word (its head: "city hall spokesman" in "city hall spokesman
    Anna Berg"), two chunks joined by a connector ("talks in Oslo"), and a named subject
    with the noun of its verb ("US response")."""
    tokens = TOKENS.findall(text)
    chunks = noun_chunks(tokens)
    for chunk in chunks:
        words = chunk.words
        for end in range(len(words), 0, -1):
            if end < len(words) and not words[end - 1][:1].islower():
                continue
            for start in range(max(0, end - MAX_PHRASE_WORDS), end):
                opens = chunk.sentence_start and start == 0
                yield Phrase(words[start:end], end - start - 1, opens)
    yield from _joined(tokens, chunks)
    yield from _nominalized(tokens, chunks)


def _joined(tokens: list[str], chunks: list[Chunk]) -> Iterator[Phrase]:
    """Chunk, connector, optional determiner, chunk: "evacuation of the civilians"."""
    for left, right in itertools.pairwise(chunks):
        between = [t.casefold() for t in tokens[left.end : right.start]]
        if not between or between[0] not in CONNECTORS or len(between) > 2:
            continue
        if len(between) == 2 and between[1] not in PHRASE_OPENERS:
            continue
        if any(w.casefold() in TIME_WORDS for w in right.words) or _full_name(right.words):
            continue
        for cut in range(len(left.words)):
            head = left.words[cut:]
            words = (*head, *tokens[left.end : right.start], *right.words)
            if len(words) <= MAX_PHRASE_WORDS:
                yield Phrase(words, len(head) - 1, left.sentence_start and cut == 0)


def _full_name(words: tuple[str, ...]) -> bool:
    """Two capitalized words in a row: a person's name ("of terrorist Alexandre Bissonnette"),
    which ends no subtopic's name."""
    return any(a[:1].isupper() and b[:1].isupper() for a, b in itertools.pairwise(words))


def _nominalized(tokens: list[str], chunks: list[Chunk]) -> Iterator[Phrase]:
    """A named subject and the noun of its verb: "The White House reacted" -> "White House
    reaction" (an auxiliary may stand between: "Russia has warned")."""
    for chunk in chunks:
        after = chunk.end
        while after < len(tokens) and tokens[after].casefold() in {"has", "have", "had"}:
            after += 1
        if after >= len(tokens) or tokens[after] not in NOMINALIZATIONS:
            continue
        subject = chunk.words[-SUBJECT_WORDS:]
        if not all(w[:1].isupper() for w in subject) or (
            len(subject) == 1 and not subject[0].isupper()
        ):
            continue  # "White House reaction", "US response"; not "Jim announcement"
        noun = NOMINALIZATIONS[tokens[after]]
        opens = chunk.sentence_start and len(chunk.words) <= SUBJECT_WORDS
        yield Phrase((*subject, noun), len(subject), opens, derived=True)


def attested_nouns(texts: Iterable[str]) -> set[str]:
    """Stems of words seen as the last word of a phrase that a determiner, preposition,
    possessive or number opens ("the court appearance", "of the shooting", "8,000 evacuees"),
    and that no "and" continues ("that military and diplomatic talks"): words the texts use as
    nouns, so a heading's head is seldom a verb or adjective taken for one ("voters favor")."""
    found = set()
    for text in texts:
        tokens = TOKENS.findall(text)
        for chunk in noun_chunks(tokens):
            following = tokens[chunk.end].casefold() if chunk.end < len(tokens) else ""
            if chunk.opened and following not in COORDINATORS:
                found.add(stem(chunk.words[-1].casefold()))
    return found
