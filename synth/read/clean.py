"""Separate article text from page furniture, by general rules over paragraphs.

The cleaner never edits text: it returns the character ranges of the paragraphs it keeps, so
that every later offset still points into the file as read. A paragraph is a line, or a run of
hard-wrapped lines joined back together (`synth.read.reflow`); it is judged by its flat text.
Each dropped paragraph carries the rule that dropped it, so `synth sources` can show what was
removed and why.

The rules describe the shape of furniture (short lines without sentence punctuation, reading
times, bracketed notes, credit lines, repeated captions, promotional footers addressed to the
reader), not the words of any particular page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from synth.core import DroppedLine
from synth.lang.en import (
    BYLINE,
    CALL_TO_ACTION,
    CREDIT_LINE,
    CREDIT_PREFIX,
    DANGLING_WORDS,
    DATE_LINE,
    DATELINE,
    GLUED_DATE,
    IMAGE_CREDIT,
    IMAGE_MARKER,
    MARKUP,
    NOT_DATELINES,
    PHOTO_SENTENCE,
    READER_ADDRESS,
    READING_TIME,
    RELATED_LABEL,
    SCORE,
    SCORE_MAX_WORDS,
    SITE_STATUS,
    WIDGET_RUN,
    WIDGET_WORDS,
    WORD,
)
from synth.read.quotemarks import unquoted
from synth.read.reflow import BULLET, SENTENCE_END, Line, flatten, paragraphs, runs_on

BRACKETED = re.compile(r"^[\[(][^\])]*[\])]$")
DATELINE_LINE = re.compile(r"^(?P<agency>[A-Z][\w.&/-]*)(?:,\s*[A-Z][\w .'-]*)?\s*:$")
DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .,'-]{1,40}\s*(?://|—|–|--|_)\s+")
EDITOR_CREDIT = re.compile(r"^[a-z]{1,4}/[a-z]{1,4}\s*\([^)]*\)\s*$")
CAPTION_CREDIT = re.compile(r"[^.!?\"”’]\s*\[[^\]]{1,40}\]$")
CREDIT_OPENING = re.compile(r"\[[A-Z]")

HEADLINE_SEARCH_LINES = 6
MAX_HEADING_WORDS = 12
HEADLINE_WORDS = (4, 25)
TAIL_FRACTION = 0.6
MAX_FURNITURE_WORDS = 40
MIN_LINES_FOR_TAIL = 5


@dataclass(frozen=True)
class Cleaned:
    """What the cleaner found in one article."""

    blocks: tuple[tuple[int, int], ...]
    dropped: tuple[DroppedLine, ...]
    headline: str | None
    outlet: str | None
    published: str | None


def clean_text(text: str, body_start: int = 0) -> Cleaned:
    """Classify every paragraph of `text[body_start:]` as article text or furniture."""
    lines = paragraphs(text, body_start, apart=stands_apart)
    reasons: dict[int, str] = {}
    headline_index = find_headline(lines)
    if headline_index is not None:
        reasons[headline_index] = "headline"
    outlet = published = None
    for index, line in enumerate(lines):
        if index in reasons:
            continue
        reason = furniture_reason(line.text, first=index < HEADLINE_SEARCH_LINES)
        if reason == "dateline" and outlet is None:
            outlet = _agency_from_dateline(line.text)
        if reason == "date line" and published is None:
            published = line.text
        if reason:
            reasons[index] = reason
    mark_repeats(lines, reasons)
    mark_tail(lines, reasons)
    blocks = []
    for index, line in enumerate(lines):
        if index not in reasons:
            start = line.start + _raw_prefix(text, line)
            if published is None and (glued := GLUED_DATE.match(line.text)):
                published = glued.group(0)
            blocks.append((start, line.end))
    dropped = tuple(
        DroppedLine(lines[i].start, lines[i].end, r) for i, r in sorted(reasons.items())
    )
    headline = lines[headline_index].text if headline_index is not None else None
    return Cleaned(tuple(blocks), dropped, headline, outlet, published)


def stands_apart(text: str) -> bool:
    """A line whose whole shape makes it one item of furniture (a date line, a reading time, a
    bracketed note, a caption ending in a credit such as "[Agency]", editors' initials): a
    hard-wrapped paragraph takes nothing under it in. Rules that could match a wrapped piece
    of a sentence (a byline's "By ...", "compiled by ...", a call to action's words) are left
    out."""
    credit = CAPTION_CREDIT.search(text)
    return bool(
        DATE_LINE.match(text)
        or READING_TIME.match(text)
        or BRACKETED.match(text)
        or IMAGE_MARKER.match(text)
        or (credit and CREDIT_OPENING.search(credit.group()))
        or EDITOR_CREDIT.match(text)
    )


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def is_sentence_like(text: str) -> bool:
    """Ends as a sentence does (terminal punctuation, possibly inside closing quotes)."""
    return bool(SENTENCE_END.search(text))


def find_headline(lines: list[Line]) -> int | None:
    """The first early line shaped like a headline: several words, no sentence punctuation.

    A piece of a wrapped sentence is never one: a line that opens in lower case, or one that
    the next line carries on (it opens in lower case or with a comma), or one that ends on
    a word no phrase ends on ("the", "of", "and")."""
    low, high = HEADLINE_WORDS
    for index, line in enumerate(lines[:HEADLINE_SEARCH_LINES]):
        text = BULLET.sub("", line.text)
        if furniture_reason(text, first=True) in {"dateline", "date line", "reading time"}:
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        shaped = low <= word_count(text) <= high and not text.endswith((".", ":", ","))
        if shaped and not CALL_TO_ACTION.search(text) and not wrapped_piece(text, following):
            return index
        if is_sentence_like(text) and word_count(text) > MAX_HEADING_WORDS:
            return None
    return None


def wrapped_piece(text: str, following: str) -> bool:
    """A line that is part of a sentence wrapped over lines, not a whole headline: it opens
    in lower case, ends on a word no phrase ends on, or the line after it carries it on."""
    words = text.split()
    if not words or words[0].islower() or words[-1] in DANGLING_WORDS:
        return True  # "iPhone sales rise" opens a headline; "that one of them" does not
    return bool(following) and runs_on(following)


def furniture_reason(text: str, first: bool = False) -> str | None:
    """Why a single line is page furniture, or None when it reads as article text.

    Rules that look for a marker anywhere in a line apply only to short lines: a paragraph of
    story that mentions a cookie or a photo is still story.
    """
    credit = CREDIT_PREFIX.match(text)
    text = text[credit.end() :] if credit else text
    short = word_count(text) <= MAX_FURNITURE_WORDS
    rules = (
        (READING_TIME.match(text), "reading time"),
        (DATE_LINE.match(text), "date line"),
        (first and DATELINE_LINE.match(text), "dateline"),
        (BRACKETED.match(text), "bracketed note"),
        (IMAGE_MARKER.match(text), "media placeholder"),
        (short and CAPTION_CREDIT.search(text), "photo caption"),
        (short and (IMAGE_CREDIT.search(text) or PHOTO_SENTENCE.match(text)), "photo caption"),
        (short and RELATED_LABEL.match(text), "related-content link"),
        (EDITOR_CREDIT.match(text) or CREDIT_LINE.match(text), "credit line"),
        (BYLINE.match(text) and not is_sentence_like(text), "byline"),
        (short and CALL_TO_ACTION.search(text), "call to action"),
        (not WORD.search(text), "no words"),
        (page_kind(text), page_kind(text)),
    )
    for matched, reason in rules:
        if matched:
            return reason
    if BULLET.match(text) and not is_sentence_like(text):
        return "credit line"
    if not is_sentence_like(text) and word_count(text) <= MAX_HEADING_WORDS:
        return "heading or navigation"
    return None


def page_kind(text: str) -> str | None:
    """Text of the page rather than of the story, by kind: markup that leaked through, the
    labels of a player or share bar, the page describing its own features or scores."""
    if MARKUP.search(text):
        return "markup"
    if widget_run(text) >= WIDGET_RUN:
        return "player or share widget"
    short = word_count(text) <= MAX_FURNITURE_WORDS
    if short and SITE_STATUS.search(text):
        return "page describing itself"
    if word_count(text) <= SCORE_MAX_WORDS and SCORE.search(text):
        return "rating or score"
    return None


def widget_run(text: str) -> int:
    """The longest run of consecutive player or share-bar words ("Embed x Share CLOSE")."""
    longest = run = 0
    for word in text.split():
        run = run + 1 if word.strip(".,:;|()[]").casefold() in WIDGET_WORDS else 0
        longest = max(longest, run)
    return longest


def sentence_furniture(text: str) -> bool:
    """Furniture inside a paragraph: a caption, credit, link label, call to action or page
    text that the page ran into the story text."""
    if PHOTO_SENTENCE.match(text) or page_kind(text):
        return True
    if word_count(text) > MAX_FURNITURE_WORDS:
        return False
    return bool(
        IMAGE_CREDIT.search(text) or RELATED_LABEL.match(text) or CALL_TO_ACTION.search(text)
    )


def mark_repeats(lines: list[Line], reasons: dict[int, str]) -> None:
    """A line printed twice in a row is a photo caption; a line seen earlier is a repeated copy."""
    first_seen: dict[str, int] = {}
    previous: int | None = None
    for index, line in enumerate(lines):
        key = " ".join(line.text.split()).casefold()
        if key in first_seen:
            earlier = first_seen[key]
            if earlier == previous:
                reasons[earlier] = reasons[index] = "repeated caption"
            else:
                reasons.setdefault(index, "repeated copy")
        else:
            first_seen[key] = index
        previous = index


def mark_tail(lines: list[Line], reasons: dict[int, str]) -> None:
    """Drop what follows the closing credit line, and promotional lines addressed to the reader.

    Articles end with a credit ("With reporting by ...", agency initials); what comes after it in
    the last part of a page is the outlet's footer, not the story.
    """
    if len(lines) < MIN_LINES_FOR_TAIL:
        return
    tail_start = int(len(lines) * TAIL_FRACTION)
    credits = [i for i, r in reasons.items() if r == "credit line" and i >= tail_start]
    if credits:
        for index in range(min(credits) + 1, len(lines)):
            reasons.setdefault(index, "after closing credit")
    for index in range(tail_start, len(lines)):
        words = unquoted(lines[index].text)
        short = word_count(words) <= MAX_FURNITURE_WORDS
        if short and len(READER_ADDRESS.findall(words)) >= 2:
            reasons.setdefault(index, "addressed to the reader")


def _agency_from_dateline(text: str) -> str | None:
    match = DATELINE_LINE.match(text)
    agency = match.group("agency") if match else None
    if not agency or agency in NOT_DATELINES:  # "WATCH:" labels a video, names no agency
        return None
    return agency if agency.isupper() and 2 <= len(agency) <= 8 else None


def _raw_prefix(text: str, line: Line) -> int:
    """How many characters of the paragraph as read its skipped prefix covers."""
    length = _prefix_length(line.text)
    return flatten(text[line.start : line.end]).raw(length) if length else 0


def _prefix_length(text: str) -> int:
    """Length of a dateline ("MOSCOW // ", "SEOUL, South Korea (AP) _ ") or a date glued to
    the first word, to skip."""
    wire = DATELINE.match(text)
    if wire and (wire.group("agency") or wire.group("region")):
        return wire.end()
    for pattern in (DATELINE_PREFIX, GLUED_DATE, CREDIT_PREFIX):
        match = pattern.match(text)
        if match:
            return match.end()
    return 0
