"""The trust targets, asserted on the untouched "test" half of the frozen labelled sets.

Tuning used only the "tune" half. A change that names wrong speakers, lists false differences
or lets more unreadable points through fails here. bench/trust.py prints the full table.
"""

from __future__ import annotations

import pytest

from synth.compare.speakers import SpeakerFinder
from synth.evaluate.trust import TrustReport, trust_report

pytestmark = pytest.mark.slow  # the real model and the parser over the labelled test half

# Needed by issue 11: named speakers right >= 97%; listed differences real >= 90%. The
# standalone target (95%) is not met on the test halves (measured 0.647 on set 2 and 0.771 on
# set 3, 2026-11-28, second session; set 2 was 0.667 before photo captions were kept out as
# page furniture, one of which its annotator read as standalone); the floors below only keep
# them from getting worse.
SPEAKER_PRECISION = 0.97
DIFFERENCE_PRECISION = 0.90
STANDALONE_FLOOR = 0.64
STANDALONE_SECOND_FLOOR = 0.70


@pytest.fixture(scope="module")
def report(real_embedder) -> TrustReport:
    return trust_report("test", real_embedder, SpeakerFinder())


def test_named_speakers_are_right(report):
    assert report.speakers.precision >= SPEAKER_PRECISION
    assert report.speakers.recall >= 0.5


def test_listed_differences_are_real(report):
    assert report.figures.predicted >= 1
    assert report.figures.precision >= DIFFERENCE_PRECISION


def test_standalone_points_do_not_get_worse(report):
    assert report.standalone.predicted >= 10
    assert report.standalone.precision >= STANDALONE_FLOOR
    assert report.standalone_second.predicted >= 20
    assert report.standalone_second.precision >= STANDALONE_SECOND_FLOOR


def test_quote_style_does_not_change_the_speaker(report):
    for same, total in report.styles.values():
        assert total > 0 and same == total
