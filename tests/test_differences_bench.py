"""The differences bench leaves out the blind-judged draw unless asked to take it in."""

from __future__ import annotations

import json
from pathlib import Path

from synth.evaluate.differences import draw_clusters, unskipped


def test_items_of_skipped_clusters_are_left_out():
    records = [{"cluster": "c1", "id": "a"}, {"cluster": "c2", "id": "b"}]
    assert [r["id"] for r in unskipped(records, {"c2"})] == ["a"]
    assert unskipped(records, frozenset()) == records


def test_a_draw_file_gives_its_cluster_ids(tmp_path: Path):
    draw = tmp_path / "draw.json"
    clusters = [{"set": "multinews", "id": "x_1"}, {"set": "duc2004", "id": "y_2"}]
    draw.write_text(json.dumps({"name": "d", "clusters": clusters}), encoding="utf-8")
    assert draw_clusters(draw) == frozenset({"x_1", "y_2"})
