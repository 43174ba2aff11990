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
    DATELINE,
    DATELINE_LEAD,
    DETERMINERS,
    FUNCTION_WORDS,
    LEADING_ATTRIBUTION,
    LISTENER_VERBS,
    NAME_AT_END,
    NAME_RUN,
    NOT_A_NAME,
    OPENING_ADVERBIAL,
    OPENING_DETERMINER,
    PHRASE_OPENERS,
    PREPOSITIONS,
    SPEECH_VERB,
    TRAILING_ATTRIBUTION,
    stop_words,
)
from synth.read.label import plausible_headline
from synth.stages import Embedder
from synth.understand.standalone import has_verb

HEADLINE_WORDS = 16
TITLE_POINTS = 2
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
    """The source headline closest to the lede, else a headline written from the lede's
    first point that a headline can state (not a quote, not an unnamed claim)."""
    titled = [s for s in sources if s.title and not s.skipped and plausible_headline(s.title)]
    if titled:
        return representative(titled, lede, lede_vectors, embedder)
    for point in lede:
        if point.text.lstrip()[:1] not in QUOTE_MARKS and not unnamed_claim(point.text):
            return headline_from_text(point.text)
    return headline_from_text(lede[0].text) if lede else "Briefing"


def representative(
    titled: Sequence[Source],
    lede: Sequence[Point],
    lede_vectors: np.ndarray | None,
    embedder: Embedder | None,
) -> str:
    """The headline nearest the mean of the lede's first two points (the same two at any
    `--max-words` past the smallest); without vectors, the headline of the source the lede
    cites most (ties to the lower id)."""
    titles = list(dict.fromkeys(" ".join(str(s.title).split()) for s in titled))
    if embedder is not None and lede_vectors is not None and len(lede_vectors) and len(titles) > 1:
        centre = lede_vectors[:TITLE_POINTS].mean(axis=0)
        similarity = embedder.encode(titles) @ centre
        return titles[int(np.argmax(similarity))]
    cited = {s.id: sum(s.id in p.sources for p in lede) for s in titled}
    best = min(titled, key=lambda s: (-cited[s.id], s.id))
    return " ".join(str(best.title).split())


def headline_from_text(text: str) -> str:
    """A sentence's main clause, shortened to a headline: "Olsen: The port of Varna has
    reopened to container ships"."""
    text = BRACKETS.sub(r"\1", " ".join(text.split()))
    dateline = DATELINE.match(text) or DATELINE_LEAD.match(text)
    clause, speaker = main_clause(text[dateline.end() :] if dateline else text)
    words = shorten(clause.split())
    headline = " ".join(words).translate(NO_DOUBLE_QUOTES).strip(" ,;:.")
    headline = headline[:1].upper() + headline[1:]
    return f"{speaker}: {headline}" if speaker else headline


def unnamed_claim(text: str) -> bool:
    """Whether the sentence is someone's claim whose speaker a headline cannot name ("...,"
    wrote the group's page): its main clause alone would read as fact."""
    clause, speaker = main_clause(BRACKETS.sub(r"\1", " ".join(text.split())))
    attributed = TRAILING_ATTRIBUTION.search(clause) or LEADING_ATTRIBUTION.match(clause)
    return speaker is None and attributed is not None


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
    """Who an attribution names, as a headline would: a person by surname ("Norway's foreign
    minister Maria Olsen said" -> "Olsen", "said Jan Berg, head of ..." -> "Berg"),
    a body by its name ("the Associated Press reported" -> "Associated Press"), else a short
    subject ("police said" -> "Police"); None for a long subject without a name. Without a
    speech verb, the whole text is the subject."""
    verb = SPEECH_VERB.search(attribution)
    subject = attribution[: verb.start()] if verb else attribution
    rest = attribution[verb.end() :] if verb else ""
    if verb and verb.group(0) in LISTENER_VERBS:
        rest = ""  # "told the Associated Press": who was told, not who told
    rest = OPENING_DETERMINER.sub("", rest.lstrip(" ,"))
    before = NAME_AT_END.search(subject.rstrip())
    for match, text in ((before, subject), (NAME_RUN.match(rest), rest)):
        if match and (name := _name(match.group("name").split(), text[: match.start()])):
            return name
    words = [w.strip(QUOTE_MARKS) for w in subject.split() if w.casefold() not in DETERMINERS]
    words = [w for w in words if w]
    content = [w for w in words if w.casefold().strip(",") not in stop_words()]
    if content and len(words) <= SHORT_SUBJECT and "according" not in subject:
        phrase = " ".join(words).strip(" ,")
        return phrase[:1].upper() + phrase[1:]
    return None


def _name(run: list[str], before: str) -> str | None:
    """A run of capitalized words as a headline names it: after its last title word
    ("Foreign Minister Maria Olsen" -> "Olsen"); a person named after a title or role by
    surname, anyone else in full ("Associated Press")."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in run]
    while words and words[0].casefold() in DETERMINERS:
        words.pop(0)
    titled = [i for i, w in enumerate(words) if w.casefold() in NOT_A_NAME]
    start = titled[-1] + 1 if titled else 0
    name = words[start:]
    if not name:
        return None
    previous = before.split()[-1:] if before.strip() else []
    role = bool(titled) or bool(
        previous and previous[0][:1].islower() and previous[0].casefold() not in DETERMINERS
    )
    if role or len(name) > SHORT_SUBJECT:
        return name[-1]
    return " ".join(name)


def shorten(words: list[str]) -> list[str]:
    """The words up to the first clause break after which they say what happened (a verb,
    and not one left waiting for its object: "The court has ruled" goes on to what it
    ruled), at most `HEADLINE_WORDS`."""
    for index, word in enumerate(words):
        if index < MIN_CLAUSE_WORDS:
            continue
        previous = words[index - 1]
        bare = word.casefold().strip(QUOTE_MARKS)
        infinitive = bare == "to" and index + 1 < len(words) and _verb_after_to(words[index + 1])
        breaks = previous.endswith((",", ";", ":")) or bare in CLAUSE_BREAKS or infinitive
        if (breaks or word in {"-", "–", "—"}) and _says_what_happened(words[:index]):
            return _cap(words[:index])
    return _cap(words)


def _says_what_happened(words: list[str]) -> bool:
    """A verb among the words, and the last word not one: "A photo of the teen" and "The
    court has ruled" are not headlines yet."""
    last = words[-1].strip(",;:").casefold()
    return has_verb(" ".join(words)) and not has_verb(last)


def _verb_after_to(word: str) -> bool:
    """ "to allow", "to end": a purpose clause; "to Geneva", "to the city": a destination."""
    return word[:1].islower() and word.casefold() not in DETERMINERS


def _cap(words: list[str]) -> list[str]:
    """At most `HEADLINE_WORDS` words; when that cuts a clause, it ends where a phrase does
    (before a preposition or conjunction) once the words say what happened, never on a
    function word or a possessive."""
    kept = words[:HEADLINE_WORDS]
    if len(words) > HEADLINE_WORDS:
        ends = [
            i
            for i in range(MIN_CLAUSE_WORDS, len(kept))
            if (words[i].casefold() in ENDS_BADLY or words[i - 1].endswith(","))
            and _says_what_happened(words[:i])
        ]
        kept = kept[: ends[-1]] if ends else kept
    while len(kept) > MIN_CLAUSE_WORDS and (
        kept[-1].casefold().strip(",;:") in ENDS_BADLY or kept[-1].endswith(("'s", "’s"))
    ):
        kept.pop()
    return kept
