"""Quotation marks in the newswire styles: "..." “...” ``...'' '...' (synth.read.quotemarks)."""

from __future__ import annotations

import re

# Marks that open or close a quotation of the double family; any opener may be closed by any
# closer (wire copy often opens with `"` or ``` `` ``` and closes with `''`). Longest first.
DOUBLE_OPENERS = ("``", "‘‘", "“", '"')
DOUBLE_CLOSERS = ("''", "’’", "”", '"')

# A quotation inside one line, in any double style ("...", “...”, ``...''), or ‘...’.
QUOTED_TEXT = re.compile(r"(?:``|‘‘|[\"“])[^\"“”]*?(?:''|’’|[\"”])|‘[^‘’]*’")

# The single family ('...' and ‘...’), read only at word edges and for longer spans.
SINGLE_OPENERS = ("‘", "'")
SINGLE_CLOSERS = ("’", "'")

# Words that start with an apostrophe without opening a quote ('em, 'til, '90s).
ELISION = re.compile(r"(?:em|til|tis|twas|cause|bout|n|round|\d0s|\d\ds?)\b", re.I)

# A plural possessive ("workers' union"): an s, the mark, then a lower-case word.
PLURAL_POSSESSIVE = re.compile(r"s['’] [a-z]")

# Newswire's typewriter quotation marks, written typographically when text is read: ``...'' is
# “...” and `...' is ‘...’ (a straight ' closes what a backtick opened). `''` in an opener's
# place opens, as wire copy sometimes opens with the closing form (''Rangers'').
TYPEWRITER_OPEN = "``"
TYPEWRITER_CLOSE = "''"
TYPEWRITER_SINGLE = "`"

# A single quotation mark that opens (at a word's start) or closes (at a word's end) a quote;
# an apostrophe inside a word ("it’s") is neither. A plural possessive ("players’ union")
# counts as a close, which only makes an open quote harder to find.
SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))‘")
SINGLE_CLOSING = re.compile(r"’(?=$|[\s.,;:!?)\]—–-])")
