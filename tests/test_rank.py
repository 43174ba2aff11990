import numpy as np

from synth.core import Evidence, Point
from synth.understand.rank import Ranker, figures_in


def point(i: int, text: str, sources=(1,)) -> Point:
    return Point(i, (i,), text, tuple(sources), (Evidence(sources[0], 0, len(text), text),))


def test_selection_skips_near_duplicates_and_keeps_the_budget():
    points = [point(i, f"Point number {i} has exactly eight words here.") for i in range(4)]
    vectors = np.array([[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    scores = np.array([0.9, 0.8, 0.5, 0.4])
    chosen = Ranker().select(points, vectors, scores, budget_words=16)
    assert chosen == [0, 2]


def test_ties_are_broken_by_id():
    points = [point(i, f"Point number {i} has exactly eight words here.") for i in range(3)]
    vectors = np.eye(3, dtype=np.float32)
    chosen = Ranker().select(points, vectors, np.array([0.5, 0.5, 0.5]), budget_words=None)
    assert chosen == [0, 1, 2]


def test_points_that_cannot_stand_alone_are_not_shown():
    bad = Point(0, (0,), "However, it was not enough for the town.", (1,), (), standalone=False)
    assert not Ranker().eligible(bad)


def test_figures_ignore_years_and_small_numbers():
    assert figures_in("In 2016, 8,000 people and 5 buses left; 384 died.") == {"8000", "384"}


def lead_case():
    """Three reports: the first two open on the same event (vectors close to [1, 0]), the
    third opens on a side story; report 1 states the event again later (position 5)."""
    from synth.core import Sentence

    rows = [
        (1, 0, "Flood waters closed the Varna port on Monday, officials reported.", [1, 0]),
        (1, 5, "Flood waters had closed the Varna port, the harbour office said.", [1, 0.05]),
        (2, 0, "The Varna port was shut by flood waters on Monday, its owners said.", [1, 0.1]),
        (3, 0, "A Varna choir sang for the evacuated families of the port on Monday.", [0, 1]),
    ]
    sentences = [Sentence(k, s, 0, len(t), t, p) for k, (s, p, t, _) in enumerate(rows)]
    vectors = np.array([v for *_, v in rows], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    points = [point(k, t, (s,)) for k, (s, _, t, _) in enumerate(rows)]
    points = [Point(k, (k,), p.text, p.sources, p.evidence) for k, p in enumerate(points)]
    return points, vectors, sentences


def test_the_event_is_the_lead_that_most_reports_open_with():
    points, vectors, sentences = lead_case()
    report_of = {1: 1, 2: 2, 3: 3}
    scores = np.array([0.5, 0.9, 0.5, 0.95])  # the side story and the later sentence rank high
    events = Ranker().events(points, vectors, sentences, vectors, report_of, scores)
    assert events[0] in (0, 2) and events[-1] == 3
    assert 1 not in events  # said again later in its article: no lead


def test_lead_support_counts_each_report_once():
    from synth.understand.rank import lead_support

    _, vectors, sentences = lead_case()
    apart = lead_support(vectors, sentences, vectors, {1: 1, 2: 2, 3: 3}, 2)
    assert apart[0] > 0.6 > 0.4 > apart[3]  # two of three reports open with the event
    copies = lead_support(vectors, sentences, vectors, {1: 1, 2: 1, 3: 3}, 2)
    assert abs(copies[0] - copies[3]) < 0.1  # two copies of one report open with it: one lead


def test_an_articles_first_sentence_comes_before_its_second_on_equal_support():
    from synth.core import Sentence

    texts = ["Flood waters closed the Varna port on Monday.", "The Varna port stayed shut."]
    sentences = [Sentence(k, 1, 0, len(t), t, k) for k, t in enumerate(texts)]
    vectors = np.array([[1, 0], [1, 0]], dtype=np.float32)
    points = [
        Point(k, (k,), f"{t} It was eight words long.", (1,), ()) for k, t in enumerate(texts)
    ]
    events = Ranker().events(points, vectors, sentences, vectors, {1: 1}, np.array([0.1, 0.9]))
    assert events == [0, 1]


def test_the_event_is_chosen_first_whatever_its_score():
    points = [point(i, f"Point number {i} has exactly eight words here.") for i in range(3)]
    vectors = np.eye(3, dtype=np.float32)
    scores = np.array([0.9, 0.8, 0.1])
    assert Ranker().select(points, vectors, scores, None, first=[2]) == [2, 0, 1]
    assert Ranker().select(points, vectors, scores, None, first=[2, 1]) == [2, 1, 0]
    hidden = [*points[:2], Point(2, (2,), "Too short.", (1,), ())]
    assert Ranker().select(hidden, vectors, scores, None, first=[2]) == [0, 1]


def test_a_lead_that_repeats_the_event_is_not_chosen_again():
    points = [point(i, f"Point number {i} has exactly eight words here.") for i in range(3)]
    vectors = np.array([[1, 0], [1, 0.01], [0, 1]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    chosen = Ranker().select(points, vectors, np.array([0.1, 0.2, 0.9]), None, first=[0, 1])
    assert chosen == [0, 2]


def test_the_briefing_opens_on_the_first_event_a_reader_can_follow_alone():
    from dataclasses import dataclass

    from synth.pipeline import Material, Pipeline
    from tests.conftest import FakeEmbedder

    texts = ["You wake up covered in hives.", "Doctors in Varna found a new tick allergy."]

    @dataclass(frozen=True)
    class Leads(Ranker):
        def events(self, *args, **kwargs):
            return [0, 1]

    class Strict:
        def problem(self, text, known=frozenset(), opening=False):
            return "pronoun" if text.startswith("You") else None

    class Never:
        def problem(self, text, known=frozenset(), opening=False):
            return "fragment"

    told = [point(i, t) for i, t in enumerate(texts)]
    material = Material((), (), np.zeros((0, 2)), told, np.eye(2, dtype=np.float32))
    pipeline = Pipeline(embedder=FakeEmbedder(), ranker=Leads(), judge=Strict())
    assert pipeline._leads(material, np.ones(2)) == [1]
    never = Pipeline(embedder=FakeEmbedder(), ranker=Leads(), judge=Never())
    assert never._leads(material, np.ones(2)) == []


def test_a_second_lead_that_retells_the_event_does_not_open_the_briefing():
    from dataclasses import dataclass

    from synth.pipeline import Material, Pipeline
    from tests.conftest import FakeEmbedder

    @dataclass(frozen=True)
    class Leads(Ranker):
        def events(self, *args, **kwargs):
            return [0, 1, 2]

    class Fine:
        def problem(self, text, known=frozenset(), opening=False):
            return None

    texts = ["Floods closed the Varna port.", "The Varna port shut in floods.", "Burgas voted."]
    vectors = np.array([[1, 0], [0.95, 0.31], [0, 1]], dtype=np.float32)
    told = [point(i, t) for i, t in enumerate(texts)]
    material = Material((), (), np.zeros((0, 2)), told, vectors)
    pipeline = Pipeline(embedder=FakeEmbedder(), ranker=Leads(), judge=Fine())
    assert pipeline._leads(material, np.ones(3)) == [0, 2]


def test_a_lead_may_leave_a_definite_noun_to_its_own_words_but_not_a_pronoun():
    from dataclasses import dataclass

    from synth.pipeline import Material, Pipeline
    from tests.conftest import FakeEmbedder

    @dataclass(frozen=True)
    class Leads(Ranker):
        def events(self, *args, **kwargs):
            return [0, 1]

    class Judge:
        def problem(self, text, known=frozenset(), opening=False):
            return "pronoun" if text.startswith("It") else "definite_description"

    texts = ["It had been a perfect day in Varna.", "The Varna church published the letters."]
    told = [point(i, t) for i, t in enumerate(texts)]
    material = Material((), (), np.zeros((0, 2)), told, np.eye(2, dtype=np.float32))
    pipeline = Pipeline(embedder=FakeEmbedder(), ranker=Leads(), judge=Judge())
    assert pipeline._leads(material, np.ones(2)) == [1]


def test_a_dated_lead_comes_before_an_undated_one_and_a_bare_amount_is_no_event():
    from synth.core import Sentence
    from synth.understand.rank import vague_opening

    texts = [
        "The Varna port was closed by floods for a week.",
        "The Varna port was closed by floods on Tuesday.",
    ]
    sentences = [Sentence(k, k + 1, 0, len(t), t, 0) for k, t in enumerate(texts)]
    vectors = np.array([[1, 0], [1, 0]], dtype=np.float32)
    points = [Point(k, (k,), t, (k + 1,), ()) for k, t in enumerate(texts)]
    events = Ranker().events(points, vectors, sentences, vectors, {1: 1, 2: 2}, np.ones(2))
    assert events == [1, 0]
    quoted = [Point(0, (0,), "Olsen wrote: “Today the Varna port closed.”", (1,), ()), points[1]]
    assert Ranker().events(quoted, vectors, sentences, vectors, {1: 1, 2: 2}, np.ones(2))[0] == 1
    history = [Point(0, (0,), "In 1991, floods closed the Varna port.", (1,), ()), points[0]]
    assert Ranker().events(history, vectors, sentences, vectors, {1: 1, 2: 2}, np.ones(2))[0] == 1
    assert vague_opening("Much can be known about the Varna port.")
    assert not vague_opening("Muchmore Ltd bought the Varna port.")


def test_versions_of_one_wire_story_agree_on_the_event_by_their_leads():
    """Four versions of one wire story (one report) written over days: three open on the
    event, one on the next day's side of it. The event is what most versions open with,
    not any version's lead (each is 1 against a report made of itself)."""
    from synth.core import Sentence
    from synth.understand.rank import lead_support

    rows = [
        (1, "A ferry sank off Varna, killing 12 passengers.", [1, 0]),
        (2, "A ferry sank off Varna, killing at least 12 passengers.", [1, 0.05]),
        (3, "A ferry sank off Varna on Friday, killing 12.", [1, 0.1]),
        (4, "Divers on Sunday searched the harbour for the ferry's log.", [0, 1]),
    ]
    sentences = [Sentence(k, s, 0, len(t), t, 0) for k, (s, t, _) in enumerate(rows)]
    vectors = np.array([v for *_, v in rows], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    support = lead_support(vectors, sentences, vectors, {1: 1, 2: 1, 3: 1, 4: 1}, 2)
    assert support[0] > 0.7 > 0.3 > support[3]


def test_a_lead_that_presents_a_text_after_a_colon_states_no_event():
    from synth.core import Sentence

    texts = [
        "The Herald said in an editorial on Sunday: The closing of the Varna port was a mistake.",
        "Flood waters closed the Varna port on Monday, the harbour office said.",
    ]
    sentences = [Sentence(k, k + 1, 0, len(t), t, 0) for k, t in enumerate(texts)]
    vectors = np.array([[1, 0], [1, 0]], dtype=np.float32)
    points = [Point(k, (k,), t, (k + 1,), ()) for k, t in enumerate(texts)]
    scores = np.array([0.9, 0.1])
    assert Ranker().events(points, vectors, sentences, vectors, {1: 1, 2: 2}, scores) == [1]


def test_after_the_lede_each_report_it_does_not_cite_adds_its_own_lead():
    from dataclasses import dataclass

    from synth.pipeline import Material, Pipeline
    from tests.conftest import FakeEmbedder

    @dataclass(frozen=True)
    class Leads(Ranker):
        def events(self, *args, **kwargs):
            return [0, 1, 2, 3]

    class Fine:
        def problem(self, text, known=frozenset(), opening=False):
            return "fragment" if text.startswith("and") else None

    texts = [
        "Floods closed the Varna port on Monday.",  # the event, from reports 1 and 2
        "Burgas opened shelters on Tuesday.",  # report 3's lead
        "The Varna port reopened on Wednesday.",  # report 3 again: it is covered
        "and Sofia sent help.",  # report 4's lead, which no reader could follow
    ]
    told = [point(0, texts[0], (1, 2)), point(1, texts[1], (3,))]
    told += [point(2, texts[2], (3,)), point(3, texts[3], (4,))]
    material = Material((), (), np.zeros((0, 2)), told, np.eye(4, dtype=np.float32))
    pipeline = Pipeline(embedder=FakeEmbedder(), ranker=Leads(), judge=Fine())
    assert pipeline._report_leads(material, np.ones(4), [0]) == [1]


def test_the_reports_own_leads_are_capped():
    from dataclasses import dataclass

    from synth.pipeline import REPORT_LEADS, Material, Pipeline
    from tests.conftest import FakeEmbedder

    count = REPORT_LEADS + 4

    @dataclass(frozen=True)
    class Leads(Ranker):
        def events(self, *args, **kwargs):
            return list(range(count))

    class Fine:
        def problem(self, text, known=frozenset(), opening=False):
            return None

    told = [point(i, f"Port number {i} reopened on Monday.", (i + 1,)) for i in range(count)]
    material = Material((), (), np.zeros((0, 2)), told, np.eye(count, dtype=np.float32))
    pipeline = Pipeline(embedder=FakeEmbedder(), ranker=Leads(), judge=Fine())
    assert pipeline._report_leads(material, np.ones(count), [0]) == list(range(1, REPORT_LEADS + 1))
