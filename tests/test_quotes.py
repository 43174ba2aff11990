"""Quotes in every style, and who said them."""

from __future__ import annotations

import pytest

from synth.compare.speakers import SpeakerFinder, article_names, clean_name, full_name
from synth.core import Source
from synth.read.quotemarks import quote_spans, unquoted


def source(*paragraphs: str, source_id: int = 1) -> Source:
    text = "\n\n".join(paragraphs)
    blocks, at = [], 0
    for paragraph in paragraphs:
        blocks.append((at, at + len(paragraph)))
        at += len(paragraph) + 2
    return Source(source_id, f"s{source_id}.txt", text, f"S{source_id}", blocks=tuple(blocks))


def quoted(src: Source) -> list[str]:
    return [src.text[s.start : s.end] for s in quote_spans(src.text, src.blocks)]


@pytest.mark.parametrize(
    ("opener", "closer"),
    [('"', '"'), ("“", "”"), ("``", "''"), ("'", "'"), ("‘", "’"), ('"', "''")],
)
def test_every_quote_style_is_read(opener, closer):
    src = source(f"{opener}We will not reopen the border this week,{closer} Olsen said.")
    assert quoted(src) == ["We will not reopen the border this week,"]


def test_apostrophes_and_possessives_open_no_quote():
    src = source("The workers' union said it won't strike in the '90s style again, Olsen said.")
    assert quoted(src) == []


def test_a_quote_running_over_paragraphs_is_read_piece_by_piece():
    src = source(
        "Olsen said: “The convoy will leave at dawn from the northern gate.",
        "“It will take the families to the camps outside the city,” she added.",
    )
    spans = quote_spans(src.text, src.blocks)
    assert [s.runs_on for s in spans] == [True, False]
    assert [s.continued for s in spans] == [False, True]


def test_unquoted_blanks_the_quoted_words():
    assert unquoted("``We are ready for you,'' he said.").split() == ["``", "''", "he", "said."]


@pytest.fixture(scope="module")
def finder() -> SpeakerFinder:
    return SpeakerFinder()


def speakers(finder: SpeakerFinder, src: Source) -> list[str | None]:
    spans = quote_spans(src.text, src.blocks)
    found = finder.speakers(src, spans)
    return [found[k] for k in range(len(spans))]


def test_speaker_is_the_subject_not_the_addressee(finder):
    src = source("“You should resign from the bank right now,” Elizabeth Warren told John Stumpf.")
    assert speakers(finder, src) == ["Elizabeth Warren"]


def test_a_later_speech_verb_beats_a_name_mentioned_earlier(finder):
    src = source(
        "Maria Olsen arrived in Geneva on Monday for the talks.",
        "“The convoy cannot leave before the weekend at the earliest,” Peter Lund said.",
    )
    assert speakers(finder, src) == ["Peter Lund"]


def test_he_is_the_person_who_was_the_subject_before(finder):
    src = source(
        "Maria Olsen met the health ministers in Geneva on Monday.",
        "“We have never seen a crisis of this size before,” she said.",
    )
    assert speakers(finder, src) == ["Maria Olsen"]


def test_surname_is_given_in_full_as_the_same_article_names_the_person(finder):
    src = source(
        "Maria Olsen, the UN aid chief, met the ministers on Monday.",
        "“We have never seen a crisis of this size before,” Olsen said.",
    )
    assert speakers(finder, src) == ["Maria Olsen"]


def test_joint_speakers_and_unnamed_sources_give_no_speaker(finder):
    src = source(
        "“Email works better when you want someone to think about it,” Dennis and Wells wrote.",
        "“The talks have collapsed and will not resume this year,” a source said.",
    )
    assert speakers(finder, src) == [None, None]


def test_a_book_title_is_not_the_speakers_words(finder):
    src = source(
        '"Keep in mind that the planters stayed powerful for decades," says Henry Wiencek, '
        'author of "An Imperfect God: George Washington and His Slaves."'
    )
    assert speakers(finder, src) == ["Henry Wiencek", None]


def test_second_quote_after_the_attribution_keeps_the_speaker(finder):
    src = source(
        "“The convoy cannot leave before the weekend,” Peter Lund said. "
        "“The roads to the north are still mined.”"
    )
    assert speakers(finder, src) == ["Peter Lund", "Peter Lund"]


def test_names_from_another_article_are_not_used(finder):
    first = source("Maria Olsen, the UN aid chief, spoke in Geneva.", source_id=1)
    second = source("“We have never seen a crisis of this size before,” Olsen said.", source_id=2)
    assert speakers(finder, first) == []
    assert speakers(finder, second) == ["Olsen"]


def test_names_lose_titles_and_role_words():
    assert clean_name("Russian Ambassador Vitaly Churkin") == "Vitaly Churkin"
    assert clean_name("Sen. Elizabeth Warren") == "Elizabeth Warren"
    assert clean_name("the Ministry") is None


def test_two_people_of_one_surname_keep_the_surname():
    names = article_names("Bill Clinton spoke. Hillary Clinton spoke. Clinton said no.")
    assert full_name("Clinton", names) == "Clinton"


def test_wire_copy_that_opens_with_two_apostrophes_is_read():
    src = source("''Harry does politics now only because a friend asked him,'' Ballard said.")
    assert quoted(src) == ["Harry does politics now only because a friend asked him,"]
