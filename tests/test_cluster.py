import numpy as np

from synth.understand.cluster import Clusterer, join_strays, silhouette
from tests.conftest import FakeEmbedder


def blobs(count: int = 3, size: int = 6) -> np.ndarray:
    rng = np.random.default_rng(0)
    centres = np.eye(count, 16)
    rows = np.vstack([c + 0.05 * rng.standard_normal((size, 16)) for c in centres])
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_number_of_sections_comes_from_the_data():
    vectors = blobs()
    labels = Clusterer().cluster(vectors, np.ones(len(vectors)))
    assert len(set(labels.tolist())) == 3
    assert all(len(set(labels[i * 6 : i * 6 + 6].tolist())) == 1 for i in range(3))


def test_five_subtopics_are_not_lumped_into_two():
    vectors = blobs(5, 5)
    labels = Clusterer().cluster(vectors, np.ones(len(vectors)))
    assert len(set(labels.tolist())) == 5


def test_rows_outside_the_fit_join_their_nearest_section():
    vectors = blobs()
    candidates = np.ones(len(vectors), dtype=bool)
    candidates[[0, 6, 12]] = False
    labels = Clusterer().cluster(vectors, np.ones(len(vectors)), candidates)
    assert labels[0] == labels[1] and labels[6] == labels[7] and labels[12] == labels[13]


def test_a_stray_pair_joins_the_nearest_group():
    vectors = blobs(3, 5)
    labels = np.array([0] * 5 + [1] * 5 + [2, 2, 2, 3, 3])
    joined = join_strays(vectors, labels, 3)
    assert len(set(joined.tolist())) == 3 and len(set(joined[10:].tolist())) == 1


def test_silhouette_of_separated_groups_is_high():
    vectors = blobs()
    labels = np.repeat([0, 1, 2], 6)
    assert silhouette(vectors @ vectors.T, labels) > 0.8


def test_name_sections_gives_each_section_in_order_a_heading(fake_embedder: FakeEmbedder):
    from synth.core import Point, Sentence

    texts = [
        "The ceasefire talks in Geneva stalled on Monday.",
        "Diplomats said the talks in Geneva would resume.",
        "Hospitals ran out of medicine after the siege.",
        "The medicine shortages hit the hospitals in the north.",
    ]
    sentences = [Sentence(i, 1, 0, len(t), t, i) for i, t in enumerate(texts)]
    points = [Point(i, (i,), t, (1,), ()) for i, t in enumerate(texts)]
    vectors = fake_embedder.encode(texts)
    labels = np.array([0, 0, 1, 1])
    names = Clusterer().name_sections(
        points, labels, np.ones(4), sentences, vectors, fake_embedder, [1, 0]
    )
    assert set(names) == {0, 1}
    assert "talks" in names[0].lower() or "geneva" in names[0].lower()
    assert "medicine" in names[1].lower() or "hospital" in names[1].lower()
