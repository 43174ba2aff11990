from synth.core import Sentence
from synth.understand.standalone import repair


def sentences(*texts: str, source: int = 1) -> list[Sentence]:
    return [Sentence(i, source, 0, len(t), t, i) for i, t in enumerate(texts)]


def test_opening_pronoun_speaker_is_repaired_in_brackets():
    s = sentences(
        "UN aid chief Maria Olsen told reporters that convoys were ready to move.",
        "She said the route had been cleared overnight.",
    )
    assert repair(s[1], s) == "[Olsen] said the route had been cleared overnight."


def test_unresolved_pronoun_or_connective_cannot_stand_alone():
    s = sentences(
        "The storm weakened.", "However, roads remain closed.", "It now covers the coast."
    )
    assert repair(s[1], s) is None
    assert repair(s[2], s) is None
    assert repair(s[0], s) == "The storm weakened."


def test_speaker_is_not_taken_from_another_source():
    first = sentences("Minister Anna Berg said the talks failed.", source=1)
    second = [Sentence(1, 2, 0, 20, "He said nothing more.", 0)]
    assert repair(second[0], first + second) is None


def test_time_words_after_this_are_fine():
    s = sentences("This week the council meets to vote on the budget.")
    assert repair(s[0], s) == s[0].text
