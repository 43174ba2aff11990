"""A source's citation label: what a reader sees beside [n].

The label names where the article comes from: its outlet, else its web site, else its
headline, else its dateline ("Moscow"), else its first words. A file name is never used: an
archive's names ("D01", "002_cd1ee09f8757831e") tell a reader nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlparse

from synth.lang.en import (
    BYLINE,
    BYLINE_ROLE,
    CALL_TO_ACTION,
    CREDIT_LINE,
    DATELINE,
    IMAGE_CREDIT,
    MONTH_YEAR,
    NOT_DATELINES,
    PAGE_COUNT,
    PHOTO_SENTENCE,
    READER_REQUEST,
    SCREEN_WORDS,
    SECTION_LABEL,
    TITLE_CREDIT,
    TITLE_LABEL,
    UI_COMMAND,
    UPDATE_STAMP,
    WORD,
)
from synth.read.clean import page_kind

FIRST_WORDS = 6
# Longer than any outlet or headline; a text without spaces (Chinese, Japanese) is cut sooner.
MAX_LABEL_CHARS = 120
MAX_WORD_CHARS = 40
MIN_FIRST_WORDS = 3
HEADLINE_WORDS = (2, 20)
OPENING_QUOTES = "\"“‘'"
SPACE = re.compile(r"\s+")


def citation_label(
    outlet: str | None,
    url: str | None,
    title: str | None,
    text: str,
    blocks: Sequence[tuple[int, int]],
    body_start: int = 0,
) -> str:
    """The first of outlet, site, headline, dateline, first words that the article has."""
    line = first_line(text, blocks, body_start)
    dateline = DATELINE.match(line)
    agency = dateline.group("agency") if dateline else None
    opening = line[dateline.end() :] if dateline else line
    headline = title if title and plausible_headline(title) else None
    place = place_of(dateline)
    for candidate in (outlet, agency, site_of(url), headline, place, first_words(opening)):
        if candidate and candidate.strip():
            return shortened(" ".join(candidate.split()))
    return "Untitled source"


def shortened(label: str) -> str:
    """A label of at most `MAX_LABEL_CHARS` characters: a longer one (an outlet field holding
    a paragraph, a text without spaces) is cut at a space, else inside its one long word."""
    if len(label) <= MAX_LABEL_CHARS:
        return label
    cut = label.rfind(" ", 0, MAX_LABEL_CHARS)
    if cut < MAX_LABEL_CHARS // 2:
        cut = MAX_WORD_CHARS
    return label[:cut].rstrip(",;:") + " …"


def first_line(text: str, blocks: Sequence[tuple[int, int]], body_start: int = 0) -> str:
    """The line of the first kept block, from its start (so a dateline skipped by the cleaner
    is still there); the text from `body_start` when no block was kept."""
    if not blocks:
        return text[body_start:].strip().split("\n", 1)[0]
    start, end = blocks[0]
    line_start = text.rfind("\n", 0, start) + 1
    return text[max(line_start, body_start) : end].strip()


def site_of(url: str | None) -> str | None:
    """The host of a web address, without "www."."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def place_of(dateline: re.Match[str] | None) -> str | None:
    """The place of a wire dateline, in title case ("MOSCOW" -> "Moscow")."""
    if dateline is None:
        return None
    place = dateline.group("place")
    if place in NOT_DATELINES or len(place) < 3:
        return None
    named = " ".join(
        w if "." in w else "/".join(part.capitalize() for part in w.split("/"))
        for w in place.split()
    )
    region = dateline.group("region")
    return f"{named}, {region}" if region else named


def first_words(line: str) -> str | None:
    """The article's first few words, cut before a clause break, with an ellipsis."""
    words = SPACE.split(line.strip().lstrip(OPENING_QUOTES))
    picked: list[str] = []
    for word in words[:FIRST_WORDS]:
        picked.append(word)
        if word[-1:] in ",;:.!?" and len(picked) >= MIN_FIRST_WORDS:
            break
    if not picked:
        return None
    shown = " ".join(picked).rstrip(",;:")
    return shown if len(picked) == len(words) else f"{shown} …"


def plausible_headline(title: str) -> bool:
    """Whether a title line reads as a headline, not a caption, credit, date or list item
    that a page put where its headline would be ("Photo: ... /Getty Images", "Published on
    Oct 19, 2015", "-- up to ...", a clip length "(2:04)", "Story highlights ...")."""
    text = " ".join(title.split())
    low, high = HEADLINE_WORDS
    if not text or not low <= len(WORD.findall(text)) <= high:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in OPENING_QUOTES):
        return False
    if text.endswith(")"):
        return False
    furniture = IMAGE_CREDIT.search(text) or PHOTO_SENTENCE.match(text) or TITLE_LABEL.match(text)
    if furniture or CALL_TO_ACTION.search(text) or MONTH_YEAR.search(text):
        return False
    return not page_title(text)


def page_title(text: str) -> bool:
    """Text of the page in a headline's place: a credit or byline, a command or request to
    the reader about the page ("Click image above ...", "Please enable Javascript ..."), a
    page count, an update stamp, a section label, a player's or share bar's words."""
    if any(p.match(text) for p in (TITLE_CREDIT, UI_COMMAND, PAGE_COUNT, UPDATE_STAMP)):
        return True
    if SECTION_LABEL.match(text) or CREDIT_LINE.match(text) or _byline(text):
        return True
    screen = any(w.casefold() in SCREEN_WORDS for w in WORD.findall(text))
    if screen and READER_REQUEST.search(text):
        return True
    return page_kind(text) is not None


def _byline(text: str) -> bool:
    """ "By Lynn Hulsey, Staff Writer", not "By Election Day, Turnout Could Hit Record"."""
    return bool(BYLINE.match(text) and BYLINE_ROLE.search(text))
