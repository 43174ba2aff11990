"""Group a feed's articles into stories, without being told how many stories there are.

Two articles belong to one story when they are about the same event. That shows as shared
rare names and figures, shared rare words, and sentences that say the same thing. The
similarity of two articles mixes four measures:

- names: IDF-weighted cosine of the names (capitalized runs inside sentences) and figures;
- words: TF-IDF cosine of stemmed content words;
- match: how well the article's sentences find a paraphrase in the other's (the mean of the
  five best sentence matches, embedding cosine), taken relative to each article's best match
  anywhere in the feed;
- body: cosine of the mean sentence embeddings, relative to each article's nearest articles.

"Relative" is cross-domain similarity local scaling (Conneau et al. 2018: 2 cos(a, b) - r(a) -
r(b), r the mean similarity to an article's nearest neighbours): an article on a crowded topic
(one more piece on an election) is close to many others, and only a partner that stands out
from its neighbourhood should count. Articles dated more than `max_days_apart` apart (when both
dates are known) never link directly.

Stories then grow by average linkage: the two groups whose articles are on average most
similar merge, until no two groups reach `threshold`. The threshold, not a story count, ends
the merging, so a feed of 3 stories and one of 300 need no setting changed. Only each
article's `neighbours` most similar articles (by names, words and body) are candidate links;
a pair that is no candidate counts as `floor`. Similarities are computed in blocks of rows, so
memory grows with the number of articles times `neighbours`, not with its square. Everything
runs over the articles in their canonical (path) order, so the result does not depend on the
order inputs were given.

Copies of one text (outlets running the same wire story, a file given twice under two names)
are one report: they are grouped as one article, the copy with the lowest id standing for
all, and join their story together. Left in, a copy would be its twin's nearest neighbour,
which the relative measures read as a crowded neighbourhood: a feed of copies only made no
story at all, and copies split a story or joined unrelated ones.
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
from synth.read.syndicate import mark_reports

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

Edges = dict[tuple[int, int], float]


@dataclass(frozen=True)
class StorySettings:
    """How articles are compared and when they make one story.

    The weights and threshold were chosen on the even-numbered clusters of the development
    set (`bench/digest.py --tune`); docs/quality.md gives the scores on the odd-numbered ones.
    """

    names_weight: float = 0.5
    words_weight: float = 0.5
    match_weight: float = 0.3
    body_weight: float = 0.4
    threshold: float = 0.05
    # The sentences of an article compared for a match, and how many best matches count.
    match_sentences: int = 50
    match_best: int = 5
    # Neighbours that set an article's reference level: 1 for match, 2 for body.
    match_reference: int = 1
    body_reference: int = 2
    max_days_apart: int = 4
    neighbours: int = 50
    floor: float = 0.0
    block_rows: int = 1024
    # A term in more than this share of the articles (and more than `common_floor` articles)
    # says nothing about which story one is in.
    max_term_share: float = 0.05
    max_word_share: float = 0.3
    common_floor: int = 10


@dataclass(frozen=True)
class Profiles:
    """Per article (row i = articles[i]): mean embedding, sentence vectors compared for a
    match, name and word terms, and date."""

    body: np.ndarray
    sentences: tuple[np.ndarray, ...]
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
        copies = copy_groups(sources, sentences)
        articles = sorted(copies)
        if not articles:
            return ()
        profiles = article_profiles(articles, sources, sentences, vectors, self.settings)
        edges = story_edges(profiles, self.settings)
        threshold = self.settings.threshold - self.settings.floor
        labels = average_linkage(len(articles), edges, threshold)
        members: dict[int, list[int]] = defaultdict(list)
        for row, label in enumerate(labels):
            members[label].extend(copies[articles[row]])
        return tuple(sorted(tuple(sorted(m)) for m in members.values()))


def copy_groups(sources: Sequence[Source], sentences: Sequence[Sentence]) -> dict[int, list[int]]:
    """The articles that were read, as copies of one text (`synth.read.syndicate`): the
    lowest id of each group of copies, with every id of the group."""
    read = [s for s in sources if not s.skipped]
    ids = {s.id for s in read}
    groups: dict[int, list[int]] = defaultdict(list)
    for source in mark_reports(read, [s for s in sentences if s.source in ids]):
        groups[source.report or source.id].append(source.id)
    return {min(group): sorted(group) for group in groups.values()}


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
    own: list[np.ndarray] = []
    for row, source_id in enumerate(articles):
        rows = [s.id for s in sorted(by_source[source_id], key=lambda s: s.start)]
        if rows:
            body[row] = vectors[rows].mean(axis=0)
        own.append(
            vectors[rows[: settings.match_sentences]].reshape(
                len(rows[: settings.match_sentences]), dimensions
            )
        )
    texts = [[s.text for s in by_source[i]] for i in articles]
    published = {s.id: s.published for s in sources}
    return Profiles(
        body=_unit(body),
        sentences=tuple(own),
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


def story_edges(profiles: Profiles, settings: StorySettings) -> Edges:
    """The mixed similarity of every candidate pair, less `floor` (so a missing pair is 0).

    Pairs scoring `floor` or below are left out; pairs dated too far apart are no candidates.
    """
    lexical, body, body_reference = candidate_pairs(profiles, settings)
    match = sentence_matches(profiles, lexical, settings.match_best)
    match_reference = _reference(match, len(profiles.body), settings.match_reference)
    edges: Edges = {}
    for pair, (names, words) in lexical.items():
        a, b = pair
        value = (
            settings.names_weight * names
            + settings.words_weight * words
            + settings.match_weight * (2 * match[pair] - match_reference[a] - match_reference[b])
            + settings.body_weight * (2 * body[pair] - body_reference[a] - body_reference[b])
        )
        if value > settings.floor:
            edges[pair] = value - settings.floor
    return edges


def candidate_pairs(
    profiles: Profiles, settings: StorySettings
) -> tuple[dict[tuple[int, int], tuple[float, float]], dict[tuple[int, int], float], np.ndarray]:
    """Each article's `neighbours` most similar articles by names, words and body.

    Returns the name and word similarity of each candidate pair, its body cosine, and every
    article's body reference level (the mean cosine to its `body_reference` nearest articles,
    over all articles). Computed in blocks of rows.
    """
    n = len(profiles.body)
    floor = settings.common_floor
    names = tfidf_matrix(profiles.names, settings.max_term_share, floor, sublinear=False)
    words = tfidf_matrix(profiles.words, settings.max_word_share, floor, sublinear=True)
    days = np.array([d.toordinal() if d else -1 for d in profiles.dates])
    lexical: dict[tuple[int, int], tuple[float, float]] = {}
    body: dict[tuple[int, int], float] = {}
    reference = np.zeros(n)
    for start in range(0, n, settings.block_rows):
        rows = slice(start, min(n, start + settings.block_rows))
        name_block = (names[rows] @ names.T).toarray()
        word_block = (words[rows] @ words.T).toarray()
        body_block = profiles.body[rows] @ profiles.body.T
        ranking = (
            settings.names_weight * name_block
            + settings.words_weight * word_block
            + settings.body_weight * body_block
        )
        apart = _apart_in_time(days[rows], days, settings.max_days_apart)
        for offset in range(ranking.shape[0]):
            row = start + offset
            reference[row] = _nearest_mean(body_block[offset], row, settings.body_reference)
            scores = np.where(apart[offset], -np.inf, ranking[offset])
            for other in _best(scores, row, settings.neighbours):
                pair = (min(row, other), max(row, other))
                if pair not in lexical or row == pair[0]:
                    lexical[pair] = (
                        float(name_block[offset, other]),
                        float(word_block[offset, other]),
                    )
                    body[pair] = float(body_block[offset, other])
    return lexical, body, reference


def sentence_matches(
    profiles: Profiles, pairs: Iterable[tuple[int, int]], best: int
) -> dict[tuple[int, int], float]:
    """For each pair, how well each article's sentences find a paraphrase in the other's.

    From one side: each of its sentences' best cosine to any sentence of the other article,
    the `best` highest of those averaged; the pair's value is the mean of the two sides.
    """
    partners: dict[int, list[int]] = defaultdict(list)
    for a, b in pairs:
        partners[a].append(b)
        partners[b].append(a)
    one_side: dict[tuple[int, int], float] = {}
    for article, others in partners.items():
        mine = profiles.sentences[article]
        others = sorted(others)
        theirs = [profiles.sentences[o] for o in others]
        if len(mine) == 0:
            one_side.update({(article, o): 0.0 for o in others})
            continue
        lengths = [len(t) for t in theirs]
        stacked = np.vstack([t for t in theirs if len(t)]) if any(lengths) else None
        cosines = mine @ stacked.T if stacked is not None else np.zeros((len(mine), 0))
        start = 0
        for other, length in zip(others, lengths, strict=True):
            if length == 0:
                one_side[(article, other)] = 0.0
                continue
            best_each = cosines[:, start : start + length].max(axis=1)
            start += length
            one_side[(article, other)] = float(np.sort(best_each)[-best:].mean())
    return {
        (a, b): (one_side[(a, b)] + one_side[(b, a)]) / 2
        for a, b in {(min(p), max(p)) for p in one_side}
    }


def _reference(values: Mapping[tuple[int, int], float], n: int, count: int) -> np.ndarray:
    """Each article's mean value over its `count` best pairs (0 for an article with none)."""
    best: list[list[float]] = [[] for _ in range(n)]
    for (a, b), value in values.items():
        best[a].append(value)
        best[b].append(value)
    return np.array([float(np.mean(sorted(v)[-count:])) if v else 0.0 for v in best])


def _nearest_mean(similarities: np.ndarray, row: int, count: int) -> float:
    others = np.delete(similarities, row)
    if len(others) == 0:
        return 0.0
    count = min(count, len(others))
    return float(np.partition(others, len(others) - count)[-count:].mean())


def _best(scores: np.ndarray, row: int, count: int) -> list[int]:
    """The `count` highest-scoring other rows, finite scores only."""
    scores = scores.copy()
    scores[row] = -np.inf
    if count < len(scores):
        chosen = np.argpartition(-scores, count)[:count]
    else:
        chosen = np.arange(len(scores))
    order = chosen[np.lexsort((chosen, -scores[chosen]))]
    return [int(i) for i in order if np.isfinite(scores[i])]


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


def _apart_in_time(rows: np.ndarray, days: np.ndarray, limit: int) -> np.ndarray:
    """True where both articles are dated and further apart than `limit` days."""
    known = (rows[:, None] >= 0) & (days[None, :] >= 0)
    return known & (np.abs(rows[:, None] - days[None, :]) > limit)


def average_linkage(n: int, edges: Mapping[tuple[int, int], float], threshold: float) -> list[int]:
    """A group label per item (the group's lowest item): see `merge_history`."""
    return labels_after(n, merge_history(n, edges, threshold))


def merge_history(
    n: int, edges: Mapping[tuple[int, int], float], threshold: float
) -> list[tuple[float, int, int]]:
    """Average linkage: merge the two groups of highest mean similarity while it reaches
    `threshold`; pairs missing from `edges` count as similarity 0. Returns (mean, kept group,
    merged group) per merge, means never rising, so a cut at any higher threshold is a prefix.

    Mean similarity is kept as a sum over member pairs per neighbouring group, so a merge
    costs the neighbours of the two groups, not all n. Ties go to the lower item ids, and a
    group is named by its lowest item, so the result is fully determined by the input.
    """
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for (a, b), value in edges.items():
        links[a][b] = links[b][a] = float(value)
    size = [1] * n
    alive = [True] * n
    heap = [(-value, a, b) for (a, b), value in sorted(edges.items()) if value >= threshold]
    heapq.heapify(heap)
    history: list[tuple[float, int, int]] = []
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in links[a]:
            continue
        if links[a][b] / (size[a] * size[b]) != -negative:
            continue  # stale: one of the two grew since this entry was pushed
        _merge(links, size, a, b)
        alive[b] = False
        history.append((-negative, a, b))
        for other, total in links[a].items():
            mean = total / (size[a] * size[other])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, other), max(a, other)))
    return history


def labels_after(
    n: int, history: Sequence[tuple[float, int, int]], threshold: float = -math.inf
) -> list[int]:
    """Each item's group (its lowest item) after the merges of `history` that reach `threshold`."""
    parent = list(range(n))
    for value, kept, merged in history:
        if value < threshold:
            break
        parent[merged] = kept
    return [_root(parent, i) for i in range(n)]


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
