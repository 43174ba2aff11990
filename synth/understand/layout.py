"""The page's shape: a lede of the top points, then sections of at least two points each.

The ranker chooses points for the whole story; the clusterer groups all showable points
into subtopics. This stage puts the two together the way an editor would: the two or three
best points open the page, every other point goes to its subtopic's section, and a subtopic
that would hold a single point either gets its next best point (in place of the weakest
point of a section that can spare one, when the words allow) or joins the section nearest
to it. A point is placed once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from synth.core import Difference, Point
from synth.lang.en import WORD, stem, stop_words
from synth.stages import RankStage
from synth.understand.embed import normalize_rows

MIN_SECTION_POINTS = 2
RESTATED_SHARE = 0.7
HEADING_WORDS = 4
POINT_MARKS = 3  # "[1][2]" and "*(attributed only)*"
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


def arrange(lede: Sequence[int], body: Sequence[int], labels: np.ndarray) -> Layout:
    """The layout of `body` points grouped by label, sections in order of their best point."""
    groups: dict[int, list[int]] = {}
    for index in body:
        groups.setdefault(int(labels[index]), []).append(index)
    sections = tuple(tuple(g) for g in groups.values())
    return Layout(tuple(lede) + tuple(body), tuple(lede), sections, labels)


def join_section(
    layout: Layout, label: int, point_vectors: np.ndarray, eligible: np.ndarray
) -> Layout:
    """The layout with section `label` joined to the section nearest in meaning."""
    body = [i for s in layout.sections for i in s]
    body.sort(key=layout.order.index)
    centres = subtopic_centres(layout.labels, point_vectors, eligible)
    shown = {int(layout.labels[i]) for i in body} - {label}
    if not shown:
        return layout
    nearest = max(shown, key=lambda c: (float(centres[c] @ centres[label]), -c))
    labels = layout.labels.copy()
    labels[labels == label] = nearest
    return arrange(layout.lede, body, labels)


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
        return arrange(lede, body, labels)

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
        """Give each one-point subtopic its next best point, when one is not a repeat and fits
        the words left, or the words of the weakest point of a section that keeps two."""
        body = list(body)
        words = {i: len(points[i].text.split()) for i in range(len(points))}
        for single in [i for i in body if _count(body, labels, labels[i]) == 1]:
            if _count(body, labels, labels[single]) != 1:
                continue
            shown = [*lede, *body]
            left = budget_words - sum(words[i] for i in shown)
            donor = _weakest_spare(body, labels, self.min_points + 1)
            room = left + (words[donor] if donor is not None else 0)
            kept = [i for i in shown if i != donor]
            for candidate in _same_subtopic(single, labels, eligible, scores, set(shown)):
                if words[candidate] > room:
                    continue
                if self.ranker.repeats(candidate, kept, points, point_vectors, sentence_vectors):
                    continue
                if restates(points[candidate], [points[i] for i in kept]):
                    continue
                if words[candidate] > left and donor is not None:
                    body.remove(donor)
                body.append(candidate)
                break
        return body


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


def _weakest_spare(body: Sequence[int], labels: np.ndarray, at_least: int) -> int | None:
    """The lowest-ranked point of a section with at least `at_least` points."""
    for index in reversed(body):
        if _count(body, labels, labels[index]) >= at_least:
            return index
    return None


def _same_subtopic(
    index: int, labels: np.ndarray, eligible: np.ndarray, scores: np.ndarray, shown: set[int]
) -> list[int]:
    """Showable points of the same subtopic not yet shown, best first."""
    pool = [
        i for i in np.flatnonzero((labels == labels[index]) & eligible).tolist() if i not in shown
    ]
    return sorted(pool, key=lambda i: (-float(scores[i]), i))


def subtopic_centres(
    labels: np.ndarray, vectors: np.ndarray, eligible: np.ndarray
) -> dict[int, np.ndarray]:
    """Unit-length mean vector of each subtopic's showable points (all its points if none)."""
    centres = {}
    for label in np.unique(labels).tolist():
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
    return words
