"""Text as a reader sees it in print, with the way back to the file as read.

Plain text often carries what a page or a typewriter left in it: HTML character references
("AT&amp;T", "&#8220;Yes&#8221;") and newswire's typewriter quotation marks (``...''). A
briefing quotes sentences as they are, so these are written as the characters they stand for
when an article is read, before anything else looks at it: every later offset (blocks,
sentences, evidence) indexes this readable text. `Readable.offset` maps an offset of the text
as decoded from the file to the readable text, for data labelled against the file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from synth.read.quotemarks import typographic_marks

# A complete HTML character reference: named, decimal or hexadecimal, ending in ";".
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# The C1 control characters, U+0080 to U+009F: no text means them; they are Windows-1252's
# punctuation (dashes, curly quotes, ellipsis) decoded as Latin-1 somewhere upstream.
C1_CONTROL = re.compile("[\x80-\x9f]")
# Spaces a page left before a comma or full stop where it took a link or markup out
# ("said Joe Biden , who" "in The Washington Post ."): no writer puts them there.
# Newswire's typewriter dash: an underscore between spaces ("the debris of battle _ stones,
# tear gas canisters _ flaps"; "SEOUL (AP) _ The ..."), printed as a dash.
TYPEWRITER_DASH = re.compile(r"(?<=\S)\s(_)\s(?=\S)")  # a wrapped line may end on it
# Newswire's typewriter fractions: "2 1-2" is two and a half ("a 2 1-2-year-old").
TYPEWRITER_FRACTION = re.compile(r"(?<=\b\d)( )(1-2|1-4|3-4|1-3|2-3)\b(?!-\d)")
FRACTIONS = {"1-2": "½", "1-4": "¼", "3-4": "¾", "1-3": "⅓", "2-3": "⅔"}
SPACE_BEFORE_MARK = re.compile(r"(?<=[\w”’)]) +(?=[,.;:!?](?:\s|$))")

Edit = tuple[int, int, str]  # text[start:end] is written as the string


@dataclass(frozen=True)
class Readable:
    """The readable text, and the edits that made it from the text as decoded from the file
    (start and end there, and what was written instead), in order."""

    text: str
    edits: tuple[Edit, ...] = ()

    def offset(self, original: int) -> int:
        """Where an offset of the original text lands in the readable text: an offset inside
        an edited span lands at the start of what replaced it."""
        shift = 0
        for start, end, new in self.edits:
            if original < end:
                return start + shift if original > start else original + shift
            shift += len(new) - (end - start)
        return original + shift


def readable(text: str) -> Readable:
    """`text` with HTML character references decoded, C1 controls read as Windows-1252,
    stray spaces before punctuation out, newswire's " _ " dash a dash, its "2 1-2" a "2½",
    and typewriter
    quotation marks made typographic (see
    `entity_edits`, `windows_1252_edits`, `stray_space_edits` and
    `synth.read.quotemarks.typographic_marks`)."""
    edits = entity_edits(text) + windows_1252_edits(text) + stray_space_edits(text)
    edits += [(m.start(1), m.end(1), "—") for m in TYPEWRITER_DASH.finditer(text)]
    edits += [
        (m.start(1), m.end(2), FRACTIONS[m.group(2)]) for m in TYPEWRITER_FRACTION.finditer(text)
    ]
    first = _apply(text, sorted(edits))
    second = _apply(first.text, typographic_marks(first.text))
    return Readable(second.text, _compose(first.edits, second.edits))


def readable_text(text: str) -> str:
    """The readable text alone."""
    return readable(text).text


def entity_edits(text: str) -> list[Edit]:
    """The HTML character references in `text`, each with the character it stands for, as a
    browser shows it. Only complete references that HTML defines are read ("AT&T;" stays);
    one that stands for a control character or a surrogate stays as written, and a line break
    or tab ("&#13;" at a scraped line's end) is a space, so references never change lines."""
    if "&" not in text:
        return []
    edits = []
    for match in ENTITY.finditer(text):
        reference = match.group()
        char = html.unescape(reference)
        if char == reference or not char or any(_invisible(c) for c in char):
            continue
        edits.append((match.start(), match.end(), " " if char in "\t\n\r" else char))
    return edits


def windows_1252_edits(text: str) -> list[Edit]:
    """Each C1 control character as the Windows-1252 character of the same byte ("\x97" is
    "—", "\x92" is "’"), which is what the writer typed; one that Windows-1252 leaves
    undefined is a space."""
    edits = []
    for match in C1_CONTROL.finditer(text):
        try:
            char = bytes([ord(match.group())]).decode("cp1252")
        except UnicodeDecodeError:
            char = " "
        edits.append((match.start(), match.end(), char))
    return edits


def stray_space_edits(text: str) -> list[Edit]:
    """The spaces before a comma, full stop or other closing mark, taken out."""
    return [(m.start(), m.end(), "") for m in SPACE_BEFORE_MARK.finditer(text)]


def _invisible(char: str) -> bool:
    """A control character (other than whitespace), a surrogate or the replacement character."""
    code = ord(char)
    control = (code < 0x20 and char not in "\t\n\r") or 0x7F <= code <= 0x9F
    return control or 0xD800 <= code <= 0xDFFF or char == "\ufffd"


def _apply(text: str, edits: list[Edit]) -> Readable:
    if not edits:
        return Readable(text)
    pieces, cursor = [], 0
    for start, end, new in edits:
        pieces += [text[cursor:start], new]
        cursor = end
    pieces.append(text[cursor:])
    return Readable("".join(pieces), tuple(edits))


def _compose(first: tuple[Edit, ...], second: tuple[Edit, ...]) -> tuple[Edit, ...]:
    """The edits of two passes as edits of the original text: a second-pass edit covers the
    original span its ends map back to, and takes in the first-pass edits inside it."""
    if not first or not second:
        return first or second
    mapped = [(_back(first, s, False), _back(first, e, True), new) for s, e, new in second]
    kept = [
        (s, e, new)
        for s, e, new in first
        if not any(start < e and s < end for start, end, _ in mapped)
    ]
    return tuple(sorted(kept + mapped))


def _back(edits: tuple[Edit, ...], offset: int, is_end: bool) -> int:
    """The original offset of an offset of the edited text; one inside what an edit wrote
    maps to that edit's start (or, for the end of a span, its end)."""
    shift = 0
    for start, end, new in edits:
        written_start, written_end = start + shift, start + shift + len(new)
        if offset < written_start or (offset == written_start and is_end):
            break
        if offset < written_end or (is_end and offset == written_end):
            return end if is_end else start
        shift += len(new) - (end - start)
    return offset - shift
