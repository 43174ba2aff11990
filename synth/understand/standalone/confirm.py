"""Which points a briefing may show: each judged as the reader meets it, best first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from synth.core import Point, Sentence
from synth.understand.standalone.judge import PARSE_BATCH
from synth.understand.standalone.problems import ProblemCheck
from synth.understand.standalone.rules import Antecedent, repair

JUDGED_SHARE = 8
MEMBERS_TRIED = 3


def confirm_standalone(
    points: Sequence[Point],
    scores: np.ndarray,
    sentences: Sequence[Sentence],
    problem: ProblemCheck,
    budget_words: int | None,
    prepare: Callable[[Sequence[str]], None] | None = None,
    cut: frozenset[int] = frozenset(),
    named: Antecedent | None = None,
) -> tuple[Point, ...]:
    """The points, with those a reader could not follow alone marked so.

    Candidates are judged best first, each by its representative, then by the next members
    merged into it (the first that reads alone becomes the text), until judged points could
    fill `JUDGED_SHARE` briefings of `budget_words`; the rest are left out as unjudged. With
    no budget every point is judged. `prepare`, when given, is handed the next candidates'
    texts in batches before they are judged (to parse them together). Sentences in `cut`
    lost their first words to the cleaner (`cut_sentences`) and never tell a point. With
    `named` (the parse judge's `antecedent`), every member is repaired again with it: a
    "[Name] said" stays only where the sentence before makes the name sure.
    """
    wanted = None if budget_words is None else JUDGED_SHARE * budget_words
    judged: dict[int, Point] = {}
    words = 0
    order = np.argsort(-scores, kind="stable")
    for rank, index in enumerate(order):
        point = points[int(index)]
        if wanted is not None and words >= wanted:
            break
        if prepare is not None and rank % PARSE_BATCH == 0:
            batch = [points[int(k)] for k in order[rank : rank + PARSE_BATCH]]
            prepare([p.text for p in batch if p.standalone])
        if not point.standalone:
            continue
        verdict = judged[int(index)] = _readable(point, sentences, problem, cut, named)
        if verdict.standalone:
            words += len(verdict.text.split())
    return tuple(judged.get(i) or replace(p, standalone=False) for i, p in enumerate(points))


def _readable(
    point: Point,
    sentences: Sequence[Sentence],
    problem: ProblemCheck,
    cut: frozenset[int],
    named: Antecedent | None = None,
) -> Point:
    """The point told by its first member (of the best few) that reads alone, else marked.
    A member that opens its article is judged as an opening (see `ParsedJudge.problem`)."""
    for position, member in enumerate(point.sentences[:MEMBERS_TRIED]):
        if member in cut:
            continue
        if position == 0 and named is None:
            text: str | None = point.text
        else:
            text = repair(sentences[member], sentences, named=named)
        opening = sentences[member].position == 0
        if text is not None and problem(text, opening=opening) is None:
            if position == 0:
                return replace(point, text=text) if text != point.text else point
            rest = tuple(k for k in point.sentences if k != member)
            return replace(point, text=text, sentences=(member, *rest))
    return replace(point, standalone=False)
