"""The page's shape: a lede of the top points, then sections of at least two points each.

The ranker chooses points for the whole story; the clusterer groups all showable points
into subtopics. This stage puts the two together the way an editor would: the two or three
best points open the page, every other point goes to its subtopic's section, each subtopic
of the lede gets a section that goes on with it, and a subtopic that would hold a single
point either gets its next best point (in place of a point that can be spared, when the
words allow) or joins the section nearest to it. A point is placed once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from synth.core import Difference, Point
from synth.lang.en import WORD, stem, stop_words
from synth.stages import RankStage
from synth.understand.distinct import distinct
from synth.understand.embed import normalize_rows

MIN_SECTION_POINTS = 2
RESTATED_SHARE = 0.7
HEADING_WORDS = 4
BOTH_WORDS = 2  # "gives both" after the sources that give two values of a difference
HIDDEN = frozenset(["", "before", "after"])  # moments of a change not written beside a value
POINT_MARKS = 5  # "[1][2]" and "*(confirmed by 5 reports)*"
PAGE_FRAME_WORDS = 30  # a title of up to 16 words, and the count of sources and points


@dataclass(frozen=True)
class Layout:
    """Point indexes: `order` is every placed point in rank order (the lede first), `lede`
    and `sections` split them; `labels` is the section of every point after small subtopics
    joined their neighbours."""

    order: tuple[int, ...]
    lede: tuple[int, ...]
    sections: tuple[tuple[int, ...], ...]
    labels: np.ndarray


def arrange(
    lede: Sequence[int],
    body: Sequence[int],
    labels: np.ndarray,
    points: Sequence[Point] | None = None,
) -> Layout:
    """The layout of `body` points grouped by label: the section that goes on with the
    lede's first point (the event) first, the others in order of their best point; within a
    section, points in rank order except that two points of one article keep its order
    (`story_order`, when `points` are given)."""
    groups: dict[int, list[int]] = {}
    for index in body:
        groups.setdefault(int(labels[index]), []).append(index)
    event = int(labels[lede[0]]) if lede else None
    if event in groups:
        groups = {event: groups[event], **groups}
    sections = tuple(
        tuple(story_order(g, points) if points is not None else g) for g in groups.values()
    )
    return Layout(tuple(lede) + tuple(body), tuple(lede), sections, labels)


def layout_order(layout: Layout) -> list[int]:
    """The subtopic label of each section, in page order."""
    return [int(layout.labels[s[0]]) for s in layout.sections]


def unnamed_first(layout: Layout, unnamed: set[int]) -> Layout:
    """The layout with the sections of the `unnamed` subtopics joined into one, placed first:
    points no heading fits read on from the lede, as more of the story, not under a heading
    that says nothing or says something else."""
    if not unnamed:
        return layout
    labels = layout.labels.copy()
    keep = min(unnamed)
    for label in unnamed:
        labels[labels == label] = keep
    joined = tuple(i for s in layout.sections if int(layout.labels[s[0]]) in unnamed for i in s)
    named = tuple(s for s in layout.sections if int(layout.labels[s[0]]) not in unnamed)
    return Layout(layout.order, layout.lede, (joined, *named), labels)


def story_order(indexes: Sequence[int], points: Sequence[Point]) -> list[int]:
    """`indexes` (in rank order) so that the story reads forward: the best point comes first
    unless an article tells another of them before it, then that one (an article's later
    sentence leans on its earlier ones: "was found safe" after "went missing")."""
    places = {i: {e.source: e.start for e in points[i].evidence} for i in indexes}
    left = list(indexes)
    ordered: list[int] = []
    while left:
        ready = [
            i
            for i in left
            if not any(
                places[other].get(source, start) < start
                for other in left
                if other != i
                for source, start in places[i].items()
            )
        ]
        chosen = ready[0] if ready else left[0]  # a cycle between articles: rank decides
        ordered.append(chosen)
        left.remove(chosen)
    return ordered


def lede_size(count: int) -> int:
    """Three points open a long page, two a short one; a page of three or fewer is all lede."""
    if count <= 3:
        return count
    return 3 if count >= 7 else 2


@dataclass(frozen=True)
class Layouter:
    """Lays out chosen points; `ranker` judges which swapped-in points would only repeat."""

    ranker: RankStage
    min_points: int = MIN_SECTION_POINTS
    join_similarity: float = 0.7

    def lay_out(
        self,
        chosen: Sequence[int],
        labels: np.ndarray,
        points: Sequence[Point],
        point_vectors: np.ndarray,
        scores: np.ndarray,
        eligible: np.ndarray,
        budget_words: int | None,
        sentence_vectors: np.ndarray | None = None,
    ) -> Layout:
        """The lede and sections of the `chosen` points (indexes in rank order)."""
        lede = list(chosen[: lede_size(len(chosen))])
        body = list(chosen[len(lede) :])
        centres = subtopic_centres(labels, point_vectors, eligible)
        labels = join_small(body, labels, centres, self.min_points, self.join_similarity)
        if budget_words is not None:
            body = self._fill(
                lede,
                body,
                labels,
                points,
                point_vectors,
                scores,
                eligible,
                budget_words,
                sentence_vectors,
            )
        centres = subtopic_centres(labels, point_vectors, eligible)
        labels = join_small(body, labels, centres, self.min_points)
        return arrange(lede, body, labels, points)

    def _fill(
        self,
        lede: list[int],
        body: list[int],
        labels: np.ndarray,
        points: Sequence[Point],
        point_vectors: np.ndarray,
        scores: np.ndarray,
        eligible: np.ndarray,
        budget_words: int,
        sentence_vectors: np.ndarray | None,
    ) -> list[int]:
        """Give the subtopics of the lede, then each one-point subtopic, the section of two
        points the page owes them: their next best points, when not repeats and when they fit
        the words left or those of the weakest points of sections that keep two."""
        targets = [int(labels[i]) for i in lede]
        targets += [int(labels[i]) for i in body if _count(body, labels, labels[i]) == 1]
        page = Page(lede, points, labels, budget_words, self.min_points)
        order = list(dict.fromkeys(targets))
        for place, label in enumerate(order):
            need = self.min_points - _count(body, labels, label)
            if need <= 0:
                continue
            shown = [*lede, *body]
            fresh = [
                i
                for i in _same_subtopic(label, labels, eligible, scores, set(shown))
                if not self.ranker.repeats(i, shown, points, point_vectors, sentence_vectors)
                and not restates(points[i], [points[k] for k in shown])
            ]
            body = page.add(body, label, fresh, need, set(order[place + 1 :]))
        return body


@dataclass(frozen=True)
class Page:
    """What a swap must respect: the lede, the words of the budget, the points a section
    keeps."""

    lede: Sequence[int]
    points: Sequence[Point]
    labels: np.ndarray
    budget_words: int
    min_points: int

    def add(
        self,
        body: list[int],
        label: int,
        candidates: Sequence[int],
        need: int,
        later: set[int],
    ) -> list[int]:
        """`body` with `need` of the candidates added to subtopic `label`; where words run
        short, the lowest-ranked point that can be spared gives way: one of a section that keeps
        `min_points`, or the lone point of a subtopic filled `later` (which would otherwise
        join a neighbour). `body` is unchanged when `need` cannot all be added."""
        trial = list(body)
        added = 0
        for candidate in candidates:
            if added == need:
                break
            spare = list(trial)
            left = self.budget_words - self._words([*self.lede, *spare])
            while self._words([candidate]) > left:
                donor = self._donor(spare, label, later)
                if donor is None:
                    break
                spare.remove(donor)
                left += self._words([donor])
            if self._words([candidate]) <= left:
                trial = [*spare, candidate]
                added += 1
        return trial if added == need else body

    def _donor(self, body: Sequence[int], label: int, later: set[int]) -> int | None:
        """The lowest-ranked point that may give way to a point of subtopic `label`."""
        for index in reversed(body):
            own = int(self.labels[index])
            count = _count(body, self.labels, own)
            if own != label and (count > self.min_points or (count == 1 and own in later)):
                return index
        return None

    def _words(self, indexes: Sequence[int]) -> int:
        return sum(len(self.points[i].text.split()) for i in indexes)


def restates(point: Point, shown: Sequence[Point], share: float = RESTATED_SHARE) -> bool:
    """Whether most of a point's content words are already in one shown point: a shorter
    copy of a sentence on the page ("... reported sporadic clashes late on December 8")."""
    words = content_stems(point.text)
    return bool(words) and any(
        len(words & content_stems(other.text)) >= share * len(words) for other in shown
    )


def content_stems(text: str) -> set[str]:
    return {stem(w.lower()) for w in WORD.findall(text) if w.lower() not in stop_words()}


def _count(body: Sequence[int], labels: np.ndarray, label: int) -> int:
    return sum(1 for i in body if labels[i] == label)


def _same_subtopic(
    label: int, labels: np.ndarray, eligible: np.ndarray, scores: np.ndarray, shown: set[int]
) -> list[int]:
    """Showable points of subtopic `label` not yet shown, best first."""
    pool = [i for i in np.flatnonzero((labels == label) & eligible).tolist() if i not in shown]
    return sorted(pool, key=lambda i: (-float(scores[i]), i))


def subtopic_centres(
    labels: np.ndarray, vectors: np.ndarray, eligible: np.ndarray
) -> dict[int, np.ndarray]:
    """Unit-length mean vector of each subtopic's showable points (all its points if none)."""
    centres = {}
    for label in distinct(labels).tolist():
        members = (labels == label) & eligible
        if not members.any():
            members = labels == label
        centres[int(label)] = normalize_rows(vectors[members].mean(axis=0, keepdims=True))[0]
    return centres


def join_small(
    body: Sequence[int],
    labels: np.ndarray,
    centres: dict[int, np.ndarray],
    min_points: int,
    min_similarity: float = -1.0,
) -> np.ndarray:
    """Relabel so that sections of fewer than `min_points` body points join the section
    whose subtopic is closest in meaning (when at least `min_similarity` close): the one
    whose best point ranks lowest first, until none is small or one section is left. Every
    point of a joined subtopic moves with it."""
    labels = labels.copy()
    centres = dict(centres)
    while True:
        groups: dict[int, list[int]] = {}
        for index in body:
            groups.setdefault(int(labels[index]), []).append(index)
        small = [c for c, g in groups.items() if len(g) < min_points]
        if len(groups) < 2:
            return labels
        options = []
        for label in small:
            nearest = max(
                (c for c in groups if c != label),
                key=lambda c: (float(centres[c] @ centres[label]), -c),
            )
            if float(centres[nearest] @ centres[label]) >= min_similarity:
                options.append((min(body.index(i) for i in groups[label]), label, nearest))
        if not options:
            return labels
        _, label, nearest = max(options)
        joined = centres[label] + centres[nearest]
        centres[nearest] = joined / max(float(np.linalg.norm(joined)), 1e-12)
        labels[labels == label] = nearest


def layout_words(
    layout: Layout, points: Sequence[Point], differences: Sequence[Difference] = ()
) -> int:
    """Words a reader reads in the main body: the points' texts, each section's heading
    (counted at `HEADING_WORDS`, as headings are written later) and the differences. The
    marks around them (citations, certainty) and the title come on top."""
    body = sum(len(points[i].text.split()) for i in layout.order)
    return body + HEADING_WORDS * len(layout.sections) + differences_words(differences)


def page_words(
    layout: Layout, points: Sequence[Point], differences: Sequence[Difference] = ()
) -> int:
    """Words of the whole default Markdown page before its Sources list, as `wc -w` counts
    them, estimated before headings and title are written: the main body, each point's
    citation and certainty marks and list bullet, each section's heading mark, the
    differences' marks, and `PAGE_FRAME_WORDS` for the title and the line under it."""
    marks = POINT_MARKS * len(layout.order) + len(layout.order) - len(layout.lede)
    marks += len(layout.sections) + sum(2 * len(d.variants) + 1 for d in differences)
    return layout_words(layout, points, differences) + marks + PAGE_FRAME_WORDS


def differences_words(differences: Sequence[Difference]) -> int:
    """Words of the differences: their heading, and per difference what differs, each value as
    its outlet wrote it, and its citation."""
    if not differences:
        return 0
    words = HEADING_WORDS
    for difference in differences:
        words += len(difference.about.split()) + len(difference.variants)
        words += sum(len((v.wording or v.value).split()) for v in difference.variants)
        words += sum(len(v.when.split()) for v in difference.variants if v.when not in HIDDEN)
        if difference.gives_both:
            words += len(difference.gives_both) + BOTH_WORDS  # "[3] gives both"
    return words
