import numpy as np
import pytest

from synth.understand.headings import HeadingNamer, good_shape, section_candidates
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
