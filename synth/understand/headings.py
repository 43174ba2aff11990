"""Section headings that name a subtopic: a noun phrase from the section's own sentences.

KeyBERT-style: candidate noun phrases (`synth.understand.phrases`) are embedded with the
pipeline's embedder and scored by how close they come to their section's centre and how far
they stay from the other sections' centres. Headings are then chosen section by section by
maximal marginal relevance, so two sections never get headings that say the same thing, and
never two with the same head word. A heading has two to five words, no comma, and a common
noun for head, so it is never a list of keywords or only names; and it must fit the points it
stands over (`fits`): a heading lifted from one sentence, cut off its noun or naming someone
the points are not about is worse than none, and a section with no heading that fits has none.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from synth.lang.en import (
    AUXILIARIES,
    COORDINATORS,
    PHRASE_OPENERS,
    PREPOSITIONS,
    VAGUE_HEADS,
    stem,
    stop_words,
)
from synth.stages import Embedder
from synth.understand.embed import normalize_rows
from synth.understand.phrases import TOKENS, Phrase, attested_nouns, candidate_phrases

MIN_WORDS = 2
MAX_WORDS = 5
CANDIDATES_PER_SECTION = 16
# A heading's main words are in at least this many of the points it stands over.
MIN_SUPPORT = 2
# Candidates a section's heading is chosen from when they must fit its points: more, since
# most are left out.
FITTED_CANDIDATES = 64
OPENERS = PHRASE_OPENERS | PREPOSITIONS
GRAMMAR_WORDS = OPENERS | AUXILIARIES | COORDINATORS | stop_words()


@dataclass(frozen=True)
class Candidate:
    """A phrase of one section: its spelling, head, and how often the section uses it."""

    key: tuple[str, ...]
    text: str
    head: str
    weight: float
    derived: bool = False

    @property
    def names(self) -> int:
        """Capitalized words: names, which a subtopic's name mostly does without (the named
        actor of "White House reaction" is the point of it, and does not count)."""
        return 0 if self.derived else sum(1 for w in self.text.split() if w[:1].isupper())


@dataclass(frozen=True)
class HeadingNamer:
    """Weights of a heading's score: closeness to its own section, distance from the others,
    a small bonus for phrases the section repeats, and the diversity trade-off of MMR."""

    distinctness: float = 0.3
    frequency: float = 0.03
    diversity: float = 0.3
    names: float = 0.05
    length: float = 0.02

    def name(
        self,
        texts: Sequence[Sequence[tuple[str, float]]],
        centres: np.ndarray,
        embedder: Embedder,
        shown: Sequence[Sequence[str]] | None = None,
    ) -> list[str]:
        """One heading per section ("" where no phrase qualifies); `texts` are each section's
        sentences with weights, and `centres` the sections' unit-length centre vectors, in the
        same order. With `shown` (the texts of each section's points on the page), a heading
        must fit the points it stands over (`fits`), or the section has none."""
        pools = section_candidates(texts, FITTED_CANDIDATES if shown is not None else None)
        if shown is not None:
            every = [text for section in texts for text, _ in section]
            nouns = attested_nouns(every)
            pools = [
                [c for c in pool if fits(c, points, every, nouns)]
                for pool, points in zip(pools, shown, strict=True)
            ]
        phrases = sorted({c.text for pool in pools for c in pool})
        if not phrases:
            return [""] * len(texts)
        vectors = dict(zip(phrases, normalize_rows(embedder.encode(phrases)), strict=True))
        return self._choose(pools, centres, vectors)

    def _choose(
        self,
        pools: Sequence[Sequence[Candidate]],
        centres: np.ndarray,
        vectors: dict[str, np.ndarray],
    ) -> list[str]:
        """Section by section, the best-scoring candidate whose head word no earlier heading
        has, scored against the headings already chosen (maximal marginal relevance)."""
        headings: list[str] = []
        chosen: list[np.ndarray] = []
        heads: set[str] = set()
        for index, pool in enumerate(pools):
            others = np.delete(centres, index, axis=0)
            scored = [
                (self._score(c, vectors[c.text], centres[index], others, chosen), -n, c)
                for n, c in enumerate(pool)
                if c.head not in heads
            ]
            if not scored:
                headings.append("")
                continue
            best = max(scored, key=lambda t: t[:2])[2]
            headings.append(best.text[:1].upper() + best.text[1:])
            chosen.append(vectors[best.text])
            heads.add(best.head)
        return headings

    def _score(
        self,
        candidate: Candidate,
        vector: np.ndarray,
        centre: np.ndarray,
        others: np.ndarray,
        chosen: Sequence[np.ndarray],
    ) -> float:
        """Closeness to the section, less closeness to the nearest other section and to the
        nearest heading already chosen; a little for repeated use, less for names and length."""
        score = float(vector @ centre) + self.frequency * math.log1p(candidate.weight)
        score -= self.names * candidate.names + self.length * (len(candidate.key) - 2)
        if len(others):
            score -= self.distinctness * float(np.max(others @ vector))
        if chosen:
            score -= self.diversity * float(np.max(np.stack(chosen) @ vector))
        return score


def section_candidates(
    texts: Sequence[Sequence[tuple[str, float]]], limit: int | None = None
) -> list[list[Candidate]]:
    """Each section's heading candidates, most particular to it first.

    A phrase's weight is the summed weight of the section's sentences that use it; it is
    ranked by that weight against its weight in the other sections (a class-based TF-IDF).
    """
    nouns = attested_nouns(text for section in texts for text, _ in section)
    counts: list[Counter[tuple[str, ...]]] = []
    spellings: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    heads: dict[tuple[str, ...], str] = {}
    derived: dict[tuple[str, ...], bool] = {}
    for section in texts:
        found: Counter[tuple[str, ...]] = Counter()
        for text, weight in section:
            for key, phrase in dict(
                (phrase_key(p), p) for p in candidate_phrases(text) if good_shape(p, nouns)
            ).items():
                found[key] += max(weight, 1e-6)
                spellings[key][_spelling(phrase)] += 1
                heads[key] = stem(phrase.head_word.casefold())
                derived[key] = phrase.derived
        counts.append(found)
    total: Counter[tuple[str, ...]] = Counter()
    for found in counts:
        total.update(found)
    pools = []
    for found in counts:
        ranked = sorted(found, key=lambda k: (-(found[k] ** 2) / total[k], -len(k), " ".join(k)))[
            : limit or CANDIDATES_PER_SECTION
        ]
        pools.append(
            [Candidate(k, _commonest(spellings[k]), heads[k], found[k], derived[k]) for k in ranked]
        )
    return pools


def fits(candidate: Candidate, shown: Sequence[str], texts: Sequence[str], nouns: set[str]) -> bool:
    """Whether a heading names what the points under it are about, in words a reader knows.

    Each of its words (for a name's derived noun, "White House reaction", the name's) is in at
    least half of the points shown, and two of them (`support_needed`), and the phrase itself,
    its words together, in two of them (`said_in`; for a derived noun, the name doing it:
    `reacted_in`): a phrase lifted from one sentence ("Hotel
    fire" over one hotel among dance-hall points; "Post interview" where one point says "the
    Post interview" and another "The Washington Post"), or a person over points not about
    them, says nothing of the rest. It ends on a noun: a lower-case last
    word is used as a noun in the texts, a capitalized one is a name that ends a phrase there
    ("talks in Geneva"), not an adjective cut from its noun ("protests of Turkish [Kurds]").
    """
    told = [stems_of(text) for text in shown]
    need = support_needed(len(told))
    words = candidate.text.split()
    content = [stem(w.casefold()) for w in words if w.casefold() not in stop_words()]
    if candidate.derived:  # "White House reaction": the name is in the points, not the noun
        content = [stem(w.casefold()) for w in words if w[:1].isupper()]
    if any(sum(word in point for point in told) < need for word in content):
        return False
    if candidate.derived:  # the name doing what the noun says, in two of the points
        return reacted_in(candidate.key, shown) >= min(MIN_SUPPORT, len(shown))
    if said_in(candidate.key, shown) < min(MIN_SUPPORT, len(shown)):
        return False  # two words lifted from one sentence ("Post interview" of "the Post
        # interview"): the phrase names no subtopic the points share
    if cut_from_name(words, texts):
        return False
    last = words[-1]
    if last[:1].isupper():
        return ends_phrases(last, texts)
    return stem(last.casefold()) in nouns


def said_in(key: Sequence[str], shown: Sequence[str]) -> int:
    """How many of the texts use the phrase whose word stems are `key`, its words together
    and in order (a plural or another ending counts: "ferry strikes")."""
    count = 0
    for text in shown:
        stems = [stem(w.casefold()) for w in TOKENS.findall(text)]
        if any(
            tuple(stems[i : i + len(key)]) == tuple(key) for i in range(len(stems) - len(key) + 1)
        ):
            count += 1
    return count


def reacted_in(key: Sequence[str], shown: Sequence[str]) -> int:
    """How many of the texts have the name of a derived heading doing what its noun says
    ("the White House reacted" for "White House reaction"): "North Koreans demand" over
    points where North Koreans starve, and North Korea demanded elsewhere, names neither."""
    return sum(
        any(p.derived and phrase_key(p) == tuple(key) for p in candidate_phrases(text))
        for text in shown
    )


def cut_from_name(words: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether the phrase is always the end of one longer name in the texts: every time it
    is used, the same word stands before it ("star tick" of "lone star tick"), no article or
    preposition that would open it."""
    wanted = [w.casefold() for w in words]
    before = set()
    for text in texts:
        tokens = [t.casefold() for t in TOKENS.findall(text)]
        for index in range(1, len(tokens) - len(wanted) + 1):
            if tokens[index : index + len(wanted)] == wanted:
                before.add(tokens[index - 1])
    if len(before) != 1:
        return False
    word = next(iter(before))
    return word[:1].isalpha() and word not in stop_words() and word not in OPENERS


def support_needed(points: int) -> int:
    """How many of a section's shown points a heading's main words must be in: half of them,
    and at least two (all of a section of one)."""
    return min(points, max(MIN_SUPPORT, math.ceil(points / 2)))


def stems_of(text: str) -> set[str]:
    return {stem(w.casefold()) for w in TOKENS.findall(text) if w[:1].isalpha()}


def ends_phrases(word: str, texts: Sequence[str]) -> bool:
    """Whether a capitalized word is used in the texts as a name that ends a noun phrase, at
    least once: followed by a mark or a grammar word ("in Geneva.", "Ocalan, the leader", "Olsen
    said"), not always by another word of a phrase ("Turkish workers", "Yugoslav authorities":
    an adjective of a people, whose noun a heading must keep)."""
    for text in texts:
        tokens = TOKENS.findall(text)
        for index, token in enumerate(tokens):
            if token != word:
                continue
            following = tokens[index + 1] if index + 1 < len(tokens) else "."
            if not following[:1].isalnum() or following.casefold() in GRAMMAR_WORDS:
                return True
    return False


def good_shape(phrase: Phrase, nouns: set[str] | None = None) -> bool:
    """Two to five words, no digits, and for head a lower-case noun that says something
    (used as a noun in the texts, when `nouns` are given): a phrase that names a subtopic,
    not a name ("White House"), a role ("spokesman"), a vague word ("the statement") or a
    verb taken for a noun."""
    words = phrase.words
    head = phrase.head_word.casefold()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not phrase.head_word[:1].islower():
        return False
    if head.rsplit("-", 1)[-1] in VAGUE_HEADS or head in stop_words() or len(head) < 3:
        return False
    if head.endswith("ed") or any(ch.isdigit() for w in words for ch in w):
        return False
    if nouns is not None and not phrase.derived and stem(head) not in nouns:
        return False
    return words[-1].casefold() not in stop_words() and words[0].casefold() not in stop_words()


def phrase_key(phrase: Phrase) -> tuple[str, ...]:
    """Stems of the phrase's words: "talks in Geneva" and "Talks in Geneva" are one phrase."""
    return tuple(stem(w.casefold()) for w in phrase.words)


def _spelling(phrase: Phrase) -> str:
    """The phrase as written, its first word lower-cased when only the sentence start
    capitalized it."""
    words = list(phrase.words)
    if phrase.sentence_start and words[0][1:].islower():
        words[0] = words[0].lower()
    return " ".join(words)


def _commonest(spellings: Counter[str]) -> str:
    """The spelling used most, lower case preferred on a tie."""
    return min(spellings.items(), key=lambda kv: (-kv[1], kv[0].swapcase()))[0]


def section_centres(
    members: Sequence[Sequence[int]], vectors: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Unit-length weighted mean vector of each section's points."""
    rows = []
    for indexes in members:
        w = np.clip(weights[list(indexes)], 1e-6, None)[:, None]
        rows.append((vectors[list(indexes)] * w).sum(axis=0))
    return normalize_rows(np.vstack(rows))
