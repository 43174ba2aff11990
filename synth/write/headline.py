"""The briefing's title: a source's headline, or one written from the top point.

When sources have headlines, the title is the one closest in meaning to the lede (the
points the briefing opens with), so it names the story the page tells rather than one
outlet's angle. When none has a headline (plain-text wire copy), the title is the main
clause of the top point, shortened the way a headline is: the attribution becomes a
"Speaker:" prefix and dependent clauses are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from synth.core import Point, Source
from synth.lang.en import (
    CLAUSE_BREAKS,
    DETERMINERS,
    FUNCTION_WORDS,
    LEADING_ATTRIBUTION,
    NAME_AT_END,
    NAME_RUN,
    NOT_A_NAME,
    OPENING_ADVERBIAL,
    PHRASE_OPENERS,
    PREPOSITIONS,
    SPEECH_VERB,
    TRAILING_ATTRIBUTION,
)
from synth.read.label import plausible_headline
from synth.stages import Embedder

HEADLINE_WORDS = 12
MIN_CLAUSE_WORDS = 5
SHORT_SUBJECT = 3
ENDS_BADLY = FUNCTION_WORDS | PREPOSITIONS | PHRASE_OPENERS | CLAUSE_BREAKS
BRACKETS = re.compile(r"\[([^\]]*)\]")
QUOTE_MARKS = "\"“”‘’'"
NO_DOUBLE_QUOTES = str.maketrans("", "", '"“”')


def choose_title(
    sources: Sequence[Source],
    lede: Sequence[Point],
    lede_vectors: np.ndarray | None = None,
    embedder: Embedder | None = None,
) -> str:
    """The source headline closest to the lede, else a headline written from the top point."""
    titles = list(
        dict.fromkeys(
            " ".join(s.title.split())
            for s in sources
            if s.title and not s.skipped and plausible_headline(s.title)
        )
    )
    if titles:
        return representative(titles, lede, lede_vectors, embedder)
    for point in lede:
        if point.text.lstrip()[:1] not in QUOTE_MARKS:
            return headline_from_text(point.text)
    return headline_from_text(lede[0].text) if lede else "Briefing"


def representative(
    titles: Sequence[str],
    lede: Sequence[Point],
    lede_vectors: np.ndarray | None,
    embedder: Embedder | None,
) -> str:
    """The title nearest the mean of the lede's vectors (the first title without them)."""
    if embedder is None or lede_vectors is None or len(titles) == 1 or not len(lede_vectors):
        return titles[0]
    centre = lede_vectors.mean(axis=0)
    similarity = embedder.encode(list(titles)) @ centre
    return titles[int(np.argmax(similarity))]


def headline_from_text(text: str) -> str:
    """A sentence's main clause, shortened to a headline: "Lavrov: The Syrian army has
    halted its military attacks on Aleppo in Syria"."""
    clause, speaker = main_clause(BRACKETS.sub(r"\1", " ".join(text.split())))
    words = shorten(clause.split())
    headline = " ".join(words).translate(NO_DOUBLE_QUOTES).strip(" ,;:.")
    headline = headline[:1].upper() + headline[1:]
    return f"{speaker}: {headline}" if speaker else headline


def main_clause(text: str) -> tuple[str, str | None]:
    """The sentence without its attributions, and who it is attributed to.

    An attribution is only dropped when it can be kept as a "Speaker:" prefix, so a claim
    never reads as fact in the title.
    """
    text = OPENING_ADVERBIAL.sub("", text)
    speakers = []
    trailing = TRAILING_ATTRIBUTION.search(text)
    if trailing and len(text[: trailing.start()].split()) >= MIN_CLAUSE_WORDS:
        speaker = speaker_in(trailing.group("who"))
        if speaker:
            speakers.append(speaker)
            text = text[: trailing.start()]
    leading = LEADING_ATTRIBUTION.match(text)
    if leading and len(leading.group("rest").split()) >= MIN_CLAUSE_WORDS:
        speaker = speaker_in(leading.group("who"))
        if speaker:
            speakers.append(speaker)
            text = leading.group("rest")
    return text, speakers[-1] if speakers else None


def speaker_in(attribution: str) -> str | None:
    """Who an attribution names, as a headline would: a surname ("Russia's foreign minister
    Sergey Lavrov said" -> "Lavrov", "said Jan Egeland" -> "Egeland"), else a short subject
    ("police said" -> "Police"); None for a long subject without a name. Without a speech
    verb, the whole text is the subject."""
    verb = SPEECH_VERB.search(attribution)
    subject = attribution[: verb.start()] if verb else attribution
    rest = attribution[verb.end() :] if verb else ""
    for match in (NAME_AT_END.search(subject.rstrip()), NAME_RUN.match(rest.lstrip(" ,"))):
        if match:
            names = [w.removesuffix("'s").removesuffix("’s") for w in match.group("name").split()]
            while names and names[0].casefold() in NOT_A_NAME:
                names.pop(0)
            if names and names[-1].casefold() not in NOT_A_NAME:
                return names[-1]
    words = [w for w in subject.split() if w.casefold() not in DETERMINERS]
    if words and len(words) <= SHORT_SUBJECT and "according" not in subject:
        phrase = " ".join(words).strip(" ,")
        return phrase[:1].upper() + phrase[1:]
    return None


def shorten(words: list[str]) -> list[str]:
    """The words up to the first clause break after a few words, at most `HEADLINE_WORDS`."""
    for index, word in enumerate(words):
        if index < MIN_CLAUSE_WORDS:
            continue
        previous = words[index - 1]
        bare = word.casefold().strip(QUOTE_MARKS)
        infinitive = bare == "to" and index + 1 < len(words) and _verb_after_to(words[index + 1])
        if previous.endswith((",", ";", ":")) or bare in CLAUSE_BREAKS or infinitive:
            return _cap(words[:index])
        if word in {"-", "–", "—"}:
            return _cap(words[:index])
    return _cap(words)


def _verb_after_to(word: str) -> bool:
    """ "to allow", "to end": a purpose clause; "to Geneva", "to the city": a destination."""
    return word[:1].islower() and word.casefold() not in DETERMINERS


def _cap(words: list[str]) -> list[str]:
    """At most `HEADLINE_WORDS` words, not ending on a function word."""
    kept = words[:HEADLINE_WORDS]
    while len(kept) > MIN_CLAUSE_WORDS and kept[-1].casefold().strip(",;:") in ENDS_BADLY:
        kept.pop()
    return kept
