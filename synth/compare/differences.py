"""Where sources agree, where they differ, and what only one of them says.

Differences are found between sentences of different outlets that speak of the same thing
(merged into one point, or close in embedding space) yet give a different figure or place.
False alarms cost a reader's trust more than misses, so a figure only counts as a different
value for the same quantity when the counted thing matches ("civilians" and "civilian lives")
and the values are close enough to be two estimates of one number, not two numbers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from synth.compare.figures import (
    FigureClaim,
    consistent,
    content_words,
    figure_claims,
    format_value,
)
from synth.core import Difference, Point, Sentence, Source, Variant, sentence_evidence
from synth.lang.en import (
    CUMULATIVE,
    DAY_MENTION,
    LATIN_WORD,
    NOT_PLACES,
    PLACE,
    PRONOUN_START,
    RANGE,
    SCOPE,
    SPEECH_CUE,
    stem,
)
from synth.read.dates import parse_date
from synth.understand.neighbours import NEIGHBOURS, BestPairs, similarity_blocks

SPEECH_REACH = 130
# Parts that add up to within 10% of a larger count may be what it totals.
PART_SLACK = 1.1


@dataclass(frozen=True)
class Comparer:
    """Thresholds of the difference finder, chosen for precision."""

    figure_similarity: float = 0.55
    percent_similarity: float = 0.6
    place_similarity: float = 0.8
    support_similarity: float = 0.55
    max_count_ratio: float = 2.0
    max_percent_gap: float = 15.0
    neighbours: int = NEIGHBOURS

    def differences(
        self,
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        points: Sequence[Point],
        sources: Sequence[Source],
    ) -> list[Difference]:
        point_of = {k: p.id for p in points for k in p.sentences}
        figures = [figure_claims(s) for s in sentences]
        context = QuantityContext.of(sentences, sources)
        places = [place_names(s.text) for s in sentences]
        scopes = [scope_places(s.text) for s in sentences]
        figure_edges: dict[str, list[tuple[float, FigureClaim, FigureClaim]]] = defaultdict(list)
        place_edges: list[tuple[int, int, str, str]] = []
        for i, j, sim in self._candidate_pairs(sentences, vectors, figures, places, point_of):
            if sim >= self.figure_similarity and same_scope(scopes[i], scopes[j]):
                for key, a, b in self._figure_conflicts(figures[i], figures[j], context):
                    if key != "percent" or sim >= self.percent_similarity:
                        figure_edges[key].append((sim, a, b))
            same_point = point_of.get(i) == point_of.get(j)
            if (same_point or sim >= self.place_similarity) and places[i] and places[j]:
                only_i, only_j = places[i] - places[j], places[j] - places[i]
                text_i, text_j = sentences[i].text, sentences[j].text
                if len(only_i) == 1 and len(only_j) == 1:
                    a, b = next(iter(only_i)), next(iter(only_j))
                    if a not in text_j and b not in text_i:
                        place_edges.append((i, j, a, b))
        found = [
            self._figure_difference(key, edges, sentences, sources)
            for key, edges in sorted(figure_edges.items())
        ]
        found += self._place_differences(place_edges, sentences, vectors, places, sources)
        return [d for d in found if d is not None]

    def _candidate_pairs(
        self,
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        figures: Sequence[Sequence[FigureClaim]],
        places: Sequence[set[str]],
        point_of: Mapping[int, int],
    ) -> list[tuple[int, int, float]]:
        """Pairs (i < j, similarity) of different outlets' sentences that could differ.

        Only sentences with figures or places take part, and a pair only when both give
        figures (not the same values) or both give places (not the same ones) and they are
        close enough for that kind; each sentence keeps its `neighbours` closest such partners,
        so copies carried by hundreds of outlets cost linear time.
        """
        values = _labels([frozenset(c.value for c in claims) for claims in figures])
        named = _labels([frozenset(found) for found in places])
        active = np.flatnonzero((values > 0) | (named > 0))
        if len(active) < 2:
            return []
        source_of = np.array([s.source for s in sentences])[active]
        point = np.array([point_of.get(k, -1) for k in range(len(sentences))])[active]
        values, named = values[active], named[active]
        close = TopicalSimilarity(sentences, vectors, active)
        floor = min(self.figure_similarity, self.place_similarity)
        best = BestPairs(self.neighbours)
        for start, sim in close.blocks():
            rows = slice(start, start + sim.shape[0])
            figure = _differ(values[rows], values) & (sim >= self.figure_similarity)
            near = (point[rows, np.newaxis] == point) | (sim >= self.place_similarity)
            place = _differ(named[rows], named) & near
            other = source_of[rows, np.newaxis] != source_of
            r, c = np.nonzero(other & (sim >= floor) & (figure | place))
            best.add(active[r + start], active[c], sim[r, c])
        low, high, score = best.pairs()
        return list(zip(low.tolist(), high.tolist(), score.tolist(), strict=True))

    def _figure_conflicts(
        self,
        left: Sequence[FigureClaim],
        right: Sequence[FigureClaim],
        context: QuantityContext | None = None,
    ) -> list[tuple[str, FigureClaim, FigureClaim]]:
        conflicts = []
        for a in left:
            for b in right:
                if a.unit != b.unit or a.value == b.value or consistent(a, b):
                    continue
                if _states(b.value, left) or _states(a.value, right):
                    continue
                if a.subject and b.subject and a.subject != b.subject:
                    continue
                if a.head != b.head or (context and not context.same_quantity(a, b)):
                    continue
                if a.unit == "percent":
                    close = abs(a.value - b.value) <= self.max_percent_gap
                    key = "percent"
                else:
                    shared = a.counted & b.counted
                    low, high = sorted((a.value, b.value))
                    close = bool(shared) and low > 0 and high / low <= self.max_count_ratio
                    key = min(shared) if shared else ""
                if close:
                    conflicts.append((key, a, b))
        return conflicts

    def _figure_difference(
        self,
        key: str,
        edges: list[tuple[float, FigureClaim, FigureClaim]],
        sentences: Sequence[Sentence],
        sources: Sequence[Source],
    ) -> Difference | None:
        best: dict[tuple[int, int], tuple[float, FigureClaim, FigureClaim]] = {}
        for sim, a, b in edges:
            left, right = sentences[a.sentence].source, sentences[b.sentence].source
            pair = (min(left, right), max(left, right))
            if pair not in best or sim > best[pair][0]:
                best[pair] = (sim, a, b)
        claims = {c.sentence: c for _, a, b in best.values() for c in (a, b)}
        by_value: dict[str, list[FigureClaim]] = defaultdict(list)
        for claim in claims.values():
            by_value[format_value(claim.value, claim.unit)].append(claim)
        if len(by_value) < 2:
            return None
        variants = tuple(
            _variant(value, [c.sentence for c in group], sentences, sources)
            for value, group in sorted(by_value.items(), key=lambda kv: _sort_value(kv[1][0]))
        )
        about = _about(key, [sentences[c].text for c in claims])
        return Difference("figure", about, variants)

    def _place_differences(
        self,
        edges: list[tuple[int, int, str, str]],
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        places: Sequence[set[str]],
        sources: Sequence[Source],
    ) -> list[Difference]:
        groups: dict[frozenset[str], dict[str, set[int]]] = {}
        for i, j, a, b in edges:
            group = groups.setdefault(frozenset((a, b)), defaultdict(set))
            group[a].add(i)
            group[b].add(j)
        for group in groups.values():
            self._add_support(group, sentences, vectors, places)
        found = []
        for _, group in sorted(groups.items(), key=lambda kv: sorted(kv[0])):
            variants = tuple(
                _variant(place, sorted(ids), sentences, sources)
                for place, ids in sorted(group.items())
            )
            texts = [sentences[k].text for ids in group.values() for k in ids]
            found.append(Difference("place", _about("place", texts), variants))
        return found

    def _add_support(
        self,
        group: dict[str, set[int]],
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        places: Sequence[set[str]],
    ) -> None:
        """Other outlets' sentences that place the same event in one of the places."""
        core = sorted(k for ids in group.values() for k in ids)
        names = set(group)
        for k in range(len(sentences)):
            mentioned = places[k] & names
            if len(mentioned) != 1 or k in core:
                continue
            if float(np.max(vectors[core] @ vectors[k])) >= self.support_similarity:
                group[next(iter(mentioned))].add(k)


@dataclass(frozen=True)
class QuantityContext:
    """What the articles say around two figures, to tell one quantity from two.

    `counts` holds, per source and counted word, every count that source gives (increments
    such as "another 105" included): an outlet that counts civilians killed in the east and,
    separately, in the west gives parts whose sum another outlet may report as a whole.
    """

    texts: tuple[str, ...]
    source_of: tuple[int, ...]
    counts: dict[tuple[int, str], frozenset[float]]
    published: dict[int, str]

    @classmethod
    def of(cls, sentences: Sequence[Sentence], sources: Sequence[Source]) -> QuantityContext:
        counts: dict[tuple[int, str], set[float]] = defaultdict(set)
        for sentence in sentences:
            for claim in figure_claims(sentence, increments=True):
                if claim.unit == "count":
                    counts[(sentence.source, claim.head)].add(claim.value)
        published = {s.id: day for s in sources if (day := parse_date(s.published))}
        return cls(
            tuple(s.text for s in sentences),
            tuple(s.source for s in sentences),
            {k: frozenset(v) for k, v in counts.items()},
            published,
        )

    def same_quantity(self, a: FigureClaim, b: FigureClaim) -> bool:
        """False for a range and a value inside it, a part and its whole, or a count given
        for different days (a toll that grew is a change over time, not a disagreement)."""
        text_a, text_b = self.texts[a.sentence], self.texts[b.sentence]
        if _in_range(a.value, text_b) or _in_range(b.value, text_a):
            return False
        days_a, days_b = set(DAY_MENTION.findall(text_a)), set(DAY_MENTION.findall(text_b))
        if days_a and days_b and not days_a & days_b:
            return False
        if a.unit == "count" and a.counted & b.counted & CUMULATIVE:
            source_a, source_b = self.source_of[a.sentence], self.source_of[b.sentence]
            day_a, day_b = self.published.get(source_a), self.published.get(source_b)
            if day_a and day_b and day_a != day_b:
                return False
        return a.unit != "count" or not self._part_of_whole(a, b)

    def _part_of_whole(self, a: FigureClaim, b: FigureClaim) -> bool:
        """Whether the smaller count's outlet gives other counts of the same thing that add
        up to (nearly) the larger one: 384 + 105 civilians against "almost 500"."""
        small, large = sorted((a, b), key=lambda c: c.value)
        others = self.counts.get((self.source_of[small.sentence], small.head), frozenset())
        total = small.value + sum(v for v in others if v != small.value)
        return total >= large.value / PART_SLACK


def _in_range(value: float, text: str) -> bool:
    for match in RANGE.finditer(text):
        low, high = (float(match.group(k).replace(",", "")) for k in ("low", "high"))
        if low < high and low <= value <= high:
            return True
    return False


class TopicalSimilarity:
    """Similarities of sentences about the same thing, over a subset of the sentences.

    A sentence that opens with a pronoun ("It now holds ...") takes its topic from the sentence
    before it in the same article, so its similarity to another sentence is the larger of its
    own and that of the sentence before it.
    """

    def __init__(self, sentences: Sequence[Sentence], vectors: np.ndarray, subset: np.ndarray):
        self.vectors = vectors
        self.subset = subset
        pronoun = np.array(
            [
                k > 0
                and PRONOUN_START.match(s.text) is not None
                and sentences[k - 1].source == s.source
                for k, s in enumerate(sentences)
            ],
            dtype=bool,
        )
        self.pronoun_columns = np.flatnonzero(pronoun[subset])
        self.pronoun = pronoun

    def blocks(self) -> Iterator[tuple[int, np.ndarray]]:
        """(first row, rows x subset similarities) over the subset, a block of rows at a time."""
        subset, vectors = self.subset, self.vectors
        own = vectors[subset]
        leads = subset[self.pronoun_columns]
        for start, block in similarity_blocks(own, own):
            rows = subset[start : start + block.shape[0]]
            if len(leads):
                through = vectors[rows] @ vectors[leads - 1].T
                _exclude(through, rows[:, np.newaxis], leads[np.newaxis, :])
                columns = block[:, self.pronoun_columns]
                block[:, self.pronoun_columns] = np.maximum(columns, through)
            for r in np.flatnonzero(self.pronoun[rows]).tolist():
                k = int(rows[r])
                through_row = own @ vectors[k - 1]
                _exclude(through_row, subset, k)
                block[r] = np.maximum(block[r], through_row)
            yield start, block


def _exclude(through: np.ndarray, other: np.ndarray, pronoun: np.ndarray | int) -> None:
    """No similarity through the sentence before a pronoun to that pronoun or to itself."""
    through[(other == pronoun) | (other == pronoun - 1)] = -np.inf


def _labels(keys: Sequence[frozenset[object]]) -> np.ndarray:
    """A number per distinct non-empty key (0 for empty), so sets compare as integers."""
    numbers: dict[frozenset[object], int] = {}
    return np.array([numbers.setdefault(k, len(numbers) + 1) if k else 0 for k in keys])


def _differ(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Pairs where both sides have a label and the labels differ."""
    return (rows[:, np.newaxis] > 0) & (columns > 0) & (rows[:, np.newaxis] != columns)


def scope_places(text: str) -> set[str]:
    """Where a sentence says it counts ("in the Philadelphia area")."""
    return {m.group("place") for m in SCOPE.finditer(text)} - NOT_PLACES


def same_scope(left: set[str], right: set[str]) -> bool:
    """False when both sentences name where they count and name different places
    ("in the Philadelphia area" and "in Pennsylvania"): two scopes, two numbers."""
    return not (left and right and not left & right)


def _states(value: float, claims: Sequence[FigureClaim]) -> bool:
    """Whether a sentence also gives this value: then both outlets report the same numbers."""
    return any(c.value == value for c in claims)


def place_names(text: str) -> set[str]:
    """Places where someone spoke ("said in Hamburg", "speaking ... in the city of Munich").

    Only the place of a statement is compared: other places in a sentence are often other
    events ("talks will be held in Geneva"), and a different one is no contradiction.
    """
    names = set()
    speech = [m.end() for m in SPEECH_CUE.finditer(text)]
    for match in PLACE.finditer(text):
        name = match.group("a") or match.group("b")
        near = any(0 <= match.start() - end <= SPEECH_REACH for end in speech)
        if name and name not in NOT_PLACES and near:
            names.add(name)
    return names


def _variant(
    value: str,
    sentence_ids: Sequence[int],
    sentences: Sequence[Sentence],
    sources: Sequence[Source],
) -> Variant:
    evidence = sentence_evidence((sentences[k] for k in sentence_ids), {s.id: s for s in sources})
    return Variant(value, tuple(sorted({e.source for e in evidence})), evidence)


def _sort_value(claim: FigureClaim) -> float:
    return claim.value


def _about(key: str, texts: Sequence[str]) -> str:
    """What the variants speak of: the key and the content words most of them share."""
    counts: dict[str, int] = defaultdict(int)
    first_form: dict[str, str] = {}
    for text in texts:
        for word in dict.fromkeys(stem(w) for w in content_words(text)):
            counts[word] += 1
    for text in texts:
        for w in LATIN_WORD.findall(text):
            first_form.setdefault(stem(w), w)
    shared = [w for w in counts if counts[w] >= max(2, (len(texts) + 1) // 2) and w != key]
    context = ", ".join(first_form[w] for w in shared[:5])
    label = {"percent": "share (percent)", "place": "place"}.get(
        key, f"number of {first_form.get(key, key)}"
    )
    return f"{label}: {context}" if context else label
