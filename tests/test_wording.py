from synth.compare.wording import word_difference
from synth.core import Difference, Evidence, Variant


def variant(value: str, source: int, text: str) -> Variant:
    return Variant(value, (source,), (Evidence(source, 0, len(text), text),))


def test_a_share_says_of_what_and_what_happened_with_each_outlets_wording():
    difference = word_difference(
        Difference(
            "figure",
            "share (percent): forces",
            (
                variant("75%", 5, "Forces have recaptured around 75 percent of eastern Aleppo."),
                variant("85%", 3, "Forces have seized about 85 per cent of territory in Aleppo."),
            ),
        )
    )
    assert difference.about == "Share of eastern Aleppo recaptured"
    assert [v.wording for v in difference.variants] == ["around 75%", "about 85%"]


def test_a_count_names_what_is_counted_and_the_act():
    difference = word_difference(
        Difference(
            "figure",
            "number of civilians: fire",
            (
                variant("384", 2, "At least 384 civilians have been killed since the offensive."),
                variant("500", 4, "The offensive has claimed almost 500 civilian lives."),
            ),
        )
    )
    assert difference.about == "Civilians killed"
    assert [v.wording for v in difference.variants] == ["at least 384", "almost 500"]


def test_a_place_names_the_speaker():
    difference = word_difference(
        Difference(
            "place",
            "place: combat",
            (
                variant("Hamburg", 2, "Combat has stopped, Lavrov said in Hamburg on Thursday."),
                variant("Munich", 3, "Combat has stopped, Mr Lavrov said in the city of Munich."),
            ),
        )
    )
    assert difference.about == "Where Lavrov spoke"
    assert [v.wording for v in difference.variants] == ["Hamburg", "Munich"]


def test_wording_keeps_the_evidence_and_the_values():
    original = Difference("figure", "x", (variant("12", 1, "It has 12 boats."),))
    worded = word_difference(original)
    assert worded.variants[0].evidence == original.variants[0].evidence
    assert worded.variants[0].value == "12" and worded.kind == "figure"
