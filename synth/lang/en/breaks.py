"""Where a line or a sentence breaks: hard-wrapped lines (synth.read.reflow) and the
sentence splitter's cuts after a name suffix (synth.read.split).
"""

from __future__ import annotations

import re

# ==== Hard-wrapped lines

# Words a sentence does not end on: a line that ends on one, lower case, breaks a sentence off
# mid-way, however the file is laid out.
# fmt: off
DANGLING_WORDS = frozenset("""
a an the and or but nor of from into onto than with without between among amid despite during
via for to at by in on whose its their our my your his every each
""".split())
# fmt: on

# What a suspended hyphen's word is followed by ("first- and second-degree", "pre- or
# post-war", "mid- to late 1990s"): a line broken after such a hyphen keeps its space.
SUSPENDED_HYPHEN = re.compile(r"^(?:and|or|nor|to)\s")


# ==== Sentence splits after a name suffix

# A name suffix that ends one piece of a split ("... near Martin Luther King Jr.") and the
# words that show the name goes on as the name of a place or a day ("Way South", "Day"): the
# splitter's cut is wrong there and the pieces are one sentence.
NAME_SUFFIX_END = re.compile(r"\b(?:Jr|Sr)\.$")
# fmt: off
NAMED_AFTER_SUFFIX = frozenset("""
airport ave avenue blvd boulevard bridge building center centre day drive elementary hall high
highway hospital international library memorial park parkway plaza rd road school square st
stadium street way
""".split())
# fmt: on


# ==== A footnote's number between two sentences

# "... than any other Book.” 1 The Book of Mormon ...", "... was signed.12 The council ...": a
# web page's footnote number after a sentence's end (a closing quote, or a letter's full stop
# with the number glued on), and a capital after it; the number is no part of either sentence.
# "on Dec. 3 The" has no closing quote and a space before the number: no footnote.
FOOTNOTE_BETWEEN = re.compile(
    r"(?:[.!?][\"”’]|(?<=[a-z])[.!?](?=\d))\s*(?P<mark>\d{1,2})\s+(?=[A-Z])"
)
