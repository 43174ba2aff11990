"""The parsed standalone judge and how the pipeline applies it to the best candidates."""

from __future__ import annotations

import numpy as np
import pytest

from synth.core import Evidence, Point, Sentence
from synth.understand.parser import spacy_parser
from synth.understand.standalone import JUDGED_SHARE, ParsedJudge, confirm_standalone


@pytest.fixture(scope="module")
def judge() -> ParsedJudge:
    return ParsedJudge(load=spacy_parser)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Officials said the plan would cut costs next year.", "names_no_one"),
        ("Download the Acme News app for tablets and phones.", "imperative"),
        (
            "Researchers at Bergen University said this new species lives in caves.",
            "definite_description",
        ),
        ("Olsen said they would reopen the Bergen bridge on Friday.", "pronoun"),
        ("Officials in Bergen said the victims were taken to hospital.", "definite_description"),
        ("Speaking to reporters in Bergen on Monday.", "fragment"),
        ("Olsen, citing higher costs in Bergen.", "fragment"),
        ("Acme Corp said the company would cut 300 jobs in Oslo.", None),
        ("Maria Olsen, the UN aid chief, said convoys left Bergen on Monday.", None),
        ("The Bergen city council voted 30 to 12 on Monday to close the Bergen ferry port.", None),
        ("Residents of Bergen said their homes were flooded on Sunday.", None),
    ],
)
def test_parsed_problems(judge, text, problem):
    assert judge.problem(text) == problem


def test_sentence_rules_come_first_and_the_parser_loads_lazily():
    loads = []
    judge = ParsedJudge(load=lambda: loads.append(1) or spacy_parser())
    assert judge.problem("However, Olsen left Bergen on Monday.") == "connective"
    assert loads == []
    judge.problem("Olsen left Bergen on Monday.")
    judge.problem("Olsen left Oslo on Monday.")
    assert loads == [1]


def point(index: int, text: str, members: tuple[int, ...]) -> Point:
    evidence = tuple(Evidence(1, k, 0, 1) for k in members)
    return Point(index, members, text, (1,), evidence)


def sentences(texts: list[str]) -> list[Sentence]:
    return [Sentence(k, 1, 0, len(t), t, k) for k, t in enumerate(texts)]


class Rejects:
    """A fake judge: any text with the marker word cannot stand alone; counts its calls."""

    def __init__(self, marker: str = "unclear") -> None:
        self.marker, self.calls = marker, []

    def problem(self, text: str, opening: bool = False) -> str | None:
        self.calls.append(text)
        return "other" if self.marker in text else None


def test_best_member_that_reads_alone_becomes_the_text():
    texts = ["Olsen said the unclear plan failed.", "Olsen said the Bergen plan failed."]
    points = [point(0, texts[0], (0, 1))]
    judged = confirm_standalone(points, np.array([1.0]), sentences(texts), Rejects().problem, None)
    assert judged[0].standalone
    assert judged[0].text == texts[1]
    assert judged[0].sentences == (1, 0)


def test_a_point_no_member_saves_is_marked():
    texts = ["Olsen said the unclear plan failed."]
    points = [point(0, texts[0], (0,))]
    judged = confirm_standalone(points, np.array([1.0]), sentences(texts), Rejects().problem, None)
    assert not judged[0].standalone


def test_only_the_best_candidates_are_judged_under_a_budget():
    texts = [f"Olsen met mayor number {k} of Bergen on Monday." for k in range(40)]
    points = [point(k, t, (k,)) for k, t in enumerate(texts)]
    scores = np.arange(40, dtype=float)  # the last point is the best
    fake = Rejects()
    budget = 5
    judged = confirm_standalone(points, scores, sentences(texts), fake.problem, budget)
    words = len(texts[0].split())
    expected_judged = -(-JUDGED_SHARE * budget // words)
    assert len(fake.calls) == expected_judged
    assert fake.calls[0] == texts[-1]
    assert sum(p.standalone for p in judged) == expected_judged


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Olsen said he would leave Bergen on Monday.", None),
        ("Olsen and Berg said they would meet in Oslo.", None),
        ("Acme Corp said they would cut 300 jobs in Oslo.", None),
        ('"We are working on it," Olsen said after they met in Oslo.', "pronoun"),
        ("The film, which stars Ann Berg, opens in Oslo in June.", "definite_description"),
        ("The talks that began in Oslo on Monday ended without a deal.", None),
        ("Officials in Oslo said the failed test worried Norway.", "definite_description"),
        (
            "Syrian officials said the ministry would reopen schools in Homs.",
            "definite_description",
        ),
        ("The port of Bergen reopened, the first time the port has opened in years.", None),
    ],
)
def test_pronouns_agree_and_clauses_set_off_do_not_explain(judge, text, problem):
    assert judge.problem(text) == problem


def test_what_the_headline_names_is_known(judge):
    text = "Officials in Oslo said the crash killed 12 people."
    assert judge.problem(text) == "definite_description"
    assert judge.problem(text, judge.nouns("Bus crash near Oslo kills 12")) is None


def test_candidates_are_parsed_in_batches_with_the_same_answers():
    texts = [f"Officials in Oslo said the storm cut power to {k} homes." for k in range(5)]
    texts += ["Olsen said the victims were taken to hospital in Bergen."]
    one_by_one = ParsedJudge(load=spacy_parser)
    answers = [one_by_one.problem(t) for t in texts]

    class CountingParser:
        def __init__(self) -> None:
            self.nlp, self.batches = spacy_parser(), []

        def __call__(self, text: str):  # type: ignore[no-untyped-def]
            return self.nlp(text)

        def pipe(self, texts, batch_size):  # type: ignore[no-untyped-def]
            self.batches.append(len(texts))
            return self.nlp.pipe(texts, batch_size=batch_size)

    parser = CountingParser()
    batched = ParsedJudge(load=lambda: parser)
    batched.prepare([*texts, "However, Olsen left."])  # a rule-rejected text is not parsed
    assert parser.batches == []  # nothing is parsed before it is needed
    assert [batched.problem(t) for t in texts] == answers
    assert parser.batches == [len(texts)]  # all in one batch, nothing parsed again


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # more of, or compared with, something shown before
        ("Oslo police found additional evidence at the Bergen site on Monday.", "additive"),
        ("Norway sent a larger delegation to the Oslo games on Monday.", "comparative"),
        ("Norway sent a larger delegation than Sweden to the Oslo games.", None),
        (
            "Any remaining fuel was burned off near Bergen, Norwegian officials said.",
            "vague_determiner",
        ),
        ("Norway and an additional 12 countries signed the Oslo accord.", None),
        ("Oslo officials vowed to respond with the same amount of tariffs.", "same_as_what"),
        ("Norway legalised same-sex marriage in Oslo in 2009.", None),
        ("Any deal with Norway would need approval from the Oslo parliament.", None),
        ("Oslo police said any remaining fuel burned faster than expected.", "vague_determiner"),
        ("Norway's lower house voted 90 to 60 on Monday.", None),
        ("A risk factor was calculated from each study in the Oslo review.", "distributive"),
        ("Olsen said each year the Bergen festival draws 20,000 visitors.", None),
        ("Experts said Oslo's new bridge was safe for traffic.", None),
        # "that" points away from now; "it" stands for no date
        ("By that time, Olsen had already left Bergen.", "definite_description"),
        ("This year, Olsen left Bergen for Oslo.", None),
        ("Bergen florist Jon Olsen predicts that will be soon.", "pronoun"),
        ("In December, it blocked a page in Oslo.", "pronoun"),
        # a photo caption: a present-tense scene dated to the day
        ("A boy walks past a burned bus in Bergen, Norway, Tuesday, July 22, 2014.", "caption"),
        ("Bergen's mayor resigned on Tuesday, July 22, 2014, after a vote of no confidence.", None),
        ("The trial of Olsen begins Monday, March 3, 2014, in Oslo.", None),
        ("A woman walks past the closed ferry office, Friday, June 3, 2016, in Bergen.", "caption"),
        (
            "The Bergen ferry is shown at its quay, Friday, June 3, 2016, in Bergen.",
            "page_text",
        ),  # the caption verb is page text to the sentence rules
        ("Olsen was re-elected, Friday, June 3, 2016, in Bergen, Norway.", None),
        ("Norway wins 10 medals in Sochi on Sunday, Feb. 9, 2014.", None),
        ("The Oslo city council voted on Monday to close the Bergen ferry port.", None),
        # an object pronoun is not its own verb's subject ("himself" would be)
        ("Olsen thanked him for the Bergen ferry deal on Monday.", "pronoun"),
        ("Olsen called it a great day for Oslo and Bergen.", "pronoun"),
        ("Kari Lund told her that the Bergen ferry was late.", "pronoun"),
        ("Olsen's friends in Oslo thanked him on Monday.", None),
        ("Kari Lund said Per Olsen had called her on Monday.", None),
        ("Norway proved itself a good host at the Oslo games.", None),
        ("Olsen took the Bergen ferry files with him when he left Oslo.", None),
        # a number standing alone as a subject counts what came before
        ("Six arrived in Bergen in mid-August, Norwegian officials said.", "bare_number"),
        ("Six Norwegian ferries arrived in Bergen in mid-August.", None),
        ("Of 40 Norwegian ferries, only 4 arrived in Bergen on time.", None),
        # "as" and "with" after a noun do not say which one it is
        ("Oslo police identified the man as Jon Berg, a Bergen teacher.", "definite_description"),
        ("Officials in Bergen said the situation in Oslo was calm.", None),
        ("Olsen signed the deal with Iran on Monday in Oslo.", None),
    ],
)
def test_what_points_back_or_leaves_open_which_one(judge, text, problem):
    assert judge.problem(text) == problem


def test_an_articles_opening_sentence_is_only_checked_for_page_text(judge):
    lede = "Inheritance tax is imposed as a share of an estate's value."
    assert judge.problem(lede) == "names_no_one"  # names no one: later in an article, it leans back
    assert judge.problem(lede, opening=True) is None  # a lede is written to be read first
    caption = "A boy walks past a burned bus in Bergen, Norway, Tuesday, July 22, 2014."
    assert judge.problem(caption, opening=True) == "caption"
    assert judge.problem("He said the Bergen ferry would stop.", opening=True) == "pronoun"
    picture = "A photo of the Bergen mayor who resigned last week, Anna Olsen."
    assert judge.problem(picture, opening=True) == "fragment"  # a caption: no main clause


def test_a_cut_member_never_tells_its_point():
    texts = ["Olsen, who arrived in Bergen on a visit.", "Olsen visited the Bergen port."]
    points = [point(0, texts[0], (0, 1))]
    judged = confirm_standalone(
        points,
        np.array([1.0]),
        sentences(texts),
        lambda t, opening=False: None,
        None,
        cut=frozenset({0}),
    )
    assert judged[0].text == texts[1] and judged[0].sentences[0] == 1


def test_members_are_judged_as_openings_only_at_their_articles_start():
    seen = []

    def problem(text: str, opening: bool = False) -> str | None:
        seen.append((text, opening))
        return None

    texts = ["Olsen opened the Bergen bridge.", "Olsen said the Oslo bridge opened."]
    points = [point(0, texts[0], (0,)), point(1, texts[1], (1,))]
    confirm_standalone(points, np.array([1.0, 0.5]), sentences(texts), problem, None)
    assert seen == [(texts[0], True), (texts[1], False)]


def test_with_the_parse_every_member_is_repaired_again_and_unsure_names_go():
    texts = ["Olsen said the Bergen port would reopen.", "He added that ferries would sail."]
    points = [point(0, "[Olsen] added that ferries would sail.", (1,))]

    def fine(text: str, opening: bool = False) -> str | None:
        return None

    unsure = confirm_standalone(
        points, np.array([1.0]), sentences(texts), fine, None, named=lambda text, p: None
    )
    assert not unsure[0].standalone
    sure = confirm_standalone(
        points, np.array([1.0]), sentences(texts), fine, None, named=lambda text, p: "Ann Olsen"
    )
    assert sure[0].standalone and sure[0].text == "[Ann Olsen] added that ferries would sail."
