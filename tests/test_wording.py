from synth.compare.wording import word_difference
from synth.core import Difference, Evidence, Variant


def worded(kind: str, *values: tuple[str, int, str]) -> Difference | None:
    """The worded difference of (value, source, evidence sentence) variants."""
    variants = tuple(
        Variant(value, (source,), (Evidence(source, 0, len(text), text),))
        for value, source, text in values
    )
    return word_difference(Difference(kind, "detector's own label", variants))


def test_a_share_says_of_what_and_what_happened_with_each_outlets_wording():
    difference = worded(
        "figure",
        ("75%", 5, "Forces have recaptured around 75 percent of eastern Aleppo."),
        ("85%", 3, "Forces have seized about 85 per cent of territory in Aleppo."),
    )
    assert difference.about == "Share of eastern Aleppo recaptured"
    assert [v.wording for v in difference.variants] == ["around 75%", "about 85%"]


def test_a_count_names_what_is_counted_and_the_act():
    difference = worded(
        "figure",
        ("384", 2, "At least 384 civilians have been killed since the offensive."),
        ("500", 4, "Almost 500 civilians were killed in the offensive, the monitor said."),
    )
    assert difference is not None and difference.about == "Civilians killed"
    assert [v.wording for v in difference.variants] == ["at least 384", "almost 500"]


def test_a_place_names_the_speaker():
    difference = worded(
        "place",
        ("Hamburg", 2, "Combat has stopped, Lavrov said in Hamburg on Thursday."),
        ("Munich", 3, "Combat has stopped, Mr Lavrov said in the city of Munich."),
    )
    assert difference.about == "Where Lavrov spoke"
    assert [v.wording for v in difference.variants] == ["Hamburg", "Munich"]


def test_wording_keeps_the_evidence_and_the_values():
    difference = worded("figure", ("12", 1, "It has 12 boats."))
    assert difference.variants[0].evidence[0].text == "It has 12 boats."
    assert difference.variants[0].value == "12" and difference.kind == "figure"
    assert difference.about == "Number of boats"


def test_figures_whose_words_do_not_say_what_is_counted_are_not_shown():
    # "people" with no act: dead or hurt? a reader cannot tell what differs
    assert (
        worded(
            "figure",
            ("60", 1, "A fire in the hall, killing at least 60 people, shocked the town."),
            ("65", 2, "The blaze in the hall, with 65 people, shocked the town."),
        )
        is None
    )
    # a unit of measure with no act: a distance of what?
    miles = ("125", 1, "It flew 125 miles."), ("157", 2, "It is 157 miles.")
    assert worded("figure", *miles) is None
    # a sum with no act, and a counted name
    assert worded("figure", ("$21", 1, "It cost $21."), ("$24", 2, "A price of $24.")) is None
    assert worded("figure", ("157", 1, "157 Norway's."), ("162", 2, "162 Norway's.")) is None


def test_unspecific_counts_read_once_an_act_says_what_happened():
    difference = worded(
        "figure",
        ("60", 1, "At least 60 people were killed in the blaze."),
        ("65", 2, "In all 65 people were killed in the blaze."),
    )
    assert difference is not None and difference.about == "People killed"


def test_a_count_of_a_group_by_name_needs_an_act():
    crowd = ("1,000", 1, "About 1,000 Kurds, in Rome."), ("1,500", 2, "Some 1,500 Kurds, in Rome.")
    assert worded("figure", *crowd) is None
    difference = worded(
        "figure",
        ("1,000", 1, "About 1,000 Kurds rallied in Rome."),
        ("1,500", 2, "Some 1,500 Kurds rallied in Rome."),
    )
    assert difference is not None and difference.about == "Kurds rallied"


def test_counts_of_two_events_are_not_one_difference():
    rally = (
        ("1,000", 1, "About 1,000 Kurds rallied in Bonn."),
        ("1,500", 2, "Some 1,500 Kurds spent the night."),
    )
    assert worded("figure", *rally) is None


def test_acts_of_one_tally_are_one_act():
    hurt = (
        ("21", 1, "At least 21 people were injured."),
        ("24", 2, "In all 24 people were wounded."),
    )
    difference = worded("figure", *hurt)
    assert difference is not None and difference.about in ("People injured", "People wounded")


def test_the_act_of_a_perfect_before_the_count_names_it():
    convicted = (
        ("2", 1, "The court has convicted two Muslims of war crimes."),
        ("3", 2, "The court has convicted three Muslims of war crimes."),
    )
    difference = worded("figure", *convicted)
    assert difference is not None and difference.about == "Muslims convicted"
