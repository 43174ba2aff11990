"""Group a feed's articles into stories, without being told how many stories there are.

Two articles belong to one story when they are about the same event, which shows in three
ways at once: their sentences mean similar things (sentence embeddings, averaged over the
article and over its lead), they name the same rare people, places and figures, and they use
the same rare words. The similarity of two articles mixes the three; articles dated more than
`max_days_apart` apart (when both dates are known) never link directly.

Stories then grow by average linkage: the two groups whose articles are on average most
similar merge, until no two groups reach `threshold`. The threshold, not a story count, ends
the merging, so a feed of 3 stories and one of 300 need no setting changed. Only each
article's `neighbours` most similar articles are kept as candidate links (pairs left out count
as 0), and similarities are computed in blocks of rows, so memory grows with the number of
articles times `neighbours`, not with its square. Everything runs over the articles in their
canonical (path) order, so the result does not depend on the order inputs were given.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from synth.core import Sentence, Source
from synth.lang.en import (
    NAME_TOKEN,
    NUMBER_TOKEN,
    OPENING_MARKS,
    TERM,
    not_a_name,
    stem,
    stop_words,
)
from synth.read.dates import parse_date

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

Edges = dict[tuple[int, int], float]


@dataclass(frozen=True)
class StorySettings:
    """How articles are compared and when they make one story.

    The weights and threshold were chosen on the even-numbered clusters of the development
    set (bench/digest.py); see the README for the scores on the odd-numbered ones.
    """

    body_weight: float = 0.2
    lead_weight: float = 0.1
    names_weight: float = 0.3
    words_weight: float = 0.4
    threshold: float = 0.2
    lead_sentences: int = 5
    max_days_apart: int = 4
    neighbours: int = 50
    block_rows: int = 1024
    # A term in more than this share of the articles (and more than `common_floor` articles)
    # says nothing about which story one is in.
    max_term_share: float = 0.05
    max_word_share: float = 0.3
    common_floor: int = 10


@dataclass(frozen=True)
class Profiles:
    """Per article: embedding means, name and word terms, and date (row i = articles[i])."""

    body: np.ndarray
    lead: np.ndarray
    names: tuple[Counter[str], ...]
    words: tuple[Counter[str], ...]
    dates: tuple[date | None, ...]


@dataclass(frozen=True)
class StoryGrouper:
    """The default story stage: mixed similarity, then thresholded average linkage."""

    settings: StorySettings = StorySettings()

    def group(
        self, sources: Sequence[Source], sentences: Sequence[Sentence], vectors: np.ndarray
    ) -> tuple[tuple[int, ...], ...]:
        """Source ids grouped into stories (one-article groups included), skipped sources out.

        Groups are in the order of their first source id; ids within a group ascend.
        """
        articles = sorted(s.id for s in sources if not s.skipped)
        if not articles:
            return ()
        profiles = article_profiles(articles, sources, sentences, vectors, self.settings)
        edges = candidate_edges(profiles, self.settings)
        labels = average_linkage(len(articles), edges, self.settings.threshold)
        members: dict[int, list[int]] = defaultdict(list)
        for row, label in enumerate(labels):
            members[label].append(articles[row])
        return tuple(sorted(tuple(m) for m in members.values()))


def article_profiles(
    articles: Sequence[int],
    sources: Sequence[Source],
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    settings: StorySettings,
) -> Profiles:
    """What each article is compared by, from its sentences (furniture already left out)."""
    by_source: dict[int, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_source[sentence.source].append(sentence)
    dimensions = vectors.shape[1] if vectors.ndim == 2 and len(vectors) else 1
    body = np.zeros((len(articles), dimensions), dtype=np.float32)
    lead = np.zeros_like(body)
    for row, source_id in enumerate(articles):
        rows = [s.id for s in sorted(by_source[source_id], key=lambda s: s.start)]
        if rows:
            body[row] = vectors[rows].mean(axis=0)
            lead[row] = vectors[rows[: settings.lead_sentences]].mean(axis=0)
    texts = [[s.text for s in by_source[i]] for i in articles]
    published = {s.id: s.published for s in sources}
    return Profiles(
        body=_unit(body),
        lead=_unit(lead),
        names=tuple(name_terms(t) for t in texts),
        words=tuple(word_terms(t) for t in texts),
        dates=tuple(_day(published.get(i)) for i in articles),
    )


def name_terms(sentences: Iterable[str]) -> Counter[str]:
    """Names and figures: runs of capitalized words not opening a sentence, and numbers.

    A run counts as a whole and word by word ("white house", "white", "house"), so "President
    Lee Kim" and "Kim" still meet; numbers keep two digits or more, commas dropped.
    """
    terms: Counter[str] = Counter()
    for sentence in sentences:
        run: list[str] = []
        previous = "."
        for match in NAME_TOKEN.finditer(sentence + " ."):
            word = match.group(0)
            opening = previous in OPENING_MARKS
            previous = word
            if word[0].isupper() and not opening and not not_a_name(word):
                run.append(word.casefold().removesuffix("'s").removesuffix("’s").rstrip("."))
                continue
            terms.update(run)
            if len(run) > 1:
                terms[" ".join(run)] += 1
            run = []
        for number in NUMBER_TOKEN.findall(sentence):
            digits = number.replace(",", "").rstrip(".")
            if sum(c.isdigit() for c in digits) >= 2:
                terms["#" + digits] += 1
    return terms


def word_terms(sentences: Iterable[str]) -> Counter[str]:
    """Stemmed content words (stop words and words of one or two letters left out)."""
    stops = stop_words()
    return Counter(
        stem(word)
        for text in sentences
        for word in TERM.findall(text.lower())
        if len(word) > 2 and word not in stops
    )


def candidate_edges(profiles: Profiles, settings: StorySettings) -> Edges:
    """Each article's most similar articles, with the mixed similarity, as (low, high) pairs."""
    n = len(profiles.body)
    floor = settings.common_floor
    names = tfidf_matrix(profiles.names, settings.max_term_share, floor, sublinear=False)
    words = tfidf_matrix(profiles.words, settings.max_word_share, floor, sublinear=True)
    total = (
        settings.body_weight + settings.lead_weight + settings.names_weight + settings.words_weight
    )
    days = np.array([d.toordinal() if d else -1 for d in profiles.dates])
    edges: Edges = {}
    for start in range(0, n, settings.block_rows):
        rows = slice(start, min(n, start + settings.block_rows))
        block = (
            settings.body_weight * (profiles.body[rows] @ profiles.body.T)
            + settings.lead_weight * (profiles.lead[rows] @ profiles.lead.T)
            + settings.names_weight * (names[rows] @ names.T).toarray()
            + settings.words_weight * (words[rows] @ words.T).toarray()
        ) / total
        _apart_in_time(block, days[rows], days, settings.max_days_apart)
        for offset, row in enumerate(block):
            _keep_best(edges, start + offset, row, settings.neighbours)
    return edges


def tfidf_matrix(
    counts: Sequence[Counter[str]], max_share: float, floor: int, sublinear: bool
) -> csr_matrix:
    """Rows of unit length: term weight times log inverse document frequency.

    Terms held by one article link nothing, and terms in more than `max_share` of the articles
    (and more than `floor`, so that a small feed keeps its story words) say nothing: both are
    left out.
    """
    from scipy.sparse import csr_matrix

    n = len(counts)
    frequency = Counter(term for terms in counts for term in terms)
    limit = max(floor, int(max_share * n))
    kept = sorted(t for t, c in frequency.items() if 2 <= c <= limit)
    column = {t: i for i, t in enumerate(kept)}
    idf = [math.log(n / frequency[t]) for t in kept]
    data: list[float] = []
    columns: list[int] = []
    pointers = [0]
    for terms in counts:
        row = sorted((column[t], c) for t, c in terms.items() if t in column)
        weights = [(1.0 + math.log(c) if sublinear else 1.0) * idf[i] for i, c in row]
        norm = math.sqrt(sum(w * w for w in weights)) or 1.0
        data.extend(w / norm for w in weights)
        columns.extend(i for i, _ in row)
        pointers.append(len(data))
    return csr_matrix((data, columns, pointers), shape=(n, max(1, len(kept))), dtype=np.float64)


def _apart_in_time(block: np.ndarray, rows: np.ndarray, days: np.ndarray, limit: int) -> None:
    """Zero the similarity of dated articles further apart than `limit` days (in place)."""
    known = (rows[:, None] >= 0) & (days[None, :] >= 0)
    block[known & (np.abs(rows[:, None] - days[None, :]) > limit)] = 0.0


def _keep_best(edges: Edges, row: int, similarities: np.ndarray, count: int) -> None:
    """Add `row`'s `count` most similar other articles (positive similarity) to `edges`.

    A pair found from both ends keeps the value computed from its lower row, so the result
    does not depend on which end found it first.
    """
    similarities = similarities.copy()
    similarities[row] = -np.inf
    if count < len(similarities):
        best = np.argpartition(-similarities, count)[:count]
    else:
        best = np.arange(len(similarities))
    for other in best.tolist():
        value = float(similarities[other])
        if value <= 0.0:
            continue
        pair = (min(row, other), max(row, other))
        if pair not in edges or row == pair[0]:
            edges[pair] = value


def average_linkage(n: int, edges: Mapping[tuple[int, int], float], threshold: float) -> list[int]:
    """A group label per item: merge the two groups of highest mean similarity while it
    reaches `threshold`; pairs missing from `edges` count as similarity 0.

    Mean similarity is kept as a sum over member pairs per neighbouring group, so a merge
    costs the neighbours of the two groups, not all n. Ties go to the lower item ids, and a
    group is named by its lowest item, so the result is fully determined by the input.
    """
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for (a, b), value in edges.items():
        links[a][b] = links[b][a] = float(value)
    size = [1] * n
    label = list(range(n))
    heap = [(-value, a, b) for (a, b), value in sorted(edges.items()) if value >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if label[a] != a or label[b] != b or b not in links[a]:
            continue
        if links[a][b] / (size[a] * size[b]) != -negative:
            continue  # stale: one of the two grew since this entry was pushed
        _merge(links, size, a, b)
        label[b] = a
        for other, total in links[a].items():
            mean = total / (size[a] * size[other])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, other), max(a, other)))
    return [_root(label, i) for i in range(n)]


def _merge(links: list[dict[int, float]], size: list[int], keep: int, gone: int) -> None:
    """Fold group `gone` into group `keep`: sums of similarity to each neighbour add up."""
    for other, total in links[gone].items():
        del links[other][gone]
        if other != keep:
            links[keep][other] = links[other][keep] = links[keep].get(other, 0.0) + total
    links[gone] = {}
    size[keep] += size[gone]


def _root(label: list[int], item: int) -> int:
    while label[item] != item:
        item = label[item]
    return item


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)


def _day(published: str | None) -> date | None:
    iso = parse_date(published)
    return date.fromisoformat(iso) if iso else None
