"""Headlines as a digest's index shows them: in normal case and short enough to scan.

A headline set in capitals ("NORWAY SAYS BERGEN FERRY STRIKE IS OVER") is recased to
sentence case, each word in the case its own articles write it in mid-sentence: a name stays
capitalized ("Bergen"), an acronym stays in capitals ("NATO"), any other word is lower case.
A headline longer than `INDEX_WORDS` words (and a little slack) is cut where a phrase ends
in its last third: after a comma, colon or dash if there is one, else before a preposition,
conjunction or clause opener, else at the limit; never on a function word, and marked with
an ellipsis. The story page keeps it whole.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from synth.lang.en import CLAUSE_BREAKS, COORDINATORS, FUNCTION_WORDS, PREPOSITIONS

INDEX_WORDS = 14
SLACK = 2  # a headline this many words over the limit is shown whole: a cut would save little
MIN_WORDS = 5
# A phrase ends before one of these; a cut never ends on one of them or on a function word.
BREAK_BEFORE = PREPOSITIONS | CLAUSE_BREAKS | COORDINATORS
ENDS_BADLY = BREAK_BEFORE | FUNCTION_WORDS
DASHES = frozenset(["-", "–", "—", "--"])
WORD = re.compile(r"[^\W\d_][\w'’.&-]*", re.UNICODE)
# A word opening a sentence or a quote is capitalized whatever it is: no evidence of its case.
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(]\s*|\n\s*)$")
# In a headline, a new start follows a colon, a question or exclamation mark or a dash.
HEADLINE_START = re.compile(r"(?:^|[:?!]\s*|\s[–—-]\s*)$")
TRAILING = ",;:–—-"


def shouting(text: str) -> bool:
    """At least two words of two or more letters, and every such word in capitals."""
    words = [w for w in WORD.findall(text) if sum(c.isalpha() for c in w) >= 2]
    return len(words) >= 2 and all(w.upper() == w for w in words)


def casing(texts: Iterable[str]) -> dict[str, str]:
    """For each word (by its lower-case form), the form the texts write it in most often:
    lower, Capitalized or UPPER; ties go to lower case. A word opening a sentence counts only
    in capitals (an acronym keeps them there, any other word is capitalized whatever it is),
    and a line set all in capitals does not count."""
    counts: dict[str, Counter[str]] = {}
    for text in texts:
        for line in text.splitlines():
            if shouting(line):
                continue
            for match in WORD.finditer(line):
                word = match.group().rstrip(".")
                shape = _shape(word)
                opening = SENTENCE_START.search(line[max(0, match.start() - 3) : match.start()])
                if shape != "upper" and opening:
                    continue
                counts.setdefault(word.lower(), Counter())[shape] += 1
    order = ("lower", "capital", "upper")
    return {
        key: max(order, key=lambda shape: (seen[shape], -order.index(shape)))
        for key, seen in counts.items()
    }


def _shape(word: str) -> str:
    if word.islower() or not any(c.isalpha() for c in word):
        return "lower"
    if word.isupper() and sum(c.isalpha() for c in word) >= 2:
        return "upper"
    return "capital" if word[:1].isupper() else "lower"


def recase(headline: str, shapes: dict[str, str]) -> str:
    """A headline in capitals in sentence case, its words shaped as `shapes` (`casing`) says;
    any other headline as it is."""
    if not shouting(headline):
        return headline
    pieces: list[str] = []
    last = 0
    for match in WORD.finditer(headline):
        word = match.group()
        before = headline[last : match.start()]
        start = not pieces or HEADLINE_START.search("".join(pieces) + before) is not None
        pieces.append(before + _shaped(word, shapes.get(word.rstrip(".").lower()), start))
        last = match.end()
    return "".join(pieces) + headline[last:]


def _shaped(word: str, shape: str | None, start: bool) -> str:
    if shape == "upper" or (word == "I"):
        return word
    lowered = word.lower()
    if shape == "capital" or start:
        return lowered[:1].upper() + lowered[1:]
    return lowered


def cut(headline: str, limit: int = INDEX_WORDS) -> str:
    """The headline, or its first phrases within `limit` words and an ellipsis."""
    words = headline.split()
    if len(words) <= limit + SLACK:
        return headline
    last_third = range(max(MIN_WORDS, limit * 2 // 3), limit + 1)
    marks = [i for i in last_third if words[i - 1].endswith((",", ";", ":")) or words[i] in DASHES]
    phrases = [i for i in last_third if _bare(words[i]) in BREAK_BEFORE]
    kept = words[: (marks or phrases or [limit])[-1]]
    while len(kept) > MIN_WORDS and (
        _bare(kept[-1]) in ENDS_BADLY or kept[-1] in DASHES or kept[-1].endswith(("'s", "’s"))
    ):
        kept.pop()
    return " ".join(kept).rstrip(TRAILING) + "\u00a0…"  # the ellipsis never alone on a line


def _bare(word: str) -> str:
    return word.strip("\"“”‘’'(),;:").lower()
