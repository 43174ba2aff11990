"""A source's citation label: who published the article, as a reader names it.

The label is the outlet or agency wherever the article's metadata or text gives it: its
outlet (front matter, the page's site name, an "AFP, Bergen :" line), the agency of its
dateline ("SEOUL (Reuters) -", "SEOUL, South Korea (AP) _"), a byline with an agency, its
closing lines (a sign-off "— Reuters", a Reuters-style "Reporting by ...; Editing by ...", a
credit to agencies "(AP, AFP, dpa)", a contributor line naming its outlet, a copyright line),
the web site of its URL, the domain of its writer's e-mail. Otherwise the label says plainly
that the outlet is unknown, and the sources list shows the article's headline or first words
as such. A dateline's place, a headline or a file name ("D01", "002_cd1ee09f8757831e") is
never taken for the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlparse

from synth.core import Source
from synth.lang.en import (
    AGENCY_BRACKETED,
    AGENCY_BYLINE,
    AGENCY_CONTRIBUTOR,
    AGENCY_CREDIT,
    AGENCY_LEAD,
    AGENCY_MENTION,
    AUTHOR_EMAIL,
    BYLINE,
    BYLINE_ROLE,
    CALL_TO_ACTION,
    CONTRIBUTOR_OUTLET,
    COPYRIGHT,
    CREDIT_LINE,
    DATELINE,
    DATELINE_LEAD,
    FREE_MAIL,
    IMAGE_CREDIT,
    MONTH_YEAR,
    NEWS_AGENCIES,
    PAGE_COUNT,
    PHOTO_SENTENCE,
    READER_REQUEST,
    REUTERS_CREDIT,
    SCREEN_WORDS,
    SECTION_LABEL,
    SIGN_OFF,
    TITLE_CREDIT,
    TITLE_LABEL,
    UI_COMMAND,
    UPDATE_STAMP,
    WORD,
)
from synth.read.clean import page_kind

UNKNOWN_OUTLET = "Unknown outlet"
FIRST_WORDS = 6
# Longer than any outlet or headline; a text without spaces (Chinese, Japanese) is cut sooner.
MAX_LABEL_CHARS = 120
MAX_WORD_CHARS = 40
MIN_FIRST_WORDS = 3
HEADLINE_WORDS = (2, 20)
OPENING_LINES = 6  # where a byline stands
CLOSING_LINES = 8  # where sign-offs, credits and copyright lines stand
OPENING_QUOTES = "\"“‘'"
SPACE = re.compile(r"\s+")


def citation_label(
    outlet: str | None,
    url: str | None,
    text: str,
    blocks: Sequence[tuple[int, int]],
    body_start: int = 0,
) -> str:
    """The outlet the metadata names, else the one the text credits, else the web site of the
    URL or of the writer's e-mail, else `UNKNOWN_OUTLET`."""
    for candidate in (outlet, credited_outlet(text, blocks, body_start), site_of(url)):
        if candidate and candidate.strip():
            return shortened(" ".join(candidate.split()))
    return email_site(text, body_start) or UNKNOWN_OUTLET


def credited_outlet(
    text: str, blocks: Sequence[tuple[int, int]], body_start: int = 0
) -> str | None:
    """The outlet or agencies the article's own lines credit: its dateline's agency, a byline
    with an agency, or its closing lines (from the last up)."""
    agency = dateline_agency(first_line(text, blocks, body_start))
    if agency:
        return agency
    lines = [line.strip() for line in text[body_start:].splitlines() if line.strip()]
    for line in lines[:OPENING_LINES]:
        byline = AGENCY_BYLINE.match(line)
        if byline:
            return agency_name(byline.group("agency"))
    for line in reversed(lines[-CLOSING_LINES:]):
        found = closing_credit(line)
        if found:
            return found
    return None


def dateline_agency(line: str) -> str | None:
    """The agency a wire dateline names: "SEOUL (Reuters) -", "Madrid (CNN) --"."""
    dateline = DATELINE.match(line) or AGENCY_LEAD.match(line)
    if dateline and dateline.group("agency"):
        return agency_name(dateline.group("agency"))
    lead = DATELINE_LEAD.match(line)
    bracketed = AGENCY_BRACKETED.search(lead.group()) if lead else None
    return agency_name(bracketed.group("agency")) if bracketed else None


def closing_credit(line: str) -> str | None:
    """The outlet or agencies one of an article's closing lines credits, or None."""
    if SIGN_OFF.match(line):
        return agency_name(SIGN_OFF.match(line).group("agency"))  # type: ignore[union-attr]
    if REUTERS_CREDIT.match(line):
        return "Reuters"
    credit = AGENCY_CREDIT.match(line)
    if credit:
        names = [agency_name(n) for n in AGENCY_MENTION.findall(credit.group("names"))]
        return ", ".join(dict.fromkeys(names))
    contributor = AGENCY_CONTRIBUTOR.match(line)
    if contributor:
        return agency_name(contributor.group("agency"))
    contributor = CONTRIBUTOR_OUTLET.match(line)
    if contributor:
        return agency_name(contributor.group("outlet"))
    holder = COPYRIGHT.match(line)
    if holder and not IMAGE_CREDIT.search(line):
        return agency_name(holder.group("holder").strip())
    return None


def agency_name(name: str) -> str:
    """An agency by the name readers know it by ("Associated Press" is "AP"); any other
    outlet's name as written."""
    return NEWS_AGENCIES.get(name, name)


def email_site(text: str, body_start: int = 0) -> str | None:
    """The domain of the writer's e-mail on one of the closing lines, unless a free mail
    service's."""
    lines = [line.strip() for line in text[body_start:].splitlines() if line.strip()]
    for line in reversed(lines[-CLOSING_LINES:]):
        found = AUTHOR_EMAIL.match(line)
        if found and found.group("domain").casefold() not in FREE_MAIL:
            return found.group("domain").casefold()
    return None


def named_outlet(source: Source) -> str | None:
    """The source's label where it names one outlet, else None (unknown, or several
    agencies that a compiled story credits)."""
    label = source.label
    return None if label == UNKNOWN_OUTLET or ", " in label else label


def opening_words(source: Source) -> str | None:
    """The article's first few words after its dateline, to show an article that has no
    headline."""
    line = first_line(source.text, source.blocks, source.body_start)
    dateline = DATELINE.match(line) or DATELINE_LEAD.match(line)
    return first_words(line[dateline.end() :] if dateline else line)


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
