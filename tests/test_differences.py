"""Where outlets differ, made-up articles: changes over time, the weight of each side, outlets
that give both values, scope, people (ages, spellings, titles), reports that count once."""

from __future__ import annotations

from synth.compare.certainty import CONFIRMED, DISPUTED, Reports, certainty
from synth.compare.differences import Comparer
from synth.compare.people import same_spelling
from synth.core import Difference, Evidence, Point, Sentence, Source, Variant
from synth.read.segment import segment_sources
from synth.read.syndicate import mark_reports
from synth.understand.merge import Merger


def compare(embedder, *articles: str, published: dict[int, str] | None = None):
    """The differences synth finds between made-up articles, one source each."""
    sources = tuple(
        Source(
            k,
            f"s{k}.txt",
            text,
            f"S{k}",
            published=(published or {}).get(k),
            blocks=tuple(_paragraphs(text)),
        )
        for k, text in enumerate(articles, start=1)
    )
    sentences = segment_sources(sources)
    sources = mark_reports(sources, sentences)
    vectors = embedder.encode([s.text for s in sentences])
    points, _ = Merger().merge(sentences, vectors, sources)
    return Comparer().differences(sentences, vectors, points, sources)


def _paragraphs(text: str):
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield (start, start + len(line))
        start += len(line) + 1


def values(difference: Difference) -> list[tuple[str, tuple[int, ...]]]:
    return [(v.value, v.sources) for v in difference.variants]


def test_a_toll_that_grew_between_reports_of_two_days_is_a_change_not_a_difference(
    fake_embedder,
):
    (change,) = compare(
        fake_embedder,
        "Rescuers searched the valley on Wednesday after the flood.\n"
        "About 9,000 people were killed in the flood in the valley, officials said.",
        "Rescuers searched the valley on Friday after the flood.\n"
        "More than 10,000 people were killed in the flood in the valley, officials said.",
    )
    assert change.kind == "change"
    assert [(v.value, v.when) for v in change.variants] == [
        ("9,000", "Wednesday"),
        ("10,000", "Friday"),
    ]


def test_rose_to_says_which_value_is_the_later_one(fake_embedder):
    (change,) = compare(
        fake_embedder,
        "The mayor said the count rose to 4,000 people evacuated from the coastal town.",
        "Some 2,500 people were evacuated from the coastal town, the mayor said.",
    )
    assert change.kind == "change"
    assert [v.value for v in change.variants] == ["2,500", "4,000"]


def test_the_same_toll_on_the_same_day_is_a_difference(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "Officials said on Monday that 21 people were injured in the blast at the depot.",
        "Officials said on Monday that 24 people were injured in the blast at the depot.",
    )
    assert difference.kind == "figure"
    assert values(difference) == [("21", (1,)), ("24", (2,))]


def test_the_value_most_independent_reports_give_comes_first(fake_embedder):
    line = "The ferry carried {} passengers when it sank near the harbour, the coast guard said."
    (difference,) = compare(
        fake_embedder,
        line.format(310),
        line.format(280),
        line.format(280).replace("coast guard said", "coast guard said on the radio"),
        line.format(280).replace("The ferry", "The old ferry"),
    )
    assert [v.value for v in difference.variants] == ["280", "310"]
    assert difference.variants[0].sources == (2, 3, 4)


def test_versions_of_one_wire_story_count_once_in_the_weight(fake_embedder):
    story = (
        "The ferry carried {} passengers when it sank near the harbour, the coast guard said.\n"
        "Divers recovered the vessel's recorder from the sea bed late in the afternoon today.\n"
        "The company that ran the ferry has suspended all of its other crossings this week."
    )
    version = story.replace("late in the afternoon today", "late this afternoon")
    (difference,) = compare(
        fake_embedder,
        story.format(310),
        story.format(280),
        version.format(280).replace("has suspended", "suspended"),
        "The ferry carried 310 passengers when it sank near the harbour, the port chief said.",
    )
    assert [v.value for v in difference.variants] == ["310", "280"]  # 2 reports against 1


def test_an_outlet_that_gives_both_values_is_marked(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "“We have agreed on a ceasefire,” Minister Olaf Berg said in the city of Oslo.\n"
        "Berg met his counterpart at a summit in Bergen on Monday.",
        "“We have agreed on a ceasefire,” Berg said in the city of Bergen, reporters said.",
        "Berg, speaking at the summit in Bergen on Monday, said a ceasefire was agreed.",
    )
    assert difference.kind == "place"
    assert values(difference) == [("Bergen", (1, 2, 3)), ("Oslo", (1,))]
    assert difference.gives_both == (1,)


def test_counts_of_two_scopes_are_no_difference(fake_embedder):
    assert not compare(
        fake_embedder,
        "About 400,000 homes lost power in the Philadelphia area during the storm on Monday.",
        "About 700,000 homes lost power in Pennsylvania during the storm on Monday.",
    )


def test_an_age_given_two_ways_is_a_difference(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "Police charged Aaron Brandt, 21, with arson after the fire at the school.",
        "Aaron Brandt, 22, was charged with arson over the school fire, police said.",
    )
    assert difference.kind == "age"
    assert values(difference) == [("21", (1,)), ("22", (2,))]


def test_a_name_spelled_two_ways_is_a_difference_a_transliteration_is_not(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "Detective Hans Carlsson said the hall held twice as many people as allowed.",
        "Detective Hand Carlsson said the hall held twice as many people as allowed.",
    )
    assert difference.kind == "name"
    assert {v.value for v in difference.variants} == {"Hans Carlsson", "Hand Carlsson"}
    assert same_spelling("Viktor Yanukovich", "Viktor Yanukovych")
    assert same_spelling("Muammar Qadhafi", "Moammar Gaddafi")
    assert same_spelling("Doug Smith", "Douglas Smith")
    assert not same_spelling("Oscar Scalfaro", "Oskar Scalfaro")


def test_a_title_changes_only_when_the_articles_report_the_change(fake_embedder):
    (change,) = compare(
        fake_embedder,
        "Parliament will vote on Thursday on army commander Emile Harb as head of state.",
        "Parliament on Thursday elected Gen. Emile Harb as the country's next president.",
        "President Emile Harb named a new cabinet after the vote in parliament.",
    )
    assert change.kind == "change"
    before = {v.value for v in change.variants if v.when == "before"}
    assert before == {"army commander", "Gen."}
    assert [(v.value, v.when) for v in change.variants][-1] == ("President", "after")
    assert not compare(
        fake_embedder,
        "Former President Tom Lund took the challenge and poured ice water over his head.",
        "President Tom Lund took the challenge and poured ice water over his head.",
    )


def evidence(source: int) -> Evidence:
    return Evidence(source, 0, 10, "x")


def test_disputed_only_when_the_difference_is_about_the_points_own_claim():
    said = Sentence(0, 1, 0, 10, "Berg said a ceasefire was agreed, speaking in Oslo.", 0)
    other = Sentence(1, 2, 0, 10, "Berg said a ceasefire was agreed.", 0)
    place = Difference(
        "place",
        "Where Berg spoke",
        (Variant("Oslo", (1,), (evidence(1),)), Variant("Bergen", (2,), (evidence(2),))),
    )
    ceasefire = Point(0, (0, 1), "Berg said a ceasefire was agreed.", (1, 2), (evidence(1),))
    where = Point(1, (0,), said.text, (1,), (evidence(1),))
    assert certainty(ceasefire, [said, other], [place]).key == CONFIRMED
    assert certainty(where, [said, other], [place]).key == DISPUTED
    change = Difference("change", "x", place.variants)
    assert certainty(where, [said, other], [change]).key != DISPUTED


def test_a_name_spelled_two_ways_disputes_no_point():
    said = Sentence(0, 1, 0, 10, "Detective Hans Carlsson said the hall was full.", 0)
    other = Sentence(1, 2, 0, 10, "Detective Hand Carlsson said the hall was full.", 0)
    spelling = Difference(
        "name",
        "Spelling of Hans Carlsson",
        (
            Variant("Hans Carlsson", (1,), (evidence(1),)),
            Variant("Hand Carlsson", (2,), (evidence(2),)),
        ),
    )
    point = Point(0, (0, 1), said.text, (1, 2), (evidence(1), evidence(2)))
    assert certainty(point, [said, other], [spelling]).key == CONFIRMED
    title = Difference("title", "Title of Hans Carlsson", spelling.variants)
    assert certainty(point, [said, other], [title]).key == CONFIRMED


def test_confirmation_names_known_outlets_and_counts_relays_once():
    first = Sentence(0, 1, 0, 10, "The bridge reopened on Monday.", 0)
    relay = Sentence(1, 2, 0, 10, "The bridge reopened, the mayor told the Daily Herald.", 0)
    third = Sentence(2, 3, 0, 10, "The bridge reopened on Monday after repairs.", 0)
    point = Point(0, (0, 1, 2), first.text, (1, 2, 3), (evidence(1),))
    reports = Reports({1: 1, 2: 2, 3: 3}, {1: "herald"}, {1: "AP", 3: "Reuters"})
    level = certainty(point, [first, relay, third], [], reports)
    assert (level.key, level.reports) == (CONFIRMED, 2)
    assert level.label == "confirmed: reported by AP and Reuters"
    unknown = Reports({1: 1, 2: 2, 3: 3}, {}, {1: "AP"})
    assert certainty(point, [first, relay, third], [], unknown).label == "confirmed by 3 reports"


def test_reworded_versions_of_one_story_are_one_report():
    lines = [
        "The storm made landfall on Monday near the port city, forecasters said today.",
        "Thousands of homes across the region lost power overnight, the utility company said.",
        "Schools in the county will stay closed until Wednesday at least, officials said.",
    ]
    rewritten = [
        "The storm made landfall on Monday near the port city, forecasters said.",
        "Thousands of homes across the region lost power overnight, the utility said.",
        "A local reporter counted twelve fallen trees on Main Street this morning.",
    ]
    sentences = []
    for source, texts in ((1, lines), (2, rewritten)):
        for text in texts:
            sentences.append(Sentence(len(sentences), source, 0, len(text), text, 0))
    sources = [Source(i, f"{i}", "", f"S{i}") for i in (1, 2)]
    assert [s.report for s in mark_reports(sources, sentences)] == [1, 1]


def test_a_capitalized_word_opening_a_sentence_is_no_subject_unless_used_as_a_name(
    fake_embedder,
):
    (difference,) = compare(
        fake_embedder,
        "Rescue workers said 40 people were injured in the blast at the depot on Monday.",
        "Hospital staff said 52 people were injured in the blast at the depot on Monday.",
    )
    assert values(difference) == [("40", (1,)), ("52", (2,))]


def test_figures_of_two_named_subjects_are_no_difference(fake_embedder):
    assert not compare(
        fake_embedder,
        "Olsen holds 18 percent support in the poll of voters, said pollster Kari Olsen.",
        "Berg holds 10 percent support in the poll of voters, said pollster Anna Berg.",
    )


def test_one_tally_worded_two_ways_is_one_quantity(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "Officials said on Monday that 21 people were injured in the blast at the depot.",
        "Officials said on Monday that 24 were hurt in the blast at the depot.",
    )
    assert values(difference) == [("21", (1,)), ("24", (2,))]


def test_tallies_of_two_kinds_are_not_compared(fake_embedder):
    assert not compare(
        fake_embedder,
        "Officials said on Monday that 21 people were injured in the blast at the depot.",
        "Officials said on Monday that 24 people were killed in the blast at the depot.",
    )


def test_an_age_written_aged_or_year_old_after_the_name_is_compared(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "Police charged Aaron Brandt, aged 21, with arson after the fire at the school.",
        "Aaron Brandt, a 22-year-old student, was charged with arson over the school fire.",
    )
    assert difference.kind == "age"
    assert values(difference) == [("21", (1,)), ("22", (2,))]


def test_a_toll_that_now_stands_higher_is_a_change(fake_embedder):
    (change,) = compare(
        fake_embedder,
        "The number of people killed in the quake now stands at 60, officials said.",
        "Officials said 45 people were killed in the quake in the mountain villages.",
    )
    assert change.kind == "change"
    assert [v.value for v in change.variants] == ["45", "60"]


def test_a_toll_that_climbed_past_a_figure_is_the_later_one(fake_embedder):
    (change,) = compare(
        fake_embedder,
        "The number of people evacuated climbed past 4,000 in the coastal town, the mayor said.",
        "Some 2,500 people were evacuated from the coastal town, the mayor said.",
    )
    assert change.kind == "change"
    assert [v.value for v in change.variants] == ["2,500", "4,000"]


def test_a_count_of_two_kinds_together_is_not_a_count_of_one(fake_embedder):
    assert not compare(
        fake_embedder,
        "Reporters spoke to 34 women who worked at the agency about the misconduct.",
        "Later, more than 45 women and men who worked at the agency spoke about the misconduct.",
    )


def test_two_years_of_one_founding_are_a_difference(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "The charity Northwind Aid was founded in 1990 by two nurses in the port city.",
        "The charity Northwind Aid was founded in 1989 by two nurses in the port city.",
    )
    assert difference.kind == "figure"
    assert {v.value for v in difference.variants} == {"1989", "1990"}
    assert difference.about.startswith("year founded")


def test_years_of_two_peoples_births_are_no_difference(fake_embedder):
    assert not compare(
        fake_embedder,
        "The singer Maria Olsen was born in 1961 and grew up in the port city of Bergen.",
        "The singer Kari Berg was born in 1963 and grew up in the port city of Bergen.",
    )


def test_two_company_offices_of_one_person_are_a_title_difference(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "The board said acting CEO Jane Roeland will lead the company through the sale.",
        "The board said CFO Jane Roeland will lead the company through the sale.",
    )
    assert difference.kind == "title"
    assert {v.value for v in difference.variants} == {"acting CEO", "CFO"}
    assert not compare(
        fake_embedder,
        "The board said acting CEO Jane Roeland will lead the company through the sale.",
        "Jane Roeland, the CFO, was named acting CEO by the board ahead of the sale.",
        "The board said CFO Jane Roeland will lead the company through the sale.",
    )


def test_a_story_that_credits_another_sources_outlet_is_no_second_report():
    own = [
        "HARBOURTON (KXYZ9) — A father says a toy set came with instructions he found offensive.",
        "He bought the set for his son's birthday last week at a store in the town.",
        "The maker said it would review the instructions and apologised to the family.",
    ]
    derived = [
        "A toy set has drawn complaints over its instructions, a father said.",
        "He bought it for his son's birthday, he told KXYZ Harbourton about the set.",
        "The company behind the toy said it would review the booklet.",
    ]
    unrelated = [
        "A toy set has drawn complaints over its instructions, a father said.",
        "He bought it for his son's birthday, he told the Valley Herald about the set.",
        "The company behind the toy said it would review the booklet.",
    ]
    for texts, expected in ((derived, [1, 1]), (unrelated, [1, 2])):
        sentences = []
        for source, lines in ((1, own), (2, texts)):
            for text in lines:
                sentences.append(Sentence(len(sentences), source, 0, len(text), text, 0))
        body = "\n".join(own)
        sources = [Source(1, "1", body, "S1", blocks=((0, len(own[0])),)), Source(2, "2", "", "S2")]
        assert [s.report for s in mark_reports(sources, sentences)] == expected


def test_two_ages_of_the_one_person_a_noun_names_are_a_difference(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "Police said the 22-year-old gunman opened fire on the crowd outside the stadium.",
        "Police said the 21-year-old gunman opened fire on the crowd outside the stadium.",
    )
    assert {v.value for v in difference.variants} == {"21", "22"}
    assert difference.about.startswith("age of the gunman")
    assert not compare(
        fake_embedder,
        "Police said a 22-year-old man was shot in the crowd outside the stadium.",
        "Police said a 30-year-old man was shot in the crowd outside the stadium.",
    )


def test_a_count_in_words_keeps_its_qualifier_and_its_compound(fake_embedder):
    assert not compare(
        fake_embedder,
        "Officials said on Monday that at least three people were injured in the blast.",
        "Officials said on Monday that five people were injured in the blast.",
    )
    (difference,) = compare(
        fake_embedder,
        "Officials said on Monday that twenty-one people were injured in the blast.",
        "Officials said on Monday that 24 people were injured in the blast.",
    )
    assert {v.value for v in difference.variants} == {"21", "24"}


def test_a_tally_and_a_count_of_the_same_people_naming_no_tally_are_compared(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "Officials said on Monday that 30 people were injured in the crash on the highway.",
        "Officials said on Monday that 27 people were taken to hospital after the highway crash.",
    )
    assert {v.value for v in difference.variants} == {"27", "30"}


def test_a_spelling_difference_is_named_after_the_form_most_outlets_write(fake_embedder):
    (difference,) = compare(
        fake_embedder,
        "Detective Hans Carlsson said the hall held twice as many people as allowed.",
        "Detective Hans Carlsson said the hall held twice the people it was built for.",
        "Detective Hand Carlsson said the hall held twice as many people as allowed.",
    )
    assert difference.about == "Spelling of Hans Carlsson"
    assert difference.variants[0].value == "Hans Carlsson"
