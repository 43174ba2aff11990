"""Merge what several outlets said alike into one point that cites all of them.

Two sentences join when their embeddings are close, or when they carry the same verbatim quote
(a shared run of several words) and are at least loosely related: outlets trim and punctuate a
quote differently, which moves the embedding more than the fact. Groups grow by average linkage,
so one loose pair cannot chain unrelated facts together.

Similarities are computed in row blocks, so no dense n x n matrix is ever held, and each
sentence proposes a bounded number of partners (`synth.understand.neighbours`), so the work
after the matrix products grows linearly with the sentences.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from synth.core import Point, Sentence, Source, sentence_evidence
from synth.lang.en import TOKEN
from synth.understand.distinct import distinct
from synth.understand.embed import normalize_rows
from synth.understand.neighbours import NEIGHBOURS, BestPairs, similarity_blocks
from synth.understand.standalone.rules import repair

NUMBER = re.compile(r"\d[\d,.]*")
QUOTED = re.compile(r"(?:``|[\"“”])([^\"“”]+?)(?:''|[\"“”]|$)")
# Choosing a point's wording: a variant that reads alone is worth STANDALONE_BONUS; fullness
# rewards length up to FULL_WORDS (a complete sentence) and penalises every word past
# LONG_WORDS (run-ons), weighted FULLNESS_WEIGHT; a variant that opens on a quote mark loses
# QUOTE_OPENING_PENALTY (it leaves the speaker to the end). Centrality (mean cosine, 0..1) is the
# rest of the score. The values were set on the seeds and spot-checked on the dev set.
STANDALONE_BONUS = 0.3
# A variant with nothing that makes it harder to read alone (a "the report" it never explains,
# a pronoun before any name) is worth CLEAR_BONUS more.
CLEAR_BONUS = 0.1
FULL_WORDS = 35
LONG_WORDS = 45
FULLNESS_WEIGHT = 0.3
QUOTE_OPENING_PENALTY = 0.15
QUOTE_MARKS = "\"“‘'«"
# Members' mean cosine to their group is read off the group's similarity matrix up to this
# size (near-ties between variants then fall as they always have); past it, off the mean vector.
EXACT_CENTRALITY_LIMIT = 1024


@dataclass(frozen=True)
class Merger:
    """Average-linkage merging over embedding similarity, helped by shared verbatim quotes.

    Each sentence proposes at most `neighbours` partners (its most similar qualifying ones), so
    the candidate pairs grow linearly with the sentences even when hundreds of outlets carry
    the same sentence; a group's vector sum makes each average-linkage test cost one dot product.
    """

    threshold: float = 0.80
    group_threshold: float = 0.75
    same_source_threshold: float = 0.88
    quote_floor: float = 0.55
    quote_words: int = 6
    neighbours: int = NEIGHBOURS

    def merge(
        self, sentences: Sequence[Sentence], embeddings: np.ndarray, sources: Sequence[Source]
    ) -> tuple[tuple[Point, ...], np.ndarray]:
        """Points (in order of their first sentence) and their unit-length embeddings."""
        groups = self.group(sentences, embeddings)
        by_id = {s.id: s for s in sources}
        points = []
        vectors = []
        for point_id, members in enumerate(groups):
            ordered = choose_representative(members, sentences, embeddings)
            points.append(make_point(point_id, ordered, sentences, by_id))
            vectors.append(embeddings[list(members)].mean(axis=0))
        matrix = np.vstack(vectors) if vectors else np.zeros((0, embeddings.shape[1]))
        return tuple(points), normalize_rows(matrix)

    def group(self, sentences: Sequence[Sentence], embeddings: np.ndarray) -> list[list[int]]:
        """Sentence ids grouped into points; groups ordered by their first sentence id."""
        shingles = [quote_shingles(s.text, self.quote_words) for s in sentences]
        groups = Groups(embeddings, shingles)
        for i, j in self.candidates(sentences, embeddings, shingles):
            a, b = groups.find(i), groups.find(j)
            if a != b and self._may_join(groups, a, b):
                groups.join(a, b)
        return groups.listing()

    def candidates(
        self,
        sentences: Sequence[Sentence],
        embeddings: np.ndarray,
        shingles: Sequence[set[tuple[str, ...]]],
    ) -> list[tuple[int, int]]:
        """Pairs (i < j) that may join, strongest first (ties by ids).

        Different outlets qualify at `threshold`, or with a shared quote (score 1.0) from
        `quote_floor`; one outlet's two sentences only when nearly identical with the same
        figures. Each sentence keeps its `neighbours` best-scoring partners.
        """
        source_of = np.array([s.source for s in sentences])
        quotes = QuoteIndex(shingles)
        best = BestPairs(self.neighbours)
        floor = min(self.quote_floor, self.threshold)
        for start, block in similarity_blocks(embeddings):
            rows, columns = np.nonzero(block >= floor)  # the few close pairs of the block
            similarity = np.minimum(block[rows, columns], np.float32(1.0))
            rows += start
            scores = self._pair_scores(rows, columns, similarity, source_of, sentences)
            self._mark_quotes(rows, columns, similarity, scores, source_of, quotes)
            kept = np.isfinite(scores)
            best.add(rows[kept], columns[kept], scores[kept])
        low, high, score = best.pairs()
        order = np.lexsort((high, low, -score))
        return list(zip(low[order].tolist(), high[order].tolist(), strict=True))

    def _pair_scores(
        self,
        rows: np.ndarray,
        columns: np.ndarray,
        similarity: np.ndarray,
        source_of: np.ndarray,
        sentences: Sequence[Sentence],
    ) -> np.ndarray:
        """Scores of close pairs: the similarity (capped at 1.0: identical texts may round
        above it) where the pair qualifies without a quote, else -inf."""
        other = source_of[rows] != source_of[columns]
        scores = np.where(other & (similarity >= self.threshold), similarity, -np.inf)
        same = ~other & (similarity >= self.same_source_threshold) & (rows != columns)
        for k in np.flatnonzero(same).tolist():
            if same_numbers(sentences[int(rows[k])], sentences[int(columns[k])]):
                scores[k] = similarity[k]
        return scores

    def _mark_quotes(
        self,
        rows: np.ndarray,
        columns: np.ndarray,
        similarity: np.ndarray,
        scores: np.ndarray,
        source_of: np.ndarray,
        quotes: QuoteIndex,
    ) -> None:
        """Score 1.0 for close pairs of different outlets that share a quote.

        A row keeps its best partners, ties by id: past its first `neighbours` quote partners
        (all 1.0), further ones could never be kept, so they are not looked for.
        """
        bounds = np.searchsorted(rows, distinct(rows))
        for start, end in zip(bounds.tolist(), [*bounds[1:].tolist(), len(rows)], strict=True):
            i = int(rows[start])
            if not quotes.shingles[i]:
                continue
            close = columns[start:end]  # ascending: np.nonzero walks each row in order
            marked = 0
            for j in quotes.partners(i):
                k = start + int(np.searchsorted(close, j))
                if k < end and columns[k] == j and source_of[i] != source_of[j]:
                    scores[k] = 1.0
                    marked += 1
                    if marked == self.neighbours:
                        break

    def _may_join(self, groups: Groups, a: int, b: int) -> bool:
        mean = groups.mean_similarity(a, b)
        if mean >= self.group_threshold:
            return True
        return mean >= self.quote_floor and groups.share_quote(a, b)


class Groups:
    """Disjoint groups of sentences with the running sum of their vectors and their quotes.

    The mean similarity of two groups' members is the dot product of their sums over the
    product of their sizes, so average linkage never builds a cross matrix; a smaller group is
    relabelled into a larger one, so every sentence is relabelled O(log n) times.
    """

    def __init__(self, embeddings: np.ndarray, shingles: Sequence[set[tuple[str, ...]]]) -> None:
        self.group_of = list(range(len(shingles)))
        self.members = {i: [i] for i in range(len(shingles))}
        self.sums = embeddings.astype(np.float64)
        self.quotes = dict(enumerate(shingles))

    def find(self, sentence: int) -> int:
        return self.group_of[sentence]

    def mean_similarity(self, a: int, b: int) -> float:
        size = len(self.members[a]) * len(self.members[b])
        return float(self.sums[a] @ self.sums[b]) / size

    def share_quote(self, a: int, b: int) -> bool:
        """Whether some member of `a` and some member of `b` carry the same quote run."""
        return not self.quotes[a].isdisjoint(self.quotes[b])

    def join(self, a: int, b: int) -> None:
        keep, gone = (a, b) if len(self.members[a]) >= len(self.members[b]) else (b, a)
        moved = self.members.pop(gone)
        for k in moved:
            self.group_of[k] = keep
        self.members[keep].extend(moved)
        self.sums[keep] += self.sums[gone]
        gone_quotes = self.quotes.pop(gone)
        if gone_quotes:
            self.quotes[keep] = self.quotes[keep] | gone_quotes

    def listing(self) -> list[list[int]]:
        """Every group's sentence ids, ascending, groups in order of their first sentence."""
        return sorted(sorted(m) for m in self.members.values())


class QuoteIndex:
    """Which sentences share a quote run with a sentence: ascending, read only as far as needed.

    A quote carried by hundreds of outlets would make a full partner list per sentence grow
    with the square of the input.
    """

    def __init__(self, shingles: Sequence[set[tuple[str, ...]]]) -> None:
        self.shingles = shingles
        self.holders: dict[tuple[str, ...], list[int]] = {}
        for k, runs in enumerate(shingles):
            for run in runs:
                self.holders.setdefault(run, []).append(k)

    def partners(self, sentence: int) -> Iterator[int]:
        """The other sentences sharing a run with `sentence`, by ascending id, each once."""
        previous = -1
        for other in heapq.merge(*(self.holders[run] for run in self.shingles[sentence])):
            if other not in (previous, sentence):
                yield other
            previous = other


def same_numbers(a: Sentence, b: Sentence) -> bool:
    """Whether two sentences state the same figures: an article that gives two different counts
    in similar words ("384 civilians killed ...", "Another 105 civilians killed ...") is
    reporting two facts, not repeating one."""
    return set(NUMBER.findall(a.text)) == set(NUMBER.findall(b.text))


def quote_shingles(text: str, size: int) -> set[tuple[str, ...]]:
    """Every run of `size` lower-cased words inside quotation marks.

    A shared run means the two sentences carry the same quote. Runs outside quotes are left out:
    long names ("the ... for Human Rights") would otherwise join unrelated facts.
    """
    runs: set[tuple[str, ...]] = set()
    for quoted in QUOTED.findall(text):
        words = [w.casefold() for w in TOKEN.findall(quoted)]
        runs.update(tuple(words[k : k + size]) for k in range(len(words) - size + 1))
    return runs


def choose_representative(
    members: Sequence[int], sentences: Sequence[Sentence], embeddings: np.ndarray
) -> list[int]:
    """Members ordered best first: standalone, central to the group, complete, earliest."""
    if len(members) == 1:
        return list(members)
    vectors = embeddings[list(members)]
    if len(members) <= EXACT_CENTRALITY_LIMIT:
        centrality = (vectors @ vectors.T).mean(axis=1)
    else:  # the same means up to rounding, without an m x m matrix
        centrality = vectors @ vectors.mean(axis=0)

    def quality(k: int) -> tuple[float, int]:
        sentence = sentences[members[k]]
        words = len(sentence.text.split())
        fullness = min(words, FULL_WORDS) / FULL_WORDS - max(0, words - LONG_WORDS) / LONG_WORDS
        standalone = 0.0 if repair(sentence, sentences) is None else STANDALONE_BONUS
        if standalone and repair(sentence, sentences, strict=True) is not None:
            standalone += CLEAR_BONUS
        opens_with_quote = QUOTE_OPENING_PENALTY if sentence.text[:1] in QUOTE_MARKS else 0.0
        value = standalone + float(centrality[k]) + FULLNESS_WEIGHT * fullness - opens_with_quote
        return (-value, sentence.id)

    order = sorted(range(len(members)), key=quality)
    return [members[k] for k in order]


def make_point(
    point_id: int,
    ordered: Sequence[int],
    sentences: Sequence[Sentence],
    sources: Mapping[int, Source],
) -> Point:
    """A point whose text is its best member, repaired if it needs a bracketed referent."""
    best = sentences[ordered[0]]
    repaired = repair(best, sentences)
    evidence = sentence_evidence((sentences[k] for k in ordered), sources)
    return Point(
        id=point_id,
        sentences=tuple(ordered),
        text=repaired if repaired is not None else best.text,
        sources=tuple(sorted({e.source for e in evidence})),
        evidence=evidence,
        standalone=repaired is not None,
    )
