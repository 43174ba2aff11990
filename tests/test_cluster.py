import numpy as np

from synth.understand.cluster import Clusterer, label_sections, silhouette


def blobs() -> np.ndarray:
    rng = np.random.default_rng(0)
    centres = np.eye(3, 16)
    rows = np.vstack([c + 0.05 * rng.standard_normal((6, 16)) for c in centres])
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_number_of_sections_comes_from_the_data():
    vectors = blobs()
    labels = Clusterer().cluster(vectors, np.ones(len(vectors)))
    assert len(set(labels.tolist())) == 3
    assert all(len(set(labels[i * 6 : i * 6 + 6].tolist())) == 1 for i in range(3))


def test_rows_outside_the_fit_join_their_nearest_section():
    vectors = blobs()
    candidates = np.ones(len(vectors), dtype=bool)
    candidates[[0, 6, 12]] = False
    labels = Clusterer().cluster(vectors, np.ones(len(vectors)), candidates)
    assert labels[0] == labels[1] and labels[6] == labels[7] and labels[12] == labels[13]


def test_silhouette_of_separated_groups_is_high():
    vectors = blobs()
    labels = np.repeat([0, 1, 2], 6)
    assert silhouette(vectors @ vectors.T, labels) > 0.8


def test_labels_name_what_is_particular_to_each_section():
    labels = label_sections(
        [
            ["The ceasefire talks in Geneva stalled.", "Geneva talks resume on Monday."],
            ["Hospitals ran out of medicine.", "Medicine shortages hit hospitals."],
        ]
    )
    assert "Geneva" in labels[0] or "talks" in labels[0].lower()
    assert "medicine" in labels[1].lower() or "hospital" in labels[1].lower()
