"""Who is this: people a briefing names are introduced before a reader meets them bare."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from synth.core import Evidence, Point, Sentence
from synth.understand.parser import spacy_parser
from synth.understand.standalone import ParsedJudge
from synth.understand.standalone.people import (
    AFTER,
    BEFORE,
    Named,
    introduce,
    people_answer,
    people_read,
    sole_role,
    written_in,
)
from tests.test_answers import Counting, store


@pytest.fixture(scope="module")
def judge() -> ParsedJudge:
    return ParsedJudge(load=spacy_parser)


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Tomas Berglund was walking to the market when he saw the smoke.", ["Tomas Berglund"]),
        ("Mr. Tomas Berglund was walking to the market.", ["Tomas Berglund"]),
        ("Ferry captain Tomas Berglund was walking to the market.", []),
        ("Former Mayor Tomas Berglund opened the market on Monday.", []),
        ("Tomas Berglund, 41, a ferry captain, was walking to the market.", []),
        ("Tomas Berglund, 41, was walking to the market.", ["Tomas Berglund"]),
        ("Tomas Berglund, who owns the ferry, was walking to the market.", []),
        ("Tomas Berglund of the Oslo Ferry Company opened the market.", []),
        ("The union's leader, Tomas Berglund, opened the market on Monday.", []),
        ("Tomas Berglund is a ferry captain in Oslo.", []),
        ("Berglund opened the market on Monday.", []),  # a bare surname: not this module's
    ],
)
def test_people_named_with_no_role(judge, text, bare):
    assert [n.name for n in judge.people([text])[0]] == bare


def test_a_speaker_of_a_quotation_is_marked(judge):
    (named,) = judge.people(['"The ferry will sail," said Tomas Berglund.'])
    assert named == (Named("Tomas Berglund", speaker=True, subject=True),)
    (named,) = judge.people(["Tomas Berglund thinks the ferry will sail."])
    assert named == (Named("Tomas Berglund", speaker=False, subject=True),)


@pytest.mark.parametrize(
    ("mentions", "role"),
    [
        (["Ferry captain Tomas Berglund saw the smoke."], BEFORE + "Ferry captain"),
        (["Tomas Berglund, 41, a ferry captain, saw the smoke."], AFTER + "41, a ferry captain"),
        (["The union's leader, Tomas Berglund, saw the smoke."], AFTER + "the union's leader"),
        (["Tomas Berglund saw the smoke."], None),
        (["Tomas Berglund, 41, saw the smoke."], None),
        (["Mr. Tomas Berglund saw the smoke."], None),
        (["His brother Tomas Berglund saw the smoke."], None),  # leans on a pronoun
        (  # two roles: two people of one name, or one role that changed
            [
                "Ferry captain Tomas Berglund saw the smoke.",
                "Tomas Berglund, a union leader, saw the smoke.",
            ],
            None,
        ),
        (  # one role twice, and a mention without one
            [
                "Union leader Tomas Berglund saw the smoke.",
                "Tomas Berglund left.",
                "Later, union leader Tomas Berglund spoke.",
            ],
            BEFORE + "union leader",
        ),
    ],
)
def test_the_one_role_an_article_gives(judge, mentions, role):
    found = judge.role("Tomas Berglund", mentions)
    assert (found.casefold() if found else None) == (role.casefold() if role else None)


@pytest.mark.parametrize(
    ("text", "role", "written"),
    [
        (
            "Tomas Berglund has since moved to Bergen.",
            BEFORE + "ferry captain",
            "Ferry captain Tomas Berglund has since moved to Bergen.",
        ),
        (
            '"It burned for hours," said Tomas Berglund.',
            AFTER + "a ferry captain",
            '"It burned for hours," said Tomas Berglund, a ferry captain.',
        ),
        (
            "Tomas Berglund also pointed out that the ferry was late.",
            AFTER + "41, a ferry captain",
            "Tomas Berglund, 41, a ferry captain, also pointed out that the ferry was late.",
        ),
        (
            "The ferry of Tomas Berglund sank.",
            BEFORE + "ferry captain",
            "The ferry of ferry captain Tomas Berglund sank.",
        ),
        ("Tomas Berglund's ferry sank.", AFTER + "a ferry captain", None),
        ("Mr. Tomas Berglund sank.", BEFORE + "ferry captain", None),
        ("Tomas Berglundsen sank.", BEFORE + "ferry captain", None),
    ],
)
def test_a_role_written_in_at_the_name(text, role, written):
    assert written_in(text, "Tomas Berglund", role) == written


def test_one_role_or_none():
    assert sole_role({BEFORE + "Ferry captain", BEFORE + "ferry captain"}) is not None
    assert sole_role({BEFORE + "ferry captain", AFTER + "a ferry captain"}) is None
    assert sole_role(set()) is None


def test_people_answers_read_back():
    people = (Named("Tomas Berglund", speaker=True, subject=True), Named("Helen Marsh"))
    assert people_read(people_answer(people)) == people
    assert people_answer(()) is None and people_read(None) == ()


def sentences(texts: Sequence[tuple[int, str]]) -> list[Sentence]:
    return [Sentence(k, source, 0, len(t), t, k) for k, (source, t) in enumerate(texts)]


def points(texts: Sequence[str]) -> list[Point]:
    return [Point(k, (k,), t, (1,), (Evidence(1, 0, 1, "x"),)) for k, t in enumerate(texts)]


ARTICLE = [
    (1, "A fire destroyed the Bergen ferry terminal on Monday."),
    (1, "Ferry captain Tomas Berglund was walking to the market when he saw the smoke."),
    (1, "Tomas Berglund has since moved to Oslo."),
    (1, "Helen Marsh said the terminal would reopen in May."),
]


def test_the_walk_writes_a_role_in_at_the_first_mention_only(judge):
    sents = sentences(ARTICLE)
    shown = points([s.text for s in sents])
    changed = introduce([0, 2, 3], [0], shown, sents, "Fire destroys ferry terminal", judge)
    assert changed[2].text == "Ferry captain Tomas Berglund has since moved to Oslo."
    assert not changed[3].standalone  # no role anywhere: not shown outside the lede
    # met first in the lede: it keeps its place, with no role to write in
    assert 3 not in introduce([3, 0], [3], shown, sents, "Fire", judge)


def test_a_person_named_before_is_not_introduced_again(judge):
    sents = sentences(ARTICLE)
    shown = points([s.text for s in sents])
    changed = introduce([1, 2], [1], shown, sents, "Fire", judge)
    assert changed == {}  # the lede gave the role
    assert introduce([2], [], shown, sents, "Tomas Berglund has moved", judge) == {}


def test_a_role_only_from_the_points_own_article(judge):
    sents = sentences([*ARTICLE[:2], (2, "Tomas Berglund has since moved to Oslo.")])
    shown = points([s.text for s in sents])
    assert not introduce([2], [], shown, sents, "Fire", judge)[2].standalone


def test_a_speaker_given_a_role_elsewhere_in_the_briefing_keeps_the_point(judge):
    sents = sentences(
        [
            (1, '"We saw the smoke from the bridge," said Helen Marsh.'),
            (2, "Helen Marsh moved the boats."),
            (3, "Harbour master Helen Marsh, in a statement, thanked the firefighters."),
        ]
    )
    shown = points([s.text for s in sents])
    changed = introduce([0, 1, 2], [], shown, sents, "Fire", judge)
    assert 0 not in changed  # the speaker's role is given further down
    assert not changed[1].standalone  # not a speaker: not shown


def test_kept_answers_need_no_parse(tmp_path):
    text = "Tomas Berglund has since moved to Oslo."
    mentions = ["Ferry captain Tomas Berglund saw the smoke.", text]
    first = Counting(spacy_parser())
    judge = ParsedJudge(load=lambda: first, store=store(tmp_path))
    found = judge.people([text]), judge.role("Tomas Berglund", mentions)
    assert first.calls > 0
    again = Counting()
    kept = ParsedJudge(load=lambda: again, store=store(tmp_path))
    assert (kept.people([text]), kept.role("Tomas Berglund", mentions)) == found
    assert again.calls == 0


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Tomas Berglund, Helen Marsh and Kate Winslow attended the launch.", True),
        ("Bishop Tomas Berglund told parishioners on Sunday.", False),
        ("The ferry union's Tomas Berglund told members on Sunday.", False),
        ("The union tagged Ferry Board Chief of Staff Tomas Berglund in the post.", False),
    ],
)
def test_roles_the_parse_must_tell_from_names(judge, text, bare):
    people = judge.people([text])[0]
    assert ("Tomas Berglund" in [n.name for n in people]) == bare


def test_a_list_of_names_is_no_apposition(judge):
    mention = "Tomas Berglund, Helen Marsh and Kate Winslow attended the launch."
    assert judge.role("Tomas Berglund", [mention]) is None
    assert judge.role("Tomas Berglund", ["Bishop Tomas Berglund spoke."]) == BEFORE + "Bishop"


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("The deputy shot 13-year-old Tomas Berglund near the ferry.", False),
        ("Officers Helen Marsh and Tomas Berglund face lesser charges.", False),
        ("Helen Marsh and Tomas Berglund were arrested on Monday.", True),
        ("The crash closed Tomas Berglund Jr. Way on Monday.", False),  # a street, not him
    ],
)
def test_descriptors_lists_and_names_of_things(judge, text, bare):
    people = judge.people([text])[0]
    assert ("Tomas Berglund" in [n.name for n in people]) == bare


def test_a_role_inside_a_quotation_is_the_editors(judge):
    text = '"We mourn the death of Tomas Berglund," the union said.'
    assert written_in(text, "Tomas Berglund", BEFORE + "ferry captain") == (
        '"We mourn the death of [ferry captain] Tomas Berglund," the union said.'
    )
    assert written_in(text, "Tomas Berglund", AFTER + "a ferry captain") is None


def test_a_name_in_apposition_takes_the_whole_phrase_before_it(judge):
    mention = "The head of the ferry union, Tomas Berglund, spoke on Monday."
    assert judge.role("Tomas Berglund", [mention]) == AFTER + "the head of the ferry union"


def test_a_role_from_a_quotation_is_not_the_articles(judge):
    mention = 'The union said: "We condemn the fraudster Tomas Berglund for the fire."'
    assert judge.role("Tomas Berglund", [mention]) is None


def test_a_role_is_written_in_once():
    text = "They mourned [ferry captain] Tomas Berglund on Monday."
    assert written_in(text, "Tomas Berglund", BEFORE + "ferry captain") == text


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Tomas Berglund, one of the union's spokesmen, declined to comment.", False),
        ("The ferryman (Tomas Berglund) tells her the boat has sunk.", False),
    ],
)
def test_more_ways_to_say_who(judge, text, bare):
    people = judge.people([text])[0]
    assert ("Tomas Berglund" in [n.name for n in people]) == bare


def test_a_possessive_inside_a_title_is_kept_whole(judge):
    mention = "Deputy State's Attorney Tomas Berglund argued the case."
    assert judge.role("Tomas Berglund", [mention]) == BEFORE + "Deputy State's Attorney"
    assert judge.role("Tomas Berglund", ["The union's Tomas Berglund argued the case."]) is None


def test_a_headline_about_the_person_by_surname_introduces_them(judge):
    sents = sentences(ARTICLE)
    shown = points([s.text for s in sents])
    assert introduce([3], [], shown, sents, "Marsh defends the terminal plan", judge) == {}


def test_a_point_that_only_mentions_a_stranger_is_kept(judge):
    sents = sentences(
        [
            (1, "The ferry terminal burned on Monday."),
            (1, "The terminal was designed by Tomas Berglund in 1990."),
            (1, "Tomas Berglund watched the terminal burn from the bridge."),
        ]
    )
    assert judge.people([sents[1].text]) == [(Named("Tomas Berglund"),)]
    shown = points([s.text for s in sents])
    changed = introduce([0, 2, 1], [0], shown, sents, "Terminal burns", judge)
    assert 1 not in changed  # a mention: the point is about the terminal
    assert not changed[2].standalone  # about the stranger: not shown


def test_a_noun_right_before_a_name_says_who(judge):
    text = "The runner hit a home run off the visiting team's starter Tomas Berglund."
    assert judge.people([text])[0] == ()


def test_a_role_the_text_gives_already_is_not_written_again():
    text = "Fans cheered Helen Marsh and Tomas Berglund, a ferry captain, on Monday."
    assert written_in(text, "Tomas Berglund", AFTER + "a ferry captain") == text


def test_a_person_the_article_names_often_without_a_role_is_known(judge):
    sents = sentences(
        [
            (1, "The ferry terminal burned on Monday."),
            (1, "Tomas Berglund watched the terminal burn from the bridge."),
            (1, "Tomas Berglund built the terminal in 1990."),
            (1, "The terminal was the pride of Tomas Berglund."),
        ]
    )
    shown = points([s.text for s in sents])
    assert introduce([0, 1], [0], shown, sents, "Terminal burns", judge) == {}
