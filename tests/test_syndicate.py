from synth.core import Sentence, Source
from synth.read.syndicate import mark_reports, report_count

WIRE = [
    "The storm made landfall on Monday near the port city.",
    "Thousands of homes lost power, the utility said.",
    "Schools will stay closed until Wednesday, officials said.",
    "Forecasters expect the storm to weaken over land.",
]


def sentences_for(texts_by_source):
    out = []
    for source_id, texts in texts_by_source.items():
        for position, text in enumerate(texts):
            out.append(Sentence(len(out), source_id, 0, len(text), text, position))
    return out


def test_wire_copies_are_one_independent_report():
    own = ["A local reporter counted twelve fallen trees on Main Street this morning."] * 1
    texts = {1: WIRE, 2: [t.upper() for t in WIRE[:3]] + own, 3: own + ["Other news here."] * 3}
    sources = [Source(i, f"{i}", "", f"S{i}") for i in (1, 2, 3)]
    marked = mark_reports(sources, sentences_for(texts))
    assert [s.report for s in marked] == [1, 1, 3]
    assert report_count(marked) == 2


def test_sources_with_little_in_common_stay_independent():
    texts = {1: WIRE, 2: [WIRE[0], "Completely different reporting follows here.", "And more."]}
    sources = [Source(i, f"{i}", "", f"S{i}") for i in (1, 2)]
    assert [s.report for s in mark_reports(sources, sentences_for(texts))] == [1, 2]


def test_hundreds_of_identical_copies_are_one_report():
    texts = {i: WIRE for i in range(1, 501)}
    texts[501] = ["An unrelated story about a local election.", "It had three sentences.", "Ok."]
    sources = [Source(i, f"{i}", "", f"S{i}") for i in texts]
    marked = mark_reports(sources, sentences_for(texts))
    assert {s.report for s in marked[:500]} == {1} and marked[500].report == 501
