"""Sentences whose first words the cleaner dropped as a line of their own are no points."""

from __future__ import annotations

from synth.core import DroppedLine, Sentence, Source
from synth.understand.standalone.cut import cut_sentences

WRAPPED = (
    "About 300 workers were told to leave the Varna shipyard by its new\n"
    "owners, who arrived on Monday to take over the yard and its order\n"
    "book after months of talks.\n"
    "\n"
    "The sale ends a long dispute.\n"
)


def source(text: str, first_line_dropped: bool = True) -> tuple[Source, list[Sentence]]:
    line_end = text.index("\n")
    dropped = (DroppedLine(0, line_end, "headline"),) if first_line_dropped else ()
    start = line_end + 1
    end = text.index("months of talks.") + len("months of talks.")
    later = text.index("The sale")
    sentences = [
        Sentence(0, 1, start, end, " ".join(text[start:end].split()), 0),
        Sentence(1, 1, later, len(text) - 1, "The sale ends a long dispute.", 1),
    ]
    return Source(1, "a.txt", text, "a", dropped=dropped), sentences


def test_a_sentence_that_goes_on_from_a_dropped_wrapped_line_is_cut():
    found, sentences = source(WRAPPED)
    assert cut_sentences([found], sentences) == frozenset({0})


def test_nothing_is_cut_when_nothing_was_dropped():
    found, sentences = source(WRAPPED, first_line_dropped=False)
    assert cut_sentences([found], sentences) == frozenset()


def test_a_headline_over_its_paragraph_cuts_nothing():
    text = "Shipyard sold to new owners\n" + WRAPPED.split("\n", 1)[1]
    found, sentences = source(text)
    assert cut_sentences([found], sentences) == frozenset()


def test_a_line_that_ends_a_sentence_cuts_nothing():
    text = (
        "Workers were told to leave the Varna shipyard on Monday evening.\n"
        + WRAPPED.split("\n", 1)[1]
    )
    found, sentences = source(text)
    assert cut_sentences([found], sentences) == frozenset()


def test_a_blank_line_after_the_dropped_line_cuts_nothing():
    first, rest = WRAPPED.split("\n", 1)
    found, sentences = source(first + "\n\n" + rest)
    shifted = [Sentence(s.id, 1, s.start + 1, s.end + 1, s.text, s.position) for s in sentences]
    assert cut_sentences([found], shifted) == frozenset()
