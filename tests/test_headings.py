import numpy as np
import pytest

from synth.lang.en import stem
from synth.understand.headings import Candidate, HeadingNamer, good_shape, section_candidates
from synth.understand.phrases import Phrase, attested_nouns, candidate_phrases
from tests.conftest import FakeEmbedder


def phrases(text: str) -> set[str]:
    return {p.text for p in candidate_phrases(text)}


def test_chunker_finds_noun_phrases_and_leaves_verbs_out():
    found = phrases(
        "The Syrian army has halted its military attacks on Aleppo to allow the evacuation "
        "of civilians trapped by fighting."
    )
    assert {"Syrian army", "military attacks", "evacuation of civilians"} <= found
    assert not any(p.endswith(("halted", "allow", "trapped")) for p in found)


def test_a_participle_after_a_noun_ends_the_phrase():
    found = phrases("A column of 8,000 evacuees travelling five kilometres was seen.")
    assert "evacuees travelling" not in found


def test_a_named_subject_gives_the_noun_of_its_verb():
    assert "White House reaction" in phrases("The White House reacted cautiously to the news.")
    assert "US response" in phrases("The US responded cautiously to the statements.")
    assert not any(p.endswith("agreement") for p in phrases("The diplomats agreed to meet."))


def test_joined_phrases_do_not_end_in_a_full_name():
    assert "identity of Alexandre Bissonnette" not in phrases(
        "The identity of Alexandre Bissonnette"
    )
    assert "talks in Geneva" in phrases("The talks in Geneva stalled.")


def test_attested_nouns_skip_words_used_as_verbs_or_coordinated_modifiers():
    nouns = attested_nouns(
        ["Four percent of the voters favor a rival.", "Talks on the military and diplomatic plans."]
    )
    assert "favor" not in nouns and "militari" not in nouns and "voter" in nouns


def test_a_verb_after_a_plural_noun_ends_the_phrase():
    assert "talks resume" not in phrases("The peace talks resume soon.")


@pytest.mark.parametrize(
    ("words", "head", "ok"),
    [
        (("talks", "in", "Geneva"), 0, True),
        (("medical", "evacuation"), 1, True),
        (("evacuation",), 0, False),  # one word
        (("White", "House"), 1, False),  # only names
        (("White", "House", "spokesman"), 2, False),  # a role
        (("the", "statement"), 1, False),  # vague, and opens on a function word
        (("besieged", "city", "blocked"), 2, False),  # a participle for head
        (("8,000", "evacuees"), 1, False),  # a figure
        (("one", "two", "three", "four", "five", "talks"), 5, False),  # six words
    ],
)
def test_heading_shape_rules(words, head, ok):
    assert good_shape(Phrase(words, head)) is ok


def test_candidates_are_ranked_by_how_particular_they_are_to_a_section():
    pools = section_candidates(
        [
            [("The ceasefire talks in Geneva stalled.", 1.0), ("Geneva talks resumed.", 1.0)],
            [("Hospitals ran out of medical supplies.", 1.0), ("Medical supplies ran low.", 1.0)],
        ]
    )
    assert pools[0] and pools[1]
    assert all("supplies" not in c.text for c in pools[0])


def test_headings_have_distinct_head_words_and_no_commas():
    texts = [
        [("The peace talks in Geneva stalled.", 1.0), ("The peace talks went on.", 1.0)],
        [("The aid talks in Rome began.", 1.0), ("The aid convoy reached Rome.", 1.0)],
    ]
    embedder = FakeEmbedder()
    centres = embedder.encode(["peace talks Geneva", "aid talks Rome"])
    headings = HeadingNamer().name(texts, centres, embedder)
    assert all(h and "," not in h and 2 <= len(h.split()) <= 5 for h in headings)
    heads = [h.split()[-1].lower() for h in headings]
    assert len(set(heads)) == 2


def test_a_section_without_a_candidate_gets_no_heading():
    embedder = FakeEmbedder()
    texts = [[("No way, not even if I was rich.", 1.0)]]
    assert HeadingNamer().name(texts, np.ones((1, 256), dtype=np.float32), embedder) == [""]


def candidate(text: str, head: int = -1, derived: bool = False) -> Candidate:

    words = text.split()
    key = tuple(stem(w.casefold()) for w in words)
    return Candidate(key, text, stem(words[head].casefold()), 1.0, derived)


SHOWN = [
    "The ferry strike in Varna closed the port for a week.",
    "Union leaders said the ferry strike would go on until wages rise.",
    "Olsen, a Varna shipowner, said the strike cost him a fortune.",
]


def test_a_heading_fits_when_most_points_under_it_say_its_noun():
    from synth.understand.headings import fits

    nouns = attested_nouns(SHOWN)
    assert fits(candidate("Ferry strike"), SHOWN, SHOWN, nouns)
    # lifted from one sentence: "wages" is in one point of three
    assert not fits(candidate("Union wages"), SHOWN, SHOWN, nouns)
    # its noun is over every point, but "union" tells of one of them only
    assert not fits(candidate("Union strike"), SHOWN, SHOWN, nouns)


def test_two_words_lifted_from_one_sentence_are_no_heading():
    from synth.understand.headings import fits, said_in

    shown = [
        "In the Herald interview, Olsen said the port would reopen.",
        "Olsen told the Herald in an interview that the ferry strikes had cost the port dearly.",
        "The ferry strike ended on Monday.",
    ]
    nouns = attested_nouns(shown)
    assert said_in(candidate("ferry strike").key, shown) == 2  # "strikes" counts
    assert fits(candidate("Ferry strike"), shown, shown, nouns)
    # each word is in two points, the phrase in one of them only
    assert said_in(candidate("Herald interview").key, shown) == 1
    assert not fits(candidate("Herald interview"), shown, shown, nouns)


def test_a_name_heads_only_points_about_that_person():
    from synth.understand.headings import fits

    nouns = attested_nouns(SHOWN)
    assert not fits(candidate("Olsen fortune"), SHOWN, SHOWN, nouns)


def test_an_adjective_cut_from_its_noun_is_no_heading():
    from synth.understand.headings import ends_phrases, fits

    texts = [
        "Protests of Turkish staff spread to Varna.",
        "The protests of Turkish staff went on in Varna, and the staff won.",
    ]
    nouns = attested_nouns(texts)
    assert not ends_phrases("Turkish", texts)
    assert ends_phrases("Varna", texts)
    assert not fits(candidate("Protests of Turkish", head=0), texts, texts, nouns)
    assert fits(candidate("Protests of Turkish staff", head=0), texts, texts, nouns)


def test_the_end_of_a_longer_name_is_no_heading():
    from synth.understand.headings import cut_from_name

    texts = ["A lone star tick bite caused the allergy.", "The lone star tick spreads north."]
    assert cut_from_name(["star", "tick"], texts)
    assert not cut_from_name(["lone", "star", "tick"], texts)
    assert not cut_from_name(["tick", "bite"], ["A tick bite.", "The tick bite hurt."])


def test_with_the_shown_points_a_section_that_no_heading_fits_gets_none():
    texts = [
        [("The ferry strike closed the Varna port.", 1.0), ("The ferry strike went on.", 1.0)],
        [("Olsen sold his boat.", 1.0), ("A storm hit the coast of Burgas.", 1.0)],
    ]
    shown = [[t for t, _ in section] for section in texts]
    embedder = FakeEmbedder()
    centres = embedder.encode(["ferry strike Varna", "Olsen boat storm Burgas"])
    headings = HeadingNamer().name(texts, centres, embedder, shown)
    assert headings[0].lower() == "ferry strike" and headings[1] == ""


def test_a_derived_heading_needs_the_name_doing_it_in_the_points():
    from synth.understand.headings import fits, reacted_in

    shown = [
        "The White House reacted cautiously to the Varna strike.",
        "The White House responded on Monday, and the White House reacted again on Friday.",
        "Dockers in Varna said the White House had not called.",
    ]
    nouns = attested_nouns(shown)
    reaction = candidate("White House reaction", derived=True)
    assert reacted_in(reaction.key, shown) == 2
    assert fits(reaction, shown, shown, nouns)
    # the name is in every point, but it announces nothing in any of them
    announcement = candidate("White House announcement", derived=True)
    assert reacted_in(announcement.key, shown) == 0
    assert not fits(announcement, shown, shown, nouns)
