"""Where sources agree, where they differ, and what only one of them says.

Differences are found between sentences of different outlets that speak of the same thing
(merged into one point, or close in embedding space) yet give a different figure or place.
False alarms cost a reader's trust more than misses, so a figure only counts as a different
value for the same quantity when the counted thing matches ("civilians" and "civilian lives")
and the values are close enough to be two estimates of one number, not two numbers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from synth.compare.figures import (
    FigureClaim,
    consistent,
    content_words,
    figure_claims,
    format_value,
)
from synth.compare.people import PeopleFinder, gives_both
from synth.compare.timeline import Moment, report_moments, signal, time_order
from synth.core import Difference, Point, Sentence, Source, Variant, sentence_evidence
from synth.lang.en import (
    DAY_MENTION,
    GENERIC_COUNTED,
    LATIN_WORD,
    NOT_PLACES,
    NUMBER_WORDS,
    PLACE,
    PRONOUN_START,
    RANGE,
    SCOPE,
    SPEECH_CUE,
    TALLY,
    TALLY_CLASSES,
    not_a_name,
    stem,
)
from synth.understand.neighbours import NEIGHBOURS, BestPairs, similarity_blocks
from synth.understand.standalone import last_named_speaker

SPEECH_REACH = 130
# Parts that add up to within 10% of a larger count may be what it totals.
PART_SLACK = 1.1
SAME, CHANGE = "same", "change"
OPENING_NAME = re.compile(r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})(?=,|\s+[a-z])")
FIRST_NAME = re.compile(r"[A-Z][a-z]+(?=\s+[a-z])")  # "Trump holds": a name opening a sentence
FULL_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\s+(?P<last>[A-Z][a-z]+)\b")  # "said Maria Olsen"
POSSESSIVE_NAME = re.compile(r"\b(?P<name>[A-Z][a-z]+)['’]s\b")
TALLY_REACH = 6  # words after a count in which a tally word ("injured") may come
Edge = tuple[float, FigureClaim, FigureClaim, str]


@dataclass(frozen=True)
class Comparer:
    """Thresholds of the difference finder, chosen for precision."""

    figure_similarity: float = 0.55
    percent_similarity: float = 0.6
    place_similarity: float = 0.8
    support_similarity: float = 0.55
    max_count_ratio: float = 2.0
    max_change_ratio: float = 4.0  # a tally may grow more between two days
    max_percent_gap: float = 15.0
    max_year_gap: float = 5.0  # "founded in 1989" and "in 1990": two years of one founding
    bare_percent_similarity: float = 0.8
    close_similarity: float = 0.7  # below it, two figures' sentences must share another word
    neighbours: int = NEIGHBOURS

    def differences(
        self,
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        points: Sequence[Point],
        sources: Sequence[Source],
    ) -> list[Difference]:
        point_of = {k: p.id for p in points for k in p.sentences}
        figures = [figure_claims(s, broad=True) for s in sentences]
        context = QuantityContext.of(sentences, sources)
        places = [place_names(s.text) for s in sentences]
        scopes = [scope_places(s.text) for s in sentences]
        figure_edges: dict[str, list[Edge]] = defaultdict(list)
        place_edges: list[tuple[int, int, str, str]] = []
        for i, j, sim in self._candidate_pairs(sentences, vectors, figures, places, point_of):
            if sim >= self.figure_similarity and same_scope(scopes[i], scopes[j]):
                conflicts = self._figure_conflicts(figures[i], figures[j], context, sim)
                for key, a, b, relation in conflicts:
                    if key != "percent" or sim >= self.percent_similarity:
                        figure_edges[key].append((sim, a, b, relation))
            same_point = point_of.get(i) == point_of.get(j)
            if (same_point or sim >= self.place_similarity) and places[i] and places[j]:
                only_i, only_j = places[i] - places[j], places[j] - places[i]
                text_i, text_j = sentences[i].text, sentences[j].text
                if len(only_i) == 1 and len(only_j) == 1:
                    a, b = next(iter(only_i)), next(iter(only_j))
                    if a not in text_j and b not in text_i:
                        place_edges.append((i, j, a, b))
        grouped = FigureGroups(sentences, vectors, sources, figures, scopes, context)
        found = [
            grouped.difference(edges, self.support_similarity)
            for _, edges in sorted(figure_edges.items())
        ]
        found += self._place_differences(place_edges, sentences, vectors, places, sources)
        found += PeopleFinder(sentences, vectors, sources).differences()
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
        similarity: float = 1.0,
    ) -> list[tuple[str, FigureClaim, FigureClaim, str]]:
        """(key, claim, claim, relation) for two sentences' values of one quantity: "same"
        when they are two outlets' values for one moment, "change" when reports of different
        days give a tally. A measure ("230 kilometers") only counts where words say it
        changed ("raise it to")."""
        conflicts = []
        for a in left:
            for b in right:
                if a.unit != b.unit or a.value == b.value or consistent(a, b):
                    continue
                if _states(b, left) or _states(a, right):
                    continue
                if context and not _subjects_agree(a, b, context.texts, context.names):
                    continue
                if context and similarity < self.close_similarity and not context.share(a, b):
                    continue  # "nine Serbs murdered" and "10 Serbs killed": nothing else alike
                relation = context.relation(a, b) if context else SAME
                counted = context.same_counted(a, b) if context else a.head
                if counted is None or (not context and a.head != b.head) or not relation:
                    continue
                if (a.measure or b.measure) and not (context and context.signalled(a, b)):
                    continue
                bare = a.unit == "percent" and not (a.head or b.head or a.of or b.of)
                if bare and similarity < self.bare_percent_similarity:
                    continue  # "rose 14 percent": a share of nothing named
                if a.unit == "percent":
                    close = abs(a.value - b.value) <= self.max_percent_gap
                    key = "percent"
                elif a.unit in {"year", "age"}:
                    close = abs(a.value - b.value) <= self.max_year_gap
                    key = f"{a.unit}:{a.head}"
                else:
                    shared = {counted} if counted != a.head else a.counted & b.counted
                    low, high = sorted((a.value, b.value))
                    most = self.max_change_ratio if relation == CHANGE else self.max_count_ratio
                    close = bool(shared) and low > 0 and high / low <= most
                    key = f"{a.unit}:{min(shared)}" if shared else ""
                if close:
                    conflicts.append((key, a, b, relation))
        return conflicts

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
            variants = ordered_variants(
                [_variant(place, sorted(ids), sentences, sources) for place, ids in group.items()],
                sources,
            )
            texts = [sentences[k].text for ids in group.values() for k in ids]
            found.append(
                Difference("place", _about("place", texts), variants, gives_both(variants))
            )
        return found

    def _add_support(
        self,
        group: dict[str, set[int]],
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        places: Sequence[set[str]],
    ) -> None:
        """Other sentences that place the same event in one of the places: a statement place
        in a sentence close to the difference's, or any mention of one of the places in a
        sentence that names the speaker (or opens with a pronoun after one that does)."""
        core = sorted(k for ids in group.values() for k in ids)
        names = set(group)
        speakers = {w for k in core if (w := speaker_of(sentences, k))}
        for k in range(len(sentences)):
            if k in core:
                continue
            spoken = places[k] & names
            mentioned = {n for n in names if n in mentioned_places(sentences[k].text)}
            if len(spoken) == 1 and (
                float(np.max(vectors[core] @ vectors[k])) >= self.support_similarity
            ):
                group[next(iter(spoken))].add(k)
            elif len(mentioned) == 1 and speakers & names_around(sentences, k):
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
    moments: dict[int, Moment]
    names: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sentences: Sequence[Sentence], sources: Sequence[Source]) -> QuantityContext:
        counts: dict[tuple[int, str], set[float]] = defaultdict(set)
        for sentence in sentences:
            for claim in figure_claims(sentence, increments=True):
                if claim.unit == "count":
                    counts[(sentence.source, claim.head)].add(claim.value)
        return cls(
            tuple(s.text for s in sentences),
            tuple(s.source for s in sentences),
            {k: frozenset(v) for k, v in counts.items()},
            report_moments(sources, sentences),
            known_names([s.text for s in sentences]),
        )

    def same_quantity(self, a: FigureClaim, b: FigureClaim) -> bool:
        """False for a range and a value inside it, a part and its whole, or a count given
        for different days (a toll that grew is a change over time, not a disagreement)."""
        return self.relation(a, b) == SAME

    def relation(self, a: FigureClaim, b: FigureClaim) -> str:
        """ "same" for two values of one quantity at one moment; "change" for a tally given by
        reports of different days; "" for a range and a value inside it, a part and its
        whole, counts the sentences date to different days ("died on May 3"), or a tally from
        a report whose day is unknown when the other's is known."""
        text_a, text_b = self.texts[a.sentence], self.texts[b.sentence]
        if _in_range(a.value, text_b) or _in_range(b.value, text_a):
            return ""
        days_a, days_b = set(DAY_MENTION.findall(text_a)), set(DAY_MENTION.findall(text_b))
        if days_a and days_b and not days_a & days_b:
            return ""
        if a.unit == "count" and self._part_of_whole(a, b):
            return ""
        if self.tally(a) or self.tally(b):
            day_a = self.moments.get(self.source_of[a.sentence])
            day_b = self.moments.get(self.source_of[b.sentence])
            if bool(day_a) != bool(day_b):
                return ""  # one report's day is known, the other's not: maybe later, maybe not
            if day_a and day_b and day_a.order(day_b):
                return CHANGE
        return SAME

    def share(self, a: FigureClaim, b: FigureClaim) -> bool:
        """Whether two figures' sentences share a content word besides what is counted."""
        words = [{stem(w.lower()) for w in self._topic(c.sentence)} - c.counted for c in (a, b)]
        return bool(words[0] & words[1])

    def _topic(self, k: int) -> list[str]:
        """A sentence's content words, and those of the one before when it opens with a
        pronoun ("It now holds around 80 percent")."""
        words = content_words(self.texts[k])
        if (
            k > 0
            and self.source_of[k - 1] == self.source_of[k]
            and PRONOUN_START.match(self.texts[k])
        ):
            words += content_words(self.texts[k - 1])
        return words

    def tally(self, claim: FigureClaim) -> bool:
        """Whether a count is of a tally: a tally word among what it counts or in the words
        right after it ("three people had been injured")."""
        after = LATIN_WORD.findall(self.texts[claim.sentence][claim.start :])[:TALLY_REACH]
        return bool(claim.counted & TALLY or {stem(w.lower()) for w in after} & TALLY)

    def counted_key(self, claim: FigureClaim) -> str:
        """What a count counts, for comparing two outlets' counts: its head word, or the tally
        it belongs to when the head only says "people" or is a tally word itself ("21 people
        injured", "24 were hurt" and "24 wounded" all count the injured)."""
        if claim.unit != "count" or claim.measure:
            return claim.head
        if claim.head and claim.head not in GENERIC_COUNTED and claim.head not in TALLY_CLASSES:
            return claim.head
        after = LATIN_WORD.findall(self.texts[claim.sentence][claim.start :])[:TALLY_REACH]
        for word in (claim.head, *sorted(claim.counted), *(stem(w.lower()) for w in after)):
            if word in TALLY_CLASSES:
                return TALLY_CLASSES[word]
        return claim.head

    def same_counted(self, a: FigureClaim, b: FigureClaim) -> str | None:
        """What two counts both count, None when they count two things: the same head word,
        or the same tally however worded ("21 people injured", "24 were hurt"). Two tallies
        of two kinds (injured, dead) are two things; a tally and a count of the same head
        that names no tally ("27 people were taken to hospitals") may be one."""
        left, right = self.counted_key(a), self.counted_key(b)
        if left == right:
            return left
        if a.head == b.head and (left == a.head or right == b.head):
            return a.head
        return None

    def signalled(self, a: FigureClaim, b: FigureClaim) -> bool:
        """Whether words around either value say it changed ("raise it to", "earlier")."""
        return bool(
            signal(self.texts[a.sentence], a.start) or signal(self.texts[b.sentence], b.start)
        )

    def _part_of_whole(self, a: FigureClaim, b: FigureClaim) -> bool:
        """Whether the smaller count's outlet gives other counts of the same thing that add
        up to (nearly) the larger one: 384 + 105 civilians against "almost 500"."""
        small, large = sorted((a, b), key=lambda c: c.value)
        others = self.counts.get((self.source_of[small.sentence], small.head), frozenset())
        parts = [v for v in others if v != small.value and v < large.value]
        total = small.value + sum(parts)
        return bool(parts) and large.value / PART_SLACK <= total <= large.value * PART_SLACK


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


def _states(claim: FigureClaim, claims: Sequence[FigureClaim]) -> bool:
    """Whether a sentence also gives this value of the same thing: then both outlets report
    the same numbers ("two Bosnian Croats" in both says nothing of "three Muslims")."""
    return any(c.value == claim.value and c.head == claim.head for c in claims)


def _subjects_agree(
    a: FigureClaim, b: FigureClaim, texts: Sequence[str], names: Collection[str] = ()
) -> bool:
    """Two figures are of one subject unless both sentences name whose figure it is and the
    names differ: "Trump holds 18 percent" is not Walker's "10% support"."""
    left, right = _subject(a, texts, names), _subject(b, texts, names)
    return not (left and right and left != right)


def known_names(texts: Sequence[str]) -> frozenset[str]:
    """Words the articles use as a person's or a body's name: a surname after a capitalized
    first name inside a sentence ("said Maria Olsen"), or a possessive ("Olsen's"). A
    capitalized word that only opens sentences ("Flight controllers", "Russian officials")
    is not one."""
    found: set[str] = set()
    for text in texts:
        found.update(m.group("last") for m in FULL_NAME.finditer(text, 1))
        found.update(m.group("name") for m in POSSESSIVE_NAME.finditer(text))
    return frozenset(w for w in found if not not_a_name(w))


def _subject(claim: FigureClaim, texts: Sequence[str], names: Collection[str] = ()) -> str | None:
    """Whose figure it is: the full name a sentence opens with ("Hazim Delic, a Muslim who
    ..., was found guilty of two murders"), else the name before the figure, else a name the
    sentence opens with ("Trump holds ...") when the articles use that word as a name."""
    opening = OPENING_NAME.match(texts[claim.sentence])
    if opening and opening.end() <= claim.start:
        words = opening.group("name").split()
        if not any(not_a_name(w) for w in words):
            return opening.group("name")
    if claim.subject:
        return claim.subject
    first = FIRST_NAME.match(texts[claim.sentence])
    if first and first.end() <= claim.start and first.group(0) in names:
        word = first.group(0)
        return None if word.lower() in NUMBER_WORDS else word
    return None


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
    when: str = "",
) -> Variant:
    evidence = sentence_evidence((sentences[k] for k in sentence_ids), {s.id: s for s in sources})
    return Variant(value, tuple(sorted({e.source for e in evidence})), evidence, when=when)


def ordered_variants(variants: Sequence[Variant], sources: Sequence[Source]) -> tuple[Variant, ...]:
    """The value most independent reports give first; ties by value (numbers by size)."""
    report_of = {s.id: s.report or s.id for s in sources}

    def weight(variant: Variant) -> tuple[int, float, str]:
        reports = len({report_of.get(s, s) for s in variant.sources})
        return (-reports, _number(variant.value), variant.value)

    return tuple(sorted(variants, key=weight))


def outlets_differ(variants: Sequence[Variant]) -> bool:
    """Whether outlets give different sets of the values: when every outlet gives every
    value, the values are of different things, not a disagreement."""
    given: dict[int, set[str]] = defaultdict(set)
    for variant in variants:
        for source in variant.sources:
            given[source].add(variant.value)
    return len({frozenset(v) for v in given.values()}) > 1


def _number(value: str) -> float:
    try:
        return float(value.rstrip("%").replace(",", ""))
    except ValueError:
        return 0.0


def speaker_of(sentences: Sequence[Sentence], k: int) -> str | None:
    """Who speaks in a sentence: the last person it names before a verb of saying, or the one
    the sentence before names when it opens with a pronoun."""
    found = last_named_speaker(sentences[k].text)
    if found or k == 0 or sentences[k - 1].source != sentences[k].source:
        return found
    return (
        last_named_speaker(sentences[k - 1].text)
        if PRONOUN_START.match(sentences[k].text)
        else None
    )


def names_around(sentences: Sequence[Sentence], k: int) -> set[str]:
    """Capitalized words of a sentence, and of the one before when it opens with a pronoun."""
    words = set(re.findall(r"\b[A-Z][\w'’-]+", sentences[k].text))
    opens = PRONOUN_START.match(sentences[k].text)
    if opens and k > 0 and sentences[k - 1].source == sentences[k].source:
        words |= set(re.findall(r"\b[A-Z][\w'’-]+", sentences[k - 1].text))
    return {w.removesuffix("’s").removesuffix("'s") for w in words}


def mentioned_places(text: str) -> set[str]:
    """Every place a sentence names with "in", "at" or "city of" (not only where someone
    spoke)."""
    return {m.group("a") or m.group("b") for m in PLACE.finditer(text)} - NOT_PLACES


class FigureGroups:
    """Turns the conflicting figure pairs of one quantity into a difference or a change."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        sources: Sequence[Source],
        figures: Sequence[Sequence[FigureClaim]],
        scopes: Sequence[set[str]],
        context: QuantityContext,
    ) -> None:
        self.sentences = sentences
        self.vectors = vectors
        self.sources = sources
        self.figures = figures
        self.scopes = scopes
        self.context = context

    def difference(self, edges: Sequence[Edge], support: float) -> Difference | None:
        """The values of one quantity, each with every outlet that gives it; a change over
        time when the reports' days or their words say so, else a difference (values from
        reports of different days that cannot be put in order are left out)."""
        best: dict[tuple[int, int], Edge] = {}
        for edge in edges:
            sim, a, b, _ = edge
            left, right = self.sentences[a.sentence].source, self.sentences[b.sentence].source
            pair = (min(left, right), max(left, right))
            if pair not in best or sim > best[pair][0]:
                best[pair] = edge
        claims = {c.sentence: c for _, a, b, _ in best.values() for c in (a, b)}
        by_value: dict[str, list[FigureClaim]] = defaultdict(list)
        for claim in claims.values():
            by_value[format_value(claim.value, claim.unit)].append(claim)
        if len(by_value) < 2:
            return None
        self._add_support(by_value, support)
        change = self._change(by_value)
        if change is not None:
            return change
        same = [e for e in best.values() if e[3] == SAME]
        if len(same) < len(best):
            return self.difference(same, support) if same else None
        variants = ordered_variants(
            [self._variant(value, group) for value, group in by_value.items()], self.sources
        )
        if not outlets_differ(variants):
            return None
        about = _about(_key(next(iter(claims.values()))), [self.sentences[c].text for c in claims])
        return Difference("figure", about, variants, gives_both(variants))

    def _variant(self, value: str, group: Sequence[FigureClaim], when: str = "") -> Variant:
        return _variant(
            value, sorted({c.sentence for c in group}), self.sentences, self.sources, when
        )

    def _add_support(self, by_value: dict[str, list[FigureClaim]], least: float) -> None:
        """Every other sentence close to the group that gives one of its values for the same
        counted thing, so that each value shows all the outlets that give it."""
        core = sorted({c.sentence for group in by_value.values() for c in group})
        model = by_value[next(iter(by_value))][0]
        subjects = {c.subject for group in by_value.values() for c in group if c.subject}
        closeness = self.vectors @ self.vectors[core].T
        for k, claims in enumerate(self.figures):
            if k in core or not claims or float(np.max(closeness[k])) < least:
                continue
            if any(not same_scope(self.scopes[k], self.scopes[c]) for c in core):
                continue
            for claim in claims:
                value = format_value(claim.value, claim.unit)
                if (
                    value in by_value
                    and claim.unit == model.unit
                    and self.context.same_counted(claim, model) is not None
                    and claim.measure == model.measure
                    and (not claim.subject or not subjects or claim.subject in subjects)
                ):
                    by_value[value].append(claim)
                    break

    def _change(self, by_value: Mapping[str, Sequence[FigureClaim]]) -> Difference | None:
        """The values as a change over time, in order, when the days or words say so."""
        given = {
            value: [
                (
                    self.sentences[c.sentence].source,
                    signal(self.sentences[c.sentence].text, c.start),
                    self.sentences[c.sentence].text,
                )
                for c in group
            ]
            for value, group in by_value.items()
        }
        tally = any(self.context.tally(c) for group in by_value.values() for c in group)
        order = time_order(given, self.context.moments, tally)
        if order is None:
            return None
        signalled = any(mark for found in given.values() for _, mark, _ in found)
        first, last = (_number(value) for value in (order[0][0], order[-1][0]))
        if tally and not signalled and last < first:
            return None  # a tally that fell between reports, and no word says it was revised
        whens = [when for _, when in order]
        if len(set(whens)) < len(whens) or not all(whens) or {"earlier", "later"} & set(whens):
            whens = ["earlier" if k == 0 else "later" for k in range(len(order))]
        variants = tuple(
            self._variant(value, by_value[value], when)
            for (value, _), when in zip(order, whens, strict=True)
        )
        texts = [self.sentences[c.sentence].text for g in by_value.values() for c in g]
        about = _about(_key(next(iter(by_value.values()))[0]), texts)
        return Difference(CHANGE, about, variants, gives_both(variants))


def _key(claim: FigureClaim) -> str:
    if claim.unit in {"year", "age"}:
        return f"{claim.unit}:{claim.head}"
    return "percent" if claim.unit == "percent" else claim.head


def _about(key: str, texts: Sequence[str]) -> str:
    """What the variants speak of: the key and the content words most of them share."""
    kind = key.split(":")[0] if ":" in key else ""
    key = key.split(":")[-1]
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
    named = first_form.get(key, key)
    label = {"percent": "share (percent)", "place": "place"}.get(
        key, {"year": f"year {named}", "age": f"age of the {named}"}.get(kind, f"number of {named}")
    )
    return f"{label}: {context}" if context else label
