"""Sentences of one paragraph's flat text, with pysbd, at any paragraph length.

pysbd ships its rules in its package (no download) and gets abbreviations such as "U.S.
Secretary" and "Dec. 8" right, where Punkt-style splitters break after "U.S.". Its time grows
with the square of a paragraph's length, so an overlong paragraph (a whole file on one line) is
cut at sentence ends into windows first; a stretch with no sentence end in a whole window is no
sentence and is left out. Both the reflow (where a run of wrapped lines may part) and the
segmenter (the sentences themselves) read paragraphs through here, so they agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from synth.lang.en import FOOTNOTE_BETWEEN, NAME_SUFFIX_END, NAMED_AFTER_SUFFIX

INNER_TERMINATOR = re.compile(r"[.!?…;:](?=.*\w)", re.S)
WINDOW_CHARS = 2_000
SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*\s+")


@lru_cache(maxsize=1)
def segmenter():  # type: ignore[no-untyped-def]
    """pysbd's English splitter; its rules ship in its package (no download)."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def paragraph_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the sentences of a paragraph of any length (see `windows`)."""
    for start, end in windows(text):
        for a, b in split_sentences(text[start:end]):
            yield start + a, start + b


def windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """Spans of at most about `size` characters, each cut after a sentence end; a stretch of
    `size` characters without one is skipped up to the next sentence end."""
    start = 0
    while len(text) - start > size:
        cut = None
        for match in SENTENCE_BREAK.finditer(text, start, start + size):
            cut = match.end()
        if cut is not None:
            yield start, cut
            start = cut
            continue
        following = SENTENCE_BREAK.search(text, start + size)
        if following is None:
            return
        start = following.end()
    if start < len(text):
        yield start, len(text)


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the sentences of one paragraph, whitespace trimmed.

    A paragraph with no sentence mark before its end is one sentence; pysbd, which is slow
    (it compiles regular expressions per call), only sees paragraphs that could split.
    """
    stripped = text.strip()
    if stripped and not INNER_TERMINATOR.search(stripped):
        start = text.find(stripped)
        return ((start, start + len(stripped)),)
    spans: list[tuple[int, int]] = []
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
        if spans and _name_goes_on(text[spans[-1][0] : spans[-1][1]], piece):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        cursor = end
        if cursor >= len(text):
            break
    return tuple(part for span in spans for part in _without_footnotes(text, span))


def _without_footnotes(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The span cut where a footnote's number stands between two sentences (`FOOTNOTE_BETWEEN`:
    "... other Book.” 1 The Book ..."), the number in neither part."""
    start, end = span
    parts = []
    for found in FOOTNOTE_BETWEEN.finditer(text, start, end):
        parts.append((start, found.start("mark")))
        start = found.end()
    parts.append((start, end))
    return [(a, a + len(text[a:b].rstrip())) for a, b in parts if text[a:b].strip()]


def _name_goes_on(before: str, piece: str) -> bool:
    """ "... near Martin Luther King Jr." + "Way South and ...": a name with a suffix that
    the next piece carries on as a street's or a day's name, not a sentence end. The word
    after must go on as a name too (a capital) or end there ("Boulevard,"): "High winds
    closed ..." and "Day after day, ..." open sentences."""
    if not NAME_SUFFIX_END.search(before):
        return False
    words = piece.split(maxsplit=2)
    if not words or words[0].strip(".,;:").lower() not in NAMED_AFTER_SUFFIX:
        return False
    ends_there = words[0][-1] in ".,;:"
    return ends_there or (len(words) > 1 and words[1][:1].isupper())


def pysbd_sentences(text: str) -> list[str]:
    """What `pysbd.Segmenter.segment(text)` returns (clean=False): each sentence pysbd finds,
    with the whitespace after it, in order.

    pysbd locates its sentences in the text by compiling one regular expression per sentence,
    a third of its time; plain string search finds the same places.
    """
    splitter = segmenter()
    found = []
    reached = 0
    for sentence in splitter.processor(text).process():
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
