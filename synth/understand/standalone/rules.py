"""The sentence rules: regular expressions on the text that see an opening connective, pronoun
or unexplained "the ...", an unnamed speaker, a fragment, a quote no one is named to say, and
the page's text around a story; and the one repair made ("He said" -> "[Olsen] said").

No parse is needed: these run first, and a sentence they keep out is never parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from synth.core import Sentence
from synth.lang.en import (
    BARE_DEFINITE,
    BRACKETED_NOTE,
    CAPTION_POSITION,
    CAPTION_VERB,
    DEFINITE_EXPLAINED,
    DROPPABLE_CONNECTIVE,
    EXAMPLE_CONNECTIVE,
    FIGURE_REFERENCE,
    FIRST_SECOND_PERSON,
    FURTHER_READING,
    GLUED_HEADING,
    GLUED_OPENING,
    INLINE_BYLINE,
    INNER_CONNECTIVE,
    INNER_NAME,
    KNOWN_REFERENTS,
    LABEL_OPENING,
    LABEL_PHRASE,
    LINKED_NAME,
    MEDIA_REFERENCE,
    NAME_AFTER_VERB,
    NAME_APPOSITIVE,
    NAME_BEFORE_VERB,
    NAMED_KIND,
    NOT_A_NAME,
    OPENING_CONNECTIVE,
    OPENING_DEFINITE,
    OPENING_PRONOUN,
    OPENING_QUANTIFIER,
    OPENING_RELATIVE,
    PRONOUN_SPEAKER,
    QUESTION_LABEL,
    QUOTE_OPENING_PERSON,
    QUOTED_TEXT,
    REFERENCE_LIST,
    RELATED_LABEL,
    REPEATED_NAME,
    REPORTER_AT_WORK,
    SAID_DEFINITE,
    SENTENCE_CLOSE,
    SHOUTED_WORD,
    SHOUTED_WORDS,
    SINGLE_CLOSING,
    SINGLE_OPENING,
    SOCIAL_MARKUP,
    SPEAKER_PRONOUN,
    STAMP_LEAD,
    SUCH,
    THIRD_PERSON,
    TIME_ANCHOR,
    TRUNCATED,
    UNANCHORED_TIME,
    UNNAMED_SPEAKER,
    YEAR_ON_YEAR,
)
from synth.understand.parser import OPENING_QUOTES
from synth.understand.standalone.problems import Problem
from synth.understand.standalone.shape import has_verb

# Whom a "He said" after a text stands for (the text, the pronoun), or None.
Antecedent = Callable[[str, str], str | None]


def repair(
    sentence: Sentence,
    sentences: Sequence[Sentence],
    strict: bool = False,
    named: Antecedent | None = None,
) -> str | None:
    """The sentence's text, repaired if needed; None when it cannot stand on its own.

    By default only the problems that make a point unreadable count (an opening connective,
    pronoun or unexplained definite description, a pronoun speaker, a fragment, ...); with
    `strict`, also those that only make it harder (a "the report" inside the sentence).
    `named` says whom a "He said" stands for, from the sentence before (the parse judge's
    `antecedent`); without it, the name a speech verb stands next to there."""
    text = drop_connective(drop_stamp(sentence.text))
    speaker = SPEAKER_PRONOUN.match(text)
    if speaker:
        name = find_speaker(sentence, sentences, speaker.group("pronoun"), named)
        if not name:
            return None
        text = f"[{name}]{speaker.group('rest')}{text[speaker.end() :]}"
    return text if standalone_problem(text, strict) is None else None


EDITORIAL = re.compile(r"\[([^\[\]]{1,40})\]")


def without_edits(text: str) -> str:
    """The text as the reader reads it, editorial brackets off ("[T]he", "[Olsen] said")."""
    return EDITORIAL.sub(r"\1", text)


def drop_stamp(text: str) -> str:
    """ "Noon, May 3 - The harbour office ..." -> "The harbour office ...": a page's time stamp
    before a dash is no part of the sentence (dropped only when what follows opens as one)."""
    found = STAMP_LEAD.match(text)
    if found is None or not text[found.end() : found.end() + 1].isupper():
        return text
    return text[found.end() :]


def drop_connective(text: str) -> str:
    """ "However, the army ..." -> "The army ...": the link to the sentence before cut and the
    first letter made a capital. Not bracketed as quoting editors do ("[T]he"): readers take
    the bracket for markup left in the text, and the point's evidence keeps the sentence as
    written."""
    found = DROPPABLE_CONNECTIVE.match(text)
    if not found:
        return text
    rest = text[found.end() :]
    return rest[0].upper() + rest[1:]


def standalone_problem(text: str, strict: bool = True) -> Problem | None:
    """Why a sentence cannot be read alone (connective, fragment, pronoun, definite
    description, quote, page text: see `Problem`), or None when it can. Without `strict`,
    only what makes it unreadable: the problems at its opening, a pronoun speaker, first or
    second person, fragments and quotations standing alone."""
    if RELATED_LABEL.match(text) or BRACKETED_NOTE.match(text) or _page_text(text):
        return "page_text"
    text = without_edits(text)
    if OPENING_CONNECTIVE.match(text) or EXAMPLE_CONNECTIVE.search(text):
        return "connective"
    if not text[:1].isupper() and not text.startswith(("[", *OPENING_QUOTES)):
        return "fragment"
    if OPENING_RELATIVE.match(text):
        return "fragment"
    if TRUNCATED.search(text) or not SENTENCE_CLOSE.search(text) or text.endswith("?"):
        return "fragment"
    if open_quotation(text):
        return "fragment"
    outside = QUOTED_TEXT.sub(" ", text)
    if text.startswith(OPENING_QUOTES) and not _named_speaker(outside):
        return "quote"
    if OPENING_PRONOUN.match(text) or QUOTE_OPENING_PERSON.match(text):
        return "pronoun"  # also a quote that opens on someone unnamed: “He takes action,” ...
    if PRONOUN_SPEAKER.search(outside):
        return "pronoun"
    if FIRST_SECOND_PERSON.search(outside):
        return "pronoun"
    opening = OPENING_DEFINITE.match(text)
    if (
        opening
        and opening.group("word") not in KNOWN_REFERENTS
        and not DEFINITE_EXPLAINED.match(text)
        and not NAMED_KIND.match(text)
    ):
        return "definite_description"
    if UNNAMED_SPEAKER.match(text) or OPENING_QUANTIFIER.match(text):
        return "definite_description"
    if _unanchored_time(outside):
        return "relative_time"
    return _inner_problem(text, outside) if strict else None


def _unanchored_time(text: str) -> bool:
    """A time told from something the sentence does not name ("two hours earlier"), with no
    year, month or weekday before it in the sentence to count from and no year-on-year
    comparison ("a year earlier")."""
    found = UNANCHORED_TIME.search(text)
    if found is None or YEAR_ON_YEAR.match(found.group()):
        return False
    return TIME_ANCHOR.search(text, 0, found.start()) is None


def open_quotation(text: str) -> bool:
    """Whether a quotation opens in the text and does not close: the sentence was cut out of
    a quote that goes on (a split inside it, or a quote running over paragraphs), and the
    reader gets half of what was said."""
    if text.count("“") > text.count("”") or text.count('"') % 2:
        return True
    return len(SINGLE_OPENING.findall(text)) > len(SINGLE_CLOSING.findall(text))


PAGE_TEXT = (
    SOCIAL_MARKUP,
    REPEATED_NAME,
    REFERENCE_LIST,
    GLUED_HEADING,
    LABEL_OPENING,
    FIGURE_REFERENCE,
    FURTHER_READING,
    CAPTION_POSITION,
    CAPTION_VERB,
    MEDIA_REFERENCE,
    LINKED_NAME,
    GLUED_OPENING,
    INLINE_BYLINE,
    REPORTER_AT_WORK,
)


def _page_text(text: str) -> bool:
    """Words of the page around a story, not of the story: a tweet's handles and hashtags, a
    link's repeated name or a link card's, a byline, a reference list, a section heading
    glued to its first sentence (with or without a space), a page label or a label phrase
    before a colon, a paper's figure reference, a pointer to more reading, a photo
    caption's "(left)", words about the page's video or pictures, a sentence in capitals."""
    return any(pattern.search(text) for pattern in PAGE_TEXT) or _shouted(text) or _label(text)


def _label(text: str) -> bool:
    """A label phrase before a colon (`LABEL_PHRASE`) that does not introduce a quote."""
    found = LABEL_PHRASE.match(text)
    if found is None:
        return False
    label = found.group("label")
    return bool(QUESTION_LABEL.match(label)) or not has_verb(label)


def _shouted(text: str) -> bool:
    """A sentence in capitals ("WE'RE GOING TO BE ON TRAVERSE CREEK"): a transcript's or a
    caption's text, not a story's. (Two plain tests: one pattern for both backtracks.)"""
    if any(c.islower() for c in text):
        return False
    return len(SHOUTED_WORD.findall(text)) >= SHOUTED_WORDS


def _inner_problem(text: str, outside: str) -> Problem | None:
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


def find_speaker(
    sentence: Sentence,
    sentences: Sequence[Sentence],
    pronoun: str = "He",
    named: Antecedent | None = None,
) -> str | None:
    """Whom the `pronoun` opening `sentence` stands for, only when sure: the sentence right
    before it in the same article names that person (`named` reads its parse; without it,
    the surname a speech verb stands next to there). A name further back may be anyone's:
    a wrong name is worse than no point."""
    index = sentence.id - 1
    if index < 0 or index >= len(sentences):
        return None
    before = sentences[index]
    if before.source != sentence.source or before.position != sentence.position - 1:
        return None
    name = named(before.text, pronoun) if named is not None else last_named_speaker(before.text)
    if name and name.split()[-1] in sentence.text:
        return None  # "He added that Olsen ...": the sentence names Olsen as someone else
    return name


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
