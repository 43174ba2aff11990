"""synth's own outputs, recognised when they turn up among the inputs.

A briefing written into the folder it briefs (`synth brief DIR -o DIR/briefing.md`) or a digest
folder inside a feed folder would otherwise be read back as articles by the next run: the
briefing as one more source, its JSON as hundreds of bad records. Each output says it is
synth's: the HTML pages carry `<meta name="generator" content="synth">`, a Markdown briefing
ends with its sources list (each line "- [n] ..." with the article's file or address in a
code span; earlier versions ended with `MARKDOWN_MARK`, a comment that a reader in a terminal
sees as junk), the JSON forms are recognised by their keys, and a digest folder holds its
list of files, `DIGEST_MANIFEST`. Such inputs are left out with a note, never
reported as problems: a run that reads its own earlier output still ends with exit 0.
"""

from __future__ import annotations

import json
import os
import re

from synth.core import InputError

DIGEST_MANIFEST = ".synth-digest"
MARKDOWN_MARK = "<!-- written by synth -->"
SOURCES_HEADING = "## Sources"
# One line of a Markdown briefing's sources list: citation marks, then text that ends with
# the file(s) in code spans, or with the wire copies it shares.
SOURCE_LINE = re.compile(r"- \[\d+\](?:–?\[\d+\])* .*`[^`]+`(?:\)|, .*)?(?: — .*)?")
# How a Markdown briefing opens: its title, or a digest page's link back to the index.
MARKDOWN_OPENING = re.compile(r"# \S|\[← ")
HTML_MARK = re.compile(r"<meta\s+name=[\"']generator[\"']\s+content=[\"']synth[\"']", re.I)
# Keys that together only synth's own JSON holds: a briefing, and a digest's index.
BRIEFING_KEYS = frozenset(["title", "sources", "lede", "sections", "differences"])
INDEX_KEYS = frozenset(["title", "stories", "alone", "skipped"])
# Bytes of a file's start and end read to recognise it.
SNIFF_BYTES = 4096


class OwnOutput(InputError):
    """An input that is one of synth's own outputs: left out, with a note."""


def own_output(text: str) -> str | None:
    """What output of synth's `text` is ("a briefing synth wrote"), or None."""
    head, tail = text[:SNIFF_BYTES], text[-SNIFF_BYTES:]
    if tail.rstrip().endswith(MARKDOWN_MARK) or HTML_MARK.search(head):
        return "a briefing synth wrote"
    if _markdown_briefing(head, tail, whole=len(text) <= SNIFF_BYTES):
        return "a briefing synth wrote"
    stripped = head.lstrip()
    if stripped.startswith("{") and ('"sources"' in head or '"stories"' in head):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return None
        if isinstance(data, dict) and data.keys() >= BRIEFING_KEYS:
            return "a briefing synth wrote"
        if isinstance(data, dict) and data.keys() >= INDEX_KEYS:
            return "a digest index synth wrote"
    return None


def _markdown_briefing(head: str, tail: str, whole: bool) -> bool:
    """Whether text opening with `head` and ending with `tail` is a Markdown briefing: it
    opens with a title and ends with a sources list (after "## Sources", or, where the
    heading is further back than `tail` reaches, every whole line of `tail`)."""
    if not MARKDOWN_OPENING.match(head.lstrip("\ufeff")):
        return False
    lines = tail.rstrip().splitlines()
    headings = [k for k, line in enumerate(lines) if line.strip() == SOURCES_HEADING]
    if headings:
        listed = lines[headings[-1] + 1 :]
    elif whole:
        return False
    else:
        listed = lines[1:]  # the first line may be cut
    listed = [line for line in listed if line.strip()]
    return bool(listed) and all(SOURCE_LINE.fullmatch(line) for line in listed)


def own_output_file(path: str) -> bool:
    """Whether the file at `path` is one of synth's outputs, from its first and last bytes
    (a JSON form is read whole only when it opens like one)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
            size = os.fstat(handle.fileno()).st_size
            if head.lstrip().startswith(b"{") and size <= 64 * 1024 * 1024:
                head += handle.read()
                return own_output(head.decode("utf-8", "replace")) is not None
            handle.seek(max(size - SNIFF_BYTES, len(head)))
            tail = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    return own_output((head + b"\n" + tail).decode("utf-8", "replace")) is not None


def digest_folder(folder: str) -> bool:
    """Whether `folder` is a digest's output folder (it holds synth digest's list of files)."""
    return os.path.isfile(os.path.join(folder, DIGEST_MANIFEST))
