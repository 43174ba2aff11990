"""Full names at first mention (`synth.understand.names`), with a made-up parse: a fake that
calls the listed names people, places or works."""

from synth.core import Sentence
from synth.understand.names import bare_surnames, full_name, introduce_names

LABELS = {
    "Maria Olsen": "PERSON",
    "Olsen": "ORG",  # a small parser's guess for a surname it does not know
    "Jan Berg": "PERSON",
    "Anna Lund": "PERSON",
    "Erik Lund": "PERSON",
    "Varna": "GPE",
    "Ivan Varna": "PERSON",
    "Lund": "PERSON",
    "Berg": "PERSON",
}


def entities(text: str) -> frozenset[tuple[str, str]]:
    return frozenset((name, label) for name, label in LABELS.items() if name in text)


def sentences(*articles: list[str]) -> list[Sentence]:
    out = []
    for source, texts in enumerate(articles, start=1):
        for position, text in enumerate(texts):
            out.append(Sentence(len(out), source, 0, len(text), text, position))
    return out


ARTICLE = [
    "Foreign Minister Maria Olsen arrived in Varna on Monday.",
    "The port of Varna has been closed for a week.",
    "Olsen said the port would reopen.",
]


def test_a_surname_alone_gets_the_full_name_its_article_gives_at_first_mention():
    story = sentences(ARTICLE)
    texts = [("Olsen said the port would reopen on Friday.", 1), ("Olsen left.", 1)]
    made = introduce_names(texts, "Port to reopen", story, entities)
    assert made[0][0] == "[Maria Olsen] said the port would reopen on Friday."
    assert made[0][1] is not None and made[0][1].full_name == "Maria Olsen"
    assert made[1] == ("Olsen left.", None)  # the reader has met her now


def test_a_name_the_reader_has_read_is_not_written_again():
    story = sentences(ARTICLE)
    made = introduce_names([("Olsen said so.", 1)], "Maria Olsen visits Varna", story, entities)
    assert made == [("Olsen said so.", None)]


def test_a_possessive_keeps_its_mark_and_a_title_is_no_part_of_the_name():
    story = sentences(ARTICLE)
    made = introduce_names([("Olsen's office did not reply.", 1)], "", story, entities)
    assert made[0][0] == "[Maria Olsen]'s office did not reply."
    made = introduce_names([("[Olsen] said so.", 1)], "", story, entities)
    assert made[0][0] == "[Maria Olsen] said so."  # an editor's brackets already


def test_two_people_of_one_surname_leave_it_as_written():
    story = sentences(
        ["Anna Lund chairs the port board.", "Lund said the port would reopen."],
        ["Erik Lund, a ferry captain, disagreed."],
    )
    assert full_name("Lund", 1, story, entities) is None
    made = introduce_names([("Lund said the port would reopen.", 1)], "", story, entities)
    assert made == [("Lund said the port would reopen.", None)]


def test_another_article_may_give_the_name_when_no_article_gives_another():
    story = sentences(["Berg said the port would reopen."], ["Captain Jan Berg sailed in."])
    assert full_name("Berg", 1, story, entities) == "Jan Berg"


def test_no_full_name_anywhere_leaves_the_surname():
    story = sentences(["Olsen said the port would reopen."])
    assert introduce_names([("Olsen said so.", 1)], "", story, entities) == [
        ("Olsen said so.", None)
    ]


def test_a_place_a_quote_a_title_or_a_longer_name_is_no_surname_alone():
    story = sentences(ARTICLE, ["The harbour master Ivan Varna retired."])
    assert full_name("Varna", 1, story, entities) == "Ivan Varna"
    texts = [
        ("Flights to Varna, Bulgaria, resumed on Monday.", 1),  # the parse: a place
        ("“Olsen will decide,” the mayor said.", 1),  # the speaker's words
        ("Minister Olsen said the port would reopen.", 1),  # a title makes it a name
        ("Olsen Shipping said the port would reopen.", 1),  # a company's name
        ("The ruling by F.W. de Olsen was upheld.", 1),  # a particle: part of a surname
        ("The Olsen administration denied it.", 1),  # a label, not a mention of her
    ]
    assert [text for text, made in introduce_names(texts, "", story, entities)] == [
        text for text, _ in texts
    ]


def test_bare_surnames_are_capitalized_words_standing_alone():
    found = [m.group("name") for m in bare_surnames("On Monday, Olsen met Jan Berg and Lund.")]
    assert found == ["Olsen", "Lund"]


def test_the_judge_reads_names_off_the_parse_and_keeps_them(tmp_path):
    from synth.understand.answers import AnswerStore
    from synth.understand.parser import spacy_parser
    from synth.understand.standalone import ParsedJudge

    parsed = []

    def load():
        parse = spacy_parser()

        def counting(text):
            parsed.append(text)
            return parse(text)

        return counting

    text = "Foreign Minister Maria Olsen arrived in Oslo on Monday."
    first = ParsedJudge(load=load, store=AnswerStore(tmp_path, lambda: "parser 1"))
    found = first.entities(text)
    assert ("Maria Olsen", "PERSON") in found and ("Oslo", "GPE") in found
    again = ParsedJudge(load=load, store=AnswerStore(tmp_path, lambda: "parser 1"))
    assert again.entities(text) == found and parsed == [text]  # read back, not parsed again


def test_the_pipeline_writes_the_full_name_where_the_reader_first_meets_the_surname():
    from synth.core import Point
    from synth.pipeline import Material, Pipeline

    story = sentences(ARTICLE)
    points = [Point(k, (k,), s.text, (1,), ()) for k, s in enumerate(story)]
    judge = type("Judge", (), {"entities": staticmethod(entities)})()
    pipeline = Pipeline(embedder=None, judge=judge)  # type: ignore[arg-type]
    material = Material((), story, None, points, None)  # type: ignore[arg-type]
    named = pipeline._introduce_names(material, [2, 0], "Port to reopen")
    assert named[2].text == "[Maria Olsen] said the port would reopen."
    assert pipeline._introduce_names(material, [0, 2], "Port to reopen") == {}  # met in the first


def test_a_person_met_by_title_before_is_met():
    story = sentences(ARTICLE)
    texts = [("Minister Olsen arrived on Monday.", 1), ("Olsen said the port would reopen.", 1)]
    assert [made for _, made in introduce_names(texts, "", story, entities)] == [None, None]
    # a headline's speaker prefix is no first mention: the body's first one is
    made = introduce_names([("Olsen said so.", 1)], "Olsen: Port to reopen", story, entities)
    assert made[0][0] == "[Maria Olsen] said so."


def test_a_first_name_alone_gets_the_full_name_when_one_person_has_it():
    story = sentences(
        ["Maria Olsen, 13, was found in Varna on Monday.", "Maria had run away on Friday."]
    )
    made = introduce_names([("Maria had run away on Friday.", 1)], "", story, entities)
    assert made[0][0] == "[Maria Olsen] had run away on Friday."
    story = sentences(["Maria Olsen and Maria Berg left Varna.", "Maria had run away."])
    LABELS["Maria Berg"] = "PERSON"
    try:
        assert full_name("Maria", 1, story, entities) is None  # two Marias
    finally:
        del LABELS["Maria Berg"]


def bench_names():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "names.py"
    spec = importlib.util.spec_from_file_location("bench_names", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bench_scores_precision_and_records_the_repairs_it_sees():
    import pytest

    bench = bench_names()
    rows = [{"label": "right"}, {"label": "right"}, {"label": "wrong"}]
    assert bench.score(rows) == {"repairs": 3, "right": 2, "precision": 2 / 3}
    with pytest.raises(ValueError):
        bench.score([{"label": "maybe"}])
    found: list = []
    recorded = bench._recording(introduce_names, "c1", found)
    recorded([("Olsen said so.", 1)], "", sentences(ARTICLE), entities)
    assert [(r["cluster"], r["name"], r["full_name"]) for r in found] == [
        ("c1", "Olsen", "Maria Olsen")
    ]
