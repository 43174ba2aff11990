"""How a difference reads: what is counted, in words, and each outlet's value in its own words.

Detection (`synth.compare.differences`) decides which values differ; this module only words
the result, from the evidence sentences alone: "Homes destroyed: at least 384 [2] · almost
500 [4]", "Share of the harbour reopened: around 75% [5] · about 85% [3]", "Where Olsen
spoke: Oslo [2] · Bergen [3]".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from synth.compare.differences import place_names
from synth.compare.figures import figure_value, format_value, word_value
from synth.core import Difference, Evidence, Variant
from synth.lang.en import (
    CURRENCY_BEFORE,
    FIGURE,
    MEASURES,
    MULTIPLIERS,
    NUMBER_WORD,
    PHRASE_OPENERS,
    PREPOSITIONS,
    TALLY_CLASSES,
    UNMARKED_VERBS,
    UNSPECIFIC_COUNTS,
    stem,
    stop_words,
)
from synth.understand.standalone.rules import last_named_speaker

WORD = re.compile(r"[A-Za-z][\w'’-]*")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?%?")
FIGURE_KIND, CHANGE_KIND = "figure", "change"
VERB_REACH = 6
# The act of what is counted stands in its own clause ("60 people, shocked" is not it).
CLAUSE_END = re.compile(r"[,;:]")
PERFECT_AUXILIARIES = frozenset(["has", "have", "had"])
OF_WORDS = 4


def worded_differences(found: Sequence[Difference]) -> tuple[Difference, ...]:
    """The differences a reader can read, worded (see `word_difference`)."""
    return tuple(worded for d in found if (worded := word_difference(d)) is not None)


def word_difference(difference: Difference) -> Difference | None:
    """The difference with `about` saying what differs, and each variant's `wording`. A
    change over time of a figure says which way it went: "Civilians killed (rose)". None for
    figures whose sentences do not say what they count and what happened to it ("Number of
    people" over a death toll and an injured count, a bare "Sum", "Number of miles"): a
    reader could not tell what differs, so it is not shown as a difference."""
    kind = FIGURE_KIND if numeric(difference) else difference.kind
    variants = tuple(replace(v, wording=variant_wording(kind, v)) for v in difference.variants)
    if difference.kind == "place":
        return replace(difference, about=place_about(variants), variants=variants)
    if kind != FIGURE_KIND:
        return replace(difference, variants=variants)
    about = figure_about(variants)
    if about is None:
        return None
    if difference.kind == CHANGE_KIND:
        first, last = (_amount(v.value) for v in (variants[0], variants[-1]))
        about = f"{about} ({'rose' if last > first else 'fell'})"
    return replace(difference, about=about, variants=variants)


def numeric(difference: Difference) -> bool:
    """Whether a difference's values are figures (a figure difference, or a figure that
    changed over time)."""
    return difference.kind in (FIGURE_KIND, CHANGE_KIND) and all(
        NUMBER.fullmatch(v.value) for v in difference.variants
    )


def _amount(value: str) -> float:
    return float(value.rstrip("%").replace(",", ""))


def variant_wording(kind: str, variant: Variant) -> str:
    """The value as the first outlet wrote it: "about 85%", "at least 384"."""
    if kind != FIGURE_KIND:
        return variant.value
    for evidence in variant.evidence:
        match = figure_match(evidence.text, variant.value)
        if match:
            qualifier = (match.group("qualifier") or "").lower()
            number = " ".join(filter(None, (match.group("number"), match.group("multiplier"))))
            percent = "%" if match.group("percent") else ""
            return " ".join(filter(None, (qualifier, number + percent)))
    return variant.value


def figure_match(text: str, value: str) -> re.Match[str] | None:
    """The figure in `text` whose value is written `value` ("1,500", "85%")."""
    for match in (*FIGURE.finditer(text), *NUMBER_WORD.finditer(text)):
        written = match.group("number")
        if written[0].isdigit():
            number = figure_value(match)
        else:
            number = word_value(written) * MULTIPLIERS.get(match.group("multiplier") or "", 1)
        if number is None:
            continue
        if format_value(number, "percent" if match.group("percent") else "count") == value:
            return match
    return None


def figure_about(variants: Sequence[Variant]) -> str | None:
    """What the figures count, with the act the sentences report: "Civilians killed",
    "Share of the harbour reopened", "Number of boats"; None where that cannot be said: no
    counted noun, a unit of measure or an unspecific one ("people", "members") with no act,
    a sum with no act, a share of nothing named, or counts whose sentences do not all
    report the act (two events, each with its own count)."""
    by_variant = [
        [(e, m) for e in v.evidence if (m := figure_match(e.text, v.value))] for v in variants
    ]
    matches = [pair for pairs in by_variant for pair in pairs]
    if not matches:
        return None
    percent = any(m.group("percent") for _, m in matches)
    act = _act(matches, percent)
    if act is not None and not percent and not all(_same_act(act, p) for p in by_variant):
        return None  # "1,000 Kurds rallied" and "1,500 Kurds who spent the night": two events
    if percent:
        share = _of_phrase(matches)
        if share is None and act is None:
            return None
        about = f"Share of {share}" if share else "Share"
    elif all(CURRENCY_BEFORE.search(e.text[: m.start("number")]) for e, m in matches):
        if act is None:
            return None
        about = "Sum"
    else:
        counted = _counted(matches)
        if counted is None or (act is None and not _specific(counted)):
            return None
        about = counted[:1].upper() + counted[1:] if act else f"Number of {counted}"
    return f"{about} {act}" if act else about


def _specific(counted: str) -> bool:
    """Whether a counted noun alone says what is counted: a plain common noun ("boats"),
    not a unit of measure ("miles"), an unspecific noun ("people"), or a name ("Sweden's",
    "Kurds": which of them, doing what?)."""
    word = counted.lower()
    if not counted.isalpha() or counted[:1].isupper() or word in UNSPECIFIC_COUNTS:
        return False
    return not any(word.startswith(unit) for unit in MEASURES)


def _counted(matches: Sequence[tuple[Evidence, re.Match[str]]]) -> str | None:
    """The noun right after the figures that most of them share ("civilians")."""
    words = []
    for _, match in matches:
        after = [
            w for w in WORD.findall(match.group("after") or "") if w.lower() not in stop_words()
        ]
        if after:
            words.append(after[0])
    if not words:
        return None
    stems = Counter(stem(w.lower()) for w in words)
    common, _ = min(stems.items(), key=lambda kv: (-kv[1], kv[0]))
    written = [w for w in words if stem(w.lower()) == common]
    if any(w[:1].isupper() for w in written):
        return written[0]  # a group's name ("Kurds"), as written
    return written[0].lower()


def _of_phrase(matches: Sequence[tuple[Evidence, re.Match[str]]]) -> str | None:
    """What a percentage is of ("75 percent of the harbour" -> "the harbour"): the
    shortest such phrase that names something (a capitalized word), else the shortest."""
    phrases = []
    for evidence, match in matches:
        if not match.group("percent"):
            continue  # a count among the shares: no "of" to read after it
        rest = evidence.text[match.end("percent") :].split()
        if not rest or rest[0].lower() != "of":
            continue
        words: list[str] = []
        for word in rest[1:]:
            bare = word.strip(",.;:")
            if bare.lower() in PHRASE_OPENERS and not words:
                continue
            if bare.lower() in PREPOSITIONS or bare.lower() in stop_words() or not bare:
                break
            words.append(bare)
            if bare != word or len(words) == OF_WORDS:
                break
        if words:
            phrases.append(" ".join(words))
    if not phrases:
        return None
    return min(phrases, key=lambda p: (not any(w[:1].isupper() for w in p.split()), len(p), p))


def _act(matches: Sequence[tuple[Evidence, re.Match[str]]], before: bool) -> str | None:
    """The participle that says what happened to what is counted: after a count, in its
    clause ("384 civilians have been killed"), before a share ("forces have recaptured 75
    percent")."""
    acts: Counter[str] = Counter()
    for evidence, match in matches:
        acts.update(_acts([(evidence, match)], before))
    if not acts:
        return None
    return min(acts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _same_act(act: str, matches: Sequence[tuple[Evidence, re.Match[str]]]) -> bool:
    """Whether the sentences of one value report `act`, or an act of its tally ("killed"
    and "died" are one: `TALLY_CLASSES`)."""
    acts = _acts(matches, False)
    tally = _tally(act)
    return act in acts or (tally is not None and tally in {_tally(a) for a in acts})


def _tally(word: str) -> str | None:
    return next((kind for stem_, kind in TALLY_CLASSES.items() if word.startswith(stem_)), None)


def _acts(matches: Sequence[tuple[Evidence, re.Match[str]]], before: bool) -> set[str]:
    """The participles next to the figures (see `_act`), lower-cased."""
    found: set[str] = set()
    for evidence, match in matches:
        if before:
            words = WORD.findall(evidence.text[: match.start()])[-2:]
        else:
            clause = CLAUSE_END.split(evidence.text[match.end("number") :], maxsplit=1)[0]
            words = WORD.findall(clause)[:VERB_REACH] + _perfect_before(evidence.text, match)
        found.update(w.lower() for w in words if _participle(w))
    return found


def _perfect_before(text: str, match: re.Match[str]) -> list[str]:
    """The participle of a perfect right before a count ("the court has convicted two
    Muslims"), which says what happened to what is counted."""
    words = WORD.findall(text[: match.start()])[-2:]
    if len(words) == 2 and words[0].lower() in PERFECT_AUXILIARIES:
        return [words[1]]
    return []


def _participle(word: str) -> bool:
    lower = word.lower()
    if not word[:1].islower() or lower in stop_words() or lower.endswith("s"):
        return False
    return (lower.endswith("ed") and len(lower) > 4) or lower in UNMARKED_VERBS


def place_about(variants: Sequence[Variant]) -> str:
    """Where the statement was made, naming the speaker when the sentences that place a
    statement do (others only mention the place)."""
    texts = [e.text for v in variants for e in v.evidence]
    spoken = [t for t in texts if place_names(t)] or texts
    speakers = Counter(name for t in spoken if (name := last_named_speaker(t)))
    if not speakers:
        return "Where the statement was made"
    name, _ = min(speakers.items(), key=lambda kv: (-kv[1], kv[0]))
    return f"Where {name} spoke"
