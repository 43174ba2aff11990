"""Full names at first mention: a point that calls someone by one name gets the full name.

A reader meets each point without its article, so "Olsen added that ..." names a person the
reader never met when the article introduced her paragraphs before as "Foreign Minister Maria
Olsen"; so does "Maria returned home" when the article named the girl "Maria Olsen". An
editor writes the full name at the first mention the reader reads; so does the briefing, in
brackets as an editor's insertion ("[Maria Olsen] added"), in reading order (the headline,
the lede, then the sections), but only when it is sure whom the name stands for: the parse
reads no place or work in the point's name and a person in the article's full name, the
name's own article gives that one full name (else another article does) and no article
gives another ("Anna Olsen" and "Jan Olsen" in one story: whose surname?). A wrong name is
worse than no name, so anything less is left as written. A name inside a quotation is the
speaker's words and is never changed; one after a title, a capitalized word or a particle
("Mr Olsen", "President Olsen", "Maria Olsen", "de Klerk") already reads as a name, or is
part of one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from synth.core import Sentence
from synth.lang.en import (
    NAME_PARTICLES,
    NAME_TITLES,
    NAMED_AFTER_NOUNS,
    NOT_A_NAME,
    PERSON_WORD,
    POSSESSIVE,
    QUOTED_TEXT,
    stop_words,
)

# The names a text holds, as written, with the parse's label of each ("PERSON", "GPE").
Entities = Callable[[str], frozenset[tuple[str, str]]]
PERSON = "PERSON"
# What the parse may wrongly call a surname alone ("Olsen added" read as a company); any
# other label (a place, a work, a law) says the word is no person's name.
MISREAD_PERSON = frozenset(["PERSON", "ORG"])
# Sentences parsed to find one surname's full names, at most: a name a story uses often is
# written in full in its first mentions.
MAX_PARSED = 24
# A capitalized word that may be a surname: at least two letters after the capital.
SURNAME = re.compile(r"(?<![\w'’.-])(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:['’]s)?\b")


@dataclass(frozen=True)
class Introduction:
    """One repair: the surname as the point wrote it and the full name put in its place."""

    surname: str
    full_name: str
    text: str


def introduce_names(
    texts: Sequence[tuple[str, int]],
    read_before: str,
    sentences: Sequence[Sentence],
    entities: Entities,
) -> list[tuple[str, Introduction | None]]:
    """The texts in reading order (each with the source its words come from), each surname
    alone the reader meets first written with the full name its article gives
    (`full_name`), unless the reader met that person before in the points (by any name) or
    anywhere in full; `read_before` is what the reader has read already (the headline).
    Returns every text with the first repair made in it (None when none is)."""
    read, body = read_before, ""
    found: dict[str, str | None] = {}
    out: list[tuple[str, Introduction | None]] = []
    for text, source in texts:
        made = None
        for match in bare_surnames(text):
            surname = match.group("name")
            if not _maybe_person(surname, entities(text)):
                continue  # the parse reads a place or a work there ("Washington, D.C.")
            key = f"{source}\0{surname}"
            if key not in found:
                found[key] = full_name(surname, source, sentences, entities)
            full = found[key]
            before = body + " " + text[: match.start()]
            if full is None or _met(full, read + before) or _named(surname, before):
                continue  # unsure, or met already ("President Olsen" in the lede)
            text = _written_out(text, match, full)
            made = Introduction(surname, full, text)
            break  # one repair per point: the offsets after it moved
        read += " " + text
        body += " " + text
        out.append((text, made))
    return out


def _written_out(text: str, match: re.Match[str], full: str) -> str:
    """The text with the name `match` found written out as `full`, in brackets as an
    editor's insertion ("[Maria Olsen] said", "[Maria Olsen]'s office"): the point still
    shows which words are the article's; inside an editor's brackets already ("[Olsen]
    said" for "He said"), the brackets are kept as they are."""
    start, end = match.start("name"), match.end("name")
    if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
        return text[:start] + full + text[end:]
    return f"{text[:start]}[{full}]{text[end:]}"


def bare_surnames(text: str) -> list[re.Match[str]]:
    """Capitalized words standing alone as a name may: outside quotation marks, not after a
    capitalized word or a title ("Maria Olsen", "Mr Olsen", "President Olsen" are names
    already), not before one ("Olsen Shipping") nor a noun it labels ("the Olsen
    administration"), and no function word or title themselves."""
    quoted = {i for m in QUOTED_TEXT.finditer(text) for i in range(m.start(), m.end())}
    found = []
    for match in SURNAME.finditer(text):
        word = match.group("name")
        if match.start() in quoted or word.casefold() in NOT_A_NAME | NAME_TITLES:
            continue
        before = text[: match.start()].rstrip("[")
        after = text[match.end() :]
        previous = before.split()[-1] if before.strip() else ""
        if before.endswith(" ") and previous[:1].isupper() and not previous.endswith(","):
            continue  # part of a longer name or after a title
        if previous.casefold() in NAME_PARTICLES:
            continue  # "de Klerk": the surname is both words
        following = after.split(maxsplit=1)[0].strip(",.;:").casefold() if after.strip() else ""
        if following in NAMED_AFTER_NOUNS:
            continue  # "the Olsen administration": a label, not a mention of her
        if re.match(rf"\s+(?:of\s+)?{PERSON_WORD}", after) and not POSSESSIVE.search(
            match.group(0)
        ):
            continue  # the first word of a longer name ("Olsen Shipping", "Bank of Varna")
        found.append(match)
    return found


def full_name(
    word: str, source: int, sentences: Sequence[Sentence], entities: Entities
) -> str | None:
    """The one full name a name alone (`word`: a surname, or a first name) stands for, or
    None when that is not sure: the names the parse calls a person that end or begin with it,
    titles left off, from the word's own article (else from the others), and no article
    writing another ("Anna Olsen" and "Jan Olsen"; "Maria Olsen" and "Maria Berg")."""
    name = re.escape(word)
    written = [
        re.compile(rf"(?:{PERSON_WORD}\s+){{0,2}}(?P<other>{PERSON_WORD})\s+{name}\b"),
        re.compile(rf"(?<![\w'’.-]){name}\s+(?:{PERSON_WORD}\s+){{0,2}}?(?P<other>{PERSON_WORD})"),
    ]
    own = [s for s in sentences if s.source == source and _written_in_full(written, s.text)]
    others = [s for s in sentences if s.source != source and _written_in_full(written, s.text)]
    names: dict[str, int] = {}
    for s in (own + others)[:MAX_PARSED]:
        for full in _names_with(_people(entities(s.text)), word):
            names.setdefault(full, s.source)  # its own article's first: `mine` below
    distinct = {_key(full) for full in names}
    if len(distinct) != 1:
        return None
    mine = [n for n, s in names.items() if s == source]
    return max(mine or names, key=len)


def _written_in_full(written: Sequence[re.Pattern[str]], text: str) -> bool:
    """Whether the text may write the name in full: a capitalized word beside it that is no
    title, function word or institution ("Maria Olsen", not "In Olsen's", "President Olsen"
    or "Olsen said"); the parse decides whether it is a person."""
    return any(
        m.group("other").rstrip(".").casefold() not in NAME_TITLES | NOT_A_NAME | stop_words()
        for pattern in written
        for m in pattern.finditer(text)
    )


def _maybe_person(surname: str, entities: Iterable[tuple[str, str]]) -> bool:
    """Whether the parse lets a surname alone be a person's: called a person, a body (a
    small parser's guess for a surname it does not know) or nothing, never a place or
    another kind of name, nor part of one ("the Book of Mormon")."""
    labels = {
        label
        for name, label in entities
        if surname in (POSSESSIVE.sub("", w.strip(",.")) for w in name.split())
    }
    return labels <= MISREAD_PERSON


def _people(entities: Iterable[tuple[str, str]]) -> list[str]:
    """The names the parse calls a person's."""
    return [name for name, label in entities if label == PERSON]


def _names_with(people: Iterable[str], word: str) -> list[str]:
    """The people's names that end or begin with `word` (a surname, a first name), titles
    off, of two words or more."""
    out = []
    for person in people:
        words = POSSESSIVE.sub("", person.strip()).split()
        while words and words[0].rstrip(".").casefold() in NAME_TITLES:
            words.pop(0)
        if words and words[0].casefold() in NAME_PARTICLES:
            continue  # "De Klerk" at a sentence's start: one surname of two words
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        if word in (words[0], words[-1]):
            out.append(" ".join(words))
    return out


def _key(name: str) -> tuple[str, str]:
    """A person by first and last name: a middle initial written or not is one person."""
    words = name.split()
    return words[0], words[-1]


def _named(surname: str, read: str) -> bool:
    """Whether the points read so far name the surname (alone, after a title, or in full): the
    first mention was there, repaired or not. A headline's "Olsen: ..." is no first mention;
    the body's first one still gets the full name."""
    return re.search(rf"(?<![\w'’-]){re.escape(surname)}\b", read) is not None


def _met(full: str, read: str) -> bool:
    """Whether the reader has met the person: the full name, or first and last name with a
    middle one between ("Maria K. Olsen"), is in what they read."""
    first, last = _key(full)
    return re.search(rf"\b{re.escape(first)}\s+(?:\S+\s+)?{re.escape(last)}\b", read) is not None
