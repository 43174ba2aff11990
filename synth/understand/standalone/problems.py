"""The kinds of problem that keep a sentence from being read alone, as one closed set.

People who labelled sentences (`tests/data/standalone*.jsonl`) used the first five kinds and
"other" for the rest; the judge names the rest by their reason. The pipeline only ever tells
a kind from None, and no kind is compared with a label. The kinds are kept on disk among the
parser's answers, whose fingerprint changes with the rule files, so answers written with an
older set of kinds are never read back.
"""

from __future__ import annotations

from typing import Literal, Protocol, get_args

Problem = Literal[
    # the labelled kinds
    "connective",  # "However, ..."
    "fragment",  # a piece of a sentence: lower-case start, no closing mark, no main verb
    "pronoun",  # "he", "it", "this", "we" with nothing in the sentence to stand for
    "definite_description",  # "the study", "a friend said": which one, or who?
    "quote",  # a quotation with no one named to say it
    # labelled "other"
    "page_text",  # words of the page around the story: a tweet, a label, a caption's "(left)"
    "imperative",  # the page's voice: "Sign up for alerts"
    "caption",  # a photo caption: a present-tense scene dated to the day
    "names_no_one",  # the writer's words name no one and nothing
    "bare_number",  # "Six arrived": six of what?
    "vague_determiner",  # "any surviving debris" as the subject of what happened
    "distributive",  # "each study": of a set named before
    "same_as_what",  # "the same amount" with no "as"
    "additive",  # "additional misconduct": more than what?
    "comparative",  # "a smaller delegation": smaller than what?
    "relative_time",  # "two hours earlier": earlier than what?
]

# Every kind, for checking an answer read back from disk.
PROBLEMS: frozenset[str] = frozenset(get_args(Problem))


class ProblemCheck(Protocol):
    """Why a text cannot stand alone, or None; `opening`: it is its article's first sentence.
    Any judge of the pipeline's (`synth.stages.StandaloneJudge`) will do, so its reason is
    any string: the parse judge's is a `Problem`."""

    def __call__(self, text: str, *, opening: bool = False) -> str | None: ...
