"""Score points for importance and choose them in order, with novelty against what is chosen.

A point's importance blends how central it is to the whole story, how many outlets carried it,
and how early its outlets put it (journalists lead with what matters). Selection is maximal
marginal relevance: each next point is the most important one that is not already said.
Every tie is broken by point id, so equal floats never reorder output.

The briefing opens on the event (`Ranker.event`): news is written as an inverted pyramid, an
article's first sentence or two state what happened, so the point a briefing opens with is
the article lead that the leads of the most independent reports say again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from synth.core import Point, Sentence
from synth.lang.en import (
    INTRODUCED_TEXT,
    NEWS_DAY,
    QUANTIFIERS,
    QUOTED_TEXT,
    VAGUE_AMOUNTS,
    YEAR_OPENING,
)
from synth.understand.distinct import distinct
from synth.understand.embed import normalize_rows
from synth.understand.standalone.shape import shape_problem

FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b")
YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Ranker:
    """Weights of the importance score and the novelty trade-off of the selection."""

    centrality_weight: float = 0.45
    coverage_weight: float = 0.35
    position_weight: float = 0.20
    position_decay: float = 6.0
    novelty: float = 0.10
    duplicate_similarity: float = 0.75
    same_figure_similarity: float = 0.30
    # A point shorter than this is a fragment, longer a run-on paragraph: neither is shown.
    min_point_words: int = 8
    max_point_words: int = 60
    # An article's lead: its first sentences, which state the event (the inverted pyramid).
    lead_sentences: int = 3
    # What an article's second sentence gives up to its first in lead support, and what a
    # lead that says when it happened (a weekday, "yesterday") gains: news is dated,
    # background is not.
    lead_step: float = 0.03
    dated_bonus: float = 0.1

    def scores(
        self,
        points: Sequence[Point],
        point_vectors: np.ndarray,
        sentences: Sequence[Sentence],
        sentence_vectors: np.ndarray,
        report_of: Mapping[int, int],
    ) -> np.ndarray:
        """Importance of every point, in point order.

        Coverage counts independent reports: two outlets running the same wire copy are one.
        """
        centre = story_centre(sentences, sentence_vectors)
        centrality = point_vectors @ centre if len(points) else np.zeros(0)
        reports = max(len(set(report_of.values())), 1)
        coverage = np.array([len({report_of[s] for s in p.sources}) / reports for p in points])
        position = np.array(
            [lead_weight(earliest_position(p, sentences), self.position_decay) for p in points]
        )
        return (
            self.centrality_weight * centrality
            + self.coverage_weight * coverage
            + self.position_weight * position
        )

    def eligible(self, point: Point) -> bool:
        """Only points that stand on their own and read as a full sentence are shown: of a
        sensible length, opening and closing as a sentence does, with a verb."""
        words = len(point.text.split())
        if not point.standalone or not self.min_point_words <= words <= self.max_point_words:
            return False
        return shape_problem(point.text) is None

    def events(
        self,
        points: Sequence[Point],
        point_vectors: np.ndarray,
        sentences: Sequence[Sentence],
        sentence_vectors: np.ndarray,
        report_of: Mapping[int, int],
        scores: np.ndarray,
    ) -> list[int]:
        """The points that may state what happened, most likely first: the showable points
        told by an article's lead (`lead_sentences`), by how far the leads of the independent
        reports say them again (`lead_support`), an article's first sentence a little before
        its second (`lead_step`), one dated in the writer's words before one that is not
        (`dated_bonus`, `dated`: "Today is the day" in a quote dates nothing, "In 1991, ..."
        is history), ties to the more important; none whose subject is a bare amount
        (`vague_opening`), nor one that presents a text after a colon (`INTRODUCED_TEXT`:
        "Following are excerpts from the report: ...", "The Herald said in an editorial:
        ..."), which tells what a document says, not what happened."""
        leads = [
            i
            for i, p in enumerate(points)
            if self.eligible(p)
            and earliest_position(p, sentences) < self.lead_sentences
            and not vague_opening(p.text)
            and not INTRODUCED_TEXT.match(p.text)
        ]
        if not leads:
            return []
        support = lead_support(
            point_vectors[leads], sentences, sentence_vectors, report_of, self.lead_sentences
        )
        keys = {
            i: float(s)
            - self.lead_step * earliest_position(points[i], sentences)
            + self.dated_bonus * dated(points[i].text)
            for s, i in zip(support, leads, strict=True)
        }
        return sorted(leads, key=lambda i: (-keys[i], -float(scores[i]), i))

    def select(
        self,
        points: Sequence[Point],
        point_vectors: np.ndarray,
        scores: np.ndarray,
        budget_words: int | None,
        sentence_vectors: np.ndarray | None = None,
        first: Sequence[int] = (),
    ) -> list[int]:
        """Point indexes in rank order, within the word budget, skipping near-duplicates;
        the showable points of `first` (the event, then other articles' leads) are chosen
        before all others, in their order, unless they repeat one chosen before them.

        A candidate is redundant when it is close to a chosen point or to any sentence merged
        into one: a paraphrase of one outlet's wording is still a repeat.
        """
        available = np.array([self.eligible(p) for p in points], dtype=bool)
        if len(first):
            scores = scores.copy()
            top = float(np.max(scores))
            for place, index in enumerate(first):
                scores[index] = top + len(first) - place
        representatives = (
            point_vectors
            if sentence_vectors is None
            else sentence_vectors[[p.sentences[0] for p in points]]
        )
        figures = [figures_in(p.text) for p in points]
        chosen: list[int] = []
        redundancy = np.full(len(points), -1.0, dtype=np.float64)
        words_left = math.inf if budget_words is None else budget_words
        while available.any() and words_left >= self.min_point_words:
            marginal = (1 - self.novelty) * scores - self.novelty * np.clip(redundancy, 0, None)
            best = int(np.argmax(np.where(available, marginal, -np.inf)))
            available[best] = False
            words = len(points[best].text.split())
            if (
                redundancy[best] >= self.duplicate_similarity
                or words > words_left
                or self._repeats_figure(best, chosen, figures, point_vectors)
            ):
                continue
            chosen.append(best)
            words_left -= words
            redundancy = np.maximum(redundancy, point_vectors @ point_vectors[best])
            if sentence_vectors is not None:
                members = sentence_vectors[list(points[best].sentences)]
                redundancy = np.maximum(redundancy, (representatives @ members.T).max(axis=1))
        return chosen

    def repeats(
        self,
        index: int,
        chosen: Sequence[int],
        points: Sequence[Point],
        point_vectors: np.ndarray,
        sentence_vectors: np.ndarray | None = None,
    ) -> bool:
        """Whether a point only says again what `chosen` points say: close to one of them or
        to a sentence merged into one, or restating a figure of a related one (the rules of
        `select`, for one candidate)."""
        if not chosen:
            return False
        similarity = float(np.max(point_vectors[list(chosen)] @ point_vectors[index]))
        if sentence_vectors is not None:
            own = sentence_vectors[points[index].sentences[0]]
            members = [k for c in chosen for k in points[c].sentences]
            similarity = max(similarity, float(np.max(sentence_vectors[members] @ own)))
        if similarity >= self.duplicate_similarity:
            return True
        figures = {i: figures_in(points[i].text) for i in (index, *chosen)}
        return self._repeats_figure(index, list(chosen), figures, point_vectors)

    def _repeats_figure(
        self,
        index: int,
        chosen: list[int],
        figures: list[set[str]] | dict[int, set[str]],
        vectors: np.ndarray,
    ) -> bool:
        """A related point that restates a figure already given adds little."""
        return any(
            figures[index] & figures[other]
            and float(vectors[index] @ vectors[other]) >= self.same_figure_similarity
            for other in chosen
        )


def figures_in(text: str) -> set[str]:
    """Distinctive numbers (three or more digits, years left out), written without commas."""
    numbers = {n.replace(",", "") for n in FIGURE.findall(text)}
    return {n for n in numbers if len(n) >= 3 and not YEAR.fullmatch(n)}


def story_centre(sentences: Sequence[Sentence], vectors: np.ndarray) -> np.ndarray:
    """Mean of the per-source centroids, so a long article does not outweigh a short one."""
    if not sentences:
        return np.zeros(vectors.shape[1] if vectors.ndim == 2 else 0, dtype=np.float32)
    source_ids = np.array([s.source for s in sentences])
    centroids = [vectors[source_ids == sid].mean(axis=0) for sid in distinct(source_ids)]
    return normalize_rows(np.mean(normalize_rows(np.vstack(centroids)), axis=0, keepdims=True))[0]


def dated(text: str) -> int:
    """+1 for a sentence the writer dates from the day of writing (a weekday, "yesterday"; a
    day inside a quotation dates nothing), -1 for one that opens on a year ("In 1991, ..."),
    else 0."""
    if YEAR_OPENING.match(text):
        return -1
    return 1 if NEWS_DAY.search(QUOTED_TEXT.sub(" ", text)) else 0


def vague_opening(text: str) -> bool:
    """A sentence whose subject is a bare amount or quantifier ("Much can be known ...", "Many
    say ..."): it tells of no one in particular, so it states no event."""
    first = text.split(maxsplit=1)[0].strip("\"“‘'([").casefold() if text.strip() else ""
    return first in VAGUE_AMOUNTS | QUANTIFIERS


def lead_support(
    vectors: np.ndarray,
    sentences: Sequence[Sentence],
    sentence_vectors: np.ndarray,
    report_of: Mapping[int, int],
    lead_sentences: int,
) -> np.ndarray:
    """For each vector, how far the independent reports' leads say it: the mean over reports
    of how close it comes to each of the report's articles' lead sentences (the nearest one
    of each article, averaged over the report's articles; 1 where every one opens with it).
    A point that many outlets open with scores near 1; a side story one outlet opens with,
    near 1 over the number of reports. Versions of one wire story, written over days, are
    one report, but each opens on that day's news: what most of them open with is the
    event, what one version opens with is that day's side of it."""
    leads: dict[int, list[int]] = {}
    for sentence in sentences:
        if sentence.position < lead_sentences:
            leads.setdefault(sentence.source, []).append(sentence.id)
    if not leads or not len(vectors):
        return np.zeros(len(vectors))
    articles: dict[int, list[np.ndarray]] = {}
    for source, ids in leads.items():
        nearest = np.clip(np.max(vectors @ sentence_vectors[ids].T, axis=1), 0.0, 1.0)
        articles.setdefault(report_of.get(source, source), []).append(nearest)
    reports = [np.vstack(rows).mean(axis=0) for rows in articles.values()]
    return np.vstack(reports).mean(axis=0)


def earliest_position(point: Point, sentences: Sequence[Sentence]) -> int:
    return min(sentences[k].position for k in point.sentences)


def lead_weight(position: int, decay: float) -> float:
    """1 for an article's first sentence, fading with depth."""
    return math.exp(-position / decay)
