"""The briefing of the seed articles, with the real bundled model, byte for byte.

Regenerate on purpose only: `pytest tests/test_golden.py --update-goldens` (it rewrites the
goldens and the README's sample briefing), then review the diff.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

import synth
from synth.write.render import render
from tests.conftest import GOLDEN, ROOT

pytestmark = pytest.mark.slow  # the real model, the parser and twenty briefings

# The README's sample: the Markdown block under its "A sample briefing" heading.
README_SAMPLE = re.compile(
    r"(\n## A sample briefing\n.*?\n````markdown\n)(.*?)(^````$)", re.S | re.M
)


def readme_sample(readme: str) -> str:
    """The sample briefing the README shows, exactly as written between its fences."""
    found = README_SAMPLE.search(readme)
    assert found, "README.md has no ````markdown block under '## A sample briefing'"
    return found.group(2)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_golden_output(aleppo_briefing, fmt, request):
    produced = render(aleppo_briefing, fmt)
    golden = GOLDEN / f"aleppo.{fmt}"
    if request.config.getoption("--update-goldens"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.exists(), f"{golden} missing: run pytest --update-goldens"
    assert produced == golden.read_text(encoding="utf-8")


def test_readme_sample_is_what_synth_brief_prints(real_embedder, request, monkeypatch):
    """The README shows the program's own output: `synth brief fixtures/aleppo`, run through the
    command line from the repo root (so the Sources paths match), with the real model."""
    from typer.testing import CliRunner

    from synth.cli import app

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["brief", "fixtures/aleppo"], obj={"embedder": real_embedder})
    assert result.exit_code == 0, result.stderr
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if request.config.getoption("--update-goldens"):
        text = README_SAMPLE.sub(lambda m: m.group(1) + result.stdout + m.group(3), text, count=1)
        readme.write_text(text, encoding="utf-8")
    assert readme_sample(text) == result.stdout


def test_json_is_to_dict(aleppo_briefing):
    assert json.loads(render(aleppo_briefing, "json")) == aleppo_briefing.to_dict()


def test_every_evidence_slice_matches_its_file(aleppo_briefing):
    """Offsets index the file's text as synth reads it, as a reader sees it in print
    (`synth.read.readable`: "AFP, Aleppo :" is read "AFP, Aleppo:")."""
    from synth.read.readable import readable

    data = aleppo_briefing.to_dict()
    paths = {s["id"]: s["path"] for s in data["sources"]}
    for section in data["sections"]:
        for point in section["points"]:
            for ev in point["evidence"]:
                text = readable((ROOT / paths[ev["source"]]).read_text(encoding="utf-8")).text
                assert text[ev["start"] : ev["end"]] == ev["text"]


def _matches_evidence(point_text: str, evidence_text: str) -> bool:
    """Point text is an evidence's text, whitespace normalized, up to bracketed insertions."""
    normalized = " ".join(evidence_text.split())
    if point_text == normalized:
        return True
    pattern = "".join(
        re.escape(part) if i % 2 == 0 else r"\S+(?: \S+){0,3}"
        for i, part in enumerate(re.split(r"(\[[^\]]*\])", point_text))
        if i % 2 == 0 or part
    )
    return re.fullmatch(pattern, normalized) is not None


def test_point_text_is_an_evidence(aleppo_briefing):
    for point in aleppo_briefing.ranked_points:
        assert any(_matches_evidence(point.point.text, e.text) for e in point.point.evidence)


def test_point_sources_are_its_evidence_sources(aleppo_briefing):
    for point in aleppo_briefing.ranked_points:
        assert list(point.point.sources) == sorted({e.source for e in point.point.evidence})


def test_no_two_points_are_near_duplicates(aleppo_briefing, real_embedder):
    texts = [p.point.text for p in aleppo_briefing.ranked_points]
    vectors = real_embedder.encode(texts)
    similarity = vectors @ vectors.T - np.eye(len(texts))
    assert similarity.max() < 0.85


def test_all_five_sources_are_cited(aleppo_briefing):
    cited = {s for p in aleppo_briefing.ranked_points for s in p.point.sources}
    assert cited == {1, 2, 3, 4, 5}


def test_ranks_are_one_to_n(aleppo_briefing):
    ranks = sorted(p.rank for p in aleppo_briefing.ranked_points)
    assert ranks == list(range(1, len(ranks) + 1))


def test_max_words_caps_point_words(aleppo_files, real_embedder):
    small = synth.brief(aleppo_files, embedder=real_embedder, max_words=150)
    assert sum(len(p.point.text.split()) for p in small.ranked_points) <= 150
    assert small.ranked_points


def test_same_bytes_on_second_run_and_reverse_order(aleppo_briefing, aleppo_files, real_embedder):
    again = synth.brief(list(reversed(aleppo_files)), embedder=real_embedder)
    for fmt in ("md", "html", "json"):
        assert render(again, fmt) == render(aleppo_briefing, fmt)


def test_twenty_runs_any_order_one_or_two_threads_same_bytes(
    aleppo_briefing, aleppo_files, model_cache
):
    from synth.understand.onnx_embed import BundledEmbedder

    expected = render(aleppo_briefing, "json")
    for run in range(20):
        embedder = BundledEmbedder(cache_dir=model_cache, threads=1 + run % 2)
        files = aleppo_files if run % 3 else list(reversed(aleppo_files))
        briefing = synth.brief(files, embedder=embedder)
        assert render(briefing, "json") == expected, f"run {run} differs"


def test_sentence_transformers_path_gives_the_same_bytes(aleppo_briefing, aleppo_files):
    """`--model` with a folder goes through sentence-transformers: same model, same briefing."""
    from synth.understand.embed import SentenceTransformerEmbedder

    briefing = synth.brief(aleppo_files, embedder=SentenceTransformerEmbedder())
    assert render(briefing, "json") == render(aleppo_briefing, "json")
