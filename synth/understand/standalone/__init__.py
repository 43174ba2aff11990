"""Make sure a sentence can stand on its own once lifted out of its article.

A reader of a briefing sees each point without the article around it, so a sentence is kept
out when it leans on what came before: an opening connective ("However,"), a pronoun whose
referent lies in an earlier sentence ("It now holds ...", "..., he said"), a definite
description of something it never names ("The study found ...", "said the decision ..."), an
unnamed speaker ("A friend said"), first or second person outside quotes, a quotation with no
one named to say it, or a fragment (lower-case start, ellipsis, no closing punctuation). Text
of the page rather than the story (a quoted tweet, a reference list, a glued heading, a
label, a photo caption) and words that point back ("additional", "the same", "each study",
"by that time") keep a sentence out too. Only
one repair is made, the way journalists do it: an opening "He said" whose speaker is named
just before becomes "[Olsen] said". The rules are strict on purpose: a point dropped costs
less than a point that cannot be understood.

The package reads in that order: `rules` (the sentence rules, regular expressions on the
text), `shape` (whether a point's text reads as a sentence at all), `checks` (what the
dependency parse shows), `judge` (the judge that asks the rules, then the parse, and keeps
its answers) and `confirm` (which points a briefing may show). `problems` names the kinds
of problem the judge can report.
"""

from synth.understand.standalone.confirm import JUDGED_SHARE, confirm_standalone
from synth.understand.standalone.judge import ParsedJudge
from synth.understand.standalone.problems import Problem, ProblemCheck
from synth.understand.standalone.rules import (
    drop_connective,
    find_speaker,
    last_named_speaker,
    repair,
    standalone_problem,
    without_edits,
)
from synth.understand.standalone.shape import has_verb, shape_problem

__all__ = [
    "JUDGED_SHARE",
    "ParsedJudge",
    "Problem",
    "ProblemCheck",
    "confirm_standalone",
    "drop_connective",
    "find_speaker",
    "has_verb",
    "last_named_speaker",
    "repair",
    "shape_problem",
    "standalone_problem",
    "without_edits",
]
