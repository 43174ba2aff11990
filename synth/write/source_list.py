"""The Markdown briefing's list of sources: one line per source a reader can name, and one
line for all the rest.

A reader uses the sources list to know who said what. A line per article whose outlet the
text never gives ("Unknown outlet — first words ...", ten of them for a newswire archive)
tells the reader nothing and is read as junk, so those articles share one line that says so
plainly and gives each one's file, where a reader can open it. An article of unknown outlet
that has a headline keeps its own line, led by that headline (a reader can find the story by
it). Inputs that were not read (pages that are not articles) are not sources of the briefing:
the command line names them on stderr and JSON and HTML keep them. HTML keeps one entry per
source, since its citations link to them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from synth.core import Source
from synth.read.label import UNKNOWN_OUTLET, opening_words, plausible_headline

# The shared line of articles without a named outlet or a headline.
UNNAMED_ONE = "outlet not named in the article"
UNNAMED_MANY = "outlets not named in the articles"


@dataclass(frozen=True)
class SourceLine:
    """One line of the sources list, as parts the template escapes: the sources it stands
    for, a bold name (may be empty), the note after it (before, text, after), the date, the
    URL, the files, and the other sources that ran the same wire copy."""

    ids: tuple[int, ...]
    name: str
    note: tuple[str, str, str] | None
    published: str
    url: str
    paths: tuple[str, ...]
    folder: str
    copies: tuple[int, ...]


def source_lines(
    sources: Sequence[Source], copies: Mapping[int, Sequence[int]]
) -> list[SourceLine]:
    """The sources list of a Markdown briefing, in source order, the unnamed ones last."""
    read = [s for s in sources if not s.skipped]
    lines = [_own_line(s, copies) for s in read if _named_or_headed(s)]
    unnamed = [s for s in read if not _named_or_headed(s)]
    if len(unnamed) == 1:
        lines.append(_own_line(unnamed[0], copies))
    elif unnamed:
        lines.append(_shared_line(unnamed))
    return lines


def _named_or_headed(source: Source) -> bool:
    """Whether the source gets a line of its own: its outlet is known, or it has a headline
    a reader can find it by."""
    return source.label != UNKNOWN_OUTLET or _headline(source) is not None


def _headline(source: Source) -> str | None:
    title = source.title
    if title and title != source.label and plausible_headline(title):
        return title
    return None


def _own_line(source: Source, copies: Mapping[int, Sequence[int]]) -> SourceLine:
    unnamed = source.label == UNKNOWN_OUTLET
    return SourceLine(
        ids=(source.id,),
        name="" if unnamed else source.label,
        note=_note(source, unnamed),
        published=source.published or "",
        url=source.url or "",
        paths=(source.path,),
        folder="",
        copies=tuple(copies.get(source.id, ())),
    )


def _note(source: Source, unnamed: bool) -> tuple[str, str, str] | None:
    """What follows the outlet's name: the headline, else the first words; for an unnamed
    outlet, that it is not named."""
    after = f" ({UNNAMED_ONE})" if unnamed else ""
    headline = _headline(source)
    if headline is not None:
        return ("“", headline, "”" + after)
    words = opening_words(source)
    if words:
        return ("first words “", words, "”" + after)
    return ("", UNNAMED_ONE, "") if unnamed else None


def _shared_line(sources: Sequence[Source]) -> SourceLine:
    """One line for several articles: the files, their common folder said once."""
    paths = [s.path for s in sources]
    folder = _common_folder(paths)
    shown = tuple(posixpath.relpath(p, folder) for p in paths) if folder else tuple(paths)
    return SourceLine(
        ids=tuple(s.id for s in sources),
        name="",
        note=("", UNNAMED_MANY, ""),
        published="",
        url="",
        paths=shown,
        folder=folder,
        copies=(),
    )


def _common_folder(paths: Sequence[str]) -> str:
    """The folder (ending in "/") that holds all the paths, or "" where they share none."""
    if any("/" not in p or "://" in p for p in paths):
        return ""
    try:
        folder = posixpath.commonpath([posixpath.dirname(p) or "." for p in paths])
    except ValueError:  # absolute and relative paths mixed
        return ""
    return folder + "/" if folder and folder != "." and folder != "/" else ""


def cite_runs(source_ids: Sequence[int]) -> str:
    """Citation marks with a run of three or more consecutive sources as one range:
    "[1]–[10]", "[2][3]", "[1]–[4][7]"."""
    marks, start = [], 0
    ids = list(source_ids)
    while start < len(ids):
        end = start
        while end + 1 < len(ids) and ids[end + 1] == ids[end] + 1:
            end += 1
        if end - start >= 2:
            marks.append(f"[{ids[start]}]–[{ids[end]}]")
        else:
            marks.extend(f"[{i}]" for i in ids[start : end + 1])
        start = end + 1
    return "".join(marks)
