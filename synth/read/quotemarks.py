"""Direct quotations in every style newswire uses: "...", “...”, ``...'', '...' and ‘...’.

Marks are read paragraph by paragraph (a source's cleaned blocks). Any opener of the double
family may be closed by any of its closers, since wire copy mixes them (``...'' or "...'').
A straight mark is an opener or a closer by what stands next to it. Single marks are read only
at word edges (so "don't", "'90s" and "workers' union" open nothing) and only for longer spans.
A quote left open at the end of a paragraph runs to its end when the next paragraph opens with
a quote mark: the convention for a quotation that goes on over several paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from synth.lang.en import (
    DOUBLE_CLOSERS,
    DOUBLE_OPENERS,
    ELISION,
    PLURAL_POSSESSIVE,
    SINGLE_CLOSERS,
    SINGLE_OPENERS,
    TYPEWRITER_CLOSE,
    TYPEWRITER_OPEN,
    TYPEWRITER_SINGLE,
)

MIN_QUOTE_WORDS = 6
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
OPEN_BEFORE = re.compile(r"[\s(\[{—–/-]")
CLOSE_AFTER = re.compile(r"[\s.,;:!?)\]}—–\"”’'-]")


@dataclass(frozen=True)
class QuoteSpan:
    """The words inside one pair of quotation marks: `text[start:end]` of the source.

    `block` is the paragraph (index into `Source.blocks`); `continued` says the quote runs on
    from the previous paragraph, `runs_on` that it goes on into the next one; `nested` that it
    sits inside another quotation (someone quoted by the speaker).
    """

    block: int
    start: int
    end: int
    continued: bool = False
    runs_on: bool = False
    nested: bool = False


@dataclass(frozen=True)
class _Mark:
    position: int
    width: int
    family: str
    opens: bool
    closes: bool


def quote_spans(
    text: str, blocks: Sequence[tuple[int, int]], min_words: int = MIN_QUOTE_WORDS
) -> list[QuoteSpan]:
    """Every quotation of at least `min_words` words in the paragraphs `blocks` of `text`."""
    spans: list[QuoteSpan] = []
    continued = False
    for index, (start, end) in enumerate(blocks):
        following = text[slice(*blocks[index + 1])] if index + 1 < len(blocks) else ""
        found, open_at = _paragraph_quotes(text, start, end)
        runs_on = open_at is not None and _opens_with_quote(following)
        pieces = [(s, e, nested, False) for s, e, nested in found]
        if runs_on and open_at is not None:
            pieces.append((open_at, end, False, True))
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        for s, e, nested, open_end in pieces:
            first = continued and _opens_with_quote(text[start:end]) and s <= start + lead + 2
            s, e = _trim(text, s, e)
            if len(text[s:e].split()) >= min_words:
                spans.append(QuoteSpan(index, s, e, first, open_end, nested))
        continued = runs_on
    return spans


def _paragraph_quotes(
    text: str, start: int, end: int
) -> tuple[list[tuple[int, int, bool]], int | None]:
    """(start, end, nested) of each closed quote in a paragraph, and where a quote is left open."""
    marks = list(_marks(text, start, end))
    found: list[tuple[int, int, bool]] = []
    double_at: int | None = None
    single_at: int | None = None
    for mark in marks:
        inner = mark.position + mark.width
        if mark.family == "double":
            if double_at is None and mark.opens:
                double_at, single_at = inner, None
            elif double_at is not None and mark.closes:
                found.append((double_at, mark.position, False))
                double_at, single_at = None, None
            elif mark.opens:
                double_at = inner
            continue
        if single_at is None and mark.opens:
            single_at = inner
        elif single_at is not None and mark.closes:
            found.append((single_at, mark.position, double_at is not None))
            single_at = None
        elif single_at is not None and mark.opens:
            single_at = inner  # two openers in a row: the first was an apostrophe
    return sorted(found), double_at


def _marks(text: str, start: int, end: int) -> Iterator[_Mark]:
    k = start
    while k < end:
        mark = _mark_at(text, k, start, end)
        if mark is None:
            k += 1
            continue
        yield mark
        k += mark.width


def _mark_at(text: str, k: int, start: int, end: int) -> _Mark | None:
    before = text[k - 1] if k > start else " "
    for token in sorted(set(DOUBLE_OPENERS) | set(DOUBLE_CLOSERS), key=len, reverse=True):
        if text.startswith(token, k) and k + len(token) <= end:
            after = text[k + len(token)] if k + len(token) < end else " "
            opens = token in DOUBLE_OPENERS and (token != '"' or _opener_side(before, after))
            # Wire copy sometimes opens with the closing form too (''Rangers'').
            opens = opens or (
                token in DOUBLE_CLOSERS and _opener_side(before, after) and after.isalnum()
            )
            closes = token in DOUBLE_CLOSERS and (token != '"' or _closer_side(before, after))
            if token == '"' and not opens and not closes:
                opens = closes = True
            return _Mark(k, len(token), "double", opens, closes)
    char = text[k]
    if char not in SINGLE_OPENERS and char not in SINGLE_CLOSERS:
        return None
    after = text[k + 1] if k + 1 < end else " "
    opens = (
        char in SINGLE_OPENERS
        and _opener_side(before, after)
        and after.isalnum()
        and not ELISION.match(text, k + 1, end)
    )
    closes = (
        char in SINGLE_CLOSERS and _closer_side(before, after) and not _possessive(text, k, end)
    )
    return _Mark(k, 1, "single", opens, closes) if opens or closes else None


def _opener_side(before: str, after: str) -> bool:
    return bool(OPEN_BEFORE.fullmatch(before)) and not after.isspace()


def _closer_side(before: str, after: str) -> bool:
    return not before.isspace() and bool(CLOSE_AFTER.fullmatch(after))


def _possessive(text: str, k: int, end: int) -> bool:
    """A plural possessive ("workers' union"): an s, the mark, then a lower-case word."""
    return k > 0 and bool(PLURAL_POSSESSIVE.match(text, k - 1, min(k + 3, end)))


def _opens_with_quote(paragraph: str) -> bool:
    head = paragraph.lstrip()
    if head.startswith(DOUBLE_OPENERS):
        return True
    return head.startswith(SINGLE_OPENERS) and head[1:2].isalnum()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def unquoted(text: str) -> str:
    """A line with its quotations (of any length, in any style) blanked out, a quotation left
    open running to the end of the line: the words of the writer, not of those quoted."""
    found, open_at = _paragraph_quotes(text, 0, len(text))
    if open_at is not None:
        found.append((open_at, len(text), False))
    chars = list(text)
    for start, end, _ in found:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def plain_marks(
    text: str, start: int, end: int, spans: Sequence[QuoteSpan]
) -> tuple[str, list[int]]:
    """`text[start:end]` with the marks around each span written as one straight double quote,
    and where each of its offsets (and its end) lands in that text: a parser then reads
    ``...'', '...' and “...” alike, so the style of the marks cannot change who speaks."""
    marks: dict[int, int] = {}
    for span in spans:
        if start <= span.start <= span.end <= end:
            for at, backwards in ((span.start, True), (span.end, False)):
                found = _mark_near(text, start, end, at, backwards)
                if found is not None:
                    marks[found[0]] = found[1]
    plain: list[str] = []
    to_plain: list[int] = []
    k = start
    while k < end:
        width = marks.get(k, 0)
        to_plain.extend([len(plain)] * max(width, 1))
        plain.append('"' if width else text[k])
        k += max(width, 1)
    to_plain.append(len(plain))
    return "".join(plain), to_plain


def _mark_near(text: str, start: int, end: int, at: int, backwards: bool) -> tuple[int, int] | None:
    """(position, width) of the quotation mark just before (or after) `at`, spaces skipped."""
    marks = sorted({*DOUBLE_OPENERS, *DOUBLE_CLOSERS, *SINGLE_OPENERS, *SINGLE_CLOSERS}, key=len)
    k = at
    while start < k < end and text[k - 1 if backwards else k].isspace():
        k += -1 if backwards else 1
    for mark in reversed(marks):
        first = k - len(mark) if backwards else k
        if start <= first and first + len(mark) <= end and text[first : first + len(mark)] == mark:
            return first, len(mark)
    return None


def typographic_marks(text: str) -> list[tuple[int, int, str]]:
    """Where newswire's typewriter quotation marks stand, as (start, end, typographic mark):
    ``...'' is “...”, `...' is ‘...’, as a reader sees them in print.

    ``` `` ``` always opens and `''` closes, unless it stands where a quote opens (after a
    space, before a word). A backtick opens a single quote; the next straight ' that stands
    where a quote closes (not inside a word, not a plural possessive) closes it, and a
    straight " closes a double quote that ``` `` ``` opened. Other straight marks are left as
    they are: they are no typewriter convention, and which of them are apostrophes only the
    quotation reader can tell. A quote left open ends at a blank line.
    """
    if TYPEWRITER_SINGLE not in text and TYPEWRITER_CLOSE not in text:
        return []
    marks: list[tuple[int, int, str]] = []
    single = double = False
    k, end = 0, len(text)
    while k < end:
        before = text[k - 1] if k else " "
        if text.startswith(TYPEWRITER_OPEN, k):
            marks.append((k, k + 2, "“"))
            double, k = True, k + 2
        elif single and text.startswith("'" + TYPEWRITER_CLOSE, k):
            marks.append((k, k + 3, "’”"))  # a single quote closing inside a double one
            single = double = False
            k += 3
        elif text.startswith(TYPEWRITER_CLOSE, k):
            after = text[k + 2] if k + 2 < end else " "
            opens = _opener_side(before, after) and after.isalnum()
            marks.append((k, k + 2, "“" if opens else "”"))
            double, k = opens, k + 2
        elif text[k] == TYPEWRITER_SINGLE:
            marks.append((k, k + 1, "‘"))
            single, k = True, k + 1
        else:
            closing = _closing(text, k, before, single, double)
            if closing:
                marks.append((k, k + 1, closing))
                single, double = single and closing != "’", double and closing != "”"
            elif PARAGRAPH_BREAK.match(text, k):
                single = double = False
            k += 1
    return marks


def _closing(text: str, k: int, before: str, single: bool, double: bool) -> str | None:
    """The typographic mark that the straight mark at `k` stands for, where it closes an open
    typewriter quote."""
    char = text[k]
    after = text[k + 1] if k + 1 < len(text) else " "
    if char == "'" and single and _closer_side(before, after) and not after.isalnum():
        return None if _possessive(text, k, len(text)) else "’"
    if char == '"' and double and _closer_side(before, after):
        return "”"
    return None
