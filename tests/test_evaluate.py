import json

import pytest
from typer.testing import CliRunner

from synth.core import InputError
from synth.evaluate.harness import (
    METHODS,
    cut_to_budget,
    evaluate,
    format_json,
    format_table,
    parse_budgets,
)


@pytest.fixture
def dataset(tmp_path):
    cluster = tmp_path / "data" / "c1"
    (cluster / "docs").mkdir(parents=True)
    (cluster / "refs").mkdir()
    (cluster / "docs" / "D1.txt").write_text(
        "The cat sat on the mat today.\nA dog barked at the red door.\n"
    )
    (cluster / "docs" / "D2.txt").write_text(
        "Neighbours heard the dog bark all night long.\nThe cat did not move from the mat.\n"
    )
    (cluster / "refs" / "ref.txt").write_text("the cat sat on a red mat")
    return tmp_path / "data"


@pytest.mark.slow
def test_lead_scores_worked_by_hand(dataset, fake_embedder, tmp_path):
    results = evaluate(dataset, ["lead"], [6], out=tmp_path / "out", embedder=fake_embedder)
    (row,) = results[6]
    # lead's first 6 words: "The cat sat on the mat"; reference cut to "the cat sat on a red"
    assert row["rouge1_recall"] == pytest.approx(round(100 * 4 / 6, 2))
    assert row["rouge2_recall"] == pytest.approx(60.0)
    written = (tmp_path / "out" / "lead" / "c1.txt").read_text()
    assert written == "The cat sat on the mat\n"


@pytest.mark.slow
def test_every_method_runs_and_writes_one_sentence_a_line(dataset, fake_embedder, tmp_path):
    results = evaluate(dataset, METHODS, [12, 20], out=tmp_path / "o", embedder=fake_embedder)
    assert [r["method"] for r in results[12]] == list(METHODS)
    for method in METHODS:
        lines = (tmp_path / "o" / "20" / method / "c1.txt").read_text().splitlines()
        assert len(lines) >= 1 and sum(len(line.split()) for line in lines) <= 20
    table = format_table(results)
    assert "| synth |" in table and "(20 words)" in table
    assert json.loads(format_json(results))[0]["max_words"] == 12


def test_cut_to_budget_cuts_the_last_sentence():
    assert cut_to_budget(["one two three", "four five six"], 4) == ["one two three", "four"]


def test_bad_budget_and_dataset_are_clear_errors(tmp_path):
    with pytest.raises(InputError):
        parse_budgets("100,abc")
    with pytest.raises(InputError, match="no clusters"):
        evaluate(tmp_path, ["lead"], [10])


@pytest.mark.slow
def test_cli_eval_prints_the_table(dataset, fake_embedder):
    from synth.cli import app

    args = ["eval", str(dataset), "--methods", "lead,lexrank", "--json"]
    result = CliRunner().invoke(app, args, obj={"embedder": fake_embedder})
    assert result.exit_code == 0, result.output
    assert '"method": "lexrank"' in result.stdout
