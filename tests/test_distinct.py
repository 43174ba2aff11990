import numpy as np
import pytest

from synth.understand.distinct import distinct


@pytest.mark.parametrize(
    "values",
    [
        np.array([3, 1, 3, 2, 1, -4]),
        np.array([], dtype=np.int64),
        np.array([[5, 5], [0, 7]]),
        np.array([0.5, 0.25, 0.5]),
        np.array([7]),
    ],
)
def test_distinct_gives_what_np_unique_gives(values):
    found = distinct(values)
    expected = np.unique(values)
    assert found.dtype == expected.dtype
    np.testing.assert_array_equal(found, expected)
