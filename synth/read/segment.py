"""Split the kept text of each source into sentences, keeping exact character offsets.

Sentences never cross a paragraph: the cleaner's blocks are paragraphs, a hard-wrapped one
spanning several lines. pysbd (`synth.read.split`) reads a paragraph's flat text (one line,
single spaces), so a paragraph splits the same however it was wrapped; spans are mapped back to
the file as read. A sentence a source repeats word for word is counted once."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from synth.core import Sentence, Source
from synth.read.clean import sentence_furniture, word_count
from synth.read.reflow import flatten
from synth.read.split import paragraph_sentences

MIN_WORDS = 4


def segment_sources(sources: Sequence[Source]) -> tuple[Sentence, ...]:
    """Every usable sentence of every source, numbered in source then reading order."""
    sentences: list[Sentence] = []
    for source in sources:
        for position, (start, end, text) in enumerate(_source_spans(source)):
            sentences.append(Sentence(len(sentences), source.id, start, end, text, position))
    return tuple(sentences)


def _source_spans(source: Source) -> Iterator[tuple[int, int, str]]:
    """(start, end, flat text) of each usable sentence, offsets into the file as read."""
    seen: set[str] = set()
    for block_start, block_end in source.blocks:
        block = flatten(source.text[block_start:block_end])
        for start, end in paragraph_sentences(block.text):
            text = block.text[start:end]
            if word_count(text) < MIN_WORDS or sentence_furniture(text) or text in seen:
                continue
            seen.add(text)
            yield block_start + block.raw(start), block_start + block.raw_end(end), text
