"""Figures: numbers in sentences with what they count, and the key figures of a briefing.

A figure counts something when a noun follows it ("384 civilians") or it is a percentage;
years, clock times, money, measures ("5 km") and increments ("13 other states") are left out,
since two outlets giving different ones is no disagreement.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from synth.core import Figure, Sentence, Source, sentence_evidence
from synth.lang.en import (
    APPROXIMATE,
    ATTRIBUTION_AFTER,
    CONFIDENCE,
    COORDINATED,
    COUNTED_BEFORE,
    CURRENCY_BEFORE,
    DETERMINERS,
    EVENT_YEAR,
    FIGURE,
    INCREMENT,
    INCREMENT_BEFORE,
    LATIN_WORD,
    LOWER_BOUND,
    MEASURES,
    MONTH_BEFORE,
    MULTIPLIERS,
    NOT_PLACES,
    NUMBER_WORD,
    NUMBER_WORDS,
    PERCENT_WORDS,
    THE_AGED,
    UNIT_WORDS,
    UPPER_BOUND,
    stem,
    stop_words,
)

CAPITALIZED = re.compile(r"\b[A-Z][\w.'’-]*[a-z][\w'’-]*\b")
KEY_FIGURES = 10
MIN_FIGURE = 10  # smaller numbers ("3 people") are everywhere and rarely the story's figures
# "Approximately 5" and 4.7 are one quantity when within 5%; a bound and any value it keeps
# ("more than 100" and 117, "at least three" and five) can both be true.
APPROXIMATE_SLACK = 1.05
APPROXIMATE_PERCENT_POINTS = 2


@dataclass(frozen=True)
class FigureClaim:
    """A number in a sentence, with what it counts.

    `head` is the first word (stemmed) of what is counted: "preseason games" and
    "regular-season games" count different things. For a percentage it is the word right after
    it ("10% raises"), empty when an "of" phrase follows ("85 percent of the city").
    `increment` marks "another 105 civilians": a count that adds to one given before.
    """

    sentence: int
    value: float
    text: str
    unit: str
    counted: frozenset[str]
    qualifier: str = ""
    subject: str | None = None
    head: str = ""
    increment: bool = False
    start: int = 0
    measure: bool = False
    of: bool = False


def figure_claims(
    sentence: Sentence, increments: bool = False, broad: bool = False
) -> list[FigureClaim]:
    """Numbers in a sentence that count something, years and clock times left out; counts
    that add to another ("13 other states", "another 105") only when `increments` is set.

    `broad` adds what the difference finder compares too: counts written in words ("three
    Muslims"), sums of money ("dlrs 21 billion", unit "money", counted by the word before the
    currency: "pay") and measures ("230 kilometers", marked `measure`).
    """
    claims = []
    for match in FIGURE.finditer(sentence.text):
        claim = _claim(sentence, match, broad)
        if claim is not None and (increments or not claim.increment):
            claims.append(claim)
    if broad:
        claims += [
            c for m in NUMBER_WORD.finditer(sentence.text) if (c := _word_claim(sentence, m))
        ]
        claims += [_year_claim(sentence, m) for m in EVENT_YEAR.finditer(sentence.text)]
        claims += [_age_claim(sentence, m) for m in THE_AGED.finditer(sentence.text)]
    return claims


def _age_claim(sentence: Sentence, match: re.Match[str]) -> FigureClaim:
    """The age of the one person a noun names ("the 22-year-old bomber"): "the" says one
    person, so two outlets giving two ages for "the bomber" differ."""
    noun = stem(match.group("noun").lower())
    return FigureClaim(
        sentence.id,
        float(match.group("age")),
        match.group(0),
        "age",
        frozenset([noun]),
        subject=subject_before(sentence.text, match.start()),
        head=noun,
        start=match.start("age"),
    )


def _year_claim(sentence: Sentence, match: re.Match[str]) -> FigureClaim:
    """The year of a one-time event ("founded in 1990", "was born in 1961"): an outlet giving
    another year for the same event gives a different fact, not a later count."""
    verb = stem(match.group("verb").split()[-1].lower())
    return FigureClaim(
        sentence.id,
        float(match.group("year")),
        match.group(0),
        "year",
        frozenset([verb]),
        subject=subject_before(sentence.text, match.start()),
        head=verb,
        start=match.start("year"),
    )


def figure_value(match: re.Match[str]) -> float | None:
    """The value of a `FIGURE` match, multiplier applied; None for one past what a float holds
    (a number of 310 digits reads as infinity), which counts nothing a reader could check."""
    value = float(match.group("number").replace(",", ""))
    value *= MULTIPLIERS.get(match.group("multiplier") or "", 1)
    return value if math.isfinite(value) else None


def _word_claim(sentence: Sentence, match: re.Match[str]) -> FigureClaim | None:
    """A count written in words, with the noun right after it ("three Muslims")."""
    after = content_words(match.group("after"))
    if not after or stem(after[0]) in MEASURES:
        return None
    if INCREMENT.match(match.group("after")) or INCREMENT_BEFORE.search(
        sentence.text[: match.start()]
    ):
        return None
    value = word_value(match.group("number"))
    counted = frozenset(stem(w) for w in after[:2])
    subject = subject_before(sentence.text, match.start())
    return FigureClaim(
        sentence.id,
        value,
        match.group(0).strip(),
        "count",
        counted,
        qualifier=(match.group("qualifier") or "").lower(),
        subject=subject,
        head=stem(after[0]),
        start=match.start("number"),
    )


def word_value(words: str) -> float:
    """The value of a count written in words: "three" 3, "twenty-one" 21."""
    parts = words.lower().split("-")
    return float(NUMBER_WORDS[parts[0]] + (UNIT_WORDS[parts[1]] if len(parts) > 1 else 0))


def _claim(sentence: Sentence, match: re.Match[str], broad: bool = False) -> FigureClaim | None:
    number = match.group("number")
    value = figure_value(match)
    if value is None:
        return None
    before = sentence.text[max(match.start() - 1, 0) : match.start()]
    money = broad and bool(CURRENCY_BEFORE.search(sentence.text[: match.start("number")]))
    if (before in {"$", "£", "€", ":"} and not money) or re.fullmatch(r"(?:19|20)\d\d", number):
        return None
    if not match.group("qualifier") and MONTH_BEFORE.search(sentence.text[: match.start()]):
        return None
    words = match.group("after") or ""
    after = content_words(words)
    counted_before = _counted_before(sentence.text[: match.start()]) if broad else None
    if counted_before and not match.group("percent") and not money and _counts_nothing_after(words):
        words, after = counted_before, counted_before.split()
    if money:
        leading = content_words(CURRENCY_BEFORE.sub("", sentence.text[: match.start("number")]))
        if not leading:
            return None
        unit, counted, head = "money", frozenset([stem(leading[-1])]), stem(leading[-1])
    elif match.group("percent"):
        unit, counted = "percent", frozenset()
        head = "" if words.split()[:1] == ["of"] or not after else stem(after[0])
    elif after:
        unit, counted = "count", frozenset(stem(w) for w in after[:2])
        head = stem(after[0])
        if broad and COORDINATED.match(words):
            head = " and ".join(sorted(counted))  # "45 women and men": not a count of women
    else:
        return None
    measure = bool(counted & MEASURES) and unit == "count"
    if measure and not broad:
        return None
    if match.group("percent") and CONFIDENCE.match(sentence.text[match.end("percent") :]):
        return None
    increment = bool(
        INCREMENT.match(words) or INCREMENT_BEFORE.search(sentence.text[: match.start()])
    )
    qualifier = (match.group("qualifier") or "").lower()
    subject = subject_before(sentence.text, match.start())
    text = match.group(0).strip()
    return FigureClaim(
        sentence.id,
        value,
        text,
        unit,
        counted,
        qualifier,
        subject,
        head,
        increment,
        match.start("number"),
        measure,
        words.split()[:1] == ["of"],
    )


def _counted_before(text: str) -> str | None:
    """What the words right before a figure say it counts ("the death toll rose to", "the
    number of people evacuated climbed past"), as the words to count it by."""
    found = COUNTED_BEFORE.search(text)
    if not found:
        return None
    if found.group("toll"):
        return "toll"
    return f"{found.group('noun')}{found.group('next') or ''}".lower()


def _counts_nothing_after(words: str) -> bool:
    """Whether the words after a figure name nothing it counts: none, or a function word
    first ("60, officials said", "4,000 in the town")."""
    first = words.split()[:1]
    return not first or (first[0].lower() in stop_words() and first[0].lower() != "of")


def subject_before(text: str, position: int) -> str | None:
    """The nearest name before a figure (not the sentence's first word): whose figure it is.
    A name that says who reports it ("Ukrainian television said three people ...") is not."""
    names = [m for m in CAPITALIZED.finditer(text, 0, position) if m.start() > 0]
    names = [
        m
        for m in names
        if m.group(0) not in NOT_PLACES
        and text[: m.start()].strip()
        and not ATTRIBUTION_AFTER.match(text, m.end())
    ]
    return names[-1].group(0) if names else None


def content_words(text: str) -> list[str]:
    return [w for w in LATIN_WORD.findall(text) if w.lower() not in stop_words()]


def consistent(a: FigureClaim, b: FigureClaim) -> bool:
    """Whether two values can both be true of one quantity: an approximation close to the
    other value ("nearly 5" and "4.7"), a bound the other value keeps ("less than 5" and "1";
    "more than 100" and "117"; "at least three" and "five")."""
    low, high = sorted((a, b), key=lambda c: c.value)
    near = (
        high.value - low.value <= APPROXIMATE_PERCENT_POINTS
        if a.unit == "percent"
        else high.value <= low.value * APPROXIMATE_SLACK
    )
    if {a.qualifier, b.qualifier} & APPROXIMATE and near:
        return True
    return high.qualifier in UPPER_BOUND or low.qualifier in LOWER_BOUND


def format_value(value: float, unit: str) -> str:
    """A figure as a reader writes it: "1,500", "4.7", "85%"."""
    whole = math.isfinite(value) and value == int(value)
    if unit in {"year", "age"}:
        return f"{value:.0f}"
    number = f"{value:,.0f}" if whole else f"{value:g}"
    return f"{number}%" if unit == "percent" else number


def key_figures(
    sentences: Sequence[Sentence], sources: Sequence[Source], importance: Mapping[int, float]
) -> list[Figure]:
    """Numbers with what they count, grouped across outlets, most widely reported first."""
    groups: dict[tuple[str, float, str], list[FigureClaim]] = defaultdict(list)
    for sentence in sentences:
        for claim in figure_claims(sentence):
            if claim.value < MIN_FIGURE:
                continue
            counted = "percent" if claim.unit == "percent" else min(claim.counted)
            groups[(claim.unit, claim.value, counted)].append(claim)
    by_id = {s.id: s for s in sources}
    figures = []
    for (unit, value, _), claims in groups.items():
        first = min(claims, key=lambda c: c.sentence)
        phrase, counts = figure_phrase(first.text)
        evidence = sentence_evidence((sentences[c.sentence] for c in claims), by_id)
        cited = tuple(sorted({e.source for e in evidence}))
        weight = max(importance.get(c.sentence, 0.0) for c in claims)
        figure = Figure(format_value(value, unit), counts, phrase, cited, evidence)
        figures.append((-len(cited), -weight, first.sentence, figure))
    return [f for *_, f in sorted(figures, key=lambda t: t[:3])][:KEY_FIGURES]


def figure_phrase(text: str) -> tuple[str, str]:
    """The figure with its qualifier and what it counts, and the counted words alone:
    ("up to 1,500 people", "people"), ("about 85 per cent of territory", "of territory").

    The counted words run from the number to the first function word; for a percentage they
    are the "of ..." phrase that says of what.
    """
    words = text.split()
    number = next(i for i, w in enumerate(words) if any(ch.isdigit() for ch in w))
    percent = PERCENT_WORDS.search(text)
    head = len(text[: percent.end()].split()) if percent else number + 1
    counted: list[str] = []
    rest = words[head:]
    if percent and rest[:1] == ["of"]:
        counted.append("of")
        rest = rest[1:]
        while rest and rest[0].lower() in DETERMINERS:
            counted.append(rest.pop(0))
    for word in rest:
        if re.sub(r"\W", "", word).lower() in stop_words():
            break
        counted.append(word)
    if counted and counted[-1].lower() in DETERMINERS | {"of"}:
        counted = []
    phrase = " ".join(words[:head] + counted).rstrip(",.;:")
    return phrase, " ".join(counted).rstrip(",.;:")
