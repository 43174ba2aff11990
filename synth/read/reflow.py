"""Paragraphs of a text file, whether it is written a paragraph a line or hard-wrapped.

Newswire archives, mail exports and many `.txt` files break paragraphs into lines of about 70
characters. Judged line by line, every such line without closing punctuation looks like a
heading. So before the cleaner judges anything, hard-wrapped runs are joined back into their
paragraphs: the width a file is wrapped at is found from the lines themselves, and a line is
joined to the next when it ends mid-sentence near that width, or when the next line's first
word would not have fitted on it (what every greedy wrapper, textwrap included, does).

A paragraph is a range of the file as read: offsets still index the file, never a rewritten
copy. Its text for judging and for sentences is `flat_text`: whitespace runs become one space,
and a line broken inside a hyphenated word ("well-" / "known"), or inside a link too long for a
line where the rest opens with punctuation ("www.example" / ".com/page"), joins without one.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from synth.lang.en import DANGLING_WORDS, HEADLINESE_OMITS, SUSPENDED_HYPHEN, WEEKDAYS
from synth.read.split import paragraph_sentences

WHITESPACE = re.compile(r"\s+")
BREAKABLE = re.compile(r"[ \t]")  # where a wrapper may break a line: never a no-break space
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$|[\"”]$")
# A line broken inside a hyphenated word ("al-" / "Maadi") or at a dash between words ("said--"
# / "and", "said" / "--and"), as textwrap breaks them: the break stands for no space at all.
HYPHEN_BEFORE = re.compile(r"[^\W\d_]-$")
LETTER_AFTER = re.compile(r"^[^\W\d_]")
DASH_BEFORE = re.compile(r"\w--+$")
WORD_AFTER = re.compile(r"^\w")
DASH_AFTER = re.compile(r"^--+\w")
GLUED_AFTER = re.compile(r"^[.,;:%)\]}][\w/]")
BULLET = re.compile(r"^[*•·▪►-]\s*")
SENTENCE_OPENING = re.compile(r"^[\"“‘'(\[]*[A-Z0-9]")
OPENER = re.compile(r"^[*•·▪►]\s")  # a bullet; a hyphen at a line's start is as often a dash
WORD_START = re.compile(r"(?<!\S)[^\W\d_]")
RUNS_ON = re.compile(r"[a-z]|[.,;:!?%)\]}]")
LINK_END = re.compile(r"(?:https?://|www\.)\S+$", re.I)
LINK = re.compile(r"(?:https?://|www\.)\S*$", re.I)  # a line's last word, or what ends one
CODE_CHAR = re.compile(r"[/=&?%]|www\.")  # in a link or a query, rarely in a word of prose
DOTTED = re.compile(r"\w\.\w")  # a file name's or a host's dot: "ary.pdf", "ample.org"

MIN_WIDTH = 30  # narrower than this, a run of short lines is a list or a menu, not wrapping
MAX_WIDTH = 200
MIN_BREAKS = 2  # mid-sentence breaks at one width before a file counts as wrapped
MIN_SHARE = 0.5  # of all mid-sentence line ends
# Prose runs on in lower case after many breaks (or is all capitals); a list of headlines or
# links never does.
LOWER_SHARE = 0.2
TITLE_WORDS = 3
# A line ending mid-sentence this close to the wrap width, on either side, was wrapped there.
RAGGED_BAND = (0.8, 1.15)
HEADLINE_LINES = 6  # a title-case line this early is taken for a headline, never wrapped body
TITLE_SHARE = 0.75


@dataclass(frozen=True)
class Line:
    """A paragraph of the file: `text[start:end]` as read, and its flat text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RawLine:
    start: int  # first character that is not whitespace
    end: int  # after the last character that is not whitespace
    width: int  # columns up to `end`, indentation included
    indent: int
    first_word: int  # length of the first word
    follows: bool  # directly under the previous non-blank line (no blank line between)
    text: str


@dataclass(frozen=True)
class Layout:
    """How a hard-wrapped file is laid out: its width, its least indentation, whether a line
    indented past that starts a paragraph (wire copy), whether blank lines part paragraphs."""

    width: int
    base_indent: int
    indented_starts: bool
    blank_lines_part: bool


def paragraphs(
    text: str, body_start: int = 0, apart: Callable[[str], bool] | None = None
) -> list[Line]:
    """The non-blank paragraphs of `text[body_start:]`, hard-wrapped runs joined.

    A line for which `apart` holds (the cleaner's test for a line that is one whole item of
    page furniture, such as a credited caption) takes no line under it into its paragraph,
    when it opens a paragraph and the line under it opens one too: a piece of a wrapped
    paragraph can look like a date line or a bracketed note, and a line that goes on in lower
    case carries a sentence on. (It may still end one: a wrapper can leave a paragraph's
    bracketed last words alone.)
    """
    lines = raw_lines(text, body_start)
    alone = [bool(apart and apart(line.text)) for line in lines]
    layout = find_layout(lines)
    groups: list[list[RawLine]] = []
    for index, line in enumerate(lines):
        above = lines[index - 1]
        if (
            groups
            and not _kept_apart(groups[-1], alone[index - 1], line)
            and joins(above, index, line, layout)
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    if layout is not None and not layout.blank_lines_part and not layout.indented_starts:
        groups = [piece for group in groups for piece in split_at_sentences(text, group)]
    return [_paragraph(text, group) for group in groups]


def _kept_apart(group: list[RawLine], above_alone: bool, line: RawLine) -> bool:
    return above_alone and len(group) == 1 and not runs_on(line.text)


def joins(above: RawLine, index: int, below: RawLine, layout: Layout | None) -> bool:
    """`below` (line `index`) carries on `above`'s paragraph: by the file's layout where it
    has one, else only where the sentence plainly runs on."""
    if layout is None:
        return breaks_off(above, below)
    if heading_shaped(above, index - 1, below, layout):
        return False
    return continues(above, below, layout)


def breaks_off(above: RawLine, below: RawLine) -> bool:
    """In a text too short to show a wrap width, a line that a wrapper plainly broke in the
    middle of a sentence: it is not short, does not end a sentence, and either ends on a word
    no sentence ends on ("the", "of", "and") or on a comma, or has a line under it that goes
    on in lower case or with punctuation. The same text wrapped anywhere else, or not at all,
    reads the same."""
    if not below.follows or above.width < MIN_WIDTH or ends_sentence(above.text):
        return False
    last = above.text.rsplit(None, 1)[-1]
    return runs_on(below.text) or last in DANGLING_WORDS or above.text.endswith(",")


def runs_on(text: str) -> bool:
    """A line that cannot open a paragraph: it goes on in lower case, or opens with
    punctuation that only follows a word (a comma, a full stop, a closing bracket)."""
    return bool(RUNS_ON.match(text))


def raw_lines(text: str, body_start: int = 0) -> list[RawLine]:
    lines = []
    position = body_start
    follows = False
    for raw in text[body_start:].splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            indent = len(content) - len(content.lstrip())
            start = position + indent
            first = BREAKABLE.search(stripped)
            lines.append(
                RawLine(
                    start=start,
                    end=start + len(stripped),
                    width=indent + len(stripped),
                    indent=indent,
                    first_word=first.start() if first else len(stripped),
                    follows=follows,
                    text=stripped,
                )
            )
        follows = bool(stripped)
        position += len(raw)
    return lines


def wrap_width(lines: list[RawLine]) -> int | None:
    """The width the file is hard-wrapped at, or None when it is not.

    Every line that ends mid-sentence directly above another line votes for the widths it is
    consistent with: at least its own length, and short enough that the next line's first word
    would not have fitted. Of the widths with most votes, the widest line among them wins
    (the upper edge of the wrapped lines), if enough lines agree on it, enough of the lines
    under them go on in lower case, and some paragraph of three lines or more shows the width
    twice in a row (or, in a short text, every mid-sentence break agrees on the width, or
    every line under one goes on in lower case).
    """
    votes = [0] * (MAX_WIDTH + 2)
    voters = lower = 0
    for above, below in itertools.pairwise(lines):
        if not below.follows or ends_sentence(above.text) or above.width < MIN_WIDTH:
            continue
        voters += 1
        lower += below.text[:1].islower() or below.text.isupper()
        low, high = max(above.width, MIN_WIDTH), min(above.width + below.first_word, MAX_WIDTH)
        if low <= high:
            votes[low] += 1
            votes[high + 1] -= 1
    counts = list(itertools.accumulate(votes[: MAX_WIDTH + 1]))
    best_votes = max(counts)
    if best_votes < MIN_BREAKS or best_votes < MIN_SHARE * voters or lower < LOWER_SHARE * voters:
        return None
    low = counts.index(best_votes)
    high = low
    while high + 1 <= MAX_WIDTH and counts[high + 1] == best_votes:
        high += 1
    best = max((line.width for line in lines if low <= line.width <= high), default=low)
    agreed = lower == voters or best_votes == voters  # a short text: every break agrees
    return best if agreed or _has_run(lines, best) else None


def _has_run(lines: list[RawLine], width: int) -> bool:
    """Two wrapped breaks in a row: a paragraph of three lines or more wrapped at `width`."""
    return any(
        full(a, b, width) and full(b, c, width) and b.follows and c.follows
        for a, b, c in zip(lines, lines[1:], lines[2:], strict=False)
    )


def full(above: RawLine, below: RawLine, width: int) -> bool:
    """`above` was broken at `width`: it fits, and `below`'s first word would not have."""
    return above.width <= width < above.width + 1 + below.first_word


def find_layout(lines: list[RawLine]) -> Layout | None:
    """The file's layout, or None when it is not hard-wrapped."""
    width = wrap_width(lines)
    if width is None:
        return None
    base = min(line.indent for line in lines)
    pairs = [(a, b) for a, b in itertools.pairwise(lines) if b.follows]
    opening = sum(1 for a, b in pairs if full(a, b, width) and a.indent > base == b.indent)
    nested = sum(1 for a, b in pairs if full(a, b, width) and a.indent == b.indent > base)
    # what follows each paragraph's last line: a blank line (or the end), or the next line
    after_ends = [
        b for a, b in zip(lines, [*lines[1:], None], strict=True) if not _wraps(a, b, width)
    ]
    parted = sum(1 for b in after_ends if b is None or not b.follows)
    return Layout(
        width=width,
        base_indent=base,
        indented_starts=opening >= MIN_BREAKS and opening > nested,
        blank_lines_part=parted >= MIN_SHARE * len(after_ends),
    )


def _wraps(above: RawLine, below: RawLine | None, width: int) -> bool:
    return below is not None and below.follows and full(above, below, width)


def continues(above: RawLine, below: RawLine, layout: Layout) -> bool:
    """`below` carries on `above`'s paragraph: it sits directly under a line that is full at
    the file's width, and does not open a paragraph of its own.

    A paragraph opens with a bullet, or with an indented line where the file indents first
    lines (wire copy), or with a capital under a line that ends on a link (a list of links);
    a bullet's hanging indent opens nothing. (Where neither indents nor blank lines part
    paragraphs, `split_at_sentences` then parts a run at its sentence ends.)
    """
    wrapped = full(above, below, layout.width) or ragged(above, layout.width)
    if not below.follows or not wrapped or OPENER.match(below.text):
        return False
    if LINK_END.search(above.text) and below.text[:1].isupper():
        return False  # a list of links, one a line: prose goes on after a link in lower case
    if below.indent > above.indent and not BULLET.match(above.text):
        return False
    if layout.indented_starts:  # indents alone open paragraphs
        return below.indent <= layout.base_indent
    return True


def ragged(above: RawLine, width: int) -> bool:
    """`above` was broken by a wrapper that does not fill its lines (newswire archives wrap
    between about 65 and 75 columns): it ends mid-sentence within a few columns of the
    file's width, on either side. A line that stops well short of the width, or ends a
    sentence, is left to the other tests."""
    low, high = RAGGED_BAND
    return low * width <= above.width <= high * width and not ends_sentence(above.text)


def split_at_sentences(text: str, group: list[RawLine]) -> list[list[RawLine]]:
    """A run of full lines, in a file where neither indents nor blank lines part paragraphs,
    parted where a line ends a sentence and the next opens one, as the sentence splitter reads
    the whole run: a paragraph may have ended there, and parting there changes no sentence.
    (Read alone, a line's end can look like a sentence's where the run's open quotation or
    abbreviation carries the sentence on.)"""
    if not any(_may_part(a, b) for a, b in itertools.pairwise(group)):
        return [group]
    first = group[0].start
    starts = {start for start, _ in paragraph_sentences(flat_text(text[first : group[-1].end]))}
    pieces = [[group[0]]]
    for above, below in itertools.pairwise(group):
        # `above` ends a sentence, so the lines join with one space, never a soft break
        if _may_part(above, below) and len(flat_text(text[first : above.end])) + 1 in starts:
            pieces.append([below])
        else:
            pieces[-1].append(below)
    return pieces


def _may_part(above: RawLine, below: RawLine) -> bool:
    return ends_sentence(above.text) and bool(SENTENCE_OPENING.match(below.text))


def heading_shaped(line: RawLine, index: int, below: RawLine, layout: Layout) -> bool:
    """A headline above the story, not the start of a wrapped paragraph, even where it ends
    near the wrap width. Only where nothing else parts paragraphs (no blank lines, no
    indents): a title-case line among the first few, or a first line that ends on a
    capitalized word. The line under it must open with a capital; a lower-case one carries
    the sentence on. A line as wide as the wrapped lines that reads as a sentence (not
    headlinese) is their first line, whatever its capitals."""
    if index >= HEADLINE_LINES or ends_sentence(line.text) or not below.text[:1].isupper():
        return False
    if layout.blank_lines_part or layout.indented_starts:
        return False  # a headline there has its blank line or its indent
    if ragged(line, layout.width) and reads_as_sentence(line.text):
        return False  # the wrapped lines' first: "A panel accused the African National" / ...
    words = WORD_START.findall(line.text)
    capitalized = sum(1 for w in words if w[0].isupper())
    if len(words) >= TITLE_WORDS and capitalized >= TITLE_SHARE * len(words):
        return True
    return index == 0 and bool(words) and words[-1].isupper()


def reads_as_sentence(text: str) -> bool:
    """A line written as a sentence, not as a headline: it has a word headlines leave out
    (an article, "was"), names a weekday, or parts a clause with a comma."""
    words = text.split()
    if any(w in HEADLINESE_OMITS or w.strip(",") in WEEKDAYS for w in words):
        return True
    return any(w.endswith(",") and not w[:-1].replace(",", "").isdigit() for w in words[:-1])


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def _paragraph(text: str, group: list[RawLine]) -> Line:
    start, end = group[0].start, group[-1].end
    return Line(start, end, flat_text(text[start:end]))


@dataclass(frozen=True)
class Flat:
    """A raw text with whitespace flattened, and the way back to raw offsets."""

    text: str
    anchors: tuple[tuple[int, int], ...]  # (flat offset, raw offset) where each word run starts

    def raw(self, index: int) -> int:
        """The raw offset of flat character `index` (a start)."""
        flat, raw = self.anchors[bisect_right(self.anchors, (index, float("inf"))) - 1]
        return raw + index - flat

    def raw_end(self, index: int) -> int:
        """The raw offset just after flat character `index - 1` (an end)."""
        return self.raw(index - 1) + 1 if index > 0 else self.raw(0)


def flatten(raw: str) -> Flat:
    """`raw` with every whitespace run one space (none at a broken hyphenated word)."""
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = [(0, 0)]
    length = 0
    cursor = 0
    widest = max((len(line.rstrip()) for line in raw.splitlines()), default=0)
    for match in WHITESPACE.finditer(raw):
        pieces.append(raw[cursor : match.start()])
        length += match.start() - cursor
        joiner = "" if _soft_break(raw, match) or _cut_word(raw, match, widest) else " "
        pieces.append(joiner)
        length += len(joiner)
        cursor = match.end()
        anchors.append((length, cursor))
    pieces.append(raw[cursor:])
    return Flat("".join(pieces), tuple(anchors))


def flat_text(raw: str) -> str:
    """The text of a raw span as a reader sees it: one line, single spaces, trimmed."""
    if "\n" not in raw and "\r" not in raw and "- " not in raw:
        return " ".join(raw.split())
    return flatten(raw.strip()).text


def _soft_break(raw: str, match: re.Match[str]) -> bool:
    before, after = raw[max(match.start() - 3, 0) : match.start()], raw[match.end() :]
    if HYPHEN_BEFORE.search(before):
        # A word parted after its hyphen, by a line end or by a stray space ("ex- wife"): read
        # as one word either way, as a wrapper leaves no trace of which it was. A suspended
        # hyphen ("first- and second-degree") keeps its space.
        return bool(LETTER_AFTER.match(after)) and not SUSPENDED_HYPHEN.match(after)
    if "\n" not in match.group() and "\r" not in match.group():
        return False
    if DASH_BEFORE.search(before):
        return bool(WORD_AFTER.match(after))
    if GLUED_AFTER.match(after) and LINK.search(raw[max(match.start() - 200, 0) : match.start()]):
        return True  # a wrapper cut a link too long for a line: "www.example" / ".com/page"
    return bool(WORD_AFTER.match(before[-1:]) and DASH_AFTER.match(after))


def _cut_word(raw: str, match: re.Match[str], widest: int) -> bool:
    """A link (or a run of code) longer than a line, cut where the line is full
    ("...Executive%20S" / "ummary.pdf"), as textwrap does: the line ends at the paragraph's
    widest on a word with a link's characters in it, and that word with the next line's first
    would not fit on any line, and the next line opens on the rest of such a word. Words that
    fit are never cut, so no two words of prose join."""
    if "\n" not in match.group():
        return False
    line_start = raw.rfind("\n", 0, match.start()) + 1
    last = raw[line_start : match.start()].rsplit(None, 1)[-1:]
    following = raw[match.end() :].split(None, 1)[:1]
    if not last or not following or not CODE_CHAR.search(last[0]) or LINK.match(following[0]):
        return False
    rest = following[0]
    if not (CODE_CHAR.search(rest) or (rest[:1].islower() and DOTTED.search(rest))):
        return False  # the next line opens on a word of prose ("and"), not a link's rest
    full = len(raw[line_start : match.start()]) == widest
    return full and len(last[0]) + len(following[0]) > widest
