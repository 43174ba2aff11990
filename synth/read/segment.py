"""Split the kept text of each source into sentences, keeping exact character offsets.

pysbd ships its rules in its package (no download) and gets abbreviations such as "U.S.
Secretary" and "Dec. 8" right, where Punkt-style splitters break after "U.S.". Sentences never
cross a line: the cleaner's blocks are paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from synth.core import Sentence, Source
from synth.read.clean import sentence_furniture, word_count

MIN_WORDS = 4
INNER_TERMINATOR = re.compile(r"[.!?…;:](?=.*\w)", re.S)


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph, whitespace trimmed.

    A paragraph with no sentence mark before its end is one sentence; pysbd, which is slow
    (it compiles regular expressions per call), only sees paragraphs that could split.
    """
    stripped = text.strip()
    if stripped and not INNER_TERMINATOR.search(stripped):
        start = text.find(stripped)
        return [(start, start + len(stripped))]
    spans = []
    cursor = 0
    for piece in pysbd_sentences(text):
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:  # pysbd altered the text; fall back to the rest of the paragraph
            start = cursor + (len(text[cursor:]) - len(text[cursor:].lstrip()))
            piece = text[start:].strip()
        end = start + len(piece)
        spans.append((start, end))
        cursor = end
        if cursor >= len(text):
            break
    return spans


def pysbd_sentences(text: str) -> list[str]:
    """What `pysbd.Segmenter.segment(text)` returns (clean=False): each sentence pysbd finds,
    with the whitespace after it, in order.

    pysbd locates its sentences in the text by compiling one regular expression per sentence,
    a third of its time; plain string search finds the same places.
    """
    segmenter = _segmenter()
    found = []
    reached = 0
    for sentence in segmenter.processor(text).process():
        if not sentence:
            continue  # pysbd yields none; whatever its pattern matched, synth would drop
        start = text.find(sentence)
        while start >= 0:
            end = start + len(sentence)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > reached:
                found.append(text[start:end])
                reached = end
                break
            start = text.find(sentence, end)
    return found


def segment_sources(sources: Sequence[Source]) -> tuple[Sentence, ...]:
    """Every usable sentence of every source, numbered in source then reading order."""
    sentences: list[Sentence] = []
    for source in sources:
        for position, (start, end) in enumerate(_source_spans(source)):
            text = " ".join(source.text[start:end].split())
            sentences.append(Sentence(len(sentences), source.id, start, end, text, position))
    return tuple(sentences)


def _source_spans(source: Source) -> Iterator[tuple[int, int]]:
    for block_start, block_end in source.blocks:
        block = source.text[block_start:block_end]
        for start, end in split_sentences(block):
            text = block[start:end]
            if word_count(text) >= MIN_WORDS and not sentence_furniture(text):
                yield block_start + start, block_start + end
