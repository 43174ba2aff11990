"""Headlines built from a sentence: where the title writer (synth.write.headline) cuts a
sentence, and the grammar words it keeps whole.
"""

from __future__ import annotations

import re

from synth.lang.en.dates import MONTH_PATTERN

# Words that open a dependent clause or a second one: a headline stops before them.
# fmt: off
CLAUSE_BREAKS = frozenset("""
after although amid as because before but despite following since though until when where
whereas which while who whom whose
""".split())
# fmt: on

# A determiner opening a text ("the Associated Press").
OPENING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)

# An opening adverbial before the subject: "In Washington, ", "On Thursday, ", "On Sept. 5,
# 1896, ".
OPENING_ADVERBIAL = re.compile(
    r"^(?:in|on|at|from|after|before|during|earlier|later|meanwhile|separately|immediately"
    r"|overnight|last|this)\b[^,]{0,50},(?:\s+\d{4},)?\s+",
    re.I,
)
# A page's time stamp before a dash, opening a sentence: "Noon, April 17 - ", "May 3 -- ".
STAMP_LEAD = re.compile(
    rf"^(?:[A-Z][a-z]+,?\s+)?{MONTH_PATTERN}\s+\d{{1,2}}(?:,?\s+\d{{4}})?\s*(?:-{{1,2}}|–|—)\s+"
)
# Amounts that say nothing without what they are of: a headline never ends on one ("will
# forfeit much") nor opens on one as its subject ("Much can be known").
VAGUE_AMOUNTS = frozenset(["much", "more", "less", "little", "lot"])
# Words that speak to the reader: a line with them is the page's ("Add a location to your
# posts"), not a headline of the news.
SECOND_PERSON = re.compile(r"\b[Yy]ou(?:rs?|'\w+|’\w+)?\b")
# A quotation that a colon opens at the end of a sentence: the writer's words stop before it
# ("Olsen wrote in her diary: “Today is the day.”").
QUOTE_AFTER_COLON = re.compile(r"\s*:\s*[“\"‘'][^“\"‘']*[.!?]?[”\"’']?\s*$")


# ==== Grammar words the title writer keeps or cuts on

# Prepositions that say which thing a noun is ("the number of ferries"): never cut.
NAMING_LINKS = frozenset(["of"])
# Small words inside a name ("Institute of Public Health", "Doctors Without Borders").
NAME_LINKS = frozenset(["of", "for", "and", "on"])
# Words whose phrase is whole or nothing ("between $1.8 million and $7 million").
PAIRED = frozenset(["between"])
# Subordinators that tell when or why ("after it admitted ..."), not whose claim ("as").
EVENT_MARKERS = frozenset(
    ["after", "before", "when", "because", "since", "if", "while", "although", "until", "once"]
)
# Words after a surname that are not one ("Trump Jr.", "King III").
NAME_SUFFIXES = frozenset(["Jr", "Sr", "II", "III", "IV"])
# Subjects that name no one ("Many said").
QUANTIFIERS = frozenset(["many", "some", "others", "several", "few", "most", "all", "both"])

# Words headlines leave out ("Storm closes port", not "A storm closed the port on Friday"):
# a line that has one of them, or names a weekday, reads as a story's first sentence.
HEADLINESE_OMITS = frozenset(["a", "an", "the", "was", "were"])
