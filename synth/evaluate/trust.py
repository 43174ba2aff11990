"""Score what a reader takes on trust against the frozen labelled sets in tests/data.

- quotes: does the named speaker of a sampled quotation match the one a reader of the article
  named (or an alias the article uses)? Precision over quotes given a speaker, recall over quotes
  that have one.
- figures: for a labelled pair of sentences from two outlets, does the difference finder list a
  difference between them? Precision over listed pairs, recall over real differences.
- standalone: of the sampled sentences synth would allow as a point, how many does a reader
  understand alone? Precision over allowed sentences, recall over standalone ones.

Every function takes the records of one half; the sets are tuned on "tune", reported on "test".
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from synth.compare.differences import Comparer
from synth.compare.speakers import SpeakerFinder
from synth.core import Sentence
from synth.evaluate.labelled import predict
from synth.read.quotemarks import quote_spans
from synth.read.readable import readable
from synth.read.sources import text_article, to_source
from synth.stages import StandaloneJudge
from synth.understand.embed import Embedder
from synth.understand.parser import spacy_parser
from synth.understand.standalone import ParsedJudge, repair

DATA = Path(__file__).resolve().parent.parent.parent / "tests" / "data"


@dataclass(frozen=True)
class Outcome:
    """One labelled item: what the label says, what synth said, and whether they agree."""

    id: str
    expected: bool
    predicted: bool
    correct: bool
    detail: str = ""


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    hits: int
    predicted: int
    expected: int


def read_jsonl(path: str | Path) -> list[dict[str, object]]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        return [json.loads(line) for line in handle if line.strip()]


def half(records: Iterable[dict[str, object]], name: str) -> list[dict[str, object]]:
    return [r for r in records if r.get("half") == name]


def score(outcomes: Sequence[Outcome]) -> Score:
    """Precision over predicted items, recall over expected ones; hits are correct predictions."""
    hits = sum(o.predicted and o.correct for o in outcomes)
    predicted = sum(o.predicted for o in outcomes)
    expected = sum(o.expected for o in outcomes)
    return Score(
        hits / predicted if predicted else 1.0,
        sum(o.predicted and o.correct and o.expected for o in outcomes) / expected
        if expected
        else 1.0,
        hits,
        predicted,
        expected,
    )


def names_match(predicted: str, speaker: str, aliases: Sequence[str]) -> bool:
    """The predicted name is the speaker, one of the article's aliases, or a part of the name."""
    forms = {" ".join(f.casefold().replace(".", "").split()) for f in (speaker, *aliases)}
    guess = " ".join(predicted.casefold().replace(".", "").split())
    return guess in forms or set(guess.split()) <= set(speaker.casefold().split())


def quote_outcomes(
    records: Sequence[dict[str, object]],
    articles: dict[tuple[str, str], str],
    finder: SpeakerFinder,
    restyle: str | None = None,
) -> list[Outcome]:
    """Each labelled quote's speaker as synth names it, within its own article.

    `restyle` re-quotes each labelled span in another style first ("``", "'" or "“"): the
    speaker should not change with the quotation marks.
    """
    by_article: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for record in records:
        by_article[(str(record["cluster"]), str(record["doc"]))].append(record)
    outcomes = []
    for key, group in sorted(by_article.items()):
        text = articles[key]
        if restyle:
            for k, record in sorted(enumerate(group), key=lambda kr: -int(kr[1]["start"])):
                text, group[k] = requote(text, record, restyle)
        named = _speakers_at(text, key, group, finder)
        for record in group:
            outcomes.append(_quote_outcome(record, named[str(record["id"])]))
    return outcomes


def _quote_outcome(record: dict[str, object], named: str | None) -> Outcome:
    speaker = record["speaker"]
    aliases = [str(a) for a in record.get("aliases") or []]  # type: ignore[attr-defined]
    right = named is not None and speaker is not None and names_match(named, str(speaker), aliases)
    return Outcome(str(record["id"]), speaker is not None, named is not None, right, named or "")


def _speakers_at(
    text: str, key: tuple[str, str], records: Sequence[dict[str, object]], finder: SpeakerFinder
) -> dict[str, str | None]:
    """Record id -> the speaker synth gives the quote span that overlaps the record most."""
    article = text_article(text, "/".join(key))
    source = to_source(1, article)
    body = article.body_start
    view = readable(text[body:])  # the labels index the file; synth reads it typographic

    def at(offset: int) -> int:
        return offset if offset < body else body + view.offset(offset - body)

    spans = quote_spans(source.text, source.blocks)
    chosen: dict[str, int | None] = {}
    for record in records:
        start, end = int(record["start"]), int(record["end"])  # type: ignore[call-overload]
        start, end = at(start), at(end)
        overlaps = [(min(end, s.end) - max(start, s.start), k) for k, s in enumerate(spans)]
        best = max((o for o in overlaps if o[0] > 0), default=None)
        chosen[str(record["id"])] = None if best is None else best[1]
    named = finder.speakers(source, spans, sorted({k for k in chosen.values() if k is not None}))
    return {i: None if k is None else named[k] for i, k in chosen.items()}


def requote(text: str, record: dict[str, object], style: str) -> tuple[str, dict[str, object]]:
    """The article with the labelled span's own quotation marks replaced by `style`'s."""
    opener, closer = {"``": ("``", "''"), "'": ("'", "'"), "“": ("“", "”")}[style]
    start, end = int(record["start"]), int(record["end"])  # type: ignore[call-overload]
    left = start
    while left > 0 and text[left - 1] in " \t":
        left -= 1
    right = end
    while right < len(text) and text[right] in " \t":
        right += 1
    before = _mark_width(text, left, backwards=True)
    after = _mark_width(text, right, backwards=False)
    head = text[: left - before] + opener + text[left:start]
    new_start = len(head)
    body = head + text[start:end]
    new_end = len(body)
    rebuilt = body + text[end:right] + closer + text[right + after :]
    return rebuilt, {**record, "start": new_start, "end": new_end}


def _mark_width(text: str, at: int, backwards: bool) -> int:
    for mark in ("``", "''", "‘‘", "’’", "“", "”", '"', "'", "‘", "’"):
        if backwards and text[max(0, at - len(mark)) : at] == mark:
            return len(mark)
        if not backwards and text[at : at + len(mark)] == mark:
            return len(mark)
    return 0


def standalone_outcomes(
    records: Sequence[dict[str, object]], problem: Callable[[str], str | None]
) -> list[Outcome]:
    """Whether synth would let each labelled sentence be a point, read alone as the label was:
    it must pass the sentence rules (`repair`) and the `problem` judge the pipeline uses."""
    outcomes = []
    for record in records:
        text = " ".join(str(record["text"]).split())
        repaired = repair(Sentence(0, 1, 0, len(text), text, 0), [])
        allowed = repaired is not None and problem(repaired) is None
        expected = bool(record["standalone"])
        outcomes.append(
            Outcome(str(record["id"]), expected, allowed, expected, str(record["problem"]))
        )
    return outcomes


def figure_outcomes(
    records: Sequence[dict[str, object]], embedder: Embedder, comparer: Comparer | None = None
) -> list[Outcome]:
    """Whether the difference finder lists a difference between each labelled pair's two
    sentences, each read as one outlet's article."""
    outcomes = []
    for record in records:
        found = predict(str(record["a"]), str(record["b"]), embedder, comparer)
        expected = bool(record["difference"])
        outcomes.append(
            Outcome(str(record["id"]), expected, found, found == expected, str(record["reason"]))
        )
    return outcomes


STYLES = ("``", "'", "“")


def style_outcomes(
    records: Sequence[dict[str, object]],
    articles: dict[tuple[str, str], str],
    finder: SpeakerFinder,
    ids: Iterable[str],
) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """For each quote style: (id, speaker as written, speaker once re-quoted in that style)."""
    chosen = [r for r in records if r["id"] in set(ids)]
    plain = {o.id: o.detail or None for o in quote_outcomes(chosen, articles, finder)}
    results = {}
    for style in STYLES:
        outcomes = quote_outcomes(chosen, articles, finder, restyle=style)
        results[style] = [(o.id, plain[o.id], o.detail or None) for o in outcomes]
    return results


@dataclass(frozen=True)
class TrustReport:
    """The scores of one half of every labelled set."""

    speakers: Score
    figures: Score
    standalone: Score
    standalone_second: Score
    styles: dict[str, tuple[int, int]]


def trust_report(
    name: str,
    embedder: Embedder,
    finder: SpeakerFinder | None = None,
    judge: StandaloneJudge | None = None,
) -> TrustReport:
    """Speakers, differences and standalone points scored on half `name` of tests/data."""
    finder = finder or SpeakerFinder()
    problem = (judge or ParsedJudge(load=lambda: finder.parse or spacy_parser())).problem
    quotes = half(read_jsonl(DATA / "quotes.jsonl"), name)
    articles = {
        (str(a["cluster"]), str(a["doc"])): str(a["text"])
        for a in read_jsonl(DATA / "quote_articles.jsonl.gz")
    }
    styled_ids = {str(r["id"]) for r in read_jsonl(DATA / "quotes_styles.jsonl")}
    styles = style_outcomes(quotes, articles, finder, styled_ids)
    return TrustReport(
        speakers=score(quote_outcomes(quotes, articles, finder)),
        figures=score(figure_outcomes(half(read_jsonl(DATA / "figures.jsonl"), name), embedder)),
        standalone=score(
            standalone_outcomes(half(read_jsonl(DATA / "standalone.jsonl"), name), problem)
        ),
        standalone_second=score(
            standalone_outcomes(half(read_jsonl(DATA / "standalone2.jsonl"), name), problem)
        ),
        styles={s: (sum(a == b for _, a, b in rows), len(rows)) for s, rows in styles.items()},
    )
