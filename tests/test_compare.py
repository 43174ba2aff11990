"""Differences, certainty, quotes and figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from synth.compare.certainty import CONFIRMED, DISPUTED, SINGLE, certainty
from synth.compare.differences import place_names
from synth.compare.figures import figure_claims, figure_phrase
from synth.core import Difference, Evidence, Point, Sentence, Variant
from synth.evaluate.labelled import precision_recall, read_pairs, score

PAIRS = Path(__file__).parent / "data" / "differences.jsonl"


def sentence(text: str, source: int = 1, index: int = 0) -> Sentence:
    return Sentence(index, source, 0, len(text), text, 0)


def test_labelled_set_is_big_enough_and_mixed():
    pairs = read_pairs(PAIRS)
    assert len(pairs) >= 30
    assert 5 <= sum(p["difference"] for p in pairs) < len(pairs) - 5


@pytest.mark.slow
def test_precision_and_recall_on_the_labelled_set(real_embedder, capsys):
    results = score(read_pairs(PAIRS), real_embedder)
    precision, recall, tp, fp, fn = precision_recall(results)
    with capsys.disabled():
        counts = f"{tp} tp, {fp} fp, {fn} fn"
        print(f"\ndifferences: precision {precision:.2f} recall {recall:.2f} ({counts})")
    assert precision >= 0.85
    assert recall >= 0.7


def test_figures_skip_years_dates_ages_and_measures():
    claims = figure_claims(
        sentence(
            "In 2016, on December 10, a 37-year-old led 8,000 evacuees 5 kilometres to 3 towns."
        )
    )
    assert [(c.value, c.unit) for c in claims] == [(8000.0, "count"), (3.0, "count")]


def test_percent_and_multiplier_are_read():
    (claim,) = figure_claims(sentence("Sales rose to 6.5 million units."))
    assert claim.value == 6_500_000
    (share,) = figure_claims(sentence("Forces hold about 85 per cent of the city."))
    assert share.unit == "percent" and share.qualifier == "about"


def test_place_of_a_statement():
    assert place_names("“We are ready,” he said in Hamburg, Germany.") == {"Hamburg"}
    assert place_names("Talks will be held in Geneva on Saturday.") == set()


def test_certainty_levels():
    said = sentence("The minister said the bridge would reopen on Monday.", 1, 0)
    plain = sentence("The bridge reopened 12 lanes on Monday after repairs.", 2, 1)
    claim = sentence("Smith claimed the bridge reopened on Monday.", 2, 2)
    ev = (Evidence(1, 0, 10, "x"), Evidence(2, 0, 10, "y"))
    both = Point(0, (1, 0), plain.text, (1, 2), ev)
    one = Point(1, (1,), plain.text, (2,), ev[1:])
    claimed = Point(2, (2,), claim.text, (2,), ev[1:])
    sentences = [said, plain, claim]
    confirmed = certainty(both, sentences, [])
    assert (confirmed.key, confirmed.label, confirmed.reports) == (
        CONFIRMED,
        "confirmed by 2 reports",
        2,
    )
    assert certainty(one, sentences, []).key == SINGLE
    assert certainty(one, sentences, [], support={1}).key == CONFIRMED
    assert certainty(claimed, sentences, [], claimant=lambda text: "Smith").label == (
        "reported as a claim by Smith"
    )
    differ = Difference("figure", "x", (Variant("12", (1,), ev[:1]), Variant("14", (2,), ev[1:])))
    disputed = certainty(both, sentences, [differ])
    assert (disputed.key, disputed.difference) == (DISPUTED, 0)
    elsewhere = Difference("figure", "x", (Variant("3", (1,), ev[:1]), Variant("4", (2,), ev[1:])))
    assert certainty(both, sentences, [elsewhere]).key == CONFIRMED  # not the point's own claim


@pytest.mark.slow
def test_certainty_is_a_key_and_a_label_in_json(aleppo_briefing):
    point = aleppo_briefing.ranked_points[0].to_dict()
    assert point["certainty"] in {"confirmed", "single", "claim", "disputed"}
    assert point["certainty_label"] and isinstance(point["reports"], int)


def test_parts_of_a_whole_ranges_and_other_days_are_no_difference(fake_embedder):
    from synth.compare.differences import QuantityContext
    from synth.compare.figures import figure_claims

    def claims(*texts: str):
        sentences = [sentence(t, k + 1, k) for k, t in enumerate(texts)]
        return sentences, [c for s in sentences for c in figure_claims(s)]

    sentences, (part, whole) = claims(
        "At least 384 civilians were killed in the east.", "Almost 500 civilians were killed."
    )
    extra = Sentence(2, 1, 0, 40, "Another 105 civilians were killed in the west.", 1)
    context = QuantityContext.of([*sentences, extra], [])
    assert not context.same_quantity(part, whole)
    sentences, (low, high) = claims(
        "Some 300 people died on Monday.", "Some 340 people died on Tuesday."
    )
    assert not QuantityContext.of(sentences, []).same_quantity(low, high)
    sentences, (ranged, value) = claims(
        "Between 100 and 500 children need care.", "About 300 children need care."
    )
    assert not QuantityContext.of(sentences, []).same_quantity(ranged, value)
    sentences, (one, other) = claims(
        "Troops hold 75 percent of the city.", "Troops hold 85 percent of the city."
    )
    assert QuantityContext.of(sentences, []).same_quantity(one, other)


def test_different_counted_things_are_no_difference():
    from synth.compare.figures import figure_claims

    (pre,) = figure_claims(sentence("The team played 4 preseason games in May."))
    (regular,) = figure_claims(sentence("The team played 6 regular-season games in May."))
    assert pre.head != regular.head


@pytest.mark.parametrize(
    ("text", "phrase", "counted"),
    [
        ("up to 1,500 people are in", "up to 1,500 people", "people"),
        ("8,000 evacuees", "8,000 evacuees", "evacuees"),
    ],
)
def test_figure_phrase(text, phrase, counted):
    assert figure_phrase(text) == (phrase, counted)


@pytest.mark.slow
def test_aleppo_briefing_shows_differences_quotes_and_certainty(aleppo_briefing):
    found = {tuple(v.value for v in d.variants) for d in aleppo_briefing.differences}
    assert found == {("75%", "80%", "85%"), ("Hamburg", "Munich")}
    speakers = {q.speaker.split()[-1] for q in aleppo_briefing.quotes}
    assert {"Lavrov", "Earnest"} <= speakers
    assert all(p.certainty.label for p in aleppo_briefing.ranked_points)
    disputed = [p for p in aleppo_briefing.ranked_points if p.certainty.key == "disputed"]
    assert all(p.certainty.difference is not None for p in disputed)
    rows = aleppo_briefing.coverage
    assert len(rows) == 5 and all(len(r.points) == len(aleppo_briefing.sections) for r in rows)


def test_a_difference_among_many_copies_is_found_with_few_neighbours(fake_embedder):
    """Hundreds of outlets may carry one of two figures: every one is still counted."""
    from synth.compare.differences import Comparer
    from synth.core import Source
    from synth.understand.merge import Merger

    outlets = 40
    sources, sentences = [], []
    for k in range(outlets):
        figure = "300" if k % 2 else "250"
        text = f"Officials said {figure} civilians were killed in the shelling of the old town."
        sources.append(Source(k + 1, f"s{k}.txt", text, f"S{k}", blocks=((0, len(text)),)))
        sentences.append(Sentence(k, k + 1, 0, len(text), text, 0))
    vectors = fake_embedder.encode([s.text for s in sentences])
    points, _ = Merger().merge(sentences, vectors, sources)
    (difference,) = Comparer(neighbours=3).differences(sentences, vectors, points, sources)
    assert [v.value for v in difference.variants] == ["250", "300"]
    assert sorted(s for v in difference.variants for s in v.sources) == list(range(1, 41))


@pytest.mark.slow
def test_a_quote_carried_by_many_outlets_is_one_entry_in_its_fullest_shared_wording():
    from synth.compare.quotes import key_quotes
    from synth.core import Source

    full = "“We will not leave the city until every family is safe,” Mayor Maria Olsen said."
    trimmed = "“We will not leave the city until every family,” Mayor Maria Olsen said."
    sources, sentences = [], []
    for k in range(30):
        text = trimmed if k % 3 else full
        sources.append(Source(k + 1, f"s{k}.txt", text, f"S{k}", blocks=((0, len(text)),)))
        sentences.append(Sentence(k, k + 1, 0, len(text), text, 0))
    (quote,) = key_quotes(sentences, sources, {})
    assert quote.text == "We will not leave the city until every family is safe"
    assert len(quote.sources) == 30 and quote.speaker == "Maria Olsen"
