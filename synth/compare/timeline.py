"""When each report speaks from, and whether two values of one figure are a change over time.

A toll or a tally given by reports of different days is not a disagreement: it changed. What
says so: the reports' publication dates, else the day an article's lead names ("... said on
<day>"), a day of the week taken as the nearest (the day after, not the same day next
week); or the wording
around a value: "rose to", "raise it to" (the later value), "earlier reported", "up from" (the
earlier one), "By late afternoon, more than 600" (a running tally, later).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from synth.core import Sentence, Source
from synth.lang.en import BY_TIME, CHANGE_BEFORE, EARLIER_BEFORE, LEAD_DAY, WEEK
from synth.read.dates import parse_date

NEAR_DAYS = 3  # two weekdays this close are the same week, the later one later


@dataclass(frozen=True)
class Moment:
    """The day a report speaks from: a date, or a weekday of an unknown week."""

    day: date | None = None
    weekday: int | None = None
    label: str = ""

    def order(self, other: Moment) -> int:
        """-1 when this is before `other`, 1 after, 0 the same or unknown."""
        if self.day and other.day:
            return (self.day > other.day) - (self.day < other.day)
        mine = self.day.weekday() if self.day else self.weekday
        theirs = other.day.weekday() if other.day else other.weekday
        if mine is None or theirs is None or mine == theirs:
            return 0
        ahead = (theirs - mine) % 7
        return -1 if ahead <= NEAR_DAYS else 1 if 7 - ahead <= NEAR_DAYS else 0


def report_moments(sources: Sequence[Source], sentences: Sequence[Sentence]) -> dict[int, Moment]:
    """Source id -> the day it speaks from: its publication date, else the last day its first
    sentence names."""
    leads: dict[int, str] = {}
    for sentence in sentences:
        leads.setdefault(sentence.source, sentence.text)
    moments = {}
    for source in sources:
        published = parse_date(source.published)
        if published:
            day = date.fromisoformat(published)
            moments[source.id] = Moment(day, None, f"{day:%b} {day.day}")
            continue
        found = list(LEAD_DAY.finditer(leads.get(source.id, "")))
        if found:
            moments[source.id] = _moment(found[-1].group(0))
    return moments


def _moment(text: str) -> Moment:
    if text in WEEK:
        return Moment(None, WEEK.index(text), text)
    parsed = parse_date(text)
    return Moment(date.fromisoformat(parsed), None, text) if parsed else Moment(label=text)


def signal(text: str, start: int) -> int:
    """What the words before a figure say of its moment: 1 a later value ("rose to", "By late
    afternoon,"), -1 an earlier one ("earlier reported", "up from"), 0 nothing."""
    before = text[:start]
    if EARLIER_BEFORE.search(before):
        return -1
    if CHANGE_BEFORE.search(before) or BY_TIME.search(before[-40:]):
        return 1
    return 0


def time_order(
    values: Mapping[str, Sequence[tuple[int, int, str]]],
    moments: Mapping[int, Moment],
    tally: bool,
) -> list[tuple[str, str]] | None:
    """The values in time order with when each was given, when they are a change over time.

    `values` maps each value to (source, signal, text) for every sentence that gives it. A
    signal in any sentence decides (earlier values first, later ones last); else, for a tally,
    the reports' days when every value's reports come strictly before the next value's.
    """
    marks = {v: {s for _, s, _ in given if s} for v, given in values.items()}
    if any(marks.values()) and not any(len(m) > 1 for m in marks.values()):
        ordered = sorted(values, key=lambda v: next(iter(marks[v]), 0))
        return [(v, _when(values[v], moments, marks[v])) for v in ordered]
    if not tally:
        return None
    days = {v: [moments.get(source) for source, _, _ in given] for v, given in values.items()}
    if any(m is None for found in days.values() for m in found):
        return None
    ordered = sorted(values, key=lambda v: min(_rank(m, days) for m in days[v]))  # type: ignore[arg-type]
    for first, second in pairwise(ordered):
        if not all(a.order(b) < 0 for a in days[first] for b in days[second]):  # type: ignore[union-attr]
            return None
    return [(v, _when(values[v], moments, set())) for v in ordered]


def _rank(moment: Moment, days: Mapping[str, list[Moment | None]]) -> int:
    """How many of all the moments come before this one."""
    return sum(moment.order(other) > 0 for found in days.values() for other in found if other)


def _when(
    given: Sequence[tuple[int, int, str]], moments: Mapping[int, Moment], marks: set[int]
) -> str:
    labels = sorted({moments[s].label for s, _, _ in given if s in moments and moments[s].label})
    if len(labels) == 1:
        return labels[0]
    if marks:
        return "earlier" if -1 in marks else "later"
    return ""
